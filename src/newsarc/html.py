"""HTML pages: metadata from JSON-LD / OpenGraph / meta tags, chrome removed, then the text cleaner.

The page is read in three steps:
1. metadata (Hints) from JSON-LD, OpenGraph and `article:*` tags, `<title>`, and the visible
   header of the common Korean layouts (Naver, Daum, ND-soft CMS, community boards);
2. the main content container (itemprop=articleBody, known body ids/classes, `<article>`, or
   the block with the most running text), with chrome removed by tag, role, class and id;
3. the container's text, one block per line, through the same classifier as text dumps.
Bad or truncated markup degrades to the text cleaner over the page's visible text; it never raises.

The page is parsed with lxml into lxml's own element tree (see "the tree" below for how its strings are read).
"""
from __future__ import annotations

import functools
import json
import logging
import re
from itertools import islice

from lxml import etree

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
_BODY_SELECTORS = (
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
)
# the headline in the page header, most specific first
_TITLE_SELECTORS = ("h2.media_end_head_headline", "#title_area", ".media_end_head_headline", "h3.tit_view",
                    ".tit_view", "h1.heading", ".article-head-title", "[itemprop=headline]", "h1")
# the outlet's logo in a portal's article header
_LOGO_SELECTORS = (".media_end_head_top_logo img", ".press_logo img", "#kakaoServiceLogo ~ a img", ".link_cp img",
                   ".logo_cp img", ".media_end_linked_more_point")
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


# --- the tree ----------------------------------------------------------------------------------
#
# lxml's tree holds text as .text and .tail; BeautifulSoup (which html.py was written on) held the same
# strings as nodes. The helpers below read the strings of an lxml tree the way BeautifulSoup read them,
# so the rules of this module see the same text:
# - a string of ASCII spaces only, outside <pre>/<textarea>, reads as one "\n" (if it holds a newline) or " ";
# - strings inside <script>, <style>, <template>, <rt> and <rp> (at any depth) are not the text of other
#   elements (a <script> element's own text is the strings inside it);
# - a removed element leaves the text around it as two strings (an empty comment takes its place and
#   holds the text after it), and a <br> turned into a line break is a processing instruction (_NEWLINE).

_CONTAINERS = frozenset({"script", "style", "template", "rt", "rp"})
_PRESERVE = frozenset({"pre", "textarea"})
_SPECIAL = (*_CONTAINERS, *_PRESERVE)
_UNREAD = frozenset({"script", "style", "noscript", "template"})  # their own strings are never visible text
_ASCII_SPACES = " \t\n\r\f"
_NEWLINE = "newsarc-newline"  # target of the processing instruction that stands for a "\n" string
_DOCUMENT = "newsarc-document"  # the element that holds the whole page
_MAX_DEPTH = 2000  # libxml2 builds trees at most 2048 elements deep, and stops reading the page there
_SURROGATE = re.compile("[\ud800-\udfff]")
_SPACE_RUN = re.compile(r"\s+")
_LD_JSON = re.compile(r"ld\+json", re.I)


def _parse(html: str):
    """Return the page as a tree under a _DOCUMENT element, or None for text lxml cannot read.

    The _DOCUMENT element stands for BeautifulSoup's document object: it holds the <html> element
    and whatever the parser put beside it (a second <html> after the end of the first, comments).
    The text goes to lxml's HTML parser as one string. Lone surrogates, which lxml cannot encode,
    become U+FFFD. A tree cut off at libxml2's depth limit is built again from the parser's events,
    which have no such limit."""
    if html[:1] == "\ufeff":
        html = html[1:]
    try:
        root = _feed(etree.HTMLParser(huge_tree=True), html)
    except (ValueError, etree.LxmlError):  # UnicodeEncodeError: lone surrogates
        html = _SURROGATE.sub("\ufffd", html)
        try:
            root = _feed(etree.HTMLParser(huge_tree=True), html)
        except (ValueError, etree.LxmlError):
            return None
    doc = etree.Element(_DOCUMENT)
    if root is not None:
        for node in [*reversed(list(root.itersiblings(preceding=True))), root, *root.itersiblings()]:
            doc.append(node)
    if _last_depth(doc) >= _MAX_DEPTH:
        try:
            doc = _feed(etree.HTMLParser(target=_EventTree()), html)
        except (ValueError, etree.LxmlError):
            log.info("markup nested too deeply; reading the part lxml built")
    return doc


