"""Metadata from Korean news conventions: dates, bylines, outlets, titles."""
import pytest

from newsarc import meta as M
from newsarc.clean import clean_text

BODY = ("정부가 내년 예산안을 656조원 규모로 편성했다고 27일 밝혔다. 올해보다 2.8% 늘어난 규모다.\n\n"
        "기획재정부는 재정 건전성을 지키면서도 민생 예산은 늘렸다고 설명했다. 국회는 다음 달 심사에 들어간다.\n")


@pytest.mark.parametrize("line,published,updated", [
    ("승인 2019.11.19 17:17", "2019-11-19T17:17:00+09:00", None),
    ("입력 2024-05-21 14:42", "2024-05-21T14:42:00+09:00", None),
    ("입력 2024-05-21 14:42 | 수정 2024-05-21 18:15", "2024-05-21T14:42:00+09:00", "2024-05-21T18:15:00+09:00"),
    ("임윤희 기자 승인 2024.05.21 14:42 | 최종 수정 2024.05.21 18:15 의견 0",
     "2024-05-21T14:42:00+09:00", "2024-05-21T18:15:00+09:00"),
    ("기사입력 2024.05.21. 오후 2:42", "2024-05-21T14:42:00+09:00", None),
    ("입력2024.05.21. 오전 12:05수정2024.05.21. 오후 12:30", "2024-05-21T00:05:00+09:00", "2024-05-21T12:30:00+09:00"),
    ("입력 2024. 6. 3. 09:15수정 2024. 6. 3. 10:02", "2024-06-03T09:15:00+09:00", "2024-06-03T10:02:00+09:00"),
    ("송고시간2024-05-21 14:42", "2024-05-21T14:42:00+09:00", None),
    ("등록 2024년 05월 21일 14시 42분", "2024-05-21T14:42:00+09:00", None),
])
def test_labelled_dates(line, published, updated):
    kinds = dict((k, v) for k, v in reversed(M.dates_in_line(line)))
    assert kinds.get("published") == published
    assert kinds.get("updated") == updated


def test_bare_date_with_seconds():
    assert M.dates_in_line("2020-07-02   /  15:58:27") == [("plain", "2020-07-02T15:58:27+09:00")]


def test_site_wide_edit_stamp_is_not_an_article_time():
    assert M.dates_in_line("최종편집2024-04-24 18:21 (수) 기사제보 구독신청") == []


def test_iso_from_markup_is_converted_to_kst():
    assert M.normalize_iso("2024-05-21T05:42:00Z") == "2024-05-21T14:42:00+09:00"
    assert M.normalize_iso("2024-05-21T14:42:00+09:00") == "2024-05-21T14:42:00+09:00"
    assert M.normalize_iso("2024-05-21 14:42") == "2024-05-21T14:42:00+09:00"


@pytest.mark.parametrize("line,names", [
    ("홍길동 기자", ["홍길동"]),
    ("홍길동 기자 hong@outlet.co.kr", ["홍길동"]),
    ("[가상일보=홍길동 기자]", ["홍길동"]),
    ("(서울=연합뉴스) 홍길동 기자 =", ["홍길동"]),
    ("홍길동·김철수 기자", ["홍길동", "김철수"]),
    ("워싱턴=홍길동 특파원", ["홍길동"]),
    ("사진 기자", []),
])
def test_reporter_names(line, names):
    assert M.reporter_names(line) == names


@pytest.mark.parametrize("line,outlet", [
    ("[가상일보=홍길동 기자] 정부가 예산안을 냈다.", "가상일보"),
    ("(서울=연합뉴스) 홍길동 기자 = 정부가 예산안을 냈다.", "연합뉴스"),
])
def test_outlet_from_dateline(line, outlet):
    assert M.outlet_from_dateline(line)[0] == outlet


@pytest.mark.parametrize("line,outlet", [
    ("저작권자 ⓒ가상일보 무단전재 및 재배포 금지", "가상일보"),
    ("Copyright ⓒ 가상통신. All rights reserved.", "가상통신"),
    ("<저작권자 © 가상경제신문, 무단 전재 및 재배포 금지>", "가상경제신문"),
])
def test_outlet_from_copyright(line, outlet):
    assert M.outlet_from_copyright(line) == outlet


