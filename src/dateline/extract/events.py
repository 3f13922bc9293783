"""Extract: dated events out of an :class:`~dateline.extract.ingest.Article`, and event files out.

The pipeline per article: split sentences -> split each sentence into clauses -> give each
clause that holds a date mention (from :func:`dateline.temporal.tagger.find_dates`) an event titled
from that clause -> add the few events the text dates only indirectly (an "after ..."
clause tied to a dated one; a reported development dated by the publication day) -> merge
repeats. Everything is general English heuristics; see DESIGN.md "Honesty rules".
"""

from __future__ import annotations

import datetime
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from dateline.dates import DateError, parse_value
from dateline.extract import sentences as sx
from dateline.extract.ingest import Article, IngestError, load_article
from dateline.temporal.relative import chain


@dataclass(frozen=True)
class ExtractedEvent:
    """One event found in an article, ready to become an event file."""

    date: str
    date_text: str
    title: str
    quote: str
    people: tuple[str, ...]
    places: tuple[str, ...]
    date_basis: str | None
    slug: str


@dataclass
class _Candidate:
    date: str
    date_text: str
    title: str
    quote: str
    people: list[str]
    places: list[str]
    basis: str | None
    stems: set[str]
    order: int


# ----------------------------------------------------------------------- date mentions

def _usable(mention: Any, text: str, base: datetime.date) -> bool:
    """Reject vague mentions and numbers that only look like dates (ages, counts)."""
    if mention.value is None:
        return False
    mtext = mention.text.strip()
    if _not_an_event(mention, text):
        return False
    if re.fullmatch(r"\d{1,3}|\d{1,3}(?:,\d{3})+|\d+\.\d+", mtext):
        return False
    if re.fullmatch(r"\d{4}", mtext):
        # A count ("sent 2000 troops") rather than a year ("the 2020 elections").
        after = text[mention.end:mention.end + 30]
        before = text[max(0, mention.start - 12):mention.start]
        if re.match(r"\s+[a-z]+s\b", after) \
                and not re.match(r"\s+(?:was|is|has|as)\b", after) \
                and not re.search(r"(?i)\b(?:the|in|since|of|during|by|until|from|before|"
                                  r"after|its|their|his|her)\s+$|['’]s\s+$", before):
            return False
    try:
        value = parse_value(mention.value)
    except (DateError, ValueError):
        return False
    return 1000 <= value.first.year <= base.year + 50


def _not_an_event(mention: Any, text: str) -> bool:
    """A real date that dates no event: a state at publication ("its rate now stands at
    3%") or a yardstick ("the highest since 2008", "the longest strike since 2017")."""
    if re.fullmatch(r"(?i)(?:right\s+)?now|currently|at present|presently|nowadays",
                    mention.text.strip()):
        return True
    before = text[max(0, mention.start - 60):mention.start]
    return bool(re.search(r"(?i)\b(?:\w{3,}est|first|most|least|worst|best)\b[^,.;]{0,40}"
                          r"\bsince\s+(?:the\s+)?$", before))


def _date_text(text: str, start: int, mtext: str) -> str:
    """The source's phrase, with the preposition that introduces it ("in November")."""
    mtext = mtext.rstrip(" .,;:")  # a sentence's full stop is not part of the phrase
    if re.match(r"(?i)(in|on|at|during|since|by|from|until|last|this|next|early|late|mid)\b",
                mtext):
        return mtext.strip()
    prep = re.search(r"(?i)\b(in|on|at|during|since|by|from|until)\s+(the\s+)?$", text[:start])
    return (prep.group() + mtext).strip() if prep else mtext.strip()


def _year_modifier(sentence: str, start: int, end: int, text: str) -> str:
    """For a year used as a modifier ("the 2020 lockdown", "the end of the 2026 season"),
    the noun it modifies."""
    text = text.strip()
    if re.search(r"(?i)\bthe\s+\d{4}$", text):  # the tagger's phrase ends in "the 2026"
        pass
    elif not re.fullmatch(r"\d{4}", text) or not re.search(
            r"(?i)\b(?:the|a|an|its|their|his|her|this|last|next)\s+$", sentence[:start]):
        return ""
    m = re.match(r"(?:\s+[a-z][\w-]*){1,2}(?=[\s,.;:!?]|$)", sentence[end:])
    return m.group() if m and not re.match(r"\s+(?:and|or|to|of|in|on|at|was|is|were)\b",
                                           m.group()) else ""


def _is_target(sentence: str, start: int) -> bool:
    return bool(re.search(r"(?i)\b(?:for|until|till|by)\s+(?:the\s+)?$", sentence[:start]))


