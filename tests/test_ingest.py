"""Parallel ingest gives the same archive as serial ingest; unchanged re-runs touch nothing."""
import json
import os
import sqlite3
from pathlib import Path

import pytest
from conftest import SEEDS, run

BAD = SEEDS.parent / "tests" / "bad_inputs"


def _content(db):
    c = sqlite3.connect(db)
    out = {
        "articles": c.execute("SELECT id, fingerprint, title, subtitle, published, updated, reporters, outlet, "
                              "url, body FROM articles ORDER BY id").fetchall(),
        "sources": c.execute("SELECT path, article_id, sha256 FROM sources ORDER BY path").fetchall(),
        "entities": c.execute("SELECT id, type, name, kind, aliases FROM entities ORDER BY id").fetchall(),
        "mentions": c.execute("SELECT * FROM mentions ORDER BY article_id, entity_id").fetchall(),
        "search": c.execute("SELECT rowid, title, body FROM search ORDER BY rowid").fetchall(),
    }
    c.close()
    return out


def test_jobs_2_builds_exactly_the_archive_jobs_1_builds(tmp_path, kiwi):
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    r1 = run("ingest", "--jobs", "1", "--json", SEEDS, BAD, db=one)
    r2 = run("ingest", "--jobs", "2", "--json", SEEDS, BAD, db=two)
    assert r1.exit_code == r2.exit_code == 0
    assert json.loads(r1.stdout) == json.loads(r2.stdout)
    assert _content(one) == _content(two)


def test_pages_handled_in_batches_are_stored_in_file_order(tmp_path, kiwi, monkeypatch):
    from newsarc import ingest

    whole = tmp_path / "whole.db"
    r1 = run("ingest", "--jobs", "1", "--json", SEEDS, BAD, db=whole)
    for batch in (1, 2, 3):
        monkeypatch.setattr(ingest, "BATCH", batch)
        db = tmp_path / f"batch{batch}.db"
        r2 = run("ingest", "--jobs", "2", "--json", SEEDS, BAD, db=db)
        assert json.loads(r1.stdout) == json.loads(r2.stdout)
        assert _content(whole) == _content(db)


def test_unchanged_rerun_reports_every_file_unchanged(tmp_path, kiwi):
    db = tmp_path / "a.db"
    run("ingest", "--jobs", "2", SEEDS, db=db)
    r = run("ingest", "--jobs", "2", "--json", SEEDS, db=db)
    out = json.loads(r.stdout)
    assert out == {"added": 0, "updated": 0, "unchanged": 5, "duplicate": 0, "skipped": []}


def test_touched_but_identical_file_stays_unchanged(tmp_path, kiwi):
    import os
    import shutil

    folder = tmp_path / "p"
    shutil.copytree(SEEDS, folder)
    db = tmp_path / "a.db"
    run("ingest", "--jobs", "1", folder, db=db)
    f = next(folder.iterdir())
    os.utime(f, (1, 1))  # new mtime, same bytes: hashed, not re-analysed
    out = json.loads(run("ingest", "--jobs", "1", "--json", folder, db=db).stdout)
    assert out["unchanged"] == 5 and out["updated"] == 0


def test_same_file_from_another_working_folder_is_the_same_source(tmp_path, kiwi, monkeypatch):
    db = tmp_path / "a.db"
    monkeypatch.chdir(SEEDS.parent)
    run("ingest", "--jobs", "1", "seeds", db=db)
    monkeypatch.chdir(SEEDS)
    out = json.loads(run("ingest", "--jobs", "1", "--json", ".", db=db).stdout)
    assert out["unchanged"] == 5 and out["duplicate"] == 0
    a = json.loads(run("show", "1", "--json", db=db).stdout)
    assert len(a["sources"]) == 1 and a["source"].startswith("/")


