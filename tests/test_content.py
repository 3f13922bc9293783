"""Loading and validating event files: every problem located by file and line."""

import datetime as dt

from dateline.content import load_site


def messages(root):
    return [str(p) for p in load_site(root).problems]


def test_valid_event_loads_with_all_fields(site):
    root = site({"events/2022-02-invasion.yaml": """\
        date: 2022-02
        title: Invasion
        date_text: in February
        body: "*Big* news"
        tags: [war]
        people: [A Person]
        places: Kyiv
        source:
          title: Paper
          url: https://example.org/a
          published: 2022-12-06
          quote: It happened in February.
        media: {url: https://example.org/a.jpg, alt: A photo}
        """})
    content = load_site(root)
    assert content.problems == []
    (event,) = content.events
    assert event.id == "2022-02-invasion"
    assert event.date.value == "2022-02" and event.date.precision == "month"
    assert event.places == ("Kyiv",)
    assert event.source.published == dt.date(2022, 12, 6)
    assert event.media.alt == "A photo"


def test_reports_all_problems_at_once_with_lines(site):
    root = site({
        "events/a.yaml": "title: No date here\n",
        "events/b.yaml": "date: 2022-02-30\ntitle: Bad day\n",
        "events/c.yaml": "date: 2022\ntitle: [a, list]\n",
        "events/d.yaml": "date: 2022\ntitle: ok\nsource:\n  url: ftp://x\n",
    })
    assert messages(root) == [
        "content/events/a.yaml:1: date: required, but missing or empty",
        "content/events/b.yaml:1: date: cannot read '2022-02-30' (no such day)",
        "content/events/c.yaml:2: title: expected text, found a list",
        "content/events/d.yaml:4: source.url: expected an http(s) URL, found 'ftp://x'",
    ]


def test_yaml_syntax_error_is_located(site):
    root = site({"events/a.yaml": 'date: 2022\ntitle: "unclosed\n'})
    (msg,) = messages(root)
    assert msg.startswith("content/events/a.yaml:3:") and "YAML syntax error" in msg


def test_tab_indentation_is_explained(site):
    root = site({"events/a.yaml": "date: 2022\nsource:\n\ttitle: x\ntitle: t\n"})
    (msg,) = messages(root)
    assert "content/events/a.yaml:3" in msg and "tab" in msg


def test_non_mapping_empty_and_multi_document_files(site):
    root = site({
        "events/list.yaml": "- date: 2022\n",
        "events/empty.yaml": "\n",
        "events/multi.yaml": "date: 2022\ntitle: a\n---\ndate: 2023\ntitle: b\n",
    })
    msgs = messages(root)
    assert msgs[0] == ("content/events/empty.yaml:1: file is empty; expected a mapping such as "
                       "'date: 2022-02' and 'title: ...'")
    assert msgs[1] == "content/events/list.yaml:1: expected a mapping of fields (key: value), found a list"
    assert msgs[2].startswith("content/events/multi.yaml:3") and "several YAML documents" in msgs[2]


def test_non_utf8_is_refused_and_bom_accepted(site):
    root = site({
        "events/latin1.yaml": "date: 2022\ntitle: caf\xe9\n".encode("latin-1"),
        "events/bom.yaml": "\ufeffdate: 2022\ntitle: ok\n".encode(),
    })
    content = load_site(root)
    assert [str(p) for p in content.problems] == [
        "content/events/latin1.yaml:2: not UTF-8 text (byte 0xe9); save the file as UTF-8"]
    assert [e.title for e in content.events] == ["ok"]


def test_unknown_key_is_a_warning_with_suggestion(site):
    root = site({"events/a.yaml": "date: 2022\ntitle: t\ntgas: [x]\nsource: {titel: s}\n"})
    content = load_site(root)
    assert content.errors == []
    assert [str(p) for p in content.warnings] == [
        "content/events/a.yaml:3: warning: tgas: unknown key; did you mean 'tags'?",
        "content/events/a.yaml:4: warning: source.titel: unknown key; did you mean 'title'?",
    ]
    assert len(content.events) == 1