def _span_days(value: str) -> int:
    v = parse_value(value)
    return (v.last - v.first).days


def _contains(outer: str, inner: str) -> bool:
    a, b = parse_value(outer), parse_value(inner)
    return a.first <= b.first and b.last <= a.last


# ----------------------------------------------------------------------------- extract

def extract_events(article: Article) -> list[ExtractedEvent]:
    """Find the dated events of an article (in document order, repeats merged)."""
    from dateline.temporal.tagger import find_dates  # the tagger owns all date parsing

    if article.published is None:
        raise ValueError(f"{article.path}: no publication date")
    base = article.published
    text = article.text
    # "Two days later" counts from the date just mentioned, not from the publication day.
    chained = chain(text, find_dates(text, base), lambda m: _usable(m, text, base))
    mentions = [m for m in chained if _usable(m, text, base)]
    # Dates that are not events ("the highest since 2008") still leave the title.
    cut_only = [m for m in chained if m.value is not None and _not_an_event(m, text)]
    names = sx.Names()
    cands: list[_Candidate] = []
    for order, (s0, s1) in enumerate(sx.split_sentences(text)):
        sentence = text[s0:s1]
        people = names.people_in(sentence)
        places = sx.find_places(sentence)
        local = [m for m in mentions if s0 <= m.start < s1]
        extra = [m for m in cut_only if s0 <= m.start < s1]
        made = _dated_candidates(sentence, s0, local, people, places, names, order, extra)
        if not made and not any(s0 <= m.start < s1 for m in mentions):
            dev = _undated_candidate(sentence, base, people, places, names, order)
            made = [dev] if dev else []
        cands.extend(made)
        names.last_subject = sx.Names.subject(sentence, people) or names.last_subject
    return [_finish(c) for c in _merge(cands)]


def _new(date: str, date_text: str, clause: str, sentence: str, people: list[str],
         places: list[str], names: sx.Names, order: int, basis: str | None = None,
         before: str = "") -> _Candidate | None:
    """A candidate event from a clause; `before` is the sentence text ahead of the clause."""
    title = sx.make_title(clause, before)
    if before.strip() and sx.starts_with_verb(title):
        subject = sx.sentence_subject(sentence)
        if subject and not title.lower().startswith(subject.lower()):
            title = f"{subject} {title[:1].lower()}{title[1:]}"
    # In a later clause "he" is most likely the subject of this very sentence.
    here = sx.Names.subject(sentence, people) if not sentence.startswith(clause) else None
    title, who = names.resolve(title, here)
    # Two words make a title only as subject + verb ("Construction began").
    n_words = len(title.split())
    if n_words < 2 or (n_words == 2 and not sx.PAST_VERB.search(title)):
        return None
    # People and places of the clause itself: another clause may be another event's.
    ppl = [p for p in people if re.search(rf"\b{re.escape(p.split()[-1])}\b", clause)]
    if who and who not in ppl:
        ppl.insert(0, who)
    where = [p for p in places if p in sx.find_places(clause)]
    return _Candidate(date, date_text, title, " ".join(sentence.split()), ppl, where,
                      basis, sx.stems(clause), order)


def _dated_candidates(sentence: str, offset: int, mentions: list[Any], people: list[str],
                      places: list[str], names: sx.Names, order: int,
                      cut_only: list[Any] = ()) -> list[_Candidate]:
    out: list[_Candidate] = []
    anchor: _Candidate | None = None
    prev: tuple[int, bool] | None = None  # (start of the previous clause, did it date?)
    for a, b in sx.clause_spans(sentence):
        clause = sentence[a:b]
        inside = [m for m in mentions if a <= m.start - offset < b]
        if not inside:
            # "... in late 2020 after a fraudulent election ...": the linked clause is an
            # earlier event; it inherits the year of its anchor (never a finer precision).
            link = sx.clause_link(clause)
            if anchor and link in sx.TEMPORAL_LINKS and sx.PAST_VERB.search(clause) \
                    and len(clause.split()) >= 5:
                year = _year_before(anchor.date)
                if year:
                    # No date_text: the source gave this clause no phrase of its own.
                    cand = _new(year, "", clause, sentence, people, places, names, order,
                                before=sentence[:a])
                    if cand:
                        out.append(cand)
            anchor = None if link not in (None, *sx.TEMPORAL_LINKS) else anchor
            prev = (a, False)
            continue
        # The most specific mention dates the clause; a coarse "this year" only modifies.
        # A date after "for" is the target of a plan ("an election for June 18"), not
        # when the clause happened, so it only wins when nothing else dates the clause.
        best = min(inside, key=lambda m: (_span_days(m.value),
                                          _is_target(sentence, m.start - offset), m.start))
        date_text = _date_text(sentence, best.start - offset, best.text)
        modifier = _year_modifier(sentence, best.start - offset, best.end - offset, best.text)
        if modifier:  # "during the 2020 lockdown": the year names the lockdown
            date_text = _date_text(sentence, best.start - offset, best.text + modifier)
        cand = None
        # A clause that is only its date ("..., since the spring of 2022") belongs to the
        # clause before it, unless that one carried a date of its own.
        starts = [a] + ([prev[0]] if prev and not prev[1] else [])
        for start in starts:
            part = sentence[start:b]
            # Cut every date phrase of the clause out of the title, last one first.
            spans = inside + [m for m in cut_only if start <= m.start - offset < b]
            for m in sorted(spans, key=lambda m: -m.start):
                if _year_modifier(sentence, m.start - offset, m.end - offset, m.text):
                    continue  # keep "the 2020 lockdown" whole in the title
                part = sx.remove_span(part, m.start - offset - start, m.end - offset - start)
            cand = _new(best.value, date_text, part, sentence, people, places, names, order,
                        before=sentence[:start])
            if cand:
                break
        if cand:
            out.append(cand)
            anchor = cand
        prev = (a, True)
    return out


