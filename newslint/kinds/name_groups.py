"""Group name mentions into people, and people and bare last names into families.

Full names ("Dmitry Peskov") are joined when both the given name and the last name are variants of each
other, so "Joe Biden" and "Hunter Biden", or "John Smith" and "Jane Smith", stay two people. A last name
on its own ("Peskov") joins the people it spells exactly, or failing that the people whose folded key it
shares; a looser match would let "Reagan" swallow "Donald Regan". Candidates come from dictionary keys,
never from comparing every name with every other, so a long story or a folder of drafts stays linear.
`name_minority` compares the spellings within each person and family.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import lru_cache

from newslint.kinds.name_endings import adds_baltic_given_ending, is_classical_form
from newslint.kinds.name_keys import consonants, loose, plain
from newslint.kinds.name_parts import ARTICLES, Mention
from newslint.kinds.name_people import LONG_GIVEN, OtherReadings, is_baltic_rendering, is_read_alike, same_person
from newslint.kinds.name_readings import keys_of
from newslint.kinds.name_short_forms import is_short_form
from newslint.kinds.name_spelling import (BARE, are_variants, is_respelling, opens_closed_syllable,
                                          swaps_a_vowel, swaps_arabic_vowel)
from newslint.regexcache import compiled

# A blocking key shared by more names than this is too common to say anything (and would cost n squared).
MAX_BLOCK = 200
# A bare last name this short joins others only when spelt exactly alike: Scot/Scott, Bank/Banc, Life/Liffe.
MIN_BARE_LENGTH = 5
# The Arabic article (`has_article`), before a last name or, capitalised, opening a place's name (El Fasher, Al Qusayr).
# The same first word and the article vouch for a last name too short for any other respelling: Arabic's
# one vowel written o or u, or e or i, in Deir ez-Zor and Deir el-Zour, Ahmed al-Hir and Ahmed al-Her.
MIN_ARABIC_ANCHORED = 3
# Romanisations of Arabic write a stressed consonant doubled or single (Raqqa, Raqa; Mekka, Meka), and
# English never doubles these letters: a short name so written twice is one name, as Scot and Scott are not.
_FOREIGN_DOUBLE = compiled(r"([qkjhwx])\1+")


def join_people(written: dict[tuple[str, str], set[tuple[str, str]]],
                arabic: set[tuple[str, str]]) -> tuple[dict, set[frozenset]]:
    """Compare the full names (as keys, each with the spellings that give it) that share a block: the first
    letter of the given name's or of the last name's looser fold. A story names a few dozen people, so
    the blocks stay small. Names in `arabic` are written with the Arabic article before the last name.
    Returns each full name's person (the first of its forms in sort order), and
    the pairs of keys that only another language's endings make one:
    a Latvian or Lithuanian rendering of the whole name (Emanuels Makrons, Emmanuel Macron), or a Latin
    or Romance first name beside the same last name (Hendrikus Vermeulen); anywhere else Emanuels would
    be a plural."""
    forms = sorted(written)
    read_as = OtherReadings(written)
    people, endings = UnionFind(), set()
    short_forms: dict[tuple[str, str], set[tuple[str, str]]] = {}  # Chris Kern -> Christian Kern, Christopher Kern
    for block in _blocks(forms, lambda form: enumerate(form), split=True):
        for i, form in enumerate(block):
            given, surname = form
            for other in block[:i]:
                # Before the general test, which joins a long name to its Latin form as one edit or two
                # (Ferdinand, Ferdinandus) but leaves the ending looking like English derivation.
                if surname == other[1] and (is_classical_form(given, other[0])
                                            or adds_baltic_given_ending(given, other[0])):
                    people.union((given, surname), other)  # Hendrik Vermeulen, Hendrikus Vermeulen; Ludvigs
                    endings.add(frozenset((given, other[0])))
                elif surname == other[1] and is_short_form(given, other[0]):
                    short, full = (form, other) if len(given) < len(other[0]) else (other, form)
                    short_forms.setdefault(short, set()).add(full)
                elif same_person(given, surname, *other):
                    people.union((given, surname), other)
                elif given == other[0] and form in arabic and other in arabic and swaps_arabic_vowel(
                        surname, other[1], MIN_ARABIC_ANCHORED):
                    people.union(form, other)  # Deir ez-Zor, Deir el-Zour
                elif surname == other[1] and _given_vowel_respelt(written[form], written[other]):
                    people.union(form, other)  # Jehannes Janssonius, Johannes Janssonius
                elif is_baltic_rendering((given, surname), other, written):
                    people.union((given, surname), other)
                    endings |= {frozenset((given, other[0])), frozenset((surname, other[1]))}
                elif (read_as[form] or read_as[other]) and is_read_alike(form, other, read_as):
                    people.union(form, other)  # Viktor Žuk, Viktor Zhuk
    _join_short_forms(people, short_forms)
    return {form: people.find(form) for form in forms}, endings


def _given_vowel_respelt(spellings: set[tuple[str, str]], other_spellings: set[tuple[str, str]]) -> bool:
    """Beside the same last name, is a long first name the other with one vowel mistyped inside it, in the
    letters as written (`swaps_a_vowel`)? The key can take the two further apart than the slip does: it reads
    the J of Jehannes as the Y of Yevgeny, whose opening ye it drops, but not the J of Johannes. Not the last
    letter, which makes a sister's or a brother's name (Adriana, Adriano)."""
    return any(swaps_a_vowel(plain(given), plain(other), LONG_GIVEN) for given, _ in spellings
               for other, _ in other_spellings)


def _join_short_forms(people: UnionFind, short_forms: dict[tuple[str, str], set[tuple[str, str]]]) -> None:
    """Join each short form or nickname to the one person whose first name it stands for beside the same last
    name (Chris Kern, Christopher Kern). Where it could stand for two (a Christian Kern and a Christopher Kern,
    brothers), it joins neither: joined to both, it would make the brothers one man, and report one's name as
    a misspelling of the other's."""
    for short, fulls in short_forms.items():
        if len({people.find(full) for full in fulls}) == 1:
            people.union(short, next(iter(fulls)))


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
        if len(entries) == 1:
            continue  # one item, nothing to compare it with: most blocks of a story
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


