"""The archive: one SQLite file (WAL), its schema and migrations, writes and reads."""
from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
from contextlib import contextmanager
from pathlib import Path

from .dictionary import key
from .errors import ArchiveError
from .models import Article

SCHEMA_VERSION = 1
BUSY_TIMEOUT_MS = 30_000
WAL_AUTOCHECKPOINT = 1000  # pages: SQLite's default
BULK_AUTOCHECKPOINT = 10_000  # pages (40 MB of WAL)
SEARCH_OPS_HELD = 2000  # search-index writes put() holds back, at most, before writing them
# json.dumps(x, ensure_ascii=False) builds an encoder per call; one encoder, the same output
_json = json.JSONEncoder(ensure_ascii=False).encode


def default_path() -> Path:
    """Return the archive path: $NEWSARC_DB, else the user data directory's archive.db."""
    env = os.environ.get("NEWSARC_DB")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("newsarc", appauthor=False)) / "archive.db"


# --- migrations: an ordered list of SQL scripts; user_version records how many ran -------------------------
MIGRATIONS = []


def migration(fn):
    MIGRATIONS.append(fn)
    return fn


@migration
def m001_initial() -> str:
    return (
        """
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            fingerprint TEXT NOT NULL UNIQUE,
            title TEXT, subtitle TEXT NOT NULL DEFAULT '[]',
            published TEXT, updated TEXT,
            reporters TEXT NOT NULL DEFAULT '[]',
            outlet TEXT, url TEXT, body TEXT NOT NULL,
            format TEXT, encoding TEXT, sha256 TEXT,
            ingested_at TEXT NOT NULL
        );
        CREATE INDEX articles_published ON articles(published);
        CREATE INDEX articles_outlet ON articles(outlet);
        CREATE TABLE sources (
            id INTEGER PRIMARY KEY,
            path TEXT NOT NULL UNIQUE,
            article_id INTEGER REFERENCES articles(id) ON DELETE SET NULL,
            sha256 TEXT, size INTEGER, mtime REAL,
            ingested_at TEXT NOT NULL
        );
        CREATE INDEX sources_article ON sources(article_id);
        CREATE TABLE entities (
            id INTEGER PRIMARY KEY,
            type TEXT NOT NULL,            -- company | person
            name TEXT NOT NULL,
            kind TEXT,                     -- company | group | media | foreign | person
            aliases TEXT NOT NULL DEFAULT '[]',
            UNIQUE(type, name)
        );
        CREATE TABLE entity_keys (
            key TEXT NOT NULL,
            entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
            PRIMARY KEY(key, entity_id)
        ) WITHOUT ROWID;
        CREATE TABLE mentions (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
            count INTEGER NOT NULL,
            surfaces TEXT NOT NULL DEFAULT '[]',
            roles TEXT NOT NULL DEFAULT '[]',
            affiliation TEXT,
            PRIMARY KEY(article_id, entity_id)
        ) WITHOUT ROWID;
        CREATE INDEX mentions_entity ON mentions(entity_id, count);
        CREATE VIRTUAL TABLE search USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 0');
        CREATE VIRTUAL TABLE search_vocab USING fts5vocab(search, 'row');
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
        """
    )


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


