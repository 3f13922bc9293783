"""Event-date links on TempEval-3: does the extractor give each gold event its gold date?

usage: python bench/event_links.py [train|platinum|both] [--show-failures N]   (default: train)

What is measured. TempEval-3 annotates, in each ``.tml`` file, events (EVENT, a word),
time expressions (TIMEX3) and temporal links between them (TLINK). A *dating link* is a
gold TLINK between an event and a DATE timex (not the document creation time t0), both in
the same sentence, whose relation puts the event inside the time (see RELATIONS below),
and whose timex value names an interval (the same rule as score_tempeval.py: "XXXX-WI"
or "PAST_REF" are not scored). For each dating link, the document's plain text goes to
``extract_events`` and the link is scored by the events that *hold* the gold event word,
i.e. whose ``words`` spans overlap the word's character span:

    ok          exactly one event holds the word and its ``date`` matches the gold value
    wrong date  exactly one event holds the word, with another date (or no readable date)
    unheld      no event holds the word
    shared      two or more events hold it (a word belongs to one event's clause only)

The share printed is ok / links. Date match is score_tempeval.py's interval match, using
the shared ``dates.py`` (imported at run time, not copied): the extracted value must name
the same day interval as the gold value, or, where the gold timex has mod=START/END/MID,
an honest sub-interval of it (sharing its first day for START, its last for END).

RELATIONS. With the event as source (``eventInstanceID=e relatedToTime=t``), TimeML reads
"e REL t": IS_INCLUDED (e inside t), DURING (e holds throughout t), SIMULTANEOUS (e = t),
BEGINS / ENDS (e is the start / end part of t, so inside it) all put the event inside the
time, so the time dates it. INCLUDES (e contains t: "the war included 2015"), BEGUN_BY /
ENDED_BY (t is only the start / end of a longer e: "since 2019", "until May"), BEFORE,
AFTER, IBEFORE, IAFTER do not: t only bounds or neighbours e. With the time as source
(``timeID=t relatedToEventInstance=e``, "t REL e") the inverse relations qualify:
INCLUDES, SIMULTANEOUS, DURING_INV, BEGUN_BY, ENDED_BY. One (event, timex) pair linked
several times (two instances, or both directions) is one link. An event word with dating
links to several timexes ("found guilty twice, in 1991 and in 1997"; 14 words in train,
none in platinum) is scored once: its date may match any of them, or the span from the
first to the last. So the unit counted is the gold event word that has a dating link.

Sentence split: the plain text is cut with ``to_jsonl.sentence_spans`` from the shared
tempeval3 folder (the split that made the ``sentence`` field of platinum.jsonl, imported
at run time): every line break ends a sentence; within a line, ``.``/``!``/``?`` plus any
closing quotes or brackets, then whitespace, ends one when the next character is upper
case, a digit or an opening quote, and the word before the period is not a listed
abbreviation ("Mr.", "Jan.", "U.S."), a single-letter initial or a dotted acronym.

Articles are built directly, ``Article(text=plain, title=None, published=DCT, url=None,
path=file name)``, so no ingest limits apply. platinum is held out: report it, never tune
on it; ``--show-failures`` therefore lists train failures only. The shared folder is found
beside the repo (``../shared``) or at $DATELINE_SHARED.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import os
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DATELINE_SHARED") or REPO.parent / "shared")
TEMPEVAL = SHARED / "bench" / "tempeval3"
SPLITS = {"train": ("train-timebank", "train-aquaint"), "platinum": ("platinum",)}

# relType as written when the event is the link's source, and when the time is.
EVENT_SOURCE = {"IS_INCLUDED", "DURING", "SIMULTANEOUS", "BEGINS", "ENDS"}
TIME_SOURCE = {"INCLUDES", "DURING_INV", "SIMULTANEOUS", "BEGUN_BY", "ENDED_BY"}


@dataclasses.dataclass(frozen=True)
class Gold:
    """One dating timex of an event: its value, mod, day interval, and the link's relation."""

    value: str
    mod: str | None
    want: tuple[dt.date, dt.date]
    rel: str


@dataclasses.dataclass
class Link:
    """One gold event word and the dating links it has (usually one; see the docstring)."""

    doc: str
    event_span: tuple[int, int]
    sentence: tuple[int, int]
    golds: list[Gold]


