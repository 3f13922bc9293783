"""One YAML document to the model: an event file to an `Event`, timeline.yaml to a `Timeline`.

Every field is checked as it is read; each problem is collected as a `Problem` with the
file and line it comes from (`check` and `build` print them all at once), and a field that
cannot be read is left out rather than guessed.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from dateline.bodycheck import body_problems
from dateline.dates import DateError, DateValue, as_day, looks_like_value, parse_value
from dateline.model import (
    EVENT_FIELDS,
    MEDIA_FIELDS,
    SOURCE_FIELDS,
    Era,
    Event,
    Media,
    Problem,
    Source,
    Timeline,
)
from dateline.store.yamldoc import Doc, read_yaml
from dateline.urls import WINDOWS_RESERVED, visible_name, with_slash

EVENT_KEYS = list(EVENT_FIELDS)
SOURCE_KEYS = SOURCE_FIELDS
MEDIA_KEYS = MEDIA_FIELDS
TIMELINE_KEYS = ("title", "description", "base_url", "url", "date_base", "language", "author",
                 "eras")
# Ids become folder names in site/: keep them portable across Windows, macOS and Linux.
# No trailing dot: Windows drops it, and "a." would then collide with "a".
_ID = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9._-]{0,118}[A-Za-z0-9_-])?")
_RESERVED = WINDOWS_RESERVED


def _unknown_keys(doc: Doc, mapping: dict, known: tuple[str, ...], prefix: str = "") -> None:
    for key in mapping:
        if str(key) not in known:
            import difflib  # only for a misspelt key: importing it cost every build ~12 ms

            close = difflib.get_close_matches(str(key), known, n=1)
            hint = f"; did you mean '{close[0]}'?" if close else f"; known keys: {', '.join(known)}"
            doc.error(f"{prefix}{key}", f"unknown key{hint}", severity="warning")


def _text(doc: Doc, key: str, value: Any, required: bool = False) -> str:
    if value is None or value == "":
        if required:
            doc.error(key, "required, but missing or empty")
        return ""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        doc.error(key, f"expected text, found {_kind(value)}")
        return ""
    return str(value).strip()


def _names(doc: Doc, key: str, value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        doc.error(key, f"expected a list such as [a, b], found {_kind(value)}")
        return ()
    out = []
    for item in value:
        if isinstance(item, bool) or not isinstance(item, (str, int, float)) or not str(item).strip():
            doc.error(key, f"expected a list of names, found an item that is {_kind(item)}")
            continue
        name, hidden = visible_name(str(item))  # one spelling per name, nothing invisible
        if hidden:
            doc.error(key, f"{hidden} removed from {name!r}: a name must look like what it is",
                      severity="warning")
        if name:
            out.append(name)
    return tuple(dict.fromkeys(out))  # keep order, drop repeats


def _date(doc: Doc, key: str, value: Any) -> dt.date | None:
    try:
        return as_day(value)
    except DateError as exc:
        doc.error(key, str(exc))
        return None


def _url(doc: Doc, key: str, value: Any) -> str:
    url = _text(doc, key, value)
    if url and not re.match(r"https?://[^\s/]+", url, re.I):
        doc.error(key, f"expected an http(s) URL, found {url!r}")
        return ""
    return url


def _kind(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    return f"{type(value).__name__} {value!r}"


def _mapping(doc: Doc, key: str, value: Any, known: tuple[str, ...]) -> dict | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        doc.error(key, f"expected a mapping ({', '.join(known)}), found {_kind(value)}")
        return None
    _unknown_keys(doc, value, known, prefix=f"{key}.")
    return value


Normalizer = Callable[[str, dt.date], "str | None"]


def _normalize_phrase(text: str, base: dt.date) -> str | None:
    # Imported here so a build whose dates are all in stored form never loads dateparser.
    from dateline.temporal.normalize import normalize

    return normalize(text, base)


def parse_event(doc: Doc, stem: str, default_base: dt.date | None,
                normalize: Normalizer = _normalize_phrase) -> Event | None:
    """Validate one event file's fields; report problems on `doc` and return None if unusable."""
    d = doc.data
    before = len(doc.problems)
    _unknown_keys(doc, d, EVENT_KEYS)
    event_id = _text(doc, "id", d.get("id")) or stem
    if not _ID.fullmatch(event_id) or event_id.lower().split(".")[0] in _RESERVED:
        where = "id" if d.get("id") else None
        doc.error(where, f"cannot use {event_id!r} as an id: use letters, digits, '-', '_' "
                  "and '.', starting with a letter or digit (rename the file or set id:)")
    title = _text(doc, "title", d.get("title"), required=True)
    sources = _sources(doc, d.get("source"), d.get("sources"))
    source = sources[0] if sources else None
    date = _event_date(doc, d.get("date"), (source and source.published) or default_base,
                       normalize)
    date_basis = _text(doc, "date_basis", d.get("date_basis"))
    if date_basis and date_basis != "published":
        doc.error("date_basis", f"expected 'published', found {date_basis!r}")
    elif date_basis:
        # Dated by the publication day because the source gave no date: say so if it did.
        if d.get("date_text"):
            doc.error("date_text", "an event dated by its publication day (date_basis: published) "
                      "has no date phrase; remove date_text or date_basis", severity="warning")
        published = source.published if source else None
        if date is not None and published is not None and date.value != published.isoformat():
            doc.error("date_basis", f"is published, but date is {date.value} and "
                      f"source.published is {published.isoformat()}", severity="warning")
    med = _mapping(doc, "media", d.get("media"), MEDIA_KEYS)
    media = None
    if med is not None:
        media_url = _url(doc, "media.url", med.get("url"))
        if med.get("url") in (None, ""):
            doc.error("media.url", "required when media is given")
        media = Media(media_url, _text(doc, "media.caption", med.get("caption")),
                      _text(doc, "media.credit", med.get("credit")),
                      _text(doc, "media.alt", med.get("alt")))
    if isinstance(d.get("body"), str):  # Markdown that would take seconds to render
        for offset, message in body_problems(d["body"]):
            doc.error_at("body", offset, message)
    event = Event(
        id=event_id, date=date, title=title, path=doc.path,  # type: ignore[arg-type]
        date_text=_text(doc, "date_text", d.get("date_text")),
        body=_text(doc, "body", d.get("body")),
        tags=_names(doc, "tags", d.get("tags")),
        people=_names(doc, "people", d.get("people")),
        places=_names(doc, "places", d.get("places")),
        source=source, date_basis=date_basis, media=media, digest=doc.digest,
        review=_names(doc, "review", d.get("review")), sources=sources,
    )
    has_errors = any(p.severity == "error" for p in doc.problems[before:])
    return None if has_errors or date is None else event


