"""First-word scanning: the cue alternation is tried only at words a phrase can start with, and finds
exactly what a full scan finds."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint import kinds
from newslint.document import Document
from newslint.patterns import phrase_alternation
from newslint.ruleset import builtin_rule_files, load_rules
from newslint.phrasewords import first_words, phrase_need_words, phrase_needs
from newslint.wordindex import WordIndex, words_of
from newslint.wordscan import FirstOf, _holds, could_match, first_start_before, matches, phrase_scanner


@pytest.mark.parametrize("phrase, words", [
    (r"may(?:\s+(?:well|also))?\s+have", {"may"}),  # an optional group after the first word
    ("some|many", {"some", "many"}),  # a branch
    (r"appears?\s+to", {"appear", "appears"}),  # an optional letter
    (r"(?:(?:some|many)\s+(?:\w+\s+)?)?(?:critics|experts)", {"some", "many", "critics", "experts"}),
    (r"well[\s-]known", {"well"}),  # punctuation in a class ends the word
    (r"rumou?red", {"rumored", "rumoured"}),
    ("It is", {"it"}),  # lower-cased; a space ends the word
    (r"(?:a\s+|one\s+)?(?:\w+\s+)?officials?", {"a", "one", "official", "officials",
                                                     "+official", "+officials"}),  # or any word first
])
def test_first_words(phrase, words):
    assert first_words([phrase]) == words


@pytest.mark.parametrize("phrase", [
    r"criticiz\w*",  # the first word runs on unboundedly
    r"(?:\w+\s+){0,2}officials",  # any two words first
    r"[$\u00a3]?\d+",  # starts with punctuation or a digit class
    r"[a-z]+ing",
    r"(?<=x)may",  # lookaround
    "caf\u00e9",  # case folding beyond ASCII is the regex's business
])
def test_first_words_falls_back(phrase):
    assert first_words([phrase]) is None


def test_one_unbounded_phrase_makes_the_whole_list_fall_back():
    assert first_words(["some", r"\w+ly"]) is None


PHRASES = [r"may(?:\s+well)?\s+have", "some|many", r"appears?\s+to", "many others", r"(?:some\s+)?critics",
           "might", r"(?:\w+\s+)?sources?\s+said"]
TEXTS = [
    "Some critics may well have said many others appear to disagree, and it appears to be so.",
    "Dismay: somewhat many-sided; o'some critics'  SOME   CRITICS   might  mightily appears-to appearsto.",
    "\u212aelvin \u017fome critics may\nhave caf\u00e9 some",  # Kelvin sign, long s: tried by the regex
    "",
    "many many many",
    "Two senior sources said so; one source said, the source  said, x-source said \u017fources said.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_matches_are_exactly_finditers(text):
    pattern = re.compile(phrase_alternation(PHRASES), re.IGNORECASE)
    found = first_words(PHRASES)
    assert found is not None and "+sources" in found
    words = frozenset(w for w in found if w[0] != "+"), frozenset(w[1:] for w in found if w[0] == "+")
    expected = [m.span() for m in pattern.finditer(text)]
    assert [m.span() for m in matches(pattern, text, words, WordIndex(text))] == expected
    assert [m.span() for m in matches(pattern, text, None, WordIndex(text))] == expected
    # A stretch of a longer text, as a sentence uses its paragraph's index.
    padded = "Before it. " + text + " After."
    part = WordIndex(padded).part(11, len(text))
    assert [m.span() for m in matches(pattern, text, words, part)] == expected
    # Each phrase's own pattern, tried in the alternation's order, stands in for the alternation.
    each = FirstOf(PHRASES, [re.compile(phrase_alternation([phrase]), re.IGNORECASE) for phrase in PHRASES])
    assert [m.span() for m in matches(each, text, words, WordIndex(text))] == expected
    assert [m.span() for m in matches(each, text, words, part)] == expected


def test_equal_length_phrases_keep_the_rule_s_order_in_the_alternation_and_in_first_of():
    # "colou?r" and "colour?" match different lengths of "colour"; which wins must not depend on the
    # process's hash seed, and FirstOf must pick the same one as the alternation.
    phrases = ["colou?r", "colour?", "grey", "gray"]
    assert "colou?r|colour?|grey|gray" in phrase_alternation(phrases)
    text = "the colour guard"
    pattern = re.compile(phrase_alternation(phrases), re.IGNORECASE)
    each = FirstOf(phrases, [re.compile(phrase_alternation([phrase]), re.IGNORECASE) for phrase in phrases])
    assert each.match(text, 4).span() == pattern.search(text).span() == (4, 10)


def test_a_space_is_any_white_space_but_one_in_a_lookbehind_and_itself_in_a_class():
    # A house rule's "(?<!chief )executive" must compile (a lookbehind is of fixed width), and "[ ,]" is a
    # space or a comma, not "any white space, a plus or a comma".
    pattern = re.compile(phrase_alternation(["(?<!chief )executive", "tax[ ,]cut", "spending  review"]), re.IGNORECASE)
    text = "The executive met the chief executive, the chief\nexecutive, a tax cut, a tax+cut and a spending\nreview."
    assert [m.group() for m in pattern.finditer(text)] == ["executive", "tax cut", "spending\nreview"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab _-'1\u00e9.\n", max_size=40), st.sampled_from(["a", "ab", "b", "a1", "_"]))
def test_positions_are_where_the_word_stands_whole(text, word):
    # "a" is written inside "ab", "ba", "a_", "\u00e9a" and "a1", and stands whole only beside none of them.
    whole = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)")
    assert WordIndex(text).positions(word) == [m.start() for m in whole.finditer(text)]


QUOTED = """Critics of the plan, which the council said "would cost 300 jobs", met on Monday.

