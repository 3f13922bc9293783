"""sitemap.xml: only with a site address; an index past the URL limit."""

from __future__ import annotations

import lxml.etree
from export_sample import SITE, exports, sample

from dateline.site.exports import sitemap


def test_sitemap_only_with_site_url(files, bare):
    assert "sitemap.xml" not in bare
    root = lxml.etree.fromstring(files["sitemap.xml"])
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = root.xpath("//s:url/s:loc/text()", namespaces=ns)
    assert locs[0] == SITE
    assert SITE + "events/day.html" in locs and SITE + "tags/war.html" in locs
    assert len(locs) == len(set(locs)) == 1 + len(sample().events) + 2
    assert not root.xpath("//s:lastmod", namespaces=ns)


def test_sitemap_splits_into_an_index_past_the_limit(monkeypatch):
    monkeypatch.setattr(sitemap, "SITEMAP_MAX_URLS", 4)
    out = exports(SITE)
    parts = sorted(k for k in out if k.startswith("sitemap-"))
    assert parts == ["sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml"]
    index = lxml.etree.fromstring(out["sitemap.xml"])
    assert index.tag.endswith("sitemapindex")
    assert [loc.text for loc in index.iter("{*}loc")] == [SITE + p for p in parts]
