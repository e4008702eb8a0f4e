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


# Particles and light endings a reader may type after a word; stripped only when what remains
# is already a term of the index, so no analyser is needed for `네이버가` or `카카오는`.
_ENDINGS = sorted(
    "에서는 에서도 으로는 으로도 에게서 이라고 이라는 이라며 께서는 한테서 까지는 부터는 에서 에게 으로 이나 이며 "
    "이고 이다 이랑 까지 부터 처럼 보다 마저 조차 밖에 한테 께서 라고 라는 라며 와의 과의 로의 에는 에도 로는 로도 "
    "했다 한다 하는 하며 하고 했던 해서 된다 됐다 되는 하다 은 는 이 가 을 를 의 에 와 과 도 로 만 랑".split(),
    key=len, reverse=True)


class Searcher:
    """Answers queries on an open archive; loads Kiwi only for words the index does not know."""

    def __init__(self, archive):
        self.archive = archive
        self.conn = archive.conn
        self._kiwi_used = False

    def is_term(self, w: str) -> bool:
        return bool(self.conn.execute("SELECT 1 FROM search_vocab WHERE term = ?", (w,)).fetchone())

    def analyse_word(self, word: str) -> list[str]:
        """Return the index terms of one query word, loading Kiwi only when the index cannot tell."""
        w = word.lower()
        if self.is_term(w):
            return [w]
        stem = self._stem(w)
        if stem:
            return [stem]
        parts = self._segment(w, 3)
        if parts:
            return parts
        if re.fullmatch(r"[a-z0-9]+", w):
            return [w]  # Kiwi reads a plain Latin word or number as itself
        if re.fullmatch(r"[가-힣]+", w) and not any(self.is_term(w[:i]) for i in range(1, len(w))):
            # Kiwi's first morpheme of a Hangul word starts the word; when no start of it is
            # in the index, no analysis can match, so the answer is "none" without the analyser
            return [w]
        from . import analyse

        self._kiwi_used = True
        return analyse.index_text(analyse.tokenize(word)).split()  # split as the index splits

    def _stem(self, w: str) -> str | None:
        """Return w without a particle or light ending when what remains is an index term."""
        for end in _ENDINGS:
            stem = w[: -len(end)]
            if w.endswith(end) and len(stem) >= 2 and self.is_term(stem):
                return stem
        return None

    def _segment(self, w: str, max_parts: int) -> list[str] | None:
        """Return w as a compound of index terms (인공지능 -> 인공 지능), the last one maybe with a particle."""
        if max_parts < 2 or len(w) < 4 or not re.fullmatch(r"[가-힣]+", w):
            return None
        for cut in range(len(w) - 2, 1, -1):
            head, tail = w[:cut], w[cut:]
            if not self.is_term(head):
                continue
            if self.is_term(tail):
                return [head, tail]
            stem = self._stem(tail)
            if stem:
                return [head, stem]
            rest = self._segment(tail, max_parts - 1)
            if rest:
                return [head, *rest]
        return None

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
        q = parse(query, self.analyse_word) if query else None
        hl: list[str] = list(q.highlight_terms) if q else []
        # Filters narrow the set of article ids; ranking runs on the full-text index alone, and
        # rows are read from `articles` only for the hits returned.
        conds, params = [], []
        if outlet:
            from .dictionary import load

            name = load().outlet_name(outlet) or outlet
            conds.append("(lower(replace(outlet, ' ', '')) = ? OR outlet = ?)")
            params += [key(outlet), name]
        if since:
            conds.append("published >= ?")
            params.append(_day(since, "--since"))
        if until:
            conds.append("published < ?")
            params.append(_day(until, "--until", next_day=True))
        id_sets, id_params = [], []
        if conds:
            id_sets.append(f"SELECT id FROM articles WHERE {' AND '.join(conds)}")
            id_params += params
        entity_ids = []
        for type_, name in (("company", company), ("person", person)):
            if not name:
                continue
            ids = self.resolve(type_, name)
            if not ids:
                return []
            entity_ids.append(ids)
            id_sets.append(f"SELECT article_id FROM mentions WHERE entity_id IN ({','.join('?' * len(ids))})")
            id_params += ids
            for name_, aliases in self.conn.execute(
                    f"SELECT name, aliases FROM entities WHERE id IN ({','.join('?' * len(ids))})", ids):
                hl += [name_, *json.loads(aliases)]
        restrict = "".join(f" AND {col} IN ({sql})" for col, sql in zip(["{col}"] * len(id_sets), id_sets))
        try:
            if q:
                # MATERIALIZED keeps the id filters out of FTS5, which would run one lookup per id
                sql = (f"WITH m AS MATERIALIZED (SELECT rowid AS rid, bm25(search, 5.0, 1.0) AS s FROM search "
                       f"WHERE search MATCH ?) SELECT rid, s FROM m WHERE 1{restrict.format(col='rid')} "
                       f"ORDER BY s LIMIT ?")
                ranked = self.conn.execute(sql, [q.fts(), *id_params, limit]).fetchall()
                ranked = [(aid, -s) for aid, s in ranked]
            elif entity_ids:
                ids = entity_ids[0]
                sql = (f"SELECT m.article_id, sum(m.count) AS n FROM mentions m JOIN articles a ON a.id = m.article_id "
                       f"WHERE m.entity_id IN ({','.join('?' * len(ids))}){restrict.format(col='m.article_id')} "
                       f"GROUP BY m.article_id ORDER BY n DESC, a.published DESC LIMIT ?")
                ranked = self.conn.execute(sql, [*ids, *id_params, limit]).fetchall()
            else:
                sql = f"SELECT id, 0 FROM articles WHERE 1{restrict.format(col='id')} ORDER BY published DESC LIMIT ?"
                ranked = self.conn.execute(sql, [*id_params, limit]).fetchall()
        except sqlite3.OperationalError as e:
            if "fts5" in str(e) or "syntax" in str(e):
                raise QueryError(f"cannot understand the query {query!r}: {e}") from None
            raise
        hits = []
        for aid, score in ranked:
            title, published, outl, body, subtitle, src = self.conn.execute(
                "SELECT title, published, outlet, body, subtitle, "
                "(SELECT path FROM sources WHERE article_id = articles.id ORDER BY id LIMIT 1) "
                "FROM articles WHERE id = ?", (aid,)).fetchone()
            snippet, spans = make_snippet(body, hl)
            if not spans:  # matched in the title or subtitle only
                lead = "\n".join([*json.loads(subtitle), title or ""])
                alt, alt_spans = make_snippet(lead, hl)
                if alt_spans:
                    snippet, spans = alt, alt_spans
            hits.append(Hit(aid, title, published, outl, src, snippet, round(float(score), 4), tuple(spans)))
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
    # each term as typed and without its spaces (a phrase 인공 지능 is written 인공지능), longest first
    needles = sorted({v.lower() for t in terms if t for v in (t, t.replace(" ", "")) if v}, key=len, reverse=True)
    found = [p for p in (low.find(v) for v in needles) if p >= 0]
    if not found:
        text = body[: 2 * width].replace("\n", " ")
        return text + ("…" if len(body) > 2 * width else ""), []
    first = min(found)
    start = max(0, first - width // 2)
    end = min(len(body), first + width + width // 2)
    window = body[start:end].replace("\n", " ")
    spans = []
    wl = window.lower()
    for v in needles:
        pos = 0
        while (p := wl.find(v, pos)) >= 0:
            if not any(a <= p < b or a < p + len(v) <= b for a, b in spans):
                spans.append((p, p + len(v)))
            pos = p + len(v)
    spans.sort()
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(body) else ""
    spans = [(a + len(prefix), b + len(prefix)) for a, b in spans]
    return prefix + window + suffix, spans


def marked(snippet: str, spans, left: str = "«", right: str = "»", escape=str) -> str:
    """Return the snippet with matches wrapped in markers (escape: applied to the text pieces)."""
    out, last = [], 0
    for a, b in spans:
        out += [escape(snippet[last:a]), left, escape(snippet[a:b]), right]
        last = b
    out.append(escape(snippet[last:]))
    return "".join(out)
