"""One Kiwi pass over title and body: tokens for entities and terms for the search index."""
from __future__ import annotations

import re
import threading
from functools import lru_cache

from .dictionary import key, load

# Morphemes that carry meaning: nouns, proper nouns, foreign words, numbers, Hanja, roots,
# verb and adjective stems.
INDEX_TAGS = frozenset({"NNG", "NNP", "NR", "SL", "SN", "SH", "XR", "VV", "VA", "NP", "MAG", "W_HASHTAG"})
_HAS_HANGUL = re.compile(r"[가-힣]")
_lock = threading.Lock()
_workers = [-1]


def configure(workers: int) -> None:
    """Set Kiwi's worker threads (-1: all cores); effective when the process's Kiwi is first built."""
    _workers[0] = workers


@lru_cache(maxsize=1)
def kiwi():
    """Return the process's Kiwi, with the company dictionary loaded as user words."""
    with _lock:
        from kiwipiepy import Kiwi

        # typo correction stays off: with it, user words get "corrected" into other words
        k = Kiwi(num_workers=_workers[0], load_typo_dict=False)
        for name in user_words():
            k.add_user_word(name, "NNP", 0.0)
        return k


def user_words() -> list[str]:
    """Return the dictionary names Kiwi should keep whole: Hangul-bearing, no spaces, 3+ chars.

    Two-syllable names are left to Kiwi: many are ordinary words (라인, 다음, 토스, 대상), and
    as user words they would turn every 라인 into a proper noun. entities.py tells those apart
    with common_names() and context instead.
    """
    d = load()
    words = set()
    for entry in d.company_list:
        for n in (entry.name, *entry.aliases):
            if " " not in n and _HAS_HANGUL.search(n) and len(n) >= 3 and key(n) not in d.not_companies:
                words.add(n)
    return sorted(words)


@lru_cache(maxsize=1)
def common_names() -> frozenset:
    """Return the two-syllable dictionary names Kiwi reads, alone, as an ordinary word (라인/NNG).

    Such a name counts as a company only with company context in the article.
    """
    names = sorted({n for e in load().company_list for n in (e.name, *e.aliases)
                    if len(n) == 2 and all("가" <= c <= "힣" for c in n)})
    if not names:
        return frozenset()
    starts, pos = {}, 0
    for n in names:
        starts[pos] = n
        pos += len(n) + 1
    out = set()
    for t in kiwi().tokenize("\n".join(names)):
        n = starts.get(t.start)
        if n is not None and t.len == len(n) and t.tag != "NNP":
            out.add(n)
    return frozenset(out)


def warm() -> None:
    """Build Kiwi and load its model (the first analysis does that: about 2.3 s, GIL held)."""
    kiwi().tokenize("모델을 읽는다.")
    common_names()


def kiwi_version() -> str:
    import kiwipiepy

    return kiwipiepy.__version__


def tokenize(text: str):
    """Return Kiwi tokens of text (form, tag, start, len)."""
    if not text:
        return []
    return kiwi().tokenize(text)


class _IndexTags(dict):
    """Kiwi tag (with sub-tag) -> whether its morphemes are index terms; filled on first sight."""

    def __missing__(self, tag: str) -> bool:
        v = self[tag] = tag.split("-")[0] in INDEX_TAGS
        return v


_FTS_SPECIAL = str.maketrans({c: " " for c in "\"'*^:(){}[]"})


class _Terms(dict):
    """Form -> its index term (lower-cased, FTS5's quotes and punctuation made spaces; "" when
    blank), remembered for 200,000 forms at most."""

    def __missing__(self, form: str) -> str:
        v = form.lower()
        v = v.translate(_FTS_SPECIAL) if v.strip() else ""
        if len(self) < 200_000:
            self[form] = v
        return v


_INDEX_TAG = _IndexTags()
_TERM = _Terms()


def terms(tokens) -> list[str]:
    """Return the index terms of tokens: lower-cased forms of meaning-bearing morphemes, quotes
    and punctuation inside them made spaces (FTS5 would read them as query syntax)."""
    index_tag, term = _INDEX_TAG, _TERM
    out = [term[t.form] for t in tokens if index_tag[t.tag]]
    return [x for x in out if x] if "" in out else out


def index_text(tokens) -> str:
    """Return the terms joined for FTS5 (the same text as translating the joined forms: the
    translation maps one character to one, and keeps spaces)."""
    return " ".join(terms(tokens))