@dataclasses.dataclass
class Doc:
    """One .tml file: its plain text, DCT and dating links."""

    name: str
    text: str
    dct: dt.date
    links: list[Link]


def _shared_helpers():
    """dates.py and to_jsonl.py from the shared tempeval3 folder (reused, never copied)."""
    if not (TEMPEVAL / "dates.py").is_file():
        raise SystemExit(f"no TempEval-3 data at {TEMPEVAL} (set DATELINE_SHARED)")
    sys.path.insert(0, str(TEMPEVAL))
    import dates
    import to_jsonl
    return dates, to_jsonl


def _flatten(text_el: ET.Element) -> tuple[str, dict, dict]:
    """Plain text of <TEXT> (inner tags stripped), with EVENT and TIMEX3 char spans."""
    parts: list[str] = []
    events: dict[str, tuple[int, int]] = {}
    timexes: dict[str, tuple[int, int, ET.Element]] = {}
    pos = 0

    def walk(el: ET.Element) -> None:
        nonlocal pos
        start = pos
        if el.text:
            parts.append(el.text)
            pos += len(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
                pos += len(child.tail)
        if el.tag == "EVENT":
            events[el.get("eid")] = (start, pos)
        elif el.tag == "TIMEX3":
            timexes[el.get("tid")] = (start, pos, el)

    walk(text_el)
    return "".join(parts), events, timexes


def load_doc(path: Path, dates, to_jsonl) -> Doc:
    """Parse one .tml file into its plain text, DCT and same-sentence dating links."""
    root = ET.parse(path).getroot()
    dct_el = next(t for t in root.iter("TIMEX3") if t.get("functionInDocument") == "CREATION_TIME")
    dct = dt.date.fromisoformat(dct_el.get("value")[:10])
    text, events, timexes = _flatten(root.find("TEXT"))
    sentences = to_jsonl.sentence_spans(text)

    def sentence_of(offset: int) -> tuple[int, int] | None:
        return next(((a, b) for a, b in sentences if a <= offset < b), None)

    instance = {m.get("eiid"): m.get("eventID") for m in root.iter("MAKEINSTANCE")}
    seen: set[tuple[str, str]] = set()
    links: dict[str, Link] = {}
    for tl in root.iter("TLINK"):
        rel = tl.get("relType")
        if tl.get("eventInstanceID") and tl.get("relatedToTime"):
            eiid, tid, source = tl.get("eventInstanceID"), tl.get("relatedToTime"), "event"
        elif tl.get("timeID") and tl.get("relatedToEventInstance"):
            eiid, tid, source = tl.get("relatedToEventInstance"), tl.get("timeID"), "time"
        else:
            continue  # event-event or time-time
        eid = instance.get(eiid)
        ok = rel in (EVENT_SOURCE if source == "event" else TIME_SOURCE)
        if not ok or eid not in events or tid not in timexes or (eid, tid) in seen:
            continue
        start, end, tx = timexes[tid]
        if tx.get("type") != "DATE" or tx.get("functionInDocument") == "CREATION_TIME":
            continue
        want = dates.timex_interval(tx.get("value"), dct)
        sent = sentence_of(events[eid][0])
        if want is None or sent is None or sent != sentence_of(start):
            continue
        seen.add((eid, tid))
        link = links.setdefault(eid, Link(path.name, events[eid], sent, []))
        link.golds.append(Gold(tx.get("value"), tx.get("mod"), want, f"{source} {rel}"))
    return Doc(path.name, text, dct, sorted(links.values(), key=lambda k: k.event_span))


def _matches(span: tuple[dt.date, dt.date], want: tuple[dt.date, dt.date], mod: str | None) -> bool:
    """score_tempeval.py's rule: same interval, or an honest sub-interval under mod."""
    if span == want:
        return True
    inside = want[0] <= span[0] and span[1] <= want[1]
    return inside and (mod == "MID" or mod == "START" and span[0] == want[0]
                       or mod == "END" and span[1] == want[1])


def date_matches(got: str | None, link: Link, dates) -> bool:
    """The extracted value matches one of the link's gold timexes, or the span of them all."""
    span = dates.interval(got) if got else None
    if span is None:
        return False
    if any(_matches(span, g.want, g.mod) for g in link.golds):
        return True
    hull = (min(g.want[0] for g in link.golds), max(g.want[1] for g in link.golds))
    return len(link.golds) > 1 and span == hull


def _holds(event, span: tuple[int, int]) -> bool:
    a, b = span
    return any(s < b and a < e for s, e in event.words)


def _require_fields(event_cls) -> None:
    names = {f.name for f in dataclasses.fields(event_cls)}
    for field in ("words", "anchor"):
        if field not in names:
            raise SystemExit(f"extractor has no `{field}` field yet (ExtractedEvent in "
                             "src/dateline/extract/events.py); nothing to measure")


def run_split(split: str, show: int, dates, to_jsonl) -> dict:
    """Score one split; print its figures (and up to ``show`` failures) and return them."""
    from dateline.extract.events import extract_events
    from dateline.extract.ingest import Article

    paths = sorted(p for d in SPLITS[split] for p in (TEMPEVAL / d).glob("*.tml")
                   if not p.name.startswith("._"))
    outcomes: Counter[str] = Counter()
    by_rel: Counter[str] = Counter()
    failures: list[str] = []
    words = 0
    started = time.perf_counter()
    for path in paths:
        doc = load_doc(path, dates, to_jsonl)
        words += len(doc.text.split())
        if not doc.links:
            continue
        article = Article(text=doc.text, title=None, published=doc.dct, url=None, path=doc.name)
        events = extract_events(article)
        for link in doc.links:
            by_rel.update(g.rel for g in link.golds)
            holders = [ev for ev in events if _holds(ev, link.event_span)]
            if len(holders) == 1 and date_matches(holders[0].date, link, dates):
                outcomes["ok"] += 1
                continue
            kind = "unheld" if not holders else "wrong date" if len(holders) == 1 else "shared"
            outcomes[kind] += 1
            if len(failures) < show:
                failures.append(_describe(kind, doc, link, holders, events))
    seconds = time.perf_counter() - started
    links = sum(outcomes.values())
    share = outcomes["ok"] / links if links else 0.0
    print(f"{split}: {len(paths)} documents, {words} words, {links} dated event words "
          f"({sum(by_rel.values())} dating links), {seconds:.1f} s")
    print(f"  ok {outcomes['ok']} ({share:.3f})   wrong date {outcomes['wrong date']}   "
          f"unheld {outcomes['unheld']}   shared {outcomes['shared']}")
    print("  links by relation: " + ", ".join(f"{r} {n}" for r, n in by_rel.most_common()))
    for f in failures:
        print(f)
    return {"split": split, "links": links, **outcomes, "share": round(share, 3)}


def _describe(kind: str, doc: Doc, link: Link, holders: list, events: list) -> str:
    """A failure for a reader: the sentence, the word, gold and what was extracted."""
    a, b = link.sentence
    s, e = link.event_span
    sentence = " ".join(doc.text[a:b].split())
    gold = ", ".join(f"{g.value}{' mod=' + g.mod if g.mod else ''} ({g.rel})" for g in link.golds)
    lines = [f"\n[{kind}] {doc.name} dct={doc.dct} word={doc.text[s:e]!r} @{s} gold={gold}",
             f"  sentence: {sentence}"]
    # With no holder, show the events of that sentence, so a reader sees what got the words.
    shown = holders or [ev for ev in events if a <= ev.anchor[0] < b]
    if not shown:
        lines.append("  extracted: no event in this sentence")
    for ev in shown:
        words = " ".join(doc.text[x:y] for x, y in ev.words)
        lines.append(f"  {'holder' if holders else 'in sentence'}: date={ev.date} "
                     f"date_text={ev.date_text!r} anchor={doc.text[ev.anchor[0]:ev.anchor[1]]!r}"
                     f" words={words[:160]!r}")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("split", nargs="?", default="train", choices=["train", "platinum", "both"])
    ap.add_argument("--show-failures", type=int, default=0, metavar="N",
                    help="list up to N train failures (platinum is held out: never listed)")
    args = ap.parse_args()
    sys.path.insert(0, str(REPO / "src"))
    from dateline.extract.events import ExtractedEvent

    _require_fields(ExtractedEvent)
    dates, to_jsonl = _shared_helpers()
    splits = ["train", "platinum"] if args.split == "both" else [args.split]
    for split in splits:
        run_split(split, args.show_failures if split == "train" else 0, dates, to_jsonl)


if __name__ == "__main__":
    main()
