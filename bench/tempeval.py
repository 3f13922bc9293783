"""TempEval-3 date-normalization benchmark: our normalizer vs naive dateparser.

usage: python bench/tempeval.py [train|platinum|both]      (default: train)

Runs ../shared/bench/tempeval3/score_tempeval.py (the measure DESIGN.md names) against the
normalize command (JSON Lines on stdin, one line out per line in) and against the naive
dateparser baseline, and prints accuracy, scored, correct and lines/s side by side.
platinum is held out: run it to report, never to tune.  Set SHOW_MISSES=1 to list misses.
The shared folder is found beside the repo, or at $DATELINE_SHARED.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DATELINE_SHARED") or REPO.parent / "shared")
TEMPEVAL = SHARED / "bench" / "tempeval3"
# The `dateline normalize` protocol; the lead may point this at the console script.
OURS = [sys.executable, "-m", "dateline", "normalize"]  # the real command, as users run it
BASELINE = [sys.executable, str(TEMPEVAL / "baseline_normalize.py")]


def score(data: Path, command: list[str]) -> dict:
    """Run score_tempeval.py on one data file and command; figures plus lines/s."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO / "src"),
                                                      env.get("PYTHONPATH")]))
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, str(TEMPEVAL / "score_tempeval.py"), str(data),
                           "--", *command], capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - started
    lines = proc.stdout.strip().splitlines()
    if proc.returncode != 0 or not lines:
        return {"error": (proc.stdout + proc.stderr)[-800:]}
    if os.environ.get("SHOW_MISSES"):
        print("\n".join(lines[:-1]))
    result = json.loads(lines[-1])
    if "scored" in result:
        result["lines_per_s"] = round(result["scored"] / seconds)
    return result


def main(argv: list[str]) -> int:
    which = argv[0] if argv else "train"
    if which not in ("train", "platinum", "both"):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    splits = ["train", "platinum"] if which == "both" else [which]
    failed = False
    print(f"{'split':<9} {'command':<10} {'accuracy':>8} {'correct':>8} {'scored':>7} "
          f"{'lines/s':>8}")
    for split in splits:
        data = TEMPEVAL / f"{split}.jsonl"
        for name, command in (("dateline", OURS), ("dateparser", BASELINE)):
            r = score(data, command)
            if "error" in r:
                failed = True
                print(f"{split:<9} {name:<10} ERROR {r['error']}")
                continue
            print(f"{split:<9} {name:<10} {r['accuracy']:>8.3f} {r['correct']:>8} "
                  f"{r['scored']:>7} {r.get('lines_per_s', 0):>8}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
