"""HTML pages: metadata from JSON-LD / OpenGraph / meta tags, chrome removed, then the text cleaner.

The page is read in three steps:
1. metadata (Hints) from JSON-LD, OpenGraph and `article:*` tags, `<title>`, and the visible
   header of the common Korean layouts (Naver, Daum, ND-soft CMS, community boards);
2. the main content container (itemprop=articleBody, known body ids/classes, `<article>`, or
   the block with the most running text), with chrome removed by tag, role, class and id;
3. the container's text, one block per line, through the same classifier as text dumps.
Bad or truncated markup degrades to the text cleaner over the page's visible text; it never raises.
"""
from __future__ import annotations

import json
import logging
import re

from . import meta as M
from . import patterns as P
from .clean import Hints, clean_text, is_sentence, normalize_line
from .models import Cleaned

log = logging.getLogger(__name__)

_DROP_TAGS = ["script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas",
              "nav", "header", "footer", "aside", "form", "button", "select", "textarea", "input",
              "video", "audio", "map", "dialog"]
_BLOCK = {"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
          "dl", "dt", "dd", "tr", "td", "th", "table", "tbody", "thead", "blockquote", "pre", "figure",
          "figcaption", "address", "center", "hr", "header", "footer", "aside", "nav", "form", "fieldset",
          "details", "summary", "caption", "body", "html"}
_NEWS_TYPES = {"newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
               "reviewnewsarticle", "backgroundnewsarticle", "blogposting", "socialmediaposting",
               "discussionforumposting", "webpage"}
# Main content containers, most specific first (id or class, matched as a whole token).
_BODY_SELECTORS = [
    "[itemprop=articleBody]", "#dic_area", "#newsct_article", "#articleBodyContents", "#articeBody",
    "#newsEndContents", ".article_view", "#harmonyContainer", "#article-view-content-div",
    "#articleBody", "#article_body", "#article-body", "#articleText", "#article_txt", "#news_body_id",
    "#newsContent", "#news_content", "#textBody", "#CmAdContent", "#contents_body", "#view_content",
    ".article-body", ".article_body", ".articleBody", ".article-view-content", ".article_txt",
    ".article-text", ".article_text", ".news_body", ".news-body", ".news_content", ".news_text",
    ".news_view", ".newsView", ".view_content", ".view-content", ".view_cont", ".viewContent",
    ".art_body", ".art_txt", ".cont_body", ".content_body", ".story-news", ".article_content",
    ".article-content", ".articleView", ".post-content", ".entry-content", ".post_content",
    ".xe_content", ".rd_body", ".board_view", ".bbs_view", ".view_text", ".read_body", ".content_view",
    ".document_body", ".post-article", ".article-veiw-body", ".par", ".txt_area",
]
_CHROME_TOKEN = re.compile(
    r"(?<![a-z])(?:comments?|cmt|reply|replies|related\w*|relate|relation|recommend\w*|popular|ranking|"
    r"rank|best|most(?:view|read)?|ad|ads|advert\w*|banner\w*|sponsor\w*|share\w*|sharing|sns|social|"
    r"subscribe|subscription|newsletter|tags?|keywords?|footer|header|gnb|lnb|nav|navi|navigation|menu|"
    r"breadcrumbs?|login|weather|widget|promo\w*|paging|pagination|util|utility|toolbar|tools?|font\w*|"
    r"print|copyright|sidebar|side|aside|modal|popup|layer|btn|buttons?|report|morenews|othernews|"
    r"more_news|other_news|hot_?issue|issue_?list|newslist|news_list|list_news|headline_list|"
    r"sitemap|skip|search|dable|taboola|outbrain|livere|disqus|vote|like|emotion|reaction|"
    r"journalist_?card|reporter_?(?:card|box|area|info|list)|byline|author_?(?:box|bio|info|card)|"
    r"caption|figcaption|img_?desc|photo_?desc|pic_?desc|end_photo_org|thumb\w*|photo|figure|"
    r"video_?area|vod|player|media_end_head|title_?area|article_?head\w*|head_?line|info_?view|"
    r"view_?editors|article_?info|info_?text|infomation|summary)(?![a-z])"
)
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_DATE_HINT = re.compile(r"date|time|info|byline|datestamp|write|regdate|update|stamp|meta|num_date|txt_info|"
                        r"infomation|info-text|article_?info|byline", re.I)
_BYLINE_HINT = re.compile(r"byline|journalist|reporter|writer|author|editor|user|기자", re.I)
_SUBTITLE_HINT = re.compile(r"(?<![a-z])(?:sub_?title|subtitle|sub-title|subheading|sub_?head(?:line)?|article-head-sub|"
                            r"media_end_summary|summary_view|sub_tit|stit|tit_sub)(?![a-z])", re.I)