def test_an_article_left_without_files_goes_with_its_mentions(tmp_path, kiwi):
    seeds = sorted(SEEDS.iterdir())
    folder = tmp_path / "f"
    folder.mkdir()
    (folder / "a.txt").write_bytes(seeds[0].read_bytes())
    (folder / "b.txt").write_bytes(seeds[1].read_bytes())
    db = tmp_path / "a.db"
    run("ingest", "--jobs", "1", folder, db=db)
    c = sqlite3.connect(db)
    old = c.execute("SELECT a.id FROM articles a JOIN sources s ON s.article_id = a.id "
                    "WHERE s.path LIKE '%a.txt'").fetchone()[0]
    assert c.execute("SELECT count(*) FROM mentions WHERE article_id = ?", (old,)).fetchone()[0] > 0
    (folder / "a.txt").write_bytes(seeds[1].read_bytes())  # a.txt now holds b's article
    out = json.loads(run("ingest", "--jobs", "1", "--json", folder, db=db).stdout)
    assert out["updated"] == 1
    assert c.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    assert c.execute("SELECT count(*) FROM mentions WHERE article_id = ?", (old,)).fetchone()[0] == 0
    assert c.execute("PRAGMA foreign_key_check").fetchall() == []
    c.close()


def _portal_copies(folder):
    """a.txt and c.txt: two articles; b.txt: a.txt's article inside more portal chrome."""
    seeds = sorted(SEEDS.iterdir())
    folder.mkdir()
    text = seeds[1].read_text(encoding="utf-8")
    (folder / "a.txt").write_text(text, encoding="utf-8")
    (folder / "b.txt").write_text("메뉴 건너뛰기\n로그인\n" + text + "\n\n많이 본 뉴스\n1. 다른 기사", encoding="utf-8")
    (folder / "c.txt").write_bytes(seeds[2].read_bytes())


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_copy_of_a_stored_article_is_not_analysed_again(tmp_path, kiwi, monkeypatch, jobs):
    from newsarc import entities

    calls = []
    real = entities.companies
    monkeypatch.setattr(entities, "companies", lambda *a, **k: calls.append(1) or real(*a, **k))
    folder = tmp_path / "portal"
    _portal_copies(folder)
    db = tmp_path / "a.db"
    out = json.loads(run("ingest", "--jobs", jobs, "--json", folder, db=db).stdout)
    assert (out["added"], out["duplicate"]) == (2, 1)
    assert len(calls) == 2  # a.txt and c.txt; b.txt is a's article
    c = (folder / "c.txt").read_text(encoding="utf-8")
    (folder / "d.txt").write_text(c + "\n\n댓글 0", encoding="utf-8")  # c's article, one more line of chrome
    out = json.loads(run("ingest", "--jobs", jobs, "--json", folder, db=db).stdout)
    assert (out["duplicate"], out["unchanged"], len(calls)) == (1, 3, 2)
    a = json.loads(run("show", "1", "--json", db=db).stdout)
    assert sorted(Path(p).name for p in a["sources"]) == ["a.txt", "b.txt"] and a["companies"]


def test_a_copy_whose_original_failed_to_store_is_analysed_and_stored(tmp_path, kiwi, monkeypatch):
    from newsarc.store import Archive

    folder = tmp_path / "portal"
    _portal_copies(folder)
    whole = tmp_path / "whole.db"
    run("ingest", "--jobs", "2", folder / "b.txt", db=whole)
    real = Archive.put

    def put(self, art, path, *a):
        if path.endswith("a.txt"):
            raise sqlite3.IntegrityError("disk says no")
        return real(self, art, path, *a)

    monkeypatch.setattr(Archive, "put", put)
    db = tmp_path / "a.db"
    out = json.loads(run("ingest", "--jobs", "2", "--json", folder, db=db).stdout)
    assert (out["added"], out["duplicate"], len(out["skipped"])) == (2, 0, 1)
    b = json.loads(run("show", "1", "--json", db=db).stdout)
    assert Path(b["source"]).name == "b.txt"
    expected = json.loads(run("show", "1", "--json", db=whole).stdout)
    assert (b["companies"], b["people"]) == (expected["companies"], expected["people"]) != ([], [])


@pytest.mark.skipif(not hasattr(os, "SCHED_BATCH"), reason="scheduling policies are Linux's")
def test_ingest_runs_as_a_batch_job_and_gives_the_caller_its_scheduling_back(tmp_path, kiwi):
    from newsarc.ingest import ingest
    from newsarc.store import Archive

    policies = []
    before = os.sched_getscheduler(0)
    archive = Archive(tmp_path / "a.db")
    summary = ingest(archive, [SEEDS], jobs=2, on_result=lambda r: policies.append(os.sched_getscheduler(0)))
    archive.close()
    assert summary.count("added") == 5
    assert set(policies) == {os.SCHED_BATCH}
    assert os.sched_getscheduler(0) == before
