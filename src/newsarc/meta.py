"""Metadata from Korean news conventions: dates, bylines, outlets, source URLs."""
from __future__ import annotations

import re
from urllib.parse import urlparse

from . import patterns as P
from .dictionary import key, load

KST = "+09:00"


def parse_date(s: str) -> str | None:
    """Return the first date-time in s as ISO 8601 in KST, or None."""
    m = P.DATE.search(s)
    if not m:
        return None
    return _iso(m)


def _iso(m: re.Match) -> str | None:
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    hh = int(m["H"]) if m["H"] else 0
    mm = int(m["M"]) if m["M"] else 0
    ss = int(m["S"]) if m["S"] else 0
    ampm = (m["ampm"] or "").lower()
    if ampm in ("오후", "pm") and hh < 12:
        hh += 12
    if ampm in ("오전", "am") and hh == 12:
        hh = 0
    if hh > 23 or mm > 59 or ss > 59:
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}T{hh:02d}:{mm:02d}:{ss:02d}{KST}"


_LABEL_SEPARATOR = re.compile(r"[|·•]|\s{3,}")  # what stands between one date's label and the text before it


def dates_in_line(line: str) -> list[tuple[str, str]]:
    """Return [(kind, iso)] for the dates in a header line; kind is published, updated or plain."""
    if P.SITE_STAMP.search(line):
        return []
    out = []
    for m in P.DATE.finditer(line):
        iso = _iso(m)
        if not iso:
            continue
        before = line[: m.start()]
        before = _LABEL_SEPARATOR.split(before)[-1].strip()
        if P.LABEL_UPDATED.search(before):
            kind = "updated"
        elif P.LABEL_PUBLISHED.search(before):
            kind = "published"
        else:
            kind = "plain"
        out.append((kind, iso))
    return out


def normalize_iso(value: str | None) -> str | None:
    """Return an ISO date-time string (from JSON-LD or meta tags) converted to KST."""
    if not value:
        return None
    import datetime as dt

    v = value.strip().replace("Z", "+00:00")
    try:
        d = dt.datetime.fromisoformat(v)
    except ValueError:
        return parse_date(value)
    if d.tzinfo is None:
        return d.strftime("%Y-%m-%dT%H:%M:%S") + KST
    kst = dt.timezone(dt.timedelta(hours=9))
    return d.astimezone(kst).strftime("%Y-%m-%dT%H:%M:%S") + KST


def _valid_name(name: str) -> bool:
    d = load()
    if not d.surnames:
        return True
    return name[0] in d.surnames or name[:2] in d.surnames


_NOT_NAMES = {"사진", "취재", "영상", "온라인", "디지털", "편집", "사회", "경제", "정치", "국제", "문화",
              "산업", "증권", "금융", "스포츠", "연예", "뉴스", "전문", "객원", "수습", "인턴", "기획", "특별",
              "담당", "사진부", "그래픽", "기사", "본지", "일보", "신문", "통신", "방송", "선임", "수석"}


_NAME_SEPARATOR = re.compile(r"\s*[·,ㆍ]\s*")
_EN_NAME_SEPARATOR = re.compile(r"\s*(?:,|\band\b)\s*")


def reporter_names(line: str) -> list[str]:
    """Return reporter names (without 기자) found in a byline or dateline."""
    out = []
    for m in P.REPORTER.finditer(line):
        for n in _NAME_SEPARATOR.split(m["names"]):
            n = n.strip()
            if n and n not in _NOT_NAMES and _valid_name(n) and n not in out:
                out.append(n)
    if not out and line.startswith("By "):
        m = P.EN_BYLINE.match(line.strip())
        if m:
            out = [n.strip() for n in _EN_NAME_SEPARATOR.split(m["names"]) if n.strip()]
    return out


def outlet_from_host(url: str | None) -> str | None:
    """Return the outlet whose domain serves url; a portal's domain names no outlet."""
    if not url:
        return None
    try:
        host = urlparse(url).hostname or ""
    except ValueError:
        return None
    name = load().outlet_for_host(host) if host else None
    return None if name is None or P.PORTALS.match(name) else name


def outlet_from_email(address: str) -> str | None:
    """Return the outlet of a reporter's e-mail address (`hong@yna.co.kr`), or None."""
    return outlet_from_host("http://" + address.rsplit("@", 1)[-1])


