#!/usr/bin/env python3
"""Score newsarc.entities on the hand-written development set (tests/entities_dev.jsonl).

    python bench/entities_eval.py [--dev tests/entities_dev.jsonl] [--quiet]

Each line of the dev set is one short text with the companies and people a careful annotator
would list (groups of accepted spellings; *_optional groups are neither required nor
penalised). The text goes through one in-process Kiwi exactly as `newsarc entities --lines`
sends it (companies(tokens, text) and people(tokens, text), no outlet or reporter hints).
Counting is score.py's entity_scores(): a prediction outside every group is a false positive,
a second spelling of a group already matched is a false positive and a duplicate.

Prints one line per error and a last line

    SUMMARY companies P R F1 dup people P R F1
"""
from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def _norm(s):
    return " ".join(unicodedata.normalize("NFKC", s or "").split())


def _key(s):
    return _norm(s).replace(" ", "").casefold()


def entity_scores(required, optional, predicted):
    """The counting of /work/shared/eval/score.py's entity_scores()."""
    req = [{_key(n) for n in grp} for grp in required]
    opt = [{_key(n) for n in grp} for grp in optional]
    matched, tp, fp, dup, wrong = set(), 0, 0, 0, []
    for n in predicted:
        k = _key(n)
        hit = next((i for i, grp in enumerate(req) if k in grp), None)
        if hit is not None:
            if hit in matched:
                dup += 1
                fp += 1
            else:
                matched.add(hit)
                tp += 1
        elif any(k in grp for grp in opt):
            continue
        else:
            fp += 1
            wrong.append(n)
    missed = [required[i][0] for i in range(len(req)) if i not in matched]
    return {"tp": tp, "fp": fp, "fn": len(missed), "dup": dup, "wrong": wrong, "missed": missed}


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else (1.0 if fn == 0 else 0.0)
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def evaluate(rows: list[dict], show=print) -> dict:
    """Run the rows through newsarc.entities; return {kind: {tp, fp, fn, dup}} and show errors."""
    from newsarc import analyse, entities

    total = {k: {"tp": 0, "fp": 0, "fn": 0, "dup": 0} for k in ("companies", "people")}
    for n, row in enumerate(rows, 1):
        text = row["text"]
        toks = analyse.tokenize(text)
        got = {"companies": [c.name for c in entities.companies(toks, text)],
               "people": [p.name for p in entities.people(toks, text)]}
        errs = []
        for kind in ("companies", "people"):
            s = entity_scores(row.get(kind, []), row.get(kind + "_optional", []), got[kind])
            for k in total[kind]:
                total[kind][k] += s[k]
            if s["wrong"]:
                errs.append(f"{kind} FP {s['wrong']}")
            if s["dup"]:
                errs.append(f"{kind} DUP {s['dup']}")
            if s["missed"]:
                errs.append(f"{kind} FN {s['missed']}")
        if errs and show:
            show(f"{n:3d} {text[:70]}")
            for e in errs:
                show(f"      {e}")
    return total


def summary(total: dict) -> str:
    c, p = total["companies"], total["people"]
    cp, cr, cf = prf(c["tp"], c["fp"], c["fn"])
    pp, pr, pf = prf(p["tp"], p["fp"], p["fn"])
    return f"SUMMARY companies {cp:.3f} {cr:.3f} {cf:.3f} {c['dup']} people {pp:.3f} {pr:.3f} {pf:.3f}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dev", type=Path, default=ROOT / "tests" / "entities_dev.jsonl")
    ap.add_argument("--quiet", action="store_true", help="print the SUMMARY line only")
    a = ap.parse_args(argv)
    total = evaluate(load(a.dev), show=None if a.quiet else print)
    print(summary(total))
    return 0


if __name__ == "__main__":
    sys.exit(main())
