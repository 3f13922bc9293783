"""TempEval-3 end to end: `dateline tag` on whole articles, scored on the gold DATE timexes.

usage: python bench/tempeval_e2e.py [train|platinum|both] [--show-misses] [--subprocess]

For each TimeML file the TEXT element's content, with its inner tags stripped, is written
to a temporary .txt file and tagged with `dateline tag FILE --published DCT` (DCT: the
CREATION_TIME timex).  By default the command runs in this process through click's test
runner (the very same `tag` command, arguments and output, minus one interpreter start per
file); `--subprocess` runs `python -m dateline tag` once per file instead.

Figures, over the gold TIMEX3 of type DATE:

* strict extent: a gold timex is found when a prediction has exactly its span; a
  prediction is right when some gold DATE has exactly its span.
* relaxed extent: the same with "overlaps" for "has exactly" (as TempEval-3 scores it: no
  one-to-one pairing, so "from 1994 to 2020" over two gold years finds both).
* value: each gold DATE is paired with the prediction that overlaps it most; the pair is
  value-correct when the values name the same interval, or, for gold mod=START/END/MID, an
  honest sub-interval of it -- the rule of score_tempeval.py, on the interval functions of
  its dates.py (imported from the shared folder, not copied).  Value P = correct / scored
  predictions, R = correct / gold DATE, so a gold value that names no interval (PAST_REF,
  XXXX-WXX, ...) counts as a value miss.  The last column, "scored F1", leaves those out as
  score_tempeval.py does: such gold leaves value recall and a prediction that overlaps only
  such gold leaves value precision.

Predictions that overlap no gold DATE but do overlap a gold TIMEX3 of another type
(DURATION, TIME, SET) are neither right nor wrong for DATE: they are left out of every
precision ("two weeks ago" is DATE in one annotation and DURATION-ish in another; "this
morning" is TIME).  A prediction that overlaps no gold timex at all is a false positive.

A file `dateline tag` refuses (ingest finds too little text) is listed; its gold counts as
missed.  train = train-timebank + train-aquaint (develop on it); platinum is held out:
report it, never tune on it.  The shared folder is found beside the repo, or at
$DATELINE_SHARED.  No TempEval text is stored here: it is read at run time.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DATELINE_SHARED") or REPO.parent / "shared")
TEMPEVAL = SHARED / "bench" / "tempeval3"
SPLITS = {"train": ["train-timebank", "train-aquaint"], "platinum": ["platinum"]}

sys.path.insert(0, str(TEMPEVAL))
from dates import interval, timex_interval  # noqa: E402  (the shared scorer's own functions)


@dataclass
class Doc:
    """One TimeML file: its plain text, DCT and gold timexes (start, end, type, value, mod)."""

    name: str
    text: str
    dct: str
    gold: list[tuple[int, int, str, str, str | None]]


@dataclass
class Tally:
    """Counts over one split."""

    gold: int = 0
    pred: int = 0           # predictions scored for DATE (others-only overlaps left out)
    strict_found: int = 0   # gold with an exact-span prediction
    strict_right: int = 0   # predictions with an exact-span gold
    relaxed_found: int = 0
    relaxed_right: int = 0
    value_gold: int = 0     # gold whose value names an interval
    value_pred: int = 0     # predictions overlapping no gold DATE, or one that names an interval
    value_ok: int = 0
    refused: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    seconds: float = 0.0


def flatten(el: ET.Element) -> tuple[str, list[tuple[ET.Element, int, int]]]:
    """The plain text of ``el`` and each TIMEX3 inside it with its offsets in that text."""
    parts: list[str] = []
    found: list[tuple[ET.Element, int, int]] = []
    pos = 0

    def walk(node: ET.Element) -> None:
        nonlocal pos
        start = pos
        if node.text:
            parts.append(node.text)
            pos += len(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)
                pos += len(child.tail)
        if node.tag == "TIMEX3":
            found.append((node, start, pos))

    walk(el)
    return "".join(parts), found


def read_doc(path: Path) -> Doc | None:
    """A .tml file as a :class:`Doc`; None when it has no TEXT or no DCT."""
    root = ET.parse(path).getroot()
    dct = next((t.get("value") for t in root.iter("TIMEX3")
                if t.get("functionInDocument") == "CREATION_TIME"), None)
    text_el = root.find("TEXT")
    if text_el is None or not dct:
        return None
    text, timexes = flatten(text_el)
    gold = [(s, e, t.get("type") or "", t.get("value") or "", t.get("mod"))
            for t, s, e in timexes]
    return Doc(path.name, text, dct[:10], gold)


def value_matches(got: str | None, gold_value: str, mod: str | None, dct: str) -> bool:
    """score_tempeval.py's test: the same interval, or an honest sub-interval under a mod."""
    import datetime as dt

    want = timex_interval(gold_value, dt.date.fromisoformat(dct))
    span = interval(got) if got else None
    if want is None or span is None:
        return False
    inside = want[0] <= span[0] and span[1] <= want[1]
    return span == want or inside and (mod == "MID" or mod == "START" and span[0] == want[0]
                                       or mod == "END" and span[1] == want[1])