_BOARD_HINT = re.compile(r"(?<![a-z])(?:board|bbs|xe|rd_hd|rd_body|community|forum|read_header|gall|post_list|"
                         r"bd_lst|list_table|cmt_list)(?![a-z])", re.I)


def _attr_words(tag) -> str:
    """Return the tag's id and classes, lower-cased, camelCase split into words."""
    try:
        cls = tag.get("class") or []
        if isinstance(cls, str):
            cls = [cls]
        ident = tag.get("id") or ""
        words = " ".join([*cls, ident if isinstance(ident, str) else ""])
    except (AttributeError, TypeError):
        return ""
    return _CAMEL.sub("_", words).lower()


# --- metadata --------------------------------------------------------------------------------

def _json_ld(soup) -> list[dict]:
    """Return the JSON-LD objects of the page, flattened out of lists and @graph."""
    out = []
    for s in soup.find_all("script", attrs={"type": re.compile(r"ld\+json", re.I)}):
        raw = s.string or s.get_text() or ""
        try:
            data = json.loads(raw.strip().rstrip(";"), strict=False)
        except (ValueError, RecursionError):
            continue
        stack = [data]
        while stack and len(out) < 50:
            d = stack.pop()
            if isinstance(d, list):
                stack.extend(reversed(d))
            elif isinstance(d, dict):
                if "@graph" in d:
                    stack.append(d["@graph"])
                out.append(d)
    return out


def _ld_type(d: dict) -> set:
    t = d.get("@type") or ()
    if isinstance(t, str):
        t = [t]
    return {str(x).lower() for x in t if isinstance(x, str)}


def _names(v) -> list[str]:
    """Return the names in a JSON-LD author/publisher value (str, dict or list)."""
    if isinstance(v, str):
        return [v]
    if isinstance(v, dict):
        n = v.get("name")
        return [n] if isinstance(n, str) else []
    if isinstance(v, list):
        return [n for x in v for n in _names(x)]
    return []


def _metas(soup) -> dict:
    out = {}
    for m in soup.find_all("meta"):
        k = m.get("property") or m.get("name") or m.get("itemprop")
        v = m.get("content")
        if isinstance(k, str) and isinstance(v, str) and v.strip():
            out.setdefault(k.strip().lower(), v.strip())
    return out


def _short_texts(soup, rx, limit=160, sep=" ") -> list[str]:
    """Return the texts of small elements whose class/id matches rx, in page order."""
    out = []
    for tag in soup.find_all(True):
        if len(out) > 60:
            break
        w = _attr_words(tag)
        if not w or not rx.search(w):
            continue
        t = tag.get_text(sep)
        t = "\n".join(normalize_line(x) for x in t.split("\n") if normalize_line(x)) if sep == "\n" else normalize_line(t)
        if t and len(t) <= limit and t not in out:
            out.append(t)
    return out


def _person_names(values) -> list[str]:
    """Return reporter names from author strings: `홍길동 기자`, `홍길동`, `홍길동, 김철수`."""
    out = []
    for v in values:
        v = normalize_line(v)
        if not v or len(v) > 80:
            continue
        names = M.reporter_names(v)
        if not names:
            parts = [p.strip() for p in re.split(r"[,·ㆍ/]|\s+및\s+", v) if p.strip()]
            names = [p for p in parts if re.fullmatch(rf"[{P.H}]{{2,4}}", p) and not M.load().outlet_name(p)
                     and p not in M._NOT_NAMES]
        for n in names:
            if n not in out:
                out.append(n)
    return out


def _outlet_name(v: str | None) -> str | None:
    """Return an outlet from a site name such as `연합뉴스 | 네이버`; portals are not outlets."""
    if not v:
        return None
    for part in re.split(r"\s*[|:]\s*|\s+-\s+", v):
        part = part.strip()
        if part and not P.PORTALS.match(part) and len(part) <= 30 and not part.startswith("http"):
            return M.canonical_outlet(part)
    return None


