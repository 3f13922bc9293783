"""Dates against the corpus writer's gold: how many gold events extraction finds, and how
many of those carry the gold date.

    python bench/gold_dates.py SET [SET ...] [--show]

SET is a folder under bench/articles/ (dev, heldout, heldout2, ...). A gold event
(bench/articles/SET/gold/STEM.yaml: date, phrase, sentence_starts) is *found* when an
extracted event's quote holds its sentence start and the event's date phrase and the gold
phrase overlap (one holds the other, case and spacing aside); it is *dated right* when the
event's date covers the same days as the gold date. Extracted events that match no gold event are counted
as *extra* (a gold file lists what the writer would keep, so some extras are fine events
and some are noise; the title sheet judges them). ``--show`` prints every miss.

This complements the blind title judging (bench/title_judging.py): it needs no judge, so
it can be rerun on every change, but only on sets that are no longer blind.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]


def _norm(s: str) -> str:
    return " ".join(s.lower().replace("’", "'").split())


def _same(value: str, gold: str) -> bool:
    """The same span of days: EDTF's "2021-21" (spring) is gold's "2021-03/2021-05"."""
    from dateline.dates import DateError, parse_value

    if value == gold:
        return True
    try:
        a, b = parse_value(value), parse_value(gold)
    except (DateError, ValueError):
        return False
    return (a.first, a.last) == (b.first, b.last)


def score(name: str, show: bool = False) -> dict[str, int]:
    """Score one article set; returns the counts."""
    sys.path.insert(0, str(REPO / "src"))
    from dateline.extract.events import extract_events
    from dateline.extract.ingest import load_article, strip_dateline

    folder = REPO / "bench" / "articles" / name
    counts = {"gold": 0, "found": 0, "right": 0, "extracted": 0, "extra": 0}
    for path in sorted(folder.glob("[0-9]*.md")):
        gold = yaml.safe_load((folder / "gold" / f"{path.stem}.yaml").read_text("utf-8")) or []
        events = extract_events(load_article(str(path)))
        counts["extracted"] += len(events)
        used: set[int] = set()
        for g in gold:
            counts["gold"] += 1
            # The extractor drops a newswire dateline ("SAN FRANCISCO —") before the
            # first sentence; the gold's sentence start may still carry it.
            start = _norm(strip_dateline(str(g["sentence_starts"])))
            phrase = _norm(str(g["phrase"]))
            hits = [i for i, e in enumerate(events)
                    if start in _norm(e.quote) and e.date_text
                    and (_norm(e.date_text) in phrase or phrase in _norm(e.date_text))]
            if not hits:
                if show:
                    print(f"  missed  {path.name}: {g['date']} {g['phrase']!r} ({g['event']})")
                continue
            counts["found"] += 1
            right = [i for i in hits if _same(str(events[i].date), str(g["date"]))]
            used.update(right or hits[:1])
            if right:
                counts["right"] += 1
            elif show:
                e = events[hits[0]]
                print(f"  wrong   {path.name}: {e.date} for {g['date']} {g['phrase']!r}: {e.title}")
        counts["extra"] += len(events) - len(used)
    return counts


def main(argv: list[str]) -> None:
    show = "--show" in argv
    total = {"gold": 0, "found": 0, "right": 0, "extracted": 0, "extra": 0}
    for name in [a for a in argv if not a.startswith("--")]:
        c = score(name, show)
        for k, v in c.items():
            total[k] += v
        print(f"{name}: gold {c['gold']}, found {c['found']} ({c['found'] / c['gold']:.1%}), "
              f"dated right {c['right']} ({c['right'] / max(1, c['found']):.1%} of found), "
              f"extracted {c['extracted']}, extra {c['extra']}")
    if total["gold"]:
        print(f"all: found {total['found'] / total['gold']:.1%}, dated right "
              f"{total['right'] / max(1, total['found']):.1%} of found")


if __name__ == "__main__":
    main(sys.argv[1:])
