"""HTML pages: metadata from JSON-LD / OpenGraph / meta tags, chrome removed, then the text cleaner."""
from __future__ import annotations

from .clean import Hints, clean_text
from .models import Cleaned


def clean_html(html: str) -> Cleaned:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "lxml")
    for tag in soup(["script", "style", "nav", "header", "footer", "aside", "form", "noscript"]):
        tag.decompose()
    title = soup.title.get_text(strip=True) if soup.title else None
    text = soup.get_text("\n")
    return clean_text(text, Hints(title=title))
