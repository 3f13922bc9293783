"""Blind judging of extracted events on articles nobody developed on.

    python bench/title_judging.py sheet [SET]      # write bench/titles/sheet[-SET].yaml
    python bench/title_judging.py score FILE...    # figures of judged sheets

``sheet`` runs the extractor, as ``dateline extract`` does, on every article in
bench/articles/SET/ (default heldout; heldout2 is the second set, written after the first
had been judged and its lessons used) and writes one entry per event (article, number, title, date,
date_text, quote, review) for a judge who did not write the code. The judge copies the
sheet and adds ``title_verdict`` (keep / fix / junk) and ``date_verdict`` (right / wrong)
to each entry, following bench/titles/RUBRIC.md. ``score`` prints, per judged file, the
share of titles kept as they are, to fix and junk, and the share of dates right.
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

    entries = []
    for path in sorted(folder.glob("[0-9]*.md")):  # the articles, not the README
        article = load_article(str(path))
        for n, ev in enumerate(extract_events(article), 1):
            entries.append({"article": path.name, "n": n, "title": ev.title, "date": ev.date,
                            "date_text": ev.date_text, "quote": ev.quote,
                            "review": list(ev.review)})
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


if __name__ == "__main__":
    if len(sys.argv) >= 2 and sys.argv[1] == "sheet":
        make_sheet(sys.argv[2] if len(sys.argv) > 2 else "heldout")
    elif len(sys.argv) >= 3 and sys.argv[1] == "score":
        score(sys.argv[2:])
    else:
        sys.exit(__doc__)
