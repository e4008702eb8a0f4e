#!/usr/bin/env python3
"""Compare newsarc's cleaner with trafilatura, page by page.

    python bench/extraction.py [--gold ../shared/gold] [--seeds seeds] [--pages tests/pages]

Pages: the seeds (text dumps, scored against the shared gold: body token F1) and the HTML test
pages in tests/pages and the development pages in tests/pages/dev (scored by the expectations in tests/test_html.py: the body's first and last
words kept, in place). Text dumps are given to trafilatura as HTML with one <p> per line, the
fairest form it accepts. Metadata counts title, published day (trafilatura reads days, not
times), reporters and outlet. trafilatura is a development-only dependency (`pip install
newsarc[bench]`).
"""
from __future__ import annotations

import argparse
import html as H
import importlib.util
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _load(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def newsarc_extract(data: bytes) -> dict:
    from newsarc.errors import SkipPage
    from newsarc.pipeline import clean_page

    try:
        _, c = clean_page(data)
    except SkipPage as e:
        return {"body": "", "skipped": str(e)}
    return {"body": c.body, "title": c.title, "published": c.published, "reporters": list(c.reporters),
            "outlet": c.outlet}


def trafilatura_extract(data: bytes) -> dict:
    import trafilatura
    from newsarc.read import read_bytes

    dec = read_bytes(data)
    doc = dec.text
    if dec.format == "text":
        doc = "<html><body>" + "".join(f"<p>{H.escape(l)}</p>" for l in doc.split("\n") if l.strip()) + "</body></html>"
    res = trafilatura.bare_extraction(doc, with_metadata=True, include_comments=False, favor_precision=False)
    if res is None:
        return {"body": ""}
    get = (lambda k: getattr(res, k, None)) if not isinstance(res, dict) else res.get
    authors = [re.sub(r"\s*기자$", "", a.strip()) for a in re.split(r"[;,]", get("author") or "") if a.strip()]
    return {"body": get("text") or "", "title": get("title"), "published": get("date"), "reporters": authors,
            "outlet": get("sitename")}


def score(sc, gold: dict, art: dict) -> dict:
    b = sc.body_scores(gold, art.get("body") or "")
    leaks = [s for s in gold.get("must_not_contain", []) if sc.norm(s) in sc.norm(art.get("body") or "")]
    titles = gold.get("title") or [None]
    pub = [p for p in (gold.get("published") or []) if p]
    meta = {
        "title": any(sc.norm(t) == sc.norm(art.get("title")) for t in titles if t) if any(titles) else not art.get("title"),
        "published": (str(art.get("published") or "")[:10] in {p[:10] for p in pub}) if pub else not art.get("published"),
        "reporters": sorted(sc.key(r) for r in gold.get("reporters", [])) == sorted(sc.key(r) for r in art.get("reporters") or []),
        "outlet": (not gold.get("outlet")) or sc.key(art.get("outlet") or "") in {sc.key(o) for o in gold["outlet"]},
    }
    return {"f1": b["f1"], "r": b["r"], "leaks": leaks, "meta": sum(meta.values()), "bad": [k for k, v in meta.items() if not v]}


def gold_for_test_pages(pages: Path) -> list[tuple[Path, dict]]:
    """Return (page, gold) for the HTML test pages, from the expectations in tests/test_html.py."""
    test = ROOT / "tests" / "test_html.py"
    if not test.is_file():
        return []
    layouts = _load(test, "bench_test_html").LAYOUTS
    out = []
    for name, w in sorted(layouts.items()):
        p = pages / name
        if p.is_file():
            out.append((p, {"file": name, "title": [w["title"]], "published": [w["published"]],
                            "reporters": list(w["reporters"]), "outlet": [w["outlet"]],
                            "body_first": w["first"], "body_last": w["last"], "must_not_contain": w["not_in"]}))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", default=str(ROOT.parent / "shared" / "gold"))
    ap.add_argument("--seeds", default=str(ROOT / "seeds"))
    ap.add_argument("--pages", default=str(ROOT / "tests" / "pages"))
    a = ap.parse_args()
    sc = _load(Path(a.gold).parent / "eval" / "score.py", "bench_score")
    import json

    cases = []
    for gf in sorted(Path(a.gold).glob("*.json")):
        g = json.loads(gf.read_text(encoding="utf-8"))
        p = Path(a.seeds) / g["file"]
        if p.is_file():
            cases.append((p, g))
    cases += gold_for_test_pages(Path(a.pages))
    # the development pages (text dumps and HTML from other outlets, portals and boards)
    for gf in sorted((Path(a.pages) / "dev").glob("*.json")):
        g = json.loads(gf.read_text(encoding="utf-8"))
        p = gf.parent / g["file"]
        if p.is_file():
            cases.append((p, g))
    tools = {"newsarc": newsarc_extract}
    try:
        import trafilatura  # noqa: F401

        tools["trafilatura"] = trafilatura_extract
    except ImportError as e:
        print(f"trafilatura not available ({e}); install newsarc[bench] to compare", file=sys.stderr)

    head = f"{'page':26} " + " | ".join(f"{t:^30}" for t in tools)
    sub = f"{'':26} " + " | ".join(f"{'F1/cov':>6} {'leaks':>5} {'meta':>4} {'ms':>6}    " for _ in tools)
    print(head)
    print(sub)
    print("-" * len(head))
    totals = {t: {"f1": [], "cov": [], "leakfree": 0, "meta": 0, "ms": 0.0} for t in tools}
    for p, g in cases:
        data = p.read_bytes()
        cells = []
        for t, fn in tools.items():
            t0 = time.perf_counter()
            try:
                art = fn(data)
            except Exception as e:  # a tool that crashes on a page scores zero there
                art = {"body": "", "error": repr(e)}
            ms = (time.perf_counter() - t0) * 1000
            s = score(sc, g, art)
            tot = totals[t]
            if s["f1"] is not None:
                tot["f1"].append(s["f1"])
                val = f"{s['f1']:.3f}"
            else:
                tot["cov"].append(s["r"])
                val = f"c{s['r']:.2f}"
            tot["leakfree"] += not s["leaks"]
            tot["meta"] += s["meta"]
            tot["ms"] += ms
            cells.append(f"{val:>6} {len(s['leaks']):>5} {s['meta']:>2}/4 {ms:>6.0f}    ")
        print(f"{p.name[:26]:26} " + " | ".join(cells))
    print("-" * len(head))
    n = len(cases)
    for t, tot in totals.items():
        f1 = sum(tot["f1"]) / len(tot["f1"]) if tot["f1"] else float("nan")
        cov = sum(tot["cov"]) / len(tot["cov"]) if tot["cov"] else float("nan")
        print(f"SUMMARY {t:12} pages {n} body_f1 {f1:.3f} (seeds) coverage {cov:.3f} (test and dev pages) "
              f"leak_free {tot['leakfree']}/{n} meta {tot['meta'] / (4 * n):.3f} time {tot['ms']:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
