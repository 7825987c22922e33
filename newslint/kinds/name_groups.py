"""Group name mentions into people and find the parts spelt more than one way.

Full names ("Dmitry Peskov") are joined when both the given name and the last name are variants of each
other, so "Joe Biden" and "Hunter Biden", or "John Smith" and "Jane Smith", stay two people. A last name
on its own ("Peskov") joins the people it spells exactly, or failing that the people whose folded key it
shares; a looser match would let "Reagan" swallow "Donald Regan". Candidates come from dictionary keys,
never from comparing every name with every other, so a long story or a folder of drafts stays linear.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import lru_cache

from newslint.kinds.name_endings import adds_ending, is_baltic_form, is_classical_form, is_derived, is_english_derivation
from newslint.kinds.name_forms import Flag, article_dropped, case_minority, heaviest, hyphenated_names, initials_punctuation, one_per_word, particle_case
from newslint.kinds.name_given import are_cognates
from newslint.kinds.name_parts import Mention, Part, composed
from newslint.kinds.name_spelling import (ANCHORED, BARE, BOTH, are_variants, consonant_likeness, drops_final_n, is_close,
                                          is_loose_match, is_respelling, likeness, loose, plain, sound_likeness)

# A blocking key shared by more names than this is too common to say anything (and would cost n squared).
MAX_BLOCK = 200
# A bare last name this short joins others only when spelt exactly alike: Scot/Scott, Bank/Banc, Life/Liffe.
MIN_BARE_LENGTH = 5
# A first name respelt beside the same last name must fold loosely to this many letters: not Chris/Rhys.
MIN_LOOSE_GIVEN = 4
# Or long and nearly alike: Takeuchi/Takeuti, but not Alexander/Alexandra.
LONG_GIVEN, GIVEN_LIKENESS = 7, 0.85
# Two names both respelt throughout: how alike each part, and the two on average, must be, endings aside.
MIN_SOUND_LENGTH, SOUND_EACH, SOUND_BOTH, SOUND_CONSONANTS = 4, 0.55, 0.7, 0.75
# The shortest last name that two forms of one first name can vouch for when it folds loosely alike (Dyck, Deyk).
MIN_COGNATE_SURNAME = 3
# Below this, two spellings in one group are two words, however the group was formed.
MIN_LIKENESS = 0.6


def occurrences(parts: list[Part]) -> int:
    return len(parts)


def inconsistencies(mentions: list[Mention], weight: Callable[[list[Part]], int] = occurrences) -> list[Flag]:
    """Minority spellings among `mentions` (in document order). `weight` scores a spelling from its uses:
    by default how often it occurs; across files, in how many files."""
    mentions = hyphenated_names(mentions)
    full = [m for m in mentions if m.given is not None]
    written: dict[tuple[str, str], set[tuple[str, str]]] = {}
    for mention in full:
        written.setdefault((mention.given.key, mention.surname.key), set()).add(
            (mention.given.spelling, mention.surname.spelling))
    people, endings = _join_people(written)

    def person_of(mention: Mention) -> tuple:
        return people[mention.given.key, mention.surname.key]

    families = _UnionFind()
    _join_families(families, person_of, full, [m for m in mentions if m.given is None])
    slots: dict = {}
    owner: dict[Part, tuple] = {}  # a full name's last name and particles -> its person
    for mention in mentions:
        if mention.given is not None:
            person = person_of(mention)
            slots.setdefault(("given", person), []).append(mention.given)
            for index, part in enumerate(mention.middle):  # Recep Tayyip Erdogan, Recep Tayip Erdogan
                slots.setdefault(("middle", person, index, len(mention.middle)), []).append(part)
            family = families.find(("person", person))
            owner[mention.surname] = person
            if mention.particles is not None:
                owner[mention.particles] = person
        else:
            family = families.find(("name", mention.surname.spelling))
        slots.setdefault(("surname", family), []).append(mention.surname)
        if mention.particles is not None:
            slots.setdefault(("particles", family), []).append(mention.particles)

    # The article first: "Asad" in "Bashar Asad" beside "Bashar al-Assad" wants the whole "al-Assad".
    flags = [*article_dropped(full, person_of, weight), *particle_case(full, person_of, weight),
             *initials_punctuation(mentions, weight)]
    for (kind, *_), slot in slots.items():
        if len(slot) > 1:  # a name written once has no other spelling to differ from (most slots)
            flags.extend(_minority(slot, weight, endings, owner, last_name=kind == "surname"))
    return one_per_word(flags)


def _join_people(written: dict[tuple[str, str], set[tuple[str, str]]]) -> tuple[dict, set[frozenset]]:
    """Compare the full names (as keys, each with the spellings that give it) that share a block: the first
    letter of the given name's or of the last name's looser fold. A story names a few dozen people, so
    the blocks stay small. Returns each full name's person (the first of its forms in sort order), and
    the pairs of keys that only another language's endings make one:
    a Latvian or Lithuanian rendering of the whole name (Napoleons Bonaparts, Napoleon Bonaparte), or a
    Latin or Romance first name beside the same last name (Hendrikus Colijn); anywhere else Napoleons
    would be a plural."""
    forms = sorted(written)
    people, endings = _UnionFind(), set()
    for block in _blocks(forms, lambda form: enumerate(form), split=True):
        for i, (given, surname) in enumerate(block):
            for other in block[:i]:
                # Before the general test, which joins a long name to its Latin form as one edit or two
                # (Ferdinand, Ferdinandus) but leaves the ending looking like English derivation.
                if surname == other[1] and is_classical_form(given, other[0]):
                    people.union((given, surname), other)  # Hendrik Colijn, Hendrikus Colijn
                    endings.add(frozenset((given, other[0])))
                elif _same_person(given, surname, *other):
                    people.union((given, surname), other)
                elif _is_baltic_rendering((given, surname), other, written):
                    people.union((given, surname), other)
                    endings |= {frozenset((given, other[0])), frozenset((surname, other[1]))}
    return {form: people.find(form) for form in forms}, endings


def _is_baltic_rendering(form: tuple[str, str], other: tuple[str, str], written: dict) -> bool:
    """Is one full name the other with Latvian or Lithuanian endings on both parts (an English plural never
    takes both), and somewhere more than the ending added to the name as written: a stem respelt
    (Emanuels Makrons, Emmanuel Macron) or a final vowel replaced (Bonaparts, Bonaparte)? An ending
    added to both names unchanged is as often another person: Carlos Santos, Carlo Santo; Andreas
    Peters, Andre Peter."""
    if not (is_baltic_form(form[0], other[0]) and is_baltic_form(form[1], other[1])):
        return False
    return any(not (adds_ending(given, other_given) and adds_ending(surname, other_surname))
               for given, surname in written[form] for other_given, other_surname in written[other])


def _blocks(items: list, keys: Callable, split: bool) -> Iterator[list]:
    """Items grouped by the first letter of a looser fold of each of their keys (`keys(item)` gives
    (slot, key) pairs), so that only names that could be respellings are compared. A block of more than
    MAX_BLOCK (a folder of drafts) is split by the first two letters, or with `split` false left out:
    in a crowd that size only exact keys join."""
    blocks: dict[tuple, list] = {}
    for item in items:
        for slot, key in keys(item):
            for letter in _openings(key):
                blocks.setdefault((slot, letter), []).append(item)
    for (slot, _), entries in blocks.items():
        # An item is entered once per fold opening with the block's letter; MAX_BLOCK counts those entries
        # (the limit was set on that count), but a block holds each item once.
        if len(entries) <= MAX_BLOCK:
            yield list(dict.fromkeys(entries))
        elif split:
            finer: dict[str, dict] = {}
            for item in dict.fromkeys(entries):
                for fold in set(loose(dict(keys(item))[slot])):
                    finer.setdefault(fold[:2], {})[item] = None
            yield from map(list, finer.values())


@lru_cache(maxsize=65536)
def _openings(key: str) -> tuple[str, ...]:
    """The first letter of each of the key's distinct looser folds (a letter twice where two folds share it),
    kept per key: a story names the same people paragraph after paragraph."""
    return tuple(fold[:1] for fold in set(loose(key)))


@lru_cache(maxsize=65536)
def _same_person(given: str, surname: str, other_given: str, other_surname: str) -> bool:
    """Two full names, as skeletons, of one person? Both parts may be respelt; the looser the match of one
    part, the closer the other must be. A shared last name never excuses a different first name (Joe and
    Hunter Biden, Maria and Marie Curie), only one that is the same sound written differently (Chaim, Haim)."""
    given_same, surname_same = given == other_given, surname == other_surname
    if given_same and surname_same:
        return True
    if are_cognates(given, other_given):  # Henri and Henry: one man, if the last names agree too
        # Two forms of one first name vouch for a short last name that only a looser fold joins (Anthony
        # van Dyck, Antonio van Deyk), where a first name spelt alike would not.
        return surname_same or is_respelling(surname, other_surname, ANCHORED) or (
            min(len(surname), len(other_surname)) >= MIN_COGNATE_SURNAME and is_loose_match(surname, other_surname))
    # With the same first name, Clark and Clarke (or Bonapart and Bonaparte) are one person's name.
    if are_variants(given, other_given) and are_variants(surname, other_surname, endings=not given_same):
        return True
    if surname_same:
        shortest = min(len(given), len(other_given))
        return is_loose_match(given, other_given, MIN_LOOSE_GIVEN) or (
            shortest >= LONG_GIVEN and likeness(given, other_given) >= GIVEN_LIKENESS)
    if given_same:
        return is_respelling(surname, other_surname, ANCHORED)
    # Both respelt: one part must still agree closely, so Ronald Reagan and Donald Regan stay two people.
    if given[:1] != other_given[:1] and not is_close(given, other_given):
        return False
    if (is_close(given, other_given) or is_close(surname, other_surname)) and is_respelling(
            given, other_given, BOTH) and is_respelling(surname, other_surname, BOTH):
        return True
    return _sound_alike(given, other_given, surname, other_surname)


def _sound_alike(given: str, other_given: str, surname: str, other_surname: str) -> bool:
    """Both parts respelt by a whole romanisation (Broņislavs Malinovskis for Bronislaw Malinowski): each
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


