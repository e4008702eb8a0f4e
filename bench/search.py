#!/usr/bin/env python3
"""Search speed at scale: build an archive of N synthetic articles, time `newsarc search` as a process.

Usage: python bench/search.py [--articles 100000] [--runs 7] [--db PATH] [--reuse]

Articles are made from the seeds' paragraphs (analysed once with Kiwi) with varied titles, dates,
outlets and company mentions taken from the dictionary, and written through the archive's own
write path. Each query kind runs as a whole `newsarc` process; the median wall time is reported.
The last line is machine-readable:
  search_median_ms word W two T phrase P company C filter F bytes_per_article B
"""
from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def build(db: Path, n: int, seed: int = 7) -> None:
    from newsarc import analyse
    from newsarc.dictionary import load
    from newsarc.models import Article, Company
    from newsarc.pipeline import clean_page, fingerprint
    from newsarc.store import Archive

    rng = random.Random(seed)
    paras, titles = [], []
    for f in sorted((ROOT / "seeds").iterdir()):
        _, cleaned = clean_page(f.read_bytes())
        titles.append(cleaned.title or "")
        for p in cleaned.paragraphs:
            paras.append((p, analyse.index_text(analyse.tokenize(p))))
    d = load()
    companies = [c for c in d.company_list if c.kind in ("company", "group", "foreign")] or []
    outlets = sorted(set(d.outlets_by_domain.values())) or ["연합뉴스"]
    words = ["급등", "하락", "실적", "발표", "전망", "협력", "투자", "규제", "인수", "합병", "출시", "공개"]
    mention_terms = {}
    archive = Archive(db)
    archive.begin()
    t0 = time.monotonic()
    for i in range(n):
        k = rng.randint(4, 9)
        chosen = rng.sample(paras, k)
        co = rng.sample(companies, 3) if len(companies) >= 3 else []
        extra = [f"{c.name} 관계자는 {rng.choice(words)} 계획을 밝혔다." for c in co]
        for e in extra:
            if e not in mention_terms:
                mention_terms[e] = analyse.index_text(analyse.tokenize(e))
        body = "\n\n".join([p for p, _ in chosen] + extra) + f"\n\n(기사번호 {i})"
        body_terms = " ".join([t for _, t in chosen] + [mention_terms[e] for e in extra] + ["기사번호", str(i)])
        title = f"{rng.choice(titles)} {rng.choice(words)} {i}"
        title_terms = analyse.index_text(analyse.tokenize(title)) if i < 200 else (
            f"{rng.choice(words)} {i} " + " ".join(t for _, t in chosen[:1])[:200])
        y, m, dd = rng.randint(2015, 2025), rng.randint(1, 12), rng.randint(1, 28)
        pub = f"{y:04d}-{m:02d}-{dd:02d}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00+09:00"
        art = Article(
            source=f"synthetic/{i:06d}.txt", sha256=f"{i:064x}", format="text", encoding="utf-8",
            title=title, subtitle=(), published=pub, updated=None, reporters=("홍길동",),
            outlet=rng.choice(outlets), url=None, body=body,
            companies=tuple(Company(c.name, rng.randint(1, 5), (c.name,), c.kind) for c in co),
            people=(), title_terms=title_terms, body_terms=body_terms, fingerprint=fingerprint(body),
        )
        archive.put(art, art.source, len(body), 0.0)
        if (i + 1) % 5000 == 0:
            archive.commit()
            archive.begin()
            print(f"  built {i + 1:,} articles ({time.monotonic() - t0:.0f} s)", file=sys.stderr)
    archive.set_meta("kiwi_version", analyse.kiwi_version())
    from newsarc.dictionary import digest

    archive.set_meta("dictionary", digest())
    archive.commit()
    archive.conn.execute("INSERT INTO search(search) VALUES ('optimize')")
    archive.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    archive.close()


def time_cmd(args: list[str], runs: int) -> tuple[float, int]:
    times, n = [], 0
    for _ in range(runs):
        t = time.perf_counter()
        p = subprocess.run(args, capture_output=True, text=True)
        times.append((time.perf_counter() - t) * 1000)
        if p.returncode != 0:
            raise SystemExit(f"failed: {' '.join(args)}\n{p.stderr}")
        n = p.stdout.count('"id"')
    return statistics.median(times), n


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--db")
    ap.add_argument("--reuse", action="store_true", help="time an archive built earlier at --db")
    a = ap.parse_args()
    db = Path(a.db) if a.db else Path(tempfile.mkdtemp()) / "bench.db"
    if not a.reuse:
        if db.exists():
            db.unlink()
        t = time.monotonic()
        build(db, a.articles)
        print(f"built {a.articles:,} articles in {time.monotonic() - t:.0f} s", file=sys.stderr)
    size = db.stat().st_size
    base = ["newsarc", "--db", str(db), "search", "--json"]
    kinds = [
        ("word", base + ["네이버가"]),
        ("two", base + ["소프트뱅크 지분"]),
        ("phrase", base + ['"인공지능 스피커"']),
        ("company", base + ["--company", "SKT"]),
        ("filter", base + ["카카오", "--since", "2020-01-01", "--until", "2020-12-31"]),
    ]
    res = {}
    print(f"{'query':10} {'median ms':>10} {'hits':>5}  command")
    for name, args in kinds:
        ms, hits = time_cmd(args, a.runs)
        res[name] = ms
        print(f"{name:10} {ms:10.0f} {hits:5}  {' '.join(args[3:])}")
    env_kiwi = time_cmd(["python", "-c", "pass"], 3)[0]
    print(f"python startup alone: {env_kiwi:.0f} ms; archive {size / 1e6:.1f} MB, {size / a.articles:,.0f} bytes/article")
    print(f"search_median_ms word {res['word']:.0f} two {res['two']:.0f} phrase {res['phrase']:.0f} "
          f"company {res['company']:.0f} filter {res['filter']:.0f} bytes_per_article {size / a.articles:.0f}")


if __name__ == "__main__":
    main()
