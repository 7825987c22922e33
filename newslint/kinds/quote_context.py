"""Who a quotation's neighbours say is speaking: the last speaker of the paragraph before it, and whether the
sentence holding it opens on an unnamed group."""

from __future__ import annotations

from newslint.regexcache import compiled

_WORD = compiled(r"[\w'\u2019.-]*\w")
# Words between a speaker and their verb that are neither: "Hale also said", "the minister later told".
_BETWEEN = frozenset("also later then again earlier previously further however too".split())
# What may stand between an inverted verb and its speaker: "said the minister", "said a spokesman".
_ARTICLES = frozenset("the a an".split())
# How many words of a sentence may come before its subject: "Some harbour critics want ...", "But many ...".
_SUBJECT_WORDS = 3


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
