"""A span as an editor sees it: without the invisible characters a CMS or layout program leaves inside words.

Copy pasted from a web page or a page-layout program carries soft hyphens (U+00AD, where the word may break
at a line end) and zero-width spaces and joiners. On screen "Zelen\u00adsky" is "Zelensky", and the desk
expects the house-spelling rule and the hedge cues to see it so; the finding still covers the characters
as saved, invisible ones included, so a fix replaces the whole word. The rules read what the screen shows
wherever the character stands: a zero-width space between two words with no space beside it joins them
on screen ("Kiev\u200bon" shows as "Kievon"), and so it does for the rules.
"""

from __future__ import annotations

from newslint import wordindex
from newslint.regexcache import compiled

# Soft hyphen; zero-width space, non-joiner and joiner; word joiner; and U+FEFF, a byte-order mark left inside the
# copy (files joined, text pasted from a page), which shows as nothing where it stands as the word joiner does.
INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
# The word joiner, one of them: padding that keeps a word whole where markup or an entity stood inside it.
WORD_JOINER = "\u2060"
_INVISIBLE = compiled(f"[{INVISIBLE}]")
_DROP_INVISIBLE = dict.fromkeys(map(ord, INVISIBLE))


def drop_invisible(text: str) -> str:
    """`text` without its invisible characters."""
    return text.translate(_DROP_INVISIBLE)


def view(span):
    """`span` as seen (a `Visible`), or the span itself when it holds no invisible character, as most do."""
    text = span.text
    if text.isascii() or not _INVISIBLE.search(text):
        return span
    return Visible(span)


class Visible:
    """A `Span`'s text with its invisible characters left out, offering what the word-matching kinds read
    (`text`, `word_index`, `in_quote`, `paragraph`, `document`); `absolute` maps an offset in `text` to the
    document, as `Span.absolute` does."""

    def __init__(self, span) -> None:
        self.span = span
        self.document = span.document
        self.paragraph = span.paragraph or span  # the paragraph it lies in, or is
        self.is_heading = span.is_heading
        # Where each seen character stands in the span's text, and the span's end after the last.
        self._kept = [index for index, char in enumerate(span.text) if char not in INVISIBLE]
        self._kept.append(len(span.text))
        self.text = drop_invisible(span.text)
        self.word_index = wordindex.WordIndex(self.text)

    def __repr__(self) -> str:
        return f"Visible({self.span!r})"

    def absolute(self, offset: int, end: bool = False) -> int:
        """The document offset of `offset` in `text`. An `end` offset stands just past the character before
        it, so a match ending a word leaves out an invisible character after it but keeps those inside."""
        if end and offset:
            return self.span.start + self._kept[offset - 1] + 1
        return self.span.start + self._kept[offset]

    def in_quote(self, offset: int) -> bool:
        return self.span.in_quote(self._kept[offset])
