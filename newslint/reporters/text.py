"""`--format text`: `path:line:col: severity rule message`, which editors and terminals make clickable."""

from __future__ import annotations

import re

from newslint.reporters import summary

# C0 and C1 control characters: a newline or CR in a file name would split a finding's line, an escape
# (ESC, CSI) would send the terminal codes of the name's choosing.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
_C_ESCAPES = {"\a": "\\a", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\v": "\\v", "\f": "\\f", "\r": "\\r"}
_COLOURS = {"error": "\033[31m", "warning": "\033[33m", "suggestion": "\033[36m"}
_RESET, _DIM = "\033[0m", "\033[2m"


def render(report, stream, *, failed, fail_levels, color=False) -> None:
    for f in report.findings:
        severity = str(f.severity)
        if color:
            severity = f"{_COLOURS[severity]}{severity}{_RESET}"
            rule = f"{_DIM}{f.rule}{_RESET}"
        else:
            rule = f.rule
        # A message may name another file (`Story repeats ...`), and is escaped the same way.
        stream.write(f"{_quoted(f.path)}:{f.line}:{f.column}: {severity} {rule} {_escaped(f.message)}\n")
    stream.write(summary_line(summary(report, failed, fail_levels)) + "\n")


def _quoted(path: str) -> str:
    """A file name with a control character in it quoted as git quotes one, `"bud\\nget.txt"`: in double
    quotes, with C escapes, so that each finding stays one `path:line:col:` line. Any other name as it is."""
    if not _CONTROL.search(path):
        return path
    return '"' + _escaped(path.replace("\\", "\\\\").replace('"', '\\"')) + '"'


def _escaped(text: str) -> str:
    return _CONTROL.sub(lambda match: _C_ESCAPES.get(match[0], f"\\{ord(match[0]):03o}"), text)


def summary_line(counts: dict) -> str:
    unread, stopped = counts["files_failed_to_read"], counts["rules_stopped"]
    if not counts["files_checked"] and unread:  # not a clean run: nothing was read
        return f"newslint: nothing checked; {_unread(unread)}; failed."
    files = f"{counts['files_checked']} file{'s' if counts['files_checked'] != 1 else ''} checked"
    if unread:  # the rest were checked, but the run cannot pass: see `Report.unreadable`
        files = f"{files}; {_unread(unread)}"
    if stopped:  # nor can one a rule skipped part of: see `Report.rules_stopped`
        files = f"{files}; {stopped} rule{'s' if stopped != 1 else ''} stopped"
    if not counts["findings"]:
        return f"newslint: no findings; {files}{'; failed' if unread or stopped else ''}."
    parts = [f"{counts[k]} {k if counts[k] != 1 else k[:-1]}" for k in ("errors", "warnings", "suggestions") if counts[k]]
    # Both verdicts name the level, so a CI log says why a run with findings passed.
    if counts["fail_level"]:
        level = f"fail level: {counts['fail_level']}"
    else:  # folders' configs differ: no one level decided the run
        level = f"fail level per config: {', '.join(counts['fail_levels'])}"
    verdict = f"{'failed' if counts['failed'] else 'passed'} ({level})"
    total = counts["findings"]
    return f"newslint: {total} finding{'s' if total != 1 else ''} ({', '.join(parts)}); {files}; {verdict}."


def _unread(count: int) -> str:
    return f"{count} path{'s' if count != 1 else ''} could not be read"
