"""Every subcommand, as a user runs it, over a real archive of the seeds."""
import json
import shutil

import yaml

from conftest import SEEDS, run
from newsarc.cli import cli


def test_version_and_help_on_every_command():
    r = run("--version")
    assert r.exit_code == 0 and "newsarc" in r.output
    for name, cmd in cli.commands.items():
        r = run(name, "--help")
        assert r.exit_code == 0, name
        assert "Example" in r.output, f"{name} --help has no example"


def test_ingest_reports_summary_and_is_idempotent(tmp_path, kiwi):
    db = tmp_path / "a.db"
    r = run("ingest", "--jobs", "1", SEEDS, db=db)
    assert r.exit_code == 0, r.output
    assert "added 5" in r.stdout
    before = run("stats", "--json", db=db)
    r = run("ingest", "--jobs", "1", SEEDS, db=db)
    assert "added 0" in r.stdout and "unchanged 5" in r.stdout
    after = run("stats", "--json", db=db)
    b, a = json.loads(before.stdout), json.loads(after.stdout)
    assert a["articles"] == b["articles"] == 5
    assert a["companies"] == b["companies"]


def test_changed_file_updates_its_article(tmp_path, kiwi):
    folder = tmp_path / "pages"
    shutil.copytree(SEEDS, folder)
    db = tmp_path / "a.db"
    run("ingest", "--jobs", "1", folder, db=db)
    page = folder / "002_abc70ba26d39ae65.txt"
    hits = json.loads(run("search", "--json", "마이스마트스토어", db=db).stdout)
    assert len(hits) == 1
    old_id = hits[0]["id"]
    text = page.read_text(encoding="utf-8").replace("마이스마트스토어", "마이스마트몰")
    page.write_text(text, encoding="utf-8")
    r = run("ingest", "--jobs", "1", folder, db=db, )
    assert "updated 1" in r.stdout and "unchanged 4" in r.stdout
    assert json.loads(run("search", "--json", "마이스마트스토어", db=db).stdout) == []
    hits = json.loads(run("search", "--json", "마이스마트몰", db=db).stdout)
    assert [h["id"] for h in hits] == [old_id]
    assert json.loads(run("stats", "--json", db=db).stdout)["articles"] == 5


def test_extract_json_shape(kiwi):
    r = run("extract", "--json", SEEDS / "002_abc70ba26d39ae65.txt")
    assert r.exit_code == 0, r.output
    a = json.loads(r.stdout)
    assert set(a) >= {"source", "sha256", "format", "encoding", "title", "subtitle", "published", "updated",
                      "reporters", "outlet", "url", "body", "companies", "people"}
    assert a["format"] == "text" and a["encoding"] == "utf-8"
    assert a["published"] == "2024-05-21T14:42:00+09:00"
    assert a["updated"] == "2024-05-21T18:15:00+09:00"
    assert a["reporters"] == ["임윤희"]
    assert "\n\n" in a["body"]
    assert all({"name", "count", "aliases"} <= set(c) for c in a["companies"])


def test_search_json_hits(seeded_db):
    r = run("search", "--json", "네이버가", db=seeded_db)
    assert r.exit_code == 0, r.output
    hits = json.loads(r.stdout)
    assert hits and all(set(h) == {"id", "title", "published", "outlet", "source", "snippet", "score"}
                        for h in hits)
    assert all("«" in h["snippet"] for h in hits)
    scores = [h["score"] for h in hits]
    assert scores == sorted(scores, reverse=True)


def test_search_table_on_terminal_output(seeded_db):
    r = run("search", "쿠팡", db=seeded_db)
    assert r.exit_code == 0
    assert "빅테크" in r.stdout


def test_search_company_by_alias(seeded_db):
    by_name = json.loads(run("search", "--json", "--company", "SK텔레콤", db=seeded_db).stdout)
    assert by_name
    for alias in ("SKT", "sk텔레콤", "SK 텔레콤"):
        hits = json.loads(run("search", "--json", "--company", alias, db=seeded_db).stdout)
        assert [h["id"] for h in hits] == [h["id"] for h in by_name], alias


