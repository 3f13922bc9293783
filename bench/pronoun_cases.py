"""Every pronoun or possessive a title names, with the name chosen for it: the cases to
label by hand for bench/pronoun_gold/, and the scorer of those labels.

    python bench/pronoun_cases.py list heldout2 > /tmp/cases.yaml   # to label
    python bench/pronoun_cases.py score heldout2 heldout4            # against the gold

A case is (article, the pronoun's character offset, the pronoun); the gold says the name
it stands for by the reading of the article, or ``null`` where no name in the article
fits (a title should then leave it for review). The score counts, of the gold's cases
the code still reaches: right (the gold's name, or one the gold lists as also right),
wrong (another name, or any name where the gold has none), and left for review (no
name where the gold has one).

Only sets retired to development, or sets measured after the change is written, may be
read this way (bench/articles/README.md).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]
PRONOUNS = {"he", "she", "him", "her", "his", "hers", "it", "its", "they", "them", "their"}


def cases(set_name: str) -> list[dict[str, Any]]:
    """The pronouns the titles of ``set_name`` replaced or tried to replace, in order."""
    sys.path.insert(0, str(REPO / "src"))
    from dateline.extract import events, nlp
    from dateline.extract.ingest import load_article

    seen: list[tuple[Any, Any, str | None]] = []
    real = events.build_title

    class Recorder:
        def __init__(self, resolve: Any, verb: Any) -> None:
            self._resolve, self._verb = resolve, verb

        def __call__(self, tok: Any) -> str | None:
            name = self._resolve(tok)
            if tok.lower_ in PRONOUNS:
                seen.append((self._verb, tok, name))
            return name

        def __getattr__(self, attr: str) -> Any:
            return getattr(self._resolve, attr)

    def build_title(verb: Any, drop: set[int], resolve: Any) -> Any:
        return real(verb, drop, Recorder(resolve, verb))

    events.build_title = build_title  # type: ignore[assignment]
    out = []
    for path in sorted((REPO / "bench" / "articles" / set_name).glob("[0-9]*.md")):
        art = load_article(str(path))
        doc = nlp.parse(art.text)
        seen.clear()
        got = events.extract_article(art, None, doc)
        kept = {ev.anchor[0]: ev.title for ev in got.events}
        done = set()
        for verb, tok, name in seen:
            title = kept.get(verb.idx)
            if title is None or tok.idx in done:
                continue
            if name is not None and name.split()[-1] not in title:
                continue  # built, then not the title the event kept
            done.add(tok.idx)
            sent = tok.sent
            before = list(doc.sents)
            n = next(i for i, s in enumerate(before) if s.start == sent.start)
            out.append({"article": path.name, "at": tok.idx, "pronoun": tok.text,
                        "chosen": name, "title": title,
                        "context": " ".join(s.text for s in before[max(0, n - 2):n]).strip(),
                        "sentence": sent.text.strip()})
    events.build_title = real  # type: ignore[assignment]
    return out


def score(sets: list[str]) -> None:
    """Right / wrong / left for review against bench/pronoun_gold/SET.yaml, per set."""
    total = [0, 0, 0, 0]
    for s in sets:
        gold = yaml.safe_load((REPO / "bench" / "pronoun_gold" / f"{s}.yaml").read_text())
        got = {(c["article"], c["at"]): c["chosen"] for c in cases(s)}
        right = wrong = review = missing = 0
        for g in gold:
            key = (g["article"], g["at"])
            if key not in got:
                missing += 1
                continue
            ok = {n.lower() for n in (g["gold"], *g.get("also", [])) if n is not None}
            chose = got[key]
            if chose is None and g["gold"] is None:
                right += 1  # no name fits: left for review is right
            elif chose is None:
                review += 1
            elif chose.lower() in ok:
                right += 1
            else:
                wrong += 1
        n = right + wrong + review
        print(f"{s:10} right {right}/{n}  wrong {wrong}  review {review}  "
              f"(not reached {missing})")
        for i, v in enumerate((right, wrong, review, missing)):
            total[i] += v
    n = sum(total[:3])
    print(f"{'all':10} right {total[0]}/{n} ({total[0] / max(n, 1):.3f})  wrong {total[1]}  "
          f"review {total[2]}  (not reached {total[3]})")


if __name__ == "__main__":
    if len(sys.argv) < 3 or sys.argv[1] not in ("list", "score"):
        sys.exit(__doc__)
    if sys.argv[1] == "list":
        for s in sys.argv[2:]:
            print(f"# {s}")
            print(yaml.safe_dump(cases(s), sort_keys=False, allow_unicode=True, width=100))
    else:
        score(sys.argv[2:])
