"""Run a whole-word phrase alternation only where one of its phrases can start, told by the first word.

Scanning a sentence with `(?<![\\w'-])(?:phrase|phrase|...)(?![\\w-])` tries every alternative at every
character. Most phrases start with one of a few known words ("may", "some", "critics"), so the words of a
span are indexed once (shared by every rule) and the pattern is tried, anchored, only at the words that
can start a match. The matches, and their order, are exactly those `finditer` finds.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from re import _constants as _c
from re import _parser

_WORD = re.compile(r"\w+")
# More first words than this is not a phrase list but a pattern: scan it the ordinary way.
_MAX_WORDS = 2000
# A character class wider than this ("[a-z]") is not a handful of spellings.
_MAX_CLASS = 8


class _Unbounded(Exception):
    """The phrase's first word is not a small set of spellings (`\\w+ said`, `[A-Z]\\w*`)."""


def first_words(phrases: list[str], flags: int = re.IGNORECASE) -> frozenset[str] | None:
    """The lower-case first words any of `phrases` (each a whole-word regex) can start with, or None when
    one of them can start with something unbounded or not a letter: the caller then scans as before.
    "appears?\\s+to" gives {"appear", "appears"}; "(?:(?:some|many)\\s+)?critics" gives
    {"some", "many", "critics"}. A phrase opening with an optional word of any spelling ("(?:\\w+\\s+)?
    officials") gives "+officials": that word, or the word just before it."""
    words: set[str] = set()
    for phrase in phrases:
        found = _phrase_words(phrase, flags)
        if found is None:
            return None
        words |= found
        if len(words) > _MAX_WORDS:
            return None
    return frozenset(words)


def phrase_starts(phrase: str) -> frozenset[str] | None:
    """`first_words` of one phrase (shares its cache)."""
    return _phrase_words(phrase, re.IGNORECASE)


@lru_cache(maxsize=4096)
def _phrase_words(phrase: str, flags: int) -> frozenset[str] | None:
    """One phrase's first words. Cached: the stacked-hedge cues are the modal and epistemic ones again,
    and parsing every phrase anew would cost a one-article run milliseconds."""
    try:
        states = _walk(list(_parser.parse(phrase, flags)), {("", False, False)})
    except (_Unbounded, re.error, RecursionError, OverflowError, ValueError):
        return None
    words = set()
    for prefix, _, after_any in states:  # the phrase's end ends its first word too (the lookahead)
        if not prefix or not prefix.isascii():
            return None  # an empty match, or case folding beyond ASCII: leave it to the regex
        words.add("+" + prefix if after_any else prefix)
    return frozenset(words)


def words_for(pattern, phrases: list[str]) -> tuple[frozenset[str], frozenset[str]] | None:
    """`first_words` for a rule's phrase alternation, or None (scan it whole) unless the pattern is a shipped
    one: those run on Python's `re`, whose anchored match at an offset still sees the character before it
    for the whole-word lookbehind. A newsroom's own rules run on RE2 and keep the ordinary scan."""
    words = first_words(phrases) if getattr(pattern, "_shipped", False) else None
    if words is None:
        return None
    return frozenset(w for w in words if w[0] != "+"), frozenset(w[1:] for w in words if w[0] == "+")


class WordIndex:
    """Where each word of a paragraph starts: lower-cased ASCII words by spelling, and every non-ASCII word
    apart (regex case folding may match it in ways `str.lower` does not: the Kelvin sign, the long s). A
    sentence uses its paragraph's index through `part`: sentences split only at white space, so a word
    never straddles two of them and the paragraph's words are the sentences' words."""

    __slots__ = ("positions", "other", "starts", "shift", "length")

    def __init__(self, text: str) -> None:
        positions: dict[str, list[int]] = {}
        self.other: list[int] = []
        self.starts: list[int] = []  # every word, for the word before a "+word"
        self.shift, self.length = 0, len(text)
        if text.isascii():  # most copy: lower-case it once, offsets unchanged
            for match in _WORD.finditer(text.lower()):
                word, start = match.group(), match.start()
                self.starts.append(start)
                if word in positions:
                    positions[word].append(start)
                else:
                    positions[word] = [start]
        else:
            for match in _WORD.finditer(text):
                word, start = match.group(), match.start()
                self.starts.append(start)
                if word.isascii():
                    positions.setdefault(word.lower(), []).append(start)
                else:
                    self.other.append(start)
        self.positions = positions

    def part(self, shift: int, length: int) -> WordIndex:
        """The index of the stretch `shift` to `shift + length`, offsets still the paragraph's."""
        part = object.__new__(WordIndex)
        part.positions, part.other, part.starts = self.positions, self.other, self.starts
        part.shift, part.length = shift, length
        return part