def known_outlet(name: str | None) -> str | None:
    """Return the outlets table's name for name (an outlet's name or alias, not a portal), or None."""
    if not name or len(name) > 40:
        return None
    found = load().outlet_name(name.strip())
    return None if found is None or P.PORTALS.match(found) else found


def outlet_from_source_line(line: str) -> str | None:
    """Return the outlet named by `출처 : 매체` when it reads as an outlet's name."""
    m = P.SOURCE_LINE.match(line)
    if not m:
        return None
    name = m["name"].strip()
    return known_outlet(name) or (canonical_outlet(name) if _OUTLET_LIKE.search(name) else None)


_OUTLET_LIKE = re.compile(r"(뉴스|일보|신문|경제|방송|타임스|타임즈|미디어|저널|통신|News|TV)$")


_COPYRIGHT_WORD = re.compile(r"^(?:저작권자|Copyright)\s*")


def canonical_outlet(name: str | None) -> str | None:
    """Return the outlet's name as the outlets table has it, or the cleaned name itself."""
    if not name:
        return None
    name = name.strip(" =[]()<>|,.·")
    name = _COPYRIGHT_WORD.sub("", name).strip()
    if not name or len(name) > 30:
        return None
    return load().outlet_name(name) or name


def outlet_from_dateline(line: str) -> tuple[str | None, list[str]]:
    """Return (outlet, reporters) from `[매체=홍길동 기자]`, `(서울=연합뉴스) 홍길동 기자`."""
    for rx in (P.DATELINE, P.AGENCY_DATELINE):
        m = rx.search(line)
        if m:
            names = reporter_names(m.group(0))
            return canonical_outlet(m["outlet"]), names
    m = P.TRAILING_BYLINE.search(line)
    if m:
        return canonical_outlet(m["outlet"]), reporter_names(m.group(0))
    return None, []


_AFTER_OUTLET = re.compile(r"\s*(무단|All|all|www).*$")  # `무단 전재 금지`, `All rights reserved`
_WORD = re.compile(r"[0-9A-Za-z가-힣][0-9A-Za-z가-힣.\-]*")


def outlet_from_copyright(line: str) -> str | None:
    m = P.COPYRIGHT.search(line)
    if not m:
        return None
    name = m["outlet"].strip()
    name = _AFTER_OUTLET.sub("", name)
    if not name or key(name) in {"all", "rights"}:
        return None
    if known_outlet(name):
        return known_outlet(name)
    # a slogan before the name, a domain or a company suffix after it: look for a known name
    words = _WORD.findall(line[m.start("outlet"):])[:12]
    for i, w in enumerate(words):
        for cand in (w + " " + words[i + 1] if i + 1 < len(words) else "", w, w[:-1] if w.endswith("사") else ""):
            found = known_outlet(cand.strip(".")) if len(cand) >= 2 else None
            if not found and "." in cand:
                found = outlet_from_host("http://" + cand.strip("."))
            if found:
                return found
    return canonical_outlet(name)


_FOOTER_SEPARATOR = re.compile(r"[,|/·]")


def outlet_mentioned(line: str) -> str | None:
    """Return a known outlet named alone on a footer line such as `매체명, ENGLISHNAME`."""
    if len(line) > 60:
        return None
    parts = [p.strip() for p in _FOOTER_SEPARATOR.split(line) if p.strip()]
    if not parts or len(parts) > 3:
        return None
    d = load()
    for p in parts:
        name = d.outlet_name(p)
        if name:
            return name
    return None


def strip_title(title: str | None, site: str | None = None) -> str | None:
    """Return a title without a board category prefix or a ` - 매체` site suffix."""
    if not title:
        return None
    t = " ".join(title.split())
    m = P.SITE_SUFFIX.search(t)
    if m and _site_like(m.group(0).strip(" -|:–—"), site):
        t = t[: m.start()].strip()
    m = P.SITE_PREFIX.match(t)
    if m and _site_like(m.group(1).strip(), site) and len(t) - m.end() >= 8:
        t = t[m.end():].strip()
    return t or None


def _site_like(name: str, site: str | None) -> bool:
    """Return True when a title's prefix or suffix names the site (an outlet, a portal)."""
    return bool(load().outlet_name(name) or (site and key(name) == key(site)) or P.PORTALS.match(name) or re.search(
        r"(뉴스|일보|신문|경제|닷컴|미디어|방송|타임스|타임즈|포스트|News|news|TV|tv|코리아)$", name))