def join_families(families: UnionFind, person_of: Callable[[Mention], tuple], full: list[Mention],
                  short: list[Mention]) -> None:
    """A family is the people and bare last names that share one last name, spelt however. A bare last
    name joins the people it spells exactly; failing that, those whose key it shares or whose name it
    respells (Gonzales after Maria Gonzalez), and other bare names alike. People never join each other
    here: Karl Muller and Kurt Müller may be two men who spell their names two ways."""
    by_spelling: dict[str, set] = {}
    by_letters: dict[str, set] = {}
    people_by_key: dict[str, set] = {}
    for mention in full:
        person = ("person", person_of(mention))
        families.find(person)
        surname = mention.surname
        by_spelling.setdefault(surname.spelling, set()).add(person)
        by_letters.setdefault(_letters(surname.text), set()).add(person)
        for reading in keys_of(surname.spelling, surname.key):  # Šoigu is read Shoigu too
            people_by_key.setdefault(reading, set()).add(person)
    bare_by_key: dict[str, tuple] = {}
    bare_by_letters: dict[str, tuple] = {}
    hyphenated: set[str] = set()
    compounds: dict[str, tuple[str, tuple]] = {}  # a compound's consonants -> the first key and name with them
    arabic = {key for mention in full if has_article(mention)
              for key in keys_of(mention.surname.spelling, mention.surname.key)}
    for mention in _distinct_bare(short):
        name, letters = ("name", mention.surname.spelling), _letters(mention.surname.text)
        # Spelt alike, or alike but for accents (Couvee, Couvée) or a doubled q or k (Raqqa, Raqa), however
        # short the name.
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
            # or by their vowels alone, as Urdu and Arabic names are romanised (Lashkar-e-Taiba, Lashkar-e-Toiba);
            # a changed consonant is another compound (Franco-Prussian, Franco-Russian).
            first_key, first_name = compounds.setdefault(consonants(mention.surname.key), (mention.surname.key, name))
            if are_variants(mention.surname.key, first_key):
                families.union(name, first_name)
            continue
        for key in keys_of(mention.surname.spelling, mention.surname.key):
            families.union(name, bare_by_key.setdefault(key, name))
            if has_article(mention):
                arabic.add(key)
    for key, name in bare_by_key.items():
        for person in people_by_key.get(key, ()):
            families.union(name, person)
    _join_respelt(families, {k: v for k, v in bare_by_key.items() if k not in hyphenated}, people_by_key, arabic)
    _join_after_initials(families, short)


