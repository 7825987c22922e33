"""The parts of one name as written: a run of name words ("Gen. Mohammed bin Salman's") taken apart into
given name "Mohammed", particle "bin" and last name "Salman", with titles, initials, possessives and
modifier endings ("Stearns-led") set aside. `name_mentions` finds the runs in a document."""

from __future__ import annotations

import unicodedata

from newslint.kinds.name_keys import skeleton
from newslint.regexcache import compiled
from newslint.visible import drop_invisible

# Particles: the ones written as words of their own ("van der", "bin") and the Arabic ones fused to a name
# by a hyphen ("al-Assad", "ash-Sharaa"); "as" and "at" are too common as English words to join a run.
SPACED_PARTICLES = frozenset("""al el ul bin ben ibn abu bint van von der den de di da du la le del della dos das
do ter ten zu y""".split())
FUSED_PARTICLES = frozenset("al el ul ad as ash at az bin ben ibn abu bint".split())
PARTICLES = SPACED_PARTICLES | FUSED_PARTICLES
# Particles that some families write with a capital (De Niro, Van Dyke, Le Pen, Da Silva); "Al", "Ben" and
# "Abu" are left out: capitalised inside a name they are as often a name of their own (Abu Karim).
CAPITALISED_PARTICLES = SPACED_PARTICLES - frozenset("al el ul bin ben ibn abu bint y".split())
INITIAL = compiled(r"(?:[A-Z]\.)+|[A-Z]")
# The elided particles, written onto a last name that opens on a vowel: the French and Italian "of" (d'Aubrac,
# D'Ercole) and the French "the" (l'Ormeau). The case it is written in is a spelling of its own, as with De
# Niro; O'Brien's O is no particle but a part of an Irish name, and stays in it.
ELIDED_PARTICLES = frozenset("dDlL")
ELIDED = ""  # the joiner of an elided particle: its apostrophe is its own
# The Arabic article takes the sound of a "sun letter" after it (t, th, d, dh, r, z, s, sh, n), and
# romanisations write it so, the letter doubled across the hyphen: ash-Sharaa, ad-Din, ar-Rashid, an-Nahyan;
# with the e of Egyptian and Levantine speech, es-Sisi, ez-Zor; with the u of Urdu, ud-Din. It is the
# article al-, and is read as one only so doubled: "En-lai" in Zhou En-lai is a syllable of a Chinese name,
# and "US-Soviet" is no name at all.
SUN_LETTERS = ("dh", "sh", "th", "d", "n", "r", "s", "t", "z")
ASSIMILATED_ARTICLES = frozenset(vowel + letter for vowel in "aeu" for letter in SUN_LETTERS)
# Arabic articles: "Bashar al-Assad" and "Bashar Assad" are one man named two ways. ("bin", "van" and the
# like stay out: "Mohammed bin Salman" and a "Mohammed Salman" may be father and son.) Compared with a
# part's key, in which "el", "ul" and the assimilated forms (ez-Zor) are already "al".
ARTICLES = frozenset("al ad as ash at az".split())
# The consonant and hyphen after the article's vowel (a regex), the consonant doubled after the hyphen.
SUN_LETTER_DOUBLED = "(?:" + "|".join(rf"{letter}-(?=[{letter[0]}{letter[0].upper()}]{letter[1:]})"
                                      for letter in SUN_LETTERS) + ")"
HYPHEN_PARTICLE = compiled(r"(?i:(" + "|".join(sorted(FUSED_PARTICLES, key=lambda p: (-len(p), p)))
                           + r"))-(?=[^\W\d_]{2})|[aeuAEU]" + SUN_LETTER_DOUBLED)
# Words a title or job puts before a name; everything up to the last of them is dropped.
TITLES = frozenset("""mr mrs ms miss mx dr prof gen lt col maj capt cmdr sgt cpl pvt adm brig sen rep gov supt insp det
rev fr msgr st hon amb president presidents prime premier minister ministers chancellor secretary king queen
prince princess pope sheikh sheik sir dame lord lady judge justice chairman chairwoman chair chief executive
director captain officer detective inspector father bishop archbishop mayor senator governor ambassador
commissioner speaker deputy vice general admiral major colonel sergeant corporal private ayatollah emir crown
imam rabbi cardinal coach manager striker midfielder defender goalkeeper leader spokesman spokeswoman
correspondent editor professor doctor economist analyst""".split())
# Words after a hyphen that make a name a modifier ("a Stearns-led group", "Pop Idol-style shows").
MODIFIER_SUFFIXES = frozenset("""led based style type made owned born era like backed linked controlled listed run
funded related sponsored designed built bound inspired leaning""".split())


