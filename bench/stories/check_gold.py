"""Check the held-out story corpus (bench/stories/heldout): articles and gold.yaml.

Reads only bench/stories/. Run: python bench/stories/check_gold.py [story_root]
"""
import datetime as dt
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent / "heldout"
DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december"]
errors = []


def err(msg):
    errors.append(msg)


def parse_article(path):
    text = path.read_text(encoding="utf-8")
    m = re.match(r"---\n(.*?)\n---\n(.*)$", text, re.S)
    if not m:
        err(f"{path}: no front matter")
        return None, text
    fm = yaml.safe_load(m.group(1))
    return fm, m.group(2)


def to_date(s):
    s = str(s)
    parts = [int(p) for p in s.split("-")]
    while len(parts) < 3:
        parts.append(1)
    return dt.date(*parts)


def compatible(a, b):
    a, b = str(a), str(b)
    return a.startswith(b) or b.startswith(a)


def sentence_of(body, evidence):
    i = body.find(evidence)
    start = max(body.rfind(". ", 0, i), body.rfind("\n", 0, i)) + 1
    ends = [j for j in (body.find(". ", i + len(evidence)), body.find("\n", i + len(evidence))) if j >= 0]
    end = min(ends) if ends else len(body)
    return body[start:end + 1]


def check_reading(where, phrase, reading, pub):
    r = str(reading)
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", r):
        err(f"{where}: bad reading {r}")
        return
    rd = to_date(r)
    if rd > pub:
        err(f"{where}: reading {r} after published {pub}")
    p = phrase.lower()
    days = [d for d in DAYS if re.search(rf"\b{d}\b", p)]
    if days:
        if len(r) != 10:
            err(f"{where}: weekday phrase with imprecise reading {r}")
        elif DAYS[rd.weekday()] != days[0]:
            err(f"{where}: '{phrase}' but {r} is a {DAYS[rd.weekday()]}")
        elif not 0 <= (pub - rd).days <= 13:
            err(f"{where}: '{phrase}' reading {r} is {(pub - rd).days} days before {pub}")
        if "last " + days[0] in p and not 1 <= (pub - rd).days <= 13:
            err(f"{where}: '{phrase}' out of range")
    if "yesterday" in p and (pub - rd).days != 1:
        err(f"{where}: yesterday != {r}")
    if "this month" in p and (rd.year, rd.month) != (pub.year, pub.month):
        err(f"{where}: this month but {r}")
    if "last month" in p:
        prev = (pub.replace(day=1) - dt.timedelta(days=1))
        if (rd.year, rd.month) != (prev.year, prev.month):
            err(f"{where}: last month but {r}")
    for mi, mon in enumerate(MONTHS, 1):
        if re.search(rf"\b{mon}\b", p) or re.search(rf"\b{mon[:3]}\.", p):
            if len(r) >= 7 and int(r[5:7]) != mi:
                err(f"{where}: '{phrase}' month {mon} but reading {r}")
            dnum = re.search(r"\b(\d{1,2})\b", p)
            if dnum and len(r) == 10 and int(r[8:10]) != int(dnum.group(1)):
                err(f"{where}: '{phrase}' day {dnum.group(1)} but reading {r}")
            ynum = re.search(r"\b(1\d{3}|20\d{2})\b", p)
            if ynum and int(r[:4]) != int(ynum.group(1)):
                err(f"{where}: '{phrase}' year but reading {r}")
    if re.search(r"\blast year\b", p) and int(r[:4]) != pub.year - 1:
        err(f"{where}: last year but {r}")
    if re.fullmatch(r"(in )?\d{4}", p.strip()) and r != p.strip()[-4:]:
        err(f"{where}: year phrase but {r}")


totals = {"stories": 0, "articles": 0, "events": 0, "multi": 0}
for story in sorted(d for d in ROOT.iterdir() if d.is_dir()):
    totals["stories"] += 1
    arts = sorted(story.glob("[0-9][0-9]-*.md"))
    if not 3 <= len(arts) <= 4:
        err(f"{story.name}: {len(arts)} articles")
    bodies, pubs = {}, {}
    for a in arts:
        totals["articles"] += 1
        fm, body = parse_article(a)
        if fm is None:
            continue
        for k in ("title", "published", "url", "outlet"):
            if k not in fm:
                err(f"{a}: missing {k}")
        if not re.match(r"https://example\.(org|com)/", str(fm.get("url", ""))):
            err(f"{a}: url {fm.get('url')}")
        pubs[a.name] = to_date(fm["published"])
        bodies[a.name] = body
        n = len(body.split())
        if not 350 <= n <= 600:
            err(f"{a}: {n} words")
        for line in body.splitlines():
            if re.match(r"\s*(#|[-*+] |\d+\. )", line):
                err(f"{a}: heading or list line: {line[:40]}")
    if len(set(pubs.values())) != len(pubs):
        err(f"{story.name}: two articles share a published date")
    if len({fm_outlet for fm_outlet in bodies}) != len(bodies):
        err(f"{story.name}: duplicate files")
    gold = yaml.safe_load((story / "gold.yaml").read_text(encoding="utf-8"))
    ids = set()
    ndis = 0
    for ev in gold["events"]:
        eid = ev["id"]
        where = f"{story.name}/{eid}"
        if eid in ids:
            err(f"{where}: duplicate id")
        ids.add(eid)
        date = str(ev["date"])
        if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", date):
            err(f"{where}: bad date {date}")
        if not ev.get("what"):
            err(f"{where}: no what")
        dis = ev.get("disagreement")
        if not isinstance(dis, bool):
            err(f"{where}: disagreement not bool")
        ndis += bool(dis)
        files = [m["file"] for m in ev["mentions"]]
        if len(files) != len(set(files)):
            err(f"{where}: two mentions from one article")
        if not files:
            err(f"{where}: no mentions")
        totals["events"] += 1
        totals["multi"] += len(set(files)) >= 2
        bad = 0
        for m in ev["mentions"]:
            w = f"{where}/{m['file']}"
            body = bodies.get(m["file"])
            if body is None:
                err(f"{w}: no such article")
                continue
            ph, evid = str(m["phrase"]), str(m["evidence"])
            if body.count(evid) != 1:
                err(f"{w}: evidence occurs {body.count(evid)} times: {evid!r}")
                continue
            if not 4 <= len(evid.split()) <= 10:
                err(f"{w}: evidence has {len(evid.split())} words")
            if ph not in body:
                err(f"{w}: phrase not in article: {ph!r}")
            elif ph not in sentence_of(body, evid):
                err(f"{w}: phrase {ph!r} not in the evidence sentence")
            check_reading(w, ph, m["reading"], pubs[m["file"]])
            if not compatible(m["reading"], date):
                bad += 1
                if not dis:
                    err(f"{w}: reading {m['reading']} vs date {date} but no disagreement")
        if dis and (bad == 0 or bad == len(ev["mentions"])):
            err(f"{where}: disagreement needs readings both matching and not matching {date}")
    if ndis != 1:
        err(f"{story.name}: {ndis} disagreement events")
    print(f"{story.name}: {len(arts)} articles, {len(gold['events'])} events, "
          f"{sum(len({m['file'] for m in e['mentions']}) >= 2 for e in gold['events'])} multi-article")

print(totals)
if totals["events"] < 40 or totals["multi"] < 15:
    err("corpus too small")
for e in errors:
    print("ERROR", e)
print("OK" if not errors else f"{len(errors)} errors")
sys.exit(1 if errors else 0)
