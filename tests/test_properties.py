"""Property-based tests: any input ends in a value or the project's own error, never a crash."""

import datetime as dt

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.content import Doc, load_site, parse_event
from dateline.dates import DateError, parse_value

yaml_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                         st.text(max_size=30), st.dates())
yaml_values = st.recursive(yaml_scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=10), inner, max_size=4)),
    max_leaves=12)
event_keys = st.sampled_from(["id", "date", "title", "date_text", "body", "tags", "people",
                              "places", "source", "date_basis", "media", "other"])


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=40), st.integers(-10**6, 10**6), st.dates(), st.booleans(),
                 st.none(), st.lists(st.integers(), max_size=2)))
def test_parse_value_returns_value_or_date_error(raw):
    try:
        value = parse_value(raw)
    except DateError:
        return
    assert value.first <= value.last


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=300))
def test_loader_survives_any_bytes(tmp_path_factory, data):
    root = tmp_path_factory.mktemp("site")
    (root / "content" / "events").mkdir(parents=True)
    (root / "content" / "events" / "e.yaml").write_bytes(data)
    content = load_site(root)
    assert len(content.events) + len(content.errors) >= 1 or content.warnings or data.strip() == b""
    for problem in content.problems:
        assert problem.path == "content/events/e.yaml"


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(event_keys, yaml_values, max_size=8))
def test_parse_event_survives_any_mapping(data):
    text = yaml.safe_dump(data)
    node = yaml.compose(text, Loader=yaml.SafeLoader)
    if not isinstance(node, yaml.MappingNode):
        return
    problems: list = []
    doc = Doc("e.yaml", node, yaml.safe_load(text), problems)
    event = parse_event(doc, "e", dt.date(2022, 12, 6), normalize=lambda text, base: None)
    if event is None:
        assert any(p.severity == "error" for p in problems)
    else:
        assert event.title and event.date.first <= event.date.last
