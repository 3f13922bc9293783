"""An XSS corpus through every text field: the built HTML must carry it as inert text."""

import re

import lxml.html
import pytest

from dateline.content import load_site
from dateline.render import render_site

PAYLOADS = [
    "</script><script>alert(1)</script>",
    '"><img src=x onerror=alert(2)>',
    "<svg onload=alert(3)>",
    "javascript:alert(4)",
    "' onmouseover='alert(5)",
    "{{ 7*7 }}{% raw %}",
    "<a href=\"javascript:alert(6)\">x</a>",
]


def yaml_str(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def xss_files() -> dict[str, str]:
    """A site whose every text field carries a payload (shared with the browser test)."""
    files = {"timeline.yaml": f"title: {yaml_str(PAYLOADS[0])}\ndescription: {yaml_str(PAYLOADS[1])}\n"
             f"eras:\n  - name: {yaml_str(PAYLOADS[2])}\n    date: 2020/2021\n"}
    for i, p in enumerate(PAYLOADS):
        q = yaml_str(p)
        files[f"events/e{i}.yaml"] = (
            f"date: {2020 + i % 2}\ntitle: {q}\ndate_text: {q}\n"
            f"body: |\n  {p}\n  [link](javascript:alert(9)) <iframe src=x></iframe>\n"
            f"tags: [{q}]\npeople: [{q}]\nplaces: [{q}]\n"
            f"source:\n  title: {q}\n  url: https://example.org/?q=%22%3E\n  quote: {q}\n"
            f"media:\n  url: https://example.org/a.jpg\n  caption: {q}\n  credit: {q}\n  alt: {q}\n")
    return files


@pytest.fixture
def xss_site(site):
    return site(xss_files())


def test_no_payload_becomes_markup(xss_site):
    content = load_site(xss_site)
    assert content.errors == []
    files = render_site(content, xss_site)
    pages = [p for p in files if p.endswith(".html")]
    assert len(pages) > 10
    for path in pages:
        doc = lxml.html.fromstring(files[path])
        for script in doc.iter("script"):
            is_data = script.get("type") == "application/ld+json"
            is_ours = script.get("src", "").endswith("static/timeline.js") and not (script.text or "").strip()
            assert is_data or is_ours, path
        for el in doc.iter():
            if not isinstance(el.tag, str):
                continue
            assert el.tag not in ("iframe", "object", "embed"), path
            assert el.tag != "svg" or path == "index.html", path
            for name, value in el.attrib.items():
                assert not name.lower().startswith("on"), f"{path}: {el.tag} has {name}"
                if name in ("href", "src", "action", "cite"):
                    assert not value.strip().lower().startswith("javascript:"), f"{path}: {value}"
        text = files[path].decode()
        assert "<script>alert" not in text and "<img src=x" not in text


def test_ld_json_payload_stays_inside_its_script(xss_site):
    files = render_site(load_site(xss_site), xss_site)
    doc = lxml.html.fromstring(files["events/e0.html"])
    (ld,) = [s for s in doc.iter("script") if s.get("type") == "application/ld+json"]
    assert "</script>" not in ld.text and "\\u003c/script\\u003e" in ld.text


def test_timelinejs_fields_it_renders_as_html_are_escaped(xss_site):
    """TimelineJS inserts headline, text, group, caption and credit as HTML (issue 12)."""
    import json

    files = render_site(load_site(xss_site), xss_site)
    data = json.loads(files["timeline.json"])
    for slide in data["events"]:
        fields = [slide["text"]["headline"], slide.get("group", "")]
        media = slide.get("media") or {}
        fields += [media.get("caption", ""), media.get("credit", ""), media.get("alt", "")]
        for value in fields:
            assert "<" not in value and ">" not in value, value


def test_control_characters_from_yaml_escapes_never_reach_a_page(site):
    # YAML refuses raw control characters, but its escapes ("\x07", "\u0001", "\e", "\x85")
    # make them; in HTML they are parse errors, in XML they make the whole feed unreadable.
    esc = "\\x01\\x07\\e\\x7f\\x85\\u0008\\uFFFE"
    root = site({"timeline.yaml": f'title: "T{esc}"\n',
                 "events/a.yaml": f'date: 2022\ntitle: "A{esc}title"\nbody: "B{esc}ody"\n'
                                  f'tags: ["t{esc}ag"]\npeople: ["P{esc}"]\n'
                                  f'source:\n  title: "S{esc}"\n  quote: "Q{esc}"\n'})
    content = load_site(root)
    assert content.errors == []
    warned = [(p.path, p.line, p.field) for p in content.warnings]
    assert warned == [("content/timeline.yaml", 1, "title"), ("content/events/a.yaml", 2, "title"),
                      ("content/events/a.yaml", 3, "body"), ("content/events/a.yaml", 4, "tags"),
                      ("content/events/a.yaml", 5, "people"), ("content/events/a.yaml", 6, "source")]
    assert "U+0001, U+0007, U+0008, U+001B, U+007F, U+0085, U+FFFE removed" in \
        content.warnings[1].message
    assert content.events[0].title == "Atitle"
    files = render_site(content, root)
    bad = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|\xc2[\x80-\x9f]|\xef\xbf\xbe")
    assert {path for path, data in files.items() if bad.search(data)} == set()
    assert b"Atitle" in files["events/a.html"] and b"Body" in files["events/a.html"]