def read_hints(soup) -> tuple[Hints, bool]:
    """Return (hints, board) for a parsed page; board is True for a community board repost."""
    names = _selector_names(soup)
    metas = _metas(soup)
    lds = _json_ld(soup)
    art = next((d for d in lds if _ld_type(d) & (_NEWS_TYPES - {"webpage"})), None) or {}
    if art:
        # an @graph refers to its publisher and author by @id: read the node it points to
        by_id = {d["@id"]: d for d in lds if isinstance(d.get("@id"), str)}
        art = dict(art)
        for k in ("publisher", "author"):
            v = art.get(k)
            refs = v if isinstance(v, list) else [v]
            art[k] = [by_id.get(r["@id"], r) if isinstance(r, dict) and "name" not in r and isinstance(r.get("@id"), str)
                      else r for r in refs]
    page_title = normalize_line(soup.title.get_text()) if soup.title else None

    words = " ".join(_attr_words(t) for t in soup.find_all(["div", "section", "table", "ul", "article"], limit=400))
    board = bool(_BOARD_HINT.search(words)) and not art

    # title
    h1 = None
    for sel in ("h2.media_end_head_headline", "#title_area", ".media_end_head_headline", "h3.tit_view",
                ".tit_view", "h1.heading", ".article-head-title", "[itemprop=headline]", "h1"):
        if not _may_match(sel, names):
            continue
        try:
            el = soup.select_one(sel)
        except Exception:
            el = None
        if el and normalize_line(el.get_text(" ")):
            h1 = normalize_line(el.get_text(" "))
            break
    site = metas.get("og:site_name") or _first(_names(art.get("publisher")))
    title = None
    for cand in (_str(art.get("headline")), metas.get("og:title"), metas.get("twitter:title"), h1, page_title):
        if cand and normalize_line(cand) and not _only_site_name(cand, site):
            title = normalize_line(cand)
            break
    if title:
        title = M.strip_title(title, site) or title
        title = _strip_board_category(title)

    # subtitle
    subtitle = []
    for el in soup.find_all(True):
        if _SUBTITLE_HINT.search(_attr_words(el) or "-"):
            for br in el.find_all("br"):
                br.replace_with("\n")
    for t in _short_texts(soup, _SUBTITLE_HINT, limit=400, sep="\n"):
        for line in re.split(r"\s*\n\s*", t):
            if line and line != title and line not in subtitle and len(subtitle) < 5:
                subtitle.append(line)

    # dates: structured first, then the visible header
    visible = _short_texts(soup, _DATE_HINT)
    pub_v = upd_v = plain_v = None
    for line in visible:
        for kind, iso in M.dates_in_line(line):
            if kind == "published":
                pub_v = pub_v or iso
            elif kind == "updated":
                upd_v = upd_v or iso
            else:
                plain_v = plain_v or iso
    sel = "[data-date-time], [data-modify-date-time]"
    naver = [el.get("data-date-time") or el.get("data-modify-date-time") for el in
             (soup.select(sel) if _may_match(sel, names) else ())]
    naver = [M.normalize_iso(x) for x in naver if x]
    times = [M.normalize_iso(t.get("datetime")) for t in soup.find_all("time") if t.get("datetime")]
    published = _pick_time([
        M.normalize_iso(_str(art.get("datePublished"))), M.normalize_iso(metas.get("article:published_time")),
        M.normalize_iso(metas.get("og:published_time")), M.normalize_iso(metas.get("datepublished")),
        M.normalize_iso(metas.get("pubdate")), M.normalize_iso(metas.get("publishdate")),
        _compact_stamp(metas.get("og:regdate")), naver[0] if naver else None,
    ], pub_v or (times[0] if times else None) or plain_v)
    updated = _pick_time([
        M.normalize_iso(_str(art.get("dateModified"))), M.normalize_iso(metas.get("article:modified_time")),
        M.normalize_iso(metas.get("og:updated_time")), M.normalize_iso(metas.get("datemodified")),
        naver[1] if len(naver) > 1 else None,
    ], upd_v)
    if updated and published and updated <= published:
        updated = None

    # reporters
    reporters = _person_names(_names(art.get("author")))
    if not reporters:
        reporters = _person_names([metas.get("author", ""), metas.get("article:author", ""),
                                   metas.get("dable:author", ""), metas.get("byl", "")])
    if not reporters:
        for t in _short_texts(soup, _BYLINE_HINT, limit=120):
            for n in M.reporter_names(t):
                if n not in reporters:
                    reporters.append(n)

    # outlet: the article's publisher, never the portal that shows it
    outlet = None
    for cand in (_first(_names(art.get("publisher"))), metas.get("article:media_name"),
                 metas.get("og:article:author"), _logo_alt(soup, names), None if board else site):
        outlet = _outlet_name(cand)
        if outlet:
            break
    entity = art.get("mainEntityOfPage")
    url = (metas.get("og:url") or _canonical(soup) or _str(art.get("url")) or _str(entity)
           or (_str(entity.get("@id")) if isinstance(entity, dict) else None))
    if url and not url.startswith("http"):
        url = None
    return Hints(title=title, subtitle=tuple(subtitle), published=published, updated=updated,
                 reporters=tuple(reporters), outlet=outlet, url=None if board else url,
                 site=site, page_url=url), board


