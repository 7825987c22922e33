"""Output formats: one module each, loaded only when asked for. A reporter writes; it never reads files."""

from __future__ import annotations

import importlib
import os
from collections import Counter
from collections.abc import Iterable


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


def source_root(paths: Iterable[str] = ()) -> str:
    """The top folder of the git repository that code scanning and Actions annotations resolve a path against
    (a run in `desk/` still names `desk/story.md`): the one around the working folder, or, when the first of
    the checked `paths` lies outside it, the one around that path (a CI script started above the checkout,
    `newslint check /ci/checkout/drafts`, names `drafts/story.md`); outside any repository, the working folder."""
    here = os.getcwd()
    top = _repository_top(here)
    first = next((path for path in paths if path != "<stdin>"), None)
    if first is not None and (top is None or below(first, top) is None):
        top = _repository_top(os.path.dirname(os.path.abspath(first))) or top
    return top or here


def _repository_top(folder: str) -> str | None:
    """The nearest folder at or above `folder` holding `.git`: found without starting git."""
    while not os.path.exists(os.path.join(folder, ".git")):
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent
    return folder


def below(path: str, root: str) -> str | None:
    """`path` relative to `root` (as `source_root` gives it), or None when it lies outside."""
    relative = os.path.relpath(os.path.abspath(path), root)
    return None if relative == os.pardir or relative.startswith(os.pardir + os.sep) else relative
