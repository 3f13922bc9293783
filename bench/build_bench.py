"""Build benchmark: dateline against the bare Jinja2 floor, Pelican and Hugo on the same events.

    python bench/build_bench.py [--sizes 1000,10000] [--runs 5] [--anchors floor,pelican,hugo] [--big]
    python bench/build_bench.py --compare OTHER/src [--sizes 10000] [--runs 5]

For each N it generates a synthetic site with shared/bench/floor/gen_events.py (read in place from
``../shared``; ``DATELINE_SHARED`` overrides) into bench/out/site-N/ and times, whole-process, the
median of --runs after one uncounted warm-up:

* dateline cold build (site/ and .dateline-cache/ deleted before each run), no-op rebuild, and the
  rebuild after one edited event (a word appended to one title before each run), with the stage
  lines ``timing NAME SECONDS`` that ``dateline build --timings`` prints (when it has the flag);
* the anchors, in the same run on the same machine and the same events: the bare Jinja2 floor
  (with Markdown), Pelican (own venv in bench/out/venv-pelican) and Hugo (Debian package).

Each run goes through a fresh helper process that reports wall time and the child's peak RSS
(``getrusage(RUSAGE_CHILDREN).ru_maxrss``: the largest single process). It also measures
``dateline --help`` start-up, whether a build imports dateparser (``-X importtime``), and the
page weight of the largest .html page of the biggest built site. ``--big`` adds one cold build of
100,000 events. Results go to bench/out/results.json as well as stdout.

``--compare SRC`` instead times this checkout against another dateline source tree (e.g. an
older commit unpacked with ``git archive COMMIT src | tar -x -C /tmp/old``) side by side: each
case (cold, no-op, one edit) runs the two alternately, run by run, on their own copies of the
same events, so a busy shared machine slows both alike; it prints the medians and the ratios,
of wall time and of CPU time (user + system of the build process and its workers).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
OUT = BENCH / "out"
ANCHORS = BENCH / "anchors"
SHARED = Path(os.environ.get("DATELINE_SHARED") or Path(__file__).resolve().parents[2] / "shared")
FLOOR = SHARED / "bench" / "floor"
PY = sys.executable

TIMELINE_YAML = """\
title: Synthetic benchmark timeline
description: Seeded synthetic events from shared/bench/floor/gen_events.py.
base_url: /
date_base: 2025-12-31
language: en
"""

# Runs the command given after "--", writes {"wall", "cpu", "maxrss_kib", "rc"} to argv[1] (cpu:
# the child's user + system seconds, which a busy shared machine inflates far less than wall
# time). The child inherits this helper's stdout/stderr, so the caller captures them.
_HELPER = r"""
import json, resource, subprocess, sys, time
t = time.perf_counter()
rc = subprocess.call(sys.argv[3:], cwd=sys.argv[2] or None)
wall = time.perf_counter() - t
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
with open(sys.argv[1], "w") as f:
    json.dump({"wall": wall, "cpu": ru.ru_utime + ru.ru_stime, "maxrss_kib": ru.ru_maxrss, "rc": rc}, f)