def test_duplicate_ids_name_both_files_ignoring_case(site):
    root = site({
        "events/a.yaml": "date: 2022\ntitle: one\nid: Same\n",
        "events/b.yml": "date: 2022\ntitle: two\nid: same\n",
    })
    assert messages(root) == [
        "content/events/b.yml:3: id: duplicate id 'same': content/events/a.yaml has it too "
        "(ids compare ignoring case)"]


def test_unsafe_id_is_refused(site):
    root = site({"events/a.yaml": "date: 2022\ntitle: t\nid: ../../etc/passwd\n"})
    (msg,) = messages(root)
    assert msg.startswith("content/events/a.yaml:3: id: cannot use '../../etc/passwd'")


def test_phrase_dates_are_normalized_against_source_published(site):
    root = site({"events/a.yaml": """\
        date: late 2020
        title: Crackdown
        source: {published: 2022-12-06}
        """})
    (event,) = load_site(root).events
    assert event.date.value == "2020-09/2020-12"


def test_phrase_date_falls_back_to_timeline_date_base(site):
    root = site({"timeline.yaml": "title: T\ndate_base: 2022-12-06\n",
                 "events/a.yaml": "date: in February\ntitle: Invasion\n"})
    (event,) = load_site(root).events
    assert event.date.value == "2022-02"


def test_phrase_without_any_base_or_unreadable_is_an_error(site):
    root = site({"events/a.yaml": "date: in February\ntitle: t\n",
                 "events/b.yaml": "date: the day the music died\ntitle: t\n"
                                  "source: {published: 2022-01-01}\n"})
    msgs = messages(root)
    assert msgs[0].startswith("content/events/a.yaml:1: date: 'in February' is a phrase, and there is")
    assert msgs[1] == "content/events/b.yaml:1: date: cannot read 'the day the music died' as a date"


def test_events_sorted_chronologically(site):
    root = site({
        "events/z.yaml": "date: 2020-09/2020-12\ntitle: late\n",
        "events/y.yaml": "date: 2022-02\ntitle: feb\n",
        "events/x.yaml": "date: 2020\ntitle: year\n",
    })
    assert [e.title for e in load_site(root).events] == ["year", "late", "feb"]


def test_broken_timeline_yaml_is_reported(site):
    root = site({"timeline.yaml": "title: [unclosed\n"})
    (msg,) = messages(root)
    assert msg.startswith("content/timeline.yaml:2") and "YAML syntax error" in msg


def test_ids_must_be_portable_file_names(site):
    root = site({
        "events/ok.yaml": "date: 2022\ntitle: t\nid: Event_2.v-1\n",
        "events/dot.yaml": "date: 2022\ntitle: t\nid: trailing.\n",
        "events/con.yaml": "date: 2022\ntitle: t\nid: CON\n",
        "events/space.yaml": "date: 2022\ntitle: t\nid: has space\n",
    })
    content = load_site(root)
    assert [e.slug for e in content.events] == ["event_2.v-1"]
    assert [p.path for p in content.errors] == [
        "content/events/con.yaml", "content/events/dot.yaml", "content/events/space.yaml"]


def test_date_basis_published_is_checked_against_the_source(site):
    root = site({
        "events/ok.yaml": "date: 2022-12-06\ntitle: t\ndate_basis: published\n"
                          "source: {published: 2022-12-06}\n",
        "events/odd.yaml": "date: 2022-12-01\ntitle: t\ndate_basis: published\ndate_text: last week\n"
                           "source: {published: 2022-12-06}\n",
    })
    content = load_site(root)
    assert len(content.events) == 2 and content.errors == []
    assert [str(p) for p in content.warnings] == [
        "content/events/odd.yaml:3: warning: date_basis: is published, but date is "
        "2022-12-01 and source.published is 2022-12-06",
        "content/events/odd.yaml:4: warning: date_text: an event dated by its publication day "
        "(date_basis: published) has no date phrase; remove date_text or date_basis",
    ]


