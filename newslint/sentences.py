"""Split a paragraph into sentences the way news copy punctuates them.

Wire copy is full of full stops that end nothing: "U.S.", "Gen.", "Jan. 5", "No. 10", "John F. Kennedy".
"""

from __future__ import annotations

import re

from newslint.regexcache import compiled

# A full stop, question or exclamation mark (or ellipsis), any closing quotes or brackets, white space,
# then something that can open a sentence.
# Tried only where a run of punctuation starts: "....." is one candidate, not one per full stop. The
# pattern opens with the punctuation, not the lookbehind, so that `re` skips to it at C speed.
_CANDIDATE = compiled(r"[.!?\u2026](?<![.!?\u2026]{2})[.!?\u2026]*[\"'\u201d\u2019)\]]*(?=\s+[\"'\u201c\u2018(\[]?[A-Z0-9\u00c0-\u00de])")
_LAST_WORD = compiled(r"([A-Za-z][A-Za-z.'\u2019-]*)\.$")
_WORD_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.'\u2019-")
_NEXT_WORD = compiled(r"\s+[\"'\u201c\u2018(\[]?([\w$\u00a3\u20ac]+)")
_DOTTED = compiled(r"(?:[A-Za-z]\.)+[A-Za-z]")  # "U.S", "a.m": letters with full stops

# Titles and name parts that are followed by a name, never by a new sentence.
TITLES = frozenset(
    """mr mrs ms messrs dr prof gen lt col maj capt cmdr cdr sgt cpl pvt adm brig sen rep gov lt-gov supt
    insp det rev fr msgr sr jr st ste mt ft pres atty hon amb no nos vol art sec fig op pp vs v ca approx
    dept est mssrs""".split()
)
# Abbreviations that end a sentence only when the next word plainly starts one.
AMBIGUOUS = frozenset("inc corp co ltd plc llc bros etc al".split())
MONTHS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
SENTENCE_STARTERS = frozenset(
    """the a an he she it they we i you his her its their our this that these those there here but and
    so yet or in on at as after before when while if although though however meanwhile still also then
    now some many most few no none one two three officials police analysts critics""".split()
)


def split_sentences(text: str, start: int = 0) -> list[tuple[int, int]]:
    """Sentence spans as absolute offsets, given the paragraph `text` that starts at `start`."""
    spans = []
    sentence_start = _skip_space(text, 0)
    for match in _CANDIDATE.finditer(text):
        if match.end() <= sentence_start or not _ends_sentence(text, match):
            continue
        spans.append((start + sentence_start, start + match.end()))
        sentence_start = _skip_space(text, match.end())
    end = len(text.rstrip())
    if sentence_start < end:
        spans.append((start + sentence_start, start + end))
    return spans


def _skip_space(text: str, index: int) -> int:
    while index < len(text) and text[index].isspace():
        index += 1
    return index


def _ends_sentence(text: str, match: re.Match) -> bool:
    punctuation = match.group()
    if not punctuation.startswith(".") or punctuation.startswith("...") or len(punctuation.rstrip(".")) != 0:
        return True  # "?", "!", an ellipsis, or a full stop followed by a closing quote
    run_start = match.start()  # searching from 0 would rescan the paragraph for every full stop
    while run_start > 0 and text[run_start - 1] in _WORD_CHARACTERS:
        run_start -= 1
    word_match = _LAST_WORD.search(text, run_start, match.start() + 1)
    if not word_match or word_match.end() != match.start() + 1:
        return True
    word = word_match.group(1)
    next_match = _NEXT_WORD.match(text, match.end())
    next_word = next_match.group(1) if next_match else ""
    starts_sentence = next_word.lower() in SENTENCE_STARTERS
    bare = word.rstrip(".").lower()
    if len(word) == 1 and word.isupper():
        return False  # an initial: "John F. Kennedy"
    if _DOTTED.fullmatch(word):
        return starts_sentence  # "U.S." before "Army" continues; before "The" it ends
    if bare in MONTHS or bare in ("no", "nos", "art", "vol", "p", "pp", "fig"):
        return not next_word[:1].isdigit()  # "Jan. 5", "No. 10"
    if bare in TITLES:
        return False
    if bare in AMBIGUOUS:
        return starts_sentence
    return True
