"""Text dump to article: classify lines as article or chrome, keep the body once, read metadata."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from . import meta as M
from . import patterns as P
from .models import Cleaned

_SPACE = r"[ \t\u00a0\u2002\u2003\u2009\u3000]"
# a run of spaces, tabs and wide spaces, folded to one space (a lone plain space is left alone: fewer matches)
_SPACES = re.compile(rf"[\t\u00a0\u2002\u2003\u2009\u3000]{_SPACE}*| {_SPACE}+")
# zero-width characters, soft hyphens, and U+FFFD where undecodable bytes stood
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad\ufffd]")


@dataclass
class Hints:
    """Metadata already known from markup (HTML): wins over what the text suggests."""

    title: str | None = None
    subtitle: tuple = ()
    published: str | None = None
    updated: str | None = None
    reporters: tuple = ()
    outlet: str | None = None
    url: str | None = None  # the article's source URL (wins over URL lines in the text)
    site: str | None = None  # the site's name: strips a ` - 매체` title suffix; last-resort outlet
    page_url: str | None = None  # the page's own URL: used when the text names no source URL


@dataclass(slots=True)
class _Line:
    text: str
    bullet: bool = False
    kind: str = ""  # sentence | short | chrome | meta | caption | listing | url | end | related | blank


def _normalize(s: str) -> str:
    """Return s in NFC, without invisible characters, with runs of spaces folded to one."""
    return _SPACES.sub(" ", _INVISIBLE.sub("", unicodedata.normalize("NFC", s)))


def normalize_line(s: str) -> str:
    return _normalize(s).strip()


def _normalize_text(text: str) -> list[str]:
    """Return normalize_line of every line of text, with three passes over the whole text instead of
    three per line: NFC, invisible characters and space runs never reach across a line break."""
    return [line.strip() for line in _normalize(text).split("\n")]


def compact(s: str) -> str:
    """Return s without whitespace (str.split splits on exactly the characters regex `\\s` matches)."""
    return "".join(s.split())


def _hangul_count(t: str) -> int:
    """Return the number of Hangul syllables in t."""
    return 0 if t.isascii() else sum(map(len, P.HANGUL_RUN.findall(t)))


def _listing_row(t: str) -> bool:
    """Return True for a row of a board listing (P.LISTING_ROW).

    Its matches start the line with a number or end it with counts, so a line that neither starts
    with a digit nor ends with a digit or comma is ruled out without running the pattern."""
    last = t.rstrip()[-1:]
    if not (t[:1].isdecimal() or last.isdecimal() or last == ","):
        return False
    return bool(P.LISTING_ROW.search(t))


def is_sentence(t: str) -> bool:
    """Return True for a line that reads as running text."""
    return len(t) >= 20 and not _listing_row(t) and _reads_as_text(t)


def _reads_as_text(t: str) -> bool:
    """Return True when a line of 20 characters or more that is no listing row reads as running text."""
    hangul = _hangul_count(t)
    if hangul < len(t) * 0.3:
        # an English edition's paragraph: long, closed by a full stop, mostly letters
        return (not hangul and t.count(" ") >= 9 and bool(P.LATIN_SENTENCE.match(t))
                and len(P.LATIN.findall(t)) >= len(t) * 0.6)
    return len(t) >= 90 or bool(P.SENTENCE_END.search(t) or P.SENTENCE_INSIDE.search(t))


_DIGIT_LIKE = re.compile(r"[0-9,.:/\-|%℃°]")  # ASCII digits and the signs around numbers
_NOT_ASCII_OR_HANGUL = re.compile(r"[^\x00-\x7f가-힣℃°]")  # where other digits (`①`, `²`, `３`) may stand


def _digit_heavy(t: str) -> bool:
    """Return True when over 40% of t are digits (str.isdigit) or the signs ,.:/-|%℃°."""
    if not t:
        return False
    n = len(_DIGIT_LIKE.findall(t)) + sum(map(str.isdigit, _NOT_ASCII_OR_HANGUL.findall(t)))
    return n / len(t) > 0.4


def _caption(t: str) -> bool:
    """Return True for a photo caption (P.CAPTION), ruling out first, without the pattern, a line that
    has none of the marks and endings a caption needs."""
    end = t.rstrip()
    if not (P.CAPTION_MARK.search(t) or end.endswith(P.CAPTION_ENDS) or end[-1:].isdecimal()
            or (end[-1:] == "." and end[-2:-1].isdecimal())):
        return False
    return bool(P.CAPTION.search(t))


def _names_reporter(t: str) -> bool:
    """Return True when t holds `이름 기자` (P.REPORTER); a plain substring test rules most lines out."""
    return bool(P.REPORTER_TITLE.search(t) and P.REPORTER.search(t))


def is_byline(t: str) -> bool:
    """Return True for a standalone byline: `홍길동 기자`, `홍길동 기자 hong@x.co.kr`."""
    if len(t) > 70:
        return False
    if t.startswith("By ") and P.EN_BYLINE.match(t):
        return True
    if not _names_reporter(t):
        return False
    rest = P.EMAIL.sub("", P.REPORTER.sub("", t, count=1))
    return _hangul_count(rest) <= 6 and not P.SENTENCE_INSIDE.search(t)


def is_dateline(t: str) -> bool:
    """Return True for a header line holding a date (승인/입력/수정 or a bare date)."""
    if len(t) > 120 or not P.DATE.search(t) or P.SITE_STAMP.search(t):
        return False
    rest = P.DATELINE_FILLER.sub("", P.DATE.sub(" ", t))
    if _names_reporter(rest):
        rest = P.REPORTER.sub("", rest)
    return len(rest) <= 12


def _classify(t: str) -> str:
    """Return the kind of a normalised line; short lines (portal chrome repeats on every page of a
    site) are remembered, long ones (body paragraphs) are classified afresh."""
    return _classify_short(t) if len(t) < _MEMO_MAX_LEN else _classify_line(t)


def _classify_line(t: str) -> str:
    if not t:
        return "blank"
    if "://" in t and (P.URL.fullmatch(t) or P.SOURCE_URL_LINE.fullmatch(t)):
        return "url"
    if P.CHROME_LINE.match(t) or P.COUNTS_LINE.match(t) or P.BREADCRUMB.match(t):
        return "chrome"
    if len(t) < 150 and P.CHROME_SENTENCE.search(t):
        return "chrome"
    if len(t) < 40 and P.SOURCE_LINE.match(t):
        return "end"  # `출처 : 매체`: names the original outlet, closes a reposted article
    if is_dateline(t) or is_byline(t):
        return "meta"
    if "|" in t and P.MENU_LINE.match(t) and not is_sentence(t):
        return "chrome"
    if _listing_row(t):  # is_sentence is False for every listing row
        return "listing"
    # from here on the line is no listing row
    if P.RELATED_MARKER.match(t):
        return "related"
    if len(t) < 120 and P.END_MARKERS.match(t):
        return "end"
    if len(t) < 300 and _caption(t):
        return "caption"
    if (len(t) >= 20 and _reads_as_text(t)) or (len(t) < 40 and P.SIGNOFF.match(t)):
        return "sentence"
    if len(t) < 2 or _digit_heavy(t):
        return "chrome"
    if len(t) < 40 and (P.CHROME_WORDS.search(t) or P.WEATHER.search(t)):
        return "chrome"
    return "short"


_MEMO_MAX_LEN = 80
_classify_short = lru_cache(maxsize=16384)(_classify_line)


def _prepare(text: str) -> list[_Line]:
    lines: list[_Line] = []
    for t in _normalize_text(text):
        bullet = t.startswith(P.BULLET_MARKS)  # P.BULLET.match on a stripped line
        if bullet:
            t = P.BULLET.sub("", t)
        if lines and t and lines[-1].text == t:
            continue  # the same line twice in a row (a title rendered twice)
        lines.append(_Line(t, bullet))
    if any(len(l.text) >= 200 for l in lines):
        lines = _drop_flattened_copies(lines)
    for l in lines:
        l.kind = _classify(l.text)
    return lines


def _drop_flattened_copies(lines: list[_Line]) -> list[_Line]:
    """Drop a flattened copy of the article: one long line that holds several other lines verbatim."""
    long_keys = [(i, compact(l.text)) for i, l in enumerate(lines) if len(l.text) >= 30]
    drop = set()
    for i, l in enumerate(lines):
        if len(l.text) < 200:
            continue
        c = compact(l.text)
        inside = sum(1 for j, k in long_keys if j != i and len(k) < len(c) and k in c)
        if inside >= 2:
            drop.add(i)
    return [l for i, l in enumerate(lines) if i not in drop]


def _title_like(l: _Line) -> bool:
    # a single word (`Business`, `오피니언`) is a section label, not a headline
    return (l.kind in ("short", "sentence") and 8 <= len(l.text) <= 200 and not l.bullet
            and (" " in l.text or len(l.text) >= 12))


def _header_furniture(l: _Line) -> bool:
    """Return True for counts and dates that sit between a title and its byline."""
    return l.kind == "meta" or (l.kind == "chrome" and bool(P.COUNTS_LINE.match(l.text) or _digit_heavy(l.text)))


def _find_anchor(lines: list[_Line], hint_title: str | None) -> int | None:
    """Return the index of the first header meta line that has a title above and text below."""
    if hint_title:
        ht = compact(M.strip_title(hint_title) or hint_title)
        for i, l in enumerate(lines):
            c = compact(l.text)
            if c and (c == ht or (len(ht) >= 10 and ht in c and len(c) < len(ht) + 30)):
                return i
    for i, l in enumerate(lines):
        if l.kind != "meta":
            continue
        above = [x for x in lines[max(0, i - 8): i] if x.kind != "blank"]
        if not any(_title_like(x) for x in above[-4:]):
            continue
        below = [x for x in lines[i + 1: i + 25] if x.kind == "sentence"]
        if below:
            return i
    return None


_SLASHED_PREFIX = re.compile(r"^\S+/\S+\s")  # `기사/뉴스 제목`


def _strip_board_prefix(title: str, board: bool) -> str:
    if board or _SLASHED_PREFIX.match(title):
        stripped = P.BOARD_PREFIX.sub("", P.BOARD_CATEGORY.sub("", title, count=1), count=1)
        if len(stripped) >= 8:
            return stripped
    return title


def clean_text(text: str, hints: Hints | None = None) -> Cleaned:
    """Return the article in a text dump: body paragraphs once, and its metadata."""
    hints = hints or Hints()
    lines = _prepare(text)
    n = len(lines)
    anchor = _find_anchor(lines, hints.title)
    title, subtitle = None, []
    header: list[str] = []
    urls: list[str] = []
    # a board page: listing rows, or counts lines (which _classify calls chrome)
    board = any(l.kind == "listing" or (l.kind == "chrome" and P.COUNTS_LINE.match(l.text)) for l in lines)

    if anchor is not None and lines[anchor].kind != "meta" and hints.title:
        # the anchor is the title line found from the markup's title
        title = lines[anchor].text
        start = anchor + 1
    elif anchor is not None:
        # title block: title-like lines right above the header's meta lines
        block, j, nicks = [], anchor - 1, 0
        while j >= 0 and len(block) < 6:
            l = lines[j]
            if l.kind == "blank" or (not block and _header_furniture(l)):
                j -= 1
                continue
            if not block and nicks < 2 and l.kind == "short" and len(l.text) <= 20 and " " not in l.text:
                nicks += 1  # a board poster's nickname between the title and the date
                j -= 1
                continue
            if not _title_like(l) or (l.kind == "sentence" and len(l.text) > 120):
                break
            block.append(l.text)
            j -= 1
        block.reverse()
        if block:
            title, subtitle = block[0], block[1:]
        start = anchor
    else:
        first = next((i for i, l in enumerate(lines) if l.kind == "sentence"), n)
        j = first - 1
        while j >= 0 and lines[j].kind == "blank":
            j -= 1
        if j >= 0 and _title_like(lines[j]):
            title = lines[j].text
        start = first

    # header meta lines and subtitles after them, up to the first paragraph of text
    i = start
    while i < n and lines[i].kind != "sentence":
        l = lines[i]
        if l.kind == "meta" or (l.kind == "chrome" and P.DATE.search(l.text)):
            header.append(l.text)
        elif (l.kind == "short" and 8 <= len(l.text) <= 120 and len(subtitle) < 5 and not l.text.endswith("다.")
              and not _digit_heavy(l.text)):
            if title is None:
                title = l.text
            elif compact(l.text) != compact(title):
                subtitle.append(l.text)
        elif l.kind == "end":
            header.append(l.text)
        i += 1
    body_start = i
    # a source URL line above the article (a board repost names the original first)
    urls.extend(P.URL.search(l.text).group(0) for l in lines[:body_start] if l.kind == "url")

    if title:
        title = _strip_board_prefix(M.strip_title(title, hints.site) or title, board)
    seen_titles = {compact(t) for t in [title or "", hints.title or "", *subtitle, *hints.subtitle] if t}

    body: list[tuple[str, str]] = []  # (kind, text)
    footer: list[str] = []
    bylines: list[str] = []
    i = body_start
    skipping_related = False
    while i < n:
        l = lines[i]
        t, kind = l.text, l.kind
        i += 1
        if kind == "blank":
            continue
        if kind == "end":
            if any(k == "sentence" for k, _ in body):
                footer.extend(x.text for x in lines[i - 1:])
                break
            header.append(t)
            continue
        if kind == "related":
            skipping_related = True
            continue
        if skipping_related:
            if kind == "sentence" and len(t) >= 60:
                skipping_related = False
            else:
                continue
        if kind == "url":
            urls.append(P.URL.search(t).group(0))
            continue
        if kind == "meta":
            if is_byline(t):
                bylines.append(t)
            continue
        if kind in ("chrome", "caption", "listing"):
            continue
        if compact(t) in seen_titles:
            continue
        if kind == "short" and M.outlet_mentioned(t):
            footer.append(t)
            continue
        body.append((kind, t))

    paragraphs = _tidy(body, lines)
    return Cleaned(
        title=M.strip_title(hints.title, hints.site) if hints.title else title,
        subtitle=tuple(hints.subtitle) or tuple(subtitle),
        paragraphs=tuple(paragraphs),
        **_metadata(header, paragraphs, footer, urls, bylines, hints, lines, body_start),
    )


_NOUN_STOP = re.compile(r"[가-힣A-Za-z0-9)]\.$")
_ENDING_STOP = re.compile(r"(다|요|까|죠)\.$")


def _tidy(body: list[tuple[str, str]], lines: list[_Line]) -> list[str]:
    """Return the body's paragraphs: short lines kept only as intertitles, duplicates once."""
    out: list[str] = []
    seen = set()
    sentence_idx = [k for k, (kind, _) in enumerate(body) if kind == "sentence"]
    if not sentence_idx:
        return []
    first, last = sentence_idx[0], sentence_idx[-1]
    listed = _numbered_runs(body, first, last)
    for k, (kind, t) in enumerate(body):
        if k < first or k > last:
            continue  # short lines before the first or after the last paragraph are furniture
        if kind == "short":
            if (P.LIST_ITEM.match(t) and k not in listed) or len(t) > 150:
                continue
            # a noun phrase closed by a full stop is a photo caption, not an intertitle
            if t.endswith(".") and not P.SENTENCE_END.search(t[:-1] + "다.") and len(t) < 60:
                continue
            if _NOUN_STOP.search(t) and not _ENDING_STOP.search(t) and len(t) < 60:
                continue
        c = compact(t)
        if c in seen:
            continue
        seen.add(c)
        out.append(t)
    return out


