"""Event files out: the YAML of an extracted event, written so that nothing a person
curated is ever overwritten."""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from dateline.extract.events import ExtractedEvent
from dateline.extract.ingest import Article
from dateline.model import EVENT_FIELDS, SOURCE_FIELDS

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


def file_stem(ev: ExtractedEvent) -> str:
    """The event file's name without suffix: its date, then its title."""
    # "2020-09/2020-12" -> "2020-09--2020-12" (ISO 8601's filename-safe interval form).
    prefix = re.sub(r"[^0-9X-]", "", ev.date.replace("/", "--"))
    return f"{prefix}-{slugify(ev.title)}"




class _QuotedStr(str):
    """A string that YAML writes in double quotes (dates must stay strings)."""


class _EventDumper(yaml.SafeDumper):
    pass


_EventDumper.add_representer(
    _QuotedStr, lambda d, s: d.represent_scalar("tag:yaml.org,2002:str", str(s), style='"'))


def event_to_yaml(ev: ExtractedEvent, article: Article) -> str:
    """The event-file contract YAML for one event (DESIGN.md "Event files")."""
    source = {"title": article.title, "url": article.url, "published": article.published,
              "quote": ev.quote}
    fields: dict[str, Any] = {
        "date": _QuotedStr(ev.date), "title": ev.title, "date_text": ev.date_text,
        "people": list(ev.people), "places": list(ev.places),
        "source": {k: source[k] for k in SOURCE_FIELDS if source[k]},
        "review": list(ev.review), "date_basis": ev.date_basis,
    }
    # The loader's own list decides which keys exist and their order: a field the loader
    # does not know can never be written.
    data = {k: fields[k] for k in EVENT_FIELDS if fields.get(k)}
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
        slug = file_stem(ev)
        stem, n = slug, 2
        while stem.casefold() in used:
            stem, n = f"{slug}-{n}", n + 1
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


