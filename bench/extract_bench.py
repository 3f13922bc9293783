"""Extractor throughput with the parser: a batch of generated articles, and the seed article.

    python bench/extract_bench.py [--n 60] [--workers 2] [--seed PATH] [--runs 3]

Both figures are measured in one run and printed side by side:

1. Batch (target >= 10 articles/s on 2 workers). ``--n`` invented news articles of about
   600 words each are written as ``.txt`` files with front matter (title, published, url)
   to a temp dir, then timed through one ``extract_many(paths, workers=N)`` call, cold:
   the time includes starting the worker processes and each worker loading the spaCy
   model, as it does for a user's batch. Printed: articles, words (of the text the
   extractor received, ``Article.text``), events, errors, seconds, articles/s, words/s,
   the time to the first result (start-up plus the first chunk of articles), and peak
   RSS of this process and of the largest worker (``RUSAGE_CHILDREN``, read before any
   other child runs), and the CPU seconds of the parent and its workers: on a machine
   other jobs load, wall seconds vary by half from run to run and CPU seconds much less.
2. Seed article whole-process (target < 3 s, model load included), through the real CLI:
   ``python -m dateline extract SEED --dry-run`` and ``... --out TMPDIR`` (a fresh empty
   dir each run, so every event file is really written). Median, min and max of
   ``--runs`` runs each (default 3), with the median CPU seconds and each run's peak RSS
   (both from ``os.wait4``). The
   publication date comes from the seed's own ``.meta.yaml`` sidecar, as for a user.

The articles are generated from templates with a seeded RNG (same articles every run):
varied topics, sentence shapes (dated and undated clauses, "after"/"when" clauses, quotes,
relative clauses, background facts, numbers that are not dates) and date phrases of many
forms. All names and facts are invented.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SEED = REPO / "seeds" / "belarus-russia-training.txt"

# ------------------------------------------------------------------ article generator

# Verb forms (past, past participle) by base form, so one template can use any tense.
_FORMS = {
    "approve": ("approved", "approved"), "reject": ("rejected", "rejected"),
    "sign": ("signed", "signed"), "suspend": ("suspended", "suspended"),
    "launch": ("launched", "launched"), "postpone": ("postponed", "postponed"),
    "announce": ("announced", "announced"), "open": ("opened", "opened"),
    "cancel": ("cancelled", "cancelled"), "review": ("reviewed", "reviewed"),
    "extend": ("extended", "extended"), "withdraw": ("withdrew", "withdrawn"),
    "build": ("built", "built"), "cut": ("cut", "cut"), "begin": ("began", "begun"),
    "fund": ("funded", "funded"), "block": ("blocked", "blocked"),
    "close": ("closed", "closed"), "defend": ("defended", "defended"),
    "propose": ("proposed", "proposed"), "raise": ("raised", "raised"),
    "order": ("ordered", "ordered"), "lift": ("lifted", "lifted"),
    "impose": ("imposed", "imposed"), "resume": ("resumed", "resumed"),
    "finish": ("finished", "finished"), "challenge": ("challenged", "challenged"),
    "drop": ("dropped", "dropped"), "file": ("filed", "filed"), "hear": ("heard", "heard"),
    "grant": ("granted", "granted"), "delay": ("delayed", "delayed"),
    "test": ("tested", "tested"), "freeze": ("froze", "frozen"),
    "criticise": ("criticised", "criticised"), "call off": ("called off", "called off"),
    "win": ("won", "won"), "introduce": ("introduced", "introduced"),
}

# Per topic: who acts, what they act on (each object with the verbs that fit it, so the
# prose stays plausible), named people and their roles, background facts and quotes.
_TOPICS = {
    "politics": {
        "actors": ["the coalition government", "Prime Minister Ana Duarte", "the opposition",
                   "the upper house", "President Tomas Keller", "the interior ministry",
                   "Foreign Minister Li Wei", "regional governors", "the electoral commission"],
        "objects": [("the budget bill", "approve reject delay propose defend criticise"),
                    ("a referendum on the constitution", "propose announce postpone call_off"),
                    ("a trade agreement with Canada", "sign approve review criticise"),
                    ("the new border rules", "introduce suspend defend review"),
                    ("a state visit to Lisbon", "announce postpone cancel"),
                    ("a motion of no confidence", "file win withdraw"),
                    ("the sanctions package", "approve extend lift block")],
        "people": ["Marta Vidal", "Jonas Petersen", "Amira Haddad", "Pavel Novak",
                   "Grace Okafor", "Henrik Lund"],
        "roles": ["a senior minister", "the party's spokeswoman", "an opposition lawmaker",
                  "a political analyst at the capital's university", "a government adviser"],
        "facts": ["The coalition holds 87 of the 150 seats in parliament.",
                  "Turnout at the last general election was 61 percent.",
                  "The country has had four prime ministers in the past decade.",
                  "The constitution requires a two-thirds majority for such changes."],
        "quotes": ["We will not let this decision be taken behind closed doors",
                   "The government has lost the trust of the people",
                   "This is a good day for our democracy",
                   "Nobody expected the vote to be this close"],
    },
    "economy": {
        "actors": ["the central bank", "the finance ministry", "the national statistics office",
                   "the largest steelmaker", "the dockworkers' union", "exporters",
                   "the state energy company", "the regional development fund"],
        "objects": [("the benchmark interest rate", "raise cut freeze"),
                    ("a fuel subsidy", "introduce extend cut withdraw"),
                    ("the minimum wage", "raise freeze propose"),
                    ("a plan to sell the state airline", "announce approve drop delay"),
                    ("new tariffs on imported steel", "impose lift criticise"),
                    ("a bond issue worth 2 billion euros", "launch postpone cancel"),
                    ("its growth forecast", "raise cut review")],
        "people": ["Clara Brandt", "Omar Siddiqui", "Lucia Ferri", "Daniel Mensah",
                   "Sofia Lindqvist"],
        "roles": ["the bank's chief economist", "a trader in Frankfurt",
                  "the union's general secretary", "an industry lobbyist", "a tax lawyer"],
        "facts": ["Inflation stood at 7.4 percent, the highest in 14 years.",
                  "The company employs about 12,000 people in three plants.",
                  "Exports account for roughly half of the country's output.",
                  "Unemployment fell to 5.1 percent, according to official figures."],
        "quotes": ["Prices are still rising faster than wages",
                   "We need to see two more quarters of growth before we relax",
                   "The market had already priced this in",
                   "Small businesses will pay the price for this"],
    },
    "disaster": {
        "actors": ["rescue teams", "the civil protection agency", "the regional governor",
                   "the weather service", "volunteers", "army engineers",
                   "the health ministry", "residents of the coastal towns"],
        "objects": [("an evacuation of the river valley", "order extend begin call_off"),
                    ("emergency aid for flooded towns", "approve announce fund"),
                    ("a curfew in the worst-hit districts", "impose extend lift"),
                    ("temporary shelters near the stadium", "open build close"),
                    ("the search for missing hikers", "begin suspend resume call_off"),
                    ("repairs to the main coastal road", "begin fund finish postpone"),
                    ("a flood warning for the lower river", "raise lift extend")],
        "people": ["Elena Rossi", "Kwame Asante", "Ingrid Solberg", "Tariq Aziz", "Nora Kelly"],
        "roles": ["a local firefighter", "the agency's director", "a shop owner in the town",
                  "a hydrologist", "the mayor of the nearest village"],
        "facts": ["The valley is home to about 40,000 people.",
                  "More than 300 millimetres of rain fell in 48 hours.",
                  "At least 12 people were still missing, officials said.",
                  "The river is 210 kilometres long and crosses three provinces."],
        "quotes": ["The water came up faster than anyone had warned us",
                   "We have never seen anything like this",
                   "Every team we have is out in the field",
                   "It will take months to rebuild what was lost"],
    },
    "courts": {
        "actors": ["the supreme court", "prosecutors", "the defence team", "the appeals court",
                   "the justice ministry", "the anti-corruption office", "a district judge"],
        "objects": [("the conviction of the former mayor", "challenge review defend"),
                    ("an inquiry into the bridge collapse", "open launch extend close"),
                    ("charges against two executives", "file drop review"),
                    ("the extradition request", "file grant reject review"),
                    ("a ban on the protest", "impose lift challenge"),
                    ("the new law on data retention", "challenge suspend block review"),
                    ("the bail application", "hear grant reject")],
        "people": ["Viktor Halm", "Rosa Jimenez", "Samuel Idowu", "Agnes Varga", "Leo Marchetti"],
        "roles": ["the chief prosecutor", "a defence lawyer", "a law professor",
                  "the court's spokesman", "a rights campaigner"],
        "facts": ["The trial has heard from 94 witnesses.",
                  "The maximum sentence for the offence is 12 years.",
                  "The court has nine judges, appointed for life.",
                  "About 1,500 pages of evidence were submitted."],
        "quotes": ["Justice delayed is justice denied",
                   "My client has always maintained his innocence",
                   "The evidence speaks for itself",
                   "We will appeal this ruling"],
    },
    "transport": {
        "actors": ["the national railway company", "the city council", "the airport operator",
                   "the transport ministry", "train drivers", "the port authority",
                   "the construction consortium"],
        "objects": [("work on the high-speed rail line", "begin suspend resume finish"),
                    ("a bridge across the river", "build open close fund"),
                    ("the new metro line", "open delay fund test"),
                    ("plans for a third runway", "approve reject drop review"),
                    ("night bus services", "cut launch extend suspend"),
                    ("the ferry link to the islands", "resume suspend cancel"),
                    ("the toll on the ring road", "raise introduce lift")],
        "people": ["Hanna Berg", "Mateo Silva", "Yusuf Demir", "Chloe Martin", "Ravi Patel"],
        "roles": ["the project's chief engineer", "a commuter", "the drivers' union leader",
                  "a city councillor", "a transport economist"],
        "facts": ["The line carries about 80,000 passengers a day.",
                  "The project has cost 3.2 billion euros so far.",
                  "The bridge is 1.4 kilometres long.",
                  "Trains on the route are late one time in five."],
        "quotes": ["Commuters deserve better than this",
                   "The first trains will run on schedule",
                   "Nobody asked the people who live along the route",
                   "Safety comes before any deadline"],
    },
    "health": {
        "actors": ["health officials", "the medicines agency", "hospital doctors",
                   "the health ministry", "the nurses' union", "the regional health board",
                   "researchers at the university hospital"],
        "objects": [("a vaccination campaign", "launch extend suspend announce"),
                    ("the new cancer drug", "approve test review reject"),
                    ("a hospital in the north", "open build close fund"),
                    ("waiting-time targets", "introduce drop defend criticise"),
                    ("a trial of the treatment", "begin suspend finish resume"),
                    ("free dental care for children", "introduce extend cut"),
                    ("the closure of the maternity ward", "announce postpone block criticise")],
        "people": ["Miriam Cohen", "Felix Wagner", "Ayesha Khan", "Tomasz Wojcik", "Julia Costa"],
        "roles": ["a senior nurse", "the agency's head", "an epidemiologist",
                  "a patient advocate", "a hospital manager"],
        "facts": ["About 9 percent of adults in the region have diabetes.",
                  "The hospital has 640 beds and 3,000 staff.",
                  "The waiting list stands at 180,000 patients.",
                  "The trial enrolled 1,200 volunteers aged 18 to 65."],
        "quotes": ["Patients are waiting far too long",
                   "The results are encouraging but early",
                   "Staff are exhausted after three hard winters",
                   "We followed the science at every step"],
    },
}


def _plural(actor: str) -> bool:
    """Whether an actor takes a plural verb: its head noun ("researchers at ...") ends in s."""
    head = actor.split(" of ")[0].split(" at ")[0].split()[-1]
    return head.endswith("s") and not head.endswith("'s")


def _act(rng: random.Random, t: dict) -> tuple[str, str, str, str]:
    """An object of the topic and a verb that fits it: (object, base, past, participle)."""
    obj, verbs = rng.choice(t["objects"])
    base = rng.choice(verbs.split()).replace("_", " ")  # "call_off": one verb, two words
    return (obj, base, *_FORMS[base])


_PLACES = ["Lisbon", "the capital", "the northern province", "Gdansk", "the coastal region",
           "Porto", "the eastern border", "Bergen", "the river valley", "Thessaloniki",
           "the industrial south", "Tampere"]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_NUMBER_WORDS = ["two", "three", "four", "five", "six", "ten"]


def _past_date(rng: random.Random, year: int) -> str:
    """A past date phrase of one of many forms, relative to an article of ``year``."""
    y = rng.randint(year - 8, year - 1)
    forms = [
        lambda: f"on {rng.choice(_DAYS)}", lambda: "last week", lambda: "last month",
        lambda: f"in {rng.choice(_MONTHS)}", lambda: f"in {rng.choice(_MONTHS)} {y}",
        lambda: f"on {rng.randint(1, 28)} {rng.choice(_MONTHS)} {y}",
        lambda: f"on {rng.choice(_MONTHS)} {rng.randint(1, 28)}, {y}",
        lambda: rng.choice([f"in early {y}", f"in mid-{y}", f"in late {y}"]),
        lambda: f"in the {rng.choice(['spring', 'summer', 'autumn', 'winter'])} of {y}",
        lambda: f"in {y}", lambda: "last year", lambda: "earlier this month",
        lambda: f"{rng.choice(_NUMBER_WORDS)} years ago", lambda: "last weekend",
        lambda: f"on {rng.choice(_DAYS)} morning", lambda: f"in the {(y // 10 - 1) * 10}s",
        lambda: "at the end of last year", lambda: f"in the first half of {y}",
        lambda: "yesterday", lambda: f"on {rng.choice(_MONTHS)} {rng.randint(1, 28)}",
    ]
    return rng.choice(forms)()


def _future_date(rng: random.Random, year: int) -> str:
    forms = ["next month", "by the end of the year", f"in {year + rng.randint(1, 4)}",
             "next spring", f"on {rng.choice(_DAYS)}", "within two weeks",
             f"in {rng.choice(_MONTHS)}", "later this year", "next week",
             f"before the summer of {year + 1}"]
    return rng.choice(forms)


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _sentence(rng: random.Random, t: dict, year: int) -> str:
    """One sentence of news prose from a random template of the article's topic."""
    a, a2 = rng.sample(t["actors"], 2)
    (o, vb, vp, vpp), (o2, wb, wp, wpp) = _act(rng, t), _act(rng, t)
    while o2 == o:
        o2, wb, wp, wpp = _act(rng, t)
    has, is_, it = ("have", "are", "they") if _plural(a) else ("has", "is", "it")
    person, role, place = rng.choice(t["people"]), rng.choice(t["roles"]), rng.choice(_PLACES)
    d, d2, fd = _past_date(rng, year), _past_date(rng, year), _future_date(rng, year)
    n = rng.choice(_NUMBER_WORDS)
    templates = [
        lambda: f"{_cap(a)} {vp} {o} {d}.",
        lambda: f"{_cap(d)}, {a} {vp} {o} in {place}.",
        lambda: f"{_cap(a)} said {d} that {a2} would {wb} {o2} {fd}.",
        lambda: f"{_cap(a)} {vp} {o} {d}, {n} weeks after {a2} {wp} {o2}.",
        lambda: f"The decision came after {a2} {wp} {o2} {d}.",
        lambda: f"{person}, {rng.randint(28, 71)}, who has followed the case since "
                f"{year - rng.randint(2, 9)}, told reporters that {a2} had {wpp} {o2} "
                "without warning.",
        lambda: f"\"{rng.choice(t['quotes'])},\" said {person}, {role}.",
        lambda: f"\"{rng.choice(t['quotes'])},\" {person} told a news conference in {place} "
                f"{d}.",
        lambda: f"{_cap(a)} had already {vpp} {o} {d2}, but {a2} {wp} {o2} {d}.",
        lambda: f"Since {year - rng.randint(2, 9)}, {a} {has} {vpp} {o} {n} times.",
        lambda: f"When {a2} {wp} {o2} {d}, {a} {vp} {o} within days.",
        lambda: f"{_cap(a)} {is_} expected to {vb} {o} {fd}, {role} said.",
        lambda: f"Talks on {o} are due to resume {fd}.",
        lambda: f"{_cap(a)} {vp} {o}, a move {a2} had called for {d2}.",
        lambda: f"{person} said {a} had not yet decided whether to {vb} {o}.",
        lambda: f"Critics say {a} {vp} {o} too late and without consulting {a2}.",
        lambda: f"In a statement, {a} said {it} had {vpp} {o} and would {wb} {o2} {fd}.",
        lambda: rng.choice(t["facts"]),
        lambda: f"{_cap(a)} first {vp} {o} {d2}; {a2} {wp} {o2} {d}.",
        lambda: f"About {rng.randint(2, 90) * 100} people gathered in {place} {d} after "
                f"{a} {vp} {o}.",
    ]
    return rng.choice(templates)()


