"""`python build.py [OPTIONS]` is `dateline build [OPTIONS]` for the site in this folder."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "src"))  # works before `pip install -e .` too

from dateline.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.argv[1:1] = ["-C", str(Path(__file__).parent), "build"]
    main()