def names_interval(gold_value: str, dct: str) -> bool:
    import datetime as dt

    return timex_interval(gold_value, dt.date.fromisoformat(dct)) is not None


# ----------------------------------------------------------------------------- running

Tagger = Callable[[Path, str], tuple[list[dict] | None, str]]


def tag_in_process(path: Path, dct: str) -> tuple[list[dict] | None, str]:
    """`dateline tag PATH --published DCT` through click, in this process."""
    from click.testing import CliRunner

    from dateline.cli import cli

    result = CliRunner().invoke(cli, ["tag", str(path), "--published", dct])
    if result.exit_code != 0:
        return None, (result.output or str(result.exception)).strip()[-300:]
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()], ""


def tag_subprocess(path: Path, dct: str) -> tuple[list[dict] | None, str]:
    """`python -m dateline tag PATH --published DCT` as a user runs it."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO / "src"),
                                                      env.get("PYTHONPATH")]))
    proc = subprocess.run([sys.executable, "-m", "dateline", "tag", str(path), "--published",
                           dct], capture_output=True, text=True, env=env)
    if proc.returncode != 0:
        return None, proc.stderr.strip()[-300:]
    return [json.loads(line) for line in proc.stdout.splitlines() if line.strip()], ""


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score_doc(doc: Doc, preds: list[dict], tally: Tally, show: bool) -> None:
    """Add one document's counts (and, if asked, its misses) to ``tally``."""
    dates = [g for g in doc.gold if g[2] == "DATE"]
    others = [g for g in doc.gold if g[2] != "DATE"]
    spans = [(p["start"], p["end"]) for p in preds]
    for p, span in zip(preds, spans, strict=True):
        assert doc.text[span[0]:span[1]] == p["text"], "tag offsets must point into the file"
    scored = [i for i, sp in enumerate(spans)
              if any(overlaps(sp, g[:2]) for g in dates)
              or not any(overlaps(sp, g[:2]) for g in others)]
    tally.gold += len(dates)
    tally.pred += len(scored)
    for i in scored:
        sp = spans[i]
        tally.strict_right += any(sp == g[:2] for g in dates)
        tally.relaxed_right += any(overlaps(sp, g[:2]) for g in dates)
        hit = [g for g in dates if overlaps(sp, g[:2])]
        if not hit or any(names_interval(g[3], doc.dct) for g in hit):
            tally.value_pred += 1
        if show and not hit:
            tally.misses.append(f"  FP  {doc.name}: {preds[i]['text']!r} -> {preds[i]['value']}"
                                f"  | {_context(doc.text, *sp)}")
    for s, e, _, value, mod in dates:
        exact = (s, e) in spans
        over = [i for i, sp in enumerate(spans) if overlaps(sp, (s, e))]
        tally.strict_found += exact
        tally.relaxed_found += bool(over)
        scoreable = names_interval(value, doc.dct)
        tally.value_gold += scoreable
        best = max(over, key=lambda i: min(e, spans[i][1]) - max(s, spans[i][0]),
                   default=None)
        got = preds[best]["value"] if best is not None else None
        ok = scoreable and best is not None and value_matches(got, value, mod, doc.dct)
        tally.value_ok += ok
        if show and (not exact or scoreable and not ok):
            bad_value = scoreable and not ok
            kind = ("MISS" if not over else "SPAN+VAL" if not exact and bad_value
                    else "SPAN" if not exact else "VAL")
            ours = f"{preds[best]['text']!r} -> {got}" if best is not None else "-"
            tally.misses.append(f"  {kind} {doc.name} dct={doc.dct}: gold {doc.text[s:e]!r} "
                                f"{value}{' mod=' + mod if mod else ''}; ours {ours}"
                                f"  | {_context(doc.text, s, e)}")


