"""Run a whole-word phrase alternation only where one of its phrases can start, told by the first word.

Scanning a sentence with `(?<![\\w'-])(?:phrase|phrase|...)(?![\\w-])` tries every alternative at every
character. Most phrases start with one of a few known words ("may", "some", "critics"), so the words of a
span are indexed once (shared by every rule) and the pattern is tried, anchored, only at the words that
can start a match. The matches, and their order, are exactly those `finditer` finds.
"""

from __future__ import annotations

import re
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
    {"some", "many", "critics"}."""
    words: set[str] = set()
    for phrase in phrases:
        try:
            states = _walk(list(_parser.parse(phrase, flags)), {("", False)})
        except (_Unbounded, re.error, RecursionError, OverflowError, ValueError):
            return None
        for prefix, _ in states:  # the end of the phrase ends its first word too (the pattern's lookahead)
            if not prefix or not prefix.isascii():
                return None  # an empty match, or case folding beyond ASCII: leave it to the regex
            words.add(prefix)
        if len(words) > _MAX_WORDS:
            return None
    return frozenset(words)


def words_for(pattern, phrases: list[str]) -> frozenset[str] | None:
    """`first_words` for a rule's phrase alternation, or None (scan it whole) unless the pattern is a shipped
    one: those run on Python's `re`, whose anchored match at an offset still sees the character before it
    for the whole-word lookbehind. A newsroom's own rules run on RE2 and keep the ordinary scan."""
    return first_words(phrases) if getattr(pattern, "_shipped", False) else None


def word_index(text: str) -> tuple[dict[str, list[int]], list[int]]:
    """Start offsets of each lower-cased ASCII word in `text`, and of every non-ASCII word (which regex
    case folding may match in ways `str.lower` does not: the Kelvin sign, the long s)."""
    index: dict[str, list[int]] = {}
    if text.isascii():  # most copy: lower-case it once, offsets unchanged
        for match in _WORD.finditer(text.lower()):
            word = match.group()
            if word in index:
                index[word].append(match.start())
            else:
                index[word] = [match.start()]
        return index, []
    other: list[int] = []
    for match in _WORD.finditer(text):
        word = match.group()
        if word.isascii():
            index.setdefault(word.lower(), []).append(match.start())
        else:
            other.append(match.start())
    return index, other


def matches(pattern, text: str, words: frozenset[str] | None, index) -> list:
    """What `pattern.finditer(text)` yields, trying `pattern.match` only at the words in `words`."""
    if words is None:
        return list(pattern.finditer(text))
    positions, other = index
    starts = [start for word in words & positions.keys() for start in positions[word]]
    if other:
        starts.extend(other)
    if not starts:
        return []
    starts.sort()
    found, end = [], 0
    for start in starts:
        if start < end:
            continue  # inside the previous match: finditer resumes after it
        match = pattern.match(text, start)  # the lookbehind still sees the character before `start`
        if match:
            found.append(match)
            end = match.end()
    return found


def _walk(items: list, states: set[tuple[str, bool]]) -> set[tuple[str, bool]]:
    """Advance (first word so far, ended?) states through a sequence of parsed pattern items."""
    for op, av in items:
        active = {state for state in states if not state[1]}
        if not active:
            return states
        states = (states - active) | _step(op, av, active)
        if len(states) > _MAX_WORDS:
            raise _Unbounded
    return states


def _step(op, av, states: set[tuple[str, bool]]) -> set[tuple[str, bool]]:
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
        once = _walk(list(item), states)
        if high != 1 and any(not ended for _, ended in once):
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


def _chars(chars: list[str], states: set[tuple[str, bool]]) -> set[tuple[str, bool]]:
    """One character from `chars`: a letter extends the first word, anything else ends it."""
    word = [char for char in chars if char.isalnum() or char == "_"]
    if word and len(word) != len(chars):
        raise _Unbounded  # "[\\w-]": the word may or may not go on
    result = set()
    for prefix, _ in states:
        if not word:
            if not prefix:
                raise _Unbounded  # the phrase starts with punctuation: not a word start
            result.add((prefix, True))
        else:
            result.update((prefix + char.lower(), False) for char in word)
    return result
