"""Inline suppression: the comments an editor writes in a draft to say "this one is fine".

Markdown takes HTML comments, which never show when the copy is published:

    <!-- newslint-disable duplicates.paragraph -->   ...   <!-- newslint-enable -->
    <!-- newslint-disable-next-line duplicates -->

Plain text takes the same words in square brackets, alone on a line, which a copy editor can type into a
CMS plain-text field and which cannot be mistaken for copy (the line is masked, so no rule reads it):

    [newslint-disable duplicates.paragraph]   ...   [newslint-enable]
    [newslint-disable-next-line duplicates]

Ids are rule ids or set prefixes, separated by spaces or commas; none means every rule. An enable closes
the ids of a disable that it names, in any order or by their set ("enable duplicates" closes "disable
duplicates.paragraph"), and leaves that disable's other ids off; it cannot reopen part of a disabled set
("enable hedging.modal" after "disable hedging"). An enable with no ids closes every disable. A disable
without an enable runs to the end of the file; `-next-line` covers the next non-blank line. An id that
names no loaded rule is itself reported, as a `newslint.unknown-suppression` warning, so a typo cannot
silently suppress nothing; so is a comment opening on "newslint-" that is no directive
("newslint-disable-line", ESLint's word), and one in the other kind of file's form. A comment inside
Markdown code (fenced, indented or inline) only shows the syntax and is ignored.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from newslint import masking
from newslint.config import _matches as matches_prefix
from newslint.config import did_you_mean
from newslint.finding import Finding, Severity
from newslint.records import record
from newslint.ruleset import Rule
from newslint.regexcache import compiled

# The word ends at white space or the comment's end ("-->" may follow at once): "newslint-disable-line"
# (ESLint's word) is no directive, not "disable" with an id "-line" that would switch its rules off to the
# end of the file.
_WORDS = r"newslint-(disable-next-line|disable|enable)(?!\w|-(?!->))([^\]>\n]*?)"
MARKDOWN_DIRECTIVE = compiled(rf"<!--[ \t]*{_WORDS}[ \t]*-->")
PLAIN_DIRECTIVE = compiled(rf"^[ \t]*\[{_WORDS}[ \t]*\][ \t]*$", re.M)
# What an editor meant as a directive: a comment or bracket line opening on "newslint-". One that is no
# directive ("newslint-disable-line", "newslint-disabel") is reported, as a misspelt id is.
MARKDOWN_ATTEMPT = compiled(r"<!--[ \t]*(newslint-[\w-]*)")
PLAIN_ATTEMPT = compiled(r"^[ \t]*\[(newslint-[\w-]*)", re.M)
NOT_A_DIRECTIVE = ("'{text}' is not read as a suppression comment (newslint-disable-next-line, newslint-disable or "
                   "newslint-enable, on one line); nothing is suppressed by it.")
# A directive in the other kind of file's form: a desk filing both copies one into the other.
IN_MARKDOWN_FORM = ("'{text}' in an HTML comment is read only in Markdown; in plain text write it in square brackets, "
                    "alone on a line ([{text} ...]); nothing is suppressed by it.")
IN_PLAIN_FORM = ("'{text}' in square brackets is read only in plain text; in Markdown write it as an HTML comment "
                 "(<!-- {text} ... -->); nothing is suppressed by it.")
_ID = compiled(r"[^\s,]+")

UNKNOWN_RULE = Rule(
    id="newslint.unknown-suppression",
    kind="builtin",
    severity=Severity.WARNING,
    message="'{text}' in a suppression comment names no loaded rule{hint}; nothing is suppressed by it.",
    description="A newslint-disable comment names a rule id or set that no loaded rule has (a typo, or a "
                "rule set that is not installed), or a comment opening on 'newslint-' is no directive "
                "('newslint-disable-line') or is written in the other kind of file's form (an HTML comment in "
                "plain text, square brackets in Markdown).",
    path="<newslint>",
    line=0,
)


@record
class Suppressions:
    """Line ranges of one file where rules are off; picklable, so cross-file findings can be filtered
    after the documents are gone."""

    ranges: tuple[tuple[int, int, tuple[str, ...]], ...]  # (first line, last line, ids; () is every rule)

    def covers(self, finding: Finding) -> bool:
        return self.covers_rule_at(finding.rule, finding.line)

    def covers_rule_at(self, rule_id: str, line: int) -> bool:
        return any(first <= line <= last and _matches(rule_id, ids) for first, last, ids in self.ranges)


def directives(document) -> Suppressions | None:
    """The suppressions written in `document`, for a rule that must know which of another rule's findings
    stand (None when there are none)."""
    return _parse(document, frozenset())[0] if "newslint-" in document.raw else None


def apply(document, findings: list[Finding], known_ids: Iterable[str], config=None
          ) -> tuple[list[Finding], Suppressions | None]:
    """The findings that no directive in `document` suppresses, plus one finding per unknown id."""
    if "newslint-" not in document.raw:
        return findings, None
    suppressions, unknown = _parse(document, frozenset(known_ids))  # the engine's, this rule's own id included
    kept = [f for f in findings if not suppressions.covers(f)]
    if unknown and (config is None or config.selects(UNKNOWN_RULE)):
        severity = config.severity_of(UNKNOWN_RULE) if config is not None else UNKNOWN_RULE.severity
        kept.extend(_unknown_finding(document, *where, severity) for where in unknown)
    return sorted(kept), suppressions


def drop_suppressed(findings: Iterable[Finding], by_path: dict[str, Suppressions | None]) -> list[Finding]:
    """Cross-file findings, filtered by the suppressions of the file each one is reported on."""
    return [f for f in findings if not (by_path.get(f.path) and by_path[f.path].covers(f))]


def _parse(document, known: frozenset[str]) -> tuple[Suppressions, list[tuple[int, int, str, str]]]:
    """The suppressions, and what to report as unknown: (start, end, message, hint) of each id no rule has
    (the hint names the closest rule or set) and of each comment that is no directive."""
    lines = document.raw.split("\n")
    ranges, unknown = [], []
    open_since: dict[tuple[str, ...], int] = {}  # ids of each open disable -> its line
    markdown = document.is_markdown
    outside_code = _OutsideCode(document)
    directives = list(outside_code(MARKDOWN_DIRECTIVE if markdown else PLAIN_DIRECTIVE))
    read = {match.start() for match in directives}
    unknown.extend((attempt.start(1), attempt.end(1), NOT_A_DIRECTIVE, "")
                   for attempt in outside_code(MARKDOWN_ATTEMPT if markdown else PLAIN_ATTEMPT)
                   if attempt.start() not in read)
    # Each kind of file is searched for a whole directive in the other's form, which it reads as copy: only a
    # real one, so a reference definition "[newslint-docs]: https://..." is a link, and a misspelt word in the
    # other form is not advised to be written again, misspelt, in this one.
    other_form = IN_PLAIN_FORM if markdown else IN_MARKDOWN_FORM
    unknown.extend((match.start(1) - len("newslint-"), match.end(1), other_form, "")
                   for match in outside_code(PLAIN_DIRECTIVE if markdown else MARKDOWN_DIRECTIVE))
    for match in directives:
        action = match.group(1)
        ids = tuple(m.group() for m in _ID.finditer(match.group(2)))
        for id_match in _ID.finditer(match.group(2)):
            if not any(_matches(rule_id, (id_match.group(),)) for rule_id in known):
                unknown.append((match.start(2) + id_match.start(), match.start(2) + id_match.end(),
                                UNKNOWN_RULE.message, did_you_mean(id_match.group(), known)))
        line, _ = document.position(match.start())
        end_line, _ = document.position(match.end())
        if action == "disable-next-line":
            target = next((n for n in range(end_line + 1, len(lines) + 1) if lines[n - 1].strip()), None)
            if target is not None:
                ranges.append((target, target, ids))
        elif action == "disable":
            open_since.setdefault(ids, line)
        else:
            # An enable closes the ids it names, in any order or by their set ("enable duplicates" closes
            # "disable duplicates.paragraph"), and no name closes them all; the rest stay disabled.
            for key in [key for key in open_since if not ids or any(_matches(k, ids) for k in key)]:
                ranges.append((open_since.pop(key), line, key))
                still = tuple(k for k in key if ids and not _matches(k, ids))
                if still:
                    open_since.setdefault(still, line)
    ranges.extend((first, len(lines), ids) for ids, first in open_since.items())
    return Suppressions(tuple(sorted(ranges))), unknown


class _OutsideCode:
    """A pattern's matches in `document`, less those inside Markdown code: a memo showing how to write a
    directive is an example, not an instruction, and must not switch checking off for the rest of the file,
    nor be reported as a misspelt one. The code is found once, and only for a file that holds a match."""

    def __init__(self, document) -> None:
        self.document, self.code = document, None

    def __call__(self, pattern) -> Iterator[re.Match]:
        raw = self.document.raw
        for match in pattern.finditer(raw):
            if self.document.is_markdown:
                if self.code is None:
                    self.code = masking.code_regions(raw)
                if any(start <= match.start() < end for start, end in self.code):
                    continue
            yield match


def _unknown_finding(document, start: int, end: int, message: str, hint: str, severity: Severity) -> Finding:
    line, column = document.position(start)
    end_line, end_column = document.position(end)
    text = document.written(start, end)
    return Finding(document.path, line, column, end_line, end_column, UNKNOWN_RULE.id, severity,
                   message.format(text=text, hint=hint), text)


def _matches(rule_id: str, ids: tuple[str, ...]) -> bool:
    """No ids means every rule; otherwise an id or a set prefix, as `--select` reads them."""
    return not ids or matches_prefix(rule_id, ids)
