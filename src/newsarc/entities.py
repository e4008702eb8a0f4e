"""Companies and people in an article body, from Kiwi tokens, rules and the dictionary.

Both functions work on *units*: runs of noun-like tokens written without a space between
them (``SK`` + ``텔레콤`` -> ``SK텔레콤``, ``공동`` + ``대표`` -> ``공동대표``). Particles,
endings and punctuation end a unit and are kept as separate units, so patterns such as
``NAME AFFILIATION ROLE`` or ``X 관계자는`` are read over units, not raw morphemes.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress

from . import analyse
from .dictionary import key, load
from .models import Company, Person

# ---------------------------------------------------------------------------------------
# dictionary look-ups, memoised per process (the dictionaries are read once per process)

_key = lru_cache(maxsize=1 << 16)(key)


@lru_cache(maxsize=1 << 16)
def _company(name: str):
    """Return load().company(name)."""
    return load().company(name)


@lru_cache(maxsize=1 << 16)
def _outlet_name(name: str):
    """Return load().outlet_name(name)."""
    return load().outlet_name(name)


# ---------------------------------------------------------------------------------------
# units

_NOUN_TAGS = frozenset({"NNP", "NNG", "SL", "SH", "SN", "XR", "XSN", "NR"})
_HANGUL = re.compile(r"[가-힣]")
_HANGUL_ONLY = re.compile(r"^[가-힣]+$")
_LATIN = re.compile(r"^[A-Za-z][A-Za-z0-9&.+\-]*$")


@dataclass(slots=True)
class Unit:
    text: str  # surface as written (a noun run), or the form of a single other token
    tags: tuple
    forms: tuple
    start: int
    end: int
    noun: bool  # a run of noun-like tokens
    space_before: bool  # whitespace (or nothing: start of text) before the unit

    @property
    def proper(self) -> bool:
        """True when every token is a proper noun or foreign letters (no common nouns)."""
        return all(t in ("NNP", "SL", "SH") for t in self.tags)


_LATIN_JOINERS = frozenset({"&", "+"})


class _TagInfo(dict):
    """Kiwi tag -> (tag without its sub-tag, noun-like, that tag alone in a tuple): VV-R -> VV."""

    def __missing__(self, tag: str) -> tuple[str, bool, tuple]:
        t0 = tag.split("-")[0]
        v = self[tag] = (t0, t0 in _NOUN_TAGS, (t0,))
        return v


_TAG_INFO = _TagInfo()


def units(tokens, text: str = "") -> list[Unit]:
    """Return the token stream grouped into units (see module docstring)."""
    out: list[Unit] = []
    append = out.append
    last = None  # out[-1]
    prev_end = -1  # furthest end of a token so far (-1: none yet)
    text_len = len(text) if text else -1  # no text: keep every form
    tag_info = _TAG_INFO
    for t in tokens:
        start = t.start
        end = start + t.len
        tag, noun, tags = tag_info[t.tag]
        attached = start <= prev_end
        if prev_end < end:
            prev_end = end
        form = t.form
        if noun:
            surface = (text[start:end] or form) if text_len >= end else form  # as written: Naver
            if attached and last is not None and last.noun and not (tag == "XSN" and form == "들"):
                last.text += surface
                last.tags += (tag,)
                last.forms += (form,)
                last.end = end
                continue
            last = Unit(surface, tags, (form,), start, end, tag != "XSN", not attached)
        elif attached and last is not None and last.noun and (
                form == "스" and ((last.text + "스").endswith(_S_SUFFIXES) or _company(last.text + "스"))
                or tag == "SW" and last.tags[-1] == "SL" and form in _LATIN_JOINERS):
            # Kiwi reads the last syllable of 한솔바이오로직스 as a verb (로직/NNG 스/VV);
            # KT&G, AT&T, SK E&S, LGU+: the sign belongs to the Latin name it is written in
            last.text += form
            last.tags += ("NNG",) if form == "스" else ("SL",)
            last.forms += (form,)
            last.end = end
            continue
        else:
            last = Unit(form, tags, (form,), start, end, tag == "NNB" and form == "씨", not attached)
        append(last)
    return out


# companies() and people() are called in turn on the same tokens: the units of the last
# token list (a list holding the very same Token objects) and the people read from them are
# kept for the next call. Only this module sees these units; units() always builds new ones.
_last_units = None  # (tokens, copy of the token list, text, units)


def _units_of(tokens, text: str) -> list[Unit]:
    """Return units(tokens, text), reusing the last result for the same tokens and text."""
    global _last_units
    if type(tokens) is not list:
        return units(tokens, text)
    last = _last_units
    if last is not None and last[0] is tokens and last[2] == text and last[1] == tokens:
        return last[3]
    us = units(tokens, text)
    _last_units = (tokens, list(tokens), text, us)
    return us


# ---------------------------------------------------------------------------------------
# bylines: [인사이트코리아=이경원 기자], (서울=연합뉴스) 홍길동 기자 =, [비즈니스포스트 박혜린 기자]

_BYLINE = re.compile(
    r"[\[\(【<][^\[\]\(\)【】<>\n]{0,30}=[^\[\]\(\)【】<>\n]{0,30}[\]\)】>]"
    r"|[\[\(【<][^\[\]\(\)【】<>\n]{0,40}(?:기자|특파원|통신원)[^\[\]\(\)【】<>\n]{0,30}[\]\)】>]"
    r"|[가-힣]{2,4} ?(?:기자|특파원)\s*=")
_REPORTER = re.compile(r"([가-힣]{2,4}) ?(?:선임|수석|인턴|객원|전문)?(?:기자|특파원|통신원)(?![가-힣])")
_REPORTER_TITLE = re.compile(r"기자|특파원|통신원")
_REPORTER_BEFORE = 8  # a _REPORTER match starts at most 7 characters before its title


def _reporter_names(text: str) -> frozenset:
    """Return the names _REPORTER finds in text. It is run only around the titles: a match ends
    with one, and starts at most 7 characters before it; windows that meet are read as one."""
    windows: list[list[int]] = []
    for m in _REPORTER_TITLE.finditer(text):
        a, b = max(0, m.start() - _REPORTER_BEFORE), m.end() + 1  # + 1: the lookahead's character
        if windows and a <= windows[-1][1]:
            windows[-1][1] = b
        else:
            windows.append([a, b])
    return frozenset(m.group(1) for a, b in windows for m in _REPORTER.finditer(text, a, b))


def _byline_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _BYLINE.finditer(text or "")]


def _in_spans(u: Unit, spans) -> bool:
    return any(a <= u.start < b for a, b in spans)


_last_text = None  # (text, byline spans, in-byline mask, reporter names) of the last text read


def _text_marks(text: str):
    """Return (byline spans, mask, reporter names) of a text; mask[i] is 1 inside a byline."""
    global _last_text
    last = _last_text
    if last is not None and last[0] == text:
        return last[1:]
    spans = _byline_spans(text)
    mask = bytearray(len(text or ""))
    for a, b in spans:
        mask[a:b] = b"\x01" * (b - a)
    names = _reporter_names(text or "")
    _last_text = (text, spans, bytes(mask), names)
    return spans, bytes(mask), names


def _in_mask(u: Unit, mask) -> bool:
    """_in_spans(u, spans) for the mask of those spans."""
    return u.start < len(mask) and mask[u.start] == 1


# ---------------------------------------------------------------------------------------
# companies

# Endings that make a proper noun a company name. The first set also makes a Latin-script
# prefix a company (SK바이오팜, LS전선 style); the second needs a Hangul proper noun before it
# (IT산업, B2B솔루션, AI반도체 are not companies).
_STRONG_SUFFIX = (
    "전자", "텔레콤", "그룹", "증권", "은행", "홀딩스", "지주", "건설", "제약", "바이오", "벤처스",
    "엔터테인먼트", "생명", "화재", "손해보험", "손보", "캐피탈", "캐피털", "자산운용", "중공업",
    "케미칼", "모터스", "자동차", "물산", "제철", "이노텍", "인베스트먼트", "파트너스", "게임즈",
    "엔터", "모빌리티", "로보틱스", "헬스케어", "파이낸셜", "금융지주", "저축은행", "해운", "항공",
    "조선해양", "네트웍스", "코퍼레이션", "컴퍼니", "테크놀로지스", "테크놀로지", "랩스", "스튜디오",
    "미디어", "글로벌", "코리아", "재팬", "차이나", "인터내셔널", "주식회사", "㈜",
    "바이오로직스", "바이오사이언스", "테라퓨틱스", "파마", "파마슈티컬", "솔루션즈", "머티리얼즈",
    "커뮤니케이션즈", "인더스트리", "인더스트리얼", "이앤씨", "케미컬", "메디칼", "메디컬", "일렉트릭",
    "로지스틱스", "에어로스페이스", "다이내믹스", "오토모티브", "인터랙티브", "엔지니어링",
)
_WEAK_SUFFIX = (
    "화학", "에너지", "반도체", "디스플레이", "통신", "유통", "식품", "철강", "소프트", "테크",
    "솔루션", "페이", "뱅크", "리츠", "상사", "제지", "약품", "제과", "푸드", "시스템즈",
    "쇼핑", "백화점", "마트", "카드", "건설", "산업", "정밀", "전기", "가스", "석유", "시멘트",
    "렌탈", "해상", "물류", "택배", "운용", "투자", "캐스트", "웍스", "소프트웨어",
    "이노베이션", "커머스", "시큐리티", "팜", "에듀", "상조", "하이텍", "머티리얼", "로직스",
)
# Endings so particular to company names that a prefix Kiwi reads as a common noun still makes
# one (별빛/NNG 엔터테인먼트, 바다캐피탈/NNG), unless the prefix is a generic word (국내, 글로벌).
_WHOLE_SUFFIX = (
    "엔터테인먼트", "홀딩스", "벤처스", "인베스트먼트", "파트너스", "게임즈", "로보틱스", "테크놀로지스",
    "코퍼레이션", "네트웍스", "랩스", "바이오로직스", "바이오사이언스", "테라퓨틱스", "솔루션즈",
    "시스템즈", "머티리얼즈", "커뮤니케이션즈", "파마슈티컬", "로지스틱스", "에어로스페이스", "캐피탈",
    "캐피털", "자산운용", "저축은행", "이앤씨",
)
_GENERIC_PREFIX = frozenset({
    "국내", "해외", "글로벌", "종합", "전문", "민간", "대형", "중소", "중견", "주요", "신규", "외국계",
    "국내외", "기존", "일반", "관련", "해당", "전체", "다른", "모든", "상위", "하위", "대표", "신생",
    "토종", "외국", "국적", "국영", "공기업", "계열", "자회사", "지주", "한국계", "미국계", "일본계",
    "중국계", "유럽계", "글로벌계", "사모", "공모", "벤처", "창업", "대부", "지방", "시중", "인터넷",
})
# After X: X is a company (unknown ones need this or a suffix)
_CO_NEXT = frozenset({
    "관계자", "주가", "주식", "지분", "계열사", "자회사", "매출", "영업이익", "순이익", "주주",
    "이사회", "노조", "경영권", "시가총액", "주주총회", "실적", "본사", "사옥", "임직원", "직원",
    "창업자", "창업주", "대변인", "최대주주", "인수", "상장", "공시",
})
# Before X: X is a company
_CO_PREV_END = ("자회사", "계열사", "모회사", "경쟁사", "협력사", "업체", "기업", "회사", "운영사",
                "제조사", "스타트업", "지주사", "손자회사", "법인", "대기업", "빅테크")
# Words ending so are organisations or places, not companies (서울시, 국토교통부, 민주당, ...)
_NOT_CO_END = ("부", "처", "청", "원", "위원회", "위", "시", "도", "군", "구", "당", "경찰", "검찰",
               "법원", "대학", "대학교", "학교", "병원", "협회", "연구소", "재단", "센터", "공단",
               "조합", "연합회", "의회", "정부", "대사관", "국", "성", "주")
# Before X: an unknown proper noun X is a company (핀테크 기업 페이온, 장비업체 세진하이텍)
_CO_PREV_END_UNKNOWN = ("자회사", "계열사", "모회사", "경쟁사", "협력사", "업체", "기업", "스타트업",
                        "운영사", "제조사", "지주사", "주식회사")
_CO_LIST_JOINERS = frozenset({"와", "과", "및", "·", ",", "/", "-", "–", "나", "이나", "랑", "하고"})
_GROUP_TAIL = ("그룹", "주식회사", "㈜", "측", "본사", "그룹사")


_LATIN_PREFIX = re.compile(r"^[A-Za-z0-9&]+$")
_ALL_SUFFIXES = _STRONG_SUFFIX + _WEAK_SUFFIX
_S_SUFFIXES = tuple(x for x in _ALL_SUFFIXES if x.endswith("스"))


def _suffix_company(u: Unit) -> bool:
    """True when the unit reads as a company by its ending (카카오벤처스, 한미약품)."""
    return _suffix_company_of(u.text, u.noun, u.tags[0])


@lru_cache(maxsize=1 << 16)
def _suffix_company_of(s: str, noun: bool, tag0: str) -> bool:
    if len(s) < 3 or not noun:
        return False
    for suf in _ALL_SUFFIXES:
        if s.endswith(suf) and len(s) > len(suf):
            prefix = s[: -len(suf)]
            latin = bool(_LATIN_PREFIX.match(prefix))
            if latin:
                return suf in _STRONG_SUFFIX and len(prefix) >= 2
            if not _HANGUL_ONLY.match(prefix):
                return False
            # the prefix must be a name (NNP) or a known company, not a common noun
            if _company(prefix):
                return True
            if len(prefix) < 2 or _key(prefix) in load().not_companies:
                return False
            if tag0 == "NNP":
                return True
            return suf in _WHOLE_SUFFIX and prefix not in _GENERIC_PREFIX
    return False


@lru_cache(maxsize=1)
def _name_prefixes() -> frozenset:
    """Return every proper prefix of the dictionary's name keys (네이버 of 네이버클라우드)."""
    return frozenset(k[:n] for k in load().companies for n in range(1, len(k)))


