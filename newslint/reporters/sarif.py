"""`--format sarif`: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers."""

from __future__ import annotations

import json
import os
from pathlib import Path
from urllib.parse import quote

from newslint import __version__
from newslint.baseline import fingerprint, occurrences
from newslint.reporters import below, source_root, summary

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/newslint/"
ROOT = "SRCROOT"  # findings' paths are relative to the repository's top folder (or the working folder)
LEVELS = {"error": "error", "warning": "warning", "suggestion": "note"}


def render(report, stream, *, failed, fail_levels, color=False) -> None:
    root = source_root(result.path for result in report.results)
    rules = {rule.id: rule for rule in report.rules}
    for finding in report.findings:  # a finding whose rule the report does not describe still gets an entry
        rules.setdefault(finding.rule, None)
    index = {rule_id: number for number, rule_id in enumerate(sorted(rules))}
    results = [_result(finding, index, fingerprint(key, number), root)
               for finding, key, number in occurrences(report.findings, root)]
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "newslint",
                "version": __version__,
                "informationUri": INFORMATION_URI,
                "rules": [_descriptor(rule_id, rules[rule_id]) for rule_id in sorted(rules)],
            }},
            "originalUriBaseIds": {ROOT: {"uri": Path(root).as_uri().rstrip("/") + "/"}},
            "columnKind": "unicodeCodePoints",
            # Lines end where `Document` ends them. Left out, SARIF's default is CRLF and LF alone, and a viewer
            # would read a story saved with bare CRs (an old Mac export) as one long line.
            "newlineSequences": ["\r\n", "\n", "\r"],
            "results": results,
            "invocations": [_invocation(report, root, summary(report, failed, fail_levels))],
        }],
    }
    json.dump(log, stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def _invocation(report, root: str, counts: dict) -> dict:
    """The run's outcome. A failed run names what failed as the tool's notifications, each with its file: the
    paths it could not read and the rules it stopped, which the text report says on stderr. A CI job keeps
    only the SARIF file, and code scanning shows these on the tool's status page."""
    invocation = {"executionSuccessful": not report.incomplete}
    notifications = []
    for result in report.results:
        notifications += [_notification(result.path, root, "error", why, rule_id)
                          for rule_id, why in result.stopped.items()]
        if result.error:
            notifications.append(_notification(result.path, root, "error", result.error))
        elif result.skipped or result.notice:
            notifications.append(_notification(result.path, root, "note", result.skipped or result.notice))
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    invocation["properties"] = counts
    return invocation


def _notification(path: str, root: str, level: str, text: str, rule_id: str | None = None) -> dict:
    notification = {"level": level, "message": {"text": text},
                    "locations": [{"physicalLocation": {"artifactLocation": _artifact(path, root)}}]}
    if rule_id:
        notification["associatedRule"] = {"id": rule_id}
    return notification


def _descriptor(rule_id: str, rule) -> dict:
    if rule is None:
        return {"id": rule_id, "shortDescription": {"text": rule_id}}
    first_sentence = rule.description.split(". ")[0].rstrip(".") + "."
    descriptor = {
        "id": rule.id,
        "name": "".join(part.capitalize() for part in rule.id.replace(".", "-").split("-")),
        "shortDescription": {"text": first_sentence},
        "fullDescription": {"text": rule.description},
        "help": {"text": f"{rule.description} Message: {rule.message} "
                         f"To accept one case, put <!-- newslint-disable-next-line {rule.id} --> (Markdown) or "
                         f"[newslint-disable-next-line {rule.id}] (plain text) on the line above it."},
        "defaultConfiguration": {"level": LEVELS[str(rule.severity)]},
        "properties": {"tags": [rule.ruleset]},
    }
    if rule.link:
        descriptor["helpUri"] = rule.link
    return descriptor


def _result(finding, index: dict, print_: str, cwd: str) -> dict:
    return {
        "ruleId": finding.rule,
        "ruleIndex": index[finding.rule],
        "level": LEVELS[str(finding.severity)],
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": {
            "artifactLocation": _artifact(finding.path, cwd),
            "region": {
                "startLine": finding.line,
                "startColumn": finding.column,
                "endLine": finding.end_line,
                "endColumn": finding.end_column,
                "snippet": {"text": finding.text},
            },
        }}],
        "partialFingerprints": {"newslintFinding/v1": print_},
    }


def _artifact(path: str, cwd: str) -> dict:
    location = {"uri": _uri(path, cwd)}
    if not location["uri"].startswith("file:"):
        location["uriBaseId"] = ROOT
    return location


def _uri(path: str, cwd: str) -> str:
    """Relative to the run's directory when below it (what code scanning expects), else a file URI."""
    relative = below(path, cwd)
    if relative is None:
        return Path(os.path.abspath(path)).as_uri()
    # The name's bytes, percent-encoded (RFC 3986): a name that is not UTF-8 keeps the bytes it has on disk.
    return quote(os.fsencode(Path(relative).as_posix()))
