"""`newslint check FILE...`, the pre-commit hook's call, starts without click (`entry.plain_check`); it must
mean exactly what click would make of the same command line, and print exactly the same."""

from __future__ import annotations

import inspect
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import checkout_env

from newslint import cli, commands
from newslint.entry import plain_check

ARTICLES = Path(__file__).parent / "fixtures" / "articles"


@pytest.mark.parametrize("argv", [
    ["check", "story.md"],
    ["check", "drafts/", "story one.txt", "-q"],
    ["check", "--quiet", "a.txt", "b.md"],
])
def test_plain_check_gets_what_click_would_give(argv, monkeypatch):
    defaults = {name: p.default for name, p in inspect.signature(commands.check).parameters.items()
                if p.default is not inspect.Parameter.empty}
    calls = []
    monkeypatch.setattr(commands, "check", lambda paths, **options: calls.append({"paths": paths, **options}))
    cli.main.main(argv, standalone_mode=False)
    assert {**defaults, **plain_check(argv)} == calls[0]


@pytest.mark.parametrize("argv", [
    ["check"], ["check", "-"], ["check", "--", "-story.txt"], ["check", "--format", "json", "a.txt"],
    ["check", "-j1", "a.txt"], ["baseline", "-o", "b.json", "a.txt"], ["rules"], ["--version"], [],
])
def test_any_other_command_line_is_left_to_click(argv):
    assert plain_check(argv) is None


def test_pre_commit_call_prints_what_click_prints_without_loading_click(tmp_path):
    # In a folder of its own, as in a newsroom's repo: this project's pyproject.toml names a script
    # `newslint`, which sends the config search to the TOML parser.
    story = tmp_path / "drafts" / "hedging-harbour-budget.txt"
    story.parent.mkdir()
    story.write_bytes((ARTICLES / story.name).read_bytes())
    env = checkout_env(NEWSLINT_CACHE_DIR=str(tmp_path / "cache"), PYTHONPROFILEIMPORTTIME="1")

    def run(*options):
        return subprocess.run([sys.executable, "-m", "newslint", "check", *options, str(story)],
                              capture_output=True, text=True, env=env)

    plain, parsed = run(), run("--format", "text")
    assert (plain.returncode, plain.stdout) == (parsed.returncode, parsed.stdout)
    assert plain.returncode == 1 and "hedging." in plain.stdout
    imported = [line.rsplit("|", 1)[-1].strip() for line in plain.stderr.splitlines() if line.startswith("import time")]
    assert "newslint.engine" in imported and not any(name.split(".")[0] == "click" for name in imported)
    # Warm (the rule cache written by the runs above), a one-file run needs no `typing`: records are named
    # tuples made without it (`newslint.records`). A cold run may: it reads YAML and builds the kinds.
    warm = [line.rsplit("|", 1)[-1].strip() for line in run().stderr.splitlines() if line.startswith("import time")]
    assert "newslint.engine" in warm and "typing" not in warm


def test_a_cold_start_does_not_import_textstat(tmp_path):
    """The first run after an install or an upgrade, and every CI job on a fresh machine, fills the rule
    cache: it builds every shipped rule's kind, readability.grade's too though it ships off. Importing
    textstat (and nltk with it) for that was half of such a run's time."""
    story = tmp_path / "hedging-harbour-budget.txt"
    story.write_bytes((ARTICLES / story.name).read_bytes())
    env = checkout_env(NEWSLINT_CACHE_DIR=str(tmp_path / "cache"), PYTHONPROFILEIMPORTTIME="1")
    cold = subprocess.run([sys.executable, "-m", "newslint", "check", str(story)], capture_output=True, text=True,
                          env=env)
    assert cold.returncode == 1 and "hedging." in cold.stdout
    imported = [line.rsplit("|", 1)[-1].strip() for line in cold.stderr.splitlines() if line.startswith("import time")]
    assert list((tmp_path / "cache").glob("rules-*"))  # the run filled the rule cache
    assert not any(name.split(".")[0] in ("textstat", "nltk") for name in imported)


@pytest.mark.parametrize("config", [None, "select: [hedgin]\n", "rules: [\n"])
def test_pre_commit_call_fails_as_click_does(tmp_path, config):
    """A missing draft, a misspelt rule set in the desk's config, a config that is not YAML: the same
    message and exit code without click as with it."""
    if config is not None:
        (tmp_path / ".newslint.yaml").write_text(config, encoding="utf-8")
    env = checkout_env(NEWSLINT_CACHE_DIR=str(tmp_path / "cache"))

    def run(*options):
        return subprocess.run([sys.executable, "-m", "newslint", "check", *options, "missing-draft.txt"],
                              capture_output=True, text=True, env=env, cwd=tmp_path)

    plain, parsed = run(), run("--format", "text")
    assert (plain.returncode, plain.stdout, plain.stderr) == (parsed.returncode, parsed.stdout, parsed.stderr)
    assert plain.returncode == 2 and plain.stderr.startswith("newslint: error: ")
