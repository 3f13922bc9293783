"""First contentful paint: the dateline index of N events against TimelineJS 3 on the same events.

    python bench/fcp_bench.py [--n 1000] [--runs 5] [--no-build]

* dateline: bench/out/site-N (same generator as build_bench.py) built with ``dateline build``;
  its site/ is served as it is.
* TimelineJS 3 (``npm install @knight-lab/timelinejs`` into bench/out/tljs): a page loading
  dist/js/timeline.js and dist/css/timeline.css locally and the same N events as TimelineJS
  JSON: the build's site/timeline.json when it writes one, else converted here from the YAML.
* Both served by ``python -m http.server`` on 127.0.0.1 (no compression), loaded in Debian's
  headless chromium (/usr/bin/chromium) through Playwright (pip package; no ``playwright
  install``), a fresh browser and profile per load, 1280x800 viewport, off-host requests
  blocked by the host resolver (and counted).

Per page, the median of --runs loads of: FCP (``first-contentful-paint`` paint entry); "content
visible", the first animation frame at which the timeline's first entry is laid out inside the
viewport (dateline: a link to an event or year page in <main>; TimelineJS: a slide headline),
since TimelineJS's FCP can be a nearly blank frame; for TimelineJS also "rendered", two
animation frames after its ``loaded`` event (as in shared/bench/perf-baselines.md). Ratios are
TimelineJS / dateline from the same run; the target is >= 5x.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import build_bench as bb  # noqa: E402  (same folder; shares the corpus and paths)

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run"]
# Off-host requests fail fast in the resolver instead of going through a request interceptor
# (which would add latency to every local request too).
BLOCK_OFF_HOST = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"
TLJS_DIR = bb.OUT / "tljs"
TLJS_PKG = TLJS_DIR / "node_modules" / "@knight-lab" / "timelinejs"

# Installed before any page script runs: records FCP and the first frame the content is visible.
INIT_JS = r"""
(() => {
  const b = window.__bench = {fcp: null, lcp: null, visible: null, loaded: null, rendered: null};
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') b.fcp = e.startTime;
  }).observe({type: 'paint', buffered: true});
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) b.lcp = e.startTime;
  }).observe({type: 'largest-contentful-paint', buffered: true});
  const SEL = %s;
  function inView(el) {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 &&
           r.top < innerHeight && r.left < innerWidth && (el.textContent || el.tagName === 'a');
  }
  function tick() {
    if (b.visible === null) {
      const els = document.querySelectorAll(SEL);
      for (let i = 0; i < els.length && i < 8; i++) {
        if (inView(els[i])) { b.visible = performance.now(); break; }
      }
    }
    if (b.visible === null) requestAnimationFrame(tick);
  }
  requestAnimationFrame(tick);
})();
"""
DATELINE_SEL = 'main a[href*="events/"], main a[href*="years/"]'
TLJS_SEL = ".tl-slide .tl-headline"

TLJS_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>TimelineJS bench</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="node_modules/@knight-lab/timelinejs/dist/css/timeline.css">
<script src="node_modules/@knight-lab/timelinejs/dist/js/timeline.js"></script>
<style>html,body{height:100%;margin:0}#timeline{width:100%;height:100%}</style>
</head><body><div id="timeline"></div>
<script>
  window.timeline = new TL.Timeline('timeline', 'timeline-N.json', {
    script_path: new URL('node_modules/@knight-lab/timelinejs/dist/js/', location.href).href,
    hash_bookmark: false});
  window.timeline.on('loaded', () => {
    window.__bench.loaded = performance.now();
    requestAnimationFrame(() => requestAnimationFrame(() => {
      window.__bench.rendered = performance.now(); }));
  });
</script></body></html>
"""


def ensure_tljs() -> str:
    if not (TLJS_PKG / "dist" / "js" / "timeline.js").exists():
        TLJS_DIR.mkdir(parents=True, exist_ok=True)
        print("npm install @knight-lab/timelinejs into bench/out/tljs ...", flush=True)
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--prefix", str(TLJS_DIR),
                        "@knight-lab/timelinejs"], check=True)
    return json.loads((TLJS_PKG / "package.json").read_text())["version"]


