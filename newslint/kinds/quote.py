"""Flag direct quotations whose paragraph never says who is speaking."""

from __future__ import annotations

from collections.abc import Iterator

from newslint.finding import Hit
from newslint.kinds.base import Kind
from newslint.kinds.quote_context import last_speaker_is_named, opening_surname_end, opens_on_group
from newslint.patterns import phrase_alternation
from newslint.regexcache import compiled
from newslint.phrasewords import phrase_starts
from newslint.quotations import OPENING_DOUBLE
from newslint.wordscan import matches, words_for

_WORD = compiled(r"[\w'\u2019-]+")
_MARKS = compiled("[\"\u201c\u201d]")
_SMALL_WORDS = frozenset("a an and the of in on at to for from by with or but nor as is it".split())
_SENTENCE_ENDS = ("", ".", "!", "?")  # "" for the paragraph's start


class Quote(Kind):
    """Flag quotations with no speaker in the paragraph.

    Fields: speech_verbs (required; regexes, whole words: "said", "according to"), min_words (default 4:
    shorter quoted words are scare quotes or names), max_title_share (default 0.7: a quotation whose
    words are mostly capitalised is a title, "Songs From The Big Chair"), speech_markers (regexes, case
    as written; when given, a quotation is flagged only if one matches it, marks included: a phrase in
    quotation marks is a term or a title, a sentence with "I" or "we" in it is somebody speaking),
    speakers (regexes, case as written: a person named before a quotation in its paragraph, "Mr Dean
    is confident: ..." or "Jamie hopes ... "It's all about my back"", who is taken to be its speaker),
    not_speakers (words that name no one: a `speakers` match whose capitalised words are all in the list,
    "in March", "On Monday", "Last May", is not a speaker), places_after (lower-case words after which a
    capitalised word is a place or a thing, not a speaker: "in Leeds", "at City Hall"), vague_speakers
    (lower-case words that name no one as a speech verb's subject: "critics said", "said analysts", "they
    said"), skip_paragraphs (regexes: a paragraph whose text outside quotation marks matches one is in the
    first person, a memoir or a reader's comment, whose quotations are its author's own or ones the author
    has just introduced: "My advice is "..."", "the best singer I've ever worked with. "He ...").
    A quotation is also attributed when a colon introduces it ("AS offers one viewpoint: "..."") and
    when it opens a paragraph that follows one naming a speaker (the news convention for a quote that
    runs on: `"...," Halloran said.` then `"We will be back next season."`) or ending on a sentence about a
    person ("On recycling, Okafor is close to a preacher." then `"I sorted my first bin at six ..."`); the
    paragraph's later quotations are then taken as that speaker's too (it has no speech verb, or it would
    not get this far). A quotation inside a sentence of the writer's (`Another aim was to prevent "..."`)
    is attributed when the last speech verb of the paragraph before has a speaker not in `vague_speakers`
    ("Lindqvist said one aim was ..."): the sentence goes on with that speaker's reported speech. Not when
    the sentence opens on one of those words ("Critics called it "..."", a new and unnamed source), nor
    after "critics said": the quotation could be any critic's.
    A paragraph opening on a surname the story used earlier at the end of a full name ("said Tom Hale" then
    "Hale took a darker view. "...") names its speaker there; not a month or a day (`not_speakers`), nor a
    word in `vague_speakers` or one before it ("Bank staff").
    """

    unit = "paragraph"
    fields = frozenset({"speech_verbs", "min_words", "max_title_share", "speech_markers", "speakers", "not_speakers",
                        "places_after", "vague_speakers", "skip_paragraphs"})
    placeholders = frozenset()

    def __init__(self, rule) -> None:
        super().__init__(rule)
        self.speech = _Phrases(rule, "speech_verbs")
        self.min_words = int(rule.number("min_words", 4, 1, 100))
        self.max_title_share = rule.number("max_title_share", 0.7, 0.0, 1.0)
        self.markers = rule.alternation("speech_markers", ignore_case=False)
        self.speakers = rule.alternation("speakers", ignore_case=False)
        self.not_speakers = frozenset(rule.strings("not_speakers"))
        self.places_after = frozenset(rule.strings("places_after"))
        self.vague_speakers = frozenset(word.lower() for word in rule.strings("vague_speakers"))
        self.skip_paragraphs = rule.alternation("skip_paragraphs")

    def check(self, paragraph) -> Iterator[Hit]:
        quotes = paragraph.quotes
        if not quotes or self._continues_quote(paragraph):
            return
        outside = paragraph.unquoted
        # The paragraph's word index serves its text outside quotations too: blanking a quotation, from its
        # opening mark to its closing one, leaves every word outside it whole and where it was.
        if self.speech.found_in(outside, paragraph.word_index):
            return  # a speaker anywhere in the paragraph covers every quotation in it
        # Each found once, so a paragraph of thousands of quotation marks stays linear.
        first_word = _WORD.search(outside)
        opening = first_word.start() if first_word else len(outside)
        offsets = [start - paragraph.start for start, _ in quotes]
        if offsets[0] <= opening and self._previous_names_speaker(paragraph):
            return  # it opens with the speaker named just before still talking; the paragraph is taken as theirs
        speaker = self._speaker(outside)
        if speaker is not None:
            named_by = speaker.end()
        else:
            surname_end = opening_surname_end(paragraph, outside, self.not_speakers, self.vague_speakers)
            named_by = surname_end if surname_end is not None else len(outside) + 1
        speaker_before = None  # does the paragraph before end on a named speaker? Worked out once, if asked
        for (start, end), offset, mark_before in zip(quotes, offsets, _marks_before(outside, offsets)):
            if mark_before == ":":
                continue  # "The mayor put it plainly: ...": the colon hands over to a speaker
            if named_by <= offset:
                continue  # the person the paragraph is about, named before they speak
            if mark_before not in _SENTENCE_ENDS:
                if speaker_before is None:
                    speaker_before = self._previous_speaker_is_named(paragraph)
                if speaker_before and not opens_on_group(paragraph.sentence_at(start).unquoted, self.vague_speakers):
                    continue  # "Lindqvist said one aim was ..." then "Another was to stop "...": her words go on
            quoted = paragraph.document.text[start:end]
            words = _WORD.findall(quoted)
            if len(words) < self.min_words or self._is_title(words):
                continue
            if self.markers is None or self.markers.search(quoted):
                if self._is_first_person(paragraph):
                    return  # the paragraph's author speaks, or names whom they quote in their own voice
                # One finding a paragraph: who is speaking is one question, however many quotations it has.
                yield Hit(start, min(end, start + _first_words_length(paragraph.document.text, start, 6)))
                return

    def _speaker(self, outside: str):
        """The first person named in the paragraph's words outside its quotations, or None. A month or a day,
        with a capitalised word opening the sentence ("On Monday", "Last May"), is no one; "Theresa May" is
        someone."""
        position = 0
        while self.speakers and (match := self.speakers.search(outside, position)):
            if not self._names_no_one(outside, match):
                return match
            # Look again inside it: "On Monday" must not swallow the "Monday Hale" of "On Monday Hale refused".
            position = match.start() + 1
        return None

    def _names_no_one(self, text: str, match) -> bool:
        """Is a `speakers` match in `text` only days and months ("On Monday", "on Sundays") or a place ("in
        Leeds")? "He" has no capital and names the speaker all the same."""
        capitalised = [word for word in _WORD.findall(match.group()) if word[:1].isupper()]
        if not capitalised:
            return False
        if all(word in self.not_speakers for word in capitalised):
            return True
        first = match.start() + match.group().index(capitalised[0])
        before = _WORD.findall(text[max(0, first - 20):first])
        return bool(before) and before[-1] in self.places_after

    def _is_title(self, words: list[str]) -> bool:
        content = [w for w in words if w.lower() not in _SMALL_WORDS] or words
        return sum(w[:1].isupper() for w in content) / len(content) > self.max_title_share

    def _previous_names_speaker(self, paragraph, depth: int = 3) -> bool:
        """Does the paragraph before name a speaker, end on a sentence about a person who then speaks ("On
        recycling, Okafor is close to a preacher." then `"I sorted my first bin at six ..."`), or open with a
        quotation that itself runs on from one named before it (a long quotation over several paragraphs)?"""
        previous = paragraph.document.paragraph_before(paragraph)
        if previous is None:
            return False
        if self.speech.found_in(previous.text, previous.word_index) or previous.text.rstrip().endswith(":"):
            return True
        if not previous.is_heading and self._speaker(previous.sentences[-1].unquoted):
            return True  # a headline's capitals name no speaker
        return depth > 1 and previous.text.lstrip()[:1] in OPENING_DOUBLE and self._previous_names_speaker(previous, depth - 1)

    def _is_first_person(self, paragraph) -> bool:
        return self.skip_paragraphs is not None and paragraph.voice_matches(self.skip_paragraphs)

    def _previous_speaker_is_named(self, paragraph) -> bool:
        previous = paragraph.document.paragraph_before(paragraph)
        if previous is None or previous.is_heading:
            return False
        return last_speaker_is_named(previous.unquoted, self.speech.whole, self.vague_speakers)

    @staticmethod
    def _continues_quote(paragraph) -> bool:
        """News style leaves a quote open at a paragraph's end when the next paragraph continues it; the
        speaker was named in the first one."""
        if paragraph.text.lstrip()[:1] not in OPENING_DOUBLE:
            return False
        earlier = paragraph.document.paragraph_before(paragraph)
        if earlier is None:
            return False
        previous = earlier.text.rstrip()
        if previous.endswith(":"):
            return True  # "Ruiz said:" introduces the quotation that follows
        # A quotation still open at the end of the previous paragraph: an odd number of quotation marks,
        # and no closing one at its end.
        return len(_MARKS.findall(previous)) % 2 == 1 and previous[-1:] not in "\"\u201d"


