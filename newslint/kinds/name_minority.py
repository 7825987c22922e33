"""A name's minority spellings: within one person or one family, the spelling written less often.

`name_groups` says which full names are one person and which last names one family; here each one's first,
middle and last names are compared, and the spelling fewer uses write is reported only where it is the same
name respelt, not another word or a sister's name (`_are_related`). `name_forms` adds the names put together
another way (case, hyphens, articles, initials).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator

from newslint.kinds.name_endings import is_classical_form, is_english_derivation
from newslint.kinds.name_forms import (Flag, Weight, article_dropped, case_minority, heaviest, hyphenated_names,
                                       initials_punctuation, married_name_dropped, one_per_word, particle_case,
                                       particle_joiner, spaced_particles, split_words)
from newslint.kinds.name_given import are_cognates
from newslint.kinds.name_groups import UnionFind, has_article, join_families, join_people
from newslint.kinds.name_parts import Mention, Part, as_typed
from newslint.kinds.name_readings import keys_of, read_alike
from newslint.kinds.name_short_forms import is_short_form
from newslint.kinds.name_spelling import are_variants, drops_final_n, is_loose_match, likeness

# Below this, two spellings in one group are two words, however the group was formed.
MIN_LIKENESS = 0.6


def inconsistencies(mentions: list[Mention], weight: Weight | None = None,
                    firms: Callable[[], frozenset[Part]] = frozenset) -> list[Flag]:
    """Minority spellings among `mentions` (in document order). `weight` scores a spelling from its uses:
    by default as one story uses it (`story_weight`); across files, by the files that use it. `firms` gives,
    when first asked, the last words a firm's name runs on from past "and" (`name_mentions.firm_words`)."""
    mentions = spaced_particles(hyphenated_names(mentions))
    weight = weight or story_weight(mentions)
    full = [m for m in mentions if m.given is not None]
    written: dict[tuple[str, str], set[tuple[str, str]]] = {}
    for mention in full:
        given, surname = mention.given, mention.surname
        written.setdefault((given.key, surname.key), set()).add((given.spelling, surname.spelling))
    arabic = {(m.given.key, m.surname.key) for m in full if has_article(m)}
    people, endings = join_people(written, arabic)

    def person_of(mention: Mention) -> tuple:
        return people[mention.given.key, mention.surname.key]

    families = UnionFind()
    join_families(families, person_of, full, [m for m in mentions if m.given is None])
    slots: dict = {}
    owner: dict[Part, tuple] = {}  # a full name's last name and particles -> its person
    for mention in mentions:
        surname, given, particles = mention.surname, mention.given, mention.particles
        if given is not None:
            person = people[given.key, surname.key]
            slots.setdefault(("given", person), []).append(given)
            for index, part in enumerate(mention.middle):  # Recep Tayyip Erdogan, Recep Tayip Erdogan
                slots.setdefault(("middle", person, index, len(mention.middle)), []).append(part)
            family = families.find(("person", person))
            owner[surname] = person
            if particles is not None:
                owner[particles] = person
        else:
            family = families.find(("name", surname.spelling))
        slots.setdefault(("surname", family), []).append(surname)
        if particles is not None:
            slots.setdefault(("particles", family), []).append(particles)

    # The article first: "Asad" in "Bashar Asad" beside "Bashar al-Assad" wants the whole "al-Assad".
    flags = [*article_dropped(full, person_of, weight), *particle_case(full, person_of, weight),
             *particle_joiner(mentions, weight), *split_words(mentions, weight, firms),
             *initials_punctuation(mentions, weight), *married_name_dropped(full, weight)]
    for (kind, *_), slot in slots.items():
        if len(slot) > 1:  # a name written once has no other spelling to differ from (most slots)
            flags.extend(_minority(slot, weight, endings, owner, last_name=kind == "surname"))
    return one_per_word(flags)


