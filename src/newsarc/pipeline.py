"""The whole pipeline on one file: read, clean, metadata, analyse. No archive involved."""
from __future__ import annotations

import hashlib
from bisect import bisect_left
from operator import attrgetter
from pathlib import Path

from . import analyse, entities
from .clean import clean_text, compact
from .dictionary import key
from .errors import SkipPage
from .models import Analysis, Article, Cleaned
from .read import read_bytes

MIN_BODY_CHARS = 80
_start = attrgetter("start")


def clean_page(data: bytes):
    """Return (Decoded, Cleaned) for a page's bytes; raise SkipPage when it holds no article."""
    dec = read_bytes(data)
    if dec.format == "html":
        from .html import clean_html

        cleaned = clean_html(dec.text)
    else:
        cleaned = clean_text(dec.text)
    if len(cleaned.body) < MIN_BODY_CHARS:
        raise SkipPage("no article found (page has no body text)")
    return dec, cleaned


def analysis_text(cleaned: Cleaned) -> tuple[str, int]:
    """Return the text Kiwi reads for an article (headline, blank line, body) and the body's offset."""
    head = "\n".join([cleaned.title or "", *cleaned.subtitle]).strip()
    if not head:
        return cleaned.body, 0
    return f"{head}\n\n{cleaned.body}", len(head)


def analyse_cleaned(cleaned: Cleaned, tokens=None) -> Analysis:
    """Return entities and index terms from one Kiwi pass over headline and body.

    The headline (title and subtitles) and the body are analysed as one text; entities come
    from both, the index keeps the headline's terms apart so that bm25 can weigh them."""
    text, cut = analysis_text(cleaned)
    if tokens is None:
        tokens = analyse.tokenize(text)
    # Kiwi's tokens come in text order: the headline's are those before the cut
    split = bisect_left(tokens, cut, key=_start) if cut else 0
    head_tokens, body_tokens = tokens[:split], tokens[split:]
    exclude = {key(cleaned.outlet)} if cleaned.outlet else set()
    cos = entities.companies(tokens, text, exclude=exclude)
    ppl = entities.people(tokens, text, reporters=cleaned.reporters)
    return Analysis(tuple(cos), tuple(ppl), analyse.index_text(head_tokens), analyse.index_text(body_tokens))


def fingerprint(body: str) -> str:
    """Return a content fingerprint of a cleaned body: the same article from two files matches."""
    return hashlib.sha256(compact(body).encode("utf-8")).hexdigest()


def build_article(source: str, sha256: str, cleaned: Cleaned, dec, an: Analysis,
                  fp: str | None = None) -> Article:
    """Return the article; fp is fingerprint(cleaned.body) when the caller has it already."""
    return Article(
        source=source, sha256=sha256, format=dec.format,
        encoding=dec.encoding, title=cleaned.title, subtitle=cleaned.subtitle,
        published=cleaned.published, updated=cleaned.updated, reporters=cleaned.reporters,
        outlet=cleaned.outlet, url=cleaned.url, body=cleaned.body, companies=an.companies,
        people=an.people, title_terms=an.title_terms, body_terms=an.body_terms,
        fingerprint=fp or fingerprint(cleaned.body),
    )


def extract_bytes(data: bytes, source: str = "-") -> Article:
    """Return the article in a page's bytes (the whole pipeline, nothing stored)."""
    dec, cleaned = clean_page(data)
    return build_article(source, hashlib.sha256(data).hexdigest(), cleaned, dec, analyse_cleaned(cleaned))


def extract_file(path: str | Path) -> Article:
    """Return the article in a file."""
    p = Path(path)
    return extract_bytes(p.read_bytes(), str(p))
