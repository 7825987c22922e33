"""What a phrase's regular expression says about words: the words a match of it can start with, and the
words every match holds. `wordscan` uses both to try a phrase list only where it can match.

Read from the pattern as `re` parses it, not from its text. Where the answer is not a small set of words
(`\\w+ said`, a lookaround, a wide character class), the functions say so, and the caller scans the ordinary
way.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newslint.patterns import regex_constants as _c
from newslint.patterns import regex_parser as _parser

# More first words than this is not a phrase list but a pattern: scan it the ordinary way.
_MAX_WORDS = 2000
# Repeats, greedy or not (and possessive, from Python 3.11 on).
_REPEATS = tuple(getattr(_c, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(_c, name))
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


def phrase_needs(phrase: str) -> tuple[frozenset[str], ...]:
    """What every match of `phrase` holds, lower-cased: for each entry, one of its strings (runs of ASCII
    letters and digits written in the phrase, outside its optional parts). "the\\s+(?:second\\s+)?most\\s+
    likely" needs "the", "most" and "likely"; "it\\s+is\\s+(?:possible|likely)" needs "it", "is" and one of
    "possible" and "likely". Empty when nothing is certain."""
    return tuple(words | pieces for words, pieces in phrase_need_words(phrase))


def phrase_need_words(phrase: str) -> tuple[tuple[frozenset[str], frozenset[str]], ...]:
    """`phrase_needs`, each entry split in two: the strings every match holds as whole words (between white
    space, punctuation or the phrase's own ends, which the whole-word pattern bounds), and the rest, which
    a match may hold inside a longer word ("critici" of "critici[sz]ed"). A paragraph without one of the
    first as a word of its own holds no match, whatever longer words hold them."""
    try:
        needs = _needs(_parser.parse(phrase, re.IGNORECASE), True, True)
    except (re.error, RecursionError, OverflowError, ValueError):
        return ()
    split = []
    for need in needs:
        pieces = frozenset(run for run, whole in need if not whole)
        split.append((frozenset(run for run, whole in need if whole) - pieces, pieces))
    return tuple(split)


def _needs(items, bounded_before: bool, bounded_after: bool) -> list[set[tuple[str, bool]]]:
    """The needs of `items` as sets of (run, whole word?). `bounded_before` and `bounded_after`: are the
    characters just before and just after the items certain not to be word characters?"""
    items = list(items)
    needs, run, run_start = [], "", 0
    for position, (op, av) in enumerate(items):
        if op is _c.LITERAL and chr(av).isascii() and chr(av).isalnum():
            if not run:
                run_start = position
            run += chr(av).lower()
            continue
        if run:  # a space ends a run: the phrase's pattern matches any white space there
            needs.append({(run, _bounded_back(items, run_start, bounded_before) and _bounded_on(items, position, bounded_after))})
            run = ""
        before, after = _bounded_back(items, position, bounded_before), _bounded_on(items, position + 1, bounded_after)
        if op is _c.SUBPATTERN:
            needs += _needs(av[3], before, after)
        elif op in _REPEATS and av[0] >= 1:
            once = (av[0], av[1]) == (1, 1)  # repeated, a run may follow another copy of itself
            needs += _needs(av[2], before and once, after and once)  # there at least once
        elif op is _c.BRANCH:
            each = [_needs(branch, before, after) for branch in av[1]]
            if all(each):  # whichever branch matches, its first need is met
                needs.append(set().union(*(first for first, *_ in each)))
    if run:
        needs.append({(run, _bounded_back(items, run_start, bounded_before) and bounded_after)})
    return needs


# Items that match no character: what stands beside them is what stands beside what they stand beside.
_ZERO_WIDTH = (_c.ASSERT, _c.ASSERT_NOT, _c.AT)


def _bounded_back(items: list, position: int, outside: bool) -> bool:
    """Is the character a match has just before `items[position]` certain not to be a word character?
    `outside`: the same for the character before the items."""
    return _bounded(items[:position], outside, backwards=True)


def _bounded_on(items: list, position: int, outside: bool) -> bool:
    """Is the first character a match has from `items[position]` on certain not to be a word character?
    `outside`: the same for the character after the items."""
    return _bounded(items[position:], outside, backwards=False)


def _bounded(items: list, beyond: bool, backwards: bool) -> bool:
    """Is the first character of a match of `items` (the last, `backwards`) certain not to be a word
    character? `beyond`: the same for the character past them, which stands there if they match nothing."""
    if not items:
        return beyond
    op, av = items[-1] if backwards else items[0]
    past = _bounded(items[:-1] if backwards else items[1:], beyond, backwards)  # if that item matches nothing
    if op is _c.SUBPATTERN:
        return _bounded(list(av[3]), past, backwards)
    if op is _c.BRANCH:
        return all(_bounded(list(branch), past, backwards) for branch in av[1])
    if op in _REPEATS:  # a copy ends it: what stands beside a copy may be another copy, so not assumed
        copy = _bounded(list(av[2]), False, backwards)
        return copy if av[0] >= 1 else copy and past
    return past if op in _ZERO_WIDTH else _is_boundary(op, av)


def _is_boundary(op, av) -> bool:
    """Does the item always match one character that is not a word character (white space, punctuation)?"""
    if op is _c.LITERAL:
        return _is_punctuation(av)
    if op is _c.IN:
        return all((kind is _c.LITERAL and _is_punctuation(value)) or (kind is _c.CATEGORY and value is _c.CATEGORY_SPACE)
                   for kind, value in av)
    return False


def _is_punctuation(code: int) -> bool:
    """An ASCII character that `\\w` does not match (case folding cannot make a word character of it)."""
    char = chr(code)
    return char.isascii() and not char.isalnum() and char != "_"


def phrase_starts(phrase: str) -> frozenset[str] | None:
    """The words a match of `phrase` can start with, or None when it may start with any word (an
    unbounded first word, or an optional word of any spelling before it: "(?:\\w+\\s+)?officials")."""
    words = _phrase_words(phrase, re.IGNORECASE)
    return None if words is None or any(word[0] == "+" for word in words) else words


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
    if op in _REPEATS:
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