def _year_before(value: str) -> str | None:
    """Year precision for an event that happened before ``value``, when that is safe."""
    v = parse_value(value)
    # Early in a year, "after X" may reach back into the previous year: do not guess.
    if v.first.year != v.last.year or v.first.month <= 2:
        return None
    return str(v.first.year)


def _undated_candidate(sentence: str, base: datetime.date, people: list[str],
                       places: list[str], names: sx.Names, order: int) -> _Candidate | None:
    spans = sx.clause_spans(sentence)
    main = sentence[spans[0][0]:spans[0][1]] if spans else sentence
    if not sx.is_development(main, sentence):
        return None
    return _new(base.isoformat(), "", main, sentence, people, places, names, order,
                basis="published")


def _merge(cands: list[_Candidate]) -> list[_Candidate]:
    """The same event mentioned twice becomes one: compatible dates and shared words."""
    kept: list[_Candidate] = []
    for c in cands:
        for k in kept:
            small = min(len(c.stems), len(k.stems))
            if small < 3 or len(c.stems & k.stems) / small < 0.5:
                continue
            if c.basis or k.basis:
                same = True  # an undated repeat of a dated event is that event
            else:
                same = _contains(c.date, k.date) or _contains(k.date, c.date)
            if not same:
                continue
            # Keep the finer date, the dated record over the publication-day one.
            if (k.basis and not c.basis) or (not c.basis and _span_days(c.date)
                                              < _span_days(k.date)):
                # People and places describe the quote, so they travel with it.
                k.date, k.date_text, k.basis = c.date, c.date_text, c.basis
                k.title, k.quote, k.people, k.places = c.title, c.quote, c.people, c.places
            k.stems |= c.stems
            break
        else:
            kept.append(c)
    return kept


def _finish(c: _Candidate) -> ExtractedEvent:
    # "2020-09/2020-12" -> "2020-09--2020-12" (ISO 8601's filename-safe interval form).
    prefix = re.sub(r"[^0-9X-]", "", c.date.replace("/", "--"))
    return ExtractedEvent(date=c.date, date_text=c.date_text, title=c.title, quote=c.quote,
                          people=tuple(c.people), places=tuple(c.places), date_basis=c.basis,
                          slug=f"{prefix}-{sx.slugify(c.title)}")


# -------------------------------------------------------------------------------- YAML

class _QuotedStr(str):
    """A string that YAML writes in double quotes (dates must stay strings)."""


class _EventDumper(yaml.SafeDumper):
    pass


_EventDumper.add_representer(
    _QuotedStr, lambda d, s: d.represent_scalar("tag:yaml.org,2002:str", str(s), style='"'))


def event_to_yaml(ev: ExtractedEvent, article: Article) -> str:
    """The event-file contract YAML for one event (DESIGN.md "Event files")."""
    data: dict[str, Any] = {"date": _QuotedStr(ev.date), "title": ev.title}
    if ev.date_text:
        data["date_text"] = ev.date_text
    if ev.people:
        data["people"] = list(ev.people)
    if ev.places:
        data["places"] = list(ev.places)
    source: dict[str, Any] = {}
    if article.title:
        source["title"] = article.title
    if article.url:
        source["url"] = article.url
    if article.published:
        source["published"] = article.published
    source["quote"] = ev.quote
    data["source"] = source
    if ev.date_basis:
        data["date_basis"] = ev.date_basis
    # Same settings as yaml.safe_dump(sort_keys=False, allow_unicode=True), plus quoting.
    return yaml.dump(data, Dumper=_EventDumper, sort_keys=False, allow_unicode=True,
                     default_flow_style=False, width=100)


