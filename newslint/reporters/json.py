"""`--format json`: every finding with 1-based line and column, then a summary."""

from __future__ import annotations

import json

from newslint.reporters import summary


def render(report, stream, *, failed, fail_levels, color=False) -> None:
    counts = summary(report, failed, fail_levels)
    # Each path counted in `files_failed_to_read`, named with the reason, as stderr, SARIF and JUnit name it:
    # a script that keeps only the JSON can still say which path to fix. Added beside the count, and only when
    # there is one, as SARIF's notifications are: a clean run's output stays as it was, byte for byte.
    unread = [{"path": r.path, "message": r.error} for r in report.results if r.error]
    if unread:
        counts["failed_to_read"] = unread
    data = {"findings": [f.to_dict() for f in report.findings], "summary": counts}
    # One write: json.dump would make one per token, a few hundred thousand for an archive run.
    stream.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