def _join_families(families: _UnionFind, person_of: Callable[[Mention], tuple], full: list[Mention],
                   short: list[Mention]) -> None:
    """A family is the people and bare last names that share one last name, spelt however. A bare last
    name joins the people it spells exactly; failing that, those whose key it shares or whose name it
    respells (Gonzales after Maria Gonzalez), and other bare names alike. People never join each other
    here: Kal Muller and Salomon Müller may be two men who spell their names two ways."""
    by_spelling: dict[str, set] = {}
    by_letters: dict[str, set] = {}
    people_by_key: dict[str, set] = {}
    for mention in full:
        person = ("person", person_of(mention))
        families.find(person)
        by_spelling.setdefault(mention.surname.spelling, set()).add(person)
        by_letters.setdefault(plain(mention.surname.text), set()).add(person)
        people_by_key.setdefault(mention.surname.key, set()).add(person)
    bare_by_key: dict[str, tuple] = {}
    bare_by_letters: dict[str, tuple] = {}
    hyphenated: set[str] = set()
    for mention in short:
        name, letters = ("name", mention.surname.spelling), plain(mention.surname.text)
        # Spelt alike, or alike but for accents (Couvee, Couvée), however short the name.
        exact = by_spelling.get(mention.surname.spelling) or by_letters.get(letters)
        for person in exact or ():
            families.union(name, person)
        first = bare_by_letters.setdefault(letters, name)
        if first != name:
            families.union(name, first)
        if exact or len(mention.surname.key) < MIN_BARE_LENGTH:
            continue  # "Smith" that names John Smith must not pull in Jane Smyth's "Smyth"
        if "-" in mention.surname.text:
            hyphenated.add(mention.surname.key)  # Asia-Pacific, Anglo-French: compounds, joined only by key
        families.union(name, bare_by_key.setdefault(mention.surname.key, name))
    for key, name in bare_by_key.items():
        for person in people_by_key.get(key, ()):
            families.union(name, person)
    _join_respelt(families, {k: v for k, v in bare_by_key.items() if k not in hyphenated}, people_by_key)