def to_tljs(site: Path) -> dict:
    """The YAML events as TimelineJS JSON (headline, Markdown body as HTML, date precision kept)."""
    import markdown

    md = markdown.Markdown()
    events = []
    for ev in bb.load_events(site):
        parts = str(ev["date"]).split("-")
        start = {"year": parts[0]}
        if len(parts) > 1:
            start["month"] = parts[1]
        if len(parts) > 2:
            start["day"] = parts[2]
        events.append({"start_date": start, "unique_id": ev["slug"],
                       "text": {"headline": ev["title"], "text": md.reset().convert(ev.get("body", ""))}})
    return {"title": {"text": {"headline": "Synthetic benchmark timeline",
                               "text": "Seeded synthetic events."}}, "events": events}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(directory: Path) -> tuple[subprocess.Popen, int]:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
                             "--directory", str(directory)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(100):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return proc, port
        except OSError:
            time.sleep(0.05)
    proc.terminate()
    raise RuntimeError(f"http.server on port {port} did not start")


def load_once(pw, url: str, selector: str, want_rendered: bool, shot: Path | None) -> dict:
    browser = pw.chromium.launch(executable_path=CHROMIUM, args=[*FLAGS, BLOCK_OFF_HOST])
    try:
        ctx = browser.new_context(viewport={"width": 1280, "height": 800})
        ctx.add_init_script(INIT_JS % json.dumps(selector))
        page = ctx.new_page()
        blocked: list[str] = []
        page.on("requestfailed", lambda r: blocked.append(r.url) if "127.0.0.1" not in r.url else None)
        t = time.perf_counter()
        page.goto(url, wait_until="load", timeout=120_000)
        cond = "b => b.fcp !== null && b.visible !== null"
        if want_rendered:
            cond += " && b.rendered !== null"
        page.wait_for_function(f"({cond})(window.__bench)", timeout=120_000, polling=50)
        outside = (time.perf_counter() - t) * 1000
        res = page.evaluate("""() => {
            const nav = performance.getEntriesByType('navigation')[0];
            const res = performance.getEntriesByType('resource');
            return Object.assign({}, window.__bench, {
              transfer: (nav ? nav.transferSize : 0) + res.reduce((a, r) => a + r.transferSize, 0),
              requests: res.length + 1, dom_nodes: document.getElementsByTagName('*').length,
              dcl: nav ? nav.domContentLoadedEventEnd : null, load: nav ? nav.loadEventEnd : null});
        }""")
        res["outside_ms"] = outside
        res["blocked"] = sorted(set(blocked))
        if shot is not None:
            page.screenshot(path=str(shot))
        return res
    finally:
        browser.close()


