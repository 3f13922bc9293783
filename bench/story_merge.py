"""Score how extraction merges the articles of a running story into one timeline.

    python bench/story_merge.py bench/stories/dev [--verbose] [--orders]

A story is a folder of articles (NN-outlet.md, front matter title/published/url/outlet)
and a gold.yaml listing its true events, each with the article mentions that report it
(file, the date phrase, that article's reading, and an `evidence` substring of the
sentence). Each story's articles are extracted together into a temporary folder exactly
as `dateline extract a b c` does (the same store code); then every written event file's
sources are mapped to gold mentions: a source maps to a mention when it comes from the
mention's article and its quote contains the mention's evidence.

Figures, over all stories:
- pairwise merge precision / recall: of the pairs of mapped mentions that share a file,
  the share that are one gold event; of the pairs of mapped mentions of one gold event,
  the share that share a file (mentions extraction missed are counted apart, as coverage);
- B-cubed F1 over the mapped mentions;
- one file: of the gold events reported by 2+ articles, the share whose mentions all
  ended in exactly one file (a missed mention counts against it);
- precise date: of the gold events found, the share whose file carries the gold date;
- review: of the gold disagreements found, the share whose file is marked `review:` with
  the sources' disagreement;
- missed pairs by cause: a mention extraction did not give; the two readings apart;
  nothing the matcher reads in common (no name, participant or act, under two content
  words); the matcher saw something in common and said no; or it said yes and grouping
  kept them apart. The last two are the matcher's share: recall with all of it merged is
  the matcher's ceiling on that extraction (`--verbose` lists the matcher's misses).
`--orders` extracts each story a second time with the articles in reverse order and
checks that the files come out byte-identical.
`--cross` is a precision probe that needs no gold: for every two stories of the set, the
reports of both dated to a single day are all moved onto one day and grouped together;
a group that holds reports of both stories is a merge that is certainly wrong (a folder
of events from many stories meets this when two stories have news on the same day).
Its second count does the same for every day of one story against every day of the
other, one pair of days at a time (few reports on the day, as in a real folder).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from collections import defaultdict
from itertools import combinations
from pathlib import Path

import yaml

from dateline.extract.batch import describe_titles, extract_many
from dateline.store import report_of, write_reports


def _front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---", 2)[1]) if text.startswith("---") else {}


def extract_story(folder: Path, out: Path, reverse: bool = False,
                  cache: Path | None = None) -> list:
    """Extract every article of a story into ``out``, as one `dateline extract` run; the
    reports it wrote. With ``cache``, the reports of an earlier run are reused (a run that
    measures only the matcher need not parse the articles again)."""
    import pickle

    saved = cache / f"{folder.parent.name}-{folder.name}.pickle" if cache else None
    if saved is not None and saved.exists():
        reports = pickle.loads(saved.read_bytes())
        if reverse:
            reports = reports[::-1]
    else:
        articles = sorted(str(p) for p in folder.glob("[0-9]*.md"))
        if reverse:
            articles.reverse()
        results = extract_many(articles, workers=2)
        reports = [report_of(ev, r.article, i) for r in results if r.article is not None
                   for i, ev in enumerate(r.events)]
        if saved is not None and not reverse:
            saved.parent.mkdir(parents=True, exist_ok=True)
            saved.write_bytes(pickle.dumps(reports))
    write_reports(reports, out, describe=describe_titles)
    return reports


def cross_story(reports: dict[str, list]) -> list[list]:
    """The groups that mix two stories once every one-day report is moved onto one day."""
    import dataclasses

    from dateline.store import match

    moved = {name: [dataclasses.replace(r, date="2030-01-01", article=f"{name}:{r.article}")
                    for r in reps if match.span_days(r.date) == 1 and r.basis != "published"]
             for name, reps in reports.items()}
    mixed = []
    for a, b in combinations(sorted(moved), 2):
        for g in match.group(moved[a] + moved[b]):
            if len({r.article.split(":", 1)[0] for r in g.reports}) == 2:
                mixed.append(g.reports)
    return mixed


def cross_days(reports: dict[str, list]) -> list[list]:
    """The groups that mix two stories when one day of each is moved onto one day: for
    every two stories and every day of each, the reports of those two days alone. Where
    :func:`cross_story` crowds every day of two stories together, this asks what a
    folder of two stories meets on a day each happens to have news: one report of each
    article on that day is the case a same-day rule must not take for one event."""
    import dataclasses

    from dateline.store import match

    days: dict[str, dict[str, list]] = {}
    for name, reps in reports.items():
        for r in reps:
            if match.span_days(r.date) == 1 and r.basis != "published":
                days.setdefault(name, {}).setdefault(r.date, []).append(
                    dataclasses.replace(r, date="2030-01-01", article=f"{name}:{r.article}"))
    mixed = []
    for a, b in combinations(sorted(days), 2):
        for da in sorted(days[a]):
            for db in sorted(days[b]):
                for g in match.group(days[a][da] + days[b][db]):
                    if len({r.article.split(":", 1)[0] for r in g.reports}) == 2:
                        mixed.append(g.reports)
    return mixed


def _value(raw: object) -> str:
    return raw.isoformat() if isinstance(raw, dt.date) else str(raw)


def _sources(data: dict) -> list[dict]:
    """Every source of a file, each with its phrase and reading (a single `source:` has
    the event's)."""
    items = [{"date_text": data.get("date_text", ""), "reading": data.get("date"),
              **data["source"]}] if isinstance(data.get("source"), dict) else []
    return items + [s for s in data.get("sources") or [] if isinstance(s, dict)]


def _norm(text: object) -> str:
    return " ".join(str(text or "").split()).casefold()


# Why a gold pair of two articles' mentions did not end in one file. The first three are
# extraction's share (the matcher cannot fix them), the last two the matcher's.
CAUSES = ("not extracted", "dates apart", "nothing in common", "matcher said no",
          "grouping")


def miss_cause(a, b) -> str:  # noqa: ANN001 - two store.match.Report
    """Which of :data:`CAUSES` kept two reports of one gold event apart: extraction gave
    them incompatible dates, or nothing the matcher reads is common to both (no name,
    participant or act, fewer than two content words), or the matcher saw something in
    common and said no, or it said yes and the grouping put them apart."""
    from dateline.store import match
    from dateline.store.acts import LIGHT_VERBS, same_act, thing

    rel = match.relation(a.date, b.date)
    if rel == "apart":
        return "dates apart"
    if match.evidence(a, b, rel) > 0:
        return "grouping"
    pa = {match.name_form(thing(p)) for p in (a.subject, a.object)} - {""}
    pb = {match.name_form(thing(p)) for p in (b.subject, b.object)} - {""}
    common = (match.shared_names(a.names, b.names) or match.shared_parts(pa, pb)
              or match.shared_parts(pa, b.names) or match.shared_parts(pb, a.names)
              or same_act(a.verb, b.verb))
    words = ({thing(w) for w in a.lemmas} & {thing(w) for w in b.lemmas}) - LIGHT_VERBS
    return "matcher said no" if common or len(words) >= 2 else "nothing in common"


def score_story(folder: Path, out: Path, verbose: bool, reports: list | None = None) -> dict:
    """The counts of one story (summed over stories by :func:`main`); with ``reports``
    (what extraction gave), also why each missed gold pair was missed."""
    gold = yaml.safe_load((folder / "gold.yaml").read_text(encoding="utf-8"))["events"]
    url_of = {p.name: _front_matter(p).get("url") for p in folder.glob("[0-9]*.md")}
    mentions = [(ev["id"], m) for ev in gold for m in ev["mentions"]]
    files = {p.name: yaml.safe_load(p.read_text(encoding="utf-8"))
             for p in sorted(out.glob("*.yaml"))}
    # mention index -> file name that holds it, and the source there that reports it
    where: dict[int, str] = {}
    source_of: dict[int, dict] = {}
    for name, data in files.items():
        for src in _sources(data):
            quote = " ".join(str(src.get("quote", "")).split())
            fits = [i for i, (_, m) in enumerate(mentions) if i not in where
                    and url_of.get(m["file"]) == src.get("url")
                    and " ".join(m["evidence"].split()) in quote]
            # One sentence may hold two gold events: the mention with this source's own
            # phrase, then its reading, is the one it reports.
            fits.sort(key=lambda i: (_norm(mentions[i][1].get("phrase")) != _norm(
                src.get("date_text")), _value(mentions[i][1].get("reading"))
                != _value(src.get("reading")), i))
            if fits:
                where[fits[0]] = name
                source_of[fits[0]] = src
    found = list(where)
    c = defaultdict(float)
    if reports is not None:
        _count_causes(c, mentions, where, source_of, reports, verbose)
    for i, j in combinations(found, 2):
        same_gold = mentions[i][0] == mentions[j][0]
        same_file = where[i] == where[j]
        if verbose and same_file and not same_gold:
            print(f"  wrong pair in {where[i]}: {mentions[i][0]}:{mentions[i][1]['file']} / "
                  f"{mentions[j][0]}:{mentions[j][1]['file']}{_why(i, j, source_of, reports)}")
        c["pred_pairs"] += same_file
        c["gold_pairs"] += same_gold
        c["good_pairs"] += same_file and same_gold
    for i in found:
        gold_set = {j for j in found if mentions[j][0] == mentions[i][0]}
        file_set = {j for j in found if where[j] == where[i]}
        both = len(gold_set & file_set)
        c["b3_p"] += both / len(file_set)
        c["b3_r"] += both / len(gold_set)
    c["mentions"] += len(found)
    c["all_mentions"] += len(mentions)
    for ev in gold:
        idx = [i for i, (gid, _) in enumerate(mentions) if gid == ev["id"]]
        held = [where[i] for i in idx if i in where]
        if len({m["file"] for m in ev["mentions"]}) >= 2:
            c["multi"] += 1
            c["one_file"] += len(held) == len(idx) and len(set(held)) == 1
        if not held:
            continue
        c["found_events"] += 1
        home = max(sorted(set(held)), key=held.count)
        data = files[home]
        c["precise"] += _value(data.get("date")) == _value(ev["date"])
        if ev.get("disagreement"):
            c["disagreements"] += 1
            c["marked"] += any("disagree" in str(r) for r in data.get("review") or [])
        if verbose:
            print(f"  {ev['id']} {ev['date']} -> {sorted(set(held))} date "
                  f"{_value(data.get('date'))}  ({len(held)}/{len(idx)} mentions)")
    if verbose:
        missed = [f"{mentions[i][0]}:{mentions[i][1]['file']}" for i in range(len(mentions))
                  if i not in where]
        print(f"  not extracted: {missed}")
    c["files"] += len(files)
    return c


def _why(i: int, j: int, source_of: dict[int, dict], reports: list | None) -> str:
    """What joined two mapped mentions: the strong rules' score, else the weak tier's."""
    from dateline.store import match, signs

    if reports is None:
        return ""
    by_source = {(r.url, " ".join(r.quote.split()), _norm(r.date_text)): r for r in reports}
    a, b = (by_source.get((source_of[k].get("url"),
                           " ".join(str(source_of[k].get("quote", "")).split()),
                           _norm(source_of[k].get("date_text")))) for k in (i, j))
    if a is None or b is None:
        return ""
    rel = match.relation(a.date, b.date)
    strong = match.evidence(a, b, rel)
    weak = signs.signs(a, b, signs.Pool(reports)) if signs.allowed(a, b) else None
    return (f"\n    strong {strong:.2f} weak {weak.score if weak else 0:.2f} {weak}"
            f"\n    {a.title[:70]!r} [{a.verb}|{a.subject}|{a.object}] {a.date}"
            f"\n    {b.title[:70]!r} [{b.verb}|{b.subject}|{b.object}] {b.date}")


def _count_causes(c: dict, mentions: list, where: dict[int, str], source_of: dict[int, dict],
                  reports: list, verbose: bool) -> None:
    """Add to ``c`` the gold pairs of two articles and why each missed one was missed."""
    by_source = {(r.url, " ".join(r.quote.split()), _norm(r.date_text)): r for r in reports}

    def report(i: int):  # noqa: ANN202 - a store.match.Report or None
        src = source_of[i]
        return by_source.get((src.get("url"), " ".join(str(src.get("quote", "")).split()),
                              _norm(src.get("date_text"))))

    for i, j in combinations(range(len(mentions)), 2):
        (gi, mi), (gj, mj) = mentions[i], mentions[j]
        if gi != gj or mi["file"] == mj["file"]:
            continue
        c["cause pairs"] += 1
        if i not in where or j not in where:
            cause = "not extracted"
        elif where[i] == where[j]:
            continue
        else:
            a, b = report(i), report(j)
            cause = miss_cause(a, b) if a is not None and b is not None else "grouping"
        c[f"cause {cause}"] += 1
        if verbose and cause not in ("not extracted", "nothing in common"):
            print(f"  missed ({cause}) {gi}: {mi['file']} / {mj['file']}")


def _ratio(a: float, b: float) -> float:
    return a / b if b else float("nan")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("stories", type=Path, help="a folder of story folders (a set)")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--orders", action="store_true",
                    help="also check that reversed article order gives the same bytes")
    ap.add_argument("--cross", action="store_true",
                    help="also group every two stories' reports moved onto one day")
    ap.add_argument("--cache", type=Path, default=None,
                    help="keep each story's extracted reports here and reuse them (the "
                    "matcher measured alone; delete the folder when extraction changes)")
    ap.add_argument("--threshold", type=float, default=None,
                    help="the weak tier's threshold (store/signs.THRESHOLD) for this run")
    ap.add_argument("--rare-min", type=float, default=None,
                    help="the weak tier's least rare-word sign (store/signs.RARE_MIN) for "
                    "two reports with no participant in common")
    args = ap.parse_args(argv)
    from dateline.store import signs

    if args.threshold is not None:
        signs.THRESHOLD = args.threshold
    if args.rare_min is not None:
        signs.RARE_MIN = args.rare_min
    total: dict[str, float] = defaultdict(float)
    stories = sorted(p for p in args.stories.iterdir() if (p / "gold.yaml").exists())
    same_bytes = True
    reports: dict[str, list] = {}
    for story in stories:
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "events"
            reports[story.name] = extract_story(story, out, cache=args.cache)
            if args.verbose:
                print(story.name)
            for k, v in score_story(story, out, args.verbose, reports[story.name]).items():
                total[k] += v
            if args.orders:
                again = Path(tmp) / "reversed"
                extract_story(story, again, reverse=True, cache=args.cache)
                a = {p.name: p.read_bytes() for p in out.glob("*.yaml")}
                b = {p.name: p.read_bytes() for p in again.glob("*.yaml")}
                if a != b:
                    same_bytes = False
                    print(f"{story.name}: reversed order gives other files", file=sys.stderr)
    p = _ratio(total["good_pairs"], total["pred_pairs"])
    r = _ratio(total["good_pairs"], total["gold_pairs"])
    bp = _ratio(total["b3_p"], total["mentions"])
    br = _ratio(total["b3_r"], total["mentions"])
    print(f"stories {len(stories)}, gold mentions {int(total['all_mentions'])}, extracted and "
          f"mapped {int(total['mentions'])} ({_ratio(total['mentions'], total['all_mentions']):.2f}),"
          f" event files {int(total['files'])}")
    print(f"pairwise merge precision {p:.3f} ({int(total['good_pairs'])}/{int(total['pred_pairs'])})"
          f"  recall {r:.3f} ({int(total['good_pairs'])}/{int(total['gold_pairs'])})")
    print(f"B-cubed precision {bp:.3f} recall {br:.3f} F1 {2 * bp * br / (bp + br):.3f}")
    print(f"multi-article events as exactly one file {_ratio(total['one_file'], total['multi']):.3f}"
          f" ({int(total['one_file'])}/{int(total['multi'])})")
    print(f"found events carrying the most precise true date "
          f"{_ratio(total['precise'], total['found_events']):.3f} "
          f"({int(total['precise'])}/{int(total['found_events'])})")
    print(f"disagreements marked for review {_ratio(total['marked'], total['disagreements']):.3f}"
          f" ({int(total['marked'])}/{int(total['disagreements'])})")
    missed = {k: int(total[f"cause {k}"]) for k in CAUSES}
    share = sum(missed[k] for k in CAUSES[3:])
    print(f"missed gold pairs of two articles (of {int(total['cause pairs'])}), by cause: "
          + ", ".join(f"{k} {v}" for k, v in missed.items())
          + f"; the matcher's own share {share}, so its ceiling is recall "
          f"{_ratio(total['good_pairs'] + share, total['gold_pairs']):.3f}")
    if args.orders:
        print(f"reversed article order gives byte-identical files: {same_bytes}")
    if args.cross:
        mixed = cross_story(reports)
        pairs = len(stories) * (len(stories) - 1) // 2
        print(f"cross-story probe: {len(mixed)} groups mix two stories ({pairs} story pairs)")
        if args.verbose:
            for reps in mixed:
                print("  " + " | ".join(f"{r.title[:60]} [{r.verb}]" for r in reps))
        mixed = cross_days(reports)
        print(f"cross-story day probe: {len(mixed)} groups mix two stories (every day of one "
              f"story against every day of another)")
        if args.verbose:
            for reps in mixed:
                print("  " + " | ".join(f"{r.title[:60]} [{r.verb}]" for r in reps))
    return 0


if __name__ == "__main__":
    sys.exit(main())
