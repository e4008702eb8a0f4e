"""Korean full-text search over the archive: the query goes through the same analysis as the index."""
from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
from dataclasses import dataclass

from .dictionary import key
from .errors import QueryError
from .models import Hit

_QUERY_TOKEN = re.compile(r'(-?)"([^"]*)"|(\S+)')
_PUNCT = re.compile(r"[\"'`*^:(){}\[\]<>,.!?;~·…“”‘’]+")


@dataclass(frozen=True)
class Clause:
    terms: tuple[str, ...]  # one term, or a phrase of several
    negate: bool = False


@dataclass(frozen=True)
class Query:
    groups: tuple[tuple[Clause, ...], ...]  # OR of ANDs
    words: tuple[str, ...]  # surface words for highlighting

    def fts(self) -> str:
        parts = []
        for group in self.groups:
            pos = [c for c in group if not c.negate]
            neg = [c for c in group if c.negate]
            if not pos:
                raise QueryError("a query needs at least one word to find besides the excluded ones")
            expr = " AND ".join(_phrase(c) for c in pos)
            for c in neg:
                expr = f"({expr}) NOT {_phrase(c)}"
            parts.append(f"({expr})")
        return " OR ".join(parts)

    @property
    def highlight_terms(self) -> list[str]:
        out = [w for w in self.words]
        for g in self.groups:
            for c in g:
                if not c.negate:
                    out.append(" ".join(c.terms) if len(c.terms) > 1 else c.terms[0])
                    out.extend(c.terms)
        return out


def _phrase(c: Clause) -> str:
    return '"' + " ".join(t.replace('"', "") for t in c.terms) + '"'


def parse(text: str, analyse_word) -> Query:
    """Return the parsed query: words, "quoted phrases", OR and -exclusions.

    analyse_word(word) returns the index terms of one word (a phrase when several)."""
    if text.count('"') % 2:
        raise QueryError('unbalanced quote in query: close the phrase with "')
    groups, current, words = [], [], []
    for m in _QUERY_TOKEN.finditer(text):
        neg, phrase, word = m.group(1) == "-", m.group(2), m.group(3)
        if word == "OR":
            if not current:
                raise QueryError("OR needs a word on each side")
            groups.append(tuple(current))
            current = []
            continue
        if word is not None and word.startswith("-") and len(word) > 1:
            neg, word = True, word[1:]
        raw = phrase if phrase is not None else word
        terms = []
        for w in raw.split():
            w = _PUNCT.sub(" ", w).strip()
            for part in w.split():
                terms.extend(analyse_word(part))
        if not terms:
            continue
        if not neg:
            words.append(raw)
        current.append(Clause(tuple(terms), neg))
    if groups and not current:
        raise QueryError("OR needs a word on each side")
    if current:
        groups.append(tuple(current))
    if not groups:
        raise QueryError(f"nothing to search for in {text!r}")
    return Query(tuple(groups), tuple(words))


