"""Whether two full names, each as the skeletons of its first and last name, are one person's.

The pairs that keep this module careful are namesakes: Joe and Hunter Biden, Ivan Petrov and Ivana
Petrova, Ronald Reagan and Donald Regan. Each test below names the evidence that may join two names and
the namesakes it must keep apart.
"""

from __future__ import annotations

from functools import lru_cache

from newslint.kinds.name_endings import (MIN_BALTIC_STEM, adds_ending, baltic_given_stem, is_baltic_form, is_derived,
                                         without_baltic_ending)
from newslint.kinds.name_given import are_cognates
from newslint.kinds.name_readings import keys_of, readings
from newslint.kinds.name_spelling import (ANCHORED, BOTH, are_variants, consonant_likeness, is_close, is_loose_match,
                                          is_respelling, likeness, sound_likeness)

# A first name respelt beside the same last name must fold loosely to this many letters: not Chris/Rhys.
MIN_LOOSE_GIVEN = 4
# Or long and nearly alike: Takeuchi/Takeuti, but not Alexander/Alexandra.
LONG_GIVEN, GIVEN_LIKENESS = 7, 0.85
# Two names both respelt throughout: how alike each part, and the two on average, must be, endings aside.
MIN_SOUND_LENGTH, SOUND_EACH, SOUND_BOTH, SOUND_CONSONANTS = 4, 0.55, 0.7, 0.75
# The shortest last name that two forms of one first name can vouch for when it folds loosely alike (Dyck, Deyk).
MIN_COGNATE_SURNAME = 3


@lru_cache(maxsize=65536)
def same_person(given: str, surname: str, other_given: str, other_surname: str) -> bool:
    """Two full names, as skeletons, of one person? Both parts may be respelt; the looser the match of one
    part, the closer the other must be. A shared last name never excuses a different first name (Joe and
    Hunter Biden, Maria and Marie Curie), only one that is the same sound written differently (Chaim, Haim)."""
    given_same, surname_same = given == other_given, surname == other_surname
    if given_same and surname_same:
        return True
    if are_cognates(given, other_given) and (  # Henri and Henry: one man, if the last names agree too
            # Two forms of one first name vouch for a short last name that only a looser fold joins (Stefan
            # van Eyck, Stephen van Eik), where a first name spelt alike would not.
            surname_same or is_respelling(surname, other_surname, ANCHORED) or (
            min(len(surname), len(other_surname)) >= MIN_COGNATE_SURNAME and is_loose_match(surname, other_surname))):
        return True  # failing that, the forms may still be one name respelt (Mikhail, Michail), tested below
    # With the same first name, Clark and Clarke (or Brown and Browne) are one person's name.
    if are_variants(given, other_given) and are_variants(surname, other_surname, endings=not given_same):
        return True
    if surname_same:
        shortest = min(len(given), len(other_given))
        return is_loose_match(given, other_given, MIN_LOOSE_GIVEN) or (
            shortest >= LONG_GIVEN and likeness(given, other_given) >= GIVEN_LIKENESS) or (
            _is_baltic_respelling(given, other_given, surname))
    if given_same:
        return is_respelling(surname, other_surname, ANCHORED)
    # Both respelt: one part must still agree closely, so Ronald Reagan and Donald Regan stay two people.
    if given[:1] != other_given[:1] and not is_close(given, other_given):
        return False
    if (is_close(given, other_given) or is_close(surname, other_surname)) and is_respelling(
            given, other_given, BOTH) and is_respelling(surname, other_surname, BOTH):
        return True
    return _sound_alike(given, other_given, surname, other_surname)


def _is_baltic_respelling(given: str, other_given: str, surname: str) -> bool:
    """Is one first name, with a Latvian or Lithuanian ending that the other lacks, the other respelt once the
    ending is taken off (Deividas, David)? Latvian spells a foreign first name as it sounds before it adds
    the ending; the stem must pass the tests any first name beside the same last name passes."""
    if given.endswith("s") == other_given.endswith("s"):
        return False  # nearly every pair
    form, other = (given, other_given) if given.endswith("s") else (other_given, given)
    if other[-1] in "aeiouy":
        return False  # Nicholas and Nicole: the ending stands for no vowel of the other name
    stem = baltic_given_stem(form)
    return stem is not None and stem != other and same_person(stem, surname, other, surname)


