"""The text-dump cleaner: article kept once, every family of page chrome dropped."""
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsarc.clean import Hints, clean_text
from newsarc.errors import SkipPage
from newsarc.pipeline import clean_page

PAGES = Path(__file__).parent / "pages"


def page(name):
    return clean_text((PAGES / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def chrome():
    return page("chrome.txt")


def test_body_kept_whole(chrome):
    assert chrome.paragraphs[0].startswith("[가상신문=이지수 기자] 대형마트 3사가")
    assert chrome.paragraphs[-1].endswith("비용을 줄일 수밖에 없다\"고 말했다.")


def test_dateline_prefix_kept_and_read(chrome):
    assert chrome.outlet == "가상신문" and chrome.reporters == ("이지수",)


def test_intertitle_kept_inside_body(chrome):
    assert "공동 물류센터도 검토" in chrome.paragraphs


def test_title_and_subtitle(chrome):
    assert chrome.title == "[단독] 대형마트 3사, 배송 기사 공동 고용 추진"
    assert chrome.subtitle == ("경쟁사끼리 물류 인력 나눠 쓴다",)


@pytest.mark.parametrize("family,snippet", [
    ("navigation and account", "전체메뉴"), ("navigation and account", "회원가입"),
    ("breadcrumb", "홈 > 경제"), ("weather widget", "18℃"), ("air quality", "미세먼지"),
    ("counts", "조회수 1,204"), ("share and scrap", "스크랩"), ("tip line", "기사제보"),
    ("photo caption", "게티이미지뱅크"), ("reporter box", "jisu@gasang"),
    ("copyright", "무단 전재"), ("tags", "#대형마트"), ("related articles", "편의점 배달 서비스"),
    ("popular list", "가을 이사철"), ("recommend", "이 기사를 추천합니다"), ("comments", "처우도 좋아졌으면"),
    ("comment prompt", "로그인 후 댓글"), ("site footer", "청소년보호정책"), ("publisher info", "등록번호"),
])
def test_chrome_family_dropped(chrome, family, snippet):
    assert snippet not in chrome.body, family


def test_page_holding_the_article_twice_yields_it_once():
    c = page("twice.txt")
    assert c.body.count("접는 노트북을 내놓았다") == 1
    assert c.title == "가상전자, 접는 노트북 세계 첫 출시"
    assert "가상전자, 접는 노트북 세계 첫 출시" not in c.body  # the title repeated under the body
    assert "X 사진" not in c.body and c.outlet == "가상테크"


@pytest.mark.parametrize("name,first,last,not_in", [
    ("naver.txt", "(부산=가상통신) 김도윤 기자 = 부산과", "방안을 검토하고 있다.",
     ["본문 요약봇", "글자 크기", "자료사진", "주요뉴스", "연안 여객선", "좋은 소식이네요", "기사 섹션"]),
    ("daum.txt", "[가상일보=이서진 기자] 서울 시내", "힘쓰겠다\"고 말했다.",
     ["번역 설정", "/사진=", "한강공원 편의점", "많이 본 뉴스", "로그인하고"]),
    ("ndsoft.txt", "[가상경제신문=정하늘 기자] 경기 남부", "관건\"이라고 말했다.",
     ["21℃", "URL 복사", "/사진=", "다른기사", "#전기버스", "수소버스", "금리 동결", "발행인"]),
])
def test_portal_and_cms_text_dumps(name, first, last, not_in):
    c = page(name)
    assert c.body.startswith(first) and c.body.endswith(last)
    for s in not_in:
        assert s not in c.body


def test_portal_dump_metadata():
    c = page("naver.txt")
    assert c.title == "중소 조선사 3곳, 친환경 선박 공동 개발 나선다"
    assert c.subtitle == ("부산·경남 조선사 기술 협력 협약", "LNG 추진선 설계 2026년 목표")
    assert (c.published, c.updated) == ("2024-05-21T14:42:00+09:00", "2024-05-21T18:15:00+09:00")
    assert c.reporters == ("김도윤",) and c.outlet == "가상통신"


def test_board_listing_is_not_an_article():
    assert page("listing.txt").paragraphs == ()
    with pytest.raises(SkipPage, match="no article"):
        clean_page((PAGES / "listing.txt").read_bytes())


@pytest.mark.parametrize("text", ["", "로그인\n아이디\n비밀번호\n회원가입", "메뉴\n홈\n검색\n" * 20])
def test_pages_without_article_have_no_body(text):
    assert clean_text(text).paragraphs == ()


def test_cp949_page_through_the_pipeline():
    data = (PAGES / "ndsoft.txt").read_text(encoding="utf-8").replace("©", "ⓒ").encode("cp949")
    dec, c = clean_page(data)
    assert dec.encoding == "cp949" and c.title == "지역 버스회사 전기버스 100대 도입"
    assert "전기버스 100대를 도입한다" in c.body


def test_numbered_recommendation_list_after_body_dropped():
    text = ("정부 예산 656조원 편성\n홍길동 기자\n입력 2024-08-27 10:00\n"
            "정부가 내년 예산안을 656조원 규모로 편성했다고 27일 밝혔다. 올해보다 2.8% 늘어난 규모다.\n\n"
            "기획재정부는 재정 건전성을 지키면서도 민생 예산은 늘렸다고 설명했다.\n\n"
            "이 기사는 꼭!\n  1. 내년 최저임금 1만원 넘었다\n  2. 건강보험료율 동결\n")
    c = clean_text(text)
    assert "최저임금" not in c.body and "이 기사는" not in c.body
    assert c.body.endswith("늘렸다고 설명했다.")


def test_hints_from_markup_win():
    text = "가짜 제목 줄입니다\n홍길동 기자\n정부가 내년 예산안을 656조원 규모로 편성했다고 27일 밝혔다. 올해보다 늘었다.\n"
    c = clean_text(text, Hints(title="진짜 제목 - 가상일보", published="2024-08-27T10:00:00+09:00", outlet="가상일보"))
    assert c.title == "진짜 제목" and c.published == "2024-08-27T10:00:00+09:00" and c.outlet == "가상일보"


# --- properties ------------------------------------------------------------------------------

KOREAN = st.text(alphabet=st.sampled_from(list("가나다라마바사아자차카타파하기자댓글공유다.했이 \n0123456789[]=-|:ⓒ·")),
                 max_size=400)


def _words(s):
    return set(re.findall(r"[\w가-힣]+", s))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=300), KOREAN))
