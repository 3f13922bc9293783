"""Re-read a list of judged title faults with the code as it is now: for each fault, the
title the judges saw (or the later code's, its ``NOW:`` line), and the title extracted
now from the same sentence and date.

    python bench/faults_reread.py FAULTS.txt SET [--changed]

FAULTS.txt is a judged-fault list (``[NN keep/fix] title | date phrase``, then ``Q:``
the sentence, ``NOW:`` the code's title where it differs, ``N:`` the judges' notes);
NN is the article's number in bench/articles/SET. Prints one block per fault (``=`` the
same title, ``~`` changed, ``-`` no event now) and the counts.
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
_HEAD = re.compile(r"^\[(\d+) (\w+)/(\w+)\] (.*) \| (\S+)")


def faults(path: Path) -> list[dict]:
    """The faults of a list, each with its article number, title, date, sentence and the
    later code's title (None: the same as judged; "gone": no longer an event)."""
    out: list[dict] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        m = _HEAD.match(line)
        if m:
            out.append({"n": m.group(1), "title": m.group(4), "date": m.group(5),
                        "q": "", "now": None, "notes": []})
            continue
        body = line.strip()
        if not out:
            continue
        if body.startswith("Q:"):
            out[-1]["q"] = body[2:].strip()
        elif body.startswith("NOW:"):
            now = body[4:].strip()
            out[-1]["now"] = "gone" if now == "gone" else ast.literal_eval(now)
        elif body.startswith("N:"):
            out[-1]["notes"].append(body[2:].strip())
    return out


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.lower()))


def main(args: list[str]) -> None:
    """Print each fault's old and new title and the counts of changed ones."""
    sys.path.insert(0, str(REPO / "src"))
    from dateline.extract.batch import extract_many

    listed, folder = Path(args[0]), REPO / "bench" / "articles" / args[1]
    only_changed = "--changed" in args
    items = faults(listed)
    paths = {p.name[:2]: str(p) for p in sorted(folder.glob("[0-9]*.md"))}
    events: dict[str, list[tuple[str, str, int]]] = {}
    texts: dict[str, str] = {}
    for result in extract_many(list(paths.values()), workers=2):
        key = Path(result.path).name[:2]
        if result.article is None:
            continue
        texts[key] = " ".join(result.article.text.split())
        # The verb's offset in the article's text with its spaces squeezed, as Q: is.
        raw = result.article.text
        events[key] = [(str(ev.date), ev.title, len(" ".join(raw[:ev.anchor[0]].split())))
                       for ev in result.events]
    same = changed = gone = 0
    for f in items:
        olds = [f["title"]] if f["now"] is None else [] if f["now"] == "gone" else \
            [t for t, _ in f["now"]]
        text = texts.get(f["n"], "")
        at = text.find(f["q"][:120])
        # The events whose verb is in the fault's sentence; of those, the one nearest in
        # words to each old title (a sentence may hold several events).
        here = [(t, d) for d, t, a in events.get(f["n"], [])
                if at >= 0 and at <= a < at + len(f["q"])]
        news: list[str] = []
        for o in olds or [f["title"]]:
            best = max(here, key=lambda td: len(_words(td[0]) & _words(o)), default=None)
            # (a fault no longer an event comes back only nearly word for word)
            need = 1 if olds else max(1, len(_words(o)) * 2 // 3)
            if best is not None and len(_words(best[0]) & _words(o)) >= need \
                    and best[0] not in news:
                news.append(best[0])
        if not olds and not news:
            same += 1  # no event then, none now
            continue
        old = " || ".join(olds) or "(none)"
        new = " || ".join(news) or "(none)"
        mark = "=" if sorted(olds) == sorted(news) else "-" if not news else "~"
        same += mark == "="
        changed += mark == "~"
        gone += mark == "-"
        if only_changed and mark == "=":
            continue
        print(f"{mark} [{f['n']}] {f['date']}\n    old: {old}\n    new: {new}")
        for n in f["notes"][:1]:
            print(f"    judge: {n}")
    print(f"\n{len(items)} faults: {same} the same, {changed} changed, {gone} no event now")


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(sys.argv[1:])