def _only_site_name(title: str, site: str | None) -> bool:
    """Return True for a `<title>` that names only the site (an outlet, a portal), not the article."""
    t = normalize_line(title)
    return len(t) <= 30 and bool((site and M.key(t) == M.key(site)) or M.load().outlet_name(t) or P.PORTALS.match(t))


def _pick_time(structured: list, visible: str | None) -> str | None:
    """Return the structured time, unless it is the visible (KST) time mislabelled with another zone."""
    s = next((x for x in structured if x), None)
    if s and visible and s[:16] != visible[:16]:
        # a CMS that writes KST wall-clock time with a Z or +00:00: trust the page's own label
        import datetime as dt

        try:
            a, b = dt.datetime.fromisoformat(s), dt.datetime.fromisoformat(visible)
            if abs((a - b).total_seconds()) in (9 * 3600,) or abs((a - b).total_seconds()) > 2 * 86400:
                return visible
        except ValueError:
            return visible
    return s or visible


def _compact_stamp(v: str | None) -> str | None:
    m = re.fullmatch(r"((?:19|20)\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?", (v or "").strip())
    if not m:
        return None
    return M.parse_date(f"{m[1]}-{m[2]}-{m[3]} {m[4]}:{m[5]}" + (f":{m[6]}" if m[6] else ""))


def _logo_alt(soup, names=None) -> str | None:
    for sel in (".media_end_head_top_logo img", ".press_logo img", "#kakaoServiceLogo ~ a img", ".link_cp img",
                ".logo_cp img", ".media_end_linked_more_point"):
        if names is not None and not _may_match(sel, names):
            continue
        try:
            el = soup.select_one(sel)
        except Exception:
            continue
        if el is not None:
            v = el.get("alt") or el.get("title") or el.get_text(strip=True)
            if v:
                return re.sub(r"\s*(?:로고|logo)$", "", str(v), flags=re.I)
    return None


def _canonical(soup) -> str | None:
    el = soup.find("link", rel=lambda v: v and "canonical" in (v if isinstance(v, list) else [v]))
    return el.get("href") if el else None


def _str(v) -> str | None:
    return v if isinstance(v, str) else None


def _first(xs):
    return xs[0] if xs else None


def _strip_board_category(title: str) -> str:
    t = P.BOARD_CATEGORY.sub("", title, count=1)
    t2 = P.BOARD_PREFIX.sub("", t, count=1) if re.match(r"^\S+/\S+\s", t) else t
    return t2 if len(t2) >= 8 else title


# --- content -------------------------------------------------------------------------------

def _is_hidden(tag) -> bool:
    try:
        if tag.has_attr("hidden") or tag.get("aria-hidden") == "true":
            return True
        st = tag.get("style")
        return bool(st and isinstance(st, str) and _HIDDEN_STYLE.search(st))
    except (AttributeError, TypeError):
        return False


def _text_len(el) -> int:
    try:
        return len("".join(el.get_text().split()))
    except Exception:
        return 0


_CLASS_WORD = re.compile(r"[^ \t\r\n\f]+")  # how soupsieve splits a class string
_SEL_NAME = re.compile(r"([#.])([\w-]+)")
_SEL_ATTR = re.compile(r"^\[([\w-]+)")


def _selector_names(soup) -> tuple[set, set, set]:
    """Return the ids, the class words and the attribute names found on the page's tags.

    One pass over the tree tells which selectors can match at all; soupsieve then runs only
    those (a selector naming an id, class or attribute absent from the page selects nothing).
    Tags removed later only make these sets larger than needed, never too small.
    """
    ids: set = set()
    classes: set = set()
    attrs: set = set()
    for tag in soup.find_all(True):
        for name, value in tag.attrs.items():
            name = name.lower() if isinstance(name, str) else name
            attrs.add(name)
            if name == "id":
                ids.add(value if isinstance(value, str) else " ".join(value))
            elif name == "class":
                for v in ([value] if isinstance(value, str) else value):
                    classes.add(v)
                    classes.update(_CLASS_WORD.findall(v))
    return ids, classes, attrs


def _may_match(sel: str, names) -> bool:
    """False when a selector cannot match: its first compound needs an id, class or attribute
    the page lacks (every selector of a list is checked: `a, b` may match when either may)."""
    ids, classes, attrs = names
    for one in sel.split(","):
        first = re.split(r"[\s~>+]", one.strip(), maxsplit=1)[0]
        ok = all((n in ids) if k == "#" else (n in classes) for k, n in _SEL_NAME.findall(first))
        m = _SEL_ATTR.match(first)
        if ok and (m is None or m.group(1).lower() in attrs):
            return True
    return False


