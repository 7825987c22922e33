"""Flag listed phrases: the general-purpose kind for house style ("irregardless", "Kiev")."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from newslint.finding import Hit
from newslint.kinds.base import Kind


class Existence(Kind):
    """Flag listed phrases.

    Fields: phrases (required; regular expressions, matched as whole words), exceptions (phrases that
    excuse an overlapping match), ignore_case (default true), skip_quotes (default true).
    """

    unit = "sentence"
    fields = frozenset({"phrases", "exceptions", "ignore_case", "skip_quotes"})

    def __init__(self, rule) -> None:
        super().__init__(rule)
        ignore_case = rule.boolean("ignore_case", True)
        self.pattern = rule.regex_from_list("phrases", ignore_case=ignore_case)
        self.exceptions = rule.regex_from_list("exceptions", required=False, ignore_case=ignore_case)
        self.skip_quotes = rule.boolean("skip_quotes", True)

    def check(self, sentence) -> Iterator[Hit]:
        seen = sentence.seen  # a soft hyphen inside "irre\u00adgardless" hides nothing from a reader
        for match in unexcused(self.pattern.finditer(seen.text), seen, self.exceptions, self.skip_quotes):
            yield Hit(seen.absolute(match.start()), seen.absolute(match.end(), end=True))


def unexcused(found: Iterable, span, exceptions, skip_quotes: bool) -> Iterator:
    """The matches in `span` that no exception overlaps ("military might" is a noun, not a hedge;
    "chicken Kiev" is a dish) and, with `skip_quotes`, that are not a speaker's own words."""
    excused = [m.span() for m in exceptions.finditer(span.text)] if exceptions else []
    for match in found:
        if any(a <= match.start() < b or match.start() <= a < match.end() for a, b in excused):
            continue
        if skip_quotes and span.in_quote(match.start()):
            continue
        yield match
