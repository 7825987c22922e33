"""What a rule reports: `Hit` from a kind (offsets), `Finding` for the user (line and column).

Both are named tuples rather than dataclasses: a frozen dataclass costs about a millisecond to define
(it writes and compiles its methods), and a one-file run defines its records on every start.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from types import MappingProxyType

from newslint.records import record

NO_VALUES: Mapping = MappingProxyType({})  # a read-only default, shared safely


class Severity(enum.IntEnum):
    SUGGESTION = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> Severity:
        try:
            return cls[str(name).upper()]
        except KeyError:
            raise ValueError(f"severity must be error, warning or suggestion, not {name!r}") from None

    def __str__(self) -> str:
        return self.name.lower()


@record
class Hit:
    """Offsets into `Document.text`, plus the values the rule's message template asks for."""

    start: int
    end: int
    values: Mapping = NO_VALUES
    replacement: str | None = None  # a fix safe to apply without an editor: replace start:end with this


@record
class Finding:
    """Field order is sort order."""

    path: str
    line: int  # 1-based, in the file as saved
    column: int  # 1-based, in characters (a tab is one character)
    end_line: int
    end_column: int  # 1-based, exclusive
    rule: str
    severity: Severity
    message: str
    text: str  # the flagged words as written
    # (start, end, replacement) as offsets into the document's text with newlines normalised to "\n";
    # only set where the fix is safe without an editor. Last, so it never decides an order: two findings
    # alike up to here come from one rule on one span and carry the same fix.
    fix: tuple[int, int, str] | None = None

    def to_dict(self) -> dict:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "rule": self.rule,
            "severity": str(self.severity),
            "message": self.message,
            "text": self.text,
        }
