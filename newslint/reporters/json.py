"""`--format json`: every finding with 1-based line and column, then a summary."""

from __future__ import annotations

import json

from newslint.reporters import summary


def render(report, stream, *, failed, fail_level, color=False) -> None:
    data = {"findings": [f.to_dict() for f in report.findings], "summary": summary(report, failed, fail_level)}
    json.dump(data, stream, ensure_ascii=False, indent=2)
    stream.write("\n")
