"""`--format github`: GitHub Actions workflow commands, which the Actions log turns into annotations on the
pull request's changed files, then the summary line as plain text."""

from __future__ import annotations

from newslint.reporters import below, source_root, summary
from newslint.reporters.text import summary_line

LEVELS = {"error": "error", "warning": "warning", "suggestion": "notice"}


def render(report, stream, *, failed, fail_levels, color=False) -> None:
    root = source_root(result.path for result in report.results)
    for f in report.findings:
        properties = {"file": _from_root(f.path, root), "line": f.line, "col": f.column, "endLine": f.end_line,
                      "endColumn": f.end_column, "title": f.rule}
        if f.line != f.end_line:  # the runner refuses columns on an annotation over several lines
            del properties["col"], properties["endColumn"]
        listed = ",".join(f"{name}={escape_property(str(value))}" for name, value in properties.items())
        stream.write(f"::{LEVELS[str(f.severity)]} {listed}::{escape_data(f.message)}\n")
    # What made the run fail without a finding: a path it could not read, a rule it stopped. stderr says so in
    # the log; an annotation puts it in the run's summary beside the findings, where an editor looks first.
    for result in report.results:
        for why in [*result.stopped.values(), *([result.error] if result.error else [])]:
            where = escape_property(_from_root(result.path, root))
            stream.write(f"::error file={where},title=newslint::{escape_data(f'{result.path}: {why}')}\n")
    stream.write(summary_line(summary(report, failed, fail_levels)) + "\n")


def _from_root(path: str, root: str) -> str:
    """A path as the pull request names it: from the repository's top (the path given, outside it)."""
    return path if path == "<stdin>" else below(path, root) or path


def escape_data(text: str) -> str:
    """As GitHub's runner escapes a command's message: %, CR and LF."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value also escapes ':' and ',', which would otherwise end it."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
