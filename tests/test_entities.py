"""Companies and people: one test per rule, on sentences written for these tests (not the seeds)."""
import json

import pytest

from newsarc import analyse, entities


@pytest.fixture
def ents(kiwi):
    def run(text, reporters=()):
        toks = analyse.tokenize(text)
        return entities.companies(toks, text), entities.people(toks, text, reporters=reporters)
    return run


def names(items):
    return [x.name for x in items]


def by_name(items, name):
    return next(x for x in items if x.name == name)


# ---- companies: dictionary, canonical names, compounds

def test_spellings_become_one_canonical_company(ents):
    cos, _ = ents("Naver는 일본 웹툰 사업을 키운다. 네이버 주가는 3% 올랐고 NAVER 측은 말을 아꼈다.")
    assert names(cos) == ["네이버"]
    assert by_name(cos, "네이버").count == 3
    assert set(by_name(cos, "네이버").aliases) >= {"Naver", "네이버", "NAVER"}


def test_compound_names_stay_whole(ents):
    cos, _ = ents("CJ대한통운과 LG유플러스는 물류 데이터 협약을 맺었고 라인야후도 참여했다.")
    assert names(cos) == ["CJ대한통운", "LG유플러스", "라인야후"]


def test_group_tail_keeps_the_company(ents):
    cos, _ = ents("소프트뱅크그룹은 반도체 투자를 늘렸다. 소프트뱅크는 지분을 팔았다.")
    assert names(cos) == ["소프트뱅크"]


def test_words_containing_a_company_name_are_not_companies(ents):
    cos, _ = ents("온라인과 오프라인을 잇는 신제품 라인업을 선보였다. 메타버스 행사는 다음 주 열린다.")
    assert cos == []


def test_common_word_company_needs_context(ents):
    cos, _ = ents("생산 라인을 멈추고 다시 점검했다.")
    assert cos == []
    cos, _ = ents("메신저 자회사 라인은 태국 결제 사업을 넓힌다. 라인 관계자는 말을 아꼈다.")
    assert names(cos) == ["라인"]


def test_short_name_of_a_company_found_merges_into_it(ents):
    cos, _ = ents("라인야후는 정보 유출 대책을 냈다. 라인 지분 매각 논의는 계속된다.")
    assert names(cos) == ["라인야후"]
    assert by_name(cos, "라인야후").count == 2


def test_outlet_excluded(ents, kiwi):
    text = "연합뉴스에 따르면 카카오는 새 서비스를 내놓는다."
    cos = entities.companies(analyse.tokenize(text), text, exclude={"연합뉴스"})
    assert names(cos) == ["카카오"]


# ---- companies outside the dictionary

def test_unknown_company_by_suffix(ents):
    cos, _ = ents("가온벤처스와 새봄엔터테인먼트는 200억원 규모 펀드를 함께 만든다.")
    assert names(cos) == ["가온벤처스", "새봄엔터테인먼트"]


def test_latin_prefix_needs_a_company_suffix(ents):
    cos, _ = ents("정보기술(IT)산업과 B2B솔루션, AI반도체 시장이 커진다.")
    assert cos == []


def test_unknown_company_by_context(ents):
    cos, _ = ents("자회사 한결모빌 관계자는 \"상장을 검토하고 있다\"고 말했다.")
    assert names(cos) == ["한결모빌"]


def test_latin_name_only_with_evidence(ents):
    cos, _ = ents("영국 반도체 설계업체 Arm은 새 칩 설계를 공개했다.")
    assert names(cos) == ["Arm"]
    cos, _ = ents("He raised his arm. 팔을 뜻하는 arm은 회사가 아니다.")
    assert cos == []


def test_places_countries_ministries_are_not_companies(ents):
    cos, _ = ents("미국 정부와 국토교통부, 서울시 관계자는 일본 측과 만나 중국산 제품 문제를 논의했다.")
    assert cos == []


def test_person_is_never_a_company(ents):
    cos, ppl = ents("김도윤 한빛소프트 대표는 신작 게임을 발표했다. 김 대표는 해외 출시도 밝혔다.")
    assert "김도윤" not in names(cos)
    assert "한빛소프트" in names(cos)
    assert names(ppl) == ["김도윤"]


# ---- people