"We will fight this all the way," according to Tom Hale. "We said so," he told reporters.

The band played "Songs From The Big Chair" and Mr Dean replied: "Never again," saying "no"

Ruiz: "I was there." The "according" "to" plan. So "said"aid said_ "unsaid" it goes.

Prices rose, according "in" to figures, and "fell" back."""


def test_a_speech_verb_is_found_where_the_whole_alternation_finds_one():
    # The quotation kind looks for speech verbs by their first words, in the paragraph's index even when
    # its quotations are blanked, and for the name-and-colon form by its own pattern.
    rule = next(rule for rule in load_rules(builtin_rule_files()) if rule.id == "attribution.unattributed-quote")
    speech = kinds.create(rule).speech
    assert speech.words is not None and speech.rest is not None
    for paragraph in Document("story.txt", QUOTED).paragraphs:
        for text in (paragraph.text, paragraph.unquoted, paragraph.unquoted.replace("Ruiz:", "ruiz:")):
            expected = speech.whole.search(text) is not None
            assert speech.found_in(text, paragraph.word_index) == expected, text


@pytest.mark.parametrize("phrase, needs", [
    (r"the\s+(?:(?:second|third)\s+)?most\s+likely", [{"the"}, {"most"}, {"likely"}]),
    (r"it\s+is\s+(?:possible|likely)", [{"it"}, {"is"}, {"possible", "likely"}]),
    (r"appears?\s+to", [{"appear"}, {"to"}]),  # the optional letter ends the run
    ("the Ukraine", [{"the"}, {"ukraine"}]),  # a space matches any white space, so it is no part of a need
    (r"(?:(?:some|many)\s+)?critics", [{"critics"}]),  # nothing optional is needed
    (r"(?:a|one)\s+(?:\w+\s+){0,2}sources?", [{"a", "one"}, {"source"}]),
    (r"caf\u00e9|[a-z]+ing", [{"caf", "ing"}]),  # a letter beyond ASCII or a class ends a run
    (r"(?:some\s+)?\w+", []),  # nothing certain
])
def test_phrase_needs(phrase, needs):
    assert list(phrase_needs(phrase)) == needs


@pytest.mark.parametrize("phrase, split", [
    (r"(?:(?:some|many)\s+)?critics", [({"critics"}, set())]),  # a word of its own, whichever way it opens
    (r"(?:concerns|doubts)\s+ha(?:d|s|ve)\s+been", [({"concerns", "doubts"}, set()), (set(), {"ha"}),
                                                     (set(), {"d", "s", "ve"}), ({"been"}, set())]),
    (r"critici[sz]ed", [(set(), {"critici"}), (set(), {"ed"})]),  # the rest of the word may be any letter
    (r"appears?\s+to", [(set(), {"appear"}), ({"to"}, set())]),
    (r"foo(?:bar)?", [(set(), {"foo"})]), (r"(?:ab)+\s+cd", [(set(), {"ab"}), ({"cd"}, set())]),
    ("well-known", [({"well"}, set()), ({"known"}, set())]), ("co_op", [(set(), {"co"}), (set(), {"op"})]),
    (r"(?<!chief )executive", [({"executive"}, set())]),
])
def test_phrase_need_words_tell_whole_words_from_pieces(phrase, split):
    assert [(set(words), set(pieces)) for words, pieces in phrase_need_words(phrase)] == split


def test_a_need_met_only_inside_a_longer_word_rules_a_phrase_out():
    each = FirstOf([r"some\s+critics"], [re.compile(phrase_alternation([r"some\s+critics"]), re.IGNORECASE)])
    scan = (each, (frozenset({"some"}), frozenset()))
    assert not could_match(scan, WordIndex("Some hypercritics were there."))
    assert could_match(scan, WordIndex("Some critics were there."))


def test_a_rule_is_not_tried_where_its_first_words_stand_without_the_rest_of_a_phrase():
    phrases = [r"the\s+most\s+likely", r"(?:will|could)\s+likely"]
    alternation = re.compile(phrase_alternation(phrases), re.IGNORECASE)
    each = (re.compile(phrase_alternation([phrase]), re.IGNORECASE) for phrase in phrases)
    scan = phrase_scanner(_Shipped(alternation), phrases, each)
    assert isinstance(scan[0], FirstOf)
    assert not could_match(scan, WordIndex("The council will vote on the most popular plan."))
    assert could_match(scan, WordIndex("The council will vote on the LIKELY plan."))
    # A word beyond ASCII may spell a phrase's word in other letters: "li\u212aely" is "likely" to the regex.
    text = "The council will li\u212aely vote."
    assert could_match(scan, WordIndex(text))
    assert [m.group() for m in matches(scan[0], text, scan[1], WordIndex(text))] == ["will li\u212aely"]


class _Shipped:
    """A compiled pattern marked as a shipped rule's, as `words_for` asks."""

    shipped = True

    def __init__(self, pattern) -> None:
        self.pattern = pattern

    def __getattr__(self, name):
        return getattr(self.pattern, name)


