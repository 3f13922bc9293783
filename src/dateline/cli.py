"""The `dateline` command line: thin wrappers over the pipeline stages.

Exit codes: 0 success, 1 bad content or input, 2 usage, 3 internal error.
"""

from __future__ import annotations

import datetime as dt
import gc
import sys
import time
from pathlib import Path

import click

from dateline import HOMEPAGE, __version__

REPORT_URL = f"{HOMEPAGE}/issues"
EXIT_BAD_INPUT = 1
EXIT_INTERNAL = 3


class Group(click.Group):
    """A click group that turns unexpected exceptions into exit 3 with a report hint."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            sys.exit(130)
        except Exception as exc:  # noqa: BLE001 - the last line of defence
            click.echo(f"dateline: internal error: {type(exc).__name__}: {exc}", err=True)
            click.echo(f"This is a bug in dateline {__version__}. Please report it at {REPORT_URL} "
                       "with the command you ran and the traceback below.", err=True)
            import traceback

            click.echo("".join(traceback.format_exception(exc)).rstrip(), err=True)
            sys.exit(EXIT_INTERNAL)


def _iso_day(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"expected YYYY-MM-DD, got {value!r}") from None


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]},
             # \b: click must not wrap the address across lines.
             epilog=f"\b\nHomepage (documentation, releases, issues): {HOMEPAGE}")
@click.version_option(__version__, prog_name="dateline")
@click.option("-C", "--root", type=click.Path(file_okay=False, path_type=Path), default=".",
              show_default=True, help="The site folder (holding content/ and templates/).")
@click.pass_context
def cli(ctx: click.Context, root: Path) -> None:
    """Turn news articles into a browsable static timeline.

    extract: articles -> content/events/*.yaml; edit those by hand; build: -> site/.
    """
    ctx.obj = root


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
    from dateline.render import sandboxed

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
    from dateline.render import sandboxed

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
@click.option("--base", callback=_iso_day, metavar="YYYY-MM-DD",
              help="The date relative phrases are read against (the publication date).")
@click.argument("phrase", required=False)
def normalize(base: dt.date | None, phrase: str | None) -> None:
    """Normalize a date phrase to the stored form, as one JSON line.

    With no PHRASE, read JSON Lines from stdin ({"text", "base", "sentence"}) and write one
    JSON line per input line, in order.
    """
    import json

    from dateline.temporal.normalize import normalize as normalize_phrase
    from dateline.temporal.normalize import normalize_jsonl

    if phrase is not None:
        if base is None:
            raise click.UsageError("a base date is required: --base YYYY-MM-DD")
        click.echo(json.dumps({"text": phrase, "value": normalize_phrase(phrase, base)}))
        return
    if base is None and sys.stdin.isatty():
        raise click.UsageError("give a PHRASE with --base, or JSON Lines on stdin")
    failed = False
    out = sys.stdout
    for line, ok in normalize_jsonl(sys.stdin, base):
        out.write(line + "\n")
        out.flush()
        failed = failed or not ok
    if failed:
        sys.exit(EXIT_BAD_INPUT)


@cli.command()
@click.argument("articles", nargs=-1, metavar="ARTICLE...")
@click.option("--feed", "feeds", multiple=True, metavar="FEED",
              help="An Atom/RSS feed (file or http(s) URL): extract the articles not read "
                   "before (remembered in content/feeds.yaml).")
@click.option("--published", callback=_iso_day, metavar="YYYY-MM-DD",
              help="Publication date; overrides the article's own.")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder for the event files [default: content/events].")
@click.option("--force", is_flag=True, help="Overwrite event files that already exist.")
@click.option("--dry-run", is_flag=True, help="Print the YAML instead of writing files.")
@click.option("-j", "--jobs", type=click.IntRange(1, 64), default=2, show_default=True,
              help="Processes for many articles.")
@click.pass_obj
def extract(root: Path, articles: tuple[str, ...], feeds: tuple[str, ...],
            published: dt.date | None, out: Path | None, force: bool, dry_run: bool,
            jobs: int) -> None:
    """Extract dated events from articles (files or http(s) URLs) into YAML event files.

    Events that several articles report become one file listing every source. Existing
    files are never overwritten without --force: a re-run adds only new events and new
    sources, and a file a person edited keeps every byte they wrote.
    """
    if not articles and not feeds:
        raise click.UsageError("give one or more ARTICLEs, or --feed FEED")
    feed_days, unread_entries = _feed_articles(root, feeds)
    articles = (*articles, *(e.link for _, e in unread_entries if e.link not in articles))
    if not articles:
        click.echo("nothing new to extract")
        return
    from dateline.extract.batch import describe_titles, extract_many
    from dateline.extract.nlp import ModelMissing
    from dateline.store import report_of, write_reports

    out = out or root / "content" / "events"
    failed = 0
    try:
        results = _run_extraction(articles, jobs, published, extract_many,
                                  _day_first(root), feed_days)
    except ModelMissing as exc:
        click.echo(f"dateline: {exc}", err=True)
        sys.exit(EXIT_BAD_INPUT)
    total = to_review = 0
    unread: list[tuple[str, str, str]] = []
    reports = []
    for res in results:
        if res.error is not None or res.article is None:
            click.echo(f"dateline: {res.error}", err=True)
            failed += 1
            continue
        for warning in res.article.warnings:
            click.echo(f"warning: {warning}", err=True)
        own = res.article.own_published
        if published is not None and own is not None and own != published:
            click.echo(f"warning: {res.path}: --published {published} overrides the article's "
                       f"own date {own}", err=True)
        unread.extend((res.path, phrase, sentence) for phrase, sentence in res.unread)
        if not res.events:
            click.echo(f"{res.path}: no dated events found")
            continue
        reports.extend(report_of(ev, res.article, i) for i, ev in enumerate(res.events))
        total += len(res.events)
        to_review += sum(1 for ev in res.events if ev.review)
        click.echo(f"{res.path}: {len(res.events)} event(s)")
    # Every article's events are written together: reports of one event by several
    # articles become one file, whatever order the articles came in.
    if reports:
        report = write_reports(reports, out, force=force, dry_run=dry_run,
                               describe=describe_titles)
        _print_write_report(report, dry_run)
    if len(results) > 1 or unread or to_review:
        click.echo(f"{total} event(s), {to_review} marked for review"
                   + (f", {len(unread)} date phrase(s) not read:" if unread else ""))
    for path, phrase, sentence in unread:
        click.echo(f"  {path}: {phrase!r} in: {sentence}")
    if unread_entries and not dry_run:
        from dateline.extract.feed import remember

        ok = {r.path for r in results if r.error is None}
        for feed in feeds:
            remember(root / "content", feed, [e.id for f, e in unread_entries
                                              if f == feed and e.link in ok])
    if failed:
        sys.exit(EXIT_BAD_INPUT)


def _feed_articles(root: Path, feeds: tuple[str, ...]):  # noqa: ANN202
    """(publication day by link, [(feed, entry)] not read before) of every feed."""
    if not feeds:
        return {}, []
    from dateline.extract.feed import FeedError, load_memory, read_feed

    try:
        memory = load_memory(root / "content")
        found = [(feed, entry) for feed in feeds for entry in read_feed(feed)]
    except FeedError as exc:
        click.echo(f"dateline: {exc}", err=True)
        sys.exit(EXIT_BAD_INPUT)
    new = [(f, e) for f, e in found if e.id not in memory.get(f, [])]
    for feed in feeds:
        mine = [e for f, e in found if f == feed]
        fresh = [e for f, e in new if f == feed]
        click.echo(f"{feed}: {len(mine)} article(s), {len(fresh)} not read before")
    return {e.link: e.published for _, e in new if e.published}, new


def _print_write_report(report, dry_run: bool) -> None:  # noqa: ANN001 - store.WriteReport
    for path, text in report.previews.items():
        click.echo(f"# {path}\n{text}")
    if not dry_run:
        for path in report.written:
            click.echo(f"wrote {path}")
        for path in report.updated:
            click.echo(f"added sources to {path}")
    for path in dict.fromkeys(report.skipped):
        click.echo(f"skipped {path} (exists; --force to overwrite)")
    for path, why in report.conflicts:
        click.echo(f"left {path} as it is: {why}")
    click.echo(f"{len(report.written)} new file(s), {len(report.updated)} with sources added, "
               f"{len(report.skipped)} skipped, {len(report.conflicts)} left for an editor"
               + (" (dry run: nothing written)" if dry_run else ""))


def _run_extraction(articles: tuple[str, ...], jobs: int, published: dt.date | None,
                    extract_many, day_first: bool | None,  # noqa: ANN001
                    published_for: dict | None = None):  # noqa: ANN202
    """Extract every article, with a progress bar on a terminal for several."""
    if len(articles) > 1 and sys.stderr.isatty():
        with click.progressbar(length=len(articles), label="extracting", file=sys.stderr) as bar:
            return extract_many(articles, workers=jobs, published=published,
                                progress=lambda done, total, res: bar.update(1),
                                day_first=day_first, published_for=published_for)
    return extract_many(articles, workers=jobs if len(articles) > 1 else 1, published=published,
                        day_first=day_first, published_for=published_for)


def _day_first(root: Path) -> bool | None:
    """How the site's language (timeline.yaml) reads slashed dates; None when unsaid."""
    import yaml

    from dateline.store.yamldoc import MAX_FILE_BYTES, Refused, read_regular
    from dateline.temporal.locale import day_first

    path = root / "content" / "timeline.yaml"
    try:  # read as build reads it: a FIFO or a link to /dev/zero must not hang extract
        data = yaml.safe_load(read_regular(path, MAX_FILE_BYTES, (root, path.parent)).decode())
    except (OSError, UnicodeDecodeError, yaml.YAMLError, Refused):
        return None  # a broken timeline.yaml is check's and build's to report
    language = data.get("language") if isinstance(data, dict) else None
    return day_first(language) if isinstance(language, str) else None


@cli.command()
@click.argument("article", metavar="ARTICLE")
@click.option("--published", callback=_iso_day, metavar="YYYY-MM-DD",
              help="Publication date; overrides the article's own.")
@click.pass_obj
def tag(root: Path, article: str, published: dt.date | None) -> None:
    """Print every date phrase of ARTICLE, one JSON line each, in text order.

    Each line is {"start", "end", "text", "value"}: offsets into the file's own text for a
    plain-text file (title line included), else into the main text ingest produced; value
    is null for a phrase dateline cannot read.
    """
    import json

    from dateline.extract.ingest import IngestError, load_article
    from dateline.temporal.tagger import find_dates

    try:
        art = load_article(article, published)
    except IngestError as exc:
        click.echo(f"dateline: {exc}", err=True)
        sys.exit(EXIT_BAD_INPUT)
    assert art.published is not None  # load_article refuses an undated article
    text = art.source_text if art.source_text is not None else art.text
    out = sys.stdout
    for m in find_dates(text, art.published, day_first=_day_first(root)):
        out.write(json.dumps({"start": m.start, "end": m.end, "text": m.text,
                              "value": m.value}, ensure_ascii=False) + "\n")


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


class _Process:
    """How this process runs: main() ends it right after the command; tests call cli in-process."""

    ends_after_command = False
    kept: list[object] = []  # a command's data that the OS may reclaim at exit


_process = _Process()


def main() -> None:
    """Console-script entry point. A build's data is left to the OS at exit (see below)."""
    _process.ends_after_command = True
    try:
        cli(prog_name="dateline")
    finally:
        if _process.kept:
            _leave_to_the_os(_process.kept)


def _leave_to_the_os(objects: list[object]) -> None:
    """Let the process end without freeing `objects` one by one; exit then runs as usual.

    Freeing a 10,000-event build object by object at interpreter shutdown took 0.1-0.2 s,
    longer than some rebuilds. One extra reference each (through the stable C API) means
    shutdown never frees them, and gc.freeze() keeps the final collection from walking
    them; exit handlers (coverage, logging) and flushing happen as in any exit, and the OS
    reclaims the memory at once.
    """
    import ctypes

    gc.freeze()
    for obj in objects:
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(obj))