def test_person_with_role_and_affiliation(ents):
    _, ppl = ents("정지훈 한화솔루션 대표이사 사장은 태양광 투자를 발표했다.")
    p = by_name(ppl, "정지훈")
    assert p.roles == ("대표이사", "사장")
    assert p.affiliation == "한화솔루션"


def test_name_without_a_role_is_not_a_person(ents):
    _, ppl = ents("박지성은 골을 넣었다. 이번 대표팀은 승리했다.")
    assert ppl == []


def test_name_confirmed_elsewhere_counts_everywhere(ents):
    _, ppl = ents("김영수 서울대 교수는 반론을 폈다. 김영수는 이어 통계를 소개했다.")
    assert by_name(ppl, "김영수").count == 2


def test_short_reference_resolves_to_full_name(ents):
    _, ppl = ents("정의선 현대자동차그룹 회장은 미국 공장을 찾았다. 정 회장은 \"관세에 대응하겠다\"고 말했다. "
                  "장재훈 부회장도 동행했다. 장 부회장은 현지 직원을 만났다.")
    assert by_name(ppl, "정의선").count == 2
    assert by_name(ppl, "장재훈").count == 2


def test_short_reference_with_latin_title(ents):
    _, ppl = ents("최수연 네이버 대표와 김범수 카카오 창업자가 만났다. 김 창업자는 웃었고 최 대표는 말을 아꼈다.")
    assert by_name(ppl, "최수연").count == 2
    assert by_name(ppl, "김범수").count == 2


def test_former_title(ents):
    _, ppl = ents("민희진 어도어 전 대표는 기자회견을 열었다. 민 전 대표는 눈물을 흘렸다.")
    p = by_name(ppl, "민희진")
    assert p.count == 2 and p.affiliation == "어도어"


def test_foreign_names_in_hangul(ents):
    _, ppl = ents("사티아 나델라 마이크로소프트 CEO는 클라우드를 강조했다. 나델라 CEO는 \"AI가 핵심\"이라고 말했다. "
                  "팀 쿡 애플 CEO도 참석했다.")
    assert by_name(ppl, "사티아 나델라").count == 2
    assert by_name(ppl, "사티아 나델라").affiliation == "마이크로소프트"
    assert by_name(ppl, "팀 쿡").affiliation == "애플"
    assert "나델라" not in names(ppl)


def test_alternative_names_in_parentheses_are_aliases(ents):
    _, ppl = ents("마윈(馬雲·영문명 잭 마) 알리바바 창업자는 교육 사업에 나섰다. 마윈은 강연도 했다.")
    assert names(ppl) == ["마윈"]
    p = ppl[0]
    assert p.count == 2
    assert "馬雲" in p.aliases and "잭 마" in p.aliases


def test_split_name_is_repaired(ents):
    # Kiwi reads 구현모 as 구현/NNG 모/MM
    _, ppl = ents("KT는 구현모 사장의 주도로 AI 사업을 키웠다.")
    assert names(ppl) == ["구현모"]


def test_honorific_ssi(ents):
    _, ppl = ents("회사원 이민호씨는 \"대출 금리가 부담\"이라고 말했다.")
    assert names(ppl) == ["이민호"]


def test_reporters_are_not_people(ents):
    text = "[서울경제=홍길동 기자] 정지훈 한화솔루션 사장은 투자를 발표했다. 홍길동 기자 gildong@example.com"
    cos, ppl = ents(text)
    assert names(ppl) == ["정지훈"]
    assert "서울경제" not in names(cos)
    _, ppl = ents("김민지 특파원은 워싱턴에서 이재훈 대사를 만났다.", reporters=("김민지",))
    assert names(ppl) == ["이재훈"]


def test_entities_command_lines_json(runner):
    from newsarc.cli import cli

    text = "박정호 SK텔레콤 사장은 카카오와 협력한다.\n이마트 관계자는 할인 행사를 밝혔다.\n"
    r = runner.invoke(cli, ["entities", "-", "--lines", "--json"], input=text)
    assert r.exit_code == 0, r.output
    rows = [json.loads(line) for line in r.output.splitlines()]
    assert len(rows) == 2
    assert [c["name"] for c in rows[0]["companies"]] == ["SK텔레콤", "카카오"]
    assert rows[0]["people"][0]["name"] == "박정호"
    assert rows[0]["people"][0]["affiliation"] == "SK텔레콤"
    assert [c["name"] for c in rows[1]["companies"]] == ["이마트"]
