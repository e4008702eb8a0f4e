"""The curated dictionaries in data/: companies, outlets, roles, surnames, non-companies."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

FILES = ("companies.tsv", "outlets.tsv", "roles.tsv", "surnames.tsv", "not_companies.tsv")


def data_dir() -> Path:
    """Return the folder holding the dictionaries (inside the wheel, or the source tree's data/)."""
    here = Path(__file__).resolve().parent
    for cand in (here / "data", here.parents[1] / "data"):
        if (cand / "companies.tsv").is_file():
            return cand
    return here / "data"


def key(s: str) -> str:
    """Return the lookup key of a name: case-folded, without spaces and dots."""
    return "".join(s.split()).replace("·", "").casefold()


def _rows(name: str) -> list[list[str]]:
    path = data_dir() / name
    if not path.is_file():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        out.append(line.split("\t"))
    return out


def _split(cell: str) -> tuple[str, ...]:
    return tuple(a.strip() for a in cell.split("|") if a.strip())


@dataclass(frozen=True)
class CompanyEntry:
    name: str
    kind: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Dictionary:
    companies: dict  # key -> CompanyEntry (name and every alias)
    company_list: tuple
    outlets_by_domain: dict  # host suffix -> name
    outlets_by_key: dict  # key of name/alias -> name
    roles: dict  # role -> kind
    surnames: frozenset
    not_companies: frozenset  # keys

    def company(self, name: str) -> CompanyEntry | None:
        return self.companies.get(key(name))

    def outlet_for_host(self, host: str) -> str | None:
        host = host.lower().split(":")[0]
        if host.startswith("www."):
            host = host[4:]
        parts = host.split(".")
        for i in range(len(parts) - 1):
            name = self.outlets_by_domain.get(".".join(parts[i:]))
            if name:
                return name
        return None

    def outlet_name(self, name: str) -> str | None:
        return self.outlets_by_key.get(key(name))


@lru_cache(maxsize=1)
def load() -> Dictionary:
    """Return the dictionaries, read once per process."""
    companies, clist = {}, []
    for row in _rows("companies.tsv"):
        if not row or not row[0]:
            continue
        entry = CompanyEntry(row[0], row[1] if len(row) > 1 else "company",
                             _split(row[2]) if len(row) > 2 else ())
        clist.append(entry)
        for n in (entry.name, *entry.aliases):
            companies.setdefault(key(n), entry)
    by_domain, by_key = {}, {}
    for row in _rows("outlets.tsv"):
        name = row[0]
        for d in _split(row[1]) if len(row) > 1 else ():
            by_domain[d.lower().removeprefix("www.")] = name
        for n in (name, *(_split(row[2]) if len(row) > 2 else ())):
            by_key.setdefault(key(n), name)
    roles = {r[0]: (r[1] if len(r) > 1 else "other") for r in _rows("roles.tsv")}
    surnames = frozenset(r[0] for r in _rows("surnames.tsv"))
    not_co = frozenset(key(r[0]) for r in _rows("not_companies.tsv"))
    return Dictionary(companies, tuple(clist), by_domain, by_key, roles, surnames, not_co)


@lru_cache(maxsize=1)
def digest() -> str:
    """Return a hash of the dictionary files, recorded in the archive to know when to reindex."""
    h = hashlib.sha256()
    for name in FILES:
        p = data_dir() / name
        if p.is_file():
            h.update(name.encode() + b"\0" + p.read_bytes())
    return h.hexdigest()[:16]
