"""ElementTree helpers shared by the XML exports (Atom and the sitemap)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from dateline.site.text import clean


def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    """A child element with control characters dropped from its text and attributes."""
    el = ET.SubElement(parent, tag, {k: clean(v) for k, v in attrs.items()})
    if text is not None:
        el.text = clean(text)
    return el


def xml_bytes(root: ET.Element) -> bytes:
    """The document as UTF-8 bytes with an XML declaration, one element a line."""
    # The namespace goes in as a plain xmlns attribute: ET.register_namespace would change
    # a process-wide table that other code (trafilatura, lxml users) shares.
    ET.indent(root)  # one element a line: diffs between builds stay readable
    text = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="utf-8"?>\n{text}\n'.encode()
