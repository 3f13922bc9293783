"""The site's commands: build, check, serve, init and deploy."""

from __future__ import annotations

import gc
import sys
import time
from pathlib import Path

import click

from dateline.cli import EXIT_BAD_INPUT, _process, cli


def _print_problems(problems: list) -> None:
    for problem in problems:
        click.echo(str(problem), err=True)


def _print_summary(failing: list, strict: bool) -> None:
    click.echo(f"{len(failing)} problem(s) found"
               f"{' (warnings count as errors with --strict)' if strict else ''}", err=True)


def _load_checked(root: Path, strict: bool):
    """Load content and render it in memory; returns files=None when anything failed."""
    from dateline.content import load_site
    from dateline.render import RenderError, render_site

    content = load_site(root)
    failing = content.problems if strict else content.errors
    _print_problems(content.problems)
    if failing:
        _print_summary(failing, strict)
        return content, None
    try:
        files = render_site(content, root)
    except RenderError as exc:
        _print_problems([exc.problem])
        return content, None
    return content, files


@cli.command()
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Output folder [default: site/ in the site folder].")
@click.option("--base-url", default=None,
              help="Path the site is served under, e.g. /my-timeline/: writes a 404.html whose "
                   "links work at any depth (all other links are relative).")
@click.option("--site-url", default=None,
              help="The site's absolute address for feeds and the sitemap [default: url in timeline.yaml].")
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.option("--no-cache", is_flag=True, help="Ignore .dateline-cache/ and build everything.")
@click.option("--timings", is_flag=True, help="Print the time each stage took (to stderr).")
@click.option("--sandbox", is_flag=True,
              help="Render templates in Jinja's sandbox (for building untrusted changes).")
@click.pass_obj
def build(root: Path, out: Path | None, base_url: str | None, site_url: str | None,
          strict: bool, no_cache: bool, timings: bool, sandbox: bool) -> None:
    """Build the static site from content/ (all or nothing: a failed build changes nothing)."""
    from dateline.build.recipe import build_site
    from dateline.sandbox import sandboxed

    started = time.perf_counter()
    out = out or root / "site"
    if base_url is not None and not base_url.startswith("/"):
        raise click.BadParameter("expected a path such as /my-timeline/", param_hint="--base-url")
    if site_url is not None and not site_url.startswith(("http://", "https://")):
        raise click.BadParameter("expected an http(s) address", param_hint="--site-url")
    if _process.ends_after_command:
        # The cyclic collector stays off to the end of the process: turned back on, its first
        # pass would walk every object the build made (0.08 s at 10,000 events) for nothing.
        gc.disable()
    with sandboxed(sandbox):
        result = build_site(root, out, strict=strict, use_cache=not no_cache, site_url=site_url,
                            base_url=base_url, on_wait=lambda line: click.echo(line, err=True))
    if _process.ends_after_command:
        _process.kept.append(result)
    for note in result.notes:
        click.echo(note, err=True)
    _print_problems(result.problems)
    if timings:
        for name, seconds in result.timings.items():
            click.echo(f"timing {name.replace(' ', '_')} {seconds:.4f}", err=True)
    if not result.ok:
        failing = result.problems if strict else [p for p in result.problems if p.severity == "error"]
        if failing and not any(p.path.startswith(("templates/", "(default")) for p in failing):
            _print_summary(failing, strict)
        click.echo(f"build failed; {out} left as it was", err=True)
        sys.exit(EXIT_BAD_INPUT)
    elapsed = time.perf_counter() - started
    if result.up_to_date:
        click.echo(f"{out} is up to date ({elapsed:.2f} s)")
        return
    report = result.report
    assert report is not None
    click.echo(f"built {out}: {result.events} events, {result.files} files "
               f"({report.written} written, {report.unchanged} unchanged, {report.removed} removed) "
               f"in {elapsed:.2f} s")


@cli.command()
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.option("--sandbox", is_flag=True, help="Render templates in Jinja's sandbox.")
@click.pass_obj
def check(root: Path, strict: bool, sandbox: bool) -> None:
    """Validate content/ and templates without writing anything."""
    from dateline.sandbox import sandboxed

    with sandboxed(sandbox):
        content, files = _load_checked(root, strict)
    if files is None:
        sys.exit(EXIT_BAD_INPUT)
    warnings = len(content.warnings)
    pending = [ev for ev in content.events if ev.review]
    for ev in pending:
        click.echo(f"{ev.path}: review: {'; '.join(ev.review)}")
    click.echo(f"ok: {len(content.events)} events"
               + (f", {warnings} warning(s)" if warnings else "")
               + (f", {len(pending)} marked for review (delete an event's review: key to "
                  "sign it off)" if pending else ""))


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; keep the default unless you know why.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--base-url", default=None,
              help="Path to serve the site under [default: base_url from timeline.yaml].")
@click.option("--open", "open_browser", is_flag=True, help="Open the site in a browser.")
@click.pass_obj
def serve(root: Path, host: str, port: int, base_url: str | None, open_browser: bool) -> None:
    """Build, serve site/ locally under its base path, and rebuild and reload on every change."""
    from dateline.content import load_timeline
    from dateline.serve import ServeError
    from dateline.serve import serve as run_server

    base = base_url or load_timeline(root, []).base_url
    try:
        run_server(root, root / "site", host=host, port=port, open_browser=open_browser,
                   base_path=base)
    except ServeError as exc:
        click.echo(f"dateline: {exc}", err=True)
        sys.exit(EXIT_BAD_INPUT)


@cli.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
def init(directory: Path) -> None:
    """Create a new timeline site in DIRECTORY: an example event, templates to override,
    the JSON Schemas for editors, and the GitHub Pages workflow."""
    from dateline.scaffold import ScaffoldError, init_site

    try:
        written = init_site(directory)
    except ScaffoldError as exc:
        click.echo(f"dateline: {exc}", err=True)
        sys.exit(EXIT_BAD_INPUT)
    for path in written:
        click.echo(f"wrote {path}")
    click.echo(f"next: cd {directory} && dateline build   (or: dateline serve)")


@cli.command()
@click.option("--remote", default="origin", show_default=True, help="The git remote to push to.")
@click.option("--branch", default="gh-pages", show_default=True, help="The branch to commit site/ to.")
@click.option("-m", "--message", default=None,
              help="The commit message [default: names the dateline version and the source commit].")
@click.option("--no-push", is_flag=True, help="Commit to the branch but do not push it.")
@click.option("--force", is_flag=True, help="Force the push (overwrites the remote branch's history).")
@click.pass_obj
def deploy(root: Path, remote: str, branch: str, message: str | None, no_push: bool,
           force: bool) -> None:
    """Publish site/ on GitHub Pages without Actions: commit it to the gh-pages branch
    (with .nojekyll) and push. Run `dateline build` first; a missing or stale site/ is refused."""
    from dateline.deploy import DeployError, deploy_site

    try:
        done = deploy_site(root, remote=remote, branch=branch, message=message,
                           push=not no_push, force=force)
    except DeployError as exc:
        click.echo(f"dateline: {exc}", err=True)
        sys.exit(EXIT_BAD_INPUT)
    click.echo(f"committed {done.site} to {done.branch} as {done.commit[:12]}"
               + (f" and pushed it to {done.remote}" if done.pushed else " (not pushed)"))
