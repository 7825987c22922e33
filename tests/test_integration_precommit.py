"""pre-commit as an editorial repo uses it: the real `pre-commit` package installs newslint from this
checkout, `try-repo` runs the hook, and a `.pre-commit-config.yaml` that references the checkout blocks a
commit with a pasted-twice paragraph and lets the fixed draft through.

pre-commit builds newslint into its own virtualenv (a pip install from PyPI), so the first run of a session
takes a while; PRE_COMMIT_HOME is one temporary cache per test session, shared by both tests.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import checkout_env

pytestmark = pytest.mark.integration

CHECKOUT = Path(__file__).resolve().parent.parent
DRAFTS = Path(__file__).parent / "fixtures" / "newsroom"
PASTED_TWICE = "drafts/library-vote.md"
CLEAN = "drafts/ferry-strike.txt"

# The README's three lines (under `repos:`), with this checkout standing in for the published repository.
CONFIG = """repos:
  - repo: {repo}
    rev: {rev}
    hooks: [{{id: newslint}}]
"""


def _git(*args: str, cwd: Path, env=None) -> str:
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


@pytest.fixture(scope="module")
def pre_commit_env(tmp_path_factory):
    try:
        import pre_commit  # noqa: F401
    except ImportError:
        if os.environ.get("CI"):
            raise  # CI installs the test extra: a missing pre-commit there is a broken set-up, not a skip
        pytest.skip("pre-commit is not installed (pip install -e '.[test]')")
    if shutil.which("git") is None or not (CHECKOUT / ".git").exists():
        pytest.skip("needs git and a git checkout of newslint")
    home = tmp_path_factory.mktemp("home")
    return {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path_factory.mktemp("pre-commit-cache")),
        "PRE_COMMIT_COLOR": "never",
        "HOME": str(home),
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Dana Whitfield", "GIT_AUTHOR_EMAIL": "dana@newsroom.example",
        "GIT_COMMITTER_NAME": "Dana Whitfield", "GIT_COMMITTER_EMAIL": "dana@newsroom.example",
    }


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory, pre_commit_env) -> tuple[str, str]:
    """(path, commit) of the newslint repository as pre-commit will clone it: this checkout when it is
    committed (as in CI), else a clone with the working tree's changes committed, so the test checks the
    code as it stands and both tests share one hook environment."""
    dirty = _git("status", "--porcelain", "--untracked-files=no", cwd=CHECKOUT).strip()
    if not dirty:
        return str(CHECKOUT), _git("rev-parse", "HEAD", cwd=CHECKOUT).strip()
    snapshot = tmp_path_factory.mktemp("newslint-snapshot") / "newslint"
    _git("clone", "--quiet", str(CHECKOUT), str(snapshot), cwd=CHECKOUT)
    changed = _git("ls-files", "--modified", "--others", "--exclude-standard", "--", "newslint", "rules",
                   "pyproject.toml", ".pre-commit-hooks.yaml", cwd=CHECKOUT).split()
    for name in changed:
        if (CHECKOUT / name).is_file():
            (snapshot / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(CHECKOUT / name, snapshot / name)
    _git("add", "--all", cwd=snapshot, env=pre_commit_env)
    _git("commit", "--quiet", "--allow-empty", "-m", "working tree", cwd=snapshot, env=pre_commit_env)
    return str(snapshot), _git("rev-parse", "HEAD", cwd=snapshot).strip()


@pytest.fixture
def editorial_repo(tmp_path, pre_commit_env) -> Path:
    """A newsroom's drafts repository: a desk config, then drafts waiting to be committed."""
    repo = tmp_path / "metro-desk"
    (repo / "drafts").mkdir(parents=True)
    _git("init", "--quiet", "--initial-branch=main", cwd=repo, env=pre_commit_env)
    (repo / ".newslint.yaml").write_text("select: [duplicates]\n", encoding="utf-8")
    for draft in DRAFTS.iterdir():
        shutil.copy(draft, repo / "drafts" / draft.name)
    return repo


def _pre_commit(*args: str, cwd: Path, env) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pre_commit", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=600)