def _context(text: str, s: int, e: int) -> str:
    return " ".join(f"{text[max(0, s - 60):s]}[{text[s:e]}]{text[e:e + 40]}".split())


def run_split(split: str, tagger: Tagger, show: bool) -> Tally:
    tally = Tally()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="tempeval-e2e-") as tmp:
        for folder in SPLITS[split]:
            for path in sorted((TEMPEVAL / folder).glob("*.tml")):
                doc = read_doc(path)
                if doc is None:
                    tally.refused.append(f"{path.name}: no TEXT or DCT")
                    continue
                txt = Path(tmp) / (path.stem + ".txt")
                # newline="" keeps the text byte for byte, so gold offsets stay valid.
                with open(txt, "w", encoding="utf-8", newline="") as fh:
                    fh.write(doc.text)
                preds, error = tagger(txt, doc.dct)
                if preds is None:
                    tally.refused.append(f"{path.name}: {error}")
                    preds = []
                score_doc(doc, preds, tally, show)
    tally.seconds = time.perf_counter() - started
    return tally


def prf(right: int, pred: int, found: int, gold: int) -> tuple[float, float, float]:
    p = right / pred if pred else 0.0
    r = found / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    flags = {a for a in argv if a.startswith("--")}
    which = args[0] if args else "both"
    if which not in ("train", "platinum", "both") or flags - {"--show-misses", "--subprocess"}:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    sys.path.insert(0, str(REPO / "src"))
    tagger = tag_subprocess if "--subprocess" in flags else tag_in_process
    splits = ["train", "platinum"] if which == "both" else [which]
    head = (f"{'split':<9} {'gold':>5} {'pred':>5} | {'strict P':>8} {'R':>5} {'F1':>5} | "
            f"{'relax P':>7} {'R':>5} {'F1':>5} | {'value P':>7} {'R':>5} {'F1':>5} | {'scored F1':>9} | "
            f"{'s':>5}")
    rows = []
    for split in splits:
        # Misses are for development, so never for the held-out split.
        t = run_split(split, tagger, "--show-misses" in flags and split == "train")
        if t.misses:
            print(f"== {split} misses ==")
            print("\n".join(t.misses))
        for r in t.refused:
            print(f"refused ({split}): {r}")
        sp, sr, sf = prf(t.strict_right, t.pred, t.strict_found, t.gold)
        rp, rr, rf = prf(t.relaxed_right, t.pred, t.relaxed_found, t.gold)
        vp, vr, vf = prf(t.value_ok, t.pred, t.value_ok, t.gold)
        scored_f1 = prf(t.value_ok, t.value_pred, t.value_ok, t.value_gold)[2]
        rows.append(f"{split:<9} {t.gold:>5} {t.pred:>5} | {sp:>8.3f} {sr:>5.3f} {sf:>5.3f} | "
                    f"{rp:>7.3f} {rr:>5.3f} {rf:>5.3f} | {vp:>7.3f} {vr:>5.3f} {vf:>5.3f} | "
                    f"{scored_f1:>9.3f} | {t.seconds:>5.1f}")
    print(head)
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
