"""The words of a paragraph and where each stands: read once, shared by every rule that scans the paragraph."""

from __future__ import annotations

import re
from functools import lru_cache

from newslint.regexcache import compiled

_WORD = compiled(r"\w+")
# In ASCII text a word is a run of letters, digits and underscores: with every other character made a space,
# str.split finds the same words as `\w+`, about twice as fast as the regex. A table for bytes.translate,
# which reads one byte of it per character, where str.translate looks each distinct character up in a dict
# anew on every call: the encoding and decoding around it copy ASCII text as it is, and cost less.
_NON_WORD_TO_SPACE = bytes(code if chr(code).isalnum() or chr(code) == "_" else 32 for code in range(128)) + b" " * 128
# A word with a letter beyond ASCII (its first such letter is found; the match still starts at the word's start).
_OTHER_WORD = compiled(r"\w*[^\W\x00-\x7f]\w*")
# Spelt out: importing `string` for these costs a one-file run 1% of its instructions.
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def words_of(text: str) -> list[str]:
    r"""Every `\w+` word of `text`, in order."""
    if text.isascii():
        return text.encode("ascii").translate(_NON_WORD_TO_SPACE).decode("ascii").split()
    return _WORD.findall(text)


class WordIndex:
    """The words of a paragraph, for finding where a word stands. A sentence uses its paragraph's index
    through `part`: sentences split only at white space, so a word never straddles two of them.

    Built with C-speed calls only (one lower-casing, one split or findall), since every paragraph of every file
    needs one and most are asked about a handful of words: the positions of a word are looked up when
    asked, and remembered. ASCII words are matched lower-cased; a word with any other letter is kept
    apart in `other` (regex case folding may match it in ways `str.lower` does not: the Kelvin sign, the
    long s), and every rule tries its pattern there."""

    __slots__ = ("lower", "in_order", "words", "other", "_positions", "_starts", "live_words", "shift", "length")

    def __init__(self, text: str) -> None:
        # Only A-Z change, so offsets stay the text's; str.lower does that to ASCII text, ten times faster.
        ascii = text.isascii()
        self.lower = text.lower() if ascii else text.translate(_ASCII_LOWER)
        self.in_order = words_of(self.lower)  # the duplicate rule reads them in order (a part: its paragraph's)
        self.words = set(self.in_order)
        self.other = [] if ascii else [m.start() for m in _OTHER_WORD.finditer(text)]
        self._positions: dict[str, list[int]] = {}
        self._starts: dict[frozenset[str], list[int]] = {}
        self.live_words: dict[tuple, frozenset[str]] = {}  # `FirstOf.live`
        self.shift, self.length = 0, len(text)

    def part(self, shift: int, length: int) -> WordIndex:
        """The index of the stretch `shift` to `shift + length`, offsets still the paragraph's."""
        part = object.__new__(WordIndex)
        part.lower, part.in_order, part.words = self.lower, self.in_order, self.words
        part.other, part._positions, part._starts = self.other, self._positions, self._starts
        part.live_words = self.live_words
        part.shift, part.length = shift, length
        return part

    def positions(self, word: str) -> list[int]:
        """Where the lower-case ASCII `word` stands as a whole word."""
        found = self._positions.get(word)
        if found is None:
            found = self._positions[word] = [match.start() for match in _whole_word(word).finditer(self.lower)]
        return found

    def starts(self, words: frozenset[str]) -> list[int]:
        """Where any of the lower-case ASCII `words` stands as a whole word, in order and each start once.
        Worked out once a paragraph, for a rule's first words: each sentence takes its share by
        bisection, rather than gathering and sorting the positions of every word again."""
        found = self._starts.get(words)
        if found is None:
            found = self._starts[words] = sorted({start for word in words & self.words for start in self.positions(word)})
        return found

    def word_before(self, start: int) -> int:
        """Start of the word before the one at `start`, or -1."""
        text, at = self.lower, start
        while at and not _is_word_char(text[at - 1]):
            at -= 1
        if not at:
            return -1
        while at and _is_word_char(text[at - 1]):
            at -= 1
        return at


@lru_cache(maxsize=4096)
def _whole_word(word: str) -> re.Pattern:
    """A pattern for the lower-case `word` standing as a whole word. It opens with the word itself and looks
    for a word character before it only once it is found, so that `re` skips from one place the word is
    written to the next at C speed: a short word ("a", "in") is written inside many longer ones."""
    escaped = re.escape(word)
    return compiled(rf"{escaped}(?<!\w{escaped})(?!\w)")


def _is_word_char(char: str) -> bool:
    """`\\w` for one character (or none): what `re` counts as a word character in a str pattern."""
    return char.isalnum() or char == "_"


def word_at(text: str, position: int) -> str:
    """The lower-case word at `position` ("" if none), as `wordscan.can_start` takes it."""
    word = _WORD.match(text, position)
    return word.group().lower() if word else ""
