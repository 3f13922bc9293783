"""`python -m dateline` is the same as the `dateline` console script."""

from dateline.cli import main

if __name__ == "__main__":
    main()
