#!/usr/bin/env python3
"""Ingest speed against the analyser: Kiwi alone vs `newsarc ingest`, jobs 1 vs N, re-run, memory.

Usage: python bench/ingest.py [--pages 20000] [--jobs 2] [--dir DIR]

Generates a corpus of N pages (text dumps with chrome, one in ten saved HTML) from the seeds'
paragraphs with varied titles, dates, outlets and company mentions, then measures in one run:
  (a) Kiwi alone tokenizing the same cleaned bodies with the same number of cores (measured
      before and after (b), and averaged: the machine's speed drifts),
  (b) `newsarc ingest --jobs N` of the corpus into a fresh archive (and --jobs 1 on a sample),
  (c) a second `newsarc ingest` of the unchanged corpus.
Peak RSS is the ingest process's peak resident memory, as the kernel records it (ru_maxrss).
The last line is machine-readable:
  ingest_vs_kiwi R jobs2_vs_jobs1 R peak_rss_mib N rerun_s S pages_per_s N
"""
from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

CHROME_HEAD = ["메뉴 건너뛰기", "로그인 회원가입", "전체메뉴", "• 서울\n    11℃\n    미세먼지 좋음",
               "최종편집 2024-04-24 18:21 (수) 기사제보 구독신청", "검색"]
CHROME_TAIL = ["저작권자 ⓒ {outlet} 무단전재 및 재배포 금지", "이 기사를 공유합니다", "댓글 0",
               "관련기사\n{t1}\n{t2}", "많이 본 뉴스\n1. {t1}\n2. {t2}\n3. {t3}",
               "이 기사의 댓글 2개\n좋은 기사네요.. 잘 봤습니다\n(110.1.2.3) 2024-05-01 10:00:00"]


def make_corpus(folder: Path, n: int, seed: int = 11) -> None:
    from newsarc.dictionary import load
    from newsarc.pipeline import clean_page

    rng = random.Random(seed)
    paras, titles = [], []
    for f in sorted((ROOT / "seeds").iterdir()):
        _, c = clean_page(f.read_bytes())
        paras += [p for p in c.paragraphs if len(p) > 60]
        titles.append(c.title)
    d = load()
    cos = [c.name for c in d.company_list if c.kind in ("company", "foreign")]
    outlets = sorted(set(d.outlets_by_domain.values()))
    names = ["김민수", "이지은", "박서준", "최유진", "정하늘", "강도윤"]
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        outlet, rep = rng.choice(outlets), rng.choice(names)
        title = f"{rng.choice(titles)} {rng.choice(cos)} {i}"
        body = rng.sample(paras, rng.randint(4, 8))
        body[0] = f"[{outlet}={rep} 기자] " + body[0]
        body.insert(2, f"{rng.choice(cos)} 관계자는 \"{rng.choice(cos)}와 협력을 검토하고 있다\"고 말했다.")
        y, m, dd = rng.randint(2016, 2025), rng.randint(1, 12), rng.randint(1, 28)
        date = f"{y}.{m:02d}.{dd:02d} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}"
        t = [rng.choice(titles) for _ in range(3)]
        fill = dict(outlet=outlet, t1=t[0], t2=t[1], t3=t[2])
        if i % 10 == 9:
            page = ("<!doctype html><html><head><meta charset='utf-8'>"
                    f"<title>{title} - {outlet}</title><meta property='og:title' content='{title}'>"
                    f"<meta property='og:site_name' content='{outlet}'></head><body><nav>메뉴 로그인</nav>"
                    f"<h1>{title}</h1><div class='byline'>{rep} 기자 | 입력 {date}</div><article>"
                    + "".join(f"<p>{p}</p>" for p in body)
                    + f"</article><aside>관련기사<ul><li>{t[0]}</li><li>{t[1]}</li></ul></aside>"
                    f"<footer>Copyright ⓒ {outlet}. All rights reserved.</footer></body></html>")
            (folder / f"p{i:06d}.html").write_text(page, encoding="utf-8")
        else:
            lines = rng.sample(CHROME_HEAD, 3) + [title, f"{rep} 기자", f"승인 {date}", ""] + \
                [p + "\n" for p in body] + [x.format(**fill) for x in rng.sample(CHROME_TAIL, 3)]
            (folder / f"p{i:06d}.txt").write_text("\n".join(lines), encoding="utf-8")


