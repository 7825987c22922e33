"""Who a quotation's neighbours say is speaking: the last speaker of the paragraph before it, a surname its
paragraph opens on, and whether the sentence holding it opens on an unnamed group."""

from __future__ import annotations

from newslint.regexcache import compiled

_WORD = compiled(r"[\w'\u2019.-]*\w")
# Words between a speaker and their verb that are neither: "Hale also said", "the minister later told".
_BETWEEN = frozenset("also later then again earlier previously further however too".split())
# What may stand between an inverted verb and its speaker: "said the minister", "said a spokesman".
_ARTICLES = frozenset("the a an".split())
# How many words of a sentence may come before its subject: "Some harbour critics want ...", "But many ...".
_SUBJECT_WORDS = 3
# A run of capitalised words ("Chairman Tom Hale", "Anthony J.F. Hale", "Mr. Ruiz") and its last word, the
# surname a story uses alone after the first mention. A word ending in a stop is an initial or a title, so
# "... in Tasmania. They" is no name.
_NAME_RUN = compiled(r"(?:(?:[A-Z]\.)+|(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Prof)\.|[A-Z][\w'\u2019-]*)"
                     r"(?:[ \t]+(?:(?:[A-Z]\.)+|[A-Z][\w'\u2019-]*))*[ \t]+([A-Z][a-z][\w'\u2019-]*)")
# A paragraph opening on one capitalised word and a lower-case one: "Hale took that view a step further."
_OPENING_WORD = compiled(r"\W*([A-Z][a-z][\w'\u2019-]*)\s+([a-z][\w'\u2019-]*)")


def last_speaker_is_named(text: str, speech, vague: frozenset[str]) -> bool:
    """Does the last speech verb of `text` (a paragraph outside its quotations) have a speaker who is not one of
    the `vague` words ("critics said", "said analysts")? "Ruiz said", "he said", "said the company" name
    someone the reader can follow into the next paragraph; False when no verb stands in `text` at all."""
    last = None
    for last in speech.finditer(text):
        pass
    if last is None:
        return False
    subject = _subject_before(text, last.start()) or _speaker_after(text, last.end())
    return subject is not None and subject.lower() not in vague


def opens_on_group(sentence: str, vague: frozenset[str]) -> bool:
    """Does `sentence` open, within its first few words, on an unnamed group ("Opponents called it ...", "But
    many residents want ...")? Its quotation is then the group's, not the last named speaker's."""
    words = _WORD.findall(sentence[:80])[:_SUBJECT_WORDS]
    return any(word.lower() in vague for word in words)


def opening_surname_end(paragraph, outside: str, exclude: frozenset[str], vague: frozenset[str]) -> int | None:
    """Where the surname that opens `paragraph` ends in `outside` (its text outside quotations), or None: a
    capitalised word before a lower-case one ("Hale took that view ..."), which the story used earlier as the
    last word of a full name ("said Tom Hale, a trader"). Not a word in `exclude` (months, days) nor in
    `vague`, nor one before a `vague` word: "Bank officials" are a group, whichever bank it is."""
    match = _OPENING_WORD.match(outside)
    if match is None:
        return None
    word, after = match.groups()
    if word in exclude or word.lower() in vague or after in vague:
        return None
    first_use = _surnames(paragraph.document).get(word)
    return match.end(1) if first_use is not None and first_use < paragraph.start else None


def _surnames(document) -> dict[str, int]:
    """Each last word of a run of capitalised words in `document`, with where it first ends one; worked out once
    a document, so a story of thousands of quotations is read once."""
    memo = document.__dict__.get("_quote_surnames")
    if memo is None:
        memo = {}
        for match in _NAME_RUN.finditer(document.text):
            memo.setdefault(match.group(1), match.start(1))
        document.__dict__["_quote_surnames"] = memo
    return memo


def _subject_before(text: str, start: int) -> str | None:
    """The word right before a speech verb, past "also" and words in -ly ("Hale also said", "he quickly
    added"): its subject in "Hale said", or None when punctuation stands there (", said Hale" is inverted)."""
    position = start
    while True:
        before = text[:position].rstrip()
        if not before[-1:].isalnum():
            return None  # nothing before, or a comma or stop: the speaker comes after the verb
        word = _WORD.findall(before[-40:])
        if not word:
            return None
        if word[-1].lower() in _BETWEEN or word[-1].endswith("ly"):
            position = len(before) - len(word[-1])
            continue
        return word[-1]


def _speaker_after(text: str, end: int) -> str | None:
    """The first word after an inverted speech verb, past an article: "said Hale", "said the company"."""
    for word in _WORD.findall(text[end:end + 60]):
        if word.lower() not in _ARTICLES:
            return word
    return None