@pytest.mark.parametrize("text", [
    "The council will vote on the most popular plan.",  # "the" and "will" stand, "likely" does not
    "The council will likely vote; it is the most likely plan.",
    "It is possible. It is. Some say so; some critics say otherwise, and a source said no.",
    "Critics hypercritical of the likelihood appear to agree.",  # needs met only inside longer words
])
def test_a_first_word_s_gate_rules_out_only_words_whose_phrases_cannot_match(text):
    # The gate is a shortcut: `live` must give exactly the words whose phrases' needs the text meets.
    phrases = [r"the\s+most\s+likely", r"(?:will|could)\s+likely", r"it\s+is\s+(?:possible|likely)",
               r"(?:some|many)\s+critics", r"appears?\s+to", r"(?:a|one)\s+(?:\w+\s+)?sources?\s+said", "some"]
    each = FirstOf(phrases, [re.compile(phrase_alternation([phrase]), re.IGNORECASE) for phrase in phrases])
    direct = frozenset(word for word in first_words(phrases) if word[0] != "+")
    index = WordIndex(text)
    expected = {word for word in direct & index.words
                if any(_holds(phrase.needs, index.lower, index.words) for phrase in each._starting(word))}
    assert each.live(direct, index) == expected
    assert expected or text.startswith("The council will vote")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0x17f), max_size=60))