class _Fields:
    """A small class with slots, not a named tuple, for the parts and mentions of names: a run makes them
    by the thousand and every pass over a story's names reads their fields again, and the interpreter
    reads a slot with one specialised instruction, where a named tuple's field is a descriptor call.
    Never changed once made: a document's mentions are shared by both names rules, and a run of words
    met again reuses what it gave before."""

    __slots__ = ()

    def replace(self, **changes):
        """A copy with `changes` (field -> value), as a named tuple's `_replace`."""
        return type(self)(**({name: getattr(self, name) for name in self.__slots__} | changes))

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{type(self).__name__}({fields})"


class Part(_Fields):
    """One word of a name as written (possessive removed); made by `new_part`. `where` is set only in
    cross-file summaries: (path, line, column, end_line, end_column), since offsets mean nothing once the
    document is gone. Compared by identity: a part stands for one place in the copy."""

    __slots__ = ("text", "start", "end", "spelling", "key", "where")

    def __init__(self, text: str, start: int, end: int, spelling: str, key: str, where: tuple = ()) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.spelling = spelling  # the spelling as written, case aside
        self.key = key  # the transliteration-folded skeleton
        self.where = where


def new_part(text: str, start: int, end: int) -> Part:
    spelling = (text if text.isascii() else as_typed(text)).casefold()  # most names: plain ASCII, as typed
    return Part(text, start, end, spelling, skeleton(text))  # skeleton is cached


def as_typed(text: str) -> str:
    """`composed`, with a curly apostrophe as a straight one: "O’Brien" from a CMS that curls quotes and
    "O'Brien" typed in a plain editor are one spelling."""
    return composed(text).replace("\u2019", "'")


def composed(text: str) -> str:
    """`text` as an editor sees it: accents composed and invisible characters gone. "Erdoğan" typed and
    "Erdoğan" saved decomposed (g and a combining breve), or "Zelenskyy" with a soft hyphen inside, look
    alike on screen, and are one spelling."""
    return text if text.isascii() else unicodedata.normalize("NFC", drop_invisible(text))


class Mention(_Fields):
    """A name: the last word (`surname`), the first (`given`, when there are two or more), the words
    between them (`middle`: "Tayyip" in "Recep Tayyip Erdogan") and any particles before the last word
    ("von der", "al"), and what joins them to it."""

    __slots__ = ("surname", "given", "particles", "middle", "joiner", "initials")

    def __init__(self, surname: Part, given: Part | None = None, particles: Part | None = None,
                 middle: tuple[Part, ...] = (), joiner: str = " ", initials: Part | None = None) -> None:
        self.surname = surname
        self.given = given
        self.particles = particles
        self.middle = middle
        self.joiner = joiner  # between the particles and the last name: "-" in "al-Assad", "" in "d'Ercole"
        self.initials = initials  # "J.K." in "J.K. Rowling", "W." in "George W. Bush": compared only for their stops and spaces

    @property
    def parts(self) -> tuple[Part, ...]:
        return tuple(p for p in (self.given, self.initials, *self.middle, self.particles, self.surname) if p is not None)


def mention_of(run: list[tuple[str, int]]) -> Mention | None:
    words = _after_titles(run)
    while words and words[-1][0] in PARTICLES:
        words.pop()
    indexes = [i for i, (word, _) in enumerate(words) if is_initial(word)]
    initials = _initials(words, indexes) if indexes else None
    if indexes:  # "George W. Bush": initials are no spelling of a name
        dropped = set(indexes)  # a set: a run of thousands of capitals ("A A A ...") is a name of thousands of words
        words = [word for i, word in enumerate(words) if i not in dropped]
    while words and words[0][0] in PARTICLES:
        words.pop(0)
    if not words:
        return None
    # "Robert De Niro", "Ed Van der Elsken": a particle some people capitalise, between the first and last
    # names, is a particle still (the case it is written in is then a spelling of its own).
    is_particle = [w in PARTICLES for w, _ in words]
    for i in range(1, len(words) - 1):
        if words[i][0].casefold() in CAPITALISED_PARTICLES:
            is_particle[i] = True
    surname, particles, joiner = _surname(words, is_particle)
    core = [w for w, particle in zip(words, is_particle) if not particle]
    given = _part(*core[0]) if len(core) > 1 else None
    middle = tuple(_part(*word) for word in core[1:-1] if not _fused(word[0]))
    return Mention(surname, given, particles, middle, joiner, initials)


def _fused(word: str):
    """The match of a particle fused to `word` by a hyphen ("al-Assad", "ash-Sharaa"). Every match holds the
    hyphen, and most name words have none: a string test first (this runs on every last name)."""
    return HYPHEN_PARTICLE.match(word) if "-" in word else None