def make_article(rng: random.Random, i: int, target_words: int = 600) -> str:
    """One invented news article of about ``target_words`` words, as .txt with front matter."""
    topic = rng.choice(sorted(_TOPICS))
    t = _TOPICS[topic]
    published = dt.date(2021, 1, 1) + dt.timedelta(days=rng.randrange(1000))
    o, _, vp, _ = _act(rng, t)
    title = _cap(f"{rng.choice(t['actors'])} {vp} {o}")
    paras: list[str] = []
    words = 0
    # The last paragraph overshoots the goal by ~40 words: aim a little low, and vary it.
    goal = rng.randint(int(target_words * 0.88), target_words)
    while words < goal:
        para = " ".join(_sentence(rng, t, published.year) for _ in range(rng.randint(1, 4)))
        paras.append(para)
        words += len(para.split())
    url = f"https://news.example.org/{topic}/{published:%Y/%m/%d}/article-{i}"
    body = "\n\n".join(paras)
    return f"---\ntitle: \"{title}\"\npublished: {published}\nurl: {url}\n---\n{title}\n\n{body}\n"


# ------------------------------------------------------------------------ measuring

def _mb(kb: int) -> float:
    return kb / 1024  # ru_maxrss is in KiB on Linux


def _cpu() -> float:
    """User + system CPU seconds of this process and of its reaped children."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(
        resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def bench_batch(n: int, workers: int) -> dict:
    """Time one cold ``extract_many`` call over ``n`` generated articles."""
    sys.path.insert(0, str(REPO / "src"))
    try:
        from dateline.extract.events import extract_many
    except ImportError:  # the extractor's rewrite may keep the batch runner in its own module
        try:
            from dateline.extract.batch import extract_many
        except ImportError as exc:
            raise SystemExit(f"extractor has no extract_many yet: {exc}") from None

    rng = random.Random(1234)
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i in range(n):
            p = Path(tmp) / f"article-{i:04d}.txt"
            p.write_text(make_article(rng, i), encoding="utf-8")
            paths.append(str(p))
        first: list[float] = []
        cpu_before = _cpu()
        started = time.perf_counter()
        results = extract_many(paths, workers=workers,
                               progress=lambda done, total, res: first or first.append(
                                   time.perf_counter()))
        seconds = time.perf_counter() - started
        cpu = _cpu() - cpu_before  # the workers are reaped by now: theirs is in
    words = sum(len(r.article.text.split()) for r in results if r.article)
    return {"articles": n, "workers": workers, "words": words, "seconds": seconds, "cpu": cpu,
            "events": sum(len(r.events) for r in results),
            "errors": [r.error for r in results if r.error],
            "first": (first[0] - started) if first else float("nan"),
            "rss_parent": _mb(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss),
            # Read now: later children (the seed runs) would be counted too.
            "rss_child": _mb(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)}


def _timed_process(cmd: list[str]) -> tuple[float, float, int, str, float]:
    """(seconds, peak RSS MB, exit code, output, CPU seconds) of one whole child process."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO / "src"), env.get("PYTHONPATH")]))
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    out = proc.stdout.read()
    # wait4 rather than wait(): it gives this one child's own peak RSS.
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    proc.stdout.close()
    return seconds, _mb(usage.ru_maxrss), proc.returncode, out, usage.ru_utime + usage.ru_stime