def _feed(parser, html: str):
    """Parse the text as one piece (as BeautifulSoup did; lxml's fromstring() refuses some texts)."""
    parser.feed(html)
    return parser.close()


def _last_depth(root) -> int:
    """Return the depth of the page's last node: where libxml2 stopped if the page was too deep."""
    depth, el = 0, root
    while len(el):
        el, depth = el[-1], depth + 1
    return depth


class _EventTree:
    """An lxml parser target that builds the tree from the parser's events, at any depth, under a
    _DOCUMENT element. Elements still open at the end of the page are closed (libxml2 sends no end
    event for them)."""

    def __init__(self):
        self._builder = etree.TreeBuilder()
        self._builder.start(_DOCUMENT, {})
        self._open = [_DOCUMENT]

    def start(self, tag, attrib):
        try:
            self._builder.start(tag, attrib)
        except ValueError:  # a name lxml's API refuses, though libxml2's parser takes it (`o:p`, `a"b`)
            tag = _safe_name(tag)
            self._builder.start(tag, {_safe_name(k): v for k, v in attrib.items()})
        self._open.append(tag)

    def end(self, tag):
        if len(self._open) > 1:
            self._builder.end(self._open.pop())

    def data(self, data):
        self._builder.data(data)

    def comment(self, text):
        self._builder.comment(text)

    def close(self):
        while self._open:
            self._builder.end(self._open.pop())
        return self._builder.close()


def _safe_name(name: str) -> str:
    """Return a tag or attribute name that lxml's API takes: characters it refuses become `_`."""
    name = re.sub(r"[^\w.-]", "_", name)
    return name if re.match(r"[^\W\d]", name) else "_" + name


def _collapse(s: str) -> str:
    """Return a string as BeautifulSoup read it: ASCII spaces only become one "\\n" or one " "."""
    if s.strip(_ASCII_SPACES):
        return s
    return "\n" if "\n" in s else " "


def _strings(el) -> list[str]:
    """Return the strings of el's text in page order, the ones BeautifulSoup's get_text() joined."""
    if (next(el.iter(*_SPECIAL, etree.ProcessingInstruction), None) is None
            and next(el.iterancestors(*_SPECIAL), None) is None):
        return [_collapse(s) for s in el.itertext()]
    want = el.tag if el.tag in _CONTAINERS else None  # the kind of strings el reads
    out: list[str] = []
    stack: list[tuple] = []  # (kind, preserve) of the open elements

    def add(s, kind, pre):
        if s and kind == want:
            out.append(s if pre else _collapse(s))

    for event, node in etree.iterwalk(el, events=("start", "end", "comment", "pi")):
        if event == "start":
            if stack:
                kind, pre = stack[-1]
                kind = node.tag if node.tag in _CONTAINERS else kind
                pre = pre or node.tag in _PRESERVE
            else:  # el itself: what holds it counts too
                kind = want or next((a.tag for a in el.iterancestors(*_CONTAINERS)), None)
                pre = el.tag in _PRESERVE or next(el.iterancestors(*_PRESERVE), None) is not None
            stack.append((kind, pre))
            add(node.text, kind, pre)
        elif event == "end":
            stack.pop()
            if not stack:
                break
            add(node.tail, *stack[-1])
        else:
            if event == "pi" and node.target == _NEWLINE and want is None:
                out.append("\n")
            add(node.tail, *stack[-1])
    return out


