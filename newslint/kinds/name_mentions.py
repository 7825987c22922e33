"""Find name mentions in copy: runs of capitalised words, with titles, initials, particles and possessives
taken apart so that "Gen. Mohammed bin Salman's" yields given name "Mohammed", particle "bin" and name
"Salman"."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from newslint.kinds.name_spelling import skeleton

# A word (letters, inner apostrophes and hyphens) or a run of initials ("J.R.").
_WORD = re.compile(r"(?:[^\W\d_]\.)+(?![^\W\d_])|[^\W\d_](?:[\w'\u2019-]*[^\W_])?")
_GAP = re.compile(r"\.?\s+")  # "Gen. Smith", "John F. Kennedy": a full stop inside a sentence is an abbreviation
_INITIAL = re.compile(r"(?:[A-Z]\.)+|[A-Z]")
_POSSESSIVE = re.compile(r"['\u2019]s$")
_DIGIT = re.compile(r"\d")
_LOWER_WORD = re.compile(r"(?<![\w'\u2019-])[a-z][a-z'\u2019-]*")
_HYPHEN_PARTICLE = re.compile(r"(?i)(al|el|ul|ad|as|ash|at|az|bin|ben|ibn|abu|bint)-(?=[^\W\d_]{2})")

PARTICLES = frozenset("""al el ul ad as ash at az bin ben ibn abu bint van von der den de di da du la le del della
dos das do ter ten zu y""".split())
# Words a title or job puts before a name; everything up to the last of them is dropped.
TITLES = frozenset("""mr mrs ms miss mx dr prof gen lt col maj capt cmdr sgt cpl pvt adm brig sen rep gov supt insp det
rev fr msgr st hon amb president presidents prime premier minister ministers chancellor secretary king queen
prince princess pope sheikh sheik sir dame lord lady judge justice chairman chairwoman chair chief executive
director captain officer detective inspector father bishop archbishop mayor senator governor ambassador
commissioner speaker deputy vice general admiral major colonel sergeant corporal private ayatollah emir crown
imam rabbi cardinal coach manager striker midfielder defender goalkeeper leader spokesman spokeswoman
correspondent editor professor doctor economist analyst""".split())
# Capitalised words that end a name: days, company suffixes, the pronoun "I".
BREAKS = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february march april june
july august september october november december i inc corp co ltd plc llc lp ag sa nv bv spa gmbh group""".split())
# Capitalised only because they open a sentence; the document's own lower-case words catch the rest.
STOPWORDS = frozenset("""the a an but and or so if in on at as of for to from by with after before when while
he she it they we you his her its their our my your this that these those there here however meanwhile still
also then now some many most few no not one two three what who why how where which yet although though since
until because despite during under over""".split())


@dataclass(frozen=True)
class Part:
    """One word of a name as written (possessive removed). `where` is set only in cross-file summaries:
    (path, line, column, end_line, end_column), since offsets mean nothing once the document is gone."""

    text: str
    start: int
    end: int
    where: tuple = field(default=(), compare=False)

    @cached_property
    def spelling(self) -> str:
        return self.text.casefold()

    @cached_property
    def key(self) -> str:
        return skeleton(self.text)


@dataclass(frozen=True)
class Mention:
    """A name: the last word (`surname`), the first (`given`, when there are two or more) and any particles
    before the last word ("von der", "al")."""

    surname: Part
    given: Part | None = None
    particles: Part | None = None

    @property
    def parts(self) -> tuple[Part, ...]:
        return tuple(p for p in (self.given, self.particles, self.surname) if p is not None)


def find_mentions(document) -> list[Mention]:
    """Every name mention in the document, in order."""
    lower = set(_LOWER_WORD.findall(document.text))
    mentions = []
    for sentence in document.sentences:
        for run in _runs(sentence, lower):
            mention = _mention(run)
            if mention is not None:
                mentions.append(mention)
    return mentions


def _runs(sentence, lower: set[str]):
    """Runs of adjacent name-like words, as lists of (text, absolute start)."""
    text, base = sentence.text, sentence.start
    run: list[tuple[str, int]] = []
    previous_end = None
    for index, match in enumerate(_WORD.finditer(text)):
        word = match.group()
        adjacent = previous_end is not None and _GAP.fullmatch(text, previous_end, match.start())
        if run and not adjacent:
            yield run
            run = []
        previous_end = match.end()
        opens = index == 0 or sentence.is_heading
        if _is_name_word(word, opens, lower):
            run.append((word, base + match.start()))
        elif run:
            yield run
            run = []
    if run:
        yield run


def _is_name_word(word: str, opens: bool, lower: set[str]) -> bool:
    word = _POSSESSIVE.sub("", word)
    folded = word.casefold().rstrip(".")
    if folded in PARTICLES and word.islower():
        return True
    fused = _HYPHEN_PARTICLE.match(word)
    if fused and word[fused.end()].isupper():
        return True  # "al-Assad"
    if not word[0].isupper() or folded in BREAKS:
        return False
    head = word.split("-", 1)[0]
    if len(head) > 1 and head.isupper() and not _INITIAL.fullmatch(word) or _DIGIT.search(word):
        return False  # an acronym, a wire headline in capitals, a rating (BB-plus) or a model (A320s)
    if opens and (folded in STOPWORDS or _POSSESSIVE.sub("", folded) in lower):
        return False  # "Shares fell": capitalised only because it opens the sentence
    return True


def _mention(run: list[tuple[str, int]]) -> Mention | None:
    words = _after_titles(run)
    while words and words[-1][0] in PARTICLES:
        words.pop()
    words = [(w, s) for w, s in words if not _INITIAL.fullmatch(w)]  # "George W. Bush": initials vary freely
    while words and words[0][0] in PARTICLES:
        words.pop(0)
    if not words:
        return None
    surname, particles = _surname(words)
    core = [w for w in words if w[0] not in PARTICLES]
    given = _part(*core[0]) if len(core) > 1 else None
    return Mention(surname, given, particles)


def _after_titles(run: list[tuple[str, int]]) -> list[tuple[str, int]]:
    cut = 0
    for index, (word, _) in enumerate(run):
        if word.casefold().rstrip(".") in TITLES:
            cut = index + 1
    return run[cut:]


def _surname(words: list[tuple[str, int]]) -> tuple[Part, Part | None]:
    """The last word, with the particles before it ("van der") or fused to it ("al-Assad")."""
    word, start = words[-1]
    first = len(words) - 1
    while first > 0 and words[first - 1][0] in PARTICLES:
        first -= 1
    particles = None
    if first < len(words) - 1:
        particles = Part(" ".join(w for w, _ in words[first:-1]), words[first][1], words[-2][1] + len(words[-2][0]))
    fused = _HYPHEN_PARTICLE.match(word)
    if fused and fused.end() < len(word):
        particles = Part(word[: fused.end() - 1], start, start + fused.end() - 1)
        word, start = word[fused.end() :], start + fused.end()
    return _part(word, start), particles


def _part(word: str, start: int) -> Part:
    word = _POSSESSIVE.sub("", word)
    return Part(word, start, start + len(word))