def bench_seed(seed: Path, runs: int) -> dict:
    """Whole-process CLI runs on the seed: --dry-run, and --out into a fresh temp dir."""
    base = [sys.executable, "-m", "dateline", "extract", str(seed)]
    figures = {}
    for label in ("--dry-run", "--out"):
        times, rss, cpus, last = [], [], [], ""
        for _ in range(runs):
            with tempfile.TemporaryDirectory() as out_dir:
                cmd = base + (["--dry-run"] if label == "--dry-run" else ["--out", out_dir])
                seconds, peak, code, out, cpu = _timed_process(cmd)
                if code != 0:
                    raise SystemExit(f"seed run failed (exit {code}): {' '.join(cmd)}\n{out}")
                times.append(seconds)
                cpus.append(cpu)
                rss.append(peak)
                last = out.strip().splitlines()[-1] if out.strip() else ""
        figures[label] = {"median": statistics.median(times), "min": min(times),
                          "max": max(times), "rss": max(rss), "summary": last,
                          "cpu": statistics.median(cpus)}
    return figures


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=60, help="generated articles in the batch")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--seed", default=str(DEFAULT_SEED), help="seed article (with .meta.yaml)")
    ap.add_argument("--runs", type=int, default=3, help="whole-process runs per seed figure")
    args = ap.parse_args()

    b = bench_batch(args.n, args.workers)
    s = bench_seed(Path(args.seed), args.runs)

    rate = b["articles"] / b["seconds"]
    print(f"batch  extract_many, {b['workers']} workers (target >= 10 articles/s)")
    print(f"  articles {b['articles']}   words {b['words']} "
          f"(~{b['words'] / max(1, b['articles']):.0f}/article)   events {b['events']}   "
          f"errors {len(b['errors'])}")
    print(f"  seconds {b['seconds']:.2f}   articles/s {rate:.1f}   "
          f"words/s {b['words'] / b['seconds']:.0f}   first result after {b['first']:.2f} s")
    print(f"  CPU seconds {b['cpu']:.2f} (parent and workers; on a loaded machine the "
          f"figure to compare)")
    print(f"  peak RSS: parent {b['rss_parent']:.0f} MB, largest worker {b['rss_child']:.0f} MB")
    for err in b["errors"][:3]:
        print(f"  error: {err}")
    print(f"seed   {Path(args.seed).name}, whole process through the CLI, "
          f"median of {args.runs} (target < 3 s)")
    for label, f in s.items():
        print(f"  {label:9s} median {f['median']:.2f} s (min {f['min']:.2f}, max {f['max']:.2f})"
              f"   CPU {f['cpu']:.2f} s   peak RSS {f['rss']:.0f} MB   {f['summary']}")


if __name__ == "__main__":
    main()
