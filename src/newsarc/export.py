"""An archived article as Markdown with YAML front matter."""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

MAX_NAME = 120


def to_markdown(a: dict) -> str:
    """Return the article as Markdown: front matter, `# title`, subtitle, body paragraphs."""
    import yaml

    front = {
        "title": a.get("title"),
        "subtitle": list(a.get("subtitle") or []),
        "published": a.get("published"),
        "updated": a.get("updated"),
        "outlet": a.get("outlet"),
        "reporters": list(a.get("reporters") or []),
        "url": a.get("url"),
        "source": a.get("source"),
        "companies": [c["name"] for c in a.get("companies") or []],
        "people": [p["name"] for p in a.get("people") or []],
    }
    fm = yaml.safe_dump(front, allow_unicode=True, sort_keys=False, default_flow_style=False, width=10_000)
    parts = ["---", fm.rstrip("\n"), "---", ""]
    if a.get("title"):
        parts += [f"# {_one_line(a['title'])}", ""]
    for s in a.get("subtitle") or []:
        parts += [f"> {_one_line(s)}", ""]
    for para in (a.get("body") or "").split("\n\n"):
        if para.strip():
            parts += [_escape(para.strip()), ""]
    return "\n".join(parts)


def _one_line(s: str) -> str:
    return " ".join(s.split())


def _escape(p: str) -> str:
    # a paragraph that starts like Markdown syntax (#, >, -, 1.) would change meaning
    if re.match(r"^(#{1,6}\s|>|[-+*]\s|\d+[.)]\s)", p):
        return "\\" + p
    return p


def safe_filename(a: dict) -> str:
    """Return a file name from date and title that is safe on any file system."""
    date = (a.get("published") or "")[:10] or "undated"
    title = unicodedata.normalize("NFC", a.get("title") or f"article-{a.get('id', '')}")
    title = "".join(ch for ch in title if unicodedata.category(ch)[0] != "C")
    title = re.sub(r"[\\/:*?\"<>|#%&{}$!'`@+=^~\[\]]", " ", title)
    title = re.sub(r"\s+", "-", title.strip()).strip(".-_")
    title = re.sub(r"\.{2,}", ".", title)
    name = f"{date}-{title}" if title else f"{date}-article-{a.get('id', '')}"
    # keep within common limits: 255 bytes in UTF-8
    while len(name.encode("utf-8")) > MAX_NAME * 2:
        name = name[:-1]
    return name.rstrip(".-_ ") + ".md"


def write(a: dict, target: str | Path) -> Path:
    """Write the Markdown to a file, or into a folder under a safe name; return the path written."""
    as_folder = str(target).endswith(("/", "\\"))  # Path() would drop the trailing slash
    target = Path(target)
    if target.is_dir() or as_folder:
        target.mkdir(parents=True, exist_ok=True)
        out = target / safe_filename(a)
        if out.resolve().parent != target.resolve():
            raise ValueError("refusing to write outside the target folder")
    else:
        out = target
        out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(to_markdown(a), encoding="utf-8")
    return out
