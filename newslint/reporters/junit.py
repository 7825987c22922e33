"""`--format junit`: JUnit XML, one testsuite per file, for GitLab merge-request widgets and Jenkins.

Each finding at or above its file's fail level is a failed testcase; a finding below it is a passing testcase
with the message in system-out, so it is visible without failing the pipeline's test report. A file with
no findings is one passing testcase, so the report lists every file checked.
"""

from __future__ import annotations

import re
from collections import defaultdict
from xml.etree import ElementTree as ET

from newslint.reporters import summary
from newslint.reporters.text import summary_line


# Characters XML 1.0 cannot hold, even as &#...; references: control characters a file name or a pasted
# feed can carry, and the lone surrogates that stand for a file name's bytes that are not UTF-8.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _escaped(match: re.Match) -> str:
    """What XML cannot hold, written as Python escapes it (a backslash, x01): readable, and well-formed."""
    return match.group().encode("unicode_escape").decode("ascii")


def render(report, stream, *, failed, fail_levels, color=False) -> None:
    by_path = defaultdict(list)
    for finding in report.findings:
        by_path[finding.path].append(finding)
    paths = list(dict.fromkeys([r.path for r in report.results if not r.skipped] + sorted(by_path)))
    root = ET.Element("testsuites", name="newslint")
    totals = {"tests": 0, "failures": 0, "errors": 0}
    for path in paths:
        suite = ET.SubElement(root, "testsuite", name=path)
        counts = {"tests": 0, "failures": 0, "errors": 0}
        error = next((r.error for r in report.results if r.path == path and r.error), None)
        if error:
            case = ET.SubElement(suite, "testcase", name="read", classname=path, file=path)
            ET.SubElement(case, "error", message=error, type="input")
            counts["tests"] += 1
            counts["errors"] += 1
        for f in by_path.get(path, []):
            case = ET.SubElement(suite, "testcase", name=f"{f.rule} at {f.line}:{f.column}", classname=path,
                                 file=path, line=str(f.line))
            detail = f"{f.path}:{f.line}:{f.column}: {f.severity} {f.rule} {f.message}"
            if fail_levels.fails(f):
                ET.SubElement(case, "failure", message=f.message, type=str(f.severity)).text = detail
                counts["failures"] += 1
            else:
                ET.SubElement(case, "system-out").text = detail
            counts["tests"] += 1
        if not counts["tests"]:
            ET.SubElement(suite, "testcase", name="no findings", classname=path, file=path)
            counts["tests"] = 1
        for key, value in counts.items():
            suite.set(key, str(value))
            totals[key] += value
    for key, value in totals.items():
        root.set(key, str(value))
    ET.indent(root)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(_NOT_XML.sub(_escaped, ET.tostring(root, encoding="unicode")))
    stream.write(f"\n<!-- {summary_line(summary(report, failed, fail_levels))} -->\n")
