"""Korean search as a reader means it: particles, short words, phrases, OR, exclusion, filters."""
import json
from pathlib import Path

import pytest

from conftest import run


def ids(db, *args):
    r = run("search", "--json", *args, db=db)
    assert r.exit_code == 0, r.output
    return {Path(h["source"]).name[:3] for h in json.loads(r.stdout)}


@pytest.mark.parametrize("q", ["네이버", "네이버가", "네이버는", "네이버의", "네이버와"])
def test_particles_do_not_matter(seeded_db, q):
    assert ids(seeded_db, q) == {"000", "001", "002", "003"}


def test_two_syllable_company_is_not_found_inside_longer_words(seeded_db):
    # 라인 (the company) must not match 온라인 / 오프라인, which only seed 003 has
    assert ids(seeded_db, "라인") == {"000", "001", "002"}
    assert "003" in ids(seeded_db, "온라인")


def test_two_syllable_words(seeded_db):
    assert ids(seeded_db, "쿠팡") == {"003"}
    assert ids(seeded_db, "지분") >= {"001", "002"}


def test_phrase_matches_in_order(seeded_db):
    assert ids(seeded_db, '"인공지능 스피커"') == {"004"}
    assert ids(seeded_db, '"스피커 인공지능"') == set()


def test_compound_written_without_space(seeded_db):
    assert ids(seeded_db, "물류센터") == {"003"}


def test_or_and_exclusion(seeded_db):
    assert ids(seeded_db, "쿠팡 OR 엔비디아") == {"001", "003"}
    assert ids(seeded_db, "카카오 -쿠팡") == {"004"}
    assert ids(seeded_db, "네이버 소프트뱅크") == {"000", "001", "002"}


def test_chrome_is_not_searchable(seeded_db):
    for q in ("미세먼지", "레드벨벳", "엑스박스", "댓글쓰기"):
        assert ids(seeded_db, q) == set(), q


@pytest.mark.parametrize("name", ["네이버", "NAVER", "Naver", "naver"])
def test_company_by_any_alias(seeded_db, name):
    assert ids(seeded_db, "--company", name) == {"000", "001", "002", "003"}


def test_company_ranked_by_mentions(seeded_db):
    hits = json.loads(run("search", "--json", "--company", "삼성전자", db=seeded_db).stdout)
    assert [Path(h["source"]).name[:3] for h in hits] == ["004", "003"]


def test_person_filter(seeded_db):
    assert ids(seeded_db, "--person", "손정의") == {"000", "001"}
    assert ids(seeded_db, "--person", "없는사람") == set()


def test_outlet_and_date_filters_combine_with_a_query(seeded_db):
    assert ids(seeded_db, "네이버", "--outlet", "뷰어스") == {"003"}
    assert ids(seeded_db, "네이버", "--since", "2021-01-01") == {"001", "002", "003"}
    assert ids(seeded_db, "네이버", "--until", "2021-06-30") == {"000", "003"}
    assert ids(seeded_db, "네이버", "--since", "2024-05-21", "--until", "2024-05-21") == {"002"}
    assert ids(seeded_db, "--company", "카카오", "--since", "2021-01-01") == {"003"}


@pytest.mark.parametrize("q,msg", [('"인공지능 스피커', "unbalanced quote"), ("-네이버", "at least one word"),
                                   ("OR 네이버", "OR needs"), ("...", "nothing to search")])
def test_malformed_query_gets_a_message(seeded_db, q, msg):
    r = run("search", "--", q, db=seeded_db)  # "--": a query may start with "-"
    assert r.exit_code == 1
    assert msg in r.output and "Traceback" not in r.output


def test_bad_date_gets_a_message(seeded_db):
    r = run("search", "네이버", "--since", "yesterday", db=seeded_db)
    assert r.exit_code == 1 and "YYYY-MM-DD" in r.output


def test_search_without_kiwi_for_known_words(seeded_db):
    from newsarc.search import Searcher
    from newsarc.store import Archive

    s = Searcher(Archive(seeded_db, create=False))
    assert s.analyse_word("네이버가") == ["네이버"]
    assert s.analyse_word("인공지능") == ["인공", "지능"]
    assert s.analyse_word("xbox") == ["xbox"]
    assert s.analyse_word("레드벨벳이") == ["레드벨벳이"]  # nothing in the index starts like it
    assert not s.kiwi_used
    assert s.analyse_word("다녀왔다") != [] and s.kiwi_used  # a verb form needs the analyser