def measure_page(pw, name: str, url: str, selector: str, runs: int, want_rendered: bool = False) -> dict:
    loads = []
    for i in range(runs):
        shot = bb.OUT / f"fcp-{name}.png" if i == 0 else None
        r = load_once(pw, url, selector, want_rendered, shot)
        loads.append(r)
        lcp = f"{r['lcp']:.0f}" if r.get("lcp") is not None else "-"
        print(f"  {name} load {i + 1}: FCP {r['fcp']:.0f} ms, LCP {lcp} ms,"
              f" content visible {r['visible']:.0f} ms"
              + (f", loaded {r['loaded']:.0f} ms, rendered {r['rendered']:.0f} ms" if want_rendered else "")
              + f", {r['transfer']} B, {r['dom_nodes']} DOM nodes", flush=True)
    out = {"url": url, "runs": runs, "loads": loads}
    for k in ("fcp", "lcp", "visible", "loaded", "rendered", "outside_ms", "transfer", "dom_nodes"):
        vals = [r[k] for r in loads if r.get(k) is not None]
        if vals:
            out[f"{k}_median"] = statistics.median(vals)
    out["blocked"] = sorted({u for r in loads for u in r["blocked"]})
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--no-build", action="store_true", help="use the site/ already built")
    ap.add_argument("--tljs-json", choices=("auto", "yaml"), default="auto",
                    help="auto: the build's site/timeline.json when there is one; yaml: always convert the"
                         " YAML here (full Markdown bodies, as in perf-baselines.md)")
    args = ap.parse_args()
    if not Path(CHROMIUM).exists():
        sys.exit(f"{CHROMIUM} is missing (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        sys.exit("playwright is missing: .venv/bin/pip install playwright (never `playwright install`)")

    site = bb.gen_site(args.n)
    results: dict = {"n": args.n, "runs": args.runs, "loadavg_start": os.getloadavg()}
    dl_ok = (site / "site" / "index.html").exists() and args.no_build
    if not args.no_build:
        r = subprocess.run(bb.dateline_cmd(site), capture_output=True, text=True)
        dl_ok = r.returncode == 0 and (site / "site" / "index.html").exists()
        if not dl_ok:
            print(f"dateline build FAILED (rc={r.returncode}); measuring TimelineJS only:\n"
                  + (r.stderr or r.stdout)[-1500:], flush=True)
            results["dateline_build_error"] = (r.stderr or r.stdout)[-1500:]

    version = ensure_tljs()
    lead_json = site / "site" / "timeline.json"
    tl_json = TLJS_DIR / f"timeline-{args.n}.json"
    if args.tljs_json == "auto" and dl_ok and lead_json.exists():
        tl_json.write_bytes(lead_json.read_bytes())
        results["tljs_json_source"] = "dateline build (site/timeline.json)"
    else:
        tl_json.write_text(json.dumps(to_tljs(site)), encoding="utf-8")
        results["tljs_json_source"] = "converted from the YAML by fcp_bench.py"
    n_json = len(json.loads(tl_json.read_text(encoding="utf-8")).get("events", []))
    (TLJS_DIR / f"index-{args.n}.html").write_text(TLJS_PAGE.replace("timeline-N.json", tl_json.name),
                                                   encoding="utf-8")
    print(f"TimelineJS {version}: {n_json} events, JSON {tl_json.stat().st_size} B"
          f" ({results['tljs_json_source']})", flush=True)

    servers = []
    try:
        tl_srv, tl_port = serve(TLJS_DIR)
        servers.append(tl_srv)
        with sync_playwright() as pw:
            if dl_ok:
                dl_srv, dl_port = serve(site / "site")
                servers.append(dl_srv)
                print(f"dateline index, N={args.n}", flush=True)
                results["dateline"] = measure_page(pw, "dateline", f"http://127.0.0.1:{dl_port}/index.html",
                                                   DATELINE_SEL, args.runs)
            print(f"TimelineJS {version}, N={n_json}", flush=True)
            results["timelinejs"] = measure_page(pw, "timelinejs",
                                                 f"http://127.0.0.1:{tl_port}/index-{args.n}.html",
                                                 TLJS_SEL, args.runs, want_rendered=True)
            results["timelinejs"]["version"] = version
    finally:
        for s in servers:
            s.terminate()
            s.wait()
    results["loadavg_end"] = os.getloadavg()

    print(f"\n## First contentful paint, N={args.n}, median of {args.runs} fresh loads"
          " (ms from navigation start)\n")
    print("| page | FCP | LCP | content visible | TimelineJS loaded / rendered | outside | transfer"
          " | DOM nodes |")
    print("|---|---|---|---|---|---|---|---|")
    for key in ("dateline", "timelinejs"):
        d = results.get(key)
        if not d:
            print(f"| {key} | build failed | | | | | | |")
            continue
        lr = (f"{d['loaded_median']:.0f} / {d['rendered_median']:.0f}" if "rendered_median" in d else "")
        lcp = f"{d['lcp_median']:.0f}" if "lcp_median" in d else "-"
        print(f"| {key} | {d['fcp_median']:.0f} | {lcp} | {d['visible_median']:.0f} | {lr} |"
              f" {d['outside_ms_median']:.0f} | {d['transfer_median']:.0f} B | {d['dom_nodes_median']:.0f} |")
    d, t = results.get("dateline"), results["timelinejs"]
    if d:
        r_fcp = t["fcp_median"] / d["fcp_median"]
        r_vis = t["visible_median"] / d["visible_median"]
        r_ren = t["rendered_median"] / d["visible_median"]
        results["ratios"] = {"fcp": r_fcp, "visible": r_vis, "tljs_rendered_over_dateline_visible": r_ren}
        if "lcp_median" in d and "lcp_median" in t:
            results["ratios"]["lcp"] = t["lcp_median"] / d["lcp_median"]
            print(f"\nTimelineJS / dateline: LCP {results['ratios']['lcp']:.1f}x", end="")
        print(f"\nTimelineJS / dateline: FCP {r_fcp:.1f}x; content visible {r_vis:.1f}x;"
              f" TimelineJS rendered / dateline content visible {r_ren:.1f}x (target >= 5x)")
    for key in ("dateline", "timelinejs"):
        if results.get(key, {}).get("blocked"):
            print(f"{key}: blocked off-host requests: {', '.join(results[key]['blocked'])}")
    print("load average at start {:.2f} {:.2f} {:.2f}, at end {:.2f} {:.2f} {:.2f}".format(
        *results["loadavg_start"], *results["loadavg_end"]))
    out = bb.OUT / f"fcp-{args.n}.json"
    out.write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(f"wrote {out.relative_to(bb.REPO)} (screenshots of the first load: bench/out/fcp-*.png)")


if __name__ == "__main__":
    main()