@lru_cache(maxsize=1)
def _alias_index():
    """Return {_key(alias): {canonical names listing it}}: which companies a short name may mean."""
    idx: dict[str, set] = {}
    for e in load().company_list:
        for a in e.aliases:
            idx.setdefault(_key(a), set()).add(e.name)
    return idx


def _latin_ok(surface: str, entry) -> bool:
    """Latin names match only as written in the dictionary, case included (KT, Arm; not arm)."""
    names = (entry.name, *entry.aliases)
    compact = surface.replace(" ", "")
    return any(n.replace(" ", "") == compact for n in names) or surface.isupper() and len(surface) > 4


def _ambiguous(u_text: str, tags: tuple) -> bool:
    """True when a dictionary hit may be an ordinary word (라인, 다음, 아마존 rainforest, Arm)."""
    if all(t == "SL" for t in tags):
        return len(u_text) <= 4 and not u_text.isupper()
    if len(u_text) < 2 or u_text in analyse.common_names():
        return True
    return "NNP" not in tags  # Kiwi read it as a common noun here


def _company_context(us: list[Unit], i: int, found: set) -> bool:
    """True when unit i stands where a company stands (관계자, 자회사 X, a list of companies)."""
    j = _next_noun(us, i, skip_particles=True)
    if j is not None and (us[j].text in _CO_NEXT or us[j].forms[0] in _CO_NEXT):
        return True
    p = _prev_noun(us, i)
    if p is not None and us[p].text.endswith(_CO_PREV_END):
        return True
    # listed with a company: 네이버와 라인, 구글·아마존·애플
    for k in (i - 2, i + 2):
        if 0 <= k < len(us) and us[k].noun and _key(us[k].text) in found:
            mid = us[min(i, k) + 1]
            if mid.text in _CO_LIST_JOINERS:
                return True
    # a title after it: 애플 CEO, 쿠팡 대표
    if j is not None and us[j].space_before and _role_of(us[j].text) and us[j].text != "씨":
        return True
    # Latin spelling in parentheses: 라인(LINE)
    if i + 2 < len(us) and us[i + 1].text == "(" and us[i + 2].tags[0] == "SL":
        e = _company(us[i + 2].text)
        if e and e is _company(us[i].text):
            return True
    return False


