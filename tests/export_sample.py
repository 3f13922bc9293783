"""The sample timeline every export test renders: odd dates, hostile text, long titles."""

from __future__ import annotations

import datetime as dt

import icalendar

from dateline.dates import parse_value
from dateline.model import Content, Event, Media, Source, Timeline
from dateline.site.exports import render_exports

SITE = "https://example.org/tl/"
EVIL = 'A <b>bold</b> & "quoted" \'claim\'\x0b\x00 </script><script>alert(1)</script>'
LONG = "Ünïcödé " + "x" * 200  # multi-byte characters near the fold points too
PUBLISHED = dt.date(2022, 12, 6)


def ev(id: str, date: object, title: str = "", **kw: object) -> Event:
    return Event(id=id, date=parse_value(date), title=title or id, path=f"events/{id}.yaml", **kw)


def sample() -> Content:
    src = Source(title="The article", url="https://news.example/a?x=1&y=2",
                 published=PUBLISHED, quote='He said, "no; never"\nthen left.')
    events = [
        ev("day", "2022-02-24", "Invasion", tags=("war", "a,b;c"), source=src,
           people=("Vladimir Putin",), places=("Ukraine", "Belarus"), date_text="on 24 February"),
        ev("month", "2022-11", "Makei dies", tags=("diplomacy",), body="He *died* [here](x)."),
        ev("weekend", "2022-12-03/2022-12-04", "Shoigu visits Minsk"),
        ev("year", 2020, "Election", tags=("=cmd",), date_text="-in 2020"),
        ev("late", "2020-09/2020-12", "Crackdown"),
        ev("spring", "2021-21", "Spring"),
        ev("nineties", "199X", "The nineties"),
        ev("evil", "2021-06-01", EVIL, tags=(EVIL,), source=Source(quote=EVIL),
           media=Media(url="https://img.example/i.jpg", caption=EVIL, credit="@me")),
        ev("long", "2019-01-01", LONG),
    ]
    events.sort(key=Event.sort_key)
    return Content(Timeline(title="Test & <timeline>", description="About, things"), events)


def url(event: Event) -> str:
    return f"events/{event.slug}.html"


def vevents(data: bytes) -> dict[str, icalendar.Event]:
    """The VEVENTs of an events.ics by UID (before the @)."""
    cal = icalendar.Calendar.from_ical(data)
    return {str(e["UID"]).split("@")[0]: e for e in cal.walk("VEVENT")}


def exports(site_url: str | None = SITE, **kw: object) -> dict[str, bytes]:
    """The sample's export files."""
    return render_exports(sample(), url, site_url, **kw)

