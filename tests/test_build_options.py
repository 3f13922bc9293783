"""Every `dateline build` option does something a user can see, or is refused (issue 11).

An option that changes nothing is a trap: it reads as if it mattered. Each case here runs
the real command with and without one option and names what differs; a new option without
a case fails the last test.
"""

from __future__ import annotations

from pathlib import Path

from conftest import run_dateline

from dateline.cli import build

EVENT = "date: 2022-02\ntitle: A\n"


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_out_writes_the_site_elsewhere(site, tmp_path):
    root = site({"events/a.yaml": EVENT})
    assert run_dateline("-C", str(root), "build", "--out", str(tmp_path / "elsewhere")).returncode == 0
    assert (tmp_path / "elsewhere" / "index.html").is_file()
    assert not (root / "site").exists()


def test_site_url_makes_links_absolute_and_adds_a_sitemap(site, tmp_path):
    root = site({"events/a.yaml": EVENT})
    assert run_dateline("-C", str(root), "build", "--out", str(tmp_path / "plain")).returncode == 0
    assert run_dateline("-C", str(root), "build", "--out", str(tmp_path / "abs"),
                        "--site-url", "https://example.org/tl/").returncode == 0
    plain, absolute = snapshot(tmp_path / "plain"), snapshot(tmp_path / "abs")
    assert "sitemap.xml" in absolute and "sitemap.xml" not in plain
    assert b"https://example.org/tl/events/a.html" in absolute["feed.xml"]
    assert plain["feed.xml"] != absolute["feed.xml"]


def test_strict_fails_a_build_with_warnings(site):
    root = site({"events/a.yaml": EVENT + "colour: red\n"})
    assert run_dateline("-C", str(root), "build").returncode == 0
    strict = run_dateline("-C", str(root), "build", "--strict")
    assert strict.returncode == 1
    assert strict.stderr.splitlines()[-1] == f"build failed; {root / 'site'} left as it was"


def test_no_cache_builds_what_would_have_been_skipped(site):
    root = site({"events/a.yaml": EVENT})
    assert run_dateline("-C", str(root), "build").returncode == 0
    assert " is up to date " in run_dateline("-C", str(root), "build").stdout
    again = run_dateline("-C", str(root), "build", "--no-cache")
    assert again.returncode == 0 and again.stdout.startswith(f"built {root / 'site'}: ")


def test_timings_prints_the_stages(site):
    root = site({"events/a.yaml": EVENT})
    plain = run_dateline("-C", str(root), "build", "--no-cache")
    timed = run_dateline("-C", str(root), "build", "--no-cache", "--timings")
    assert "timing " not in plain.stderr
    assert [line.split()[1] for line in timed.stderr.splitlines()][:2] == ["load", "validate"]


def test_base_url_writes_a_not_found_page_with_absolute_links(site, tmp_path):
    # Every other link is relative; a host serves 404.html at any depth, so its links must
    # start from the path the site is served under (DESIGN.md's `build --base-url`).
    import lxml.html

    root = site({"events/a.yaml": EVENT})
    assert run_dateline("-C", str(root), "build", "--out", str(tmp_path / "plain")).returncode == 0
    result = run_dateline("-C", str(root), "build", "--out", str(tmp_path / "pages"),
                          "--base-url", "/my-timeline/")
    assert result.returncode == 0, result.stderr
    plain, pages = snapshot(tmp_path / "plain"), snapshot(tmp_path / "pages")
    assert "404.html" not in plain and set(pages) - set(plain) == {"404.html"}
    assert {k: v for k, v in pages.items() if k != "404.html"} == plain
    doc = lxml.html.fromstring(pages["404.html"])
    links = [a.get("href") for a in doc.iter("a")] + [el.get("href") for el in doc.iter("link")]
    internal = [h for h in links if not h.startswith(("https://", "#"))]
    assert internal and all(h.startswith("/my-timeline/") for h in internal), links
    bad = run_dateline("-C", str(root), "build", "--base-url", "my-timeline")
    assert bad.returncode == 2 and "--base-url" in bad.stderr


def test_sandbox_stops_a_template_reaching_the_shell(site, example_site, tmp_path):
    root = site({"events/a.yaml": EVENT})
    marker = tmp_path / "ran"
    (root / "templates").mkdir()
    (root / "templates" / "footer.html").write_text(
        "{{ cycler.__init__.__globals__.os.system('touch " + str(marker) + "') }}\n")
    (root / "site").mkdir()
    (root / "site" / "index.html").write_text("previous build")
    refused = run_dateline("-C", str(root), "build", "--sandbox")
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert refused.stderr.splitlines()[0].startswith(
        "templates/footer.html:1: template refused by the sandbox (--sandbox): access to "
        "attribute '__init__' of 'type' object is unsafe"), refused.stderr
    assert not marker.exists()
    assert (root / "site" / "index.html").read_text() == "previous build"
    check = run_dateline("-C", str(root), "check", "--sandbox")
    assert check.returncode == 1 and "refused by the sandbox" in check.stderr
    assert not marker.exists()
    # What the sandbox is for: without it, that template runs a shell command.
    assert run_dateline("-C", str(root), "build").returncode == 0
    assert marker.exists()
    # The default templates and the example site's own need nothing the sandbox refuses.
    plain = run_dateline("-C", str(example_site), "build", "--out", str(tmp_path / "plain"))
    boxed = run_dateline("-C", str(example_site), "build", "--sandbox", "--no-cache",
                         "--out", str(tmp_path / "boxed"))
    assert (plain.returncode, boxed.returncode) == (0, 0), boxed.stderr
    assert snapshot(tmp_path / "boxed") == snapshot(tmp_path / "plain")


def test_every_build_option_has_a_case_here():
    options = {opt for param in build.params for opt in param.opts if opt.startswith("--")}
    assert options == {"--out", "--base-url", "--site-url", "--strict", "--no-cache",
                       "--timings", "--sandbox"}
