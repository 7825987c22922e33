"""Run a whole-word phrase list only where one of its phrases can start, told by the first word.

Scanning a sentence with `(?<![\\w'-])(?:phrase|phrase|...)(?![\\w-])` tries every alternative at every
character. Most phrases start with one of a few known words ("may", "some", "critics"), so the words of a
span are indexed once (`wordindex`, shared by every rule) and phrases are tried, anchored, only at the
words that can start one: for newslint's own rules each phrase on its own (`FirstOf`), so only the phrases
a text can match are ever compiled, and only at first words whose phrases' other words ("most likely"
after "the") the paragraph holds. The matches, and their order, are exactly those `finditer` finds.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from functools import lru_cache

from newslint.patterns import longest_first
from newslint.phrasewords import first_words, phrase_need_words, phrase_starts
from newslint.records import record
from newslint.wordindex import WordIndex, word_at


def words_for(pattern, phrases: list[str]) -> tuple[frozenset[str], frozenset[str]] | None:
    """`first_words` for a rule's phrase alternation, or None (scan it whole) unless the pattern is a shipped
    one: those run on Python's `re`, whose anchored match at an offset still sees the character before it
    for the whole-word lookbehind. A newsroom's own rules run on RE2 and keep the ordinary scan."""
    return _split_first_words(tuple(phrases)) if getattr(pattern, "shipped", False) else None


@lru_cache(maxsize=256)
def _split_first_words(phrases: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str]] | None:
    """`words_for` of a shipped list, one object however many rules share the list through a YAML anchor (the
    hedging rules' `reported_speech`): the rule cache pickles it once, and a one-file run unpickles it once."""
    words = first_words(list(phrases))
    if words is None:
        return None
    return frozenset(w for w in words if w[0] != "+"), frozenset(w[1:] for w in words if w[0] == "+")


def phrase_scanner(alternation, phrases: list[str], patterns: Iterable) -> tuple:
    """(pattern, words) for `matches`: `alternation` (the whole-word alternation of `phrases`) and the
    words it can start with; for newslint's own rules, `FirstOf` the phrases' own `patterns` instead, so
    only the phrases a text can match are ever compiled. (None for the words: scan the whole alternation,
    and `patterns`, which may be a generator, is never built.)"""
    words = words_for(alternation, phrases)
    return (alternation, None) if words is None else (FirstOf(phrases, list(patterns)), words)


@record
class Phrase:
    pattern: object  # the phrase's own whole-word pattern
    starts: frozenset[str] | None  # `phrase_starts`
    needs: tuple[tuple[frozenset[str], frozenset[str]], ...] = ()  # `phrase_need_words`, less those its first word meets
    gate: frozenset[str] | None = None  # `_gate`


def can_start(items: list, word: str) -> list:
    """The items (each with `starts`, from `phrase_starts`) whose phrase can start with `word`. A word beyond
    ASCII could be any: regex case folding reaches beyond str.lower (the Kelvin sign)."""
    if not word.isascii():
        return list(items)
    return [item for item in items if item.starts is None or word in item.starts]


