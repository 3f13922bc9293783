"""Every extracted event of some article sets, one line each, for reading and for diffing
before and after a change to extraction.

    python bench/titles_dump.py dev heldout heldout2 > /tmp/before.txt
    ... change the code ...
    python bench/titles_dump.py dev heldout heldout2 > /tmp/after.txt
    diff /tmp/before.txt /tmp/after.txt

Each SET is a folder under bench/articles/. Only sets retired to development may be read
this way (bench/articles/README.md says which): a blind set read while changing the code
stops measuring anything.
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main(sets: list[str]) -> None:
    """Print ``## article`` and then ``date | title`` for each event, in article order."""
    sys.path.insert(0, str(REPO / "src"))
    from dateline.extract.batch import extract_many

    paths = [str(p) for s in sets for p in sorted((REPO / "bench" / "articles" / s).glob("[0-9]*.md"))]
    for result in extract_many(paths, workers=2):
        if result.article is None:
            print(f"## {result.path}: {result.error}")
            continue
        print(f"## {Path(result.article.path).relative_to(REPO)}")
        for ev in result.events:
            print(f"  {ev.date!s:12} | {ev.title}")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
