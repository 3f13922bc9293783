"""What a build remembers for the next one, and that losing any of it only costs speed."""

from dateline.build import cache
from dateline.build.recipe import build_site


def test_compiled_templates_are_kept_outside_the_site_cache_and_a_failure_costs_nothing_else(
        site, tmp_path, monkeypatch):
    from jinja2 import bccache

    from dateline.build import compiled
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    monkeypatch.setattr(compiled, "_memory", {})
    root = site({"events/a.yaml": "date: 2022\ntitle: A\n"})
    first = build_site(root, root / "site")
    assert first.ok
    folder = tmp_path / "user-cache" / "dateline" / "templates"
    kept = sorted(p.name for p in folder.iterdir())
    assert kept and all(name.endswith(".cache") for name in kept)
    assert oct(folder.stat().st_mode & 0o777) == oct(0o700)
    assert not (root / ".dateline-cache" / "templates").exists()  # code never goes there

    def refuse(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(bccache.tempfile, "NamedTemporaryFile", refuse)
    monkeypatch.setattr(compiled, "_memory", {})
    for path in folder.iterdir():
        path.unlink()
    (root / "content/events/a.yaml").write_text("date: 2022\ntitle: A, edited\n")
    second = build_site(root, root / "site")
    assert second.ok and "A, edited" in (root / "site/events/a.html").read_text()


def test_the_build_cache_keeps_what_each_build_adds(site):
    root = site({"events/a.yaml": "date: 2022\ntitle: A\nbody: '*first*'\n",
                 "events/b.yaml": "date: 2023\ntitle: B\nbody: '*other*'\n"})
    assert build_site(root, root / "site").ok
    (root / "content/events/a.yaml").write_text("date: 2022\ntitle: A\nbody: '*second*'\n")
    assert build_site(root, root / "site").ok
    state = cache.load_state(root)
    cache.read_all(state)  # the Markdown shards are read on use
    assert set(state.markdown) == {"*second*", "*other*"}
    assert "<em>second</em>" in state.markdown["*second*"]
    assert {e.event.title for e in state.files.values()} == {"A", "B"}
    kept = cache.exports_memo(root, (root / "site").resolve(), state).previous()
    assert kept is not None and len(kept.keys) == 2  # one entry per event, the stale one dropped


def test_a_damaged_or_missing_cache_shard_only_costs_speed(site, tmp_path):
    events = {f"events/e{i:02d}.yaml": f"date: {2000 + i}\ntitle: E{i}\nbody: '*b{i}*'\ntags: [t{i % 3}]\n"
              for i in range(20)}
    root = site(events)
    assert build_site(root, root / "site").ok
    shards = sorted((root / ".dateline-cache").glob("*-*.*"))
    assert {p.name.split("-")[0] for p in shards} == {*cache.SHARDED, "fullcards"}
    for i, path in enumerate(shards):
        if i % 3 == 0:
            path.write_bytes(b"not a cache file")
        elif i % 3 == 1:
            path.unlink()
    (root / "content/events/e03.yaml").write_text("date: 2003\ntitle: E3 edited\nbody: '*new*'\n")
    assert build_site(root, root / "site").ok
    cold = build_site(root, tmp_path / "cold", use_cache=False)
    assert cold.ok

    def tree(folder):
        return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}

    assert tree(root / "site") == tree(tmp_path / "cold")


def test_a_same_size_edit_with_its_old_mtime_put_back_is_seen(site):
    import os

    root = site({"events/a.yaml": "date: 2022\ntitle: Alpha\n", "events/b.yaml": "date: 2023\ntitle: B\n"})
    assert build_site(root, root / "site").ok
    path = root / "content/events/a.yaml"
    before = path.stat()
    path.write_text("date: 2022\ntitle: Omega\n")  # the same size
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # as `touch -d` would
    assert path.stat().st_size == before.st_size and path.stat().st_mtime_ns == before.st_mtime_ns
    result = build_site(root, root / "site")
    assert result.ok and not result.up_to_date
    assert "Omega" in (root / "site/events/a.html").read_text()