class Archive:
    """An open archive. Reads use sqlite3 directly; writes go through one transaction per article."""

    def __init__(self, path: str | Path, create: bool = True):
        self.path = Path(path)
        if not create and not self.path.exists():
            raise ArchiveError(f"no archive at {self.path} (run `newsarc ingest` first)")
        self._entities: dict = {}  # (type, name) -> (id, aliases): saves two queries per mention
        self._search_ops: list | None = None  # search-index writes put() holds back (see put)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.conn = sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT_MS / 1000,
                                        isolation_level=None, check_same_thread=False)
            self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        except (sqlite3.DatabaseError, OSError) as e:
            raise ArchiveError(f"cannot open archive {self.path}: {e}") from None
        if version > SCHEMA_VERSION:
            raise ArchiveError(
                f"archive {self.path} has schema version {version}, newer than this newsarc "
                f"understands ({SCHEMA_VERSION}); upgrade newsarc")
        try:
            if version == 0 and self._has_foreign_tables():
                raise ArchiveError(f"{self.path} is an SQLite database but not a newsarc archive")
            if version < SCHEMA_VERSION:
                self.conn.execute("PRAGMA journal_mode = WAL")
                self._migrate(version)
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.conn.execute("PRAGMA synchronous = NORMAL")
        except sqlite3.DatabaseError as e:
            raise ArchiveError(f"cannot open archive {self.path}: {e}") from None

    def _has_foreign_tables(self) -> bool:
        return bool(self.conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' LIMIT 1").fetchone())

    def _migrate(self, version: int) -> None:
        for i, fn in enumerate(MIGRATIONS[version:], start=version + 1):
            try:
                # one transaction per migration: the script and the version bump land together
                self.conn.executescript(f"BEGIN IMMEDIATE;\n{fn()}\nPRAGMA user_version = {i};\nCOMMIT;")
            except BaseException:
                self.rollback()
                raise

    def close(self) -> None:
        self.conn.close()

    # --- meta ----------------------------------------------------------------------------
    def get_meta(self, k: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (k,)).fetchone()
        return row[0] if row else None

    def set_meta(self, k: str, v: str) -> None:
        self.conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (k, v))

    # --- sources -------------------------------------------------------------------------
    def source(self, path: str):
        return self.conn.execute(
            "SELECT id, article_id, sha256, size, mtime FROM sources WHERE path = ?", (path,)).fetchone()

    def touch_source(self, path: str, size: int, mtime: float) -> None:
        self.conn.execute("UPDATE sources SET size = ?, mtime = ? WHERE path = ?", (size, mtime, path))

    # --- writes --------------------------------------------------------------------------
    def begin(self) -> None:
        self.conn.execute("BEGIN IMMEDIATE")

    @contextmanager
    def transaction(self):
        """BEGIN IMMEDIATE, then COMMIT; ROLLBACK on any error (a batch may commit() and begin() inside)."""
        self.begin()
        try:
            yield self
            self.commit()
        except BaseException:
            self.rollback()
            raise

    @contextmanager
    def bulk(self):
        """Write a batch of put() calls without SQLite's foreign-key checks (a tenth of put()'s cost),
        and with the WAL copied into the database every 40 MB instead of every 4 MB.

        put() only refers to rows it has just read or written, and deletes itself what the
        foreign keys would cascade to, so the checks find nothing; they are back on afterwards.
        A checkpoint stalls the committing writer while it waits for the disk, and the pages
        queued for the analyser with it: fewer, larger ones wait less in all (measured on 20,000
        pages: 1.6 s instead of 2.6 s), and copy a page written again and again only once each.
        The pragmas cannot change inside a transaction: call this outside one."""
        self.conn.execute("PRAGMA foreign_keys = OFF")
        self.conn.execute(f"PRAGMA wal_autocheckpoint = {BULK_AUTOCHECKPOINT}")
        try:
            yield self
        finally:
            self.conn.execute(f"PRAGMA wal_autocheckpoint = {WAL_AUTOCHECKPOINT}")
            self.conn.execute("PRAGMA foreign_keys = ON")

    def commit(self) -> None:
        self._write_search()
        self.conn.execute("COMMIT")

    def rollback(self) -> None:
        self._entities.clear()  # rows the cache knows may be gone
        self._search_ops = None
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    def put(self, art: Article, path: str, size: int, mtime: float) -> tuple[str, int]:
        """Store an article from the file at path; return (status, article id), status being
        added, updated, duplicate or unchanged.

        Runs inside a SAVEPOINT, so an article is written whole or not at all. Its search-index
        rows are held back until commit() (or the end of put() outside a transaction): SQLite's
        FTS5 writes out its pending index at every savepoint, which would double the index's
        cost and leave it in one small segment per article."""
        c = self.conn
        outer = c.in_transaction
        if self._search_ops is None or len(self._search_ops) >= SEARCH_OPS_HELD:
            self._write_search()  # memory stays bounded however many put() a transaction holds
            self._search_ops = []
        held = len(self._search_ops)
        c.execute("SAVEPOINT put")
        try:
            status = self._put(art, path, size, mtime)
            if not outer:  # RELEASE commits: the index goes with the article
                self._write_search()
            c.execute("RELEASE put")
            return status
        except BaseException:
            c.execute("ROLLBACK TO put")
            self._entities.clear()
            self._search_ops = self._search_ops[:held] if outer and self._search_ops else None
            c.execute("RELEASE put")
            raise

    def _search(self, sql: str, args: tuple) -> None:
        """Write to the search index now, or hold the write back for commit() inside put()."""
        if self._search_ops is None:
            self.conn.execute(sql, args)
        else:
            self._search_ops.append((sql, args))

    def _write_search(self) -> None:
        """Write the search-index rows held back, in order."""
        ops, self._search_ops = self._search_ops, None
        for sql, args in ops or ():
            self.conn.execute(sql, args)

    def copy_of(self, fingerprint: str, path: str) -> int | None:
        """Return the id of the stored article a page with this fingerprint, from the file at
        path, is a copy of (another file's article), or None. put() then records the file as
        another source of that article and uses nothing of the page's analysis."""
        same = self.conn.execute("SELECT id FROM articles WHERE fingerprint = ?", (fingerprint,)).fetchone()
        if same is None:
            return None
        src = self.source(path)
        return None if src and src[1] == same[0] else same[0]

    def _put(self, art: Article, path: str, size: int, mtime: float) -> tuple[str, int]:
        c = self.conn
        now = _now()
        src = self.source(path)
        same = c.execute("SELECT id FROM articles WHERE fingerprint = ?", (art.fingerprint,)).fetchone()
        if same:
            aid = same[0]
            if src and src[1] == aid:
                c.execute("UPDATE sources SET sha256=?, size=?, mtime=?, ingested_at=? WHERE path=?",
                          (art.sha256, size, mtime, now, path))
                self._write_article(aid, art, now)  # the same body; metadata may have changed
                return "unchanged", aid
            # a copy of another file's article (copy_of): the page's analysis is not used
            old = src[1] if src else None
            self._upsert_source(path, aid, art.sha256, size, mtime, now)
            self._drop_orphan(old)
            return ("updated" if src else "duplicate"), aid
        if src and src[1] is not None:
            # the file changed: its article takes the new content, keeping its id, unless other
            # files still hold the old article
            others = c.execute("SELECT count(*) FROM sources WHERE article_id = ? AND path != ?",
                               (src[1], path)).fetchone()[0]
            if not others:
                self._write_article(src[1], art, now)
                self._upsert_source(path, src[1], art.sha256, size, mtime, now)
                return "updated", src[1]
        aid = self._write_article(None, art, now)
        self._upsert_source(path, aid, art.sha256, size, mtime, now)
        return ("updated" if src else "added"), aid

    def _upsert_source(self, path, aid, sha, size, mtime, now):
        self.conn.execute(
            "INSERT INTO sources(path, article_id, sha256, size, mtime, ingested_at) VALUES (?,?,?,?,?,?) "
            "ON CONFLICT(path) DO UPDATE SET article_id=excluded.article_id, sha256=excluded.sha256, "
            "size=excluded.size, mtime=excluded.mtime, ingested_at=excluded.ingested_at",
            (path, aid, sha, size, mtime, now))

    def _drop_orphan(self, aid) -> None:
        if aid is None:
            return
        left = self.conn.execute("SELECT count(*) FROM sources WHERE article_id = ?", (aid,)).fetchone()[0]
        if not left:
            self._search("DELETE FROM search WHERE rowid = ?", (aid,))
            self.conn.execute("DELETE FROM mentions WHERE article_id = ?", (aid,))  # (as the key would)
            self.conn.execute("DELETE FROM articles WHERE id = ?", (aid,))

    def _write_article(self, aid, art: Article, now: str) -> int:
        c = self.conn
        row = (art.fingerprint, art.title, _json(list(art.subtitle)),
               art.published, art.updated, _json(list(art.reporters)),
               art.outlet, art.url, art.body, art.format, art.encoding, art.sha256, now)
        new = aid is None
        if new:
            aid = c.execute(
                "INSERT INTO articles(fingerprint, title, subtitle, published, updated, reporters, outlet, "
                "url, body, format, encoding, sha256, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                row).lastrowid
        else:
            c.execute(
                "UPDATE articles SET fingerprint=?, title=?, subtitle=?, published=?, updated=?, reporters=?, "
                "outlet=?, url=?, body=?, format=?, encoding=?, sha256=?, ingested_at=? WHERE id=?",
                (*row, aid))
        self.write_analysis(aid, art, new=new)
        return aid

    def write_analysis(self, aid: int, art, new: bool = False) -> None:
        """Replace an article's mentions and search terms (new: the article has none yet)."""
        c = self.conn
        if not new:
            c.execute("DELETE FROM mentions WHERE article_id = ?", (aid,))
            self._search("DELETE FROM search WHERE rowid = ?", (aid,))
        self._search("INSERT INTO search(rowid, title, body) VALUES (?, ?, ?)", (aid, art.title_terms, art.body_terms))
        from .dictionary import load

        d = load()
        rows = []
        for co in art.companies:
            entry = d.company(co.name)
            aliases = list(entry.aliases) if entry and entry.name == co.name else []
            eid = self._entity("company", co.name, co.kind, aliases + list(co.aliases))
            rows.append((aid, eid, co.count, _json(list(co.aliases)), "[]", None))
        for p in art.people:
            eid = self._entity("person", p.name, "person", list(p.aliases))
            rows.append((aid, eid, p.count, _json([p.name, *p.aliases]), _json(list(p.roles)), p.affiliation))
        # the article has no mentions left, and its entities are distinct: nothing to replace
        c.executemany("INSERT INTO mentions(article_id, entity_id, count, surfaces, roles, affiliation) "
                      "VALUES (?,?,?,?,?,?)", rows)

    def _entity(self, type_: str, name: str, kind: str, aliases: list[str]) -> int:
        c = self.conn
        cached = self._entities.get((type_, name))
        if cached is None:
            row = c.execute("SELECT id, aliases FROM entities WHERE type = ? AND name = ?", (type_, name)).fetchone()
            cached = (row[0], json.loads(row[1])) if row else None
        known = cached[1] if cached else []
        new = []
        for a in aliases:
            if a != name and a not in known and a not in new:
                new.append(a)
        if cached:
            eid = cached[0]
            if new:
                c.execute("UPDATE entities SET aliases = ? WHERE id = ?",
                          (_json(known + new), eid))
            keys = new
        else:
            eid = c.execute("INSERT INTO entities(type, name, kind, aliases) VALUES (?,?,?,?)",
                            (type_, name, kind, _json(new))).lastrowid
            keys = [name, *new]
        self._entities[(type_, name)] = (eid, known + new)
        for n in keys:
            c.execute("INSERT OR IGNORE INTO entity_keys(key, entity_id) VALUES (?, ?)", (key(n), eid))
        return eid

    # --- reads ---------------------------------------------------------------------------
    def article(self, aid: int) -> dict | None:
        c = self.conn
        row = c.execute("SELECT * FROM articles WHERE id = ?", (aid,)).fetchone()
        if not row:
            return None
        cols = [d[0] for d in c.execute("SELECT * FROM articles LIMIT 0").description]
        a = dict(zip(cols, row))
        sources = [r[0] for r in c.execute("SELECT path FROM sources WHERE article_id = ? ORDER BY id", (aid,))]
        companies, people = [], []
        for name, type_, count, surfaces, roles, aff in c.execute(
                "SELECT e.name, e.type, m.count, m.surfaces, m.roles, m.affiliation FROM mentions m "
                "JOIN entities e ON e.id = m.entity_id WHERE m.article_id = ? ORDER BY m.count DESC, e.name",
                (aid,)):
            if type_ == "company":
                companies.append({"name": name, "count": count, "aliases": json.loads(surfaces)})
            else:
                people.append({"name": name, "count": count, "roles": json.loads(roles), "affiliation": aff})
        return {
            "id": a["id"], "source": sources[0] if sources else None, "sources": sources,
            "sha256": a["sha256"], "format": a["format"], "encoding": a["encoding"], "title": a["title"],
            "subtitle": json.loads(a["subtitle"]), "published": a["published"], "updated": a["updated"],
            "reporters": json.loads(a["reporters"]), "outlet": a["outlet"], "url": a["url"], "body": a["body"],
            "companies": companies, "people": people,
        }

    def entities(self, type_: str, limit: int | None = None) -> list[dict]:
        sql = ("SELECT e.name, e.kind, e.aliases, count(m.article_id) AS n, sum(m.count) FROM entities e "
               "JOIN mentions m ON m.entity_id = e.id WHERE e.type = ? GROUP BY e.id ORDER BY n DESC, 5 DESC, e.name")
        rows = self.conn.execute(sql + (" LIMIT ?" if limit else ""), (type_, limit) if limit else (type_,))
        return [{"name": r[0], "kind": r[1], "aliases": json.loads(r[2]), "articles": r[3], "mentions": r[4]}
                for r in rows]

    def stats(self) -> dict:
        c = self.conn
        one = lambda sql: c.execute(sql).fetchone()[0]  # noqa: E731
        first, last = c.execute("SELECT min(published), max(published) FROM articles").fetchone()
        size = sum(p.stat().st_size for p in (self.path, Path(str(self.path) + "-wal")) if p.exists())
        return {
            "archive": str(self.path), "size_bytes": size, "schema_version": SCHEMA_VERSION,
            "articles": one("SELECT count(*) FROM articles"), "sources": one("SELECT count(*) FROM sources"),
            "companies": one("SELECT count(*) FROM entities WHERE type='company'"),
            "people": one("SELECT count(*) FROM entities WHERE type='person'"),
            "outlets": one("SELECT count(DISTINCT outlet) FROM articles"),
            "first_published": first, "last_published": last,
            "kiwi_version": self.get_meta("kiwi_version"), "dictionary": self.get_meta("dictionary"),
        }
