"""Ingest files and folders into the archive: skip what is unchanged, analyse the rest, store."""
from __future__ import annotations

import gc
import hashlib
import os
import sqlite3
import stat as stat_mod
from collections import deque
from contextlib import contextmanager
from itertools import islice
from dataclasses import dataclass, field, replace
from pathlib import Path

from .errors import NewsarcError, SkipPage

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
COMMIT_EVERY = 200


@dataclass(frozen=True)
class FileResult:
    path: str
    status: str  # added | updated | unchanged | duplicate | skipped
    reason: str | None = None
    article_id: int | None = None


@dataclass
class Summary:
    results: list = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)

    @property
    def skipped(self) -> list[FileResult]:
        return [r for r in self.results if r.status == "skipped"]

    def to_dict(self) -> dict:
        return {
            "added": self.count("added"), "updated": self.count("updated"),
            "unchanged": self.count("unchanged"), "duplicate": self.count("duplicate"),
            "skipped": [{"path": r.path, "reason": r.reason} for r in self.skipped],
        }


def iter_files(paths) -> list[tuple[str, str | None]]:
    """Return (path, problem) for every file under paths, folders walked recursively and sorted.

    Paths are made absolute (links kept as they are), so the same file ingested from another
    working folder is recognised as the same source."""
    out, seen = [], set()
    for p in paths:
        p = Path(os.path.abspath(p))
        if p in seen:
            continue
        seen.add(p)
        if p.is_symlink() and not p.exists():
            out.append((str(p), "broken symbolic link"))
        elif p.is_dir():
            for root, dirs, files in os.walk(p, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.startswith("."):
                        continue
                    f = Path(root) / name
                    out.append((str(f), "broken symbolic link" if f.is_symlink() and not f.exists() else None))
        elif p.exists():
            out.append((str(p), None))
        else:
            out.append((str(p), "no such file or folder"))
    return out


def _stat(path: str):
    st = os.stat(path)
    if not stat_mod.S_ISREG(st.st_mode):
        raise SkipPage("not a regular file")
    return st.st_size, st.st_mtime


def prepare(task):
    """Read one file and clean it: return (path, kind, payload); kind is page, same or skipped,
    and a page's payload is (sha256, Decoded, Cleaned, size, mtime, fingerprint)."""
    path, known_sha, max_bytes = task
    try:
        size, mtime = _stat(path)
        if size > max_bytes:
            raise SkipPage(f"file too large ({size:,} bytes > --max-bytes {max_bytes:,})")
        with open(path, "rb") as fh:
            data = fh.read()  # read(n) with a large n would allocate n bytes up front
        if len(data) > max_bytes:  # the file grew since it was measured
            raise SkipPage(f"file too large ({len(data):,} bytes > --max-bytes {max_bytes:,})")
        sha = hashlib.sha256(data).hexdigest()
        if known_sha and sha == known_sha:
            return path, "same", (size, mtime)
        from .pipeline import clean_page, fingerprint

        dec, cleaned = clean_page(data)
        dec = replace(dec, text="")  # the page's text is not needed any more: do not hold it
        return path, "page", (sha, dec, cleaned, size, mtime, fingerprint(cleaned.body))
    except SkipPage as e:
        return path, "skipped", str(e)
    except PermissionError:
        return path, "skipped", "permission denied"
    except IsADirectoryError:
        return path, "skipped", "is a folder"
    except FileNotFoundError:
        return path, "skipped", "file vanished or is a broken link"
    except OSError as e:
        return path, "skipped", f"cannot read: {e.strerror or e}"
    except RecursionError:
        return path, "skipped", "page too deeply nested to parse"
    except Exception as e:  # a page that breaks the pipeline must not stop the batch
        return path, "skipped", f"could not process ({type(e).__name__}: {e})"


def _finish(item, tokens=None):
    """Return a prepared item with its page analysed into an Article (Kiwi tokens if given)."""
    from .pipeline import analyse_cleaned, build_article

    path, kind, payload = item
    if kind != "page":
        return item
    sha, dec, cleaned, size, mtime, fp = payload
    try:
        an = analyse_cleaned(cleaned, tokens)
    except Exception as e:  # noqa: BLE001 - one bad page must not stop the batch
        return path, "skipped", f"could not analyse ({type(e).__name__}: {e})"
    return path, "page", (build_article(path, sha, cleaned, dec, an, fp), size, mtime)


def _copy(item):
    """Return a 'copy' item as a page whose Article has no analysis (put() uses none for a copy)."""
    from .models import Analysis
    from .pipeline import build_article

    path, _, (sha, dec, cleaned, size, mtime, fp) = item
    return path, "page", (build_article(path, sha, cleaned, dec, Analysis((), (), "", ""), fp), size, mtime)


# Pages read and cleaned in a row, then analysed in a row, then stored in a row: each stage's
# code and data stay in the processor's caches across a batch (measured on 5,000 pages beside
# Kiwi's threads: 4-5% more pages a second than one page through all stages at a time). Kiwi
# holds 16 pages per thread in hand, so its threads still have work while a batch is handled.
BATCH = 16
_WAIT = object()  # analysed(): the tokens of a page Kiwi still has


def analysed(tasks, jobs: int, copy=None):
    """Yield (path, kind, payload) per task, in task order; pages come as (Article, size, mtime).

    copy(path, fingerprint) tells a page that is a copy of an article stored already, or of an
    earlier page: such a page is not analysed, and comes as kind "copy" with its prepared
    payload (see prepare()), for the caller to check again when it stores it.

    With jobs > 1, reading, cleaning and entity rules run on this thread, BATCH pages at a
    time, while Kiwi analyses on `jobs` threads of its own (it releases the GIL). Measured
    against forked worker processes on 3,000 pages this was as fast or faster (147-150 vs
    140-146 pages/s) with one copy of Kiwi's model in memory instead of a process tree."""
    from . import analyse
    from .pipeline import analysis_text

    # Kiwi builds its model when first asked (about 2.3 s). It holds the GIL while it does
    # (kiwipiepy 0.24): a thread of ours that read pages meanwhile read about 100 in that time.
    items = map(prepare, tasks)
    if copy is not None:
        items = (
            (i[0], "copy", i[2]) if i[1] == "page" and copy(i[0], i[2][5]) else i for i in items)
    if jobs == 1 or len(tasks) < 2:
        yield from map(_finish, items)
        return
    queue: deque = deque()  # [item, tokens] in task order; tokens _WAIT while Kiwi has the page
    to_kiwi: deque = deque()  # the entries whose pages Kiwi has, in order

    def texts():
        while True:
            chunk = list(islice(items, BATCH))
            if not chunk:
                return
            for item in chunk:
                entry = [item, None]
                queue.append(entry)
                if item[1] == "page":
                    entry[1] = _WAIT
                    to_kiwi.append(entry)
                    yield analysis_text(item[2][2])[0]

    results = analyse.kiwi().tokenize(texts())
    while True:
        chunk = list(islice(results, BATCH))
        for tokens in chunk:
            to_kiwi.popleft()[1] = tokens
        done = []
        while queue and queue[0][1] is not _WAIT:
            item, tokens = queue.popleft()
            done.append(_finish(item, tokens))
        yield from done
        if not chunk:
            return


def ingest(archive, paths, jobs: int | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
           on_result=None, on_total=None) -> Summary:
    """Ingest paths into archive; return the summary. on_result(FileResult) is called per file.

    Articles are written in file order, each in its own savepoint, committed in batches: an
    interrupted run leaves whole articles only, and a re-run completes it. The run is a batch
    job to the scheduler (see _as_batch_job)."""
    with _as_batch_job():
        return _ingest(archive, paths, jobs, max_bytes, on_result, on_total)


def _ingest(archive, paths, jobs, max_bytes, on_result, on_total) -> Summary:
    from . import analyse

    summary = Summary()
    jobs = jobs or os.cpu_count() or 1
    analyse.configure(jobs)  # Kiwi's worker threads
    files = iter_files(paths)
    if on_total:
        on_total(len(files))
    _check_index_version(archive)

    def report(r: FileResult):
        summary.results.append(r)
        if on_result:
            on_result(r)

    tasks = []
    for path, problem in files:
        if problem:
            report(FileResult(path, "skipped", problem))
            continue
        src = archive.source(path)
        if src:
            try:
                size, mtime = _stat(path)
                if src[3] == size and src[4] == mtime and src[1] is not None:
                    report(FileResult(path, "unchanged", article_id=src[1]))
                    continue
            except (OSError, SkipPage):
                pass
        tasks.append((path, src[2] if src else None, max_bytes))

    seen: set = set()

    def copy(path: str, fp: str) -> bool:
        """True when the page's article is stored already from another file, or comes in an
        earlier page of this run: put() would then use nothing of its analysis."""
        if fp in seen:
            return True
        seen.add(fp)
        return archive.copy_of(fp, path) is not None

    with _fewer_collections(), archive.bulk(), archive.transaction():
        pending = 0
        for path, kind, payload in analysed(tasks, jobs, copy) if tasks else ():
            if kind == "copy":
                # checked again: the page it copies may have failed to store
                item = (path, "page", payload)
                path, kind, payload = _copy(item) if archive.copy_of(payload[5], path) else _finish(item)
            if kind == "skipped":
                report(FileResult(path, "skipped", payload))
                continue
            if kind == "same":
                src = archive.source(path)
                archive.touch_source(path, *payload)
                report(FileResult(path, "unchanged", article_id=src[1] if src else None))
            else:
                art, size, mtime = payload
                try:
                    status, aid = archive.put(art, path, size, mtime)
                except (NewsarcError, sqlite3.IntegrityError) as e:
                    report(FileResult(path, "skipped", f"could not store: {e}"))
                    continue
                report(FileResult(path, status, article_id=aid))
            pending += 1
            if pending >= COMMIT_EVERY:
                archive.commit()
                archive.begin()
                pending = 0
        if tasks:
            _record_index_version(archive)
    return summary


def _record_index_version(archive) -> None:
    """Record which Kiwi and which dictionary the archive's terms and entities come from."""
    from . import analyse
    from .dictionary import digest

    archive.set_meta("kiwi_version", analyse.kiwi_version())
    archive.set_meta("dictionary", digest())


@contextmanager
def _as_batch_job():
    """Run the calling thread, and the threads it starts (Kiwi's workers: they start at Kiwi's
    first analysis, when that happens here), under Linux's SCHED_BATCH policy; the thread's
    own policy comes back after.

    With Kiwi's threads and this one on fewer cores than threads, a thread that wakes (this one,
    when Kiwi's results come in) would otherwise preempt a running one, and each switch leaves
    the caches cold for both. Batch threads share the cores the same way, switched less often.
    Measured on 5,000 pages with --jobs 2 on 2 cores, 7 interleaved pairs: faster in 6, by -1 to
    +16 % (median +5 %), with 6-13 % less CPU a page in the 3 pairs where it was read; Kiwi
    alone measured no faster under it (3 pairs)."""
    try:
        old = os.sched_getscheduler(0), os.sched_getparam(0)
        switch = old[0] == os.SCHED_OTHER  # a real-time or idle policy chosen by the user stays
        if switch:
            os.sched_setscheduler(0, os.SCHED_BATCH, os.sched_param(0))
    except (AttributeError, OSError):  # not Linux, or not allowed
        switch = False
    try:
        yield
    finally:
        if switch:
            try:
                os.sched_setscheduler(0, *old)
            except OSError:
                pass


@contextmanager
def _fewer_collections():
    """Run Python's cyclic garbage collector less often: analysing a page makes thousands of
    short-lived objects (tokens, units) that reference counting frees, and with the default
    threshold the collector would run after every few hundred of them to find nothing."""
    old = gc.get_threshold()
    gc.set_threshold(10_000, *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)


def _check_index_version(archive) -> None:
    """Rebuild terms and entities when Kiwi or the dictionary changed since the archive was built."""
    from . import analyse
    from .dictionary import digest

    has = archive.conn.execute("SELECT 1 FROM articles LIMIT 1").fetchone()
    if not has:
        return
    if archive.get_meta("kiwi_version") != analyse.kiwi_version() or archive.get_meta("dictionary") != digest():
        reindex(archive)


def reindex(archive, on_progress=None) -> int:
    """Re-analyse every stored article (terms and entities) in one transaction; return how many."""
    import json

    from .models import Cleaned
    from .pipeline import analyse_cleaned

    ids = [r[0] for r in archive.conn.execute("SELECT id FROM articles ORDER BY id")]
    with archive.transaction():
        for n, aid in enumerate(ids, 1):  # one article at a time: memory stays flat
            title, subtitle, body, reporters, outlet, url, pub, upd = archive.conn.execute(
                "SELECT title, subtitle, body, reporters, outlet, url, published, updated FROM articles "
                "WHERE id = ?", (aid,)).fetchone()
            cleaned = Cleaned(title, tuple(json.loads(subtitle)), tuple(body.split("\n\n")),
                              tuple(json.loads(reporters)), outlet, url, pub, upd)
            archive.write_analysis(aid, analyse_cleaned(cleaned))
            if on_progress:
                on_progress(n, len(ids))
        archive.conn.execute("DELETE FROM entities WHERE id NOT IN (SELECT entity_id FROM mentions)")
        _record_index_version(archive)
    return len(ids)
