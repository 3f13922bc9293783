"""Extract: dated events out of an :class:`~dateline.ingest.Article`, and event files out.

The pipeline per article: split sentences -> split each sentence into clauses -> give each
clause that holds a date mention (from :func:`dateline.tagger.find_dates`) an event titled
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

from dateline import _sentences as sx
from dateline.dates import DateError, parse_value
from dateline.ingest import Article, IngestError, load_article


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
    if re.fullmatch(r"\d{1,3}|\d{1,3}(?:,\d{3})+|\d+\.\d+", mtext):
        return False
    if re.fullmatch(r"\d{4}", mtext):
        # A bare year next to ", 64," style punctuation, or a count ("2000 troops").
        after = text[mention.end:mention.end + 30]
        if re.match(r"\s+[a-z]+s\b", after) and not re.match(r"\s+(?:was|is|has|as)\b", after):
            return False
    try:
        value = parse_value(mention.value)
    except (DateError, ValueError):
        return False
    return 1000 <= value.first.year <= base.year + 50


def _date_text(text: str, start: int, mtext: str) -> str:
    """The source's phrase, with the preposition that introduces it ("in November")."""
    if re.match(r"(?i)(in|on|at|during|since|by|from|until|last|this|next|early|late|mid)\b",
                mtext):
        return mtext.strip()
    prep = re.search(r"(?i)\b(in|on|at|during|since|by|from|until)\s+(the\s+)?$", text[:start])
    return (prep.group() + mtext).strip() if prep else mtext.strip()


def _span_days(value: str) -> int:
    v = parse_value(value)
    return (v.last - v.first).days


def _contains(outer: str, inner: str) -> bool:
    a, b = parse_value(outer), parse_value(inner)
    return a.first <= b.first and b.last <= a.last


# -------------------------------------------------------------------------- event tests

_STOP = set("""a an the of to in on at by for from with and or but as is are was were be been
has have had it its this that these those he she they his her their who which said says
would could will not into over about after before since than also there then""".split())

# A concrete development reported as news, with no date of its own.
_DEVELOPMENT = re.compile(
    r"\b(?:(?:has|have)\s+(?:\w+ly\s+)?(?:introduced|announced|launched|approved|passed|"
    r"signed|imposed|banned|ordered|appointed|named|agreed|declared|adopted|unveiled|released|"
    r"proposed|suspended|resigned|confirmed|opened|closed|begun|started|ended|sent|deployed|"
    r"withdrawn|arrested|charged|sentenced|fired|dismissed|elected|raised|lifted|expelled|"
    r"recalled|sanctioned|filed|sued|voted|rejected|vetoed|seized|captured|completed|acquired|"
    r"cancelled|canceled|postponed|pledged|allocated|outlawed|criminalised|criminalized|"
    r"restricted|extended)|announced|unveiled|(?:plans|plan|is planning|are planning|is set"
    r"|are set|intends|intend) to|said (?:it|they|he|she) (?:was|were|is|are|will) \w+ing?)\b",
    re.I)
# Hedges, negation and reported opinion: not a concrete development.
_NOT_DEVELOPMENT = re.compile(
    r"\b(?:not|never|no longer|n't|may|might|could|should|would|probably|possibly|perhaps|"
    r"reportedly|allegedly|speculat\w*|rumou?r\w*|claim\w*|believ\w*|think\w*|argu\w*|"
    r"suggest\w*|if|whether|unless)\b|\?", re.I)
_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "our", "new", "any", "such",
                "these", "those", "no"}
_PAST_VERB = re.compile(r"\b(?:\w{3,}ed|was|were|won|lost|began|took|made|fell|came|went|"
                        r"left|gave|held|became|broke|ran|hit|struck|met|rose|led|sent|"
                        r"handed)\b", re.I)


def _stems(text: str) -> set[str]:
    return {w[:5] for w in re.findall(r"[a-z]+", text.lower()) if w not in _STOP and len(w) > 2}


def _is_development(clause: str, sentence: str) -> bool:
    m = _DEVELOPMENT.search(clause)
    if not m or _NOT_DEVELOPMENT.search(sentence) or sentence.lstrip()[:1] in "\"“‘'":
        return False
    before = clause[:m.start()].split()
    # An actor must come first ("The ministry announced"), not a noun use ("its plans to").
    if not before or len(before) > 10:
        return False
    last = before[-1].lower()
    return last not in _DETERMINERS and not last.endswith(("'s", "’s"))


# ------------------------------------------------------------------------ names/pronouns

class _Names:
    """Full personal names seen so far: resolves surnames and sentence-subject pronouns."""

    def __init__(self) -> None:
        self.full: list[str] = []
        self.last_subject: str | None = None

    def people_in(self, text: str) -> list[str]:
        found = sx.find_people(text)
        for name in found:
            if name not in self.full:
                self.full.append(name)
        for full in self.full:  # a bare surname of someone named in full earlier
            surname = full.split()[-1]
            if full not in found and re.search(rf"(?<![\w-]){re.escape(surname)}(?![\w-])",
                                                text):
                found.append(full)
        return found

    def subject_of(self, sentence: str, people: list[str]) -> None:
        head = sentence[:60]
        hits = [(head.find(p.split()[-1]), p) for p in people if p.split()[-1] in head]
        if hits:
            self.last_subject = min(hits)[1]

    def resolve(self, title: str) -> tuple[str, str | None]:
        m = re.match(r"(He|She)\b", title)
        if m and self.last_subject:
            return self.last_subject + title[m.end():], self.last_subject
        return title, None


