"""Model loading and batch chunks: speed-ups that leave the results as they were."""

from __future__ import annotations

import importlib.metadata as metadata
import subprocess
import sys

import pytest

from dateline.extract import nlp

try:
    nlp.load()
except nlp.ModelMissing:  # pragma: no cover - the model is a pinned dependency here
    pytest.skip("no English model installed", allow_module_level=True)


def test_spacy_loads_without_its_command_line_which_stays_importable() -> None:
    script = (
        "import sys\n"
        "from dateline.extract import nlp\n"
        "nlp.load()\n"
        "assert 'spacy.cli' not in sys.modules and 'typer' not in sys.modules\n"
        "import spacy, spacy.cli\n"
        "assert hasattr(spacy.cli, 'setup_cli')\n"
        "assert spacy.info()['spacy_version'] == spacy.__version__\n"
        "print('ok')\n")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "ok"


def test_entry_points_found_by_group_are_catalogues_own() -> None:
    import catalogue

    every = metadata.entry_points()
    groups = {"spacy_factories", "spacy_languages", "console_scripts", "no_such_group"}
    for group in groups:
        ours = catalogue.AVAILABLE_ENTRY_POINTS.select(group=group)
        theirs = every.select(group=group)
        assert list(ours) == list(theirs), group


def test_the_unused_sentence_recogniser_is_not_loaded() -> None:
    model = nlp.load()
    assert "senter" not in model.component_names
    assert {"tagger", "parser", "attribute_ruler", "lemmatizer", "ner"} <= set(model.pipe_names)
    doc = model("The council met on Monday. It voted to close the bridge.")
    assert [s.text for s in doc.sents] == ["The council met on Monday.",
                                          "It voted to close the bridge."]


def test_batch_chunks_keep_order_and_differ_by_one_at_most() -> None:
    from dateline.extract.batch import _even_chunks

    for n in (0, 1, 5, 8, 30, 31, 61):
        jobs = [(f"article-{i}.txt", None, None, None) for i in range(n)]
        chunks = _even_chunks(jobs, 4)
        assert [job for chunk in chunks for job in chunk] == jobs
        assert len(chunks) == -(-n // 4)
        if chunks:
            assert max(map(len, chunks)) - min(map(len, chunks)) <= 1
            assert max(map(len, chunks)) <= 4


def test_a_head_noun_takes_the_nearest_earlier_name_with_that_head() -> None:
    # The lookup is indexed by lemma per article; its answers are those of a scan back.
    from dateline.extract.names import Names
    from dateline.extract.pronouns import Resolver

    text = ("Crews painted the Harwick Bridge in 2001. Later the Morrow Bridge was widened. "
            "Engineers closed the bridge on Monday. The Selby Tunnel stayed open.")
    doc = nlp.load()(text)
    resolve = Resolver(doc, Names(doc), text)
    bridge = next(t for t in doc if t.text == "bridge")
    tunnel = next(t for t in doc if t.text == "Tunnel")
    assert list(resolve._head_names(bridge)) == ["the Morrow Bridge", "the Harwick Bridge"]
    assert resolve._named_head(bridge) == "the Morrow Bridge"
    assert resolve._named_head(bridge, unique=True) is None  # two bridges were named
    assert list(resolve._head_names(tunnel)) == []  # nothing before it is a tunnel
