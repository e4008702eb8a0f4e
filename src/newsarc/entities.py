"""Companies and people in an article body, from Kiwi tokens, rules and the dictionary."""
from __future__ import annotations

import re
from collections import Counter, defaultdict

from .dictionary import key, load
from .models import Company, Person

_HANGUL_NAME = re.compile(r"^[가-힣]{2,4}$")
_CO_SUFFIX = re.compile(
    r"(전자|텔레콤|그룹|증권|은행|홀딩스|건설|제약|바이오|벤처스|엔터테인먼트|생명|화재|손해보험|카드|캐피탈|"
    r"자산운용|중공업|화학|모터스|자동차|물산|에너지|케미칼|반도체|디스플레이|통신|유통|식품|항공|해운|"
    r"조선|철강|제철|소프트|랩스|테크|네트웍스|솔루션|코퍼레이션|컴퍼니|인베스트먼트|파트너스|게임즈|"
    r"엔터|모빌리티|페이|뱅크|로보틱스|헬스케어|파이낸셜|캐피털|리츠|산업|상사|기술|시스템즈|시스템)$"
)
_CO_CONTEXT_AFTER = ("관계자", "주가", "대표", "측", "주식", "지분", "계열사", "자회사", "매출", "영업이익", "주주", "이사회")
_CO_CONTEXT_BEFORE = ("자회사", "계열사", "모회사", "경쟁사", "협력사")


def _merged_spans(tokens, max_len=3):
    """Yield (i, j, surface) for runs of 1..max_len tokens written without spaces between them."""
    n = len(tokens)
    for i in range(n):
        surface = tokens[i].form
        end = tokens[i].start + tokens[i].len
        yield i, i + 1, surface
        for j in range(i + 1, min(n, i + max_len)):
            if tokens[j].start != end:
                break
            surface += tokens[j].form
            end = tokens[j].start + tokens[j].len
            yield i, j + 1, surface


def companies(tokens, text: str, exclude: set[str] = frozenset()) -> list[Company]:
    """Return companies in the tokens, by canonical name, most mentioned first."""
    d = load()
    counts: Counter = Counter()
    seen_as: dict[str, list[str]] = defaultdict(list)
    kinds: dict[str, str] = {}
    n = len(tokens)
    i = 0
    while i < n:
        best = None
        for a, b, surface in _merged_spans(tokens[i:], 4):
            if a != 0:
                break
            tags = {t.tag for t in tokens[i + a: i + b]}
            if not tags & {"NNP", "NNG", "SL", "SH", "XR"}:
                continue
            entry = d.company(surface)
            if entry:
                best = (b, surface, entry)
        if best:
            b, surface, entry = best
            # a single common noun (NNG) matching a company needs company context
            if b == 1 and tokens[i].tag == "NNG" and not _company_context(tokens, i, i + 1):
                if _is_ambiguous(entry.name):
                    i += 1
                    continue
            if key(entry.name) not in exclude and key(surface) not in d.not_companies:
                counts[entry.name] += 1
                kinds[entry.name] = entry.kind
                if surface not in seen_as[entry.name]:
                    seen_as[entry.name].append(surface)
            i += b
            continue
        i += 1
    # companies outside the dictionary, from suffixes and context
    for i, t in enumerate(tokens):
        if t.tag != "NNP" or d.company(t.form) or key(t.form) in d.not_companies:
            continue
        if _CO_SUFFIX.search(t.form) and len(t.form) >= 3 or (
                len(t.form) >= 2 and _company_context(tokens, i, i + 1, strict=True)):
            if key(t.form) in exclude or d.outlet_name(t.form):
                continue
            counts[t.form] += 1
            kinds.setdefault(t.form, "company")
            if t.form not in seen_as[t.form]:
                seen_as[t.form].append(t.form)
    out = [Company(name, c, tuple(seen_as[name]), kinds.get(name, "company")) for name, c in counts.items()]
    out.sort(key=lambda c: (-c.count, c.name))
    return out


_AMBIGUOUS = {"라인", "애플", "아마존", "메타", "오라클", "쉘", "우버", "스노우", "컬리", "토스", "당근", "암"}


def _is_ambiguous(name: str) -> bool:
    return name in _AMBIGUOUS or len(name) <= 2


