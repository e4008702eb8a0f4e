"""HTML pages: metadata from markup, the main container found, chrome removed, per layout family."""
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsarc.errors import SkipPage
from newsarc.html import clean_html
from newsarc.pipeline import clean_page

PAGES = Path(__file__).parent / "pages"


def page(name):
    return clean_html((PAGES / name).read_text(encoding="utf-8"))


LAYOUTS = {
    "naver.html": dict(
        title="중소 조선사 3곳, 친환경 선박 공동 개발 나선다",
        subtitle=("부산·경남 조선사 기술 협력 협약", "LNG 추진선 설계 2026년 목표"),
        published="2024-05-21T14:42:11+09:00", updated="2024-05-21T18:15:03+09:00",
        reporters=("김도윤",), outlet="가상통신",
        first="(부산=가상통신) 김도윤 기자 = 부산과", last="방안을 검토하고 있다.",
        not_in=["요약봇", "글자 크기", "자료사진", "주요뉴스", "연안 여객선", "좋은 소식이네요", "Copyright", "NAVER",
                "부산·경남 조선사 기술 협력 협약", "dykim@"]),
    "daum.html": dict(
        title="도심 공원 야간 개방 확대…시민 만족도 높아", subtitle=(),
        published="2024-06-03T09:15:00+09:00", updated="2024-06-03T10:02:00+09:00",
        reporters=("이서진",), outlet="가상일보",
        first="[가상일보=이서진 기자] 서울 시내", last="힘쓰겠다\"고 말했다.",
        not_in=["번역 설정", "/사진=", "한강공원 편의점", "많이 본 뉴스", "댓글", "Kakao", "Copyright"]),
    "ndsoft.html": dict(
        title="지역 버스회사 전기버스 100대 도입", subtitle=("노후 경유버스 단계적 교체", "충전소 12곳 신설"),
        published="2024-05-21T14:42:00+09:00", updated="2024-05-21T18:15:00+09:00",
        reporters=("정하늘",), outlet="가상경제신문",
        first="[가상경제신문=정하늘 기자] 경기 남부", last="관건\"이라고 말했다.",
        not_in=["21℃", "URL 복사", "/사진=", "다른기사", "#전기버스", "수소버스", "금리 동결", "발행인", "저작권자"]),
    "jsonld.html": dict(
        title="반도체 수출 8개월 연속 증가", subtitle=(),
        published="2024-06-01T09:30:00+09:00", updated="2024-06-01T11:05:00+09:00",
        reporters=("오세린", "한지훈"), outlet="가상비즈",
        first="반도체 수출이 8개월 연속 늘었다.", last="조기 집행할 방침이다.",
        not_in=["[광고]", "관련기사", "메모리 가격 3분기", "무단 전재", "개인정보처리방침", "공유"]),
    "board.html": dict(
        title="편의점 도시락 가격 줄줄이 오른다", subtitle=(),
        published="2024-05-23T14:20:00+09:00", updated=None, reporters=(), outlet="아주경제",
        first="편의점 도시락 가격이 다음 달부터", last="할인 행사를 늘릴 계획이다.",
        not_in=["2,282", "목록 스크랩", "도시락도 비싸지네", "번호", "고양이가 키보드", "지하철 요금", "기사/뉴스"]),
}


@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_layout_body(name):
    want, c = LAYOUTS[name], page(name)
    assert c.body.startswith(want["first"]), c.body[:80]
    assert c.body.endswith(want["last"]), c.body[-80:]
    for s in want["not_in"]:
        assert s not in c.body, s


@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_layout_metadata(name):
    want, c = LAYOUTS[name], page(name)
    got = dict(title=c.title, subtitle=c.subtitle, published=c.published, updated=c.updated,
               reporters=c.reporters, outlet=c.outlet)
    assert got == {k: want[k] for k in got}


def test_intertitles_kept_and_captions_dropped():
    assert "설계 인력 공유…비용 30% 절감 기대" in page("naver.html").paragraphs
    assert "조명·순찰 인력 보강" in page("daum.html").paragraphs
    assert "■ 운전기사 교육도 병행" in page("ndsoft.html").paragraphs
    assert "협약서를 들고 있다" not in page("naver.html").body
    assert "시험 운행 중인 전기버스" not in page("ndsoft.html").body


