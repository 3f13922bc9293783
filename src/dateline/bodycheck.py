"""What an event's Markdown body may hold, so that every body renders in bounded time.

Python-Markdown's inline parsing is quadratic in places: from every '[' it looks for the
matching ']' through the rest of the paragraph, and from every '<' for the end of a tag
or an autolink, so 20,000 '[' take 150 s to render, and emphasis runs, deep quotes and
deep lists cost more than their length (a list nested 400 deep ends in RecursionError).
The build cannot stop Markdown half way, so a body that would be slow is refused before
rendering, with a message at its line: real event text is nowhere near these limits.

The estimate (below) follows what Markdown scans: from each '[' to its ']', from each '<'
over the body, from each emphasis marker over its paragraph, and each footnote or
footnote reference over the others.
"""

from __future__ import annotations

import re

MAX_BODY_CHARS = 20_000  # a few pages of text; the article itself belongs in source.url
MAX_DEPTH = 32  # quote markers and list indentation levels on one line
# The estimate is in microseconds of rendering, at the costs measured on this machine (a
# 2-core VM, Python-Markdown 3.11): an upper bound for the quadratic parts, so that no body
# under it takes more than about 0.3 s. Real bodies (a few paragraphs, some links) come
# to a few hundred.
MAX_COST = 300_000
_SCAN_US = 2.0  # per character scanned from a '[' for its ']' or from '](' for its ')'
_ANGLE_US = 0.1  # per ('<', character of the body): html.parser looks for the tag's end
_MARKER_US = 0.005  # per ('*', '_' or '`', character of its paragraph)
_FOOTNOTE_US = 3.0  # per pair of footnotes or references (each looks through the earlier)
_BLANK = re.compile(r"\n[ \t]*\n")
_LEAD = re.compile(r"[ \t>]*")
_BRACKETS = re.compile(r"[\[\]()]")


def body_problems(body: str) -> list[tuple[int, str]]:
    """(line within the body counted from 0, message) for each limit the body exceeds."""
    if len(body) > MAX_BODY_CHARS:
        return [(0, f"{len(body):,} characters; a body may hold at most {MAX_BODY_CHARS:,} "
                    "(keep the event's own account here and link to the article)")]
    problems = []
    depth_line = _too_deep(body)
    if depth_line is not None:
        line, depth = depth_line
        problems.append((line, f"nested {depth} levels deep (quote markers '>' and list "
                               f"indentation); Markdown bodies may nest at most {MAX_DEPTH}"))
    costly = _too_costly(body)
    if costly is not None:
        counts = [f"{body.count(c):,} '{c}'" for c in "[<" if c in body]
        if _markers(body):
            counts.append(f"{_markers(body):,} of '*', '_' and '`'")
        problems.append((costly, f"too much markup to render in time: {', '.join(counts)} in "
                                 f"{len(body):,} characters, the most in the paragraph starting "
                                 "on this line; split it into shorter paragraphs or escape the "
                                 "characters (\\[, \\<)"))
    return problems


def _too_deep(body: str) -> tuple[int, int] | None:
    """(line, depth) of the first line nested deeper than MAX_DEPTH, or None."""
    if body.count(">") <= MAX_DEPTH and body.count("\n" + " " * (4 * MAX_DEPTH)) == 0:
        return None  # the common case, at C speed
    for i, line in enumerate(body.split("\n")):
        lead = _LEAD.match(line).group()  # type: ignore[union-attr]
        quotes = lead.count(">")
        indent = lead[lead.rfind(">") + 1:] if quotes else lead  # list levels inside the quote
        depth = quotes + len(indent.replace("\t", "    ")) // 4
        if depth > MAX_DEPTH:
            return i, depth
    return None


def _too_costly(body: str) -> int | None:
    """The first line of the costliest paragraph when the body's estimated rendering time is
    over MAX_COST, else None."""
    # Raw HTML is looked for over the whole body at once (md_in_html runs html.parser on it,
    # which scans from every '<' for its end), so each '<' costs the body's length.
    total = _ANGLE_US * body.count("<") * len(body) \
        + _FOOTNOTE_US * body.count("[^") ** 2
    if total + _SCAN_US * len(body) * (body.count("[") + body.count("(")) \
            + _MARKER_US * len(body) * _markers(body) <= MAX_COST:
        return None  # the common case: even scanning to the end from each is cheap enough
    worst, worst_at, line, start = -1.0, 0, 0, 0
    for match in [*_BLANK.finditer(body), None]:
        end = match.start() if match else len(body)
        para = body[start:end]
        cost = _SCAN_US * _scanned(para) + _MARKER_US * len(para) * _markers(para) \
            + _ANGLE_US * len(para) * para.count("<")
        total += cost
        if cost > worst:
            worst, worst_at = cost, line
        if match:
            line += body.count("\n", start, match.end())
            start = match.end()
    return None if total <= MAX_COST else worst_at


def _scanned(para: str) -> int:
    """How many characters Markdown's link parsing scans in `para`: from each '[' to its
    matching ']' (brackets nest), and from each '](' to its matching ')', or to the end."""
    scanned = 0
    opened: list[int] = []  # positions of '[' not yet closed
    parens: list[int] = []  # positions of '(' right after a ']' not yet closed
    depth = 0  # nesting of other '(' inside a link's '(' ... ')'
    for match in _BRACKETS.finditer(para):
        at, char = match.start(), match.group()
        if char == "[":
            opened.append(at)
        elif char == "]" and opened:
            scanned += at - opened.pop()
        elif char == "(":
            if at and para[at - 1] == "]":
                parens.append(at)
            elif parens:
                depth += 1
        elif char == ")" and parens:
            if depth:
                depth -= 1
            else:
                scanned += at - parens.pop()
    return scanned + sum(len(para) - at for at in opened + parens)


def _markers(text: str) -> int:
    return text.count("*") + text.count("_") + text.count("`")
