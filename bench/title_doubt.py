"""Fit and measure the title-doubt model (src/dateline/extract/doubt.py) on the judged sheets.

    python bench/title_doubt.py            # leave-one-set-out figures
    python bench/title_doubt.py --write    # also fit on every set and write the weights

Every bench/titles/judged-*.yaml is one blind judge's verdicts on one sheet of extracted
events; two judges read each sheet. A title's label is the share of its judges who would not
keep it as it stands (fix or junk). Sets are the article sets (a set's base-code and
new-code sheets are one set): each set's figures come from a model fitted on the others.

Printed per held-out set: the AUC of the score against "not kept", and at the threshold
(chosen on the other sets for a flagged precision of --precision) the share of titles
flagged, the flagged titles' share not kept (precision), the share of not-kept titles and
of junk titles flagged (recall), and the keep rate of the titles left unflagged.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np
import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from dateline.extract import nlp  # noqa: E402
from dateline.extract.doubt import WEIGHTS, features, parse_titles  # noqa: E402

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def sheets() -> dict[str, list[tuple[str, str, list[str], float, float]]]:
    """(title, quote, review, not-kept share, junk share) of every judged title, by set."""
    by_sheet: dict[str, list[list[dict]]] = defaultdict(list)
    for path in sorted((HERE / "titles").glob("judged-*.yaml")):
        m = re.fullmatch(r"judged-(?:(.+?)-)?([a-z])", path.stem)
        if m is None:
            continue
        by_sheet[m[1] or "dev"].append(yaml.load(path.read_text(encoding="utf-8"),
                                                 Loader=_LOADER))
    out: dict[str, list] = defaultdict(list)
    for sheet, judged in by_sheet.items():
        name = sheet.split("-")[0]
        # One sheet's judges read the same entries in the same order; sheets of one set
        # from different codes are kept apart only by their entries.
        groups = _pair(judged)
        for rows in groups:
            r = rows[0]
            bad = sum(x.get("title_verdict") != "keep" for x in rows) / len(rows)
            junk = sum(x.get("title_verdict") == "junk" for x in rows) / len(rows)
            out[name].append((str(r["title"]), str(r.get("quote") or ""),
                              list(r.get("review") or []), bad, junk))
    return dict(out)


def _pair(judged: list[list[dict]]) -> list[list[dict]]:
    """The judges of one sheet zipped entry by entry (sheets of one base name but other
    lengths, a base and a new code's sheet, are kept as separate groups)."""
    by_len: dict[int, list[list[dict]]] = defaultdict(list)
    for j in judged:
        by_len[len(j)].append(j)
    return [list(rows) for group in by_len.values() for rows in zip(*group, strict=True)]


def matrix(rows: list, names: list[str] | None = None, docs: list | None = None):
    feats = [features(doc, quote, review) for doc, (_, quote, review, _, _) in
             zip(docs, rows, strict=True)]
    if names is None:
        names = sorted({k for f in feats for k in f})
    x = np.array([[f.get(k, 0.0) for k in names] for f in feats])
    return x, names


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1.0, steps: int = 3000) -> np.ndarray:
    """Logistic regression by gradient descent on the mean log-loss plus an L2 penalty
    (not on the bias, the first column)."""
    w = np.zeros(x.shape[1])
    lr = 0.5
    n = len(y)
    for _ in range(steps):
        p = 1 / (1 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (p - y) / n
        grad[1:] += l2 * w[1:] / n
        w -= lr * grad
    return w


def auc(score: np.ndarray, y: np.ndarray) -> float:
    """The chance that a title the judges did not keep scores above one they kept (ties
    count half); labels are weighted by the share of judges."""
    pos, neg = y, 1 - y
    order = np.argsort(score)
    s, p, q = score[order], pos[order], neg[order]
    total, below, i = 0.0, 0.0, 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        tp, tq = p[i:j].sum(), q[i:j].sum()
        total += tp * (below + tq / 2)
        below += tq
        i = j
    return total / max(pos.sum() * neg.sum(), 1e-9)


def threshold_for(score: np.ndarray, y: np.ndarray, precision: float) -> float:
    """The lowest threshold whose flagged titles are at least `precision` not kept."""
    order = np.argsort(-score)
    s, yy = score[order], y[order]
    best = 1.0
    cum = np.cumsum(yy)
    for k in range(20, len(s)):
        if cum[k] / (k + 1) >= precision:
            best = s[k]
    return float(best)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--write", action="store_true", help="fit on all sets, write the weights")
    ap.add_argument("--precision", type=float, default=0.85)
    ap.add_argument("--l2", type=float, default=5.0)
    args = ap.parse_args()
    data = sheets()
    model = nlp.load()
    docs = {name: parse_titles([r[0] for r in rows], model) for name, rows in data.items()}
    _, names = matrix([r for rows in data.values() for r in rows],
                      docs=[d for name in data for d in docs[name]])
    xs = {name: matrix(rows, names, docs[name])[0] for name, rows in data.items()}
    ys = {name: np.array([r[3] for r in rows]) for name, rows in data.items()}
    js = {name: np.array([r[4] for r in rows]) for name, rows in data.items()}
    print(f"{'held out':10} {'n':>4} {'AUC':>5} {'flag':>5} {'prec':>5} {'rec':>5} "
          f"{'junk rec':>8} {'keep unflagged':>14} {'keep all':>8}")
    pooled = defaultdict(float)
    for name in sorted(data, key=_set_order):
        train = [k for k in data if k != name]
        x = np.vstack([xs[k] for k in train])
        y = np.concatenate([ys[k] for k in train])
        w = fit(x, y, args.l2)
        cut = threshold_for(1 / (1 + np.exp(-(x @ w))), y, args.precision)
        s = 1 / (1 + np.exp(-(xs[name] @ w)))
        flag = s >= cut
        yy, jj = ys[name], js[name]
        pf = yy[flag].mean() if flag.any() else float("nan")
        rec = yy[flag].sum() / max(yy.sum(), 1e-9)
        jrec = jj[flag].sum() / max(jj.sum(), 1e-9)
        keep_un = 1 - yy[~flag].mean() if (~flag).any() else float("nan")
        print(f"{name:10} {len(yy):4d} {auc(s, yy):5.3f} {flag.mean():5.2f} {pf:5.2f} "
              f"{rec:5.2f} {jrec:8.2f} {keep_un:14.2f} {1 - yy.mean():8.2f}")
        for key, val in (("n", len(yy)), ("flag", flag.sum()), ("flag_bad", yy[flag].sum()),
                         ("bad", yy.sum()), ("junk", jj.sum()), ("flag_junk", jj[flag].sum()),
                         ("unflag_keep", (1 - yy[~flag]).sum())):
            pooled[key] += float(val)
    p = pooled
    print(f"{'all':10} {int(p['n']):4d} {'':>5} {p['flag'] / p['n']:5.2f} "
          f"{p['flag_bad'] / p['flag']:5.2f} {p['flag_bad'] / p['bad']:5.2f} "
          f"{p['flag_junk'] / p['junk']:8.2f} {p['unflag_keep'] / (p['n'] - p['flag']):14.2f} "
          f"{1 - p['bad'] / p['n']:8.2f}")
    if args.write:
        x = np.vstack(list(xs.values()))
        y = np.concatenate(list(ys.values()))
        w = fit(x, y, args.l2)
        cut = threshold_for(1 / (1 + np.exp(-(x @ w))), y, args.precision)
        weights = {k: round(float(v), 4) for k, v in zip(names, w, strict=True) if abs(v) > 1e-4}
        WEIGHTS.write_text(json.dumps({
            "fitted_by": "bench/title_doubt.py --write",
            "titles": int(len(y)), "precision_target": args.precision, "l2": args.l2,
            "threshold": round(cut, 4), "weights": weights}, indent=1, sort_keys=True) + "\n",
            encoding="utf-8")
        top = sorted(weights.items(), key=lambda kv: -abs(kv[1]))[:15]
        print("wrote", WEIGHTS, "threshold", round(cut, 4))
        print("largest weights:", ", ".join(f"{k} {v:+.2f}" for k, v in top))


def _set_order(name: str) -> tuple[int, str]:
    m = re.search(r"\d+", name)
    return (int(m[0]) if m else (0 if name == "dev" else 1), name)


if __name__ == "__main__":
    main()