def test_outlet_from_source_url_domain():
    assert M.outlet_from_host("https://www.yna.co.kr/view/AKR20240521000100001") == "연합뉴스"
    assert M.outlet_from_host("https://unknown.example.net/a") is None


@pytest.mark.parametrize("title,clean", [
    ("예산안 656조원 편성 - 연합뉴스", "예산안 656조원 편성"),
    ("예산안 656조원 편성 : 네이버 뉴스", "예산안 656조원 편성"),
    ("예산안 656조원 편성 | 가상일보", "예산안 656조원 편성"),
    ("[단독] 예산안 656조원 편성", "[단독] 예산안 656조원 편성"),
    ("A-B 합병 - 찬반 논쟁", "A-B 합병 - 찬반 논쟁"),
    ("가상타임즈 :: 항만 자동화 속도낸다", "항만 자동화 속도낸다"),
])
def test_title_without_site_suffix(title, clean):
    assert M.strip_title(title) == clean


@pytest.mark.parametrize("header,published,updated,reporters", [
    ("홍길동 기자\n승인 2019.11.19 17:17\n댓글 0", "2019-11-19T17:17:00+09:00", None, ("홍길동",)),
    ("홍길동 기자 입력 2024-05-21 14:42 수정 2024-05-21 18:15", "2024-05-21T14:42:00+09:00",
     "2024-05-21T18:15:00+09:00", ("홍길동",)),
    ("기사입력 2024.05.21. 오후 2:42\n홍길동 기자 hong@outlet.co.kr", "2024-05-21T14:42:00+09:00", None, ("홍길동",)),
    ("홍길동 기자\n2020-07-02 / 15:58:27", "2020-07-02T15:58:27+09:00", None, ("홍길동",)),
])
def test_header_metadata_in_a_text_dump(header, published, updated, reporters):
    page = f"예산안 656조원 편성…민생 예산 늘려\n{header}\n{BODY}"
    c = clean_text(page)
    assert c.title == "예산안 656조원 편성…민생 예산 늘려"
    assert (c.published, c.updated, c.reporters) == (published, updated, reporters)
    assert c.paragraphs[0].startswith("정부가 내년 예산안을")


def test_trailing_byline_gives_reporter_and_outlet():
    c = clean_text(f"예산안 656조원 편성…민생 예산 늘려\n\n{BODY}\n[가상일보 홍길동 기자]")
    assert c.reporters == ("홍길동",) and c.outlet == "가상일보"


@pytest.mark.parametrize("line,outlet", [
    ("<저작권자 ⓒ '돈이 보이는 리얼타임 뉴스' 머니투데이, 무단전재 및 재배포 금지>", "머니투데이"),
    ("<ⓒ경제를 보는 눈, 세계를 보는 창 아시아경제 무단전재 배포금지>", "아시아경제"),
    ("ⓒ 한국경제 & hankyung.com, 무단전재 및 재배포 금지", "한국경제"),
    ("Copyright by JoongAng Ilbo Co., Ltd. All Rights Reserved", "중앙일보"),
    ("ⓒ 한겨레신문사 : 무단전재 및 재배포 금지", "한겨레"),
    ("저작권자 (c) KBS(news.kbs.co.kr) 무단복제 및 재배포 금지", "KBS"),
])
def test_outlet_from_copyright_with_slogans_and_suffixes(line, outlet):
    assert M.outlet_from_copyright(line) == outlet


def test_outlet_from_email_and_source_line_but_never_a_portal():
    assert M.outlet_from_email("hong@yna.co.kr") == "연합뉴스"
    assert M.outlet_from_email("hong@gmail.com") is None
    assert M.outlet_from_host("https://n.news.naver.com/article/015/0004971234") is None
    assert M.outlet_from_source_line("출처 : 한국경제") == "한국경제"
    assert M.outlet_from_source_line("출처 : 온라인 커뮤니티") is None


def test_time_in_parentheses_and_bracketed_agency_dateline():
    assert M.dates_in_line("입력 2024.06.21 (21:17)") == [("published", "2024-06-21T21:17:00+09:00")]
    assert M.outlet_from_dateline("[서울=뉴시스]홍길동 기자 = 정부가 예산안을 냈다.") == ("뉴시스", ["홍길동"])


def test_english_byline():
    assert M.reporter_names("By Lee Ji-yoon (jylee@heraldcorp.com)") == ["Lee Ji-yoon"]
    assert M.reporter_names("By the way") == []
