"""Group name mentions into people and find the parts spelt more than one way.

Full names ("Dmitry Peskov") are joined when both the given name and the last name are variants of each
other, so "Joe Biden" and "Hunter Biden", or "John Smith" and "Jane Smith", stay two people. A last name
on its own ("Peskov") joins the people it spells exactly, or failing that the people whose folded key it
shares; a looser match would let "Reagan" swallow "Donald Regan". Candidates come from dictionary keys,
never from comparing every name with every other, so a long story or a folder of drafts stays linear.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from newslint.kinds.name_mentions import Mention, Part
from newslint.kinds.name_spelling import are_variants, blocking_keys

# A blocking key shared by more names than this is too common to say anything (and would cost n squared).
MAX_BLOCK = 200
# A bare last name this short joins others only when spelt exactly alike: Scot/Scott, Bank/Banc, Life/Liffe.
MIN_BARE_LENGTH = 5


@dataclass(frozen=True)
class Flag:
    """A minority spelling: `part` as written, and the first use of the spelling most of the copy uses."""

    part: Part
    majority: Part


def occurrences(parts: list[Part]) -> int:
    return len(parts)


def inconsistencies(mentions: list[Mention], weight: Callable[[list[Part]], int] = occurrences) -> list[Flag]:
    """Minority spellings among `mentions` (in document order). `weight` scores a spelling from its uses:
    by default how often it occurs; across files, in how many files."""
    people = _UnionFind()
    full = [m for m in mentions if m.given is not None]
    _join_people(people, {(m.given.key, m.surname.key) for m in full})
    families = _UnionFind()
    _join_families(families, people, full, [m for m in mentions if m.given is None])
    surnames: dict = {}
    given: dict = {}
    particles: dict = {}
    for mention in mentions:
        if mention.given is not None:
            person = people.find((mention.given.key, mention.surname.key))
            given.setdefault(person, []).append(mention.given)
            family = families.find(("person", person))
        else:
            family = families.find(("name", mention.surname.spelling))
        surnames.setdefault(family, []).append(mention.surname)
        if mention.particles is not None:
            particles.setdefault(family, []).append(mention.particles)
    flags = []
    for slot in (*surnames.values(), *given.values(), *particles.values()):
        flags.extend(_minority(slot, weight))
    return flags


def _join_people(people: _UnionFind, forms: set[tuple[str, str]]) -> None:
    blocks: dict[str, list[tuple[str, str]]] = {}
    for form in sorted(forms):
        people.find(form)
        for key in blocking_keys(form[1]):
            blocks.setdefault(key, []).append(form)
    for block in blocks.values():
        if len(block) > MAX_BLOCK:
            continue
        for i, (given, surname) in enumerate(block):
            for other in block[:i]:
                if _same_person(given, surname, *other):
                    people.union((given, surname), other)


@lru_cache(maxsize=65536)
def _same_person(given: str, surname: str, other_given: str, other_surname: str) -> bool:
    # With the same first name, Clark and Clarke (or Bonapart and Bonaparte) are one person's name.
    return are_variants(given, other_given) and are_variants(surname, other_surname, endings=given != other_given)


def _join_families(families: _UnionFind, people: _UnionFind, full: list[Mention], short: list[Mention]) -> None:
    """A family is the people and bare last names that share one last name, spelt however."""
    by_spelling: dict[str, set] = {}
    by_key: dict[str, set] = {}
    for mention in full:
        person = ("person", people.find((mention.given.key, mention.surname.key)))
        families.find(person)
        by_spelling.setdefault(mention.surname.spelling, set()).add(person)
        by_key.setdefault(mention.surname.key, set()).add(person)
    bare_by_key: dict[str, str] = {}
    for mention in short:
        name, exact = ("name", mention.surname.spelling), by_spelling.get(mention.surname.spelling)
        for person in exact or ():
            families.union(name, person)
        if exact or len(mention.surname.key) < MIN_BARE_LENGTH:
            continue  # "Smith" that names John Smith must not pull in Jane Smyth's "Smyth"
        for person in by_key.get(mention.surname.key, ()):
            families.union(name, person)
        families.union(name, ("name", bare_by_key.setdefault(mention.surname.key, mention.surname.spelling)))


def _minority(parts: list[Part], weight: Callable[[list[Part]], int]) -> Iterator[Flag]:
    by_spelling: dict[str, list[Part]] = {}
    for part in parts:
        by_spelling.setdefault(part.spelling, []).append(part)
    if len(by_spelling) < 2:
        return
    # max() keeps the first of equals, so on a tie the spelling used first stands and the later one is reported.
    majority = max(by_spelling.values(), key=weight)
    for uses in by_spelling.values():
        if uses is not majority and are_variants(uses[0].key, majority[0].key):
            yield from (Flag(part, majority[0]) for part in uses)


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