# ----------------------------------------------------------------------------- extract

def extract_events(article: Article) -> list[ExtractedEvent]:
    """Find the dated events of an article (in document order, repeats merged)."""
    from dateline.tagger import find_dates  # the tagger owns all date parsing

    if article.published is None:
        raise ValueError(f"{article.path}: no publication date")
    base = article.published
    text = article.text
    mentions = [m for m in find_dates(text, base) if _usable(m, text, base)]
    names = _Names()
    cands: list[_Candidate] = []
    for order, (s0, s1) in enumerate(sx.split_sentences(text)):
        sentence = text[s0:s1]
        people = names.people_in(sentence)
        places = sx.find_places(sentence)
        local = [m for m in mentions if s0 <= m.start < s1]
        made = _dated_candidates(sentence, s0, local, people, places, names, order)
        if not made and not any(s0 <= m.start < s1 for m in mentions):
            dev = _undated_candidate(sentence, base, people, places, names, order)
            made = [dev] if dev else []
        cands.extend(made)
        names.subject_of(sentence, people)
    return [_finish(c) for c in _merge(cands)]


def _new(date: str, date_text: str, clause: str, sentence: str, people: list[str],
         places: list[str], names: _Names, order: int, basis: str | None = None,
         ) -> _Candidate | None:
    title = sx.make_title(clause)
    title, who = names.resolve(title)
    if len(title.split()) < 3:
        return None
    ppl = list(people) + ([who] if who and who not in people else [])
    return _Candidate(date, date_text, title, " ".join(sentence.split()), ppl, list(places),
                      basis, _stems(clause), order)


def _dated_candidates(sentence: str, offset: int, mentions: list[Any], people: list[str],
                      places: list[str], names: _Names, order: int) -> list[_Candidate]:
    out: list[_Candidate] = []
    anchor: _Candidate | None = None
    for a, b in sx.clause_spans(sentence):
        clause = sentence[a:b]
        inside = [m for m in mentions if a <= m.start - offset < b]
        if not inside:
            # "... in late 2020 after a fraudulent election ...": the linked clause is an
            # earlier event; it inherits the year of its anchor (never a finer precision).
            link = sx.clause_link(clause)
            if anchor and link in sx.TEMPORAL_LINKS and _PAST_VERB.search(clause) \
                    and len(clause.split()) >= 5:
                year = _year_before(anchor.date)
                if year:
                    cand = _new(year, anchor.date_text, clause, sentence, people, places,
                                names, order)
                    if cand:
                        out.append(cand)
            anchor = None if link not in (None, *sx.TEMPORAL_LINKS) else anchor
            continue
        # The most specific mention dates the clause; a coarse "this year" only modifies.
        best = min(inside, key=lambda m: (_span_days(m.value), m.start))
        s, e = best.start - offset - a, best.end - offset - a
        stripped = sx.remove_span(clause, s, e)
        for other in inside:  # other dates in the same clause are not part of the title
            if other is not best and other.text in stripped:
                stripped = stripped.replace(other.text, " ")
        date_text = _date_text(sentence, best.start - offset, best.text)
        cand = _new(best.value, date_text, stripped, sentence, people, places, names, order)
        if cand is None:
            # The clause is only its date ("..., in 2019."): title from the whole sentence.
            whole = sx.remove_span(sentence, best.start - offset, best.end - offset)
            cand = _new(best.value, date_text, whole, sentence, people, places, names, order)
        if cand:
            out.append(cand)
            anchor = cand
    return out


def _year_before(value: str) -> str | None:
    """Year precision for an event that happened before ``value``, when that is safe."""
    v = parse_value(value)
    # Early in a year, "after X" may reach back into the previous year: do not guess.
    if v.first.year != v.last.year or v.first.month <= 2:
        return None
    return str(v.first.year)


def _undated_candidate(sentence: str, base: datetime.date, people: list[str],
                       places: list[str], names: _Names, order: int) -> _Candidate | None:
    spans = sx.clause_spans(sentence)
    main = sentence[spans[0][0]:spans[0][1]] if spans else sentence
    if not _is_development(main, sentence):
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


def write_events(events: Sequence[ExtractedEvent], article: Article, out_dir: Path,
                 force: bool = False, dry_run: bool = False) -> WriteReport:
    """Write one ``<slug>.yaml`` per event into ``out_dir``.

    An existing file is never overwritten unless ``force``; ``dry_run`` touches nothing on
    disk. Slugs that collide within this call get ``-2``, ``-3``.
    """
    out_dir = Path(out_dir)
    report = WriteReport(dry_run=dry_run)
    used: set[str] = set()
    for ev in events:
        stem, n = ev.slug, 2
        while stem.casefold() in used:
            stem, n = f"{ev.slug}-{n}", n + 1
        used.add(stem.casefold())
        path = out_dir / f"{stem}.yaml"
        exists = path.exists() or path.with_suffix(".yml").exists()
        if exists and not force:
            report.skipped.append(path)
            continue
        if not dry_run:
            out_dir.mkdir(parents=True, exist_ok=True)
            _write_atomic(path, event_to_yaml(ev, article), exclusive=not force)
        report.written.append(path)
    return report


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
