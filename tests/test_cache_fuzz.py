"""A damaged, planted or outdated cache costs speed, never correctness, and never runs code.

The fuzz test flips random bits in, or truncates, every file of .dateline-cache/ in turn,
edits an event so the build must use the cache, and checks the build succeeds and writes
exactly what a cold build writes. Sized to run in about 15 s.
"""

from __future__ import annotations

import pickle
import random

from conftest import run_dateline

from dateline.build import cache
from dateline.build.recipe import build_site


def tree(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _events(n: int) -> dict[str, str]:
    return {f"events/e{i:02d}.yaml": f"date: {2000 + i % 9}-{i % 12 + 1:02d}\ntitle: Event {i}\n"
            f"tags: [t{i % 4}]\nplaces: [Place {i % 3}]\nbody: 'Body *{i}* [link](https://x.org/{i})'\n"
            f"source: {{title: S, url: 'https://x.org/{i}', published: 2024-01-0{1 + i % 9}}}\n"
            for i in range(n)}


VARIANTS = ("date: 2003-04\ntitle: Variant zero\ntags: [t1, new]\nbody: Zero *0*\n",
            "date: 1999\ntitle: Variant one, longer\ntags: [t2]\nbody: One\n")


def _damage(path, rng: random.Random) -> str:
    data = bytearray(path.read_bytes())
    if not data:
        return "empty"
    if rng.random() < 0.5:
        for _ in range(rng.randint(1, 3)):
            i = rng.randrange(len(data))
            data[i] ^= 1 << rng.randrange(8)
        how = "bit flip"
    else:
        del data[rng.randrange(len(data)):]
        how = "truncation"
    path.write_bytes(bytes(data))
    return how


def test_random_damage_to_every_cache_file_still_builds_exactly_the_cold_site(site, tmp_path):
    root = site(_events(16))
    variant = root / "content/events/e05.yaml"
    refs = []
    for n, text in enumerate(VARIANTS):
        variant.write_text(text)
        assert build_site(root, tmp_path / f"cold{n}", use_cache=False).ok
        refs.append(tree(tmp_path / f"cold{n}"))
    assert build_site(root, root / "site").ok
    folder = root / ".dateline-cache"
    files = sorted(p for p in folder.iterdir() if p.is_file() and p.name != ".gitignore")
    kinds = {p.name.split("-")[0].split(".")[0] for p in files}
    assert kinds == {"state", "fingerprint", "exports", "fullcards", *cache.SHARDED}, kinds
    rng = random.Random(2024)
    for i, path in enumerate(files):
        if not path.exists():
            continue  # a shard emptied by an edit is deleted
        how = _damage(path, rng)
        variant.write_text(VARIANTS[i % 2])
        if i % 20 == 0:  # now and then through the real command: exit 0, at most one note
            result = run_dateline("-C", str(root), "build")
            assert result.returncode == 0, (path.name, how, result.stderr)
            notes = [ln for ln in result.stderr.splitlines() if ln.startswith("note:")]
            assert len(notes) <= 1 and result.stderr.count("\n") <= 1, result.stderr
        else:
            result = build_site(root, root / "site")
            assert result.ok, (path.name, how)
            assert len(getattr(result, "notes", ())) <= 1
        assert tree(root / "site") == refs[i % 2], (path.name, how)
    # Everything damaged at once, then a build with no change at all must still be right.
    for path in folder.iterdir():
        if path.is_file():
            _damage(path, rng)
    assert build_site(root, root / "site").ok
    assert tree(root / "site") == refs[(len(files) - 1) % 2]
    # And the cache written after damage is whole again: nothing is refused next time.
    variant.write_text(VARIANTS[len(files) % 2])
    again = build_site(root, root / "site")
    assert again.ok and again.notes == [] and tree(root / "site") == refs[len(files) % 2]


class _Plant:
    """Unpickling this creates a file: proof that a cache could run code."""

    def __init__(self, marker: str) -> None:
        self.marker = marker

    def __reduce__(self):
        return (open, (self.marker, "w"))


def test_a_planted_pickle_is_never_loaded(site, tmp_path):
    root = site(_events(4))
    assert build_site(root, root / "site").ok
    folder = root / ".dateline-cache"
    marker = tmp_path / "ran"
    bait = pickle.dumps(_Plant(str(marker)))
    for name in ("state.pickle", "files-00.pickle", "markdown-00.pickle", "fragments-00.pickle"):
        (folder / name).write_bytes(bait)
    (root / "content/events/e01.yaml").write_text("date: 2001\ntitle: Edited\n")
    assert build_site(root, root / "site").ok
    assert not marker.exists()
    assert "Edited" in (root / "site/events/e01.html").read_text()
    from dateline.build import store

    assert not list(folder.glob("*.pickle"))  # and the cache holds none afterwards
    assert all(p.read_bytes().startswith(store.MAGIC) for p in folder.iterdir() if p.name != ".gitignore")


def test_a_cache_of_another_version_is_ignored_with_one_note(site, tmp_path):
    from dateline.build import store

    root = site(_events(6))
    assert build_site(root, root / "site").ok
    folder = root / ".dateline-cache"
    state = store.load(folder / cache.STATE_FILE, cache.VERSION)
    store.dump(folder / cache.STATE_FILE, "0.0.1/1/old", state)  # well formed, but not ours
    (root / "content/events/e02.yaml").write_text("date: 2002\ntitle: Changed\n")
    result = run_dateline("-C", str(root), "build")
    assert result.returncode == 0
    assert result.stderr.startswith("note: ignored a damaged or outdated build cache "
                                    "(state.json: from another version)")
    assert build_site(root, tmp_path / "cold", use_cache=False).ok
    assert tree(root / "site") == tree(tmp_path / "cold")


def test_damaged_export_pieces_are_found_when_read_and_cost_only_speed(site, tmp_path):
    # The export pieces are read only when the exports are made (cache.exports_memo), after
    # the pages were planned: damage found then must still give the cold build's bytes.
    root = site(_events(12))
    assert build_site(root, root / "site").ok
    index = root / ".dateline-cache" / cache.EXPORTS_FILE
    assert index.exists()
    rng = random.Random(7)
    _damage(index, rng)
    (root / "content/events/e05.yaml").write_text(VARIANTS[0])
    result = run_dateline("-C", str(root), "build")
    assert result.returncode == 0, result.stderr
    assert f"note: ignored a damaged or outdated build cache ({cache.EXPORTS_FILE}" in result.stderr
    assert build_site(root, tmp_path / "cold", use_cache=False).ok
    assert tree(root / "site") == tree(tmp_path / "cold")
    # The damaged index was stored again whole: the next edit needs no note.
    (root / "content/events/e06.yaml").write_text(VARIANTS[1])
    again = run_dateline("-C", str(root), "build")
    assert again.returncode == 0 and "note:" not in again.stderr
    assert build_site(root, tmp_path / "cold2", use_cache=False).ok
    assert tree(root / "site") == tree(tmp_path / "cold2")


def test_export_files_changed_in_site_keeping_size_and_mtime_are_not_spliced(site, tmp_path):
    # The pieces are cut from the last build's export files in site/: one edited in place,
    # with its size and mtime put back (so site/ still looks as left), is not used.
    import os

    root = site(_events(12))
    assert build_site(root, root / "site").ok
    for name in ("events.json", "events.ics", "timeline.json", "events.csv"):
        path = root / "site" / name
        st = path.stat()
        data = bytearray(path.read_bytes())
        data[len(data) // 2] ^= 0x20
        path.write_bytes(bytes(data))
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    (root / "content/events/e05.yaml").write_text(VARIANTS[1].replace("1999", "2005"))
    result = build_site(root, root / "site")
    assert result.ok and result.notes == []
    assert build_site(root, tmp_path / "cold", use_cache=False).ok
    assert tree(root / "site") == tree(tmp_path / "cold")


def test_a_rebuild_that_renders_nothing_does_not_read_the_export_pieces(site, monkeypatch):
    from dateline.build import store

    files = _events(6)
    files["events/e00.yaml"] += "colour: red\n"  # an unknown key: a warning, so never skipped
    root = site(files)
    first = build_site(root, root / "site")
    assert first.ok and first.problems
    before = tree(root / "site")
    read = []
    real = store.load
    monkeypatch.setattr(store, "load", lambda path, version: (read.append(path.name),
                                                              real(path, version))[1])
    again = build_site(root, root / "site")
    assert again.ok and not again.up_to_date and again.report.written == 0
    assert read and cache.EXPORTS_FILE not in read
    assert tree(root / "site") == before
    state = cache.load_state(root)
    kept = cache.exports_memo(root, (root / "site").resolve(), state).previous()
    assert kept is not None and len(kept.keys) == 6  # kept as they were