class Searcher:
    """Answers queries on an open archive; loads Kiwi only for words the index does not know."""

    def __init__(self, archive):
        self.archive = archive
        self.conn = archive.conn
        self._kiwi_used = False

    def is_term(self, w: str) -> bool:
        return bool(self.conn.execute("SELECT 1 FROM search_vocab WHERE term = ?", (w,)).fetchone())

    def analyse_word(self, word: str) -> list[str]:
        w = word.lower()
        if self.is_term(w):
            return [w]
        from . import analyse

        self._kiwi_used = True
        terms = analyse.terms(analyse.tokenize(word))
        out = []
        for t in terms:
            out.extend(p for p in re.sub(r"[\"'*^:(){}\[\]]", " ", t).split() if p)
        return out

    def resolve(self, type_: str, name: str) -> list[int]:
        """Return entity ids for a canonical name or alias (any case, with or without spaces)."""
        k = key(name)
        ids = [r[0] for r in self.conn.execute(
            "SELECT k.entity_id FROM entity_keys k JOIN entities e ON e.id = k.entity_id "
            "WHERE k.key = ? AND e.type = ?", (k, type_))]
        if not ids and type_ == "company":
            from .dictionary import load

            entry = load().company(name)
            if entry:
                ids = [r[0] for r in self.conn.execute(
                    "SELECT id FROM entities WHERE type='company' AND name = ?", (entry.name,))]
        return ids

    def search(self, query: str | None = None, company: str | None = None, person: str | None = None,
               outlet: str | None = None, since: str | None = None, until: str | None = None,
               limit: int = 20) -> list[Hit]:
        """Return hits ranked by bm25 (full text) or by mentions and date (entity only)."""
        if not any([query, company, person, outlet, since, until]):
            raise QueryError("give a query or at least one of --company, --person, --outlet, --since, --until")
        where, params, joins, join_params = [], [], [], []
        q = None
        select_score = "0.0"
        order = "a.published DESC, a.id DESC"
        if query:
            q = parse(query, self.analyse_word)
            joins.append("JOIN search s ON s.rowid = a.id")
            where.append("search MATCH ?")
            params.append(q.fts())
            select_score = "bm25(search, 5.0, 1.0)"
            order = "score ASC, a.published DESC"
        hl: list[str] = list(q.highlight_terms) if q else []
        for type_, name, alias in (("company", company, "mc"), ("person", person, "mp")):
            if not name:
                continue
            ids = self.resolve(type_, name)
            if not ids:
                return []
            joins.append(f"JOIN mentions {alias} ON {alias}.article_id = a.id AND {alias}.entity_id IN "
                         f"({','.join('?' * len(ids))})")
            join_params += ids
            if not query:
                select_score = f"-{alias}.count"
                order = f"{alias}.count DESC, a.published DESC"
            for name_, aliases in self.conn.execute(
                    f"SELECT name, aliases FROM entities WHERE id IN ({','.join('?' * len(ids))})", ids):
                hl += [name_, *json.loads(aliases)]
        if outlet:
            from .dictionary import load

            name = load().outlet_name(outlet) or outlet
            where.append("(lower(replace(a.outlet, ' ', '')) = ? OR a.outlet = ?)")
            params += [key(outlet), name]
        if since:
            where.append("a.published >= ?")
            params.append(_day(since, "--since"))
        if until:
            where.append("a.published < ?")
            params.append(_day(until, "--until", next_day=True))
        sql = (f"SELECT a.id, a.title, a.published, a.outlet, "
               f"(SELECT path FROM sources WHERE article_id = a.id ORDER BY id LIMIT 1), a.body, a.subtitle, "
               f"{select_score} AS score "
               f"FROM articles a {' '.join(joins)} {'WHERE ' + ' AND '.join(where) if where else ''} "
               f"ORDER BY {order} LIMIT ?")
        try:
            rows = self.conn.execute(sql, join_params + params + [limit]).fetchall()
        except sqlite3.OperationalError as e:
            if "fts5" in str(e) or "syntax" in str(e):
                raise QueryError(f"cannot understand the query {query!r}: {e}") from None
            raise
        hits = []
        for aid, title, published, outl, src, body, subtitle, score in rows:
            snippet, spans = make_snippet(body, hl)
            if not spans:  # matched in the title or subtitle only
                lead = "\n".join([*json.loads(subtitle), title or ""])
                alt, alt_spans = make_snippet(lead, hl)
                if alt_spans:
                    snippet, spans = alt, alt_spans
            hits.append(Hit(aid, title, published, outl, src, snippet, round(-float(score), 4), tuple(spans)))
        return hits

    @property
    def kiwi_used(self) -> bool:
        return self._kiwi_used


def _day(value: str, flag: str, next_day: bool = False) -> str:
    try:
        d = dt.date.fromisoformat(value[:10])
    except ValueError:
        raise QueryError(f"{flag} wants a date as YYYY-MM-DD, not {value!r}") from None
    if next_day:
        d += dt.timedelta(days=1)
    return d.isoformat()


def make_snippet(body: str, terms: list[str], width: int = 60) -> tuple[str, list[tuple[int, int]]]:
    """Return a window of body around the first match and the spans of matched words in it."""
    low = body.lower()
    cands = sorted({t for t in terms if t and len(t) >= 1}, key=len, reverse=True)
    first = None
    for t in cands:
        variants = [t, t.replace(" ", "")]
        for v in variants:
            p = low.find(v.lower())
            if p >= 0 and (first is None or p < first):
                first = p
    if first is None:
        text = body[: 2 * width].replace("\n", " ")
        return text + ("…" if len(body) > 2 * width else ""), []
    start = max(0, first - width // 2)
    end = min(len(body), first + width + width // 2)
    window = body[start:end].replace("\n", " ")
    spans = []
    wl = window.lower()
    for t in cands:
        for v in {t, t.replace(" ", "")}:
            pos = 0
            v = v.lower()
            while v and (p := wl.find(v, pos)) >= 0:
                if not any(a <= p < b or a < p + len(v) <= b for a, b in spans):
                    spans.append((p, p + len(v)))
                pos = p + len(v)
    spans.sort()
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(body) else ""
    spans = [(a + len(prefix), b + len(prefix)) for a, b in spans]
    return prefix + window + suffix, spans


def marked(snippet: str, spans, left: str = "«", right: str = "»") -> str:
    """Return the snippet with matches wrapped in markers."""
    out, last = [], 0
    for a, b in spans:
        out += [snippet[last:a], left, snippet[a:b], right]
        last = b
    out.append(snippet[last:])
    return "".join(out)
