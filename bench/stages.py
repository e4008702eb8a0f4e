#!/usr/bin/env python3
"""Where ingest's time goes: milliseconds of CPU per page for each stage, on one thread.

Usage: python bench/stages.py [--pages 2000] [--dir DIR]

Uses (or makes, as bench/ingest.py does) a corpus of generated pages, then times each stage
over all of it, best of three runs, in this order: read and clean (text dumps and HTML pages
apart), Kiwi, entities (companies and people), index terms, and storing into a fresh archive.
Everything but Kiwi runs on the one thread beside Kiwi's during `newsarc ingest`, so the sum
of the other stages is what stands between ingest and the analyser's own speed.
The last line is machine-readable:
  stages_ms clean_text T clean_html H kiwi K entities E terms I store S python P
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))


def best(fn, runs: int = 3) -> float:
    """Return the least CPU seconds fn took over runs."""
    out = float("inf")
    for _ in range(runs):
        t = time.process_time()
        fn()
        out = min(out, time.process_time() - t)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=2000)
    ap.add_argument("--dir", help="where the corpus is or goes (default: a temp folder)")
    a = ap.parse_args()
    from ingest import make_corpus  # bench/ingest.py

    from newsarc import analyse, entities
    from newsarc.errors import SkipPage
    from newsarc.pipeline import analyse_cleaned, analysis_text, build_article, clean_page
    from newsarc.store import Archive

    work = Path(a.dir or tempfile.mkdtemp(prefix="newsarc-stages-"))
    corpus = work / "corpus"
    if not corpus.exists() or len(list(corpus.iterdir())) != a.pages:
        make_corpus(corpus, a.pages)
    files = sorted(corpus.iterdir())
    data = [f.read_bytes() for f in files]
    n = len(data)
    html = [d for d in data if d.lstrip()[:1] == b"<"]
    text = [d for d in data if d.lstrip()[:1] != b"<"]

    def clean_all(pages):
        for d in pages:
            try:
                clean_page(d)
            except SkipPage:
                pass

    analyse.warm()
    ms = {"clean_text": best(lambda: clean_all(text)) / n * 1000,
          "clean_html": best(lambda: clean_all(html)) / n * 1000}
    cleaned = [clean_page(d) for d in data]
    texts = [analysis_text(c)[0] for _, c in cleaned]
    t = time.process_time()
    tokens = [analyse.tokenize(x) for x in texts]
    ms["kiwi"] = (time.process_time() - t) / n * 1000

    def ents():
        for (_, c), t, tk in zip(cleaned, texts, tokens):
            entities.companies(tk, t)
            entities.people(tk, t, reporters=c.reporters)

    ms["entities"] = best(ents) / n * 1000
    ms["terms"] = best(lambda: [analyse.index_text(tk) for tk in tokens]) / n * 1000
    arts = [build_article(str(f), str(i), c, dec, analyse_cleaned(c, tk))
            for i, (f, (dec, c), tk) in enumerate(zip(files, cleaned, tokens))]

    def store():
        db = work / "stages.db"
        for p in work.glob("stages.db*"):
            p.unlink()
        archive = Archive(db)
        with archive.bulk():
            archive.begin()
            for i, art in enumerate(arts):
                archive.put(art, art.source, 1, 0.0)
                if i % 200 == 199:
                    archive.commit()
                    archive.begin()
            archive.commit()
        archive.close()

    ms["store"] = best(store) / n * 1000
    python = sum(v for k, v in ms.items() if k != "kiwi")
    print(f"{n:,} pages ({len(html):,} HTML), ms of CPU per page (averaged over all pages), one thread:")
    for k, v in ms.items():
        print(f"  {k:12} {v:6.3f}")
    print(f"  {'all but kiwi':12} {python:6.3f}  ({python / ms['kiwi']:.0%} of Kiwi's time)")
    print("stages_ms " + " ".join(f"{k} {v:.3f}" for k, v in ms.items()) + f" python {python:.3f}")


if __name__ == "__main__":
    main()