def find_container(soup, names=None):
    """Return the element holding the article body, or None to use the whole page."""
    names = names or _selector_names(soup)
    for sel in _BODY_SELECTORS:
        if not _may_match(sel, names):
            continue
        try:
            found = soup.select(sel)
        except Exception:
            continue
        found = [f for f in found if _text_len(f) >= 80]
        if found:
            return max(found, key=_text_len)
    arts = [a for a in soup.find_all("article") if _text_len(a) >= 200]
    if arts:
        return max(arts, key=_text_len)
    # the block whose own paragraphs hold the most running text
    best, score = None, 0
    for el in soup.find_all(["div", "section", "td", "main"]):
        s = 0
        for child in el.find_all(["p", "br"], recursive=False):
            if child.name == "p":
                t = normalize_line(child.get_text(" "))
                if is_sentence(t):
                    s += len(t)
        for txt in el.find_all(string=True, recursive=False):
            t = normalize_line(str(txt))
            if is_sentence(t):
                s += len(t)
        if s > score:
            best, score = el, s
    return best if score >= 200 else None


def _remove_chrome(root, keep) -> None:
    """Remove chrome elements under root; keep (the container) and its ancestors stay."""
    protected = set()
    if keep is not None:
        protected.add(id(keep))
        protected.update(id(p) for p in keep.parents)
    for tag in list(root.find_all(_DROP_TAGS)):
        if id(tag) not in protected and not tag.decomposed:
            tag.decompose()
    for tag in list(root.find_all(True)):
        if tag.decomposed or id(tag) in protected:
            continue
        role = str(tag.get("role") or "").lower()
        if _is_hidden(tag) or role in ("navigation", "banner", "contentinfo", "complementary", "search", "menu",
                                       "dialog", "alert"):
            tag.decompose()
            continue
        w = _attr_words(tag)
        if w and _CHROME_TOKEN.search(w):
            tag.decompose()


def to_text(root) -> str:
    """Return the visible text of an element (line breaks come from _block_text's markers)."""
    from bs4 import NavigableString
    from bs4.element import CData, Comment, Declaration, Doctype, ProcessingInstruction

    skip = (Comment, CData, Declaration, Doctype, ProcessingInstruction)
    out: list[str] = []
    for node in root.descendants:
        if isinstance(node, NavigableString) and not isinstance(node, skip):
            if node.parent is not None and node.parent.name in ("script", "style", "noscript", "template"):
                continue
            s = str(node)
            out.append(s if s == "\n" else re.sub(r"\s+", " ", s))
    return "".join(out)


def _block_text(root) -> str:
    """Return text with a line break after every block element (descendants() has no end events)."""
    from bs4 import NavigableString

    for tag in root.find_all(list(_BLOCK)):
        try:
            tag.insert_after(NavigableString("\n"))
            tag.insert_before(NavigableString("\n"))
        except (ValueError, AttributeError):
            pass
    for br in root.find_all("br"):
        br.replace_with(NavigableString("\n"))
    return to_text(root)


def _parse(html: str):
    from bs4 import BeautifulSoup

    try:
        return BeautifulSoup(html, "lxml")
    except Exception:  # lxml refuses some inputs (e.g. huge trees); the stdlib parser is slower but lenient
        return BeautifulSoup(html, "html.parser")


def _fallback(html: str) -> Cleaned:
    text = re.sub(r"(?is)<(script|style)[^>]*>.*?</\1>", " ", html)
    text = re.sub(r"(?i)<br\s*/?>|</(?:p|div|li|h\d|tr)>", "\n", text)
    text = re.sub(r"<[^>]*>", " ", text)
    import html as H

    return clean_text(H.unescape(text))


def clean_html(html: str) -> Cleaned:
    """Return the article in an HTML page: body paragraphs once, and its metadata."""
    try:
        return _clean_html(html)
    except RecursionError:
        log.info("markup nested too deeply; reading it as text")
        return _fallback(html)


def _clean_html(html: str) -> Cleaned:
    soup = _parse(html)
    hints, board = read_hints(soup)
    for s in soup.find_all(["script", "style", "noscript", "template"]):
        s.decompose()
    container = find_container(soup)
    if container is not None:
        _remove_chrome(container, None)
        cleaned = clean_text(_block_text(container), hints)
        if cleaned.paragraphs:
            return cleaned
    body = soup.body or soup
    _remove_chrome(body, container)
    text = _block_text(body)
    return clean_text(text, hints)
