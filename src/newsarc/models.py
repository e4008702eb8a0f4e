"""Frozen records passed between the pipeline's stages."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class Decoded:
    """A file's bytes turned into text."""

    text: str
    encoding: str
    format: str  # "text" | "html"


@dataclass(frozen=True)
class Cleaned:
    """The article part of a page: body paragraphs and metadata, chrome removed."""

    title: str | None
    subtitle: tuple[str, ...]
    paragraphs: tuple[str, ...]
    reporters: tuple[str, ...]
    outlet: str | None
    url: str | None
    published: str | None
    updated: str | None

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)


@dataclass(frozen=True)
class Company:
    name: str
    count: int
    aliases: tuple[str, ...] = ()
    kind: str = "company"

    def to_dict(self) -> dict:
        return {"name": self.name, "count": self.count, "aliases": list(self.aliases)}


@dataclass(frozen=True)
class Person:
    name: str
    count: int
    roles: tuple[str, ...] = ()
    affiliation: str | None = None
    aliases: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        return {"name": self.name, "count": self.count, "roles": list(self.roles),
                "affiliation": self.affiliation}


@dataclass(frozen=True)
class Analysis:
    """What one Kiwi pass over title and body yields."""

    companies: tuple[Company, ...]
    people: tuple[Person, ...]
    title_terms: str
    body_terms: str


@dataclass(frozen=True)
class Article:
    source: str
    sha256: str
    format: str
    encoding: str
    title: str | None
    subtitle: tuple[str, ...]
    published: str | None
    updated: str | None
    reporters: tuple[str, ...]
    outlet: str | None
    url: str | None
    body: str
    companies: tuple[Company, ...] = ()
    people: tuple[Person, ...] = ()
    title_terms: str = ""
    body_terms: str = ""
    fingerprint: str = ""

    def to_dict(self) -> dict:
        """Return the public JSON shape of an article (README: Article object)."""
        return {
            "source": self.source,
            "sha256": self.sha256,
            "format": self.format,
            "encoding": self.encoding,
            "title": self.title,
            "subtitle": list(self.subtitle),
            "published": self.published,
            "updated": self.updated,
            "reporters": list(self.reporters),
            "outlet": self.outlet,
            "url": self.url,
            "body": self.body,
            "companies": [c.to_dict() for c in self.companies],
            "people": [p.to_dict() for p in self.people],
        }


@dataclass(frozen=True)
class Hit:
    id: int
    title: str | None
    published: str | None
    outlet: str | None
    source: str | None
    snippet: str
    score: float
    spans: tuple = field(default=(), compare=False)  # (start, end) of matches in snippet

    def to_dict(self) -> dict:
        d = asdict(self)
        d.pop("spans")
        return d
