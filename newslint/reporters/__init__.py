"""Output formats: one module each, loaded only when asked for. A reporter writes; it never reads files."""

from __future__ import annotations

import importlib
import os
from collections import Counter


FORMATS = {
    "text": "newslint.reporters.text",
    "json": "newslint.reporters.json",
    "sarif": "newslint.reporters.sarif",
    "github": "newslint.reporters.github",
    "junit": "newslint.reporters.junit",
}


def reporter(name: str):
    return importlib.import_module(FORMATS[name]).render


def summary(report, failed: bool, fail_levels) -> dict:
    """Counts and the verdict. The output's `fail_level` is the level every file was judged by, or None when
    folders' configs set different ones (its `fail_levels` lists them, highest first)."""
    counts = Counter(str(f.severity) for f in report.findings)
    levels = [str(level) for level in fail_levels.in_use()]
    return {
        "findings": len(report.findings),
        "errors": counts["error"],
        "warnings": counts["warning"],
        "suggestions": counts["suggestion"],
        "files_checked": report.checked,
        "files_skipped": sum(1 for r in report.results if r.skipped),
        "files_failed_to_read": sum(1 for r in report.results if r.error),
        "rules_stopped": report.rules_stopped,
        "fail_level": levels[0] if len(levels) == 1 else None,
        "fail_levels": levels,
        "failed": failed,
    }


def source_root() -> str:
    """The top folder of the git repository around the working folder, which code scanning and Actions
    annotations resolve a path against (a run in `desk/` still names `desk/story.md`); outside a
    repository, the working folder. Found by looking for `.git` upwards, without starting git."""
    here = folder = os.getcwd()
    while not os.path.exists(os.path.join(folder, ".git")):
        parent = os.path.dirname(folder)
        if parent == folder:
            return here
        folder = parent
    return folder


def below(path: str, root: str) -> str | None:
    """`path` relative to `root` (as `source_root` gives it), or None when it lies outside."""
    relative = os.path.relpath(os.path.abspath(path), root)
    return None if relative == os.pardir or relative.startswith(os.pardir + os.sep) else relative
