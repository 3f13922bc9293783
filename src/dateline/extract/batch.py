"""Many articles at once: loaded and extracted in parallel processes, results in order."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from dateline.extract import nlp
from dateline.extract.events import ExtractedEvent, extract_article
from dateline.extract.ingest import Article, IngestError, load_article


@dataclass(frozen=True)
class BatchResult:
    """One article's outcome in :func:`extract_many`: events, or the error message."""

    path: str
    article: Article | None
    events: tuple[ExtractedEvent, ...]
    error: str | None = None
    unread: tuple[tuple[str, str], ...] = ()  # date phrases it could not read, with sentences


# (article, publication day that overrides its own, day_first, day used only when the
# article gives none: a feed entry's)
Job = tuple[str, datetime.date | None, bool | None, datetime.date | None]


def _load(job: Job) -> Article:
    try:
        return load_article(job[0], job[1])
    except IngestError:
        if job[1] is not None or job[3] is None:
            raise
        return load_article(job[0], job[3])  # e.g. undated: the feed's day then


def _extract_chunk(jobs: list[Job]) -> list[BatchResult]:
    """Load a few articles, parse them together (the model runs faster on a batch), and
    extract each."""
    loaded: list[tuple[Job, Article | None, str | None]] = []
    for job in jobs:
        try:
            loaded.append((job, _load(job), None))
        except IngestError as exc:
            loaded.append((job, None, str(exc)))
    texts = [art.text for _, art, _ in loaded if art is not None]
    docs = iter(nlp.load().pipe(texts, batch_size=len(texts) or 1))
    out = []
    for (path, _, day_first, _), art, error in loaded:
        if art is None:
            out.append(BatchResult(path, None, (), error))
            continue
        got = extract_article(art, day_first, next(docs))
        out.append(BatchResult(path, art, got.events, unread=got.unread))
    return out


def extract_many(paths: Iterable[str], workers: int = 2,
                 published: datetime.date | None = None,
                 progress: Callable[[int, int, BatchResult], None] | None = None,
                 day_first: bool | None = None,
                 published_for: dict[str, datetime.date] | None = None) -> list[BatchResult]:
    """Load and extract many articles in ``workers`` processes; results in input order.

    ``progress(done, total, result)`` is called in the parent after each article. Bad
    input does not stop the batch: it comes back as a result with ``error`` set.
    ``published_for`` gives some articles a publication day (a feed's entries), used
    only for an article that gives none itself.
    """
    days = published_for or {}
    jobs: list[Job] = [(str(p), published, day_first, days.get(str(p))) for p in paths]
    # A handful of articles per task: enough for the model to batch, small enough that
    # the progress bar moves and both workers finish together.
    size = max(1, min(CHUNK, len(jobs) // (max(workers, 1) * 2)))
    chunks = _even_chunks(jobs, size)
    results: list[BatchResult] = []
    # Load the model before forking: the workers share its memory instead of each paying
    # the second it takes to load.
    nlp.load()
    if workers <= 1 or len(chunks) <= 1:
        done: Iterable[list[BatchResult]] = map(_extract_chunk, chunks)
        _collect(done, results, len(jobs), progress)
        return results
    with ProcessPoolExecutor(max_workers=workers) as pool:
        _collect(pool.map(_extract_chunk, chunks), results, len(jobs), progress)
    return results


CHUNK = 4


def _even_chunks(jobs: list[Job], size: int) -> list[list[Job]]:
    """``jobs`` in order, in as many chunks as ``size`` gives, their lengths differing by
    one at most: a short last chunk leaves one worker idle while the other finishes a
    full one (30 articles in chunks of 4 ended 16 against 14)."""
    count = -(-len(jobs) // size)
    per, extra = divmod(len(jobs), max(count, 1))
    chunks, at = [], 0
    for i in range(count):
        end = at + per + (1 if i < extra else 0)
        chunks.append(jobs[at:end])
        at = end
    return chunks


def _collect(done: Iterable[list[BatchResult]], results: list[BatchResult], total: int,
             progress: Callable[[int, int, BatchResult], None] | None) -> None:
    for chunk in done:
        for res in chunk:
            results.append(res)
            if progress:
                progress(len(results), total, res)


def describe_titles(titles: list[str]) -> list[tuple[str, str, str, tuple[str, ...]]]:
    """The verb, subject, object and lemmas of event titles already in a folder, parsed with
    the loaded model: what the store matches new articles' events against."""
    from dateline.extract.happening import describe_title

    return describe_title(nlp.load(), titles)
