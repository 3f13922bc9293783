"""The JSON Schemas for event files and timeline.yaml agree with what content.py accepts.

Editors use the schemas (through the yaml-language-server modeline `init` writes) to flag
typos as they are typed, so a schema that rejects a file the build accepts would be a
false alarm, and one that accepts a typo would miss the point. Each case below is fed to
both the schema and the real loader, and they must give the same verdict.
"""

from __future__ import annotations

import datetime as dt
import json
import textwrap
from pathlib import Path
from typing import Any

import pytest
import yaml

from dateline import content
from dateline.store import yamldoc

jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is in the test extra")

REPO = Path(__file__).resolve().parents[1]
SCHEMA_DIR = REPO / "src" / "dateline" / "schema"


def _schema(name: str) -> dict:
    return json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))


EVENT_VALIDATOR = jsonschema.Draft202012Validator(
    _schema("event"), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
TIMELINE_VALIDATOR = jsonschema.Draft202012Validator(
    _schema("timeline"), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def as_json(value: Any) -> Any:
    """What an editor sees: YAML dates are plain strings in JSON."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    return value


def load_yaml(text: str) -> Any:
    """Load YAML the way the build does (the same Loader class)."""
    return yaml.load(text, Loader=yamldoc.Loader)  # noqa: S506 - a safe loader subclass


def schema_errors(validator: jsonschema.Validator, text: str) -> list[str]:
    """The schema's complaints about a YAML document, as readable lines."""
    data = as_json(load_yaml(text))
    return [f"{'/'.join(map(str, e.absolute_path)) or '(top)'}: {e.message}"
            for e in validator.iter_errors(data)]


def loader_problems(tmp_path: Path, text: str, kind: str) -> list[str]:
    """Every problem (errors and warnings) the real loader reports for one file."""
    problems: list[content.Problem] = []
    if kind == "event":
        path = tmp_path / "case.yaml"
        path.write_text(text, encoding="utf-8")
        doc = yamldoc.read_yaml(path, path.name, problems)
        if doc is not None:
            content.parse_event(doc, path.stem, dt.date(2022, 12, 6))
    else:
        (tmp_path / "content").mkdir(exist_ok=True)
        (tmp_path / "content" / "timeline.yaml").write_text(text, encoding="utf-8")
        content.load_timeline(tmp_path, problems)
    return [str(p) for p in problems]


GOOD_EVENT = """\
date: 2022-11
title: Belarusian foreign minister Vladimir Makei dies suddenly
"""

# (label, extra YAML lines appended to GOOD_EVENT, or a whole file when it has 'date:')
EVENT_CASES_OK = [
    ("minimal", ""),
    ("day unquoted", "date: 2022-02-24\ntitle: t\n"),
    ("year as number", "date: 2020\ntitle: t\n"),
    ("interval", "date: 2020-09/2020-12\ntitle: t\n"),
    ("decade", "date: 199X\ntitle: t\n"),
    ("century", "date: 19XX\ntitle: t\n"),
    ("season", "date: 2021-21\ntitle: t\n"),
    ("qualified", "date: 2020~\ntitle: t\n"),
    ("phrase", "date: late 2020\ntitle: t\n"),
    ("numeric title", "date: 1949\ntitle: 1984\n"),
    ("all keys", """\
        id: makei-dies
        date_text: in November
        body: |
          Makei, *64*, died.
        tags: [diplomacy]
        people: [Vladimir Makei]
        places: Belarus
        source:
          title: Russian military training in Belarus
          url: https://example.org/news/1
          published: 2022-12-06
          quote: "The sudden death by heart attack in November of ..."
        media: {url: https://example.org/a.jpg, caption: c, credit: d, alt: e}
        """),
    ("empty optional values", "date_text:\nbody: ''\ntags:\nsource:\nmedia:\n"),
    ("date_basis", "date_basis: published\n"),
    ("numeric id", "id: 2022\n"),
    ("several sources", """\
        sources:
          - {title: A, url: https://example.org/a, published: 2024-03-24, quote: q,
             date_text: on Saturday, reading: 2024-03-23}
          - {title: B, published: 2024-03-25, date_text: late March, reading: 2024-03-21/2024-03-31}
        """),
    ("source and more sources", "source: {title: A}\nsources:\n  - {title: B, reading: 2024}\n"),
]
EVENT_CASES_BAD = [
    ("typo key", "tgas: [x]\n"),
    ("typo in source", "source: {titel: x}\n"),
    ("typo in media", "media: {url: https://example.org/a.jpg, capton: x}\n"),
    ("missing title", "date: 2022\n"),
    ("empty title", "date: 2022\ntitle: ''\n"),
    ("missing date", "title: t\n"),
    ("title is a list", "date: 2022\ntitle: [a, b]\n"),
    ("title is true", "date: 2022\ntitle: true\n"),
    ("date is a mapping", "date: {year: 2022}\ntitle: t\n"),
    ("date is a list", "date: [2022]\ntitle: t\n"),
    ("date is true", "date: true\ntitle: t\n"),
    ("date is a short number", "date: 800\ntitle: t\n"),
    ("no month 13", "date: 2022-13\ntitle: t\n"),
    ("no season with a day", "date: 2022-21-01\ntitle: t\n"),
    ("no day 32", "date: '2022-01-32'\ntitle: t\n"),
    ("tags is a mapping", "tags: {a: 1}\n"),
    ("tags item is a list", "tags: [[a]]\n"),
    ("tags item is blank", "tags: ['  ']\n"),
    ("tags item is true", "tags: [true]\n"),
    ("source is text", "source: somewhere\n"),
    ("source url not http", "source: {url: ftp://example.org/x}\n"),
    ("source published not a day", "source: {published: December 2022}\n"),
    ("date_basis other", "date_basis: reported\n"),
    ("sources is a mapping", "sources: {title: A}\n"),
    ("typo in sources", "sources: [{titel: A}]\n"),
    ("sources reading a phrase", "sources: [{reading: late March}]\n"),
    ("sources url not http", "sources: [{url: ftp://example.org/x}]\n"),
    ("media without url", "media: {caption: x}\n"),
    ("media url javascript", "media: {url: 'javascript:alert(1)'}\n"),
    ("bad id", "id: -leading-dash\n"),
    ("reserved id", "id: CON\n"),
    ("id with slash", "id: a/b\n"),
]


def _event_text(extra: str) -> str:
    extra = textwrap.dedent(extra)
    if extra.startswith("date:") or "\ndate:" in extra or extra.startswith("title:"):
        return extra
    return GOOD_EVENT + extra


@pytest.mark.parametrize("label,extra", EVENT_CASES_OK, ids=[c[0] for c in EVENT_CASES_OK])
def test_event_schema_accepts_what_the_loader_accepts(tmp_path: Path, label: str,
                                                      extra: str) -> None:
    text = _event_text(extra)
    assert loader_problems(tmp_path, text, "event") == [], "case is not valid for the loader"
    assert schema_errors(EVENT_VALIDATOR, text) == []


@pytest.mark.parametrize("label,extra", EVENT_CASES_BAD, ids=[c[0] for c in EVENT_CASES_BAD])
def test_event_schema_rejects_what_the_loader_flags(tmp_path: Path, label: str,
                                                    extra: str) -> None:
    text = _event_text(extra)
    assert loader_problems(tmp_path, text, "event"), "case is not flagged by the loader"
    assert schema_errors(EVENT_VALIDATOR, text), "the schema accepted it"


def test_known_gaps_that_only_the_build_catches(tmp_path: Path) -> None:
    """A regular expression cannot know calendars or parse phrases: these pass the schema.

    The build still reports them with file and line; this test pins the limits down so a
    change in either direction is noticed.
    """
    for text in ("date: 2022-02-30\ntitle: t\n",          # no such day
                 "date: 2022/2020\ntitle: t\n",           # ends before it starts
                 "date: the day after never\ntitle: t\n"):  # not a readable phrase
        assert loader_problems(tmp_path, text, "event")
        assert schema_errors(EVENT_VALIDATOR, text) == []


def test_example_events_validate() -> None:
    files = content.event_files(REPO)
    assert files, "the example site has events"
    for path in files:
        errors = schema_errors(EVENT_VALIDATOR, path.read_text(encoding="utf-8"))
        assert errors == [], f"{path.name}: {errors}"


def test_example_timeline_validates() -> None:
    text = (REPO / "content" / "timeline.yaml").read_text(encoding="utf-8")
    assert schema_errors(TIMELINE_VALIDATOR, text) == []


TIMELINE_CASES_OK = [
    ("empty settings", "title: T\n"),
    ("all keys", """\
        title: Belarus
        description: How it went.
        base_url: /dateline/
        url: https://example.github.io/dateline/
        date_base: 2022-12-06
        language: en
        author: A. Writer
        eras:
          - {name: Protests, date: 2020-08/2021-03, tags: [protests], color: '#c9a227'}
          - name: War
            date: 2022
            description: From the invasion on.
        """),
]
TIMELINE_CASES_BAD = [
    ("typo key", "titel: T\n"),
    ("base_url without slash", "base_url: dateline/\n"),
    ("url not http", "url: example.org\n"),
    ("date_base a phrase", "date_base: last week\n"),
    ("eras not a list", "eras: {name: x}\n"),
    ("era without date", "eras: [{name: x}]\n"),
    ("era with a phrase date", "eras: [{name: x, date: late 2020}]\n"),
    ("era typo", "eras: [{name: x, date: 2020, colour: '#fff'}]\n"),
    ("era color not hex", "eras: [{name: x, date: 2020, color: red}]\n"),
    ("title is a list", "title: [a]\n"),
]


@pytest.mark.parametrize("label,text", TIMELINE_CASES_OK, ids=[c[0] for c in TIMELINE_CASES_OK])
def test_timeline_schema_accepts_what_the_loader_accepts(tmp_path: Path, label: str,
                                                         text: str) -> None:
    text = textwrap.dedent(text)
    assert loader_problems(tmp_path, text, "timeline") == []
    assert schema_errors(TIMELINE_VALIDATOR, text) == []


@pytest.mark.parametrize("label,text", TIMELINE_CASES_BAD, ids=[c[0] for c in TIMELINE_CASES_BAD])
def test_timeline_schema_rejects_what_the_loader_flags(tmp_path: Path, label: str,
                                                       text: str) -> None:
    text = textwrap.dedent(text)
    assert loader_problems(tmp_path, text, "timeline"), "case is not flagged by the loader"
    assert schema_errors(TIMELINE_VALIDATOR, text), "the schema accepted it"


def test_schema_keys_match_the_loader() -> None:
    """A key added to the loader (dateline.store.reader) without the schema (or the reverse) fails here."""
    from dateline.store import reader as parse

    event, timeline = _schema("event"), _schema("timeline")
    assert set(event["properties"]) == set(parse.EVENT_KEYS)
    source, media = (next(a for a in event["properties"][k]["anyOf"] if a.get("type") == "object")
                     for k in ("source", "media"))
    assert set(source["properties"]) == set(parse.SOURCE_KEYS)
    assert set(media["properties"]) == set(parse.MEDIA_KEYS)
    assert set(timeline["properties"]) == set(parse.TIMELINE_KEYS)
    era = next(a for a in timeline["properties"]["eras"]["anyOf"] if a.get("type") == "array")
    assert set(era["items"]["properties"]) == set(parse.ERA_KEYS)


def test_schemas_are_valid_draft_2020_12() -> None:
    for name in ("event", "timeline"):
        schema = _schema(name)
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        jsonschema.Draft202012Validator.check_schema(schema)


def test_one_list_of_event_fields_for_reader_writer_schema_and_init() -> None:
    """The writer (extract) and the example of `dateline init` use the loader's fields."""
    from dateline.extract.events import ExtractedEvent
    from dateline.extract.files import event_to_yaml
    from dateline.extract.ingest import Article
    from dateline.model import EVENT_FIELDS

    ev = ExtractedEvent(date="2020", date_text="in 2020", title="Port reopened", quote="q.",
                        people=("A B",), places=("Oslo",), date_basis="published",
                        review=("undated",))
    art = Article("x", "T", dt.date(2022, 1, 1), "https://e.org/a", "a.txt")
    written = list(yaml.safe_load(event_to_yaml(ev, art)))
    assert written == [k for k in EVENT_FIELDS if k in written]  # known keys, loader's order
    scaffold = Path(content.__file__).parent / "scaffold" / "content" / "events"
    for path in scaffold.glob("*.yaml"):
        assert set(yaml.safe_load(path.read_text(encoding="utf-8"))) <= set(EVENT_FIELDS), path
    assert list(content.EVENT_KEYS) == list(EVENT_FIELDS)
