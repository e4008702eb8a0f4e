"""One Kiwi pass over title and body: tokens for entities and terms for the search index."""
from __future__ import annotations

import re
import threading
from functools import lru_cache

from .dictionary import load

# Morphemes that carry meaning: nouns, proper nouns, foreign words, numbers, Hanja, roots,
# verb and adjective stems.
INDEX_TAGS = frozenset({"NNG", "NNP", "NR", "SL", "SN", "SH", "XR", "VV", "VA", "NP", "MAG", "W_HASHTAG"})
_HAS_HANGUL = re.compile(r"[가-힣]")
_lock = threading.Lock()


@lru_cache(maxsize=1)
def kiwi():
    """Return the process's Kiwi, with the company dictionary loaded as user words."""
    with _lock:
        from kiwipiepy import Kiwi

        k = Kiwi(load_typo_dict=False)
        for name in user_words():
            k.add_user_word(name, "NNP", 0.0)
        return k


def user_words() -> list[str]:
    """Return the dictionary names Kiwi should keep whole (Hangul-bearing, no spaces)."""
    words = set()
    for entry in load().company_list:
        for n in (entry.name, *entry.aliases):
            if " " not in n and _HAS_HANGUL.search(n) and len(n) >= 2:
                words.add(n)
    return sorted(words)


def kiwi_version() -> str:
    import kiwipiepy

    return kiwipiepy.__version__


def tokenize(text: str):
    """Return Kiwi tokens of text (form, tag, start, len)."""
    if not text:
        return []
    return kiwi().tokenize(text)


def tokenize_many(texts, workers: int = 0):
    """Yield token lists for many texts, using Kiwi's own worker threads."""
    return kiwi().tokenize(texts)


def terms(tokens) -> list[str]:
    """Return the index terms of tokens: lower-cased forms of meaning-bearing morphemes."""
    out = []
    for t in tokens:
        tag = t.tag.split("-")[0]
        if tag in INDEX_TAGS:
            form = t.form.lower()
            if form.strip():
                out.append(form)
    return out


def index_text(tokens) -> str:
    """Return the terms joined for FTS5: quotes and punctuation inside terms become spaces."""
    return " ".join(re.sub(r"[\"'*^:(){}\[\]]", " ", t) for t in terms(tokens))