def _sound_alike(given: str, other_given: str, surname: str, other_surname: str) -> bool:
    """Both parts respelt by a whole romanisation (Romans Levandovskis for Roman Lewandowski): each
    part opens with the same letter and is long enough to judge, and, endings aside, the two together are
    mostly alike and neither is far off."""
    if given[:1] != other_given[:1] or surname[:1] != other_surname[:1] or is_derived(given, other_given):
        return False  # Ivan Petrov and Ivana Petrova are a couple
    if min(len(given), len(other_given), len(surname), len(other_surname)) < MIN_SOUND_LENGTH:
        return False
    scores = sound_likeness(given, other_given), sound_likeness(surname, other_surname)
    if min(scores) < SOUND_EACH or sum(scores) / 2 < SOUND_BOTH:
        return False
    # Romanisations disagree mostly on vowels; a changed consonant makes another name (Kiichi Miyazawa,
    # Koichi Miyazaki).
    return all(consonant_likeness(a, b) >= SOUND_CONSONANTS for a, b in ((given, other_given), (surname, other_surname)))


def is_baltic_rendering(form: tuple[str, str], other: tuple[str, str], written: dict) -> bool:
    """Is one full name the other with Latvian or Lithuanian endings on both parts (an English plural never
    takes both), and somewhere more than the ending added to the name as written: a stem respelt
    (Emanuels Makrons, Emmanuel Macron) or a final vowel replaced (Rošs, Roche)? An ending
    added to both names unchanged is as often another person: Carlos Santos, Carlo Santo; Andreas
    Peters, Andre Peter. `written` holds, for each full name as keys, the spellings it was written in."""
    if not (is_baltic_form(form[0], other[0]) and is_baltic_form(form[1], other[1])) and not _same_stems(form, other):
        return False
    return any(not (adds_ending(given, other_given) and adds_ending(surname, other_surname))
               for given, surname in written[form] for other_given, other_surname in written[other])


def _same_stems(form: tuple[str, str], other: tuple[str, str]) -> bool:
    """Is one full name, its two parts ending in s where the other's do not, the other respelt once its
    Latvian or Lithuanian endings are taken off (Gordons Vitloks, Gordon Whitlock)? Latvian spells a
    foreign name as it sounds, so the stem is respelt as often as not; `is_baltic_rendering` still asks
    for more than an ending added to both names as written (Andreas Peters, Andre Peter)."""
    # Asked of every two names in a block that nothing else joins: the last letters alone settle most.
    mine, theirs = form[0][-1:] + form[1][-1:], other[0][-1:] + other[1][-1:]
    if theirs == "ss" and "s" not in mine:
        form, other = other, form
    elif mine != "ss" or "s" in theirs:
        return False  # nearly every pair of names
    if are_cognates(form[0], other[0]):
        return False  # Charles Peters and Carl Peter: two languages' forms of a name, not one rendering of it
    stems = [without_baltic_ending(part) for part in form]
    return min(map(len, stems)) >= MIN_BALTIC_STEM and same_person(*stems, *other)


def other_readings(form: tuple[str, str], spellings: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """A full name's keys under its letters' other readings (`name_readings`, the first name's read as a first
    name's), from the spellings that give it: empty for nearly every name."""
    if not any(readings(given, given=True) or readings(surname) for given, surname in spellings):
        return set()  # nearly every name
    found = {(given, surname) for given_spelling, surname_spelling in spellings
             for given in keys_of(given_spelling, form[0], given=True)
             for surname in keys_of(surname_spelling, form[1])}
    return found - {form}


class OtherReadings(dict):
    """Each full name's `other_readings`, from `written` (each full name's keys -> the spellings that give
    it), worked out when first asked: only names that share a block with another and are not joined by the
    plainer tests are ever asked about."""

    def __init__(self, written: dict[tuple[str, str], set[tuple[str, str]]]) -> None:
        super().__init__()
        self.written = written

    def __missing__(self, form: tuple[str, str]) -> set[tuple[str, str]]:
        found = self[form] = other_readings(form, self.written[form])
        return found


def is_read_alike(form: tuple[str, str], other: tuple[str, str], read_as: dict) -> bool:
    """Are two full names one person's once a letter of either is read as another language writes it
    (Viktor Žuk, Viktor Zhuk)? The same tests as for any two names; `read_as` holds each full name's
    `other_readings`."""
    return any(same_person(*mine, *theirs) for mine in read_as[form] | {form} for theirs in read_as[other] | {other}
               if (mine, theirs) != (form, other))