def is_elided(word: str) -> bool:
    """"d'Aubrac", "D’Ercole", "l'Ormeau": an elided particle and a capitalised name (a string test: this runs on
    every last name)."""
    return len(word) > 2 and word[1] in "'\u2019" and word[0] in ELIDED_PARTICLES and word[2].isupper()


def is_initial(word: str) -> bool:
    """"W", "J.R." (a length and a string test first: this runs on every word of every name)."""
    if len(word) == 1:
        return "A" <= word <= "Z"
    return word[-1] == "." and INITIAL.fullmatch(word) is not None


def _initials(words: list[tuple[str, int]], indexes: list[int]) -> Part | None:
    """A name's initials (the words at `indexes`), where they stand together ("J. R. A." in "J. R. A. van
    Dam"), as one part: spelt as written with single spaces, keyed by their letters, so "J.K.", "J. K."
    and "J K" are one key spelt three ways."""
    if indexes[-1] - indexes[0] != len(indexes) - 1:
        return None  # apart ("J. Robert K. Smith"): no one way of writing them to compare
    run = words[indexes[0] : indexes[-1] + 1]
    start, end = run[0][1], run[-1][1] + len(run[-1][0])
    return new_part(" ".join(word for word, _ in run), start, end)


def _after_titles(run: list[tuple[str, int]]) -> list[tuple[str, int]]:
    cut = 0
    for index, (word, _) in enumerate(run):
        if word.casefold().rstrip(".") in TITLES:
            cut = index + 1
    return run[cut:]


def _surname(words: list[tuple[str, int]], is_particle: list[bool]) -> tuple[Part, Part | None, str]:
    """The last word, with the particles before it ("van der") or fused to it ("al-Assad"), and what joins
    the particles to it."""
    word, start = words[-1]
    word = _without_suffix(word)
    first = len(words) - 1
    while first > 0 and is_particle[first - 1]:
        first -= 1
    particles = None
    if first < len(words) - 1:
        particles = _spaced_particles(" ".join(w for w, _ in words[first:-1]), words[first][1],
                                      words[-2][1] + len(words[-2][0]))
    if word[0] in ELIDED_PARTICLES and is_elided(word):  # "d'Aubrac": "d'" is the particle, written onto the name
        return _part(word[2:], start + 2), new_part(word[:2], start, start + 2), ELIDED
    fused = _fused(word)
    if fused and fused.end() < len(word):
        particles = _article_part(word[: fused.end() - 1], start)
        word, start = word[fused.end() :], start + fused.end()
        return _part(word, start), particles, "-"
    return _part(word, start), particles, " "


# The Romance languages' "of" before a last name: Italian da and di, Portuguese da, French and Spanish de. A
# name written with one and with another (Rafael da Costa, Rafael de Costa; Lula da Silva, Lula de Silva) is
# one name in two languages' forms, or misspelt in one: keyed alike. Not the French du or the Portuguese do,
# which hold an article too: a Banque du Valais and a Banque de Valais may be two banks.
_ROMANCE_OF = frozenset("da de di".split())


def _spaced_particles(particles: str, start: int, end: int) -> Part:
    """Particles written as words before the last name ("van der", "da"), keyed with the Romance "of" as de."""
    part = new_part(particles, start, end)
    if _ROMANCE_OF.isdisjoint(part.spelling.split()):
        return part  # most particles: van, von der, bin, al
    return part.replace(key=skeleton(" ".join("de" if word in _ROMANCE_OF else word for word in part.spelling.split())))


def _article_part(particle: str, start: int) -> Part:
    """A particle fused to the last name by a hyphen; an assimilated article is keyed as the al- it is, so
    that al-Rashid and ar-Rashid are one name written two ways, as el-Sisi and al-Sisi are."""
    part = new_part(particle, start, start + len(particle))
    return part.replace(key="al") if part.spelling in ASSIMILATED_ARTICLES else part


def _without_suffix(word: str) -> str:
    """The name in a compound that makes it a modifier: "Idol" in "Pop Idol-style", "Stearns" in
    "Stearns-led". Only these endings: "Frito-lay" and "A-levels" are names with a lower-case word."""
    head, hyphen, tail = word.rpartition("-")
    return head if hyphen and head[-1:].isalpha() and tail in MODIFIER_SUFFIXES else word


def _part(word: str, start: int) -> Part:
    word = unpossessive(word)
    return new_part(word, start, start + len(word))


def unpossessive(word: str) -> str:
    """"Salman's" -> "Salman" (a string test: this runs on every capitalised word)."""
    return word[:-2] if word.endswith(("'s", "\u2019s")) else word
