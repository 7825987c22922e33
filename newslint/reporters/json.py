"""`--format json`: every finding with 1-based line and column, then a summary."""

from __future__ import annotations

import json

from newslint.reporters import summary


def render(report, stream, *, failed, fail_levels, color=False) -> None:
    data = {"findings": [f.to_dict() for f in report.findings], "summary": summary(report, failed, fail_levels)}
    # One write: json.dump would make one per token, a few hundred thousand for an archive run.
    stream.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