def test_a_file_whose_ctime_alone_changed_is_not_parsed_again(site, monkeypatch):
    import os

    from dateline import content

    root = site({"events/a.yaml": "date: 2022\ntitle: Alpha\n", "events/b.yaml": "date: 2023\ntitle: B\n"})
    assert build_site(root, root / "site").ok
    path = root / "content/events/a.yaml"
    os.chmod(path, 0o600)  # a new ctime, the same bytes (as a checkout or a restored cache gives)
    parsed = []
    real = content.read_yaml
    monkeypatch.setattr(content, "read_yaml", lambda p, *a, **kw: parsed.append(p.name) or real(p, *a, **kw))
    (root / "content/events/b.yaml").write_text("date: 2023\ntitle: B edited\n")
    assert build_site(root, root / "site").ok
    assert parsed == ["b.yaml"]
    stat = path.stat()
    assert cache.load_state(root).files["content/events/a.yaml"].stat == (
        stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)


def test_the_cache_gives_back_every_event_exactly_as_parsed(example_site):
    from dateline.content import load_content

    assert build_site(example_site, example_site / "site").ok
    state = cache.load_state(example_site)
    assert state.notes == []
    fresh = load_content(example_site).memo.files
    assert fresh.keys() == state.files.keys() and fresh
    for shown, parsed in fresh.items():
        kept = state.files[shown]
        assert (kept.stat[:2], kept.problems, kept.digest) == (parsed.stat[:2], parsed.problems,
                                                               parsed.digest)
        assert kept.event == parsed.event and kept.event.digest == parsed.event.digest
        assert kept.event.sort_key() == parsed.event.sort_key()
        assert type(kept.event.tags) is tuple and type(kept.event.date.start.first) is type(
            parsed.event.date.start.first)


def test_an_event_with_several_sources_comes_back_from_the_cache_whole(site):
    # Each source's publication day and reading of the date are values the JSON cache
    # must give back as they were parsed (a merge of two stages built apart).
    from dateline.content import load_content

    root = site({"events/a.yaml": (
        "date: 2024-03-23\ntitle: Ship runs aground\nsources:\n"
        "  - title: One\n    url: https://example.org/1\n    published: 2024-03-24\n"
        "    quote: The ship ran aground on Saturday.\n    date_text: on Saturday\n"
        "    reading: 2024-03-23\n"
        "  - title: Two\n    url: https://example.org/2\n    published: 2024-03-26\n"
        "    quote: It grounded late in March.\n    date_text: late in March\n"
        "    reading: 2024-03-21/2024-03-31\n")})
    assert build_site(root, root / "site").ok
    state = cache.load_state(root)
    fresh = load_content(root).memo.files
    kept, parsed = state.files["content/events/a.yaml"].event, fresh["content/events/a.yaml"].event
    assert len(parsed.sources) == 2 and parsed.sources[1].reading is not None
    assert kept == parsed and kept.sources == parsed.sources
    assert type(kept.sources) is tuple and kept.sources[0].published == parsed.sources[0].published
    assert kept.source is kept.sources[0]  # stored once, as "the first source"


def test_a_well_formed_cache_row_of_another_shape_is_refused_not_misread(site, tmp_path):
    # The checksum guards against damage; a row that passes it but is not what the codec
    # writes (a field more or less, a source that is no list) must still cost only speed.
    from dateline.build import store

    events = {f"events/e{i}.yaml": f"date: {2000 + i}\ntitle: E{i}\nsource: {{title: S{i}}}\n"
              for i in range(8)}
    root = site(events)
    assert build_site(root, root / "site").ok
    shards = sorted((root / ".dateline-cache").glob("files-*.json"))
    for n, path in enumerate(shards):
        raw = store.load(path, cache.VERSION)
        for row in raw["entries"].values():
            event = row[3]
            if n % 2:
                event.append("one field too many")
            else:
                event[event.index(0)] = "not a source"  # where "the first source" was
        store.dump(path, cache.VERSION, raw)
    state = cache.load_state(root)
    assert state.files == {} and len(state.notes) == len(shards)
    (root / "content/events/e3.yaml").write_text("date: 2003\ntitle: E3 again\n")
    assert build_site(root, root / "site").ok
    assert build_site(root, tmp_path / "cold", use_cache=False).ok

    def tree(folder):
        return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}

    assert tree(root / "site") == tree(tmp_path / "cold")