def _next_noun(us, i, skip_particles=False):
    j = i + 1
    if skip_particles:
        while j < len(us) and not us[j].noun and us[j].tags[0].startswith("J") and not us[j].space_before:
            j += 1
    return j if j < len(us) and us[j].noun else None


def _prev_noun(us, i):
    p = i - 1
    return p if p >= 0 and us[p].noun and us[i].space_before else None


def companies(tokens, text: str, exclude: set[str] = frozenset(), people_names=None) -> list[Company]:
    """Return companies in the tokens, by canonical name, most mentioned first."""
    d = load()
    us = _units_of(tokens, text)
    skip, skip_mask, _ = _text_marks(text)
    if people_names is None:
        people_names = {p.name for p in _people(us, text, ())}
    person_keys = {_key(n) for n in people_names}
    exclude = {_key(x) for x in exclude}
    hits = []  # (unit index, canonical, surface, kind, sure)
    n = len(us)
    # link[k]: unit k may continue a multi-unit name (a noun after a space)
    link = [v.noun and v.space_before for v in us]
    prefixes = _name_prefixes()
    done = 0  # units before this one were read as part of a name
    # noun units outside bylines
    cands = [i for i, v in enumerate(us) if v.noun and not _in_mask(v, skip_mask)]
    for i in cands:
        if i < done:
            continue
        u = us[i]
        k1 = _key(u.text)
        # a run is tried only when the unit begins some longer dictionary name
        several = i + 1 < n and link[i + 1] and k1 in prefixes
        if not several and _dull(u.text, u.tags):
            continue  # no company by itself, by its tail, by its ending or by its context
        match = None
        # longest run of up to three units (네이버 클라우드, 야후 재팬) named in the dictionary;
        # the keys of a run are the keys of its units end to end (keys have no spaces)
        runs = [1]
        if several:
            k2 = k1 + _key(us[i + 1].text)
            if k2 in d.companies:
                runs.insert(0, 2)
            if i + 2 < n and link[i + 2] and k2 in prefixes:
                runs.insert(0, 3)
        for span in runs:
            if span == 1:
                surface = u.text
            elif not all(_short(us[k]) for k in range(i, i + span)):
                continue
            else:
                surface = " ".join(us[k].text for k in range(i, i + span))
            tags = tuple(t for k in range(i, i + span) for t in us[k].tags)
            e = _dictionary_hit(surface, tags)
            if e:
                if span > 1 and not _HANGUL.search(surface) and _key(surface) not in {_key(x) for x in (e.name, *e.aliases)}:
                    continue
                match = (span, e, surface, tags)
                break
        if match:
            span, e, surface, tags = match
            j = i + span
            if j < n and link[j] and _key(surface + us[j].text) in d.not_companies:
                # the name is the first word of something else: 아마존 열대우림, 한화 이글스
                done = j + 1
                continue
            sure = span > 1 or not _ambiguous(surface, tags)
            hits.append((i, e.name, surface, e.kind, sure))
            done = i + span
            continue
        tailed = _tailed_company(u.text)
        if tailed:
            e, surface = tailed
            hits.append((i, e.name, surface, e.kind, True))
        elif _unknown_company(us, i, person_keys):
            hits.append((i, u.text, u.text, "company", True))
    found_sure = {_key(c) for _, c, _, _, sure in hits if sure}
    found_sure |= {_key(s) for _, _, s, _, sure in hits if sure}
    counts: Counter = Counter()
    seen_as: dict[str, list] = {}
    kinds: dict[str, str] = {}
    first: dict[str, int] = {}
    # "one sense per article": an ambiguous name counts when one of its mentions is sure
    confirmed = {c for _, c, _, _, sure in hits if sure}
    for i, canon, surface, kind, sure in hits:
        if not sure and canon not in confirmed:
            if _company_context(us, i, found_sure):
                confirmed.add(canon)
    for i, canon, surface, kind, sure in hits:
        if canon not in confirmed:
            continue
        k = _key(canon)
        if k in exclude or _key(surface) in exclude or k in person_keys or _key(surface) in person_keys:
            continue
        if _key(surface) in d.not_companies and not sure:
            continue
        counts[canon] += 1
        kinds[canon] = kind
        first.setdefault(canon, i)
        seen_as.setdefault(canon, [])
        if surface not in seen_as[canon]:
            seen_as[canon].append(surface)
    # a short name listed as an alias of another company found here means that company
    # (야후 next to 야후재팬, 라인 next to 라인야후)
    idx = _alias_index()
    for canon in list(counts):
        owners = [o for o in idx.get(_key(canon), ()) if o != canon and o in counts]
        if len(owners) == 1:
            o = owners[0]
            counts[o] += counts.pop(canon)
            for s in seen_as.pop(canon):
                if s not in seen_as[o]:
                    seen_as[o].append(s)
            first[o] = min(first[o], first.pop(canon))
    out = [Company(c, counts[c], tuple(seen_as[c]), kinds.get(c, "company")) for c in counts]
    out.sort(key=lambda c: (-c.count, first[c.name]))
    return out