def story_weight(mentions: list[Mention]) -> Weight:
    """A spelling's weight in one story: how often the story writes it in any name, then in the compared
    names alone. One "Califoirnia" and one "Northern California" are not a tie when "the California Water
    Board" is in the story too: the typo is the spelling to report. Counted when first asked: most
    stories write every name one way and never ask."""
    uses: Counter | None = None

    def weight(parts: list[Part]) -> tuple[int, int]:
        nonlocal uses
        if uses is None:
            uses = Counter(part.spelling for mention in mentions for part in mention.parts)
        return uses[parts[0].spelling], len(parts)

    return weight

def _minority(parts: list[Part], weight: Weight, endings: set[frozenset],
              owner: dict[Part, tuple], last_name: bool) -> Iterator[Flag]:
    first = parts[0].text
    if all(part.text == first for part in parts):
        return  # most slots: one name written one way every time, so no spelling or case to differ
    by_spelling: dict[str, list[Part]] = {}
    for part in parts:
        by_spelling.setdefault(part.spelling, []).append(part)
    majority = heaviest(by_spelling, weight)
    for uses in _by_person(majority, parts, owner):
        yield from case_minority(uses, weight, lambda part: as_typed(part.text)[1:])
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
    (Emanuels Makrons, Hendrikus Vermeulen) and a Catalan final vowel for n (Martí, Martín)."""
    a, b = part.key, other.key
    if not last_name and is_short_form(a, b):
        return True  # Tom and Thomas; Misha and Mikhail, whose a makes no woman's name
    if not last_name and _is_feminine_form(part.spelling, other.spelling):
        return False
    if frozenset((a, b)) in endings or drops_final_n(part.text, other.text):
        return True
    if read_alike(part.spelling, a, other.spelling, b):
        return True  # Žuk and Zhuk: one name once the haček is read as English writes it
    if are_cognates(a, b):
        # Anton and Antonius: the families hold no pair that is two names (Christian, Christiane)
        return True
    if not last_name and _reads_as_classical_form(part, other):
        return True  # Martí, read Martin, and Martino: an ending, though English would derive a word so
    if is_english_derivation(a, b) and not (last_name and _adds_e(a, b)) and not _writes_final_i_as_ie(a, b):
        return False  # but one person's Clark and Clarke (Browne, Lowe) is a respelling, not a derivation
    if are_variants(a, b) or is_loose_match(a, b) or likeness(a, b) >= MIN_LIKENESS:
        return True
    # Leyen and Layen, one letter apart once the y between vowels is read as the i it sounds (`readings`)
    return any(are_variants(x, y) for x in keys_of(part.spelling, a) for y in keys_of(other.spelling, b))


def _reads_as_classical_form(part: Part, other: Part) -> bool:
    """Is one first name, as written or as another language reads it, the other's with a Latin -us or a
    Romance -o (`is_classical_form`)? A Catalan first name is read with the n it leaves off, and the
    endings go on that n as they go on any name: Martí, Martin, Martino; Sebastià, Sebastiano."""
    return any(is_classical_form(mine, theirs) for mine in keys_of(part.spelling, part.key, given=True)
               for theirs in keys_of(other.spelling, other.key, given=True))


# Beside one last name, a first name ending in a and one ending in a consonant or an o are a sister and a
# brother, or a wife and a husband, far more often than one person respelt: Adriana and Adrien, Marica and
# Marco, Paula and Paulo, and the Italian -i of Giovanni and Giovanna. An h is left out, as the Arabic and
# Persian -ah and -eh spell a final a (Fatimah).
_MASCULINE_END = frozenset("bcdfgijklmnpqrstvwxzo")


def _is_feminine_form(a: str, b: str) -> bool:
    ends = {a[-1:], b[-1:]}
    return "a" in ends and not ends.isdisjoint(_MASCULINE_END)


def _adds_e(a: str, b: str) -> bool:
    short, long = sorted((a, b), key=len)
    return long == short + "e"


# English makes no word by adding an e to a final i; a name so written spells the same closing vowel as -ie
# (Natali, Natalie). Only from five letters: Mari and Marie are as often two women.
MIN_FINAL_IE = 5


def _writes_final_i_as_ie(a: str, b: str) -> bool:
    short = min(a, b, key=len)
    return _adds_e(a, b) and len(short) >= MIN_FINAL_IE and short.endswith("i")