def kiwi_alone(folder: Path, jobs: int) -> tuple[float, int, int]:
    """Return (seconds, pages, chars) for Kiwi tokenizing the cleaned bodies with `jobs` threads."""
    code = f"""
import sys, time, pathlib
sys.path.insert(0, {str(ROOT / 'src')!r})
from newsarc.pipeline import clean_page
texts = []
for f in sorted(pathlib.Path({str(folder)!r}).iterdir()):
    _, c = clean_page(f.read_bytes())
    texts.append("\\n".join([c.title or "", *c.subtitle]) + "\\n\\n" + c.body)
from newsarc import analyse
analyse.configure({jobs})
k = analyse.kiwi()
k.tokenize("워밍업 문장입니다.")
t = time.perf_counter()
if {jobs} == 1:
    for x in texts: k.tokenize(x)
else:
    for _ in k.tokenize(iter(texts)): pass
print(time.perf_counter() - t, len(texts), sum(map(len, texts)))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    return float(out[0]), int(out[1]), int(out[2])


def run_ingest(folder: Path, db: Path, jobs: int) -> tuple[float, float]:
    """Return (seconds, peak RSS MiB) of one `newsarc ingest`.

    The peak is the kernel's own record for the process (wait4's ru_maxrss): exact, and free.
    (Sampling /proc/PID/smaps_rollup every 50 ms, as this bench did before, costs ~4 ms of CPU
    per read at this size: a few per cent of the two cores the ingest is measured on.)
    Kiwi analyses on threads, so the ingest is one process and its RSS is its whole memory."""
    t = time.perf_counter()
    p = subprocess.Popen(["newsarc", "--db", str(db), "ingest", "--jobs", str(jobs), str(folder)],
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = p.stderr.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - t
    if p.returncode != 0:
        raise SystemExit(f"ingest failed: {err[-500:]}")
    return seconds, usage.ru_maxrss / 1024  # KiB on Linux


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=20_000)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--sample", type=int, default=0, help="pages for the --jobs 1 run (default pages/4)")
    ap.add_argument("--dir", help="where to put the corpus and archives (default: a temp folder)")
    a = ap.parse_args()
    work = Path(a.dir or tempfile.mkdtemp(prefix="newsarc-bench-"))
    corpus = work / "corpus"
    if not corpus.exists() or len(list(corpus.iterdir())) != a.pages:
        t = time.perf_counter()
        make_corpus(corpus, a.pages)
        print(f"corpus: {a.pages:,} pages in {time.perf_counter() - t:.0f} s at {corpus}", file=sys.stderr)
    # (a) is measured before and after (b): this machine's speed drifts by several per cent over
    # minutes, and the ratio should not depend on which moment each side happened to get
    ks1, kpages, kchars = kiwi_alone(corpus, a.jobs)
    db = work / "bench.db"
    for p in work.glob("bench.db*"):
        p.unlink()
    s, rss = run_ingest(corpus, db, a.jobs)
    ks2, _, _ = kiwi_alone(corpus, a.jobs)
    s2, _ = run_ingest(corpus, db, a.jobs)
    n1 = a.sample or max(1, a.pages // 4)
    sample = work / "sample"
    if not sample.exists():
        sample.mkdir()
        for f in sorted(corpus.iterdir())[:n1]:
            (sample / f.name).write_bytes(f.read_bytes())
    rates = {}
    for j in sorted({1, a.jobs}):
        for p in work.glob("sample.db*"):
            p.unlink()
        sj, _ = run_ingest(sample, work / "sample.db", j)
        rates[j] = n1 / sj
    ks = (ks1 + ks2) / 2
    kiwi_rate, ingest_rate = kpages / ks, a.pages / s
    print(f"(a) before (b): {kpages / ks1:.1f} pages/s, after: {kpages / ks2:.1f} pages/s; the mean is used")
    print(f"{'measure':38} {'pages/s':>9} {'chars/s':>11}")
    print(f"{'(a) Kiwi alone, ' + str(a.jobs) + ' cores':38} {kiwi_rate:9.1f} {kchars / ks:11,.0f}")
    print(f"{'(b) newsarc ingest --jobs ' + str(a.jobs):38} {ingest_rate:9.1f} {kchars / s:11,.0f}")
    for j, r in rates.items():
        print(f"{'    sample of ' + str(n1) + ', --jobs ' + str(j):38} {r:9.1f}")
    print(f"(b)/(a) throughput {ingest_rate / kiwi_rate:.2f}; jobs {a.jobs} vs 1: {rates[a.jobs] / rates[1]:.2f}x; "
          f"peak RSS {rss:.0f} MiB; (c) unchanged re-run {s2:.1f} s")
    print(f"ingest_vs_kiwi {ingest_rate / kiwi_rate:.2f} jobs2_vs_jobs1 {rates[a.jobs] / rates[1]:.2f} "
          f"peak_rss_mib {rss:.0f} rerun_s {s2:.1f} pages_per_s {ingest_rate:.1f}")


if __name__ == "__main__":
    main()
