"""Nothing lost, nothing crashes: bad input, interrupted runs, concurrent use, odd titles."""
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import SEEDS, run

BAD = Path(__file__).parent / "bad_inputs"

EXPECTED = {
    "empty.txt": "empty file",
    "whitespace-only.txt": "empty file",
    "image-saved-as.html": "binary file: a PNG image",
    "document.pdf": "binary file: a PDF document",
    "pages.zip": "binary file: a ZIP archive",
    "login-page.html": "no article found",
    "huge.txt": "file too large",
    "dangling-link.txt": "broken symbolic link",
}
STORED = {"article-cp949.txt": "cp949", "article-utf16.txt": "utf-16", "article-invalid-utf8.txt": "utf-8",
          "truncated.html": "utf-8", "badly-nested.html": "utf-8"}


@pytest.fixture
def bad_folder(tmp_path):
    folder = tmp_path / "saved"
    shutil.copytree(BAD, folder, ignore=shutil.ignore_patterns("README.md"))
    (folder / "huge.txt").write_text("가" * 40_000, encoding="utf-8")
    os.symlink(folder / "gone.txt", folder / "dangling-link.txt")
    return folder


def test_every_bad_input_gets_a_reason_and_the_batch_goes_on(bad_folder, tmp_path, kiwi):
    db = tmp_path / "a.db"
    r = run("ingest", "--jobs", "1", "--max-bytes", "100000", "--json", bad_folder, db=db)
    assert r.exit_code == 0, r.output
    out = json.loads(r.stdout)
    reasons = {Path(s["path"]).name: s["reason"] for s in out["skipped"]}
    for name, why in EXPECTED.items():
        assert why in reasons.get(name, ""), (name, reasons.get(name))
    assert out["added"] + out["duplicate"] == len(STORED)
    assert not set(reasons) & set(STORED)
    # the CP949, UTF-16 and broken-UTF-8 copies are one article with several sources
    a = json.loads(run("show", "1", "--json", db=db).stdout)
    assert "한빛전자" in a["title"]
    assert "\ufffd" not in a["body"]  # undecodable bytes are dropped, not shown as �
    assert sorted(Path(p).name for p in a["sources"]) == [
        "article-cp949.txt", "article-invalid-utf8.txt", "article-utf16.txt"]


def test_strict_exits_1_when_something_was_skipped(bad_folder, tmp_path, kiwi):
    r = run("ingest", "--jobs", "1", "--strict", bad_folder, db=tmp_path / "a.db")
    assert r.exit_code == 1
    assert "skipped" in r.stdout


def test_unreadable_file_is_skipped(tmp_path, kiwi, monkeypatch):
    from newsarc import ingest

    page = tmp_path / "locked.txt"
    shutil.copy(SEEDS / "002_abc70ba26d39ae65.txt", page)
    real_open = open

    def deny(path, *a, **k):
        if str(path) == str(page):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *a, **k)

    monkeypatch.setattr(ingest, "open", deny, raising=False)
    result = ingest.prepare((str(page), None, 10**6))
    assert result[1:] == ("skipped", "permission denied")


def test_archive_that_cannot_be_opened_exits_2(tmp_path):
    not_db = tmp_path / "notes.txt"
    not_db.write_text("not a database " * 100)
    r = run("ingest", SEEDS, db=not_db)
    assert r.exit_code == 2 and "cannot open archive" in r.output
    assert "Traceback" not in r.output
    r = run("stats", db=tmp_path)  # a folder
    assert r.exit_code == 2


def test_unknown_option_is_a_usage_error():
    assert run("ingest", "--no-such-flag", "x").exit_code == 2


