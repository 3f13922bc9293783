"""The article commands: extract (articles to event files), tag and normalize."""

from __future__ import annotations

import datetime as dt
import sys
from collections import Counter
from pathlib import Path

import click

from dateline.cli import EXIT_BAD_INPUT, _iso_day, cli


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
    reasons: Counter[str] = Counter()  # how many events each kind of reason marks
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
        reasons.update(kind for ev in res.events for kind in {r.split(":")[0] for r in ev.review})
        click.echo(f"{res.path}: {len(res.events)} event(s)")
    # Every article's events are written together: reports of one event by several
    # articles become one file, whatever order the articles came in.
    if reports:
        report = write_reports(reports, out, force=force, dry_run=dry_run,
                               describe=describe_titles)
        _print_write_report(report, dry_run)
    if len(results) > 1 or unread or to_review:
        # Which reasons, most common first: where an editor's time will go.
        kinds = ", ".join(f"{n} {kind}" for kind, n in
                          sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0])))
        click.echo(f"{total} event(s), {to_review} marked for review"
                   + (f" ({kinds})" if kinds else "")
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