def matches(pattern, text: str, words: tuple[frozenset[str], frozenset[str]] | None, index: WordIndex) -> list:
    """What `pattern.finditer(text)` yields, trying `pattern.match` only where `words` (from `words_for`)
    says a match can start. `index` covers `text`."""
    if words is None:
        return list(pattern.finditer(text))
    direct, after = words
    positions, low, high = index.positions, index.shift, index.shift + index.length
    starts = [start for word in direct & positions.keys() for start in positions[word] if low <= start < high]
    if index.other:
        starts.extend(start for start in index.other if low <= start < high)
    if after:  # the word itself, or the word of any spelling before it
        for start in [s for word in after & positions.keys() for s in positions[word]] + index.other:
            if low <= start < high:
                starts.append(start)
                before = bisect_left(index.starts, start) - 1
                if before >= 0 and index.starts[before] >= low:
                    starts.append(index.starts[before])
    if not starts:
        return []
    starts.sort()
    found, end = [], 0
    for start in starts:
        start -= low
        if start < end:
            continue  # inside the previous match (or tried already): finditer resumes after it
        match = pattern.match(text, start)  # the lookbehind still sees the character before `start`
        if match:
            found.append(match)
            end = match.end()
    return found


def _walk(items: list, states: set[tuple]) -> set[tuple]:
    """Advance (first word so far, ended?, any word before it?) states through parsed pattern items."""
    for op, av in items:
        active = {state for state in states if not state[1]}
        if not active:
            return states
        states = (states - active) | _step(op, av, active)
        if len(states) > _MAX_WORDS:
            raise _Unbounded
    return states


def _step(op, av, states: set[tuple]) -> set[tuple]:
    if op is _c.LITERAL:
        return _chars([chr(av)], states)
    if op is _c.IN:
        return _chars(_class_chars(av), states)
    if op is _c.CATEGORY and av is _c.CATEGORY_SPACE:
        return _chars([" "], states)
    if op is _c.BRANCH:
        return set().union(*(_walk(list(branch), states) for branch in av[1]))
    if op is _c.SUBPATTERN:
        return _walk(list(av[3]), states)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        low, high, item = av
        if (low, high) == (0, 1) and _is_any_word(item) and all(not prefix for prefix, _, _ in states):
            return states | {(prefix, ended, True) for prefix, ended, _ in states}  # "(?:\\w+\\s+)?officials"
        once = _walk(list(item), states)
        if high != 1 and any(not ended for _, ended, _ in once):
            raise _Unbounded  # a repeated letter ("\\w+", "a{2,}"): no fixed first word
        return once | (states if low == 0 else set())
    raise _Unbounded  # lookaround, anchors, "." and the rest: not worth reasoning about


def _class_chars(items) -> list[str]:
    chars: list[str] = []
    for op, av in items:
        if op is _c.LITERAL:
            chars.append(chr(av))
        elif op is _c.RANGE and av[1] - av[0] < _MAX_CLASS:
            chars.extend(chr(code) for code in range(av[0], av[1] + 1))
        elif op is _c.CATEGORY and av is _c.CATEGORY_SPACE:
            chars.append(" ")
        else:
            raise _Unbounded  # negated, wide or a category such as \w
    if len(chars) > _MAX_CLASS * 4:
        raise _Unbounded
    return chars


def _chars(chars: list[str], states: set[tuple]) -> set[tuple]:
    """One character from `chars`: a letter extends the first word, anything else ends it."""
    word = [char for char in chars if char.isalnum() or char == "_"]
    if word and len(word) != len(chars):
        raise _Unbounded  # "[\\w-]": the word may or may not go on
    result = set()
    for prefix, _, after_any in states:
        if not word:
            if not prefix:
                raise _Unbounded  # the phrase starts with punctuation: not a word start
            result.add((prefix, True, after_any))
        else:
            result.update((prefix + char.lower(), False, after_any) for char in word)
    return result


def _is_any_word(item) -> bool:
    """Is `item` exactly `\\w+\\s+`: one word of any spelling and the space after it?"""
    def repeated(node, category) -> bool:
        op, av = node
        return (op is _c.MAX_REPEAT and av[0] == 1 and av[1] == _c.MAXREPEAT
                and list(av[2]) == [(_c.IN, [(_c.CATEGORY, category)])])

    nodes = list(item)
    return (len(nodes) == 2 and repeated(nodes[0], _c.CATEGORY_WORD) and repeated(nodes[1], _c.CATEGORY_SPACE))