def _company_context(tokens, i, j, strict=False) -> bool:
    nxt = [t.form for t in tokens[j: j + 2]]
    prv = [t.form for t in tokens[max(0, i - 2): i]]
    if any(f in _CO_CONTEXT_AFTER for f in nxt) or any(f in _CO_CONTEXT_BEFORE for f in prv):
        return True
    if strict:
        return False
    # subject or topic of a clause next to another company, or a list of companies
    return any(t.tag in ("JKS", "JX", "JKO", "JC", "JKB", "JKG") for t in tokens[j: j + 1])


def _roles():
    return load().roles


_PERSON_ROLES_EXTRA = {"씨", "GIO", "CEO", "CFO", "CTO", "COO", "의장", "창업자", "대표", "공동대표"}


def people(tokens, text: str, reporters=()) -> list[Person]:
    """Return people named with a role nearby, with short references resolved to full names."""
    d = load()
    roles = set(_roles()) | _PERSON_ROLES_EXTRA
    surnames = d.surnames or frozenset("김이박최정강조윤장임한오서신권황안송류유전홍고문양손배백허남심노하곽성차주우구민진지엄채원천방공현함변염여추도소석선설마길연위표명기반라왕금옥육인맹제모탁국어은편용예경봉사부")
    rep = set(reporters)
    found: dict[str, dict] = {}
    order: list[str] = []
    n = len(tokens)

    def role_after(j):
        """Return (roles, affiliation) in the few tokens after a name."""
        got, aff = [], None
        k = j
        while k < n and k < j + 6:
            t = tokens[k]
            if t.form in roles or t.form.upper() in roles:
                got.append(t.form)
                k += 1
                continue
            merged = t.form
            if k + 1 < n and tokens[k + 1].start == t.start + t.len and merged + tokens[k + 1].form in roles:
                got.append(merged + tokens[k + 1].form)
                k += 2
                continue
            if got:
                break
            if t.tag in ("NNP", "SL", "NNG") and aff is None and k < j + 3:
                entry = d.company(t.form)
                if entry or t.tag in ("NNP", "SL"):
                    aff = entry.name if entry else t.form
                    k += 1
                    continue
            if t.tag in ("SSO",):  # 손정의(孫正義·일본명 손 마사요시) 회장
                close = next((q for q in range(k, min(n, k + 12)) if tokens[q].tag == "SSC"), None)
                if close is not None:
                    k = close + 1
                    continue
            break
        return got, (aff if got else None)

    for i, t in enumerate(tokens):
        if t.tag != "NNP" or not _HANGUL_NAME.match(t.form) or t.form[0] not in surnames:
            continue
        if t.form in rep or d.company(t.form) or key(t.form) in d.not_companies or d.outlet_name(t.form):
            continue
        got, aff = role_after(i + 1)
        if not got and t.form not in found:
            continue
        p = found.setdefault(t.form, {"count": 0, "roles": [], "aff": None, "aliases": []})
        if t.form not in order:
            order.append(t.form)
        p["count"] += 1
        for r in got:
            if r not in p["roles"]:
                p["roles"].append(r)
        if aff and not p["aff"]:
            p["aff"] = aff
        # alternative names in parentheses: 손정의(孫正義·일본명 손 마사요시)
        if i + 1 < n and tokens[i + 1].tag == "SSO":
            for q in range(i + 2, min(n, i + 12)):
                if tokens[q].tag == "SSC":
                    break
                if tokens[q].tag in ("NNP", "SH") and tokens[q].form != t.form:
                    if tokens[q].form not in p["aliases"]:
                        p["aliases"].append(tokens[q].form)
    # short references: 손 회장, 박 사장, 이 GIO -> the full name with that surname and a role
    for i, t in enumerate(tokens[:-1]):
        if len(t.form) != 1 or t.form not in surnames:
            continue
        nxt = tokens[i + 1]
        if nxt.form not in roles and nxt.form.upper() not in roles:
            continue
        cands = [name for name in order if name[0] == t.form]
        if len(cands) == 1:
            found[cands[0]]["count"] += 1
    out = [Person(name, found[name]["count"], tuple(found[name]["roles"]), found[name]["aff"],
                  tuple(found[name]["aliases"])) for name in order]
    out.sort(key=lambda p: -p.count)
    return out