def _short(u: Unit) -> bool:
    """True when a unit may be part of a multi-unit name: no space inside, at most two tokens."""
    return " " not in u.text and (len(u.tags) <= 2 or _LATIN.match(u.text) is not None)


@lru_cache(maxsize=1 << 16)
def _dull(text: str, tags: tuple) -> bool:
    """True when a noun unit, on its own, can be no company: no dictionary name, no company
    with a tail (네이버측, 신한은행장), and never an unknown company (companies() then only
    looks further when the unit begins a longer dictionary name)."""
    if _dictionary_hit(text, tags):
        return False
    return not _tailed_company(text) and _unknown_company_of(text, True, tags)[1] is False


def _dictionary_hit(surface: str, tags: tuple):
    """Return the dictionary entry a surface names, unless it is all Latin letters written
    otherwise than the dictionary writes it (arm is not Arm)."""
    e = _company(surface)
    if e and not (all(t == "SL" for t in tags) and not _latin_ok(surface, e)):
        return e
    return None


@lru_cache(maxsize=1 << 16)
def _tailed_company(text: str):
    """Return (entry, surface) when a unit is a dictionary company plus a tail that keeps it the
    same company (소프트뱅크그룹, 네이버측), or the head of a bank (신한은행장 -> 신한은행); else None."""
    for tail in _GROUP_TAIL:
        if text.endswith(tail) and len(text) > len(tail):
            e = _company(text[: -len(tail)])
            if e:
                return e, text
    if text.endswith("행장") and len(text) > 3:
        e = _company(text[:-1])
        if e:
            return e, text[:-1]
    return None


def _unknown_company(us, i, person_keys) -> bool:
    """True when unit i is a company the dictionary lacks, by its ending or its context."""
    u = us[i]
    k, verdict, name = _unknown_company_of(u.text, u.noun, u.tags)
    if verdict is False or k in person_keys:
        return False
    if name and _role_follows(us, i):
        return False
    if verdict:
        return True
    j = _next_noun(us, i, skip_particles=True)
    if j is not None and us[j].space_before and us[j].text in _CO_NEXT:
        return not name
    p = _prev_noun(us, i)
    if p is not None and us[p].text.endswith(_CO_PREV_END_UNKNOWN) and not name:
        return True
    # ㈜누리텍, (주)누리텍
    if i >= 1 and us[i - 1].text == "㈜" or i >= 3 and us[i - 1].text == ")" and us[i - 2].text == "주" \
            and us[i - 3].text == "(":
        return True
    return False