class _Phrases:
    """Does any of a rule's phrases (whole words) stand in a text? Asked of every paragraph with a quotation,
    so not by searching it character by character: the phrases whose first words `wordscan` can read are
    tried only where one of those words stands, and the others ("[A-Z]\\w+:", a name and a colon) by their
    own alternation, only when those find nothing. A newsroom's own rules search the whole alternation."""

    def __init__(self, rule, key: str) -> None:
        self.whole = rule.regex_from_list(key)  # checks each phrase, so an error names the one at fault
        phrases = [phrase for phrase in rule.strings(key) if phrase.strip()]  # as the alternation leaves out blanks
        read, rest = [], []
        for phrase in phrases:
            (rest if phrase_starts(phrase) is None else read).append(phrase)
        self.scanned = rule.regex(key, phrase_alternation(read)) if read else None
        self.words = words_for(self.scanned, read) if read else None
        self.rest = rule.regex(key, phrase_alternation(rest)) if rest else None

    def found_in(self, text: str, index) -> bool:
        """`index`: a `wordindex.WordIndex` listing at least every word of `text`, where it stands."""
        if self.words is None:
            return self.whole.search(text) is not None
        if matches(self.scanned, text, self.words, index):
            return True
        return self.rest is not None and self.rest.search(text) is not None


def _marks_before(text: str, offsets: list[int]) -> Iterator[str]:
    """For each of the ascending `offsets`, the last character before it that is not white space ("" if
    none), reading `text` once."""
    last, position = "", 0
    for offset in offsets:
        before = text[position:offset].rstrip()
        last, position = before[-1] if before else last, offset
        yield last


def _first_words_length(text: str, start: int, count: int) -> int:
    """Length of the quotation's opening words: enough to find it, short enough to read in a report."""
    matches = list(_WORD.finditer(text, start, start + 200))[:count]
    return matches[-1].end() - start if matches else 1
