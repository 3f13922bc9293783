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


def _extract_one(job: tuple[str, datetime.date | None, bool | None]) -> BatchResult:
    path, published, day_first = job
    try:
        article = load_article(path, published)
        got = extract_article(article, day_first)
        return BatchResult(path, article, got.events, unread=got.unread)
    except IngestError as exc:
        return BatchResult(path, None, (), str(exc))


def extract_many(paths: Iterable[str], workers: int = 2,
                 published: datetime.date | None = None,
                 progress: Callable[[int, int, BatchResult], None] | None = None,
                 day_first: bool | None = None) -> list[BatchResult]:
    """Load and extract many articles in ``workers`` processes; results in input order.

    ``progress(done, total, result)`` is called in the parent after each article. Bad
    input does not stop the batch: it comes back as a result with ``error`` set.
    """
    jobs = [(str(p), published, day_first) for p in paths]
    results: list[BatchResult] = []
    if workers <= 1 or len(jobs) <= 1:
        mapped: Iterable[BatchResult] = map(_extract_one, jobs)
        for res in mapped:
            results.append(res)
            if progress:
                progress(len(results), len(jobs), res)
        return results
    # Load the model before forking: the workers share its memory instead of each paying
    # the second it takes to load.
    nlp.load()
    chunk = max(1, min(16, len(jobs) // (workers * 4)))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for res in pool.map(_extract_one, jobs, chunksize=chunk):
            results.append(res)
            if progress:
                progress(len(results), len(jobs), res)
    return results