class FirstOf:
    """Stands in for the whole-word alternation of `phrases` (`patterns.phrase_alternation`) where
    `matches` tries it: at a position, the first phrase in the alternation's order (longest first) whose
    own pattern matches there. Only the phrases that can start with the word at that position are tried,
    and so compiled."""

    _CACHE_WORDS = 4096  # the words whose phrases are remembered (the word before a "+word" may be any)

    def __init__(self, phrases: list[str], patterns: list) -> None:
        self._phrases = [_phrase(phrases[i], patterns[i]) for i in longest_first(phrases)]
        self._by_word: dict[str, list] = {}
        # Each first word's `_gate` and the needs of the phrases it can start (`_needs_of`), in one table worked
        # out here (so kept in the rule cache): `live` asks both of every paragraph, for each first word there.
        self._first = {word: (self._gate(word), _needs_of(self._starting(word)))
                       for word in first_words(phrases) or () if word[0] != "+"}
        # A text holding none of these holds no live word (`_key`): asked by the engine before anything else
        # (the kind's `trigger`, `trigger_words`), it rules out at once a paragraph in which "the" and "is"
        # stand but no "likely", as most paragraphs are for a hedge list.
        self._keys = frozenset().union(*(_key(word, gate) for word, (gate, _) in self._first.items()))

    def match(self, text: str, position: int):
        for phrase in self._starting(word_at(text, position)):
            found = phrase.pattern.match(text, position)
            if found:
                return found
        return None

    def live(self, direct: frozenset[str], index: WordIndex) -> frozenset[str]:
        """The words of `direct` that stand in `index`'s text and start a phrase whose needs (`phrase_needs`)
        the text meets: in most paragraphs "the" stands but "most likely" does not, and a rule whose words
        are all so is not tried there at all. Worked out once a paragraph. (Only for an index with no
        word beyond ASCII, whose lower-cased text holds whatever a phrase matches, as `could_match` says.)"""
        key = (self, direct)
        live = index.live_words.get(key)
        if live is not None:
            return live  # the paragraph's, asked again by each of its sentences
        # `_keys` is not asked again: the engine asked it of the paragraph, and without one of them no word
        # found below is live anyway.
        words, text, found = index.words, index.lower, []
        for word in direct & words:
            gate, phrase_needs = self._first[word]
            if gate is not None and gate.isdisjoint(words):
                continue  # "the" starts a phrase, but no "likely" stands here for "the most likely"
            for needs in phrase_needs:
                if _holds(needs, text, words):
                    found.append(word)
                    break
        live = index.live_words[key] = frozenset(found)
        return live

    def _gate(self, word: str) -> frozenset[str] | None:
        """The words one of which a text must hold for a phrase starting with `word` to match there (each
        phrase's `gate`, together), or None when one of them has none. "the", "in" and "it" stand in
        nearly every paragraph and start phrases whose other words almost never do: one set test rules
        them out, where checking each phrase's needs would cost a paragraph several calls a rule."""
        gates = [phrase.gate for phrase in self._starting(word)]
        return None if None in gates else frozenset().union(*gates)

    def _starting(self, word: str) -> list:
        """The phrases that can start with `word`, in the alternation's order."""
        tried = self._by_word.get(word)
        if tried is None:
            tried = can_start(self._phrases, word)
            if word.isascii() and len(self._by_word) < self._CACHE_WORDS:
                self._by_word[word] = tried
        return tried


def _phrase(phrase: str, pattern) -> Phrase:
    """A phrase as `FirstOf` tries it. A need that holds one of its first words is left out: `FirstOf.live`
    asks about a phrase only where one of those stands."""
    starts = phrase_starts(phrase)
    needs = tuple(need for need in phrase_need_words(phrase) if starts is None or not starts <= need[0] | need[1])
    return Phrase(pattern, starts, needs, _gate(needs))


def _needs_of(phrases: list[Phrase]) -> tuple:
    """The needs of `phrases` (a first word's), each once: the word is live where any of them holds. A phrase
    with none ("some") makes it live wherever it stands, and then only that empty need is asked."""
    needs = tuple(dict.fromkeys(phrase.needs for phrase in phrases))
    return ((),) if () in needs else needs


def _gate(needs: tuple[tuple[frozenset[str], frozenset[str]], ...]) -> frozenset[str] | None:
    """Words one of which a text must hold, each as a word of its own, for the phrase to match: of its
    needs of whole words only, the one whose shortest word is longest, or None when it has none. Short
    words are the common ones: "it is likely" is ruled out by a paragraph without "likely", hardly ever
    by one without "is"."""
    whole_only = [whole for whole, pieces in needs if not pieces]
    return max(whole_only, key=lambda whole: min(map(len, whole))) if whole_only else None


def _key(word: str, gate: frozenset[str] | None) -> Iterable[str]:
    """Words one of which a text must hold for `word` to be live there: the word itself, or its gate (the
    word is live only where both stand) when the gate's words all look rarer, being longer: "likely"
    rather than "the", but "appear" rather than "to"."""
    if gate is None or min(map(len, gate)) <= len(word):
        return (word,)
    return gate


