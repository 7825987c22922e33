"""Direct quotations in a paragraph: where each opens and closes, told from its quotation marks.

What a speaker said is not the writer's claim, so the hedging and attribution rules read a paragraph's
quoted stretches apart from the rest (`Span.quotes`, `Span.unquoted`).
"""

from __future__ import annotations

from newslint.regexcache import compiled

_QUOTE_MARKS = compiled("[\"\u201c\u201d\u2018\u2019]")
_SINGLE_MARKS = "\u2018\u2019"
OPENING_DOUBLE = "\"\u201c"  # what opens a direct quotation in news copy (single marks nest inside one)
_CLOSER = {'"': '"', "\u201c": "\u201d", "\u2018": "\u2019"}
_OPENS_AFTER = " \t\n([{\u2014\u2013-/"  # a quotation opens after space, a bracket or a dash
_SENTENCE_END = ".!?\u2026\"\u201d\u2019)"


def quoted_stretches(text: str, start: int) -> tuple[tuple[int, int], ...]:
    """The quoted stretches of a paragraph's `text`, which begins at document offset `start`: absolute
    offsets from the opening mark to just past the closing one. News style leaves a quotation unclosed
    when it runs on: a quote that continues into the next paragraph has no closing mark (it runs to the
    paragraph's end), and one that continues into a new sentence re-opens with a mark (`"One. "Two."`),
    so an opening mark at the start of a sentence while a quote is open ends the first quote and starts
    the next, never closes it."""
    if '"' not in text and text.isascii():
        return ()  # no mark at all, as in most paragraphs: str methods tell it faster than the regex scan
    spans, opened, closer = [], None, None
    for match in _QUOTE_MARKS.finditer(text):
        mark, index = match.group(), match.start()
        role = _mark_role(text, index, mark)
        if role == "apostrophe" or (mark in _SINGLE_MARKS and opened is not None and closer != "\u2019"):
            continue  # "It\u2019s"; a single mark inside a double-quoted passage is nested
        if opened is None:
            if role == "open" or (mark == '"' and _opens_unspaced(text, index)):
                opened, closer = start + index, _CLOSER[mark]
        elif role == "open" and _starts_sentence(text, index):
            spans.append((opened, start + _end_of_previous(text, index)))
            opened, closer = start + index, _CLOSER[mark]
        elif mark == closer or (mark in '"\u201d' and closer in '"\u201d'):
            spans.append((opened, start + index + 1))
            opened = None
    if opened is not None:
        spans.append((opened, start + len(text)))
    return tuple(spans)


def _mark_role(text: str, index: int, mark: str) -> str:
    """"open", "close", or "apostrophe" (a single mark between letters), told by the characters either side."""
    if mark in "\u201c\u2018":
        return "open"
    before = text[index - 1] if index else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    if mark == "\u2019":
        return "apostrophe" if after.isalnum() else "close"
    if mark == '"' and before in _OPENS_AFTER and not after.isspace():
        return "open"
    return "close"


def _opens_unspaced(text: str, index: int) -> bool:
    """A straight mark with nothing open opens a quotation unless white space follows it (`12" pipe`)."""
    return index + 1 < len(text) and not text[index + 1].isspace()


def _starts_sentence(text: str, index: int) -> bool:
    """Is the mark at `index` the first character of a sentence (or of the paragraph)?"""
    before = index
    while before > 0 and text[before - 1].isspace():
        before -= 1
    return before == 0 or (before < index and text[before - 1] in _SENTENCE_END)


def _end_of_previous(text: str, index: int) -> int:
    """Offset just past the sentence before `index`: where a re-opened quote's first part ends."""
    end = index
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end