def _source(doc: Doc, key: str, value: Any) -> Source | None:
    src = _mapping(doc, key, value, SOURCE_KEYS)
    if src is None:
        return None
    reading = None
    raw = src.get("reading")
    if raw not in (None, ""):
        try:
            reading = parse_value(raw)
        except DateError as exc:
            doc.error(f"{key}.reading", str(exc))
    return Source(title=_text(doc, f"{key}.title", src.get("title")),
                  url=_url(doc, f"{key}.url", src.get("url")),
                  published=_date(doc, f"{key}.published", src.get("published")),
                  quote=_text(doc, f"{key}.quote", src.get("quote")),
                  date_text=_text(doc, f"{key}.date_text", src.get("date_text")),
                  reading=reading)


def _sources(doc: Doc, single: Any, many: Any) -> tuple[Source, ...]:
    """`source:` and the items of `sources:`, in that order.

    Both may be given: when a later article reports an event whose file has a single
    `source:`, the writer appends a `sources:` list instead of rewriting the lines a person
    may have edited (see store/), so `source:` is then the first of the sources.
    """
    out = []
    first = _source(doc, "source", single)
    if first is not None:
        out.append(first)
    if many is None:
        return tuple(out)
    if not isinstance(many, list):
        doc.error("sources", f"expected a list of sources (title, url, published, quote), "
                  f"found {_kind(many)}")
        return tuple(out)
    for i, item in enumerate(many):
        if item is None:
            continue
        got = _source(doc, f"sources[{i}]", item)
        if got is not None:
            out.append(got)
    return tuple(out)


