"""Compile the regular expressions that rule files contain; the one place that chooses the regex engine."""

from __future__ import annotations

import re


class PatternError(ValueError):
    """A pattern that does not compile; the message says why."""


def compile_pattern(source: str, ignore_case: bool = False):
    flags = re.IGNORECASE if ignore_case else 0
    try:
        return re.compile(source, flags)
    except re.error as error:
        raise PatternError(f"bad regular expression {source!r}: {error}") from None


def phrase_alternation(phrases: list[str]) -> str:
    """One pattern matching any of `phrases` as whole words. A space in a phrase matches any run of white
    space, so a phrase still matches across a hard line wrap."""
    parts = sorted({phrase.strip() for phrase in phrases if phrase.strip()}, key=len, reverse=True)
    body = "|".join(re.sub(r"(?:\\ | )+", r"\\s+", part) for part in parts)
    return rf"(?<![\w'-])(?:{body})(?![\w-])"