@lru_cache(maxsize=1 << 16)
def _unknown_company_of(text: str, noun: bool, tags: tuple):
    """Return (key, verdict, looks like a name) for a unit's own text, whatever its context.

    verdict is False when the unit is never an unknown company, True when its ending makes it
    one (unless a name with a title follows), None when its context decides."""
    d = load()
    k = _key(text)
    if k in d.not_companies or _outlet_name(text) or text in _roles():
        return k, False, False
    if not (_HANGUL.search(text) or _LATIN.match(text)) or " " in text:
        return k, False, False
    name = _looks_like_name_of(text, tags)
    suffix = _suffix_company_of(text, noun, tags[0])
    if _HANGUL.search(text) and text.endswith(_NOT_CO_END) and not suffix:
        return k, False, name
    if suffix:
        return k, True, name
    if not all(t in ("NNP", "SL", "SH") for t in tags) or len(text) < 2:  # Unit.proper
        return k, False, name
    if _LATIN.match(text) and (len(text) < 2 or text.lower() == text):
        return k, False, name
    return k, None, name


# ---------------------------------------------------------------------------------------
# people

_COMPOUND_SURNAMES = frozenset({"남궁", "제갈", "선우", "황보", "독고", "사공", "서문", "동방", "어금", "망절"})
_FALLBACK_SURNAMES = frozenset(
    "김이박최정강조윤장임한오서신권황안송류유전홍고문양손배백허남심노하곽성차주우구민진지엄채원천방공현함"
    "변염여추도소석선설마길연위표명기반라왕금옥육인맹제모탁국어은편용예경봉사부")
# Titles that confirm a person even when roles.tsv lacks them
_PERSON_ROLES_EXTRA = frozenset({
    "씨", "GIO", "CEO", "CFO", "CTO", "COO", "CSO", "CIO", "CMO", "CDO", "의장", "창업자", "창업주",
    "대표", "공동대표", "대표이사", "회장", "부회장", "사장", "부사장", "전무", "상무", "이사", "본부장",
    "사외이사", "총수", "명예회장", "행장", "은행장", "총재", "부총재", "대통령", "총리", "장관",
    "차관", "의원", "위원장", "교수", "연구원", "변호사", "판사", "검사", "박사", "원장", "총장",
    "시장", "지사", "도지사", "군수", "구청장", "청장", "감독", "선수", "작가", "회계사", "센터장",
    "팀장", "실장", "국장", "처장", "대변인", "비서실장", "대표직무대행", "고문", "부장", "책임자",
    "최고경영자", "최고재무책임자", "최고기술책임자", "주석", "국왕", "여사", "전 회장", "의원장",
})
_NOT_PERSON_ROLE_KINDS = frozenset({"reporter", "media", "press"})
_REPORTER_ROLES = frozenset({"기자", "특파원", "통신원", "앵커", "편집위원", "논설위원", "PD", "리포터"})
_FORMER = frozenset({"전", "현", "前", "現", "신임"})
_ROLE_PREFIX = frozenset({"전", "현", "신임", "前", "現", "초대", "당시", "공동", "수석", "부"})
# Titles that are also ordinary words at the end of a compound (부동산시장, 회계감사, 신입사원)
_WEAK_ROLE_TAILS = frozenset({"시장", "감사", "대사", "이사회", "직원", "사원", "임원", "위원", "대리",
                              "의사", "파트너", "오너", "선수", "배우", "가수", "코치", "작가", "사장",
                              "이사", "검사", "소장", "차장", "과장", "부장", "실장", "국장", "주석", "씨"})
_FOREIGN_SYLLABLES = frozenset("드크스트프브즈츠르므흐퍼커터쿡슨튼턴버저셀렌린론든던벳엘멜넬켈")
_ALIAS_LABEL = re.compile(r"^(?:[가-힣]{1,4}명|본명|영문명|예명|필명|아명|구명|옛 이름|개명 전 이름)\s*:?\s*")
_ALIAS_STOP = re.compile(r"^(?:\d+|\d+세|사진|왼쪽|오른쪽|가운데|앞줄|뒷줄|좌|우|중앙|전|현|당시.*|[가-힣]{1,3}대 ?[가-힣]*)$")


@lru_cache(maxsize=1)
def _roles() -> frozenset:
    """Return the person titles: roles.tsv (minus reporter kinds) plus the built-in ones."""
    d = load()
    rs = {r for r, kind in d.roles.items() if kind not in _NOT_PERSON_ROLE_KINDS and r not in _REPORTER_ROLES}
    return frozenset(rs | _PERSON_ROLES_EXTRA)


@lru_cache(maxsize=1)
def _surnames() -> frozenset:
    return load().surnames or _FALLBACK_SURNAMES


@lru_cache(maxsize=1 << 16)
def _role_of(text: str) -> str | None:
    """Return the title a unit is or ends with (공동대표, 글로벌투자책임자 -> 책임자), else None."""
    roles = _roles()
    if text in roles or text.upper() in roles:
        return text
    for n in range(len(text) - 1, 1, -1):
        tail = text[-n:]
        if tail in roles and tail not in _WEAK_ROLE_TAILS and not text[:-n].isdigit():
            return text
    return None


@lru_cache(maxsize=1 << 16)
def _korean_name(s: str) -> bool:
    """True when s reads as a Korean name: a surname and a one- or two-syllable given name."""
    if not _HANGUL_ONLY.match(s) or not 2 <= len(s) <= 4:
        return False
    if any(c in _FOREIGN_SYLLABLES for c in s[1:]):
        return False  # 도널드, 마크, 젠슨: syllables Korean given names do not use
    sn = _surnames()
    if len(s) >= 3 and (s[:2] in _COMPOUND_SURNAMES or s[:2] in sn):
        return True
    return s[0] in sn and len(s) <= 3


def _looks_like_name(u: Unit) -> bool:
    return _looks_like_name_of(u.text, u.tags)


