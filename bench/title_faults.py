"""Judged title faults re-read with the current code: the judged title beside the title the
code gives the same event now, one fault each.

    python bench/title_faults.py FAULTS [--set heldout10] [--save NOW.json] [--against OLD.json]

FAULTS is a faults sheet as the blind judges' notes are handed on (one ``[NN keep/fix]
title | date date-phrase`` line a fault, then ``Q:`` the sentence, ``NOW:``, ``N:``
notes). NN is the article's number in bench/articles/SET. An event of the current code
is the fault's when its quote holds the sentence's opening (the sheet cuts long ones);
of several in one sentence, the one whose title reads most like the judged one (its
date counting for it), and none when none reads like it. A fault
with no event from its sentence is "gone" (the code no longer makes it an event).

``--save`` writes the current titles as JSON; ``--against`` reads such a file instead of
the judged titles as the "old" side, so two code versions can be set side by side. The
line ends with ``=`` (same), ``~`` (changed) or ``-`` (gone); whether a change is better
is for the reader to judge.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
_HEAD = re.compile(r"^\[(\d+) (\w+)/(\w+)\] (.*?) \| (\S+)")


def read_faults(path: Path) -> list[dict]:
    """The faults of a sheet: article number, verdicts, judged title, date, sentence."""
    out: list[dict] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        m = _HEAD.match(line)
        if m:
            out.append({"article": m[1], "verdicts": f"{m[2]}/{m[3]}", "title": m[4],
                        "date": m[5], "q": ""})
        elif line.strip().startswith("Q:") and out:
            out[-1]["q"] = line.strip()[2:].strip()
    return out


def _norm(s: str) -> str:
    return " ".join(s.replace("’", "'").replace("“", '"').replace("”", '"').split()).lower()


def _score(event: object, fault: dict) -> float:
    """How much an event reads like the judged one: title likeness, and its date."""
    like = difflib.SequenceMatcher(None, event.title.lower(), fault["title"].lower()).ratio()
    return like + (0.3 if event.date == fault["date"] else 0.0)


def current(faults: list[dict], set_name: str) -> list[str | None]:
    """Each fault's title in the current code, or None when its sentence has no event."""
    sys.path.insert(0, str(REPO / "src"))
    from dateline.extract.batch import extract_many

    folder = REPO / "bench" / "articles" / set_name
    paths = {f["article"]: str(next(folder.glob(f"{f['article']}-*.md"))) for f in faults}
    order = sorted(set(paths.values()))
    events = {r.path: r.events for r in extract_many(order, workers=2)}
    out: list[str | None] = []
    for f in faults:
        q = _norm(f["q"])[:120]
        mine = [e for e in events[paths[f["article"]]] if q and q in _norm(e.quote)]
        if not mine:
            out.append(None)
            continue
        best = max(mine, key=lambda e: _score(e, f))
        # Another event of the sentence, nothing like the judged one: this one is gone.
        out.append(best.title if _score(best, f) >= 0.5 else None)
    return out


def main() -> None:
    """Print old and new title for each fault and count same / changed / gone."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("faults", type=Path)
    ap.add_argument("--set", default="heldout10")
    ap.add_argument("--save", type=Path)
    ap.add_argument("--against", type=Path)
    args = ap.parse_args()
    faults = read_faults(args.faults)
    now = current(faults, args.set)
    old = json.loads(args.against.read_text()) if args.against else [f["title"] for f in faults]
    counts = {"=": 0, "~": 0, "-": 0}
    for f, a, b in zip(faults, old, now, strict=True):
        mark = "-" if b is None and a is not None else "=" if a == b else "~"
        counts[mark] += 1
        print(f"{mark} [{f['article']} {f['verdicts']}] {a}")
        if mark != "=":
            print(f"    -> {b if b is not None else '(gone)'}")
    print(f"\n{len(faults)} faults: {counts['=']} same, {counts['~']} changed, "
          f"{counts['-']} gone")
    if args.save:
        args.save.write_text(json.dumps(now, indent=0), encoding="utf-8")


if __name__ == "__main__":
    main()