def _get_text(el, sep: str = "", strip: bool = False) -> str:
    """Return el's text: its strings joined by sep (stripped, and the empty ones left out, if strip)."""
    strings = _strings(el)
    if strip:
        strings = [s.strip() for s in strings if s.strip()]
    return sep.join(strings)


def _own_strings(el) -> list[str]:
    """Return the strings directly inside el, comments' included (BeautifulSoup's string=True, recursive=False)."""
    out = [el.text]
    for child in el:
        if not isinstance(child.tag, str):
            out.append(child.text)
        out.append(child.tail)
    return [s for s in out if s]


def _drop(el) -> None:
    """Remove el with its descendants; the text after it stays a string of its own."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        hold = etree.Comment()
        hold.tail = el.tail
        parent.replace(el, hold)
    else:
        parent.remove(el)


def _newline(br) -> None:
    """Replace a <br> with a "\\n" string (a processing instruction that reads as one)."""
    pi = etree.ProcessingInstruction(_NEWLINE)
    pi.tail = br.tail
    br.getparent().replace(br, pi)


def _attr_words(el) -> str:
    """Return the element's classes and id, lower-cased, camelCase split into words."""
    cls, ident = el.get("class"), el.get("id")
    return _words(cls, ident) if cls or ident else ""


@functools.lru_cache(maxsize=4096)
def _words(cls: str | None, ident: str | None) -> str:
    """Return _attr_words for a class and id attribute."""
    words = " ".join([*(cls or "").split(), ident or ""])
    return _CAMEL.sub("_", words).lower()


def _named(root) -> list[tuple]:
    """Return (element, class, id) for the page's elements with a class or id, in page order."""
    out = []
    for el in root.iter(etree.Element):
        cls, ident = el.get("class"), el.get("id")
        if cls is not None or ident is not None:
            out.append((el, cls, ident))
    return out


def _matching(named, rx) -> list:
    """Return the elements of named (_named()) whose class/id words match rx, in page order."""
    keys = {(cls, ident) for _, cls, ident in named}  # pages repeat the same few class names
    hits = {key for key in keys if rx.search(_words(*key))}
    return [el for el, cls, ident in named if (cls, ident) in hits]


# --- CSS selectors -----------------------------------------------------------------------------

# white space that separates class names besides XPath's own (str.split() splits on all of it; the
# control characters among it cannot be written in XPath)
_WIDE_SPACES = ("\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
                "\u2028\u2029\u202f\u205f\u3000")
_COMPOUND = re.compile(r"([a-z][\w-]*)?((?:[#.][\w-]+|\[[\w-]+(?:=[\w-]+)?\])*)$", re.I)
_PART = re.compile(r"([#.])([\w-]+)|\[([\w-]+)(?:=([\w-]+))?\]")


def _css_xpath(selector: str) -> str:
    """Translate a list of simple CSS selectors (tag, #id, .class, [attr], [attr=value]; the descendant
    and `~` combinators) to XPath. Elements inside a <template> never match: its contents are not
    part of the document (as for soupsieve, which html.py used before)."""
    paths = []
    for one in selector.split(","):
        path, axis = "", "//"
        for tok in re.split(r"\s*(~)\s*|\s+", one.strip()):
            if not tok:
                continue
            if tok == "~":
                axis = "/following-sibling::"
                continue
            path += _css_step(tok, axis)
            axis = "//"
        paths.append(path + "[not(ancestor::template)]")
    return " | ".join(paths)