@lru_cache(maxsize=1 << 16)
def _looks_like_name_of(text: str, tags: tuple) -> bool:
    d = load()
    if not _korean_name(text) or "NNP" not in tags:
        return False
    if len(tags) == 1 and tags[0] != "NNP":
        return False
    k = _key(text)
    return not (_company(text) or k in d.not_companies or _outlet_name(text) or _role_of(text))


def _noun_name(u: Unit) -> bool:
    """True when a unit Kiwi read as common nouns has a Korean name's shape (3 syllables).

    Only a name followed by an affiliation and a title is taken on that evidence."""
    return (len(u.text) == 3 and u.space_before and u.noun and "NNP" not in u.tags
            and _looks_like_name_of(u.text, ("NNP",)))


def _role_follows(us, i) -> bool:
    return bool(_read_roles(us, i + 1)[0])


def _read_roles(us, j):
    """Return (roles, affiliation, aliases, end) for the units after a name, starting at j."""
    n = len(us)
    if j >= n:
        return [], None, [], j
    if not us[j].noun and us[j].text != "(" and us[j].text not in _ROLE_PREFIX:
        return [], None, [], j  # a particle or a sign: no title follows
    d = load()
    aliases: list[str] = []
    # 손정의(孫正義·일본명 손 마사요시) 회장
    if j < n and us[j].text == "(" and not us[j].space_before:
        close = next((q for q in range(j, min(n, j + 16)) if us[q].text == ")"), None)
        if close is None:
            return [], None, [], j
        inner = [us[q] for q in range(j + 1, close)]
        got_inner = [x.text for x in inner if x.noun and _role_of(x.text)]
        aliases = _paren_aliases(inner)
        j = close + 1
        if got_inner and not (j < n and us[j].noun and _role_of(us[j].text)):
            return got_inner, None, aliases, j
    got: list[str] = []
    aff = None
    k = j
    affs = 0
    while k < n and k < j + 7:
        u = us[k]
        if u.text in _ROLE_PREFIX and k + 1 < n and us[k + 1].noun and _role_of(us[k + 1].text):
            k += 1  # 전 대표, 신임 사장
            continue
        if k == j and u.text in _FORMER and k + 1 < n and us[k + 1].noun and us[k + 1].space_before:
            k += 1  # 손태승 전 우리금융 회장: the prefix before the affiliation
            continue
        if not u.noun:
            if (not got and affs and u.text in ("및", "·") and not u.space_before and k + 1 < n
                    and us[k + 1].noun and not us[k + 1].space_before):
                k += 1  # 전기및전자공학부: one affiliation written with a joiner inside
                continue
            if got or u.text not in ("(",):
                break
            close = next((q for q in range(k, min(n, k + 8)) if us[q].text == ")"), None)
            if close is None:
                break
            k = close + 1
            continue
        if got and not u.space_before and not u.noun:
            break
        r = _role_of(u.text)
        if r:
            got.append(r)
            k += 1
            continue
        if u.text in _ROLE_PREFIX and k + 1 < n and us[k + 1].noun and _role_of(us[k + 1].text):
            k += 1
            continue
        if got or affs >= 3 or u.text in _REPORTER_ROLES or u.text.endswith(tuple(_REPORTER_ROLES)):
            break
        # affiliation: a company, an outlet, a proper noun or an organisation part (IM부문)
        e = _company(u.text)
        if affs == 0:
            if not (e or u.proper or _outlet_name(u.text) or _key(u.text) in d.not_companies):
                break
            aff = e.name if e else u.text
        elif not u.noun:
            break
        affs += 1
        k += 1
    if not got:
        return [], None, aliases, j
    # a name followed by a reporter title is a byline, whatever came between
    if k < n and us[k].noun and us[k].text in _REPORTER_ROLES:
        return [], None, aliases, j
    return got, aff, aliases, k


def _paren_aliases(inner: list[Unit]) -> list[str]:
    """Return the other names written in a name's parentheses: 孫正義, 일본명 손 마사요시."""
    text = ""
    prev_end = None
    for u in inner:
        if prev_end is not None and u.start > prev_end:
            text += " "
        text += u.text
        prev_end = u.end
    out = []
    for part in re.split(r"[·,;/]|ㆍ", text):
        part = part.strip()
        labelled = bool(_ALIAS_LABEL.match(part))
        part = _ALIAS_LABEL.sub("", part).strip()
        if not part or _ALIAS_STOP.match(part) or _role_of(part) or _company(part):
            continue
        if labelled or re.match(r"^[\u4e00-\u9fff]{2,4}$", part) or re.match(r"^[A-Z][a-z]+(?: [A-Z][a-z-]+)+$", part):
            out.append(part)
        elif _HANGUL_ONLY.match(part.replace(" ", "")) and " " in part:
            out.append(part)
    return out


def _unknown_word(u: Unit) -> bool:
    """True when a unit is a one-token Hangul proper noun that names nothing the dictionaries know."""
    d = load()
    return (u.space_before and u.noun and u.tags == ("NNP",) and bool(_HANGUL_ONLY.match(u.text))
            and not (_company(u.text) or _key(u.text) in d.not_companies or _outlet_name(u.text)
                     or _role_of(u.text) or _suffix_company(u)))


def _foreign_name(us, i) -> tuple[str, int] | None:
    """Return (name, units used) for a Hangul foreign name of 1-3 words ending at unit i."""
    d = load()

    def ok(u, last):
        if not u.noun or not _HANGUL_ONLY.match(u.text.replace(" ", "")) or len(u.text) > 8:
            return False
        k = _key(u.text)
        if _company(u.text) or k in d.not_companies or _outlet_name(u.text) or _role_of(u.text):
            return False
        if u.text in _ROLE_PREFIX:
            return False
        if not last and len(u.text) >= 3 and (_korean_name(u.text) or _suffix_company(u)):
            return False  # 김철수 (비바리퍼블리카 대표), 가람테크 (김민수 대표): not a given name
        return u.proper if last else len(u.tags) == 1
    if not ok(us[i], True):
        return None
    parts = [us[i].text]
    s = i
    while s - 1 >= 0 and us[s].space_before and ok(us[s - 1], False) and len(parts) < 3:
        # 팀 쿡, 젠슨 황, 마크 저커버그: a given name is a single unknown word, not a common noun
        prev = us[s - 1]
        if "NNG" in prev.tags and len(prev.text) >= 2:
            break
        parts.insert(0, prev.text)
        s -= 1
    return " ".join(parts), i - s + 1