def _holds(needs: tuple[tuple[frozenset[str], frozenset[str]], ...], text: str, words: set[str]) -> bool:
    """Does `text` (whose words are `words`) hold one of the strings of each need, as a word of its own where
    the phrase has it so? A set test for those: a need of forty group names ("analysts", "critics", ...)
    is mostly met by none, and searching the text for each would read it forty times. Plain loops for
    the rest: this runs for every paragraph."""
    for whole, pieces in needs:
        if not whole.isdisjoint(words):
            continue
        for piece in pieces:
            if piece in text:
                break
        else:
            return False
    return True


def _between(positions: list[int], low: int, high: int) -> list[int]:
    """The sorted `positions` from `low` up to `high`: a sentence's share of its paragraph's, found by
    bisection, so a paragraph of thousands of sentences is not read through once per sentence."""
    return positions[bisect_left(positions, low) : bisect_left(positions, high)]


def could_match(scan: tuple, index: WordIndex) -> bool:
    """Can `matches` find anything where `index` (a paragraph's, or a part of one) stands, with `scan` (the
    pattern and words of `phrase_scanner`)? One set lookup for a paragraph holding none of the words, as
    most hold none of a rule's."""
    pattern, words = scan
    if words is None or index.other:
        return True
    direct, after = words
    if not after.isdisjoint(index.words):
        return True
    return not direct.isdisjoint(index.words) and bool(_live(pattern, direct, index))


def trigger_words(scan: tuple) -> frozenset[str] | None:
    """Words one of which an index with no word beyond ASCII must hold for `could_match(scan, index)` to be
    true (`Kind.trigger`): a "+word", or a key of `FirstOf.live`, without which no first word is live. None
    when any index may match."""
    pattern, words = scan
    if words is None or not isinstance(pattern, FirstOf):
        return None
    return words[1] | pattern._keys


def first_start_before(words: tuple[frozenset[str], frozenset[str]] | None, index: WordIndex, end: int) -> int | None:
    """Where in `index`'s text a phrase starting with one of `words` (from `words_for`) can first start before
    `end`, an offset in that text at the start of a word; None when none can. A caller searching the text up
    to `end` for a phrase list can begin there, or skip the search: it finds a match only where one of the
    list's first words stands, whole, and a word ending before `end` is one in the whole text too. (The
    search still sees the character before it, for the whole-word lookbehind.)"""
    if words is None or index.other or words[1]:
        return 0  # any word may start one, a word beyond ASCII may be any, or the word before a "+word"
    low, starts = index.shift, index.starts(words[0])
    at = bisect_left(starts, low)
    return starts[at] - low if at < len(starts) and starts[at] < low + end else None


def _live(pattern, direct: frozenset[str], index: WordIndex) -> frozenset[str]:
    """The first words worth trying in `index`'s text (`FirstOf.live`). A word beyond ASCII may be one of
    the phrase's words in other letters (the Kelvin sign for a k): then every word is."""
    if index.other or not isinstance(pattern, FirstOf):
        return direct
    return pattern.live(direct, index)


def matches(pattern, text: str, words: tuple[frozenset[str], frozenset[str]] | None, index: WordIndex) -> list:
    """What `pattern.finditer(text)` yields, trying `pattern.match` only where `words` (from `words_for`)
    says a match can start. `index` covers `text`."""
    if words is None:
        return list(pattern.finditer(text))
    direct, after = words
    low, high = index.shift, index.shift + index.length
    starts = _between(index.starts(_live(pattern, direct, index)), low, high)  # in order, and no start twice
    others = _between(index.other, low, high)
    if others or after:
        starts.extend(others)
        if after:  # the word itself, or the word of any spelling before it
            for start in [s for word in after & index.words for s in _between(index.positions(word), low, high)] + others:
                starts.append(start)
                before = index.word_before(start)
                if before >= low:
                    starts.append(before)
        starts = sorted(set(starts))  # a start can be a phrase's first word and another's word before
    if not starts:
        return []
    found, end = [], 0
    for start in starts:
        start -= low
        if start < end:
            continue  # inside the previous match: finditer resumes after it
        match = pattern.match(text, start)  # the lookbehind still sees the character before `start`
        if match:
            found.append(match)
            end = match.end()
    return found