def test_newer_schema_is_refused_older_is_migrated(tmp_path, seeded_db):
    db = tmp_path / "new.db"
    shutil.copy(seeded_db, db)
    with sqlite3.connect(db) as c:
        c.execute("PRAGMA user_version = 99")
    r = run("search", "네이버", db=db)
    assert r.exit_code == 2 and "newer" in r.output
    empty = tmp_path / "old.db"
    sqlite3.connect(empty).close()  # an SQLite file at schema version 0
    r = run("stats", "--json", db=empty)
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["schema_version"] >= 1


def test_same_article_from_two_files_is_one_article_with_two_sources(tmp_path, kiwi):
    folder = tmp_path / "portal"
    folder.mkdir()
    text = (SEEDS / "002_abc70ba26d39ae65.txt").read_text(encoding="utf-8")
    (folder / "a.txt").write_text(text, encoding="utf-8")
    (folder / "b.txt").write_text("메뉴 건너뛰기\n로그인\n" + text + "\n\n많이 본 뉴스\n1. 다른 기사", encoding="utf-8")
    db = tmp_path / "a.db"
    out = json.loads(run("ingest", "--jobs", "1", "--json", folder, db=db).stdout)
    assert (out["added"], out["duplicate"]) == (1, 1)
    a = json.loads(run("show", "1", "--json", db=db).stdout)
    assert sorted(Path(p).name for p in a["sources"]) == ["a.txt", "b.txt"]
    assert json.loads(run("stats", "--json", db=db).stdout)["articles"] == 1


