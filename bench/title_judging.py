"""Blind judging of extracted events on articles nobody developed on.

    python bench/title_judging.py sheet [SET]      # write bench/titles/sheet[-SET].yaml
    python bench/title_judging.py score FILE...    # figures of judged sheets
    python bench/title_judging.py union A B OUT    # one blind sheet for two codes' sheets
    python bench/title_judging.py paired JUDGED A B  # each code's figures from a judged union

``sheet`` runs the extractor, as ``dateline extract`` does, on every article in
bench/articles/SET/ (default heldout; heldout2 is the second set, written after the first
had been judged and its lessons used) and writes one entry per event (article, number, title, date,
date_text, quote, review) for a judge who did not write the code. The judge copies the
sheet and adds ``title_verdict`` (keep / fix / junk) and ``date_verdict`` (right / wrong)
to each entry, following bench/titles/RUBRIC.md. ``score`` prints, per judged file, the
share of titles kept as they are, to fix and junk, and the share of dates right.

``union`` and ``paired`` compare two codes with the same judges: ``union`` writes the
events of two sheets (say the code before and after a change, extracted from one set) as
one sheet, each distinct event once, in article order, with nothing saying which code
wrote it; the judges judge that sheet; ``paired`` gives each code the verdicts of its own
events and prints both codes' figures side by side, and the verdicts of the events only
one code wrote. One judge then reads every event both codes share in one way, so a
difference between the codes is not a difference between judges.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
def make_sheet(name: str = "heldout") -> None:
    """Extract every article of one held-out set and write the judging sheet."""
    import subprocess

    folder = REPO / "bench" / "articles" / name
    sheet = REPO / "bench" / "titles" / ("sheet.yaml" if name == "heldout"
                                          else f"sheet-{name}.yaml")
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO,
                            capture_output=True, text=True).stdout.strip()
    sys.path.insert(0, str(REPO / "src"))
    from dateline.extract.events import extract_events
    from dateline.extract.ingest import load_article

    try:
        from dateline.extract.doubt import REASON as DOUBT
    except ImportError:  # a checkout from before the title model
        DOUBT = None

    entries = []
    for path in sorted(folder.glob("[0-9]*.md")):  # the articles, not the README
        article = load_article(str(path))
        for n, ev in enumerate(extract_events(article), 1):
            entries.append({"article": path.name, "n": n, "title": ev.title, "date": ev.date,
                            "date_text": ev.date_text, "quote": ev.quote,
                            # Not the title model's guess: a judge must not be told it,
                            # and the model is fitted to these sheets' other reasons.
                            "review": [r for r in ev.review if r != DOUBT]})
    sheet.write_text(f"# extracted by dateline at commit {commit}\n"
                     + yaml.safe_dump(entries, sort_keys=False, allow_unicode=True, width=100),
                     encoding="utf-8")
    print(f"{sheet.relative_to(REPO)}: {len(entries)} events from "
          f"{len({e['article'] for e in entries})} articles")


def score(paths: list[str]) -> None:
    """Print the shares of each verdict in each judged sheet."""
    for p in paths:
        rows = yaml.safe_load(Path(p).read_text(encoding="utf-8"))
        titles = Counter(r.get("title_verdict") for r in rows)
        dates = Counter(r.get("date_verdict") for r in rows)
        n = len(rows)
        print(f"{p}: {n} events | titles keep {titles['keep'] / n:.0%} "
              f"({titles['keep']}), fix {titles['fix'] / n:.0%} ({titles['fix']}), "
              f"junk {titles['junk'] / n:.0%} ({titles['junk']}) | dates right "
              f"{dates['right'] / n:.1%} ({dates['right']}/{n})")
        unjudged = n - sum(titles[k] for k in ("keep", "fix", "junk"))
        if unjudged:
            print(f"  {unjudged} entries without a valid title_verdict")


def _key(row: dict) -> tuple:
    return (row["article"], row["title"], str(row["date"]), row.get("date_text"), row["quote"])


def _read(path: str) -> list[dict]:
    return yaml.safe_load(Path(path).read_text(encoding="utf-8"))


def union(a: str, b: str, out: str) -> None:
    """Write the distinct events of sheets `a` and `b` as one unlabelled sheet `out`."""
    rows_a, rows_b = _read(a), _read(b)
    seen = {_key(r) for r in rows_a}
    merged: list[dict] = []
    # Each article's events in a's order, with b's own events after the last event of a
    # that came before them in b (so a judge reads them beside the same sentence).
    by_article: dict[str, list[dict]] = {}
    for r in rows_a:
        by_article.setdefault(r["article"], []).append(r)
    extra: dict[tuple, list[dict]] = {}
    last: dict[str, tuple | None] = {}
    for r in rows_b:
        k = _key(r)
        if k in seen:
            last[r["article"]] = k
            continue
        seen.add(k)
        extra.setdefault((r["article"], last.get(r["article"])), []).append(r)
    for article in sorted({r["article"] for r in rows_a + rows_b}):
        rows = [*extra.get((article, None), [])]
        for r in by_article.get(article, []):
            rows.append(r)
            rows.extend(extra.get((article, _key(r)), []))
        merged.extend({**r, "n": n} for n, r in enumerate(rows, 1))
    Path(out).write_text("# extracted by dateline (two codes' events, each once)\n"
                         + yaml.safe_dump(merged, sort_keys=False, allow_unicode=True,
                                          width=100), encoding="utf-8")
    print(f"{out}: {len(merged)} events ({len(rows_a)} in {a}, {len(rows_b)} in {b})")


def paired(judged: str, a: str, b: str) -> None:
    """Print each code's figures from the verdicts of a judged union sheet."""
    verdicts = {_key(r): r for r in _read(judged)}
    codes = {}
    for name in (a, b):
        rows = _read(name)
        got = [verdicts.get(_key(r)) for r in rows]
        missing = sum(g is None for g in got)
        got = [g for g in got if g is not None]
        titles = Counter(g.get("title_verdict") for g in got)
        dates = Counter(g.get("date_verdict") for g in got)
        n = len(got)
        codes[name] = {_key(r) for r in rows}
        print(f"{name}: {n} events | titles keep {titles['keep'] / n:.1%} ({titles['keep']}), "
              f"fix {titles['fix'] / n:.1%} ({titles['fix']}), junk {titles['junk'] / n:.1%} "
              f"({titles['junk']}) | dates right {dates['right'] / n:.1%} "
              f"({dates['right']}/{n})" + (f" | {missing} not in the judged sheet" if missing else ""))
    for name, other in ((a, b), (b, a)):
        only = [verdicts[k] for k in sorted(codes[name] - codes[other]) if k in verdicts]
        titles = Counter(r.get("title_verdict") for r in only)
        dates = Counter(r.get("date_verdict") for r in only)
        print(f"  only in {name}: {len(only)} events, titles {dict(titles)}, dates {dict(dates)}")


if __name__ == "__main__":
    if len(sys.argv) >= 2 and sys.argv[1] == "sheet":
        make_sheet(sys.argv[2] if len(sys.argv) > 2 else "heldout")
    elif len(sys.argv) >= 3 and sys.argv[1] == "score":
        score(sys.argv[2:])
    elif len(sys.argv) == 5 and sys.argv[1] == "union":
        union(*sys.argv[2:])
    elif len(sys.argv) == 5 and sys.argv[1] == "paired":
        paired(*sys.argv[2:])
    else:
        sys.exit(__doc__)