def test_try_repo_fails_on_a_pasted_paragraph_and_passes_a_clean_draft(editorial_repo, hook_repo, pre_commit_env):
    path, _ = hook_repo
    blocked = _pre_commit("try-repo", path, "newslint", "--files", PASTED_TWICE, CLEAN, cwd=editorial_repo,
                          env=pre_commit_env)
    assert blocked.returncode == 1, blocked.stdout + blocked.stderr
    assert "newslint" in blocked.stdout and "Failed" in blocked.stdout
    assert (f"{PASTED_TWICE}:17:1: error duplicates.paragraph Paragraph repeats line 11 (100% alike); "
            "delete one copy.") in blocked.stdout
    assert "newslint: 1 finding (1 error); 2 files checked; failed (fail level: warning)." in blocked.stdout

    passed = _pre_commit("try-repo", path, "newslint", "--files", CLEAN, cwd=editorial_repo, env=pre_commit_env)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout


def test_a_draft_with_an_upper_case_extension_is_checked(editorial_repo, hook_repo, pre_commit_env):
    """A CMS export on Windows names its drafts STORY.TXT; `newslint check drafts/` checks them (its globs
    ignore case), so the hook must not skip them."""
    path, _ = hook_repo
    shouted = "drafts/LIBRARY-VOTE.MD"
    (editorial_repo / PASTED_TWICE).rename(editorial_repo / shouted)
    blocked = _pre_commit("try-repo", path, "newslint", "--files", shouted, cwd=editorial_repo, env=pre_commit_env)
    assert blocked.returncode == 1, blocked.stdout + blocked.stderr
    assert f"{shouted}:17:1: error duplicates.paragraph Paragraph repeats line 11" in blocked.stdout


def test_config_blocks_the_commit_then_lets_the_fixed_draft_through(editorial_repo, hook_repo, pre_commit_env):
    path, rev = hook_repo
    (editorial_repo / ".pre-commit-config.yaml").write_text(CONFIG.format(repo=path, rev=rev), encoding="utf-8")
    _git("add", ".pre-commit-config.yaml", ".newslint.yaml", cwd=editorial_repo, env=pre_commit_env)
    _git("commit", "--quiet", "-m", "Desk set-up", cwd=editorial_repo, env=pre_commit_env)
    installed = _pre_commit("install", cwd=editorial_repo, env=pre_commit_env)
    assert installed.returncode == 0, installed.stderr

    _git("add", "drafts", cwd=editorial_repo, env=pre_commit_env)
    commit = subprocess.run(["git", "commit", "-m", "Library vote, ferry strike"], cwd=editorial_repo,
                            env=pre_commit_env, capture_output=True, text=True, timeout=600)
    assert commit.returncode != 0, "the commit with a pasted-twice paragraph went through"
    assert f"{PASTED_TWICE}:17:1: error duplicates.paragraph" in commit.stdout + commit.stderr
    assert _git("rev-list", "--count", "HEAD", cwd=editorial_repo).strip() == "1"

    # The reporter deletes the pasted copy with newslint's own safe fix, then commits again, along with the
    # repo's NEWS file, which is no draft: pre-commit calls it plain text, but the hook checks drafts only.
    paragraph = "The desk moved to the fourth floor in March, and the archive followed it in May.\n\n"
    (editorial_repo / "NEWS").write_text(paragraph * 2, encoding="utf-8")
    fixed = subprocess.run([sys.executable, "-m", "newslint", "check", "--fix", PASTED_TWICE], cwd=editorial_repo,
                           capture_output=True, text=True, env=checkout_env())
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    _git("add", "drafts", "NEWS", cwd=editorial_repo, env=pre_commit_env)
    commit = subprocess.run(["git", "commit", "-m", "Library vote, ferry strike"], cwd=editorial_repo,
                            env=pre_commit_env, capture_output=True, text=True, timeout=600)
    assert commit.returncode == 0, commit.stdout + commit.stderr
    assert "Passed" in commit.stdout + commit.stderr
    assert _git("rev-list", "--count", "HEAD", cwd=editorial_repo).strip() == "2"
