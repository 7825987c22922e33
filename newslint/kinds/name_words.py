"""Whether one capitalised word is a name word: not a day, a month, a firm's suffix, an acronym, a headline's
capitals, or a word capitalised only because it opens a sentence and the story writes in lower case too."""

from __future__ import annotations

from functools import lru_cache

from newslint.kinds.name_parts import HYPHEN_PARTICLE, INITIAL, PARTICLES, TITLES, is_elided, is_initial, unpossessive
from newslint.regexcache import compiled

_SENTENCE_END = compiled(r"(?:(\w+)\.|[.!?:\u2026])[\"'\u201d\u2019)\]]*\s+[\"'(\u201c\u2018\[]*$")
_DIGIT = compiled(r"\d")
# Capitalised words that end a name: days ("on Tuesdays"), company suffixes, the pronoun "I".
_DAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
COMPANY_SUFFIXES = "inc corp co ltd plc llc lp ag sa nv bv spa gmbh group".split()
BREAKS = frozenset(_DAYS + [day + "s" for day in _DAYS] + """january february march april june july august
september october november december i""".split() + COMPANY_SUFFIXES)
# Capitalised only because they open a sentence; the document's own lower-case words catch the rest.
STOPWORDS = frozenset("""the a an but and or so if in on at as of for to from by with after before when while
he she it they we you his her its their our my your this that these those there here however meanwhile still
also then now some many most few no not one two three what who why how where which yet although though since
until because despite during under over""".split())


def opens_sentence(text: str, paragraph_start: int, offset: int) -> bool:
    """Does the word at `offset` open a sentence, so that its capital may say nothing?"""
    if offset == paragraph_start:
        return True  # as the window test below finds, in a string method or two
    if offset - paragraph_start >= 2 and text[offset - 1] == " " and (text[offset - 2].isalnum()
                                                                     or text[offset - 2] == ","):
        return False  # a word or a comma, then a space, as before most runs: "said Woodco", "Houston, Texas"
    before = text[max(paragraph_start, offset - 12) : offset]
    if offset - paragraph_start <= len(before) and not before.strip(" \n\"'(\u201c\u2018["):
        return True
    if not _may_end_sentence(before):
        return False
    end = _SENTENCE_END.search(before)
    return bool(end) and not (end.group(1) and end.group(1).casefold() in TITLES)


def _may_end_sentence(window: str) -> bool:
    """Could _SENTENCE_END match `window`? The same test with string methods (most runs are mid-sentence):
    a stop, closing quotes, white space, opening quotes, at the end or, as "$" allows, before a final
    line break (said. "<line break>Smith)."""
    for end in (len(window), len(window) - 1) if window.endswith("\n") else (len(window),):
        tail = window[:end].rstrip("\"'(\u201c\u2018[")
        if tail[-1:].isspace() and tail.rstrip().rstrip("\"'\u201d\u2019)]").endswith((".", "!", "?", ":", "\u2026")):
            return True
    return False


def is_name_word(word: str, opens: bool, lower_case: LowerCaseWords) -> bool:
    """Is the word part of a name: by itself (`word_verdict`) or, opening a sentence, by not being a word
    the story writes in lower case too?"""
    verdict, folded = word_verdict(word)
    if verdict is not None:
        return verdict
    if opens and (folded in STOPWORDS or folded in lower_case):
        return False  # "Shares fell": capitalised only because it opens the sentence
    return True


@lru_cache(maxsize=65536)
def word_verdict(word: str) -> tuple[bool | None, str]:
    """What the word alone says (True, False, or None: a name unless it merely opens a sentence), and its
    folded form. Cached: wire copy repeats the same capitalised words story after story."""
    word = unpossessive(word)
    folded = word.casefold().rstrip(".")
    if folded in PARTICLES and word.islower():
        return True, folded
    fused = HYPHEN_PARTICLE.match(word) if "-" in word else None  # the test is cheaper than the regex
    if fused and word[fused.end()].isupper():
        return True, folded  # "al-Assad"
    if not word[0].isupper():
        return is_elided(word), folded  # a name word only after an elided particle: "d'Aubrac"
    if folded in BREAKS:
        return False, folded
    head = word.split("-", 1)[0]
    if len(head) > 1 and head.isupper() and not INITIAL.fullmatch(word) or _DIGIT.search(word):
        return False, folded  # an acronym, a wire headline in capitals, a rating (BB-plus) or a model (A320s)
    return None, folded


class LowerCaseWords:
    """The words a document uses in lower case as words of their own, found as asked and remembered: a long
    story opens thousands of sentences with the same few words, and each search may read the whole text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._known: dict[str, bool] = {}

    def __contains__(self, word: str) -> bool:
        known = self._known.get(word)
        if known is None:
            known = self._known[word] = self._search(word)
        return known

    def _search(self, word: str) -> bool:
        text, found = self.text, self.text.find(word)  # str.find: faster than a regex per word
        while found != -1:
            after = found + len(word)
            if (found == 0 or not text[found - 1].isalpha()) and (after == len(text) or not text[after].isalpha()):
                return True
            found = text.find(word, after)
        return False


def is_bare_title(word: str) -> bool:
    """Is a one-word run (letters only) no name by itself: a title, a particle or an initial?"""
    return word.casefold() in TITLES or word in PARTICLES or is_initial(word)
