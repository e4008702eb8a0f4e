"""Hand-made pages from outlets, portals and boards the cleaner was not written for (tests/pages/dev).

Each NAME.json holds the gold in the shared format: accepted titles, published times, reporters,
outlets, the first and last words of the body, chrome that must not survive, and optionally
`body_contains` (lines from the middle of the body: intertitles, list items, speaker labels)."""
import datetime as dt
import json
import re
import unicodedata
from pathlib import Path

import pytest

from newsarc.pipeline import clean_page

DEV = Path(__file__).parent / "pages" / "dev"
GOLD = sorted(DEV.glob("*.json"))
XFAIL = {
}


def norm(s):
    return " ".join(unicodedata.normalize("NFKC", s or "").split())


def key(s):
    return norm(s).replace(" ", "").casefold()


def when(s):
    d = dt.datetime.fromisoformat(s)
    return d if d.tzinfo else d.replace(tzinfo=dt.timezone(dt.timedelta(hours=9)))


@pytest.fixture(scope="module", params=GOLD, ids=[g.stem for g in GOLD])
def case(request):
    gold = json.loads(request.param.read_text(encoding="utf-8"))
    if gold["file"] in XFAIL:
        pytest.xfail(XFAIL[gold["file"]])
    _, cleaned = clean_page((DEV / gold["file"]).read_bytes())
    return gold, cleaned


def test_no_chrome_leaks(case):
    gold, c = case
    body = norm(c.body)
    assert [s for s in gold["must_not_contain"] if norm(s) in body] == []


def test_body_first_and_last_kept(case):
    gold, c = case
    body = norm(c.body)
    first = re.sub(r"^[\[<][^\]>]{1,10}[\]>]\s*", "", norm(gold["body_first"]))[:20]
    last = norm(gold["body_last"])[-20:]
    assert first in body[:200]
    assert last in body[-250:]
    for line in gold.get("body_contains", []):
        assert norm(line) in body


def test_title(case):
    gold, c = case
    assert norm(c.title) in {norm(t) for t in gold["title"]}


def test_published(case):
    gold, c = case
    accepted = [p for p in gold["published"] if p]
    if not accepted:
        assert c.published is None
    else:
        assert c.published and when(c.published) in {when(p) for p in accepted}


def test_reporters(case):
    gold, c = case
    assert sorted(key(r) for r in c.reporters) == sorted(key(r) for r in gold["reporters"])


def test_outlet(case):
    gold, c = case
    assert key(c.outlet or "") in {key(o) for o in gold["outlet"]}
