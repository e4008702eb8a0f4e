"""Kiwi with the company dictionary as user words; index terms."""
import time

from newsarc import analyse
from newsarc.dictionary import load


def forms(text):
    return [(t.form, t.tag) for t in analyse.tokenize(text)]


def test_user_words_keep_compound_names_whole(kiwi):
    assert ("라인야후", "NNP") in forms("라인야후는 정보 유출 대책을 발표했다.")
    assert ("CJ대한통운", "NNP") in forms("CJ대한통운과 손잡은 물류 스타트업이 늘었다.")
    assert ("카카오벤처스", "NNP") in forms("카카오벤처스가 초기 투자를 이끌었다.")


def test_user_words_do_not_break_ordinary_words(kiwi):
    toks = forms("온라인 판매와 오프라인 매장, 새 라인업을 함께 공개했다.")
    assert ("온라인", "NNG") in toks and ("오프라인", "NNG") in toks
    assert all(f != "라인" for f, _ in toks)


def test_user_words_skip_two_syllable_names():
    words = analyse.user_words()
    assert words and all(len(w) >= 3 for w in words)
    assert "라인" not in words and "라인야후" in words


def test_common_names_are_the_ordinary_words(kiwi):
    common = analyse.common_names()
    assert "라인" in common
    assert "카카오" not in common and "쿠팡" not in common


def test_terms_lower_case_meaning_bearing(kiwi):
    toks = analyse.tokenize("NAVER는 새로운 AI 서비스를 빠르게 출시했다.")
    terms = analyse.terms(toks)
    assert "naver" in terms and "ai" in terms and "서비스" in terms
    assert "는" not in terms and "를" not in terms


def test_index_text_strips_fts_syntax(kiwi):
    text = analyse.index_text(analyse.tokenize('"SK텔레콤"(SKT)의 주가*'))
    assert '"' not in text and "*" not in text and "(" not in text


def test_kiwi_is_shared_and_versioned(kiwi):
    assert analyse.kiwi() is kiwi
    assert analyse.kiwi_version().startswith("0.")


def test_user_words_are_quick_to_add(kiwi):
    # the dictionary costs little on top of Kiwi's own start (bench/dictionary_load.py measures both)
    from kiwipiepy import Kiwi

    k = Kiwi(load_typo_dict=False)
    words = analyse.user_words()
    t = time.perf_counter()
    for w in words:
        k.add_user_word(w, "NNP", 0.0)
    assert time.perf_counter() - t < 0.5
    assert len(load().company_list) >= 1000
