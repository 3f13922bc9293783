"""Latency of `dateline serve` under a burst of concurrent requests (issue 12, item 8).

Starts the preview server (no live reload, a small hand-made site) in a child process,
then opens CONCURRENCY connections at once, each fetching one page, ROUNDS times, and
prints the median, p99 and maximum latency. `--queue N` overrides the listen backlog,
to compare with the old value of 5:

    python bench/serve_bench.py --queue 5     # before
    python bench/serve_bench.py               # the server's own backlog
"""

from __future__ import annotations

import argparse
import http.client
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

SERVER = """
import sys
from pathlib import Path
from dateline.serve import SiteServer, make_server
if sys.argv[2] != "-":
    SiteServer.request_queue_size = int(sys.argv[2])
server = make_server(Path(sys.argv[1]), port=0)
print(server.port, server.request_queue_size, flush=True)
server.serve_forever(poll_interval=0.05)
"""


def one(port: int, path: str, out: list[float], start: threading.Event) -> None:
    """One connection and one GET; its latency (or 60 s on failure) goes to `out`."""
    start.wait()
    began = time.perf_counter()
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        conn.request("GET", path)
        resp = conn.getresponse()
        resp.read()
        conn.close()
        out.append(time.perf_counter() - began)
    except OSError:
        out.append(60.0)


def main() -> None:
    """Run the bench and print one line of figures."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--queue", default="-", help="listen backlog (default: the server's own)")
    ap.add_argument("--concurrency", type=int, default=200)
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp)
        (site / "index.html").write_text("<!doctype html><title>x</title>" + "x" * 20000)
        proc = subprocess.Popen([sys.executable, "-c", SERVER, str(site), args.queue],
                                stdout=subprocess.PIPE, text=True)
        try:
            port, queue = (int(v) for v in proc.stdout.readline().split())  # type: ignore[union-attr]
            times: list[float] = []
            for _ in range(args.rounds):
                start = threading.Event()
                threads = [threading.Thread(target=one, args=(port, "/", times, start))
                           for _ in range(args.concurrency)]
                for t in threads:
                    t.start()
                start.set()
                for t in threads:
                    t.join()
        finally:
            proc.terminate()
            proc.wait(10)
    times.sort()
    p99 = times[int(len(times) * 0.99) - 1]
    print(f"backlog {queue}: {len(times)} requests, {args.concurrency} at once: "
          f"median {statistics.median(times) * 1000:.0f} ms, p99 {p99 * 1000:.0f} ms, "
          f"max {times[-1] * 1000:.0f} ms, failed {sum(t >= 60 for t in times)}")


if __name__ == "__main__":
    main()
