"""An event reported by several articles, on the site and in the exports: the card says
how many sources report it, the event page shows every quote, outlet and date and where
they disagree, and search, filter, Atom and TimelineJS carry the sources."""

from __future__ import annotations

import json
from pathlib import Path

import lxml.etree
import lxml.html

from dateline.content import load_site
from dateline.render import render_site

EVENT = """\
date: "2024-03-26"
title: A container ship struck the Key Bridge
date_text: early Tuesday
sources:
  - title: Ship strikes Baltimore's Key Bridge
    url: https://www.chronicle.example.org/2024/03/27/bridge
    published: 2024-03-27
    quote: A container ship struck the Francis Scott Key Bridge early Tuesday.
    date_text: early Tuesday
    reading: "2024-03-26"
  - title: Biden visits Baltimore
    url: https://herald.example.org/2024/apr/06/biden
    published: 2024-04-06
    quote: The cargo ship Dali hit one of the bridge's supports on 26 March.
    date_text: on 26 March
    reading: "2024-03-26"
  - title: Dali refloated
    url: https://wire.example.org/dali
    published: 2024-05-22
    quote: The ship had been pinned under the bridge since it struck the span on March 25.
    date_text: on March 25
    reading: "2024-03-25"
review:
- "sources disagree on the date"
"""
SINGLE = """\
date: "2024-05-13"
title: Engineers demolished the largest section
source:
  title: Dali refloated
  url: https://wire.example.org/dali
  published: 2024-05-22
  quote: Engineers brought down the largest section on May 13.
"""


def _build(site) -> tuple[Path, dict[str, bytes]]:  # noqa: ANN001 - the conftest fixture
    root = site({"events/struck.yaml": EVENT, "events/demolished.yaml": SINGLE})
    content = load_site(root)
    assert content.errors == []
    return root, render_site(content, root)


def test_cards_count_the_sources_and_say_when_they_disagree(site) -> None:  # noqa: ANN001
    _, files = _build(site)
    doc = lxml.html.fromstring(files["index.html"])
    counts = {li.get("data-id"): li.cssselect("p.source-count")[0].text_content().strip()
              for li in doc.cssselect("li.event-item")}
    assert counts == {"struck": "3 sources · sources disagree on the date",
                      "demolished": "1 source"}
    struck = doc.cssselect("li.event-item[data-id=struck]")[0]
    assert "sources:several" in struck.get("data-terms").split()
    options = [o.get("value") for o in doc.cssselect("#filter option")]
    assert "sources:several" in options


def test_the_event_page_shows_every_source_and_the_disagreement(site) -> None:  # noqa: ANN001
    _, files = _build(site)
    doc = lxml.html.fromstring(files["events/struck.html"])
    items = doc.cssselect("section.sources li")
    assert len(items) == 3
    quotes = [li.cssselect("blockquote")[0].text_content().strip() for li in items]
    assert quotes[1] == "The cargo ship Dali hit one of the bridge's supports on 26 March."
    captions = [" ".join(li.cssselect("figcaption")[0].text_content().split()) for li in items]
    assert captions[0].startswith("Ship strikes Baltimore's Key Bridge (chronicle.example.org), "
                                  "2024-03-27: date “early Tuesday”, read as 26 March 2024")
    assert "(herald.example.org), 2024-04-06" in captions[1]
    assert captions[2].endswith("read as 25 March 2024 (disagrees)")
    assert [bool(li.cssselect("figure.disagrees")) for li in items] == [False, False, True]
    note = doc.cssselect("section.sources p.disagree")[0].text_content()
    assert "Dali refloated gives 25 March 2024" in note
    # One source: the page is as it always was, a single figure.
    single = lxml.html.fromstring(files["events/demolished.html"])
    assert not single.cssselect("section.sources") and single.cssselect("figure.source")


def test_search_atom_and_timelinejs_carry_the_sources(site) -> None:  # noqa: ANN001
    _, files = _build(site)
    rows = {r["id"]: r for r in json.loads(files["events.json"])}
    assert rows["struck"]["sources"] == ["Ship strikes Baltimore's Key Bridge",
                                         "Biden visits Baltimore", "Dali refloated"]
    assert "sources:several" in rows["struck"]["filters"]
    assert "biden visits baltimore" in rows["struck"]["text"]
    assert "sources" not in rows["demolished"]
    assert "sources:several" not in rows["demolished"]["filters"]
    feed = lxml.etree.fromstring(files["feed.xml"])
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entry = next(e for e in feed.findall("a:entry", ns)
                 if e.findtext("a:title", namespaces=ns).startswith("A container"))
    related = [link.get("href") for link in entry.findall("a:link[@rel='related']", ns)]
    assert related == ["https://www.chronicle.example.org/2024/03/27/bridge",
                       "https://herald.example.org/2024/apr/06/biden",
                       "https://wire.example.org/dali"]
    assert "Dali refloated, 2024-05-22 (“on March 25”, 25 March 2024)" in \
        entry.findtext("a:summary", namespaces=ns)
    slides = {s["unique_id"]: s for s in json.loads(files["timeline.json"])["events"]}
    text = slides["struck"]["text"]["text"]
    assert text.count("<blockquote>") == 3 and "(gives 25 March 2024)" in text
    assert '<a href="https://herald.example.org/2024/apr/06/biden">' in text


def test_json_ld_names_every_article(site) -> None:  # noqa: ANN001
    _, files = _build(site)
    doc = lxml.html.fromstring(files["events/struck.html"])
    data = json.loads(doc.cssselect("script[type='application/ld+json']")[0].text)
    assert [a["url"] for a in data["subjectOf"]] == [
        "https://www.chronicle.example.org/2024/03/27/bridge",
        "https://herald.example.org/2024/apr/06/biden", "https://wire.example.org/dali"]
    single = lxml.html.fromstring(files["events/demolished.html"])
    one = json.loads(single.cssselect("script[type='application/ld+json']")[0].text)
    assert one["subjectOf"]["@type"] == "NewsArticle"  # one source: one object, as before
