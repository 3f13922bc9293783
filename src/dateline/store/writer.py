"""Writing extracted events into an events folder: new files, sources added to the files
already there, and nothing a person wrote ever overwritten.

Reports of every article of a run are grouped with the events already in the folder
(:mod:`dateline.store.match`). Then, per event:

- new: one file, with `source:` for one article or `sources:` for several;
- already in a file, same date: the new sources are added to that file by adding lines
  (:mod:`dateline.store.roundtrip`), with a review reason when their reading disagrees;
- already in a file, but the merged event needs another date (a new article is more
  precise, or earlier on a disagreement): a file exactly as the store wrote it is written
  again whole; a file a person has changed is left alone and the change is reported.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from dateline.store import match, render, roundtrip
from dateline.store.match import Group, Report

if TYPE_CHECKING:  # the store never loads the extraction stack itself
    from dateline.extract.events import ExtractedEvent
    from dateline.extract.ingest import Article

# (verb, subject, object, lemmas) of each title: how files already in the folder, which
# keep no parse, are matched (extract/happening.describe_title with the loaded model).
Describe = Callable[[list[str]], list[tuple[str, str, str, tuple[str, ...]]]]

_WEAK_END = {"the", "a", "an", "of", "to", "and", "or", "its", "his", "her", "their", "was",
             "were", "is", "are", "in", "on", "at", "by", "for", "from", "with", "as"}


def slugify(text: str, limit: int = 60) -> str:
    """ASCII, lowercase, hyphen-separated slug of at most ``limit`` characters."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    ascii_text = re.sub(r"['’]", "", ascii_text)
    words = [w for w in re.split(r"[^a-z0-9]+", ascii_text.lower()) if w]
    # Articles add length, not meaning; a slug cut short should not end on "of"/"to".
    words = [w for w in words if w not in ("the", "a", "an")] or words
    while words and len("-".join(words)) > limit:
        words.pop()
    while len(words) > 1 and words[-1] in _WEAK_END:
        words.pop()
    slug = "-".join(words)[:limit].strip("-")
    return slug or "event"


def file_stem(date: str, title: str) -> str:
    """An event file's name without suffix: its date, then its title."""
    # "2020-09/2020-12" -> "2020-09--2020-12" (ISO 8601's filename-safe interval form).
    prefix = re.sub(r"[^0-9X-]", "", date.replace("/", "--"))
    return f"{prefix}-{slugify(title)}"


def report_of(ev: ExtractedEvent, article: Article, order: int = 0) -> Report:
    """One extracted event of ``article`` as a report the store can merge."""
    return Report(date=ev.date, date_text=ev.date_text, title=ev.title, quote=ev.quote,
                  article=article.url or article.path, source_title=article.title or "",
                  url=article.url or "", published=article.published, order=order,
                  people=ev.people, places=ev.places, organizations=ev.organizations,
                  review=ev.review, basis=ev.date_basis, verb=ev.verb, subject=ev.subject,
                  object=ev.object, lemmas=ev.lemmas, roles=ev.roles)


def event_to_yaml(ev: ExtractedEvent, article: Article) -> str:
    """The event-file YAML of one event from one article (DESIGN.md "Event files")."""
    return render.render(match.merge([report_of(ev, article)]))


@dataclass
class WriteReport:
    """What a write did (or, on a dry run, would do)."""

    written: list[Path] = field(default_factory=list)  # new files
    updated: list[Path] = field(default_factory=list)  # sources added to existing files
    skipped: list[Path] = field(default_factory=list)  # already there, kept as they were
    # Files left as they were although the new articles say more: (file, why).
    conflicts: list[tuple[Path, str]] = field(default_factory=list)
    dry_run: bool = False
    previews: dict[Path, str] = field(default_factory=dict)  # dry run: the YAML not written


@dataclass
class Stored:
    """An event file already in the folder."""

    path: Path
    text: str
    data: dict[str, Any]

    @property
    def untouched(self) -> bool:
        """Whether the file is exactly what the store wrote: nobody has edited it."""
        try:
            return render.rendered_again(self.data) == self.text
        except yaml.YAMLError:
            return False


def write_events(events: Sequence[ExtractedEvent], article: Article, out_dir: Path,
                 force: bool = False, dry_run: bool = False,
                 describe: Describe | None = None) -> WriteReport:
    """Write the events of one article into ``out_dir`` (see :func:`write_reports`)."""
    return write_reports([report_of(ev, article, i) for i, ev in enumerate(events)],
                         out_dir, force=force, dry_run=dry_run, describe=describe)


def write_reports(reports: Iterable[Report], out_dir: Path, force: bool = False,
                  dry_run: bool = False, describe: Describe | None = None) -> WriteReport:
    """Merge ``reports`` (of any number of articles) with the events in ``out_dir``.

    An existing file is never overwritten unless ``force`` (which also ignores what the
    folder holds); ``dry_run`` touches nothing on disk. Without ``describe``, files in the
    folder are recognised only by a quote and phrase they already hold.
    """
    out_dir = Path(out_dir)
    report = WriteReport(dry_run=dry_run)
    stored = [] if force else _stored(out_dir)
    known = _fingerprints(stored)
    fresh: list[Report] = []
    for rep in reports:
        # A curated file may have been renamed: recognise the event by its quote and phrase.
        earlier = known.get(_fingerprint(rep.quote, rep.date_text))
        if earlier is not None:
            report.skipped.append(earlier)  # one entry per event, as extract counts them
        else:
            fresh.append(rep)
    seeds = _seeds(_near(stored, fresh), describe) if describe is not None and fresh else []
    used: set[str] = set()
    for g in match.group(fresh, seeds):
        if g.seed is None:
            _write_new(g, out_dir, force, dry_run, used, report)
        elif len(g.reports) > g.seed.count:  # type: ignore[attr-defined]
            _add_to_file(g, dry_run, report)
    return report


def _near(stored: list[Stored], fresh: list[Report]) -> list[Stored]:
    """The stored files whose date some new report could match: only their titles are
    parsed (a large folder holds years of events that no new article touches)."""
    dates = {r.date for r in fresh}
    out = []
    for s in stored:
        raw = s.data.get("date")
        value = raw.isoformat() if hasattr(raw, "isoformat") else _text(raw)
        if any(match.relation(value, d) != "apart" for d in dates):
            out.append(s)
    return out


@dataclass
class _SeedInfo:
    """The stored file a group starts from, and how many of its reports are the file's."""

    stored: Stored
    count: int


def _seeds(stored: list[Stored], describe: Describe) -> list[Group]:
    files = [s for s in stored if isinstance(s.data.get("title"), (str, int, float))
             and s.data.get("date") not in (None, "")]
    parses = describe([str(s.data["title"]) for s in files]) if files else []
    out: list[Group] = []
    for s, parse in zip(files, parses, strict=True):
        reps = _reports_of_file(s, parse)
        if reps:
            out.append(Group(list(reps), seed=_SeedInfo(s, len(reps))))
    return out


def _text(value: Any) -> str:
    return str(value).strip() if isinstance(value, (str, int, float)) and value is not True \
        and value is not False else ""


def _reports_of_file(s: Stored, parse: tuple[str, str, str, tuple[str, ...]]) -> list[Report]:
    """A stored file's sources as reports, matched on the file's title."""
    d = s.data
    date = d["date"].isoformat() if hasattr(d["date"], "isoformat") else _text(d["date"])
    if match.reading(date) is None:
        return []  # a phrase date ("late 2020"): the build reads it; no merging onto it
    items = [d.get("source")] if isinstance(d.get("source"), dict) else []
    items += [i for i in d.get("sources") or [] if isinstance(i, dict)] \
        if isinstance(d.get("sources"), list) else []
    names = {k: tuple(_text(n) for n in d.get(k) or [] if _text(n))
             if isinstance(d.get(k), list) else () for k in ("people", "places")}
    verb, subj, obj, lemmas = parse
    basis = "published" if d.get("date_basis") == "published" else None
    out = []
    for i, item in enumerate(items or [{}]):
        raw = item.get("reading")
        read = raw.isoformat() if hasattr(raw, "isoformat") else _text(raw)
        published = item.get("published")
        out.append(Report(
            date=read if match.reading(read) is not None else date,
            date_text=_text(item.get("date_text")) or (_text(d.get("date_text")) if i == 0
                                                        else ""),
            title=_text(d["title"]), quote=_text(item.get("quote")),
            article=_text(item.get("url")) or _text(item.get("title")) or str(s.path),
            source_title=_text(item.get("title")), url=_text(item.get("url")),
            published=published if hasattr(published, "year") else None, order=i,
            people=names["people"], places=names["places"], basis=basis, verb=verb,
            subject=subj, object=obj, lemmas=lemmas,
            # A disagreement is worked out again from all the sources, never carried over.
            review=tuple(_text(r) for r in d.get("review") or [] if _text(r)
                         and not _text(r).startswith(match.DISAGREE))
            if isinstance(d.get("review"), list) else ()))
    return out


def _write_new(g: Group, out_dir: Path, force: bool, dry_run: bool, used: set[str],
               report: WriteReport) -> None:
    merged = match.merge(g.reports)
    slug = file_stem(merged.date, merged.primary.title)
    stem, n = slug, 2
    while stem.casefold() in used:
        stem, n = f"{slug}-{n}", n + 1
    used.add(stem.casefold())
    path = out_dir / f"{stem}.yaml"
    if (path.exists() or path.with_suffix(".yml").exists()) and not force:
        report.skipped.append(path)
        return
    _put(path, render.render(merged), dry_run, report, exclusive=not force)
    report.written.append(path)


def _add_to_file(g: Group, dry_run: bool, report: WriteReport) -> None:
    info: _SeedInfo = g.seed  # type: ignore[assignment]
    s = info.stored
    new = g.reports[info.count:]
    file_date = s.data["date"].isoformat() if hasattr(s.data["date"], "isoformat") \
        else _text(s.data["date"])
    merged = match.merge(g.reports)
    if s.untouched:
        # Nobody has edited the file: it is written again whole, as one run over all
        # these articles would have written it.
        _put(s.path, render.render(merged), dry_run, report, exclusive=False)
        report.updated.append(s.path)
        return
    if merged.date != file_date:
        report.conflicts.append((s.path, f"{_who(new)} give(s) the date {merged.date} "
                                 f"(the file says {file_date}); edit the file by hand"))
        return
    items = [render.source_item(r, True) for r in sorted(
        new, key=lambda r: (r.published or dt.date.min, r.article, r.order))]
    reasons = [r for r in merged.review if r.startswith(match.DISAGREE)]
    have = s.data.get("review") if isinstance(s.data.get("review"), list) else []
    reasons = [r for r in reasons if r not in have]
    try:
        text = roundtrip.append(s.text, items, reasons)
    except roundtrip.CannotAppend as exc:
        report.conflicts.append((s.path, f"{_who(new)} also report(s) it, but {exc}"))
        return
    _put(s.path, text, dry_run, report, exclusive=False)
    report.updated.append(s.path)


def _who(reports: list[Report]) -> str:
    return ", ".join(r.source_title or r.url or r.article for r in reports)


def _put(path: Path, text: str, dry_run: bool, report: WriteReport, exclusive: bool) -> None:
    if dry_run:
        report.previews[path] = text
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    _write_atomic(path, text, exclusive=exclusive)


def _fingerprint(quote: str, date_text: str) -> tuple[str, str]:
    return (" ".join(quote.split()).casefold(), " ".join(date_text.split()).casefold())


def _stored(out_dir: Path) -> list[Stored]:
    """The event files in ``out_dir`` that read as a mapping, in name order."""
    found: list[Stored] = []
    if not out_dir.is_dir():
        return found
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    for path in sorted([*out_dir.glob("*.yaml"), *out_dir.glob("*.yml")]):
        try:
            text = path.read_text(encoding="utf-8-sig")
            data = yaml.load(text, Loader=loader)
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            continue  # a broken file is `dateline check`'s business, not extract's
        if isinstance(data, dict):
            found.append(Stored(path, text, data))
    return found


def _fingerprints(stored: list[Stored]) -> dict[tuple[str, str], Path]:
    """(quote, phrase) of every source of every file, whatever the files are called now."""
    found: dict[tuple[str, str], Path] = {}
    for s in stored:
        d = s.data
        top = d.get("date_text") if isinstance(d.get("date_text"), str) else ""
        source = d.get("source")
        if isinstance(source, dict) and isinstance(source.get("quote"), str):
            found.setdefault(_fingerprint(source["quote"], top), s.path)
        items = d.get("sources") if isinstance(d.get("sources"), list) else []
        for item in items:
            if isinstance(item, dict) and isinstance(item.get("quote"), str):
                phrase = item.get("date_text") if isinstance(item.get("date_text"), str) \
                    else ""
                found.setdefault(_fingerprint(item["quote"], phrase), s.path)
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