def test_parallel_parsing_gives_the_same_content(site, monkeypatch):
    from dateline import content

    files = {f"events/e{i:02d}.yaml": f"date: {2000 + i % 9}\ntitle: E{i}\ntags: [t{i % 4}]\n"
             for i in range(30)}
    files["events/bad.yaml"] = "date: 2022-02-30\ntitle: Bad\n"
    files["events/dup.yaml"] = "id: E03\ndate: 2020\ntitle: Dup\n"
    root = site(files)
    serial = load_site(root)
    monkeypatch.setattr(content, "PARALLEL_FROM", 1)
    parallel = load_site(root)
    assert parallel.events == serial.events and len(serial.events) == 30
    assert [str(p) for p in parallel.problems] == [str(p) for p in serial.problems]
    assert len(serial.problems) == 2


def test_one_tag_whatever_its_unicode_spelling(site):
    from dateline.render import render_site

    composed, decomposed = "Caf\u00e9 society", "Cafe\u0301 society"
    root = site({"events/a.yaml": f"date: 2022\ntitle: A\ntags: [{composed}]\nplaces: [{decomposed}]\n",
                 "events/b.yaml": f"date: 2023\ntitle: B\ntags: [{decomposed}]\n"})
    content = load_site(root)
    assert content.problems == []
    assert [e.tags for e in content.events] == [(composed,), (composed,)]
    assert content.events[0].places == (composed,)
    tag_pages = sorted(p for p in render_site(content, root) if p.startswith("tags/"))
    assert tag_pages == ["tags/cafe-society.html", "tags/index.html"]


def test_invisible_and_reordering_characters_are_removed_from_names(site):
    root = site({"events/a.yaml": "date: 2022\ntitle: A\ntags: [war]\n",
                 "events/b.yaml": 'date: 2022\ntitle: B\ntags: ["w\\u200bar", "\\u202eraw"]\n'
                                  'people: ["\\u200d"]\nplaces: ["\\u0645\\u06cc\\u200c\\u062e"]\n'})
    content = load_site(root)
    b = next(e for e in content.events if e.id == "b")
    assert b.tags == ("war", "raw") and b.people == ()
    assert b.places == ("\u0645\u06cc\u200c\u062e",)  # a Persian joiner spells the word: kept
    assert [(p.line, p.field, p.severity) for p in content.problems] == [
        (3, "tags", "warning"), (3, "tags", "warning"), (4, "people", "warning")]
    assert content.problems[0].message.startswith(
        "U+200B (zero width space) removed from 'war'")
    assert "U+202E (right-to-left override)" in content.problems[1].message


def test_names_windows_keeps_for_devices_never_become_term_pages(site):
    from dateline.render import render_site

    root = site({"events/a.yaml": "date: 2022\ntitle: A\ntags: [CON, aux, Console]\n"
                                  "places: [Nul]\n"})
    files = render_site(load_site(root), root)
    pages = sorted(p for p in files if p.startswith(("tags/", "places/")))
    assert pages == ["places/index.html", "places/nul-x.html", "tags/aux-x.html",
                     "tags/con-x.html", "tags/console.html", "tags/index.html"]


def test_removing_control_characters_walks_shared_aliases_once(site):
    import time

    lines = ['a0: &a0 ["lol\\x07"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    root = site({"events/a.yaml": "\n".join([*lines, "date: 2022", "title: t\n"])})
    started = time.perf_counter()
    content = load_site(root)  # 9 ** 9 strings if each alias were walked as a copy
    assert time.perf_counter() - started < 2
    assert [p.field for p in content.problems if "U+0007" in p.message] == ["a0"]