@dataclass
class _P:
    name: str
    count: int
    roles: list
    aff: str | None
    aliases: list
    first: int


def _repair_names(us: list[Unit], text: str, near: bytearray) -> list[Unit]:
    """Return units with Korean names Kiwi split into pieces put back together (us itself when
    there are none); near is _near_titles(us).

    Kiwi reads a rare name as ordinary morphemes (구현모 -> 구현/NNG 모/MM, 박찬구 -> 박차/VV
    ᆫ/ETM 구/NNG); when a word's pieces, particles aside, are three syllables that read as a
    name and a title follows (at once or after an affiliation), they become one NNP unit.
    Whether a word is a name depends only on it and the units after it, so every word is
    judged on the units as Kiwi gave them and the merges are made at the end.
    """
    n = len(us)
    d = load()
    starts = [i for i, u in enumerate(us) if u.space_before]
    starts.append(n)
    merges = []  # (first unit, end unit, name)
    for i, k in zip(starts, starts[1:]):
        # k: the next word, which must be (or lead to) a title within reach
        if k >= n or not near[k - 1] or not us[k].noun:
            continue
        m = k  # the word without its particles
        while m - 1 > i and us[m - 1].tags[0].startswith("J"):
            m -= 1
        if m - i >= 2 and us[m - 1].tags[-1][0] in "NMX":
            a, b = us[i].start, us[m - 1].end
            name = text[a:b] if text and b <= len(text) else "".join(p.text for p in us[i:m])
            # a title right after, or after an affiliation: 한종희 삼성전자 대표이사, 한기정 공정위 위원장
            if (len(name) == 3 and _korean_name(name) and (_role_of(us[k].text) or _read_roles(us, k)[0])
                    and not _company(name) and _key(name) not in d.not_companies):
                merges.append((i, m, name))
    if not merges:
        return us
    out, last = [], 0
    for i, m, name in merges:
        out += us[last:i]
        out.append(Unit(name, ("NNP",), (name,), us[i].start, us[m - 1].end, True, True))
        last = m
    out += us[last:]
    return out


_last_people = None  # (units, text, reporter names, names checked against them, result)


def _people(us, text, reporters) -> list[_P]:
    """Return the people in the units (see people()), reporters excluded."""
    global _last_people
    rep = {r.replace(" ", "") for r in reporters}
    rep |= _text_marks(text)[2]
    # The reporter names only enter as "is this name a reporter?" checks: when every check the
    # last call on these units made gives the same answer now, the result is the same.
    last = _last_people
    if (last is not None and last[0] is us and last[1] == text
            and all((name in last[2]) == (name in rep) for name in last[3])):
        return list(last[4])
    checked: set[str] = set()
    ps = _read_people(us, text, rep, checked)
    _last_people = (us, text, rep, checked, ps)
    return list(ps)


# _read_roles(us, j) finds titles at units j .. j + _ROLE_REACH at most (parentheses included)
_ROLE_REACH = 32


def _near_titles(us: list[Unit]) -> bytearray:
    """Return near: near[i] is 1 when a title unit stands within _ROLE_REACH units after unit i."""
    near = bytearray(len(us))
    role_of = _role_of
    for k in [k for k, u in enumerate(us) if u.noun and role_of(u.text)]:
        a = max(0, k - 1 - _ROLE_REACH)
        near[a:k] = b"\x01" * (k - a)
    return near


def _read_people(us, text, rep, checked) -> list[_P]:
    near = _near_titles(us)
    repaired = _repair_names(us, text, near)
    if repaired is not us:
        us, near = repaired, _near_titles(repaired)
    skip, skip_mask, _ = _text_marks(text)
    found: dict[str, _P] = {}
    n = len(us)
    # pass 1: names confirmed by a title or role right after them
    consumed = -1  # units up to here were read as a name's affiliation or title
    for i in compress(range(n), near):  # units with no title within reach have no role
        u = us[i]
        if not u.noun or i <= consumed or skip and _in_mask(u, skip_mask):
            continue
        name = None
        if " " in u.text and u.proper and _HANGUL_ONLY.match(u.text.replace(" ", "")):
            name = u.text  # Kiwi keeps some foreign names whole: 젠슨 황
        elif _looks_like_name(u):
            name = u.text
            fn = _foreign_name(us, i)
            if fn and fn[1] >= 2:
                name = fn[0]  # 사티아 나델라: a given name before a name-like surname
        roles, aff, aliases, end = _read_roles(us, i + 1)
        if name and i + 2 < n and " " not in name and _unknown_word(us[i + 1]):
            # 사티아 나델라 마이크로소프트 CEO: two unknown words, an affiliation, a title
            r2 = _read_roles(us, i + 2)
            if r2[0] and r2[1]:
                name = name + " " + us[i + 1].text
                roles, aff, aliases, end = r2
        if not roles:
            continue
        # the first word of a longer foreign name: 도널드 (트럼프 대통령)
        if i + 1 < n and us[i + 1].space_before:
            fn = _foreign_name(us, i + 1)
            if fn and fn[1] >= 2 and _read_roles(us, i + 2)[0]:
                continue
        if name is None and aff and roles[0] not in _WEAK_ROLE_TAILS and _noun_name(u):
            name = u.text  # 강경성 산업통상자원부 1차관: Kiwi read the name as 강경/NNG 성/XSN
        if name is None:
            fn = _foreign_name(us, i)
            if not fn or fn[1] < 2 and not (u.proper and len(u.text) >= 2 and not _suffix_company(u)):
                continue
            name = fn[0]
            if fn[1] == 1 and _korean_name(name) is False and len(name) < 2:
                continue
        checked.add(name.replace(" ", ""))
        if name.replace(" ", "") in rep or roles == ["씨"] and aff:
            continue
        consumed = end - 1
        p = found.get(name)
        if p is None:
            p = found[name] = _P(name, 0, [], None, [], u.start)
        for r in roles:
            if r not in p.roles:
                p.roles.append(r)
        if aff and not p.aff:
            p.aff = aff
        for a in aliases:
            if a not in p.aliases and a != name:
                p.aliases.append(a)
    if not found:
        return []
    # a one-word foreign name met with its first name earlier: 트럼프 -> 도널드 트럼프
    for name in list(found):
        if " " not in name and len(name) >= 2:
            longer = [m for m in found if m != name and m.endswith(" " + name)]
            if len(longer) == 1:
                p, q = found.pop(name), found[longer[0]]
                q.roles += [r for r in p.roles if r not in q.roles]
                q.aff = q.aff or p.aff
                q.first = min(q.first, p.first)
    return _count_mentions(list(found.values()), text, skip)


