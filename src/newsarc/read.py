"""Bytes to text: encoding detection and HTML-or-text sniffing."""
from __future__ import annotations

import re

from .errors import SkipPage
from .models import Decoded

_MAGIC = [
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"RIFF", "a RIFF (WebP/AVI/WAV) file"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or docx/xlsx)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BM", None),  # too short to trust alone
    (b"\x7fELF", "an executable"),
    (b"7z\xbc\xaf", "a 7z archive"),
    (b"Rar!", "a RAR archive"),
    (b"\x00\x00\x01\x00", "an icon file"),
    (b"SQLite format 3", "an SQLite database"),
]

_HTML_SNIFF = re.compile(
    r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s|<div[\s>]|<p[\s>]|<article[\s>]|<title>",
    re.I,
)
_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?>")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_\-]+)""", re.I)

# Labels we report, so "cp949" and "euc-kr" read the way Korean users know them.
_ALIASES = {"utf_8": "utf-8", "utf_8_sig": "utf-8", "cp949": "cp949", "euc_kr": "euc-kr",
            "utf_16": "utf-16", "utf_16_le": "utf-16", "utf_16_be": "utf-16", "ascii": "utf-8"}


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding) for a page's bytes; raise SkipPage for binary or empty input."""
    if not data.strip():
        raise SkipPage("empty file")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace").lstrip("\ufeff"), "utf-16"
    for magic, what in _MAGIC:
        if what and data.startswith(magic):
            raise SkipPage(f"binary file: {what}")
    head = data[:4000]
    if b"\x00" in head:
        # UTF-16 without BOM: Korean text has NULs only in its ASCII (spaces, digits, markup)
        utf16 = _utf16_without_bom(data)
        if utf16 is None:
            raise SkipPage("binary file: contains NUL bytes")
        return utf16, "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    declared = _META_CHARSET.search(data[:4096])
    candidates = []
    if declared:
        candidates.append(declared.group(1).decode("ascii", "ignore").lower())
    for enc in candidates:
        if enc.replace("-", "").replace("_", "") in ("utf8",):
            continue
        # cp949 is the superset every "euc-kr" page is really written in
        codec = "cp949" if _label(enc) in ("euc-kr", "cp949") else enc
        try:
            text = data.decode(codec)
        except (LookupError, UnicodeDecodeError):
            continue
        return text, _label(enc)
    # mostly UTF-8 with a few invalid bytes (a truncated download, a bad editor): keep it, replace those
    lenient = data.decode("utf-8", errors="replace")
    bad = lenient.count("\ufffd")
    multibyte = sum(1 for ch in lenient if ord(ch) > 0x7F and ch != "\ufffd")
    if bad and bad * 10 <= multibyte:
        return lenient, "utf-8"
    try:
        return data.decode("cp949"), "cp949"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise SkipPage("binary file: no text encoding fits")
    text = str(best)
    if _mostly_garbage(text):
        raise SkipPage("binary file: no text encoding fits")
    enc = _ALIASES.get(best.encoding, best.encoding)
    if enc == "utf-8":  # invalid UTF-8 bytes that are mostly UTF-8: keep it, replace the bad bytes
        text = data.decode("utf-8", errors="replace")
    return text, enc


def _label(enc: str) -> str:
    if enc in ("euc-kr", "euckr", "euc_kr", "ks_c_5601-1987", "ksc5601"):
        return "euc-kr"
    if enc in ("cp949", "ms949", "uhc", "windows-949", "x-windows-949"):
        return "cp949"
    return enc


def _utf16_without_bom(data: bytes) -> str | None:
    """Return data decoded as UTF-16 (LE or BE, judged by where the NULs sit), or None for binary."""
    head = data[:4000]
    even, odd = head[0::2].count(0), head[1::2].count(0)
    order = ["utf-16-le", "utf-16-be"] if odd >= even else ["utf-16-be", "utf-16-le"]
    for enc in order:
        try:
            text = data[: len(data) - len(data) % 2].decode(enc)
        except UnicodeDecodeError:
            continue
        sample = text[:2000]
        good = sum(1 for ch in sample if ch.isprintable() or ch in "\t\r\n")
        hangul_or_ascii = sum(1 for ch in sample if ord(ch) < 0x80 or "\uac00" <= ch <= "\ud7a3" or ch.isspace())
        if sample and good >= len(sample) * 0.95 and hangul_or_ascii >= len(sample) * 0.6:
            return text.lstrip("\ufeff")
    return None


def _mostly_garbage(text: str) -> bool:
    sample = text[:4000]
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\r\n\f") or ch == "\ufffd")
    return bad > len(sample) * 0.05


def looks_like_html(text: str) -> bool:
    """Return True when the text is markup rather than a plain dump, judged by content."""
    head = text[:5000]
    if not _HTML_SNIFF.search(head):
        return False
    tags = len(_TAG.findall(head))
    return tags >= 3


def read_bytes(data: bytes) -> Decoded:
    """Return the decoded page with its encoding and format."""
    text, encoding = decode(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    fmt = "html" if looks_like_html(text) else "text"
    return Decoded(text=text, encoding=encoding, format=fmt)
