"""Names spelt two ways without anyone declaring either: within a story, or across a folder of drafts."""

from __future__ import annotations

from collections.abc import Iterator

from newslint.finding import Hit
from newslint.kinds.base import CrossHit, Kind
from newslint.kinds.name_forms import Flag
from newslint.kinds.name_mentions import find_mentions, firm_words
from newslint.kinds.name_minority import inconsistencies
from newslint.kinds.name_parts import Mention, composed
from newslint.kinds.name_short_forms import is_short_form
from newslint.suppression import directives


class NameVariants(Kind):
    """One name, two spellings: report the spelling the story writes less often, counting its uses in every
    name ("the California Water Board" counts for "California"), and on a tie the later one.

    Fields: scope (`file`: within each story, the default; `corpus`: across every file of the run, where a
    spelling's weight is the number of files using it, and only files that never use the majority form
    are reported), exceptions (spellings never reported, e.g. two real people whose names fold together).
    """

    unit = "document"
    fields = frozenset({"scope", "exceptions"})
    placeholders = frozenset({"majority", "first_line", "first_use", "drafts"})

    def __init__(self, rule) -> None:
        super().__init__(rule)
        self.scope = self.read_scope()
        self.exceptions = {name.casefold() for name in rule.strings("exceptions")}
        self.house: list[Kind] = []  # the spelling rules this run enforces: see `alongside`

    def alongside(self, kinds: list[Kind]) -> None:
        """The desk's declared spellings (the `substitution` rules selected beside this one) settle a name:
        a word one of them flags is theirs to report, and a spelling one asks for where it flags a variant
        is never the odd one out. So "Zelensky" twice and "Zelenskyy" once, under a house style of
        Zelenskyy, is reported on the two "Zelensky", with one piece of advice, not also on "Zelenskyy"."""
        self.house = [kind for kind in kinds if kind.rule.kind == "substitution"]

    def check(self, document) -> Iterator[Hit]:
        if self.scope != "file":
            return
        mentions = find_mentions(document)
        flags = inconsistencies(mentions, firms=lambda: firm_words(document, mentions))
        if flags and self.house:  # most stories have no flag, and need not be read for house spellings
            settled = HouseStyle(self.house, document)
            flags = [flag for flag in flags if not settled.covers(flag.part.start, flag.part.end)
                     and flag.part.spelling not in settled.asked_for]
        if flags:
            flags = [flag for flag in flags if not _speakers_choice(flag, document)]
        # A message value, not the hit's place: the majority spelling's first use in any name of the story
        # ("the California Water Board" before the "Northern California" compared).
        first_use = _first_uses(mentions) if flags else {}
        for flag in flags:
            if flag.part.spelling not in self.exceptions:
                first = min(first_use.get(flag.majority.text, flag.majority.start), flag.majority.start)
                first_line = document.position(first)[0]
                values = {"majority": composed(flag.majority.text), "first_line": first_line, "first_use": first_line,
                          "drafts": 1}
                yield Hit(flag.part.start, flag.part.end, values)

    # Across files ----------------------------------------------------------------------------------

    def summarize(self, document) -> dict | None:
        if self.scope != "corpus":
            return None
        mentions = find_mentions(document)
        settled = HouseStyle(self.house, document)
        located = [_located(document, mention) for mention in mentions]
        # The words a house rule flags here, by place, and the spellings it asks for: theirs, across the run.
        flagged = {placed_part.where for mention, placed in zip(mentions, located) for part, placed_part
                   in zip(mention.parts, placed.parts) if settled.covers(part.start, part.end)}
        firms = firm_words(document, mentions)
        return {"mentions": located, "flagged": flagged, "asked_for": settled.asked_for,
                "firms": frozenset(placed.surname for mention, placed in zip(mentions, located) if mention.surname in firms)}

    def finish(self, summaries) -> Iterator[CrossHit]:
        summaries = [summary for _, summary in summaries if summary]
        mentions = [mention for summary in summaries for mention in summary["mentions"]]
        flagged = set().union(*(summary["flagged"] for summary in summaries))
        asked_for = set().union(*(summary["asked_for"] for summary in summaries))
        firms = frozenset().union(*(summary["firms"] for summary in summaries))
        reported = set()
        for flag in inconsistencies(mentions, weight=_files, firms=lambda: firms):
            path = flag.part.where[0]
            # The files using the majority form are those of its uses, compared as the flag compares them:
            # case as written (PayPal, Paypal), the article kept or dropped, or the spelling.
            files = {part.where[0] for part in flag.uses}
            if flag.part.spelling in self.exceptions or path in files:
                continue  # a file that uses both forms is the within-file rule's business
            if flag.part.where in flagged or flag.part.spelling in asked_for:
                continue  # the house style's call
            if (path, flag.part.spelling) not in reported:
                reported.add((path, flag.part.spelling))
                majority_path, majority_line = flag.majority.where[:2]
                values = {"majority": composed(flag.majority.text), "first_line": majority_line,
                          "first_use": f"{majority_path}:{majority_line}", "drafts": len(files)}
                yield CrossHit(*flag.part.where, flag.part.text, values)


def _first_uses(mentions: list[Mention]) -> dict[str, int]:
    """Where the story first writes each name word, exactly so: "WorldCom" is not where "Worldcom" is
    (mentions come in document order)."""
    first: dict[str, int] = {}
    for mention in mentions:
        for part in mention.parts:
            first.setdefault(part.text, part.start)
    return first


def _speakers_choice(flag: Flag, document) -> bool:
    """Is the flag a short form or nickname against its full name (Bill, William) where one side is only a
    speaker's word? "Bill Webster will bring ...", said the President: the desk does not change a quotation,
    so only the copy's own Bill beside its own William is queried. A spelling (Zelensky, Zelenskyy) in a
    quotation is still the paper's transcription, and is reported."""
    if not is_short_form(flag.part.key, flag.majority.key):
        return False
    return document.in_quote(flag.part.start) or all(document.in_quote(use.start) for use in flag.uses)


def _files(parts) -> int:
    return len({part.where[0] for part in parts})


def _located(document, mention: Mention) -> Mention:
    """The mention with each part's place as (path, line, column, end line, end column): summaries
    outlive the document, so they carry positions, not offsets."""
    def locate(part):
        if part is None:
            return None
        return part.replace(where=(document.path, *document.position(part.start), *document.position(part.end)))

    return mention.replace(surname=locate(mention.surname), given=locate(mention.given), initials=locate(mention.initials),
                            particles=locate(mention.particles), middle=tuple(locate(part) for part in mention.middle))


class HouseStyle:
    """Where the selected house spelling rules flag a variant in one document, less what an inline comment
    suppresses (an editor who switched the house rule off here wants the story's own spellings judged),
    and the words of the spellings they ask for there."""

    def __init__(self, house: list[Kind], document) -> None:
        hits = [(hit, kind.rule.id) for kind in house for paragraph in document.paragraphs
                if kind.could_match(paragraph) for hit in kind.check(paragraph)]
        suppressed = directives(document) if hits else None
        if suppressed is not None:
            hits = [(hit, rule) for hit, rule in hits if not suppressed.covers_rule_at(rule, document.position(hit.start)[0])]
        self.spans = [(hit.start, hit.end) for hit, _ in hits]
        self.asked_for = {word.casefold() for hit, _ in hits for word in hit.values["canonical"].split()}

    def covers(self, start: int, end: int) -> bool:
        return any(first < end and start < last for first, last in self.spans)
