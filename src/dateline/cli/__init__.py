"""The `dateline` command line: thin wrappers over the pipeline stages.

Exit codes: 0 success, 1 bad content or input, 2 usage, 3 internal error. This module holds
the group, the process's exit, and the options shared by commands; the commands are in
``site_commands`` (build, check, serve, init, deploy) and ``article_commands`` (extract,
tag, normalize).
"""

from __future__ import annotations

import datetime as dt
import gc
import sys
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


# The commands register themselves on `cli` when their modules load.
from dateline.cli.article_commands import extract, normalize, tag  # noqa: E402
from dateline.cli.site_commands import build, check, deploy, init, serve  # noqa: E402

__all__ = ["build", "check", "cli", "deploy", "extract", "init", "main", "normalize", "serve",
           "tag"]