@dataclass
class WriteReport:
    """What :func:`write_events` wrote (or, on a dry run, would write) and skipped."""

    written: list[Path] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)  # existed already, kept as they were
    dry_run: bool = False
    previews: dict[Path, str] = field(default_factory=dict)  # dry run: the YAML not written


def write_events(events: Sequence[ExtractedEvent], article: Article, out_dir: Path,
                 force: bool = False, dry_run: bool = False) -> WriteReport:
    """Write one ``<slug>.yaml`` per event into ``out_dir``.

    An existing file is never overwritten unless ``force``; ``dry_run`` touches nothing on
    disk. Slugs that collide within this call get ``-2``, ``-3``.
    """
    out_dir = Path(out_dir)
    report = WriteReport(dry_run=dry_run)
    used: set[str] = set()
    known = {} if force else _already_extracted(out_dir)
    for ev in events:
        # A curated file may have been renamed: recognise the event by its quote and phrase.
        earlier = known.get(_fingerprint(ev.quote, ev.date_text))
        if earlier is not None:
            report.skipped.append(earlier)
            continue
        stem, n = ev.slug, 2
        while stem.casefold() in used:
            stem, n = f"{ev.slug}-{n}", n + 1
        used.add(stem.casefold())
        path = out_dir / f"{stem}.yaml"
        exists = path.exists() or path.with_suffix(".yml").exists()
        if exists and not force:
            report.skipped.append(path)
            continue
        text = event_to_yaml(ev, article)
        if dry_run:
            report.previews[path] = text
        else:
            out_dir.mkdir(parents=True, exist_ok=True)
            _write_atomic(path, text, exclusive=not force)
        report.written.append(path)
    return report


def _fingerprint(quote: str, date_text: str) -> tuple[str, str]:
    return (" ".join(quote.split()).casefold(), " ".join(date_text.split()).casefold())


def _already_extracted(out_dir: Path) -> dict[tuple[str, str], Path]:
    """Fingerprints of the events already in ``out_dir``, whatever their file names now."""
    found: dict[tuple[str, str], Path] = {}
    if not out_dir.is_dir():
        return found
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    for path in sorted([*out_dir.glob("*.yaml"), *out_dir.glob("*.yml")]):
        try:
            data = yaml.load(path.read_text(encoding="utf-8-sig"), Loader=loader)
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            continue  # a broken file is `dateline check`'s business, not extract's
        source = data.get("source") if isinstance(data, dict) else None
        if isinstance(source, dict) and isinstance(source.get("quote"), str):
            date_text = data.get("date_text") if isinstance(data.get("date_text"), str) else ""
            found.setdefault(_fingerprint(source["quote"], date_text), path)
    return found


def _write_atomic(path: Path, text: str, exclusive: bool) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        if exclusive:
            os.link(tmp, path)  # fails if the file appeared meanwhile: never overwrite
            os.unlink(tmp)
        else:
            os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


# ------------------------------------------------------------------------------ batch

@dataclass(frozen=True)
class BatchResult:
    """One article's outcome in :func:`extract_many`: events, or the error message."""

    path: str
    article: Article | None
    events: tuple[ExtractedEvent, ...]
    error: str | None = None


def _extract_one(job: tuple[str, datetime.date | None]) -> BatchResult:
    path, published = job
    try:
        article = load_article(path, published)
        return BatchResult(path, article, tuple(extract_events(article)))
    except IngestError as exc:
        return BatchResult(path, None, (), str(exc))


def extract_many(paths: Iterable[str], workers: int = 2,
                 published: datetime.date | None = None,
                 progress: Callable[[int, int, BatchResult], None] | None = None,
                 ) -> list[BatchResult]:
    """Load and extract many articles in ``workers`` processes; results in input order.

    ``progress(done, total, result)`` is called in the parent after each article. Bad
    input does not stop the batch: it comes back as a result with ``error`` set.
    """
    jobs = [(str(p), published) for p in paths]
    results: list[BatchResult] = []
    if workers <= 1 or len(jobs) <= 1:
        mapped: Iterable[BatchResult] = map(_extract_one, jobs)
        for res in mapped:
            results.append(res)
            if progress:
                progress(len(results), len(jobs), res)
        return results
    chunk = max(1, min(16, len(jobs) // (workers * 4)))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for res in pool.map(_extract_one, jobs, chunksize=chunk):
            results.append(res)
            if progress:
                progress(len(results), len(jobs), res)
    return results