def _join_after_initials(families: UnionFind, short: list[Mention]) -> None:
    """Join last names written after the same initials that are one edit or their vowels apart (`are_variants`:
    C.G. Laretto, C.G. Loretto; A.J. Stennett, A.J. Stannett): the initials vouch for the name, where a bare
    name one letter off is as often another (Colombia, Columbia). Not the looser tests a first name allows:
    initials are a country's too, and "U.K. Current" and "U.K. Currency" are two words."""
    # By the initials and the key's first letter, which `are_variants` asks to be the same: wire copy writes
    # "U.S." before a dozen words a story.
    by_initials: dict[tuple[str, str], dict[str, str]] = {}
    for mention in short:
        if mention.initials is not None:
            surname = mention.surname
            by_initials.setdefault((mention.initials.key, surname.key[:1]), {})[surname.spelling] = surname.key
    for keys in by_initials.values():
        if len(keys) > 1:  # most: one name after the initials with that letter
            spellings = sorted(keys)
            for i, spelling in enumerate(spellings):
                for other in spellings[:i]:
                    if are_variants(keys[spelling], keys[other]):
                        families.union(("name", spelling), ("name", other))


def _distinct_bare(short: list[Mention]) -> list[Mention]:
    """One bare last name per way of writing it (with its particles), in the order first written. A story
    repeats its bare names paragraph after paragraph ("Tokyo", "Nakasone"), and how a bare name joins
    depends on its words as written alone (not its place), so a repeat would join nothing the first did not
    (and the union-find roots, the least node, stay the same whatever the order of the joins)."""
    return list({(m.surname.text, m.particles and m.particles.spelling): m for m in short}.values())


def has_article(mention: Mention) -> bool:
    """Is the last name written after the Arabic article, as a particle or as a capitalised first word?"""
    if mention.particles is not None:  # al-, el-, and the article assimilated to a sun letter (ez-Zor), keyed al
        return mention.particles.key in ARTICLES
    return mention.given is not None and not mention.middle and mention.given.key in ARTICLES


@lru_cache(maxsize=65536)
def _letters(name: str) -> str:
    """A name's letters without accents, and with a letter English never doubles written once. Cached: asked
    of every mention's last name, and a story names the same people paragraph after paragraph."""
    letters = plain(name)
    return _FOREIGN_DOUBLE.sub(r"\1", letters) if _FOREIGN_DOUBLE.search(letters) else letters


def _join_respelt(families: UnionFind, bare: dict[str, tuple], people: dict[str, set], arabic: set[str]) -> None:
    """Join a bare last name to another bare name or to people whose last name it respells, comparing only
    names in one block. Two names that both follow the Arabic article (`arabic`) may differ by a vowel
    Arabic does not tell apart."""
    keys = bare.keys() | people.keys()
    for block in _blocks(list(keys), lambda key: ((0, key),), split=False):
        for i, key in enumerate(block):
            for other in block[:i]:
                if (key in bare or other in bare) and (is_respelling(key, other, BARE) or (
                        key in arabic and other in arabic and swaps_arabic_vowel(key, other))):
                    _join_bare(families, bare, people, key, other)
    # A name opening with an e meets the same name opening with an i, though they are in two blocks: Arabic,
    # Kurdish and Persian romanisations write that first vowel either way (Erbil, Irbil: `swaps_e_and_i`).
    # A five-letter name so written is a place's, on its own both times: a bare name that meets a person's
    # last name so is one of the English and German pairs (Erwin beside golfer Hale Irwin; Ervin, Irvin).
    for key in keys:
        other = "i" + key[1:]
        if key[:1] == "e" and other in keys and (key in bare or other in bare) and is_respelling(key, other, BARE) and (
                key in bare and other in bare or not opens_closed_syllable(key)):
            _join_bare(families, bare, people, key, other)


def _join_bare(families: UnionFind, bare: dict[str, tuple], people: dict[str, set], key: str, other: str) -> None:
    """Join the bare name of one of two keys to the people, or failing them the bare name, of the other."""
    name, other_key = (bare[key], other) if key in bare else (bare[other], key)
    for node in people.get(other_key, ()) or (bare[other_key],):
        families.union(name, node)


class UnionFind:
    """Sets of joined items, each named by its least item, so a group's name does not depend on the order of
    the joins."""

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