def _join_respelt(families: _UnionFind, bare: dict[str, tuple], people: dict[str, set]) -> None:
    """Join a bare last name to another bare name or to people whose last name it respells, comparing only
    names in one block."""
    for block in _blocks(list(bare.keys() | people.keys()), lambda key: ((0, key),), split=False):
        for i, key in enumerate(block):
            for other in block[:i]:
                if (key in bare or other in bare) and is_respelling(key, other, BARE):
                    name, other_key = (bare[key], other) if key in bare else (bare[other], key)
                    for node in people.get(other_key, ()) or (bare[other_key],):
                        families.union(name, node)


def _minority(parts: list[Part], weight: Callable[[list[Part]], int], endings: set[frozenset],
              owner: dict[Part, tuple], last_name: bool) -> Iterator[Flag]:
    first = parts[0].text
    if all(part.text == first for part in parts):
        return  # most slots: one name written one way every time, so no spelling or case to differ
    by_spelling: dict[str, list[Part]] = {}
    for part in parts:
        by_spelling.setdefault(part.spelling, []).append(part)
    majority = heaviest(by_spelling, weight)
    for uses in _by_person(majority, parts, owner):
        yield from case_minority(uses, weight, lambda part: composed(part.text)[1:])
    if len(by_spelling) < 2:
        return
    uses = tuple(majority)
    for spelt in by_spelling.values():
        if spelt is not majority and _are_related(spelt[0], majority[0], endings, last_name):
            yield from (Flag(part, uses) for part in spelt)