_PARTICLE = ("은", "는", "이", "가", "의", "와", "과", "도", "을", "를", "에", "에게", "께", "께서", "씨", "측",
             "로", "으로", "만", "까지", "부터", "이나", "나", "이라", "라", "이며", "처럼", "보다", "한테",
             "이다", "였", "이었", "님", "조차", "마저", "에서", "이고", "고", "랑", "이랑", "하고", "에겐", "로서")
_AFTER_NAME = "(?=$|[^가-힣]|(?:" + "|".join(sorted(_PARTICLE, key=len, reverse=True)) + "){1,2}(?:$|[^가-힣]))"
_AFTER_NAME_RE = re.compile(_AFTER_NAME)
_SPACE_RUN = re.compile(r"\s+")


def _name_spans(text: str, name: str):
    """Yield the spans re.finditer(r"(?<![가-힣])" + parts joined by \\s+ + _AFTER_NAME, text) yields.

    The same matches without building a pattern per name: the name's words are found as plain
    strings, and the words hold no whitespace, so \\s+ between them can match in one way only.
    """
    parts = name.split()
    if not parts:
        pat = r"(?<![가-힣])" + _AFTER_NAME
        yield from (m.span() for m in re.finditer(pat, text))
        return
    first, rest = parts[0], parts[1:]
    pos = 0
    while True:
        a = text.find(first, pos)
        if a < 0:
            return
        if a > 0 and "가" <= text[a - 1] <= "힣":
            pos = a + 1
            continue
        b = a + len(first)
        for part in rest:
            m = _SPACE_RUN.match(text, b)
            if m is None or not text.startswith(part, m.end()):
                b = -1
                break
            b = m.end() + len(part)
        if b >= 0 and _AFTER_NAME_RE.match(text, b):
            yield a, b
            pos = b
        else:
            pos = a + 1


@lru_cache(maxsize=1)
def _title_after_head():
    """Return the pattern of what follows a surname in a short reference: ( 전)? title, particles."""
    roles = sorted((r for r in _roles() if r != "씨"), key=len, reverse=True)
    return re.compile(r" ?(?:전 |현 |前 )?(" + "|".join(map(re.escape, roles)) + r")" + _AFTER_NAME)


def _short_refs(text: str, heads: list[str]):
    """Yield (start, end, head, title) as re.finditer would for the pattern
    (?<![가-힣])(head|head...) ?(?:전 |현 |前 )?(title|title...)_AFTER_NAME, heads tried in order."""
    tail = _title_after_head()
    starts = set()
    for h in heads:
        a = text.find(h)
        while a >= 0:
            starts.add(a)
            a = text.find(h, a + 1)
    pos = 0
    for a in sorted(starts):
        if a < pos or a > 0 and "가" <= text[a - 1] <= "힣":
            continue
        for h in heads:
            if text.startswith(h, a):
                m = tail.match(text, a + len(h))
                if m:
                    yield a, m.end(), h, m.group(1)
                    pos = m.end()
                    break


def _count_mentions(ps: list[_P], text: str, skip) -> list[_P]:
    """Count each person's mentions in the text: full names, then short references.

    Counting on the text, not on tokens, because Kiwi may read a repeated foreign surname
    as ordinary words (나델라 -> 나/NP 델/VV 라/EC).
    """
    taken: list[tuple[int, int]] = list(skip)

    def free(a, b):
        return not any(a < y and x < b for x, y in taken)

    for p in sorted(ps, key=lambda p: -len(p.name)):
        for span in _name_spans(text, p.name):
            if free(*span):
                taken.append(span)
                p.count += 1
    # short references: 손 회장, 이 GIO, 쿡 CEO -> the person met before with that surname
    heads: dict[str, list] = {}
    for p in ps:
        if " " in p.name:
            heads.setdefault(p.name.split()[-1], []).append(p)
        else:
            sn = p.name[:2] if len(p.name) >= 3 and (p.name[:2] in _COMPOUND_SURNAMES
                                                     or p.name[:2] in _surnames()) else p.name[0]
            heads.setdefault(sn, []).append(p)
    if heads:
        for start, end, head, title in _short_refs(text, sorted(heads, key=len, reverse=True)):
            if not free(start, end):
                continue
            cands = heads[head]
            same = [c for c in cands if title in c.roles] or cands
            before = [c for c in same if c.first < start]
            if not before:
                continue
            taken.append((start, end))
            max(before, key=lambda c: c.first).count += 1
    return [p for p in ps if p.count and not _company(p.name)]


def people(tokens, text: str, reporters=()) -> list[Person]:
    """Return people named with a role nearby, with short references resolved to full names."""
    ps = _people(_units_of(tokens, text), text, reporters)
    ps.sort(key=lambda p: (-p.count, p.first))
    return [Person(p.name, p.count, tuple(p.roles), p.aff, tuple(p.aliases)) for p in ps]