def test_clean_text_never_raises_and_invents_nothing(text):
    c = clean_text(text)
    source = _words(text)
    assert _words(c.body) <= source
    assert all(isinstance(p, str) and p.strip() for p in c.paragraphs)


def test_board_repost_dump():
    c = page("board.txt")
    assert c.title == "서울 지하철 요금 150원 인상 확정"  # board category and menu line are not the title
    assert c.url == "https://www.yna.co.kr/view/AKR20240611011100004" and c.outlet == "연합뉴스"
    assert c.published == "2024-06-11T09:31:05+09:00"
    assert c.body.startswith("서울 지하철 기본요금이") and c.body.endswith("불가피한 결정이라고 설명했다.")
    for s in ("조회 3,021", "공감 12", "또 오르네요", "이전글", "점심 메뉴", "원문 :"):
        assert s not in c.body


def test_agency_dump():
    c = page("agency.txt")
    assert c.title == "가계대출 석 달 연속 증가…주담대 4조원 늘어"
    assert c.published == "2024-06-12T12:00:00+09:00" and c.reporters == ("김영호",) and c.outlet == "연합뉴스"
    assert c.body.startswith("(서울=연합뉴스) 김영호 기자 = 은행권") and c.body.endswith("영향\"이라고 설명했다.")
    for s in ("yhkim@", "okjebo", "저작권자", "송고", "두 달째", "기자 페이지"):
        assert s not in c.body
