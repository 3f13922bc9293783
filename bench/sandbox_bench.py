"""The cost of `dateline build --sandbox`, side by side with a plain build (issue 12, item 9).

    python bench/sandbox_bench.py [--sizes 1000,10000] [--runs 3]

On the same synthetic sites as bench/build_bench.py (its corpus, timing and helpers), one
invocation measures, for each N, a cold build (site/ and .dateline-cache/ deleted before
each run) and the rebuild after editing one event, each plain and with --sandbox, and
prints the medians and the sandbox/plain ratio. The sandbox checks every attribute access
and call a template makes, and it never uses the compiled-template cache.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_bench import dateline_cmd, gen_site, measure, rmtree  # noqa: E402


def timed(cmd: list[str], before: Callable[[], None]) -> float:
    """One whole-process run after `before()`, the disk synced first; its wall time."""
    before()
    os.sync()
    res = measure(cmd)
    if res["rc"] != 0:
        sys.exit(f"{' '.join(cmd)} failed: {res['stderr'][-500:]}")
    return res["wall"]


def main() -> None:
    """Measure and print one table."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    rows = []
    for n in (int(s) for s in args.sizes.split(",")):
        site = gen_site(n)
        target = sorted((site / "content" / "events").glob("*.yaml"))[n // 2]
        original = target.read_text(encoding="utf-8")
        cmds = {"plain": dateline_cmd(site), "sandbox": dateline_cmd(site, "--sandbox")}

        def cold(site: Path = site) -> None:
            rmtree(site / "site")
            rmtree(site / ".dateline-cache")

        def edit(target: Path = target, original: str = original,
                 count: list[int] = [0]) -> None:  # noqa: B006 - a counter kept between calls
            count[0] += 1
            target.write_text(original.replace("title: ", f"title: edited{count[0]} ", 1),
                              encoding="utf-8")

        times: dict[tuple[str, str], list[float]] = {}
        try:
            # Plain and sandboxed runs alternate, so a change in the machine's load (it is
            # shared) falls on both alike; the first round is an uncounted warm-up.
            for i in range(args.runs + 1):
                for mode, cmd in cmds.items():
                    wall = timed(cmd, cold)
                    rebuild = timed(cmd, edit)  # from the build just made, in the same mode
                    if i:
                        times.setdefault(("cold", mode), []).append(wall)
                        times.setdefault(("one edit", mode), []).append(rebuild)
        finally:
            target.write_text(original, encoding="utf-8")
        for case in ("cold", "one edit"):
            plain, boxed = (statistics.median(times[(case, m)]) for m in cmds)
            rows.append((n, case, plain, boxed))
            print(f"N={n} {case}: plain {times[(case, 'plain')]}, sandbox "
                  f"{times[(case, 'sandbox')]}", flush=True)
    print(f"\n| N | case | plain | --sandbox | ratio |  (median of {args.runs})\n"
          "|---|---|---|---|---|")
    for n, case, plain, boxed in rows:
        print(f"| {n} | {case} | {plain:.3f} s | {boxed:.3f} s | {boxed / plain:.2f}x |")


if __name__ == "__main__":
    main()