def test_plain_dates_decode_as_parse_value_reads_them():
    import datetime as dt

    import pytest

    from dateline.build.codec import _plain_date
    from dateline.dates import parse_value

    values = ["2010", "1999", "0001", "2010-01", "2010-12", "2024-02", "2023-02", "2010-03-13",
              "2024-02-29", "1990-12-31", "0001-01-01"]
    for value in values:
        assert _plain_date(value) == parse_value(value), value
    # Other forms are left to parse_value (seasons, intervals, qualifiers, decades, spaces).
    for value in ["2021-21", "2010-13", "2010~", "2010-03-13?", "199X", "2010/2012", " 2010",
                  "2010-3-13", "２０１０", "20100313"]:
        assert _plain_date(value) is None, value
    for bad in ["2023-02-29", "2010-00-10", "0000"]:  # refused either way
        with pytest.raises(ValueError):
            parse_value(bad)
        with pytest.raises(ValueError):
            _plain_date(bad)
    assert _plain_date("2010-03-13").first == dt.date(2010, 3, 13)


def test_markdown_shards_are_read_on_use_and_a_rebuild_keeps_the_unread_ones(site):
    # One edited body reads (and rewrites) only its own shard; the others stay as they were
    # and still hold their bodies for a later build.
    bodies = {f"events/e{i:02d}.yaml": f"date: 2020\ntitle: Event {i}\nbody: 'Text *{i}*'\n"
              for i in range(40)}
    root = site(bodies)
    assert build_site(root, root / "site").ok
    folder = root / ".dateline-cache"
    before = {p.name: p.read_bytes() for p in folder.glob("markdown-*")}
    state = cache.load_state(root)
    assert len(state.markdown) == 0 and state.markdown.get("Text *3*").startswith("<p>Text")
    assert len(state.markdown) < 40
    (root / "content/events/e03.yaml").write_text("date: 2020\ntitle: Event 3\nbody: 'Now *3*'\n")
    assert build_site(root, root / "site").ok
    after = {p.name: p.read_bytes() for p in folder.glob("markdown-*")}
    touched = {cache._shard_name("markdown", cache._shard_of(b)) for b in ("Now *3*", "Text *3*")}
    assert {name: data for name, data in after.items() if name not in touched} == {
        name: data for name, data in before.items() if name not in touched}
    state = cache.load_state(root)
    cache.read_all(state)
    assert "Now *3*" in state.markdown and "Text *3*" not in state.markdown
    assert all(f"Text *{i}*" in state.markdown for i in range(40) if i != 3)
    assert state.notes == []


def test_a_damaged_markdown_shard_read_on_use_is_noted_and_the_cache_rewritten_whole(site):
    root = site({f"events/e{i:02d}.yaml": f"date: 2020\ntitle: Event {i}\nbody: 'Text *{i}*'\n"
                 for i in range(20)})
    assert build_site(root, root / "site").ok
    state = cache.load_state(root)
    shard = root / ".dateline-cache" / cache._shard_name("markdown", cache._shard_of("Text *4*"))
    shard.write_bytes(shard.read_bytes()[:-3])
    (root / "content/events/e04.yaml").write_text("date: 2020\ntitle: Event 4\nbody: 'Text *4*'\n"
                                                   "tags: [x]\n")
    result = build_site(root, root / "site")
    assert result.ok and len(result.notes) == 1 and shard.name in result.notes[0]
    again = cache.load_state(root)
    cache.read_all(again)
    assert again.notes == [] and all(f"Text *{i}*" in again.markdown for i in range(20))
    del state
