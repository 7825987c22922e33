"""Name forms that differ in how a name is put together rather than in its letters: the case of inner
capitals and particles (PayPal, Paypal; De Niro, de Niro), a double first or last name with or without its
hyphen, a double last name cut to its last half (Berglund-Hoffmann, Hoffmann), a particle joined to the last
name with or without one (Ben-Gvir, Ben Gvir), a name in one word or two (Danang, Da Nang; DeVos, De Vos),
an Arabic article kept or dropped (Bashar al-Assad, Bashar Assad), and initials with and without their
stops or spaces (J.K. Rowling, J. K. Rowling)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from newslint.kinds.name_keys import skeleton
from newslint.kinds.name_parts import ARTICLES, ELIDED, Mention, Part, as_typed, new_part
from newslint.records import record

# How much a spelling's uses weigh: anything max() compares (a count; in a story, counts in order).
Weight = Callable[[list[Part]], object]


@record
class Flag:
    """A minority spelling: `part` as written, and the uses of the form most of the copy uses (the first is
    the one a message names; across files, their files are the drafts that use the majority form)."""

    part: Part
    uses: tuple[Part, ...]

    @property
    def majority(self) -> Part:
        return self.uses[0]


def heaviest(forms: dict, weight: Weight) -> list[Part]:
    """The uses of the form `weight` scores highest among `forms` (form -> its uses, in document order).
    max() keeps the first of equals: on a tie the form used first stands and the later one is reported."""
    return max(forms.values(), key=weight)


def minority_flags(forms: dict, weight: Weight) -> Iterator[Flag]:
    """Every use of every form but the heaviest of `forms` (form -> its uses, in document order)."""
    majority = heaviest(forms, weight)
    uses = tuple(majority)
    for parts in forms.values():
        if parts is not majority:
            yield from (Flag(part, uses) for part in parts)


def one_per_word(flags: list[Flag]) -> list[Flag]:
    """The first flag on each word: a word can be misspelt and lose its article, or be written in another
    case by two tests. Words end apart, and a part with its article ends where its last name does."""
    seen, kept = set(), []
    for flag in flags:
        word = (flag.part.where[:1], flag.part.end)  # across files, offsets repeat from file to file
        if word not in seen:
            seen.add(word)
            kept.append(flag)
    return kept


def particle_case(full: list[Mention], person: Callable[[Mention], tuple], weight: Weight) -> Iterator[Flag]:
    """One person's particle written in two cases inside full names (Robert De Niro, Robert de Niro):
    the fewer are reported. (A headline's capitals never count: there a word the story also writes in
    lower case is no name word at all.)"""
    forms: dict = {}
    for mention in full:
        if mention.particles is not None:
            # An elided particle is compared with its name, spelt alike: "D'" is one letter, which says nothing
            # of case alone. (A part's spelling is its particle's, or with its name, the name's.)
            part = _with_particles(mention) if mention.joiner == ELIDED else mention.particles
            forms.setdefault((person(mention), mention.particles.spelling, part.spelling), []).append(part)
    for uses in forms.values():
        yield from case_minority(uses, weight, lambda part: as_typed(part.text))


def case_minority(parts: list[Part], weight: Weight, form: Callable[[Part], str]) -> Iterator[Flag]:
    """The uses of one spelling written in fewer cases (McIlroy, Mcilroy; De Niro, de Niro), by `form`.
    A word all in capitals is a headline's or a shout's, and says nothing."""
    if all(form(part) == form(parts[0]) for part in parts):
        return  # nearly every slot: one form (a test cheaper than the grouping below)
    by_case: dict[str, list[Part]] = {}
    for part in parts:
        if not part.text.isupper():
            by_case.setdefault(form(part), []).append(part)
    if len(by_case) > 1:
        yield from minority_flags(by_case, weight)


def initials_punctuation(mentions: list[Mention], weight: Weight) -> Iterator[Flag]:
    """One name's initials written two ways (J.K. Rowling, J. K. Rowling; George W. Bush, George W Bush): the
    fewer are reported. A name is its initials' letters with its first and last names as spelt, so only
    initials that differ in stops and spaces are compared, never J. Smith with K. Smith."""
    forms: dict = {}
    for mention in mentions:
        if mention.initials is not None:
            name = (mention.initials.key, mention.given and mention.given.spelling, mention.surname.spelling)
            forms.setdefault(name, {}).setdefault(mention.initials.spelling, []).append(mention.initials)
    for by_spelling in forms.values():
        if len(by_spelling) > 1:
            yield from minority_flags(by_spelling, weight)


def hyphenated_names(mentions: list[Mention]) -> list[Mention]:
    """Where a story writes a double first or last name with a hyphen ("Jean-Baptiste Kone", "Iain
    Duncan-Smith"), its mentions that write it with a space ("Jean Baptiste Kone", "Iain Duncan Smith",
    "Mr Duncan Smith") get the two words as one name, so the two forms are one spelling question, not a
    first, middle and last name. Only the same two words are joined: "Rio Tinto-Zinc" joins nothing but
    "Rio Tinto Zinc"."""
    hyphenated = {(m.given.key, m.surname.key) for m in mentions if m.given is not None and "-" in m.given.text}
    hyphenated |= _fused_given_names(mentions)
    double_surnames = {m.surname.key for m in mentions if "-" in m.surname.text}
    if hyphenated:
        mentions = [_hyphenated_given(mention, hyphenated) for mention in mentions]
    if double_surnames:
        mentions = [_hyphenated_surname(mention, double_surnames) for mention in mentions]
    return mentions


def _fused_given_names(mentions: list[Mention]) -> set[tuple[str, str]]:
    """The double first names a story writes as one word (Abdelaziz Bouteflika) and elsewhere as two (Abdel
    Aziz Bouteflika), as `hyphenated_names` finds them: as the keys of the one-word first name and the last
    name. Arabic compounds with Abd (servant of), Abu or Nur are romanised both ways; only the same letters
    before the same last name are one name, so Abdel Aziz Hakim is not Abdelaziz Rantissi."""
    one_word = {(m.given.key, m.surname.key) for m in mentions if m.given is not None and not m.middle}
    surnames = {surname for _, surname in one_word}
    # The two words are joined only before a last name some one-word first name stands before: most stories'
    # middle names never are, and joining every one would cost more than the rest of this test.
    return {(key, m.surname.key) for m in mentions if m.middle and m.given is not None and m.surname.key in surnames
            and (key := _joined_key(m.given, m.middle[0]), m.surname.key) in one_word}


def spaced_particles(mentions: list[Mention]) -> list[Mention]:
    """Where a story fuses a particle to a last name with a hyphen ("Itamar Ben-Gvir", "Bashar al-Assad"),
    its mentions that write the same particle as a word of its own before that name ("Ben Gvir", "Sheikh
    Tamim Al Thani" beside "Al-Thani") get it as their particle, not as a first or middle name, so the two
    forms are one question for `particle_joiner`."""
    fused = {(m.particles.spelling, m.surname.key) for m in mentions if m.particles is not None and m.joiner == "-"}
    return [_spaced_particle(mention, fused) for mention in mentions] if fused else mentions


def _spaced_particle(mention: Mention, fused: set) -> Mention:
    if mention.given is None or mention.particles is not None:
        return mention
    word = mention.middle[-1] if mention.middle else mention.given
    if (word.spelling, mention.surname.key) not in fused:
        return mention
    if mention.middle:
        return mention.replace(particles=word, middle=mention.middle[:-1])
    return mention.replace(particles=word, given=None)


def particle_joiner(mentions: list[Mention], weight: Weight) -> Iterator[Flag]:
    """One particle joined to one last name with a hyphen and with a space (al-Assad, al Assad; Ben-Gvir,
    Ben Gvir): the fewer are reported, with the particle and the last name as one part."""
    forms: dict = {}
    for mention in mentions:
        if mention.particles is not None:
            name = (mention.particles.spelling, mention.surname.spelling)
            forms.setdefault(name, {}).setdefault(mention.joiner, []).append(_with_particles(mention))
    for by_joiner in forms.values():
        if len(by_joiner) > 1:
            yield from minority_flags(by_joiner, weight)


def split_words(mentions: list[Mention], weight: Weight,
                firms: Callable[[], frozenset[Part]] = frozenset) -> Iterator[Flag]:
    """A name written as one word and as two (Danang, Da Nang; Pricewaterhouse, Price Waterhouse; Aung San
    Suukyi, Aung San Suu Kyi), or with its particle as a word of its own and fused to it (Pieter ter Horst,
    Pieter Terhorst; Betsy De Vos, Betsy DeVos): the fewer are reported. Only the same letters, case aside,
    and only the last two words of a name (or its particles and last name), after the same words: "Le Pen"
    is compared with "Lepen" only in a story that writes both. A name cut where a firm's name runs on past
    "and" (`firms()`: "Hongkong" in "Hongkong and Shanghai Banking Corp") is compared only with others so
    cut: the firm keeps the spelling it was registered with, and the city is Hong Kong."""
    if not _may_split(mentions):
        return  # nearly every story
    both = set(map(_one_word, mentions)).intersection(map(_two_words, mentions)) - {None}
    if not both:
        return  # nearly every story
    forms: dict = {}
    firms = firms()  # asked only here: nearly every story stops above
    for mention in mentions:
        firm = mention.surname in firms
        if (spelling := _one_word(mention)) in both:
            forms.setdefault((firm, spelling), {}).setdefault("one word", []).append(mention.surname)
        elif (spelling := _two_words(mention)) in both:
            if mention.particles is not None:
                part = _with_particles(mention).replace(spelling=spelling[-1])
            else:
                part = _joined(_before_last(mention), mention.surname).replace(spelling=spelling[-1])
            forms.setdefault((firm, spelling), {}).setdefault("two words", []).append(part)
    for by_form in forms.values():
        yield from minority_flags(by_form, weight)


def _may_split(mentions: list[Mention]) -> bool:
    """Does some name's last word (its last part in `_one_word`) read as another name's last two words
    joined (the last part in `_two_words`)? The forms `split_words` compares can be equal only then, and
    this test makes no tuple of every name's words twice over, as comparing the forms does."""
    last_words = {m.surname.spelling for m in mentions if not (m.particles or m.initials)}
    return any(_fused(m) in last_words for m in mentions if not m.initials and (
        m.particles is not None and m.joiner in _SPLIT_JOINERS or m.particles is None and m.given is not None))


# What joins a particle that may be written fused to the name, or the name written apart: a space (De Vos,
# DeVos) or, after an elided particle, nothing but its apostrophe (D'Ercole, Dercole; d'Aubrac, DAubrac).
_SPLIT_JOINERS = (" ", ELIDED)


def _fused(mention: Mention) -> str:
    """The last two words of a name, or its particles and last name, written as one word."""
    if mention.particles is not None:
        return mention.particles.spelling.replace(" ", "").replace("'", "") + mention.surname.spelling
    return _before_last(mention).spelling + mention.surname.spelling


def _before_last(mention: Mention) -> Part:
    """The word before the last name: the last middle name, or the first name (Suu in Aung San Suu Kyi)."""
    return mention.middle[-1] if mention.middle else mention.given


def _one_word(mention: Mention) -> tuple[str, ...] | None:
    if mention.particles or mention.initials:
        return None
    return tuple(part.spelling for part in (mention.given, *mention.middle, mention.surname) if part is not None)


def _two_words(mention: Mention) -> tuple[str, ...] | None:
    """A name's words with its last two joined, or its spaced particles joined to its last name; None where
    there is nothing to join, or the particle is fused by a hyphen (al-Assad is `particle_joiner`'s)."""
    if mention.initials or (mention.particles is not None and mention.joiner not in _SPLIT_JOINERS):
        return None
    if mention.particles is not None:
        before = tuple(part.spelling for part in (mention.given, *mention.middle) if part is not None)
        return (*before, _fused(mention))
    if mention.given is None:
        return None
    *before, first, last = (part.spelling for part in (mention.given, *mention.middle, mention.surname))
    return (*before, first + last)


def married_name_dropped(full: list[Mention], weight: Weight) -> Iterator[Flag]:
    """One person's double last name written whole and as its last half beside the same first name (Anna
    Berglund-Hoffmann, Anna Hoffmann; Rebecca Long-Bailey, Rebecca Bailey): the fewer are reported. A
    hyphen says both words are the last name, so dropping one misnames the person, as dropping a middle
    name does not. Only the last half: a firm or a fixture is shortened to its first (Rio Tinto-Zinc, Rio
    Tinto; Manchester United-Arsenal), and only capitalised halves (a World Cup-winning side). Only beside
    a first name spelt alike: Jane Carter-Smith is not John Smith."""
    doubles: dict[tuple[str, str], set[str]] = {}
    for mention in full:
        first, _, last = mention.surname.text.rpartition("-")
        if first and first[:1].isupper() and last[:1].isupper():
            doubles.setdefault((mention.given.key, skeleton(last)), set()).add(mention.surname.key)
    if not doubles:
        return  # nearly every story: no double last name
    forms: dict = {}
    for mention in full:
        if "-" in mention.surname.text:
            continue  # a whole name, though its key may be its half's (S-Series and Series fold alike)
        for double in doubles.get((mention.given.key, mention.surname.key), ()):
            forms.setdefault((mention.given.key, double), {}).setdefault("half", []).append(mention.surname)
    for mention in full:
        if (mention.given.key, mention.surname.key) in forms:
            forms[mention.given.key, mention.surname.key].setdefault("whole", []).append(mention.surname)
    for by_form in forms.values():
        if len(by_form) > 1:
            yield from minority_flags(by_form, weight)


def _hyphenated_given(mention: Mention, hyphenated: set) -> Mention:
    if mention.given is None or not mention.middle:
        return mention
    if (_joined_key(mention.given, mention.middle[0]), mention.surname.key) not in hyphenated:
        return mention  # nearly every name: the key alone tells, without making the joined part
    return mention.replace(given=_joined(mention.given, mention.middle[0]), middle=mention.middle[1:])


def _hyphenated_surname(mention: Mention, double_surnames: set) -> Mention:
    if mention.given is None or mention.particles is not None:
        return mention
    first = mention.middle[-1] if mention.middle else mention.given
    if _joined_key(first, mention.surname) not in double_surnames:
        return mention
    joined = _joined(first, mention.surname)
    if mention.middle:
        return mention.replace(surname=joined, middle=mention.middle[:-1])
    return mention.replace(surname=joined, given=None)


def _joined(first: Part, second: Part) -> Part:
    """Two neighbouring words of a name read as one part, as written with a space between them."""
    return new_part(_joined_text(first, second), first.start, second.end).replace(where=_spanned(first, second))


def _joined_key(first: Part, second: Part) -> str:
    """The key `_joined` would give the two words, without making the part."""
    return skeleton(_joined_text(first, second))


def _joined_text(first: Part, second: Part) -> str:
    return f"{first.text} {second.text}"




def article_dropped(full: list[Mention], person: Callable[[Mention], tuple], weight: Weight) -> Iterator[Flag]:
    """Full names of one person written with the article and without it: the fewer are reported (on a tie,
    the later form), with the article and the last name as one part."""
    if not any(mention.particles is not None and mention.particles.key in ARTICLES for mention in full):
        return  # most stories: no name with an article, so none written both ways
    forms: dict = {}
    for mention in full:
        has_article = mention.particles is not None and mention.particles.key in ARTICLES
        part = _with_particles(mention) if has_article else mention.surname
        forms.setdefault(person(mention), {}).setdefault(has_article, []).append(part)
    for by_form in forms.values():
        yield from minority_flags(by_form, weight)


def _with_particles(mention: Mention) -> Part:
    """The particles and the last name as one part, as written: "al-Assad", "el Sisi", "Ben Gvir"."""
    article, surname = mention.particles, mention.surname
    return Part(f"{article.text}{mention.joiner}{surname.text}", article.start, surname.end,
                surname.spelling, surname.key, _spanned(article, surname))


def _spanned(first: Part, last: Part) -> tuple:
    """The cross-file place of two parts read as one, from the start of `first` to the end of `last`."""
    return (*first.where[:3], *last.where[3:]) if first.where else ()