_NUMBERED = re.compile(r"^\s*(\d{1,2})[.)]\s+\S")


def _numbered_runs(body, first: int, last: int) -> set:
    """Return the indices of numbered lines (`1. ...`, `2. ...`) counting up from 1 between paragraphs:
    a list inside the article, not a ranking of other articles."""
    out, run, want = set(), [], 1
    for k in range(first, last + 1):
        m = _NUMBERED.match(body[k][1])
        if m and int(m[1]) == want:
            run.append(k)
            want += 1
            continue
        if len(run) >= 2:
            out.update(run)
        run, want = ([k], 2) if m and m[1] == "1" else ([], 1)
    if len(run) >= 2:
        out.update(run)
    return out


def _metadata(header, paragraphs, footer, urls, bylines, hints: Hints, lines=(), body_start=0) -> dict:
    published = updated = None
    plain = []
    for line in header:
        for kind, iso in M.dates_in_line(line):
            if kind == "published" and not published:
                published = iso
            elif kind == "updated" and not updated:
                updated = iso
            elif kind == "plain":
                plain.append(iso)
    if not published and plain:
        published = plain[0]
        if not updated and len(plain) > 1 and plain[1] > plain[0]:
            updated = None  # a second bare date is usually a site stamp; do not guess
    reporters: list[str] = []
    outlet = None
    for line in header:
        if is_byline(line) or P.REPORTER.search(line):
            for r in M.reporter_names(line):
                if r not in reporters:
                    reporters.append(r)
    for para in paragraphs[:2] + paragraphs[-1:]:
        o, names = M.outlet_from_dateline(para)
        if names or o:
            outlet = outlet or o
            for r in names:
                if r not in reporters:
                    reporters.append(r)
    if not outlet:
        # `출처 : 매체` names the original outlet of a reposted article
        outlet = next((o for o in map(M.outlet_from_source_line, header + footer) if o), None)
    for line in bylines:
        o, _ = M.outlet_from_dateline(line)
        outlet = outlet or o
        for r in M.reporter_names(line):
            if r not in reporters:
                reporters.append(r)
    if not outlet:
        for line in footer + paragraphs[-2:]:
            outlet = M.outlet_from_copyright(line) or M.outlet_mentioned(line)
            if outlet:
                break
    if not outlet and paragraphs:
        m = P.SIGNOFF.match(paragraphs[-1])  # `KBS 뉴스 홍길동입니다.`
        outlet = M.known_outlet(m["outlet"]) if m else None
    if not outlet:
        # the reporter's e-mail domain (`hong@outlet.co.kr`) under the article
        for l in lines[body_start:]:
            if "@" in l.text:
                outlet = next((o for o in map(M.outlet_from_email, P.EMAIL.findall(l.text)) if o), None)
                if outlet:
                    break
    url = hints.url or (urls[0] if urls else None) or hints.page_url
    if not outlet:
        outlet = M.outlet_from_host(url) or M.outlet_from_host(hints.page_url)
    if not outlet and not hints.site:
        # the site's logo as a line of its own above the title
        for l in lines[: min(body_start, 60)]:
            if l.kind in ("short", "chrome") and len(l.text) <= 20:
                outlet = M.known_outlet(l.text)
                if outlet:
                    break
    if not outlet and hints.site and not P.PORTALS.match(hints.site.strip()):
        outlet = M.canonical_outlet(hints.site)
    return {
        "reporters": tuple(hints.reporters) or tuple(reporters),
        "outlet": M.canonical_outlet(hints.outlet) if hints.outlet else outlet,
        "url": url,
        "published": hints.published or published,
        "updated": hints.updated or updated,
    }