"""

TIMING_RE = re.compile(r"^timing\s+(\S+)\s+([0-9]*\.?[0-9]+(?:[eE][-+]?\d+)?)\s*$", re.M)


# --------------------------------------------------------------------------- running and timing

def measure(cmd: list[str], cwd: Path | None = None, env: dict | None = None) -> dict:
    """One whole-process run of cmd in a fresh helper; wall s, peak RSS KiB, rc, output.

    Runs may write and read bytecode caches even where the shell sets
    PYTHONDONTWRITEBYTECODE (this project's machines do): an installed package has its
    .pyc files, so compiling every module from source on every run (about 0.2 s here)
    measures no user's build. The uncounted warm-up of each series writes them."""
    env = dict(os.environ if env is None else env)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.NamedTemporaryFile("r", suffix=".json", delete=False) as tmp:
        res_path = tmp.name
    try:
        proc = subprocess.run([PY, "-c", _HELPER, res_path, str(cwd or ""), *cmd],
                              capture_output=True, text=True, env=env)
        res = json.loads(Path(res_path).read_text() or "{}")
    finally:
        os.unlink(res_path)
    res.update(stdout=proc.stdout, stderr=proc.stderr)
    if not res.get("rc") and proc.returncode:
        res["rc"] = proc.returncode
    return res


def series(name: str, cmd: list[str], runs: int, before=None, cwd: Path | None = None,
           env: dict | None = None, count_files: Path | None = None) -> dict:
    """Warm-up + runs measured runs; before() is called before every run (warm-up included)."""
    walls, rss, stages, last = [], [], {}, None
    for i in range(runs + 1):
        if before:
            before()
        # Flush what the last run (and before()'s deletions) left for the disk to write, so
        # no run pays for its predecessor's writeback; done the same for every tool.
        os.sync()
        r = measure(cmd, cwd=cwd, env=env)
        last = r
        if r["rc"] != 0:
            msg = (r["stderr"] or r["stdout"]).strip().splitlines()[-5:]
            print(f"  {name}: FAILED rc={r['rc']}: " + " | ".join(msg), flush=True)
            return {"name": name, "failed": True, "rc": r["rc"], "error": "\n".join(msg)}
        if i == 0:
            continue  # uncounted warm-up
        walls.append(r["wall"])
        rss.append(r["maxrss_kib"])
        for k, v in TIMING_RE.findall(r["stderr"] + r["stdout"]):
            stages.setdefault(k, []).append(float(v))
    out = {"name": name, "runs": runs, "median_s": statistics.median(walls), "min_s": min(walls),
           "max_s": max(walls), "walls_s": [round(w, 4) for w in walls],
           "peak_rss_mib": max(rss) / 1024,
           "stages_median_s": {k: statistics.median(v) for k, v in stages.items()}}
    summary = [ln for ln in (last["stdout"] + last["stderr"]).splitlines() if ln.startswith("built ")]
    if summary:
        out["summary"] = summary[-1]
    if count_files is not None:
        out["files"] = count_html(count_files)
    st = " ".join(f"{k}={v:.3f}" for k, v in out["stages_median_s"].items())
    print(f"  {name}: median {out['median_s']:.3f} s (min {out['min_s']:.3f}, max {out['max_s']:.3f}),"
          f" peak RSS {out['peak_rss_mib']:.0f} MiB{'  stages: ' + st if st else ''}", flush=True)
    return out


def count_html(folder: Path) -> dict:
    html = other = 0
    for _root, _dirs, files in os.walk(folder):
        for f in files:
            if f.endswith(".html"):
                html += 1
            else:
                other += 1
    return {"html": html, "other": other}


def rmtree(p: Path) -> None:
    shutil.rmtree(p, ignore_errors=True)


# --------------------------------------------------------------------------- corpus

def gen_site(n: int) -> Path:
    """bench/out/site-N with content/timeline.yaml and N events from gen_events.py (cached)."""
    gen = FLOOR / "gen_events.py"
    if not gen.exists():
        sys.exit(f"cannot find {gen}; set DATELINE_SHARED to the shared/ folder")
    site = OUT / f"site-{n}"
    events = site / "content" / "events"
    stamp = site / ".generated"
    if not (stamp.exists() and stamp.read_text() == str(n)):
        rmtree(site)
        t = time.perf_counter()
        subprocess.run([PY, str(gen), str(n), str(events)], check=True)
        stamp.write_text(str(n))
        print(f"generated {n} events in {time.perf_counter() - t:.1f} s -> {events}", flush=True)
    (site / "content" / "timeline.yaml").write_text(TIMELINE_YAML, encoding="utf-8")
    return site


def load_events(site: Path) -> list[dict]:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    evs = []
    for p in sorted((site / "content" / "events").glob("*.yaml")):
        ev = yaml.load(p.read_text(encoding="utf-8"), Loader=loader)
        ev["slug"] = p.stem
        evs.append(ev)
    return evs


def full_date(value) -> str:
    """'2016' / '2016-03' / '2016-03-04' -> '2016-03-04' (first day of the period)."""
    parts = str(value).split("-")
    y, m, d = int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1
    return dt.date(y, m, d).isoformat()


# --------------------------------------------------------------------------- dateline

def dateline_cmd(site: Path, *extra: str) -> list[str]:
    return [PY, "-m", "dateline", "-C", str(site), "build", *extra]


def has_timings_flag() -> bool:
    r = subprocess.run([PY, "-m", "dateline", "build", "--help"], capture_output=True, text=True)
    return "--timings" in r.stdout


def bench_dateline(site: Path, n: int, runs: int, timings: bool) -> dict:
    extra = ["--timings"] if timings else []
    cmd = dateline_cmd(site, *extra)
    out_dir, cache = site / "site", site / ".dateline-cache"
    res: dict = {}

    def cold():
        rmtree(out_dir)
        rmtree(cache)

    res["cold"] = series(f"dateline cold   N={n}", cmd, runs, before=cold, count_files=out_dir)
    if res["cold"].get("failed"):
        return res
    res["noop"] = series(f"dateline no-op  N={n}", cmd, runs)
    target = sorted((site / "content" / "events").glob("*.yaml"))[n // 2]
    original = target.read_text(encoding="utf-8")
    k = [0]

    def edit():
        k[0] += 1
        lines = target.read_text(encoding="utf-8").splitlines(keepends=True)
        for i, line in enumerate(lines):
            if line.startswith("title:"):
                lines[i] = line.rstrip("\n") + f" edited{k[0]}\n"
                break
        target.write_text("".join(lines), encoding="utf-8")

    try:
        res["one_edit"] = series(f"dateline 1-edit N={n}", cmd, runs, before=edit)
        res["one_edit_serve"] = serve_series(f"serve 1-edit   N={n}", site, runs, target)
    finally:
        target.write_text(original, encoding="utf-8")
    return res


# In one process, as `dateline serve` rebuilds after each save: one uncounted build (it reads
# the cache from disk, as serve's first build does), then RUNS builds each after one edit,
# timed from the call to its return; prints the wall times as JSON.
_SERVE_HELPER = r"""
import json, sys, time
from pathlib import Path
from dateline.build.recipe import build_site
try:
    from dateline.build.resident import Resident
except ImportError:  # an older checkout: serve rebuilt as `dateline build` does
    Resident = None
site, target, runs = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
kept = {"resident": Resident()} if Resident else {}
def edit(k):
    lines = target.read_text(encoding="utf-8").splitlines(keepends=True)
    i = next(i for i, line in enumerate(lines) if line.startswith("title:"))
    lines[i] = lines[i].rstrip("\n") + f" served{k}\n"
    target.write_text("".join(lines), encoding="utf-8")
edit(0)
assert build_site(site, site / "site", parallel=False, **kept).ok
walls = []
for k in range(1, runs + 1):
    edit(k)
    t = time.perf_counter()
    assert build_site(site, site / "site", parallel=False, **kept).ok
    walls.append(time.perf_counter() - t)
print(json.dumps(walls))
"""


def serve_series(name: str, site: Path, runs: int, target: Path, src: Path | None = None) -> dict:
    """One-edit rebuilds inside one long-running process, as `dateline serve` makes them
    (no start-up; the state of the last build kept in memory where the code keeps it)."""
    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = str(src)
    proc = subprocess.run([PY, "-c", _SERVE_HELPER, str(site), str(target), str(runs)],
                          capture_output=True, text=True, env=env)
    if proc.returncode:
        print(f"  {name}: FAILED rc={proc.returncode}: {proc.stderr.strip()[-300:]}", flush=True)
        return {"name": name, "failed": True, "rc": proc.returncode}
    walls = json.loads(proc.stdout.strip().splitlines()[-1])
    out = {"name": name, "runs": runs, "median_s": statistics.median(walls), "min_s": min(walls),
           "max_s": max(walls), "walls_s": [round(w, 4) for w in walls], "peak_rss_mib": 0.0}
    print(f"  {name}: median {out['median_s']:.3f} s (min {out['min_s']:.3f}, "
          f"max {out['max_s']:.3f}), in one process", flush=True)
    return out


# --------------------------------------------------------------------------- anchors

def bench_compare(n: int, runs: int, other_src: Path,
                  cases: tuple[str, ...] = ("cold", "noop", "one_edit")) -> dict:
    """This checkout against `other_src`, alternating run by run (see the module docstring)."""
    here = gen_site(n)
    sites = {"this": here, "other": OUT / f"site-{n}-other"}
    other = sites["other"]
    if not (other / ".generated").exists() or (other / ".generated").read_text() != str(n):
        rmtree(other)
        shutil.copytree(here / "content", other / "content")
        (other / ".generated").write_text(str(n))
    envs = {"this": {**os.environ, "PYTHONPATH": str(REPO / "src"),
                     "XDG_CACHE_HOME": str(OUT / "user-cache-this")},
            "other": {**os.environ, "PYTHONPATH": str(other_src),
                      "XDG_CACHE_HOME": str(OUT / "user-cache-other")}}
    edits = {k: [0] for k in sites}

    def cold(label: str) -> None:
        site = sites[label]
        for path in (site / "site", site / ".dateline-cache", site / ".site.spare",
                     OUT / f"user-cache-{label}"):
            rmtree(path)

    def edit(label: str) -> None:
        target = sorted((sites[label] / "content" / "events").glob("*.yaml"))[n // 2]
        edits[label][0] += 1
        lines = target.read_text(encoding="utf-8").splitlines(keepends=True)
        for i, line in enumerate(lines):
            if line.startswith("title:"):
                lines[i] = line.rstrip("\n") + f" edited{edits[label][0]}\n"
                break
        target.write_text("".join(lines), encoding="utf-8")

    befores = {"cold": cold, "noop": None, "one_edit": edit}
    res: dict = {"other_src": str(other_src)}
    for case in cases:
        if case == "serve":
            res[case] = _compare_serve(n, runs, sites, {"this": REPO / "src", "other": other_src})
            continue
        before = befores[case]
        walls: dict[str, list[float]] = {"this": [], "other": []}
        cpus: dict[str, list[float]] = {"this": [], "other": []}
        for i in range(runs + 1):
            # Alternate which goes first, so neither always runs right after the other's writes.
            for label in (("this", "other") if i % 2 else ("other", "this")):
                if before:
                    before(label)
                os.sync()
                r = measure(dateline_cmd(sites[label]), env=envs[label])
                if r["rc"] != 0:
                    sys.exit(f"{label} {case} failed: {(r['stderr'] or r['stdout'])[-500:]}")
                if i:
                    walls[label].append(r["wall"])
                    cpus[label].append(r["cpu"])
        med_this, med_other = statistics.median(walls["this"]), statistics.median(walls["other"])
        cpu_this, cpu_other = statistics.median(cpus["this"]), statistics.median(cpus["other"])
        res[case] = {"this_s": walls["this"], "other_s": walls["other"], "this_median_s": med_this,
                     "other_median_s": med_other, "ratio": med_this / med_other,
                     "this_cpu_s": cpus["this"], "other_cpu_s": cpus["other"],
                     "cpu_ratio": cpu_this / cpu_other}
        print(f"  {case:8} N={n}: this {med_this:.3f} s, other {med_other:.3f} s, "
              f"this/other = {med_this / med_other:.2f}x   (this {[round(w, 3) for w in walls['this']]},"
              f" other {[round(w, 3) for w in walls['other']]})", flush=True)
        print(f"  {case:8} N={n}: CPU this {cpu_this:.3f} s, other {cpu_other:.3f} s, "
              f"this/other = {cpu_this / cpu_other:.2f}x", flush=True)
    return res


def _compare_serve(n: int, runs: int, sites: dict[str, Path], srcs: dict[str, Path]) -> dict:
    """One-edit rebuilds in one process (serve_series), the two codes alternating in rounds
    of three rebuilds each."""
    walls: dict[str, list[float]] = {"this": [], "other": []}
    for i in range(max(1, runs // 3)):
        for label in (("this", "other") if i % 2 else ("other", "this")):
            target = sorted((sites[label] / "content" / "events").glob("*.yaml"))[n // 2]
            original = target.read_text(encoding="utf-8")
            try:
                got = serve_series(f"serve {label}", sites[label], 3, target, srcs[label])
            finally:
                target.write_text(original, encoding="utf-8")
            if got.get("failed"):
                sys.exit(f"{label} serve failed")
            walls[label] += got["walls_s"]
    med_this, med_other = statistics.median(walls["this"]), statistics.median(walls["other"])
    print(f"  serve    N={n}: this {med_this:.3f} s, other {med_other:.3f} s, "
          f"this/other = {med_this / med_other:.2f}x", flush=True)
    return {"this_s": walls["this"], "other_s": walls["other"], "this_median_s": med_this,
            "other_median_s": med_other, "ratio": med_this / med_other}


def bench_floor(site: Path, n: int, runs: int) -> dict:
    script = FLOOR / "jinja_floor.py"
    out = OUT / f"floor-{n}"
    out.mkdir(parents=True, exist_ok=True)  # output folder exists, as in perf-baselines.md
    return series(f"floor (md)      N={n}", [PY, str(script), str(site / "content" / "events"), str(out)],
                  runs, count_files=out)


def ensure_pelican() -> tuple[Path | None, str]:
    venv = OUT / "venv-pelican"
    exe = venv / "bin" / "pelican"
    if not exe.exists():
        print("installing pelican + markdown into bench/out/venv-pelican ...", flush=True)
        try:
            subprocess.run([PY, "-m", "venv", str(venv)], check=True)
            pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "-q"]
            subprocess.run([*pip, "pelican", "markdown"], check=True)
        except (subprocess.CalledProcessError, OSError) as e:
            return None, f"pip install pelican markdown failed: {e}"
    if not exe.exists():
        return None, "pelican executable missing after install"
    ver = subprocess.run([str(exe), "--version"], capture_output=True, text=True).stdout.strip()
    return exe, ver


def converted_site(kind: str, site: Path, n: int, page: Callable[[dict], str]) -> Path:
    """bench/out/<kind>-N/content/<slug>.md for every event (page(ev) is the file's text);
    made once per N and reused."""
    root = OUT / f"{kind}-{n}"
    content = root / "content"
    stamp = root / ".generated"
    if not (stamp.exists() and stamp.read_text() == str(n)):
        rmtree(root)
        content.mkdir(parents=True)
        for ev in load_events(site):
            (content / f"{ev['slug']}.md").write_text(page(ev), encoding="utf-8")
        stamp.write_text(str(n))
    return root


def pelican_site(site: Path, n: int) -> Path:
    def page(ev: dict) -> str:
        meta = (f"Title: {ev['title']}\nDate: {full_date(ev['date'])}\n"
                f"Tags: {', '.join(ev.get('tags') or [])}\nSlug: {ev['slug']}\n\n")
        return meta + ev.get("body", "") + "\n"
    return converted_site("pelican", site, n, page)


def bench_pelican(site: Path, n: int, runs: int) -> dict:
    exe, info = ensure_pelican()
    if exe is None:
        print(f"  pelican: SKIPPED ({info})", flush=True)
        return {"skipped": info}
    root = pelican_site(site, n)
    (root / "out").mkdir(exist_ok=True)
    conf = ANCHORS / "pelican" / "pelicanconf.py"
    runs = min(runs, 3) if n >= 10000 else runs  # as perf-baselines.md: 3 runs at 10k
    r = series(f"pelican         N={n}", [str(exe), "content", "-o", "out", "-s", str(conf), "-q"], runs,
               cwd=root, count_files=root / "out")
    r["version"] = info
    return r


def ensure_hugo() -> tuple[str | None, str]:
    exe = shutil.which("hugo")
    if exe is None:
        print("installing hugo (apt-get install hugo) ...", flush=True)
        try:
            env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
            subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
            subprocess.run(["apt-get", "install", "-y", "-qq", "hugo"], check=True, env=env)
        except (subprocess.CalledProcessError, OSError) as e:
            return None, f"apt-get install hugo failed: {e}"
        exe = shutil.which("hugo")
    if exe is None:
        return None, "hugo not on PATH after apt-get install"
    ver = subprocess.run([exe, "version"], capture_output=True, text=True).stdout.strip()
    return exe, ver


def hugo_site(site: Path, n: int) -> Path:
    def page(ev: dict) -> str:
        fm = json.dumps({"title": ev["title"], "date": full_date(ev["date"]),
                         "tags": ev.get("tags") or [], "slug": ev["slug"]}, ensure_ascii=False)
        return f"---\n{fm}\n---\n\n{ev.get('body', '')}\n"  # JSON is YAML: one-line front matter
    root = converted_site("hugo", site, n, page)
    # the tiny config and 3-template layout live in bench/anchors/hugo (copied; small)
    shutil.copy2(ANCHORS / "hugo" / "config.yaml", root / "config.yaml")
    rmtree(root / "layouts")
    shutil.copytree(ANCHORS / "hugo" / "layouts", root / "layouts")
    return root


def bench_hugo(site: Path, n: int, runs: int) -> dict:
    exe, info = ensure_hugo()
    if exe is None:
        print(f"  hugo: SKIPPED ({info})", flush=True)
        return {"skipped": info}
    root = hugo_site(site, n)
    r = series(f"hugo            N={n}", [exe, "--quiet"], runs, cwd=root, count_files=root / "public")
    r["version"] = info
    return r


# --------------------------------------------------------------------------- extras

def startup(runs: int = 10) -> dict:
    exe = Path(PY).parent / "dateline"
    cmd = [str(exe), "--help"] if exe.exists() else [PY, "-m", "dateline", "--help"]
    walls = []
    for _ in range(runs + 1):
        t = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=True)
        walls.append(time.perf_counter() - t)
    walls = walls[1:]
    bare = []
    for _ in range(runs + 1):
        t = time.perf_counter()
        subprocess.run([PY, "-c", "pass"], capture_output=True, check=True)
        bare.append(time.perf_counter() - t)
    return {"command": " ".join(cmd), "median_s": statistics.median(walls), "min_s": min(walls),
            "bare_python_median_s": statistics.median(bare[1:])}


def dateparser_check(site: Path) -> dict:
    rmtree(site / "site")
    rmtree(site / ".dateline-cache")
    cmd = [PY, "-X", "importtime", "-m", "dateline", "-C", str(site), "build"]
    r = subprocess.run(cmd, capture_output=True, text=True)
    mods = sorted({ln.split("|")[-1].strip() for ln in r.stderr.splitlines()
                   if "dateparser" in ln and ln.startswith("import time:")})
    return {"command": " ".join(cmd), "rc": r.returncode, "imported_dateparser": bool(mods),
            "dateparser_modules": mods[:10]}


def page_weight(site_out: Path) -> dict:
    pages = sorted(((p.stat().st_size, p) for p in site_out.rglob("*.html")), reverse=True)
    if not pages:
        return {}
    top = []
    for size, p in pages[:3]:
        gz = len(gzip.compress(p.read_bytes(), compresslevel=6))
        top.append({"path": str(p.relative_to(site_out)), "raw_bytes": size, "gzip_bytes": gz})
    idx = site_out / "index.html"
    res = {"largest": top, "pages": len(pages)}
    if idx.exists():
        res["index"] = {"raw_bytes": idx.stat().st_size,
                        "gzip_bytes": len(gzip.compress(idx.read_bytes(), compresslevel=6))}
    return res


# --------------------------------------------------------------------------- report

def fmt(x, unit="s"):
    return "-" if x is None else f"{x:.3f} {unit}"


def med(d: dict | None):
    return None if not d or d.get("failed") or d.get("skipped") else d["median_s"]


def report(results: dict) -> None:
    if not results["sizes"]:
        return report_extras(results)
    print("\n## Results (whole-process wall time, median; peak RSS = largest single process)\n")
    print("| tool | N | case | median | min-max | peak RSS | HTML files | pages/s |")
    print("|---|---|---|---|---|---|---|---|")
    for n, r in results["sizes"].items():
        rows = [("dateline", "cold", r.get("dateline", {}).get("cold")),
                ("dateline", "no-op", r.get("dateline", {}).get("noop")),
                ("dateline", "one edit", r.get("dateline", {}).get("one_edit")),
                ("dateline serve", "one edit", r.get("dateline", {}).get("one_edit_serve")),
                ("Jinja2 floor + md", "cold", r.get("floor")),
                ("Pelican", "cold", r.get("pelican")),
                ("Hugo", "cold", r.get("hugo"))]
        for tool, case, d in rows:
            if not d:
                continue
            if d.get("skipped") or d.get("failed"):
                why = d.get("skipped") or f"failed rc={d.get('rc')}"
                print(f"| {tool} | {n} | {case} | {why} | | | | |")
                continue
            files = d.get("files", {}).get("html")
            pps = f"{files / d['median_s']:.0f}" if files and case == "cold" else ""
            print(f"| {tool} | {n} | {case} | {d['median_s']:.3f} s | {d['min_s']:.3f}-{d['max_s']:.3f} |"
                  f" {d['peak_rss_mib']:.0f} MiB | {files if files is not None else ''} | {pps} |")
    for n, r in results["sizes"].items():
        for case, d in (r.get("dateline") or {}).items():
            if d and d.get("stages_median_s"):
                st = ", ".join(f"{k} {v:.3f}" for k, v in d["stages_median_s"].items())
                print(f"stages, dateline {case} N={n} (median s): {st}")
    if not results.get("timings_flag"):
        print("stages: `dateline build --timings` is not available in this checkout; no stage figures")

    print("\n## Ratios (same run)\n")
    for n, r in results["sizes"].items():
        dl = med(r.get("dateline", {}).get("cold"))
        fl, pe, hu = med(r.get("floor")), med(r.get("pelican")), med(r.get("hugo"))
        parts = []
        if dl and fl:
            parts.append(f"dateline cold / floor = {dl / fl:.2f}x" + (" (target <= 2x)" * (n >= 10000)))
        if dl and pe:
            parts.append(f"Pelican / dateline cold = {pe / dl:.2f}x" + (" (target >= 10x)" * (n >= 10000)))
        if dl and hu:
            parts.append(f"Hugo / dateline cold = {hu / dl:.2f}x")
        print(f"N={n}: " + ("; ".join(parts) if parts else "no ratio (dateline or anchors missing)"))

    print("\n## Targets\n")
    big_n = max(results["sizes"], key=int) if results["sizes"] else None
    if big_n is not None:
        r = results["sizes"][big_n]
        dl = r.get("dateline", {})
        checks = []
        c, fl, pe = med(dl.get("cold")), med(r.get("floor")), med(r.get("pelican"))
        if c and fl:
            checks.append(("cold <= 2x floor", f"{c / fl:.2f}x", c / fl <= 2))
        if c and pe:
            checks.append((">= 10x faster than Pelican", f"{pe / c:.1f}x", pe / c >= 10))
        if med(dl.get("noop")) is not None:
            checks.append(("no-op < 0.5 s", fmt(med(dl["noop"])), med(dl["noop"]) < 0.5))
        if med(dl.get("one_edit")) is not None:
            checks.append(("one-edit < 1 s", fmt(med(dl["one_edit"])), med(dl["one_edit"]) < 1))
        if med(dl.get("one_edit_serve")) is not None:
            checks.append(("one-edit < 1 s in serve (one process, no start-up)",
                           fmt(med(dl["one_edit_serve"])), med(dl["one_edit_serve"]) < 1))
        if "startup" in results:
            s = results["startup"]["median_s"]
            checks.append(("`dateline --help` < 0.3 s", fmt(s), s < 0.3))
        if "dateparser" in results:
            dp = results["dateparser"]
            checks.append(("build does not import dateparser",
                           "imported" if dp["imported_dateparser"] else "not imported",
                           dp["rc"] == 0 and not dp["imported_dateparser"]))
        pw = results.get("page_weight", {})
        if pw.get("largest"):
            g = pw["largest"][0]["gzip_bytes"]
            checks.append(("largest page <= ~300 KB gzip", f"{g / 1000:.0f} KB ({pw['largest'][0]['path']})",
                           g <= 300_000))
        print(f"(at N={big_n})")
        for name, val, ok in checks:
            print(f"- {name}: {val} -> {'PASS' if ok else 'MISS'}")
        if dl.get("cold", {}).get("failed"):
            print("- dateline build FAILED; see above")
    report_extras(results)


def report_extras(results: dict) -> None:
    if "startup" in results:
        s = results["startup"]
        print(f"\nstart-up: `{s['command']}` median {s['median_s'] * 1000:.0f} ms"
              f" (bare python {s['bare_python_median_s'] * 1000:.0f} ms)")
    if "dateparser" in results:
        dp = results["dateparser"]
        print(f"dateparser: `{dp['command']}` rc={dp['rc']}, imported dateparser: {dp['imported_dateparser']}"
              + (f" ({', '.join(dp['dateparser_modules'])})" if dp["dateparser_modules"] else ""))
    pw = results.get("page_weight")
    if pw and pw.get("largest"):
        print(f"page weight ({pw['site']}, {pw['pages']} .html pages), largest:")
        for p in pw["largest"]:
            print(f"  {p['path']}: {p['raw_bytes'] / 1000:.0f} KB raw,"
                  f" {p['gzip_bytes'] / 1000:.0f} KB gzip -6")
        if "index" in pw:
            print(f"  index.html: {pw['index']['raw_bytes'] / 1000:.0f} KB raw,"
                  f" {pw['index']['gzip_bytes'] / 1000:.0f} KB gzip -6")
    if "big" in results:
        for name, d in results["big"].items():
            if d.get("failed"):
                print(f"--big {name}: FAILED rc={d.get('rc')}")
            else:
                print(f"--big {name} N=100000: {d['median_s']:.2f} s, peak RSS {d['peak_rss_mib']:.0f} MiB"
                      + (f", {d['files']['html']} HTML files" if d.get("files") else ""))
                if d.get("stages_s"):
                    print("  stages (s): " + ", ".join(f"{k} {v:.2f}" for k, v in d["stages_s"].items()))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--anchors", default="floor,pelican,hugo", help="comma list; '' for none")
    ap.add_argument("--big", action="store_true", help="also one cold build of 100,000 events")
    ap.add_argument("--no-dateline", action="store_true", help="anchors only")
    ap.add_argument("--json", type=Path, default=OUT / "results.json", help="where to write the results")
    ap.add_argument("--compare", type=Path, default=None, metavar="SRC",
                    help="time this checkout against the dateline package under SRC, side by side")
    ap.add_argument("--cases", default="cold,noop,one_edit",
                    help="with --compare: which cases (cold, noop, one_edit, serve)")
    args = ap.parse_args()
    if args.compare is not None:
        OUT.mkdir(parents=True, exist_ok=True)
        found = {"loadavg_start": os.getloadavg(), "sizes": {}}
        for n in (int(s) for s in args.sizes.split(",") if s.strip()):
            print(f"\n== N = {n}: this checkout vs {args.compare} ==", flush=True)
            found["sizes"][n] = bench_compare(n, args.runs, args.compare.resolve(),
                                              tuple(c for c in args.cases.split(",") if c))
        found["loadavg_end"] = os.getloadavg()
        print("load average at start {:.2f} {:.2f} {:.2f}, at end {:.2f} {:.2f} {:.2f}".format(
            *found["loadavg_start"], *found["loadavg_end"]))
        args.json.write_text(json.dumps(found, indent=2), encoding="utf-8")
        return
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    anchors = {a.strip() for a in args.anchors.split(",") if a.strip()}
    unknown = anchors - {"floor", "pelican", "hugo"}
    if unknown:
        ap.error(f"unknown anchors: {', '.join(sorted(unknown))}")
    OUT.mkdir(parents=True, exist_ok=True)

    results: dict = {"date": dt.datetime.now().isoformat(timespec="seconds"),
                     "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                                 "platform": platform.platform()},
                     "runs": args.runs, "sizes": {}, "loadavg_start": os.getloadavg()}
    timings = has_timings_flag()
    results["timings_flag"] = timings
    print(f"dateline build --timings: {'yes' if timings else 'not available (no stage figures)'}")
    if not (FLOOR / "jinja_floor.py").exists():
        sys.exit(f"cannot find {FLOOR}; set DATELINE_SHARED")

    for n in sizes:
        print(f"\n== N = {n} ==", flush=True)
        site = gen_site(n)
        r: dict = {}
        if not args.no_dateline:
            r["dateline"] = bench_dateline(site, n, args.runs, timings)
        if "floor" in anchors:
            r["floor"] = bench_floor(site, n, args.runs)
        if "pelican" in anchors:
            r["pelican"] = bench_pelican(site, n, args.runs)
        if "hugo" in anchors:
            r["hugo"] = bench_hugo(site, n, args.runs)
        results["sizes"][n] = r

    if not args.no_dateline and sizes:
        results["startup"] = startup()
        biggest = OUT / f"site-{max(sizes)}"
        # rebuild the biggest site fully (the one-edit series restored the edited file)
        subprocess.run(dateline_cmd(biggest), capture_output=True)
        if (biggest / "site").exists():
            pw = page_weight(biggest / "site")
            pw["site"] = str(biggest.relative_to(REPO) / "site")
            results["page_weight"] = pw
        results["dateparser"] = dateparser_check(OUT / f"site-{min(sizes)}")

    if args.big:
        print("\n== --big: N = 100000 (one cold run each) ==", flush=True)
        site = gen_site(100_000)
        big: dict = {}
        if not args.no_dateline:
            def cold():
                rmtree(site / "site")
                rmtree(site / ".dateline-cache")
            cold()
            r = measure(dateline_cmd(site, *(["--timings"] if timings else [])))
            big["dateline cold"] = _one(r, site / "site")
        if "floor" in anchors:
            out = OUT / "floor-100000"
            out.mkdir(parents=True, exist_ok=True)
            r = measure([PY, str(FLOOR / "jinja_floor.py"), str(site / "content" / "events"), str(out)])
            big["floor (md)"] = _one(r, out)
        for name, d in big.items():
            desc = (f"FAILED rc={d['rc']}" if d.get("failed")
                    else f"{d['median_s']:.2f} s, peak RSS {d['peak_rss_mib']:.0f} MiB")
            print(f"  {name}: {desc}", flush=True)
        results["big"] = big

    results["loadavg_end"] = os.getloadavg()
    report(results)
    print("\nload average (1/5/15 min) at start {:.2f} {:.2f} {:.2f}, at end {:.2f} {:.2f} {:.2f}"
          " (the machine is shared: a busy one inflates every figure; compare ratios)"
          .format(*results["loadavg_start"], *results["loadavg_end"]))
    args.json.write_text(json.dumps(results, indent=2, default=str), encoding="utf-8")
    print(f"\nwrote {args.json}")


def _one(r: dict, out: Path) -> dict:
    if r["rc"] != 0:
        return {"failed": True, "rc": r["rc"], "error": (r["stderr"] or r["stdout"])[-2000:]}
    return {"median_s": r["wall"], "runs": 1, "peak_rss_mib": r["maxrss_kib"] / 1024,
            "stages_s": {k: float(v) for k, v in TIMING_RE.findall(r["stderr"] + r["stdout"])},
            "files": count_html(out)}


if __name__ == "__main__":
    main()
