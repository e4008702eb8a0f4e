"""The newsarc command line: a thin layer over the library."""
from __future__ import annotations

import functools
import json
import sys

import click

from .errors import ArchiveError, NewsarcError


class ArchiveUnavailable(click.ClickException):
    exit_code = 2


def _fail(e: Exception):
    if isinstance(e, ArchiveError):
        raise ArchiveUnavailable(str(e))
    raise click.ClickException(str(e))


def handle_errors(fn):
    """Turn library errors into one-line messages instead of tracebacks."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except NewsarcError as e:
            _fail(e)
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            sys.exit(130)

    return wrapper


def json_option(fn):
    return click.option("--json", "as_json", is_flag=True, help="Print JSON and nothing else on stdout.")(fn)


def _emit_json(obj) -> None:
    click.echo(json.dumps(obj, ensure_ascii=False, indent=2))


def _archive(ctx, create: bool = False):
    from .store import Archive

    return Archive(ctx.obj["db"], create=create)


def _console(stderr: bool = False):
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=False)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="newsarc", prog_name="newsarc")
@click.option("--db", type=click.Path(dir_okay=False), envvar="NEWSARC_DB",
              help="Archive file (default: $NEWSARC_DB, else the user data folder's newsarc/archive.db).")
@click.pass_context
def cli(ctx, db):
    """An offline, searchable archive for Korean news pages.

    Example:

        newsarc ingest seeds/ && newsarc search 네이버
    """
    from .store import default_path

    ctx.ensure_object(dict)
    ctx.obj["db"] = db or str(default_path())


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("-j", "--jobs", type=click.IntRange(1, 64), default=None, help="Analyser threads (default: all cores).")
@click.option("--max-bytes", type=click.IntRange(1), default=50 * 1024 * 1024, show_default=True,
              help="Skip files larger than this.")
@click.option("--strict", is_flag=True, help="Exit with status 1 when any file was skipped.")
@json_option
@click.pass_context
@handle_errors
def ingest(ctx, paths, jobs, max_bytes, strict, as_json):
    """Add files and folders (recursively) to the archive.

    Unchanged files are skipped; changed files update their article. Files that hold no
    article are listed with the reason.

    Example:

        newsarc ingest seeds/ ~/saved-pages/
    """
    from .ingest import ingest as run

    archive = _archive(ctx, create=True)
    progress = None
    state = {}

    def on_total(n):
        if n >= 20 and sys.stderr.isatty() and not as_json:
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                                       TimeElapsedColumn, TimeRemainingColumn)

            nonlocal progress
            progress = Progress(TextColumn("ingest"), BarColumn(), MofNCompleteColumn(),
                                TextColumn("{task.fields[rate]} files/s"), TimeElapsedColumn(),
                                TimeRemainingColumn(), console=_console(stderr=True), transient=True)
            progress.start()
            state["task"] = progress.add_task("ingest", total=n, rate="-")

    import time

    t0 = time.monotonic()

    def on_result(r):
        if progress is not None:
            done = progress.tasks[0].completed + 1
            rate = done / max(time.monotonic() - t0, 1e-6)
            progress.update(state["task"], advance=1, rate=f"{rate:,.0f}")

    try:
        summary = run(archive, paths, jobs=jobs, max_bytes=max_bytes, on_result=on_result, on_total=on_total)
    finally:
        if progress is not None:
            progress.stop()
        archive.close()
    d = summary.to_dict()
    if as_json:
        _emit_json(d)
    else:
        click.echo(f"added {d['added']}  updated {d['updated']}  unchanged {d['unchanged']}  "
                   f"duplicate {d['duplicate']}  skipped {len(d['skipped'])}")
        for s in d["skipped"]:
            click.echo(f"  skipped {s['path']}: {s['reason']}")
        click.echo(f"archive: {ctx.obj['db']}", err=True)
    if strict and d["skipped"]:
        sys.exit(1)


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True))
@json_option
@handle_errors
def extract(file, as_json):
    """Run the whole pipeline on one file without touching the archive.

    Example:

        newsarc extract saved/article.html --json
    """
    from .pipeline import extract_bytes

    try:
        data = sys.stdin.buffer.read() if file == "-" else open(file, "rb").read()
    except OSError as e:
        raise click.ClickException(f"cannot read {file}: {e.strerror or e}")
    art = extract_bytes(data, file).to_dict()
    if as_json:
        _emit_json(art)
    else:
        _print_article(art)


def _print_article(a: dict) -> None:
    con = _console()
    from rich.markup import escape

    con.print(f"[bold]{escape(a.get('title') or '(no title)')}[/bold]")
    for s in a.get("subtitle") or []:
        con.print(f"  {escape(s)}")
    info = [a.get("outlet") or "", a.get("published") or "",
            ", ".join(a.get("reporters") or []) and f"{', '.join(a['reporters'])} 기자"]
    con.print(" · ".join(x for x in info if x), style="dim")
    if a.get("url"):
        con.print(a["url"], style="dim")
    con.print()
    con.print(escape(a.get("body") or ""))
    con.print()
    if a.get("companies"):
        con.print("companies: " + ", ".join(f"{c['name']} ({c['count']})" for c in a["companies"]))
    if a.get("people"):
        con.print("people: " + ", ".join(
            f"{p['name']}" + (f" {'/'.join(p['roles'])}" if p.get("roles") else "") for p in a["people"]))
    src = a.get("sources") or ([a["source"]] if a.get("source") else [])
    if src:
        con.print("source: " + ", ".join(src), style="dim")


@cli.command()
@click.argument("query", required=False)
@click.option("--company", help="Articles mentioning this company (canonical name or any alias).")
@click.option("--person", help="Articles mentioning this person.")
@click.option("--outlet", help="Only articles from this outlet.")
@click.option("--since", metavar="DATE", help="Published on or after DATE (YYYY-MM-DD).")
@click.option("--until", metavar="DATE", help="Published on or before DATE (YYYY-MM-DD).")
@click.option("-n", "--limit", type=click.IntRange(1), default=20, show_default=True)
@json_option
@click.pass_context
@handle_errors
def search(ctx, query, company, person, outlet, since, until, limit, as_json):
    """Search the archive in Korean: particles, phrases, OR, -exclusions, companies.

    Example:

        newsarc search '네이버가 "인공지능 스피커" -카카오' --since 2020-01-01
        newsarc search --company NAVER
    """
    from .search import Searcher, marked

    archive = _archive(ctx)
    try:
        hits = Searcher(archive).search(query, company=company, person=person, outlet=outlet,
                                        since=since, until=until, limit=limit)
    finally:
        archive.close()
    if as_json:
        _emit_json([dict(h.to_dict(), snippet=marked(h.snippet, h.spans)) for h in hits])
        return
    if not hits:
        click.echo("no matches", err=True)
        return
    from rich.markup import escape
    from rich.table import Table

    t = Table(show_lines=False)
    for col in ("id", "published", "outlet", "title / snippet"):
        t.add_column(col, overflow="fold")
    for h in hits:
        snip = marked(h.snippet, h.spans, "[reverse]", "[/reverse]", escape)
        t.add_row(str(h.id), (h.published or "")[:16], h.outlet or "",
                  f"[bold]{escape(h.title or '')}[/bold]\n{snip}")
    _console().print(t)


def _get_article(ctx, article_id: int) -> dict:
    archive = _archive(ctx)
    try:
        a = archive.article(article_id)
    finally:
        archive.close()
    if a is None:
        raise click.ClickException(f"no article with id {article_id}")
    return a


@cli.command()
@click.argument("article_id", metavar="ID", type=int)
@json_option
@click.pass_context
@handle_errors
def show(ctx, article_id, as_json):
    """Show one article.

    Example:

        newsarc show 1
    """
    a = _get_article(ctx, article_id)
    if as_json:
        _emit_json(a)
    else:
        _print_article(a)


@cli.command()
@click.argument("article_id", metavar="ID", type=int)
@click.option("-o", "--output", type=click.Path(), help="A file, or a folder (a file name is made from date and title).")
@click.pass_context
@handle_errors
def export(ctx, article_id, output):
    """Export an article as Markdown with YAML front matter.

    Example:

        newsarc export 1 -o notes/
    """
    from . import export as ex

    a = _get_article(ctx, article_id)
    if not output:
        click.echo(ex.to_markdown(a), nl=False)
        return
    try:
        path = ex.write(a, output)
    except (OSError, ValueError) as e:
        raise click.ClickException(f"cannot write {output}: {e}")
    click.echo(str(path), err=True)


def _entity_command(type_: str, label: str):
    @click.option("-n", "--limit", type=click.IntRange(1), default=50, show_default=True)
    @json_option
    @click.pass_context
    @handle_errors
    def cmd(ctx, limit, as_json):
        archive = _archive(ctx)
        try:
            rows = archive.entities(type_, limit)
        finally:
            archive.close()
        if as_json:
            _emit_json(rows)
            return
        from rich.table import Table

        t = Table()
        for col in (label, "articles", "mentions", "aliases" if type_ == "company" else "also"):
            t.add_column(col)
        for r in rows:
            t.add_row(r["name"], str(r["articles"]), str(r["mentions"]), ", ".join(r["aliases"][:6]))
        _console().print(t)

    return cmd


cli.command("companies", help="List companies with the number of articles mentioning each.\n\n"
            "Example:\n\n    newsarc companies --limit 20")(_entity_command("company", "company"))
cli.command("people", help="List people with the number of articles mentioning each.\n\n"
            "Example:\n\n    newsarc people --json")(_entity_command("person", "person"))


@cli.command()
@json_option
@click.pass_context
@handle_errors
def stats(ctx, as_json):
    """Show what the archive holds: articles, sources, entities, dates, path and size.

    Example:

        newsarc stats
    """
    archive = _archive(ctx)
    try:
        s = archive.stats()
    finally:
        archive.close()
    if as_json:
        _emit_json(s)
        return
    for k, v in s.items():
        click.echo(f"{k:16} {v}")


@cli.command()
@click.pass_context
@handle_errors
def reindex(ctx):
    """Re-analyse every article (search terms, companies, people) with the current Kiwi and dictionary.

    Example:

        newsarc reindex
    """
    from .ingest import reindex as run

    archive = _archive(ctx)
    try:
        n = run(archive)
    finally:
        archive.close()
    click.echo(f"reindexed {n} articles")


@cli.command()
@click.argument("file", required=False, default="-", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--lines", is_flag=True, help="One document per line (default: the whole input is one document).")
@json_option
@handle_errors
def entities(file, lines, as_json):
    """Find companies and people in already-clean text (FILE or - for stdin).

    Prints one JSON object per document: {"companies": [...], "people": [...]}.

    Example:

        echo '최수연 네이버 대표가 말했다.' | newsarc entities --lines --json
    """
    from . import analyse
    from . import entities as ent

    try:
        text = sys.stdin.read() if file == "-" else open(file, encoding="utf-8", errors="replace").read()
    except OSError as e:
        raise click.ClickException(f"cannot read {file}: {e.strerror or e}")
    docs = text.splitlines() if lines else [text]
    for doc in docs:
        toks = analyse.tokenize(doc)
        out = {"companies": [c.to_dict() for c in ent.companies(toks, doc)],
               "people": [p.to_dict() for p in ent.people(toks, doc)]}
        click.echo(json.dumps(out, ensure_ascii=False))


def main():  # pragma: no cover
    cli(prog_name="newsarc")
