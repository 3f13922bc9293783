"""What pages show, from plain events: slugs, terms, related events, year groups, eras."""

from __future__ import annotations

from dateline import views
from dateline.dates import parse_value
from dateline.model import Era, Event
from dateline.urls import slugify, with_slash


def ev(id: str, date: object, **kw: object) -> Event:
    return Event(id=id, date=parse_value(date), title=id, path=f"events/{id}.yaml", **kw)


def test_slugs_are_ascii_hyphenated_and_never_empty():
    assert slugify("Vladimir Putin") == "vladimir-putin"
    assert slugify("Łódź  &  Kraków!") == "odz-krakow"
    assert slugify("¿?") == "x" and slugify("¿?", fallback="era") == "era"
    assert len(slugify("a" * 200)) == 60
    assert Era("Cold  War — Thaw", parse_value("1953/1964")).slug == "cold-war-thaw"
    assert with_slash("/repo") == with_slash("/repo//") == "/repo/"


def test_terms_of_different_names_never_share_a_page():
    events = [ev("a", "2022", places=("Kyiv",)), ev("b", "2023", places=("kyiv!",))]
    terms = views.collect_terms(events)
    assert [(t.name, t.url) for t in terms.by_kind["places"]] == [
        ("Kyiv", "places/kyiv.html"), ("kyiv!", "places/kyiv-2.html")]
    assert [t.name for t in terms.of(events[1])] == ["kyiv!"]


def test_related_events_share_the_most_terms_then_are_nearest():
    events = [ev("a", "2020", tags=("x", "y")), ev("b", "2021", tags=("x",)),
              ev("c", "2030", tags=("x", "y")), ev("d", "2019", tags=("z",))]
    terms = views.collect_terms(events)
    assert [e.id for e in views.related_events(events[0], terms)] == ["c", "b"]
    assert views.related_events(events[3], terms) == []


def test_years_group_in_timeline_order_and_dense_years_split_into_months():
    events = sorted([ev(f"e{m}", f"2022-{m:02d}") for m in (1, 1, 3)] + [ev("y", "2021")],
                    key=Event.sort_key)
    groups = views.group_by_year(events, dense=2)
    assert [g.year for g in groups] == [2021, 2022]
    assert [m.label for m in groups[1].months] == ["January 2022", "March 2022"]
