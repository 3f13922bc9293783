"""Extractor benchmark: one seed article whole-process, and a batch of generated articles.

    python bench/extract_bench.py [--seed PATH] [--n 200] [--workers 2] [--cli]

1. Whole process on the seed article (targets < 1 s): ``python -c`` running load_article +
   extract_events, or with ``--cli`` the real ``python -m dateline extract --dry-run``.
2. ``extract_many`` over ~200 generated news articles in a temp dir (target >= 20
   articles/s on 2 workers), with peak RSS of this process and of its children.

``--stand-in`` injects a tiny regex tagger when ``dateline.tagger`` does not exist yet
(only so the pipeline can be timed before it lands; figures then exclude the tagger).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SEED = REPO.parent / "shared" / "seeds"

_ACTORS = ["The finance ministry", "The city council", "Prime Minister Ana Duarte",
           "The central bank", "President Tomas Keller", "The European Commission",
           "Health officials", "The opposition party", "Rescue teams", "The defence ministry",
           "Local farmers", "The national railway company", "Foreign Minister Li Wei"]
_VERBS = ["announced a review of", "approved", "rejected", "signed", "suspended",
          "launched", "postponed", "criticised", "opened", "cancelled"]
_OBJECTS = ["the new budget", "a trade agreement with Canada", "the coastal defence plan",
            "a bridge across the river", "emergency aid for flooded towns",
            "the fuel subsidy", "talks with Norway", "a vaccination campaign",
            "the high-speed rail line", "an inquiry into the collapse"]
_DATES = ["in March", "last week", "on 12 May 2021", "in late 2019", "in the spring of 2020",
          "on Tuesday", "in 2018", "last weekend", "in early 2021", "in September",
          "on February 3", "in mid-2017", "this year", "in the 1990s", "two years ago"]
_FILLER = ["Analysts said the decision was widely expected.",
           "The country has a population of about 5 million people.",
           "Critics claim the move could hurt exports.",
           "It is the only such agency in the region.",
           "Officials recently described the situation as stable."]
_FURNITURE = ["Photo: Agency staff. Picture credit: Example Images", "Share this article",
              "Leave a Reply", "This site uses Akismet to reduce spam.",
              "Posted on 4 January 2010 by a reader: great piece!"]


def make_article(rng: random.Random, i: int) -> str:
    """One invented news article as a .txt with front matter."""
    published = dt.date(2022, 1, 1) + dt.timedelta(days=rng.randrange(700))
    paras = []
    for _ in range(rng.randint(6, 14)):
        sent = f"{rng.choice(_ACTORS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)}"
        if rng.random() < 0.8:
            sent += f" {rng.choice(_DATES)}"
        if rng.random() < 0.3:
            sent += f" after {rng.choice(_ACTORS).lower()} {rng.choice(_VERBS)} " \
                    f"{rng.choice(_OBJECTS)} {rng.choice(_DATES)}"
        para = sent + "."
        if rng.random() < 0.4:
            para += " " + rng.choice(_FILLER)
        paras.append(para)
    title = f"Article {i} - {rng.choice(_ACTORS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)}"
    body = "\n\n".join(paras + rng.sample(_FURNITURE, 2))
    return f"---\ntitle: {title}\npublished: {published}\n---\n{title}\n\n{body}\n"


_STAND_IN = """
import sys, types, importlib.util
try:
    import dateline.tagger
except ImportError:
    spec = importlib.util.spec_from_file_location('dateline.tagger', {path!r})
    mod = importlib.util.module_from_spec(spec)
    sys.modules['dateline.tagger'] = mod
    spec.loader.exec_module(mod)
"""


def _seed_path(arg: str | None) -> Path:
    p = Path(arg) if arg else DEFAULT_SEED
    if p.is_dir():
        p = sorted(p.glob("*.txt"))[0]
    return p


def bench_seed(seed: Path, cli: bool, stand_in: str | None, runs: int = 5) -> float:
    """Median wall time of the whole process on the seed article."""
    if cli:
        cmd = [sys.executable, "-m", "dateline", "extract", str(seed), "--published",
               "2022-12-06", "--dry-run", "--out", tempfile.mkdtemp()]
    else:
        code = (_STAND_IN.format(path=stand_in) if stand_in else "") + (
            "import datetime\nfrom dateline.extract.ingest import load_article\n"
            "from dateline.extract.events import extract_events\n"
            f"a = load_article({str(seed)!r}, datetime.date(2022, 12, 6))\n"
            "print(len(extract_events(a)))\n")
        cmd = [sys.executable, "-c", code]
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        out = subprocess.run(cmd, capture_output=True, text=True)
        times.append(time.perf_counter() - t0)
        if out.returncode:
            raise SystemExit(f"seed run failed:\n{out.stderr}")
    times.sort()
    print(f"seed whole-process: median {times[len(times) // 2]:.3f} s "
          f"(min {times[0]:.3f}, max {times[-1]:.3f}); output: {out.stdout.strip()[:80]}")
    return times[len(times) // 2]


def bench_batch(n: int, workers: int) -> float:
    """Articles per second for extract_many over ``n`` generated articles."""
    from dateline.extract.events import extract_many

    rng = random.Random(1234)
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i in range(n):
            p = Path(tmp) / f"article-{i:04d}.txt"
            p.write_text(make_article(rng, i), encoding="utf-8")
            paths.append(str(p))
        t0 = time.perf_counter()
        results = extract_many(paths, workers=workers)
        elapsed = time.perf_counter() - t0
    errors = [r for r in results if r.error]
    events = sum(len(r.events) for r in results)
    rate = n / elapsed
    print(f"batch: {n} articles, {workers} workers: {elapsed:.2f} s, {rate:.1f} articles/s, "
          f"{events} events, {len(errors)} errors")
    self_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak RSS: parent {self_mb:.0f} MB, largest child {kids_mb:.0f} MB")
    return rate


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed")
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--cli", action="store_true", help="time `python -m dateline extract`")
    ap.add_argument("--stand-in", help="path of a stand-in tagger module (before it lands)")
    args = ap.parse_args()
    if args.stand_in:
        exec(_STAND_IN.format(path=args.stand_in))  # noqa: S102 - bench-only shim
    bench_seed(_seed_path(args.seed), args.cli, args.stand_in)
    bench_batch(args.n, args.workers)


if __name__ == "__main__":
    main()