def _by_person(uses: list[Part], slot: list[Part], owner: dict[Part, tuple]) -> Iterator[list[Part]]:
    """`uses` split by the person each names, for comparing case: a family joins everyone whose last name
    folds alike, and Ramsay MacDonald and the historian Flora Macdonald each spell theirs consistently.
    A last name on its own ("MacDonald led Labour") counts only where the slot holds one person."""
    if all(part.text == uses[0].text for part in uses):
        yield uses  # nearly every slot: nothing to split
        return
    people = {owner[part] for part in slot if part in owner}
    if len(people) < 2:
        yield uses
        return
    by_person: dict[tuple, list[Part]] = {}
    for part in uses:
        if part in owner:
            by_person.setdefault(owner[part], []).append(part)
    yield from by_person.values()


def _are_related(part: Part, other: Part, endings: set[frozenset], last_name: bool) -> bool:
    """A last check on two spellings the grouping put together: one word respelt, not inflected (a person
    joined by first name may still be "West German" and "West Germany")? Another language's ending is
    a respelling, though English would read it as a derived word: the `endings` found on whole names
    (Napoleons Bonaparts, Hendrikus Colijn) and a Catalan final vowel for n (Martí, Martín)."""
    a, b = part.key, other.key
    if frozenset((a, b)) in endings or drops_final_n(part.text, other.text):
        return True
    if are_cognates(a, b):
        return True  # Anton and Antonius: the families hold no pair that is two names (Christian, Christiane)
    if is_english_derivation(a, b) and not (last_name and _adds_e(a, b)):
        return False  # but one person's Clark and Clarke (Browne, Bonaparte) is a respelling, not a derivation
    return are_variants(a, b) or is_loose_match(a, b) or likeness(a, b) >= MIN_LIKENESS


def _adds_e(a: str, b: str) -> bool:
    short, long = sorted((a, b), key=len)
    return long == short + "e"


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict = {}

    def find(self, item):
        parent = self.parent.setdefault(item, item)
        if parent != item:
            parent = self.parent[item] = self.find(parent)
        return parent

    def union(self, a, b) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a != root_b:
            self.parent[max(root_a, root_b)] = min(root_a, root_b)