def test_search_answers_while_an_ingest_is_writing(seeded_db, tmp_path):
    db = tmp_path / "busy.db"
    shutil.copy(seeded_db, db)
    writer = sqlite3.connect(db, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('busy', 'yes')")
    try:
        r = run("search", "--json", "네이버", db=db)
        assert r.exit_code == 0, r.output
        assert len(json.loads(r.stdout)) == 4
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def _corpus(folder: Path, n: int) -> None:
    """n distinct articles made from the seeds (a numbered closing sentence makes each unique)."""
    folder.mkdir()
    seeds = sorted(SEEDS.iterdir())
    for i in range(n):
        text = seeds[i % len(seeds)].read_text(encoding="utf-8")
        marker = "저작권자" if "저작권자" in text else None
        extra = f"\n\n시험용 문단 번호 {i}번은 이 기사를 서로 다르게 만들기 위해 붙였다.\n\n"
        if marker:
            k = text.index(marker)
            text = text[:k] + extra + text[k:]
        else:
            # insert after the first sentence-like paragraph
            k = text.index("다.\n") + 3
            text = text[:k] + extra + text[k:]
        (folder / f"page{i:03d}.txt").write_text(text, encoding="utf-8")


def _check_whole(db: Path) -> int:
    c = sqlite3.connect(db)
    assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert c.execute("PRAGMA foreign_key_check").fetchall() == []
    n = c.execute("SELECT count(*) FROM articles").fetchone()[0]
    # no partial article: every article has its source and its search row, every source its article
    assert c.execute("SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM sources "
                     "WHERE article_id IS NOT NULL)").fetchone()[0] == 0
    assert c.execute("SELECT count(*) FROM search").fetchone()[0] == n
    assert c.execute("SELECT count(*) FROM sources WHERE article_id IS NULL").fetchone()[0] == 0
    assert c.execute("SELECT count(*) FROM mentions WHERE article_id NOT IN (SELECT id FROM articles)"
                     ).fetchone()[0] == 0
    c.close()
    return n


def test_kill_9_during_ingest_leaves_a_whole_archive_and_a_rerun_completes_it(tmp_path):
    folder = tmp_path / "corpus"
    _corpus(folder, 30)
    db = tmp_path / "k.db"
    cmd = [sys.executable, "-m", "newsarc", "--db", str(db), "ingest", "--jobs", "2", str(folder)]
    for delay in (0.5, 3.0, 4.5):
        p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        time.sleep(delay)
        os.killpg(p.pid, signal.SIGKILL)
        p.wait()
        if db.exists():
            _check_whole(db)
    r = subprocess.run(cmd, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert _check_whole(db) == 30
    again = subprocess.run(cmd, capture_output=True, text=True)
    assert "unchanged 30" in again.stdout
    assert _check_whole(db) == 30


def _store_titled(db: Path, title: str) -> int:
    from newsarc.models import Article
    from newsarc.store import Archive

    a = Archive(db)
    art = Article(source="x.txt", sha256="0" * 64, format="text", encoding="utf-8", title=title,
                  subtitle=(), published="2024-01-02T03:04:05+09:00", updated=None, reporters=(),
                  outlet=None, url=None, body="본문입니다. " * 20, fingerprint=title)
    a.begin()
    a.put(art, f"{len(title)}-{hash(title)}.txt", 1, 1.0)
    a.commit()
    aid = a.conn.execute("SELECT max(id) FROM articles").fetchone()[0]
    a.close()
    return aid


@pytest.mark.parametrize("title", [
    "../../../etc/passwd", "/absolute/path title", "..", "제목\x00\x07\x1b[31m 제어문자",
    "아주 긴 제목 " * 60, "CON", "a/b\\c:d*e?f\"g<h>i|j", "   ", "",
])
def test_export_never_writes_outside_the_folder(tmp_path, title):
    db = tmp_path / "x.db"
    aid = _store_titled(db, title)
    out = tmp_path / "out"
    out.mkdir()
    r = run("export", str(aid), "-o", out, db=db)
    assert r.exit_code == 0, r.output
    written = [p for p in tmp_path.rglob("*.md")]
    assert len(written) == 1
    assert written[0].parent == out
    assert len(written[0].name.encode("utf-8")) <= 255
    assert not any(ord(ch) < 32 for ch in written[0].name)


def _article(n: int, count: int | None = 1):
    from newsarc.models import Article, Company

    return Article(source=f"{n}.txt", sha256=f"{n:064x}", format="text", encoding="utf-8",
                   title=f"제목{n}", subtitle=(), published=None, updated=None, reporters=(), outlet=None,
                   url=None, body=f"본문 {n}번 기사입니다. " * 10, companies=(Company("네이버", count, ("네이버",)),),
                   title_terms=f"제목{n}", body_terms=f"본문 기사{n}", fingerprint=f"fp{n}")


def _indexed(db: Path) -> list[int]:
    c = sqlite3.connect(db)
    c.execute("INSERT INTO search(search) VALUES ('integrity-check')")  # raises when index and rows disagree
    rows = [r[0] for r in c.execute("SELECT rowid FROM search ORDER BY rowid")]
    assert rows == [r[0] for r in c.execute("SELECT id FROM articles ORDER BY id")]
    c.close()
    return rows


def test_search_index_holds_exactly_the_stored_articles(tmp_path):
    """put() holds its index rows back until commit: a failed put leaves none behind, a put
    outside a transaction is searchable at once, a rolled-back batch leaves nothing."""
    from newsarc.store import Archive

    db = tmp_path / "s.db"
    a = Archive(db)
    a.put(_article(1), "1.txt", 1, 1.0)  # no transaction: committed with its index row
    assert _indexed(db) == [1]
    a.begin()
    a.put(_article(2), "2.txt", 1, 1.0)
    with pytest.raises(sqlite3.IntegrityError):  # fails after its index row was queued
        a.put(_article(3, count=None), "3.txt", 1, 1.0)
    a.put(_article(4), "4.txt", 1, 1.0)
    a.commit()
    assert _indexed(db) == [1, 2, 3]  # article 4 took the id the failed put gave back
    a.begin()
    a.put(_article(5), "5.txt", 1, 1.0)
    a.rollback()
    a.put(_article(6), "6.txt", 1, 1.0)
    assert _indexed(db) == [1, 2, 3, 4]
    assert a.conn.execute("SELECT title FROM articles WHERE id = 4").fetchone()[0] == "제목6"
    a.close()
