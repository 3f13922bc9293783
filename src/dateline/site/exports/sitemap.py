"""sitemap.xml (and sitemap-N.xml past the sitemaps.org limit); no lastmod, since no clock."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable

from dateline.model import Content
from dateline.site.exports.xmltree import sub, xml_bytes
from dateline.site.text import absolute

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
SITEMAP_MAX_URLS = 50_000  # the sitemaps.org limit per file; beyond it we write an index


def sitemaps(content: Content, urls: dict[str, str], base: str,
             pages: Iterable[str] = ()) -> dict[str, bytes]:
    """sitemap.xml (an index of sitemap-N.xml past 50,000 URLs); no lastmod: no clock."""
    locs = [base]
    locs += [absolute(base, urls[e.slug]) for e in content.events]
    locs += [absolute(base, p) for p in pages]
    locs = list(dict.fromkeys(locs))  # first occurrence wins; keeps the order deterministic
    chunks = [locs[i:i + SITEMAP_MAX_URLS] for i in range(0, len(locs), SITEMAP_MAX_URLS)]
    if len(chunks) == 1:
        return {"sitemap.xml": _urlset(chunks[0])}
    files = {f"sitemap-{i}.xml": _urlset(chunk) for i, chunk in enumerate(chunks, 1)}
    index = ET.Element("sitemapindex", {"xmlns": SITEMAP_NS})
    for name in files:
        sub(sub(index, "sitemap"), "loc", absolute(base, name))
    files["sitemap.xml"] = xml_bytes(index)
    return files


def _urlset(locs: list[str]) -> bytes:
    root = ET.Element("urlset", {"xmlns": SITEMAP_NS})
    for loc in locs:
        sub(sub(root, "url"), "loc", loc)
    return xml_bytes(root)