def _css_step(compound: str, axis: str) -> str:
    """Return the XPath step for one compound selector, after `//` or `/following-sibling::`.

    After `//` the first id, class or attribute is looked up as an attribute (`//@id[.='x']/parent::*`):
    libxml2 finds attributes much faster than it tests every element."""
    m = _COMPOUND.match(compound)
    if not m or not compound:
        raise ValueError(f"unsupported selector: {compound!r}")
    tag = m.group(1) or "*"
    tests = []  # (attribute, test on its value as `.`)
    for kind, name, attr, value in _PART.findall(m.group(2)):
        if kind == "#":
            tests.append(("id", f"[.='{name}']"))
        elif kind == ".":
            tests.append(("class", f"[contains(concat(' ', normalize-space(translate(., '{_WIDE_SPACES}', "
                                   f"'{' ' * len(_WIDE_SPACES)}')), ' '), ' {name} ')]"))
        else:
            tests.append((attr.lower(), f"[.='{value}']" if value else ""))
    if axis == "//" and tests:
        (attr, test), rest = tests[0], tests[1:]
        return f"//@{attr}{test}/parent::{tag}" + "".join(f"[@{a}{t}]" for a, t in rest)
    return axis + tag + "".join(f"[@{a}{t}]" for a, t in tests)


@functools.lru_cache(maxsize=None)
def _xpath(selector: str):
    """Return the compiled XPath of a CSS selector."""
    return etree.XPath(_css_xpath(selector))


_SEL_NAME = re.compile(r"([#.])([\w-]+)")


def _selector_names(named) -> tuple[set, set]:
    """Return the ids and the class words found on the page (named: _named()).

    They tell which selectors can match at all; only those run (a selector naming an id or class
    absent from the page selects nothing). Elements removed later only make these sets larger than
    needed, never too small."""
    ids = {ident for _, _, ident in named if ident is not None}
    classes = {w for cls in {cls for _, cls, _ in named if cls} for w in cls.split()}
    return ids, classes


def _possible(selectors: tuple, names) -> list[str]:
    """Return the selectors that may match on the page, in their order: a selector cannot match when
    its first compound names an id or class the page lacks (a list `a, b` may match when either may)."""
    ids, classes = names
    return list(dict.fromkeys(sel for sel, need_ids, need_classes in _needs(selectors)
                              if need_ids <= ids and need_classes <= classes))


@functools.lru_cache(maxsize=None)
def _needs(selectors: tuple) -> tuple:
    """Return (selector, ids, classes) for every selector of every list: the names its first compound needs."""
    out = []
    for sel in selectors:
        for one in sel.split(","):
            first = re.split(r"[\s~>+]", one.strip(), maxsplit=1)[0]
            parts = _SEL_NAME.findall(first)
            out.append((sel, frozenset(n for k, n in parts if k == "#"), frozenset(n for k, n in parts if k == ".")))
    return tuple(out)


def _select(root, sel: str) -> list:
    """Return the page's elements that match a CSS selector, in page order."""
    return _xpath(sel)(root)


# --- metadata --------------------------------------------------------------------------------

def _json_ld(root) -> list[dict]:
    """Return the JSON-LD objects of the page, flattened out of lists and @graph."""
    out = []
    for s in root.iter("script"):
        kind = s.get("type")
        if kind is None or not _LD_JSON.search(kind):
            continue
        raw = _get_text(s)
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


def _metas(root) -> dict:
    """Return the page's <meta> contents by property, name or itemprop (lower-cased; the first wins)."""
    out = {}
    for m in root.iter("meta"):
        k = m.get("property") or m.get("name") or m.get("itemprop")
        v = m.get("content")
        if k is not None and v is not None and v.strip():
            out.setdefault(k.strip().lower(), v.strip())
    return out


def _short_texts(named, rx, limit=160, sep=" ") -> list[str]:
    """Return the texts of small elements whose class/id matches rx, in page order (named: _named())."""
    out = []
    for el in _matching(named, rx):
        if len(out) > 60:
            break
        t = _get_text(el, sep)
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