def _event_date(doc: Doc, raw: Any, base: dt.date | None, normalize: Normalizer) -> DateValue | None:
    if raw is None or raw == "":
        doc.error("date", "required, but missing or empty")
        return None
    if isinstance(raw, str) and not looks_like_value(raw):
        if base is None:
            doc.error("date", f"{raw!r} is a phrase, and there is no date to read it against: "
                      "set source.published, or date_base in timeline.yaml")
            return None
        value = normalize(raw, base)
        if value is None:
            doc.error("date", f"cannot read {raw!r} as a date")
            return None
        raw = value
    try:
        return parse_value(raw)
    except DateError as exc:
        doc.error("date", str(exc))
        return None


def load_timeline(root: Path, problems: list[Problem]) -> Timeline:
    """Read content/timeline.yaml (optional); defaults fill what it leaves out."""
    path = root / "content" / "timeline.yaml"
    if not path.exists():
        return Timeline()
    doc = read_yaml(path, _shown(path, root), problems, within=(root, path.parent))
    if doc is None:
        return Timeline()
    _unknown_keys(doc, doc.data, TIMELINE_KEYS)
    base_url = _text(doc, "base_url", doc.data.get("base_url")) or "/"
    if not base_url.startswith("/"):
        doc.error("base_url", f"expected a path such as /my-timeline/, found {base_url!r}")
        base_url = "/"
    return Timeline(
        title=_text(doc, "title", doc.data.get("title")) or "Timeline",
        description=_text(doc, "description", doc.data.get("description")),
        base_url=with_slash(base_url),
        url=_site_url(doc, doc.data.get("url")),
        date_base=_date(doc, "date_base", doc.data.get("date_base")),
        language=_text(doc, "language", doc.data.get("language")) or "en",
        author=_text(doc, "author", doc.data.get("author")),
        eras=_eras(doc, doc.data.get("eras")),
    )


ERA_KEYS = ("name", "date", "tags", "color", "description")
ERA_COLORS = ("#c9a227", "#4f86c6", "#7fb069", "#d1603d", "#8e6bbf", "#3aa39a")


def _eras(doc: Doc, value: Any) -> tuple[Era, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        doc.error("eras", f"expected a list of eras (name, date, tags, color), found {_kind(value)}")
        return ()
    eras = []
    for i, item in enumerate(value):
        key = f"eras[{i}]"
        if not isinstance(item, dict):
            doc.error("eras", f"{key}: expected a mapping (name, date), found {_kind(item)}")
            continue
        _unknown_keys(doc, item, ERA_KEYS, prefix=f"{key}.")
        name = _text(doc, f"{key}.name", item.get("name"), required=True)
        try:
            span = parse_value(item.get("date")) if item.get("date") is not None else None
        except DateError as exc:
            doc.error(f"{key}.date", str(exc))
            continue
        if span is None:
            doc.error(f"{key}.date", "required: the span of the era, e.g. 2020-08/2021-03")
            continue
        color = _text(doc, f"{key}.color", item.get("color"))
        # Colors go into an SVG attribute: accept only hex so nothing else can be injected.
        if color and not re.fullmatch(r"#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?", color):
            doc.error(f"{key}.color", f"expected a hex color such as #c9a227, found {color!r}")
            color = ""
        if name:
            eras.append(Era(name, span, _names(doc, f"{key}.tags", item.get("tags")),
                            color or ERA_COLORS[i % len(ERA_COLORS)],
                            _text(doc, f"{key}.description", item.get("description"))))
    return tuple(eras)


def _site_url(doc: Doc, value: Any) -> str:
    url = _url(doc, "url", value)
    return with_slash(url) if url else ""


def _shown(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)
