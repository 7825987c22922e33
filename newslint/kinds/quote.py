"""Flag direct quotations whose paragraph never says who is speaking."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from newslint.finding import Hit
from newslint.kinds.base import Kind

_WORD = re.compile(r"[\w'\u2019-]+")
_OPENING = "\"\u201c"
_MARKS = re.compile("[\"\u201c\u201d]")
_SMALL_WORDS = frozenset("a an and the of in on at to for from by with or but nor as is it".split())


class Quote(Kind):
    """Flag quotations with no speaker in the paragraph.

    Fields: speech_verbs (required; regexes, whole words: "said", "according to"), min_words (default 4:
    shorter quoted words are scare quotes or names), max_title_share (default 0.7: a quotation whose
    words are mostly capitalised is a title, "Songs From The Big Chair"), speech_markers (regexes, case
    as written; when given, a quotation is flagged only if one matches it, marks included: a phrase in
    quotation marks is a term or a title, a sentence with "I" or "we" in it is somebody speaking).
    """

    unit = "paragraph"
    fields = frozenset({"speech_verbs", "min_words", "max_title_share", "speech_markers"})
    placeholders = frozenset()

    def __init__(self, rule) -> None:
        super().__init__(rule)
        self.speech = rule.regex_from_list("speech_verbs")
        self.min_words = int(rule.number("min_words", 4, 1, 100))
        self.max_title_share = rule.number("max_title_share", 0.7, 0.0, 1.0)
        markers = rule.strings("speech_markers")
        self.markers = rule.regex("speech_markers", "|".join(f"(?:{m})" for m in markers), False) if markers else None

    def check(self, paragraph) -> Iterator[Hit]:
        quotes = [(a, b) for a, b in paragraph.quotes if paragraph.start <= a < paragraph.end]
        if not quotes or self._continues_quote(paragraph):
            return
        outside = _outside(paragraph, quotes)
        if self.speech.search(outside):
            return  # a speaker anywhere in the paragraph covers every quotation in it
        if not _WORD.search(outside) and self._previous_names_speaker(paragraph):
            return  # a paragraph that is only a quote continues the speaker named just before it
        for start, end in quotes:
            quoted = paragraph.document.text[start:end]
            words = _WORD.findall(quoted)
            if len(words) < self.min_words or self._is_title(words):
                continue
            if self.markers is None or self.markers.search(quoted):
                yield Hit(start, min(end, start + _first_words_length(paragraph.document.text, start, 6)))

    def _is_title(self, words: list[str]) -> bool:
        content = [w for w in words if w.lower() not in _SMALL_WORDS] or words
        return sum(w[:1].isupper() for w in content) / len(content) > self.max_title_share

    def _previous_names_speaker(self, paragraph) -> bool:
        previous = _previous(paragraph)
        return previous is not None and bool(self.speech.search(previous.text))

    @staticmethod
    def _continues_quote(paragraph) -> bool:
        """News style leaves a quote open at a paragraph's end when the next paragraph continues it; the
        speaker was named in the first one."""
        if paragraph.text[:1] not in _OPENING:
            return False
        earlier = _previous(paragraph)
        if earlier is None:
            return False
        previous = earlier.text.rstrip()
        if previous.endswith(":"):
            return True  # "Ruiz said:" introduces the quotation that follows
        # A quotation still open at the end of the previous paragraph: an odd number of quotation marks,
        # and no closing one at its end.
        return len(_MARKS.findall(previous)) % 2 == 1 and previous[-1:] not in "\"\u201d"


_STARTS: dict[int, tuple] = {}  # the last document's paragraph starts: one list per story, not per paragraph


def _previous(paragraph):
    """The paragraph before this one, found by bisection so a long story stays linear."""
    document = paragraph.document
    cached = _STARTS.get(0)
    if cached is None or cached[0] is not document:
        cached = _STARTS[0] = (document, [p.start for p in document.paragraphs])
    index = bisect.bisect_left(cached[1], paragraph.start)
    return document.paragraphs[index - 1] if index > 0 else None


def _outside(paragraph, quotes: list[tuple[int, int]]) -> str:
    chars = list(paragraph.text)
    for start, end in quotes:
        for i in range(max(start, paragraph.start), min(end, paragraph.end)):
            chars[i - paragraph.start] = " "
    return "".join(chars)


def _first_words_length(text: str, start: int, count: int) -> int:
    """Length of the quotation's opening words: enough to find it, short enough to read in a report."""
    matches = list(_WORD.finditer(text, start, start + 200))[:count]
    return matches[-1].end() - start if matches else 1