def read_hints(root, named=None, names=None) -> tuple[Hints, bool]:
    """Return (hints, board) for a parsed page; board is True for a community board repost.

    named, names: _named(root) and _selector_names(named), if the caller has them."""
    named = _named(root) if named is None else named
    names = names or _selector_names(named)
    metas = _metas(root)
    lds = _json_ld(root)
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
    title_el = next(root.iter("title"), None)
    page_title = normalize_line(_get_text(title_el)) if title_el is not None else None

    words = " ".join(_attr_words(t) for t in islice(root.iter("div", "section", "table", "ul", "article"), 400))
    board = bool(_BOARD_HINT.search(words)) and not art

    # title
    h1 = None
    for sel in _possible(_TITLE_SELECTORS, names):
        found = _select(root, sel)
        if found and normalize_line(_get_text(found[0], " ")):
            h1 = normalize_line(_get_text(found[0], " "))
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
    for el in _matching(named, _SUBTITLE_HINT):
        for br in list(el.iterdescendants("br")):
            _newline(br)
    for t in _short_texts(named, _SUBTITLE_HINT, limit=400, sep="\n"):
        for line in re.split(r"\s*\n\s*", t):
            if line and line != title and line not in subtitle and len(subtitle) < 5:
                subtitle.append(line)

    # dates: structured first, then the visible header
    visible = _short_texts(named, _DATE_HINT)
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
             (_select(root, sel) if _possible((sel,), names) else ())]
    naver = [M.normalize_iso(x) for x in naver if x]
    times = [M.normalize_iso(t.get("datetime")) for t in root.iter("time") if t.get("datetime")]
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
        for t in _short_texts(named, _BYLINE_HINT, limit=120):
            for n in M.reporter_names(t):
                if n not in reporters:
                    reporters.append(n)

    # outlet: the article's publisher, never the portal that shows it
    outlet = None
    for cand in (_first(_names(art.get("publisher"))), metas.get("article:media_name"),
                 metas.get("og:article:author"), _logo_alt(root, names), None if board else site):
        outlet = _outlet_name(cand)
        if outlet:
            break
    entity = art.get("mainEntityOfPage")
    url = (metas.get("og:url") or _canonical(root) or _str(art.get("url")) or _str(entity)
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


def _logo_alt(root, names) -> str | None:
    """Return the outlet named by the logo of the page's header (its alt or title, or its text)."""
    for sel in _possible(_LOGO_SELECTORS, names):
        found = _select(root, sel)
        if found:
            el = found[0]
            v = el.get("alt") or el.get("title") or _get_text(el, strip=True)
            if v:
                return re.sub(r"\s*(?:로고|logo)$", "", str(v), flags=re.I)
    return None


def _canonical(root) -> str | None:
    """Return the href of the first <link rel=canonical>."""
    for el in root.iter("link"):
        if "canonical" in (el.get("rel") or "").split():
            return el.get("href")
    return None


def _str(v) -> str | None:
    return v if isinstance(v, str) else None


def _first(xs):
    return xs[0] if xs else None


def _strip_board_category(title: str) -> str:
    t = P.BOARD_CATEGORY.sub("", title, count=1)
    t2 = P.BOARD_PREFIX.sub("", t, count=1) if re.match(r"^\S+/\S+\s", t) else t
    return t2 if len(t2) >= 8 else title


# --- content -------------------------------------------------------------------------------

_CHROME_ROLES = ("navigation", "banner", "contentinfo", "complementary", "search", "menu", "dialog", "alert")
# the elements _remove_chrome may remove by their attributes
_ATTRIBUTED = etree.XPath("descendant::*[@class or @id or @role or @style or @hidden or @aria-hidden]")


def _is_hidden(el) -> bool:
    """Return True for an element hidden by an attribute or its inline style."""
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    st = el.get("style")
    return bool(st and _HIDDEN_STYLE.search(st))


def _text_len(el) -> int:
    """Return the number of non-space characters in el's text."""
    return len("".join(_get_text(el).split()))


def find_container(root, names=None):
    """Return the element holding the article body, or None to use the whole page."""
    names = names or _selector_names(_named(root))
    for sel in _possible(_BODY_SELECTORS, names):
        found = [(f, n) for f in _select(root, sel) if (n := _text_len(f)) >= 80]
        if found:
            return max(found, key=lambda fn: fn[1])[0]
    arts = [(a, n) for a in root.iter("article") if (n := _text_len(a)) >= 200]
    if arts:
        return max(arts, key=lambda an: an[1])[0]
    # the block whose own paragraphs hold the most running text
    best, score = None, 0
    for el in root.iter("div", "section", "td", "main"):
        s = 0
        for child in el:
            if child.tag == "p":
                t = normalize_line(_get_text(child, " "))
                if is_sentence(t):
                    s += len(t)
        for txt in _own_strings(el):
            t = normalize_line(txt)
            if is_sentence(t):
                s += len(t)
        if s > score:
            best, score = el, s
    return best if score >= 200 else None


def _remove_chrome(root, keep) -> None:
    """Remove chrome elements under root; keep (the container) and its ancestors stay."""
    protected = {keep, *keep.iterancestors()} if keep is not None else set()
    for el in list(root.iterdescendants(*_DROP_TAGS)):
        if el not in protected:
            _drop(el)
    # an element inside one removed before goes with it: the order of removals does not matter
    for el in _ATTRIBUTED(root):
        if el in protected:
            continue
        role = (el.get("role") or "").lower()
        if _is_hidden(el) or role in _CHROME_ROLES or _is_chrome(el.get("class"), el.get("id")):
            _drop(el)


@functools.lru_cache(maxsize=4096)
def _is_chrome(cls: str | None, ident: str | None) -> bool:
    """Return True when a class or id names chrome (_CHROME_TOKEN)."""
    w = _words(cls, ident) if cls or ident else ""
    return bool(w and _CHROME_TOKEN.search(w))


def _block_text(root, done=None) -> str:
    """Return the visible text under root, with a line break before and after every block element
    and for every <br>; runs of white space in a string read as one space.

    done: an element whose blocks already had their line breaks (the container of a first try):
    blocks inside it get a second pair, as when the line breaks were written into the tree."""
    out: list[str] = []
    stack: list[tuple] = []  # (tag, preserve) of the open elements
    twice = done is not None and (done is root or any(a is done for a in root.iterancestors()))
    for event, node in etree.iterwalk(root, events=("start", "end", "comment", "pi")):
        if event == "start":
            tag = node.tag
            if not stack:
                pre = tag in _PRESERVE or next(node.iterancestors(*_PRESERVE), None) is not None
            else:
                pre = stack[-1][1] or tag in _PRESERVE
                if tag in _BLOCK:
                    out.append("\n\n" if twice else "\n")
                elif tag == "br":
                    out.append("\n")
                if node is done:
                    twice = True
            stack.append((tag, pre))
            if node.text and tag not in _UNREAD:
                out.append(_visible(node.text, pre))
            continue
        if event == "end":
            tag = stack.pop()[0]
            if not stack:
                break
            if node is done:
                twice = False
            if tag in _BLOCK:
                out.append("\n\n" if twice else "\n")
        elif event == "pi" and node.target == _NEWLINE:
            out.append("\n")
        parent, pre = stack[-1]
        if node.tail and parent not in _UNREAD:
            out.append(_visible(node.tail, pre))
    return "".join(out)


def _visible(s: str, pre: bool) -> str:
    """Return a string of the page as visible text: a lone "\\n" stays a line break, other white space one space."""
    if not pre:
        s = _collapse(s)
    return s if s == "\n" else _SPACE_RUN.sub(" ", s)


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
    """Read the hints, then the container's text; the whole body's if the container gives no paragraph."""
    doc = _parse(html)
    if doc is None:
        return _fallback(html)
    named = _named(doc)
    names = _selector_names(named)
    hints, board = read_hints(doc, named, names)
    for s in list(doc.iter("script", "style", "noscript", "template")):
        _drop(s)
    container = find_container(doc, names)
    if container is not None:
        _remove_chrome(container, None)
        cleaned = clean_text(_block_text(container), hints)
        if cleaned.paragraphs:
            return cleaned
    body = next(doc.iter("body"), None)
    if body is None:
        body = doc
    _remove_chrome(body, container)
    return clean_text(_block_text(body, done=container), hints)