def test_source_url():
    assert page("board.html").url == "https://www.ajunews.com/view/20240523093012345"  # the original, not the board
    assert page("ndsoft.html").url == "https://www.gasang-econ.kr/news/articleView.html?idxno=20417"
    assert page("jsonld.html").url == "https://gasangbiz.example.com/article/55501"


def test_portal_is_not_the_outlet():
    assert page("naver.html").outlet != "네이버 뉴스" and page("daum.html").outlet != "다음뉴스"


def test_html_and_text_dump_of_the_same_page_agree():
    from newsarc.clean import clean_text

    for layout in ("naver", "daum", "ndsoft"):
        h = page(f"{layout}.html")
        t = clean_text((PAGES / f"{layout}.txt").read_text(encoding="utf-8"))
        assert h.paragraphs == t.paragraphs, layout
        assert (h.title, h.reporters, h.outlet) == (t.title, t.reporters, t.outlet)


def test_markup_time_in_utc_is_shown_in_kst():
    html = ("<html><head><meta property='article:published_time' content='2024-05-21T05:42:00Z'></head><body>"
            "<h1>예산안 656조원 편성</h1><div class='article_body'><p>정부가 내년 예산안을 656조원 규모로 편성했다고 "
            "27일 밝혔다. 올해보다 2.8% 늘어난 규모다.</p><p>국회는 다음 달 심사에 들어간다고 밝혔다.</p></div></body></html>")
    c = clean_html(html)
    assert c.published == "2024-05-21T14:42:00+09:00" and c.title == "예산안 656조원 편성"


def test_login_page_is_skipped():
    with pytest.raises(SkipPage, match="no article"):
        clean_page((PAGES / "login.html").read_bytes())


@pytest.mark.parametrize("html", [
    "", "<html>", "<div><p>정부가 예산안을 냈다.</div></p></span>", "<" * 500, "<div>" * 3000 + "본문",
    "<html><body><table><tr><td>기사<td>내용</table><p>정부가 내년 예산안을 656조원 규모로 편성했다고 27일 밝혔다.",
    "<script>var a = '<p>가짜 본문입니다. 이것은 스크립트다.</p>';</script>",
])
def test_broken_markup_never_raises(html):
    c = clean_html(html)
    assert "가짜 본문" not in c.body


TAGS = st.sampled_from(["<p>", "</p>", "<div class='article_body'>", "</div>", "<br>", "<li>", "<h1>", "</h1>",
                        "<script>", "</script>", "<!--", "-->", "<article>", "<span>", "&amp;", "&#xAC00;"])
WORDS = st.sampled_from(["정부가", "예산안을", "편성했다고", "밝혔다.", "댓글", "기자", "홍길동", "2024.05.21", "14:42",
                         "입력", "ⓒ가상일보", "\n", " ", "다."])


def _words(s):
    return set(re.findall(r"[\w가-힣]+", s))


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(TAGS, WORDS), max_size=120))
def test_clean_html_never_raises_and_keeps_only_visible_words(parts):
    html = " ".join(parts)
    c = clean_html(html)
    import html as H

    visible = _words(H.unescape(re.sub(r"<[^>]*>", " ", html)))
    assert _words(c.body) <= visible


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_clean_html_on_arbitrary_text(text):
    clean_html(text)


def test_euc_kr_table_layout_without_metadata_tags():
    dec, c = clean_page((PAGES / "generic_euckr.html").read_bytes())
    assert dec.encoding == "euc-kr" and dec.format == "html"
    assert c.title == "항만 자동화 속도낸다"  # the `가상타임즈 ::` prefix of <title> removed
    assert (c.published, c.updated) == ("2023-03-15T10:20:33+09:00", "2023-03-15T11:02:10+09:00")
    assert c.reporters == ("나은비",) and c.outlet == "가상타임즈"
    assert c.body.startswith("부산항 신항에") and c.body.endswith("내다봤다.")
    for s in ("많이 본 기사", "로그인", "eunbi@", "무단전재"):
        assert s not in c.body