def test_show_and_missing_id(seeded_db):
    r = run("show", "1", "--json", db=seeded_db)
    a = json.loads(r.stdout)
    assert a["id"] == 1 and a["body"]
    r = run("show", "999", db=seeded_db)
    assert r.exit_code != 0 and "no article with id 999" in r.output
    assert "Traceback" not in r.output


def test_export_front_matter_round_trips(seeded_db, tmp_path):
    for aid in range(1, 6):
        a = json.loads(run("show", str(aid), "--json", db=seeded_db).stdout)
        md = run("export", str(aid), db=seeded_db).stdout
        assert md.startswith("---\n")
        front = yaml.safe_load(md.split("---\n")[1])
        assert front["title"] == a["title"]
        assert front["published"] == a["published"]
        assert f"# {a['title']}" in md
    out = run("export", "1", "-o", tmp_path, db=seeded_db)
    assert out.exit_code == 0, out.output
    files = list(tmp_path.glob("*.md"))
    assert len(files) == 1 and files[0].name.startswith("2019-11-19-")


def test_companies_people_stats(seeded_db):
    cos = json.loads(run("companies", "--json", "--limit", "3", db=seeded_db).stdout)
    assert len(cos) == 3 and cos[0]["articles"] >= cos[-1]["articles"]
    people = json.loads(run("people", "--json", db=seeded_db).stdout)
    names = {p["name"] for p in people}
    assert "박정호" in names
    assert not names & {"박혜린", "임윤희", "송인화", "이경원"}  # reporters are not people
    s = json.loads(run("stats", "--json", db=seeded_db).stdout)
    assert s["articles"] == 5 and s["sources"] == 5
    assert s["first_published"].startswith("2019-11-19")
    r = run("stats", db=seeded_db)
    assert "articles" in r.stdout


def test_entities_sentence_mode(kiwi):
    text = "최수연 네이버 대표는 이날 기자간담회에서 말했다.\n현대자동차와 기아가 신차를 공개했다.\n"
    r = run("entities", "--lines", "--json", "-", input=text)
    assert r.exit_code == 0, r.output
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert len(rows) == 2
    assert "네이버" in {c["name"] for c in rows[0]["companies"]}


def test_missing_archive_is_a_clear_error(tmp_path):
    r = run("search", "네이버", db=tmp_path / "none.db")
    assert r.exit_code == 2
    assert "no archive" in r.output and "Traceback" not in r.output


def test_db_from_environment(tmp_path, monkeypatch, kiwi):
    db = tmp_path / "env.db"
    monkeypatch.setenv("NEWSARC_DB", str(db))
    r = run("ingest", "--jobs", "1", SEEDS / "004_8a92011dd1781423.txt")
    assert r.exit_code == 0
    assert db.exists()


def test_reindex_rebuilds_the_same_index_and_runs_when_the_dictionary_changes(seeded_db, tmp_path):
    import shutil
    import sqlite3

    db = tmp_path / "r.db"
    shutil.copy(seeded_db, db)
    before = json.loads(run("search", "--json", "--company", "SKT", db=db).stdout)
    r = run("reindex", db=db)
    assert r.exit_code == 0 and "reindexed 5 articles" in r.stdout
    assert json.loads(run("search", "--json", "--company", "SKT", db=db).stdout) == before
    with sqlite3.connect(db) as c:  # as if the archive had been built with another dictionary
        c.execute("UPDATE meta SET value = 'old' WHERE key = 'dictionary'")
        c.execute("DELETE FROM search")
    r = run("ingest", "--jobs", "1", SEEDS, db=db)
    assert "unchanged 5" in r.stdout
    assert json.loads(run("stats", "--json", db=db).stdout)["dictionary"] != "old"
    assert len(json.loads(run("search", "--json", "네이버", db=db).stdout)) == 4


def test_export_to_a_new_folder_named_with_a_trailing_slash(seeded_db, tmp_path):
    r = run("export", "2", "-o", f"{tmp_path}/notes/", db=seeded_db)
    assert r.exit_code == 0, r.output
    files = list((tmp_path / "notes").glob("*.md"))
    assert len(files) == 1 and files[0].name.startswith("2024-05-23-")
    r = run("export", "2", "-o", tmp_path / "one.md", db=seeded_db)
    assert (tmp_path / "one.md").read_text(encoding="utf-8").startswith("---\n")