def test_words_of_are_the_regex_s_words(text):
    # ASCII text is split by a byte table, the rest by the regex: both must give what `\w+` finds.
    assert words_of(text) == re.findall(r"\w+", text)
    assert words_of(text.lower()) == re.findall(r"\w+", text.lower())


def test_shipped_rules_live_words_are_those_whose_phrases_needs_a_paragraph_meets():
    # `FirstOf.live` rules paragraphs out by shortcuts (the gates, the keys); for every shipped phrase list
    # and every paragraph of the fixture stories it must give what asking each phrase's needs gives.
    from conftest import FIXTURES

    scans = []
    for rule in load_rules(builtin_rule_files()):
        kind = kinds.create(rule)
        scans += [scan for scan in (getattr(kind, "scan", None), (getattr(kind, "stack", None) or (0, None))[1])
                  if scan is not None and isinstance(scan[0], FirstOf)]
    assert len(scans) >= 5
    paragraphs = [p for story in sorted((FIXTURES / "articles").glob("*.txt"))
                  for p in Document.read(str(story)).paragraphs if p.text.isascii()]
    ruled_out = 0
    for each, (direct, _) in scans:
        for paragraph in paragraphs:
            index = paragraph.word_index
            expected = {word for word in direct & index.words
                        if any(_holds(phrase.needs, index.lower, index.words) for phrase in each._starting(word))}
            assert each.live(direct, index) == expected, (paragraph.text, expected)
            ruled_out += not expected
    assert ruled_out > 100


REPORTED = """The harbour board said on Monday the new berth may open in spring, though dredging could slip.

Fees will probably rise. Dock-said costs, unsaid fears and a so-called "told" figure may also weigh.

Officials, according to the minutes, may have known. The study found that rents will likely rise, it seems.

Few expect that the ferry might return; traders felt the rally could fade.

Harbour staff \u017faid the quay may close, a long s that case-insensitive matching reads as an s."""


def test_a_sentence_is_searched_for_reported_speech_wherever_the_search_could_find_it():
    # `first_start_before` lets the cue kind search the text before a cue for reported speech only from the
    # first of the list's first words standing there, and skip the search where none stands; for every shipped
    # list, at every word start of every sentence of the fixture stories and of the text above, the shorter
    # search must find what the whole one finds, and a skipped search must be one that finds nothing.
    from conftest import FIXTURES

    kinds_with_lists = [kind for kind in map(kinds.create, load_rules(builtin_rule_files()))
                        if getattr(kind, "reported_words", None) is not None]
    assert len(kinds_with_lists) >= 4
    stories = [Document("story.txt", REPORTED)] + [Document.read(str(story))
                                                   for story in sorted((FIXTURES / "articles").glob("*.txt"))]
    sentences = [s.seen for story in stories for p in story.paragraphs for s in p.sentences]
    skipped = shortened = 0
    for kind in kinds_with_lists:
        for sentence in sentences:
            for word in re.finditer(r"(?<![\w'-])\w", sentence.text):
                whole = kind.reported.search(sentence.text, 0, word.start())
                first = first_start_before(kind.reported_words, sentence.word_index, word.start())
                if first is None:
                    assert whole is None, (sentence.text, word.start())
                    skipped += 1
                else:
                    found = kind.reported.search(sentence.text, first, word.start())
                    assert (found and found.span()) == (whole and whole.span()), (sentence.text, word.start())
                    shortened += first > 0
    assert skipped > 100 and shortened > 100
