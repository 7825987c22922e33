"""Shared helpers: run newslint in-process on fixture articles and on text written by a test."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from newslint.cli import main

FIXTURES = Path(__file__).parent / "fixtures"
CHECKOUT = str(Path(__file__).resolve().parent.parent)


def checkout_env(**variables: str) -> dict[str, str]:
    """The environment for a `python -m newslint` subprocess, this checkout first on its path: started in a
    test's own folder, it imported whichever newslint the interpreter has installed (another clone's, an
    older release) and tested that instead."""
    path = os.pathsep.join(filter(None, [CHECKOUT, os.environ.get("PYTHONPATH")]))
    return {**os.environ, "PYTHONPATH": path, **variables}


@pytest.fixture(autouse=True, scope="session")
def _private_rule_cache(tmp_path_factory):
    """Tests load throwaway rule files: keep their cached parses out of the user's own cache."""
    os.environ["NEWSLINT_CACHE_DIR"] = str(tmp_path_factory.mktemp("rule-cache"))


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """A cache directory of the test's own, switched on: `rulecache` and `resultcache` write there."""
    directory = tmp_path / "cache"
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(directory))
    monkeypatch.delenv("NEWSLINT_NO_CACHE", raising=False)
    return directory


@pytest.fixture
def cli():
    """Run the CLI in-process: `cli("check", path)` returns the click Result (exit_code, stdout, stderr)."""
    runner = CliRunner()

    def invoke(*args: str, input: str | bytes | None = None):
        return runner.invoke(main, [str(a) for a in args], input=input, catch_exceptions=False)

    return invoke
