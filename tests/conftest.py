"""Shared fixtures: one Kiwi per test session, one archive of the seeds."""
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsarc.cli import cli

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def kiwi():
    """The process's Kiwi with the dictionary loaded (about 1.5 s, once per session)."""
    from newsarc import analyse

    return analyse.kiwi()


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="session")
def seeded_db(tmp_path_factory, kiwi) -> Path:
    """An archive holding the five seed pages (read-only for tests; copy it to change it)."""
    db = tmp_path_factory.mktemp("seeded") / "archive.db"
    r = CliRunner().invoke(cli, ["--db", str(db), "ingest", "--jobs", "1", str(SEEDS)])
    assert r.exit_code == 0, r.output
    return db


def run(*args, db=None, input=None):
    """Invoke the CLI and return the result (stdout in .stdout, stderr in .stderr)."""
    argv = (["--db", str(db)] if db else []) + [str(a) for a in args]
    return CliRunner().invoke(cli, argv, input=input)
