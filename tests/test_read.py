"""Decoding: every encoding Korean pages come in, and binary files skipped with a reason."""
import pytest

from newsarc.errors import SkipPage
from newsarc.read import read_bytes

KO = "삼성전자가 21일 새 반도체 공장을 착공했다고 밝혔다. 투자 규모는 20조원이다.\n"


def test_utf8_text_dump():
    d = read_bytes(KO.encode("utf-8"))
    assert d.text == KO and d.encoding == "utf-8" and d.format == "text"


def test_utf8_with_bom():
    d = read_bytes(b"\xef\xbb\xbf" + KO.encode("utf-8"))
    assert d.text == KO and d.encoding == "utf-8"


def test_cp949_without_declaration():
    # 똠 and 쀍 exist only in CP949, not in EUC-KR
    text = KO + "똠양꿍 가게 사장은 쀍 소리를 냈다.\n"
    d = read_bytes(text.encode("cp949"))
    assert d.text == text and d.encoding == "cp949"


def test_euc_kr_declared_in_html():
    html = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=euc-kr">'
            f"<title>제목</title></head><body><p>{KO}</p><div>끝</div></body></html>")
    d = read_bytes(html.encode("euc-kr"))
    assert "삼성전자" in d.text and d.encoding == "euc-kr" and d.format == "html"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom(codec):
    d = read_bytes((KO * 3).encode(codec))
    assert d.text == KO * 3 and d.encoding == "utf-16"


def test_utf16_with_bom():
    d = read_bytes((KO * 2).encode("utf-16"))
    assert d.text == KO * 2 and d.encoding == "utf-16"


def test_invalid_utf8_bytes_are_replaced_not_fatal():
    data = (KO * 5).encode("utf-8")
    data = data[:50] + b"\xff\xfe\x80" + data[50:]
    d = read_bytes(data)
    assert d.encoding == "utf-8" and "투자 규모는 20조원이다" in d.text and "\ufffd" in d.text


def test_crlf_line_endings_become_newlines():
    assert read_bytes("첫 줄\r\n둘째 줄\r셋째".encode()).text == "첫 줄\n둘째 줄\n셋째"


@pytest.mark.parametrize("data,what", [
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG"),
    (b"\xff\xd8\xff\xe0" + bytes(200), "JPEG"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    (b"PK\x03\x04\x14\x00\x00\x00" + bytes(100), "ZIP"),
    (b"\x00\x01\x02\x03\xfe\xfd\x00\x00" * 64, "NUL"),
])
def test_binary_files_are_skipped_with_a_reason(data, what):
    with pytest.raises(SkipPage, match="binary") as e:
        read_bytes(data)
    assert what in str(e.value)


@pytest.mark.parametrize("data", [b"", b"   \n\t  "])
def test_empty_files_are_skipped(data):
    with pytest.raises(SkipPage, match="empty"):
        read_bytes(data)


def test_html_is_told_from_text_that_mentions_tags():
    assert read_bytes("<!DOCTYPE html><html><head><title>t</title></head><body><p>본문</p></body></html>".encode()).format == "html"
    assert read_bytes("기사에서 <p> 태그를 설명했다. HTML 문법은 쉽다.".encode()).format == "text"
