"""Flag listed phrases: the general-purpose kind for house style ("irregardless", "Kiev")."""

from __future__ import annotations

from collections.abc import Iterator

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
        excused = [m.span() for m in self.exceptions.finditer(sentence.text)] if self.exceptions else []
        for match in self.pattern.finditer(sentence.text):
            if any(a <= match.start() < b or match.start() <= a < match.end() for a, b in excused):
                continue  # "military might" is a noun, not a hedge
            if self.skip_quotes and sentence.in_quote(match.start()):
                continue  # a speaker's words are reported, not the writer's own
            yield Hit(sentence.start + match.start(), sentence.start + match.end())
