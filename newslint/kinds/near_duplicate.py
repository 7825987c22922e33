"""Paragraphs repeated within a file or across files, exactly or with a few words changed.

One mistake is one finding: a block pasted twice is reported once, over the later copy; a story filed
twice, or re-filed with edits, once per earlier story it repeats.

Candidates come from shared word shingles (the inverted index in paragraph_index.py), never from
comparing every paragraph with every other; an edit-distance score (rapidfuzz's) only confirms a
candidate, so a run over thousands of files stays linear.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from newslint.finding import Hit
from newslint.kinds.base import CrossHit, Kind
from newslint.kinds.paragraph_index import Paragraph, ParagraphIndex, shared_needed, shingles
from newslint.wordindex import words_of


class NearDuplicate(Kind):
    """Repeated paragraphs.

    Fields: scope (`file`: within one file; `corpus`: against every other file of the run),
    threshold (rapidfuzz similarity 50 to 100 that counts as a repeat, default 90), min_words
    (shorter paragraphs are ignored, default 8), boilerplate (regular expressions; a paragraph that one
    matches from its start is ignored: bylines, "Reporting by ...", "Advertisement"), strip_prefix (a
    case-sensitive regular expression removed from a paragraph's start before comparing: the dateline,
    since a repeated paragraph often loses or gains "LONDON, Feb. 12 -"), same_figures (default false:
    when true, a near repeat must carry the same numbers; across files a changed figure is an update or a
    wire template, "sale of 2,000 tonnes" against "sale of 380 head", not a paste accident), stale_figures
    (default false: with same_figures, a repeat whose words are all the same and only its numbers changed
    is still one, the stale copy of an updated paragraph; and dates count as figures, which a stale copy
    keeps: a repeat for another year or month name is a list's or table's row for another date).
    """

    unit = "document"
    fields = frozenset({"scope", "threshold", "min_words", "boilerplate", "strip_prefix", "same_figures",
                        "stale_figures"})
    placeholders = frozenset({"earlier", "similarity", "extent"})

    def __init__(self, rule) -> None:
        super().__init__(rule)
        self.scope = self.read_scope()
        self.threshold = rule.number("threshold", 90, 50, 100)
        self.min_words = int(rule.number("min_words", 8, 1, 10_000))
        self.same_figures = rule.boolean("same_figures", False)
        self.stale_figures = rule.boolean("stale_figures", False)
        if self.stale_figures and not self.same_figures:
            raise rule.error("'stale_figures' qualifies 'same_figures', which this rule leaves false", "stale_figures")
        self.boilerplate = rule.alternation("boilerplate")
        strip_prefix = rule.get("strip_prefix")
        self.strip_prefix = rule.regex("strip_prefix", strip_prefix, ignore_case=False) if strip_prefix else None

    # Within one file -------------------------------------------------------------------------------

    def check(self, document) -> Iterator[Hit]:
        if self.scope != "file":
            return
        paragraphs = self._paragraphs(document)

        def between(position: int) -> list[str]:  # the words between a paragraph and the next compared one
            return document.raw[paragraphs[position][0].end : paragraphs[position + 1][0].start].split()

        for block in _runs(self._repeats(document.path, paragraphs), lambda a, b: between(a) == between(b)):
            yield self._block_hit(document, paragraphs, block)

    def _repeats(self, path: str, paragraphs) -> list[tuple[int, int, int]]:
        """(position of the later copy, position of the earlier one, similarity) of each paragraph that
        repeats an earlier one."""
        if not _may_repeat(paragraph for _, paragraph in paragraphs):
            return []  # most stories: no paragraph has enough runs of words in common with those before it
        index = ParagraphIndex(self.same_figures, self.stale_figures)
        repeats: list[tuple[int, int, int]] = []
        for position, (_, paragraph) in enumerate(paragraphs):
            match = index.best_match(paragraph, self.threshold)
            if match is not None and repeats and repeats[-1][0] == position - 1:
                # An exact repeat names the first copy; inside a pasted block, the copy that continues it.
                follows = repeats[-1][1] + 1
                if match[1] == 100 and paragraphs[follows][1].key == paragraph.key:
                    match = (follows, 100)
            if match is not None:
                repeats.append((position, *match))
            index.add(path, paragraph)
        return repeats

    def _block_hit(self, document, paragraphs, block) -> Hit:
        """One finding for a run of paragraphs that repeats an earlier run in order: a block pasted twice is
        one mistake, reported once over the whole later copy."""
        (first, first_earlier, _), (last, last_earlier, _) = block[0], block[-1]
        start, end = paragraphs[first][0].start, paragraphs[last][0].end
        earlier_start, earlier_end = paragraphs[first_earlier][0].start, paragraphs[last_earlier][0].end
        similarity = min(score for _, _, score in block)
        # Only a character-for-character copy is deleted unasked; a changed copy needs an editor.
        copied = document.raw[start:end] == document.raw[earlier_start:earlier_end]
        fix = "" if copied and _stands_alone(document, start, end) else None
        if copied:
            document.copies.append((start, end, start - earlier_start, self.rule.id))
        if len(block) == 1:
            return Hit(start, end, _values(f"line {paragraphs[first_earlier][1].line}", similarity, "Paragraph"), fix)
        lines = f"lines {paragraphs[first_earlier][1].line}\u2013{paragraphs[last_earlier][1].end_line}"
        return Hit(start, end, _values(lines, similarity, f"A block of {len(block)} paragraphs"), fix)

    # Across files ----------------------------------------------------------------------------------

    def summarize(self, document) -> dict | None:
        if self.scope != "corpus":
            return None
        paragraphs = [paragraph for _, paragraph in self._paragraphs(document)]
        first = document.paragraphs[0] if document.paragraphs else None
        return {"paragraphs": paragraphs, "first": _locate(document, first) if first else None}

    def finish(self, summaries) -> Iterator[CrossHit]:
        for path, summary, by_source in self.cross_matches(summaries):
            yield from self._cross_hits(path, summary, by_source)

    def cross_matches(self, summaries) -> Iterator[tuple[str, dict, dict[str, list[tuple[Paragraph, Paragraph, int]]]]]:
        """For each file with paragraphs, in the order given: (path, summary, its paragraphs that repeat one in
        an earlier file, as (paragraph, earlier paragraph, similarity), by earlier file)."""
        index = ParagraphIndex(self.same_figures, self.stale_figures)
        for path, summary in summaries:
            if not summary or not summary["paragraphs"]:
                continue
            # The index holds earlier files only: this file's paragraphs are added after it is matched.
            by_source: dict[str, list[tuple[Paragraph, Paragraph, int]]] = {}
            for paragraph in summary["paragraphs"]:
                match = index.best_match(paragraph, self.threshold)
                if match is not None:
                    source, earlier = index.entries[match[0]]
                    by_source.setdefault(source, []).append((paragraph, earlier, match[1]))
            yield path, summary, by_source
            for paragraph in summary["paragraphs"]:
                index.add(path, paragraph)

    @staticmethod
    def _cross_hits(path, summary, by_source) -> Iterator[CrossHit]:
        """One finding per earlier file this one repeats: the whole story, part of it (a story re-filed with
        edits), or one paragraph (a shared wire formula), at the first paragraph it concerns."""
        total = len(summary["paragraphs"])
        for source, repeats in by_source.items():
            similarity = min(score for _, _, score in repeats)
            paragraph, earlier, _ = repeats[0]
            if len(repeats) == total and summary["first"]:
                yield CrossHit(path, *summary["first"], _values(source, similarity, "Story"))
            elif len(repeats) > 1:
                extent = f"Part of the story ({len(repeats)} of {total} paragraphs)"
                yield CrossHit(path, *paragraph.location, _values(source, similarity, extent))
            else:
                yield CrossHit(path, *paragraph.location, _values(f"{source}:{earlier.line}", similarity, "Paragraph"))

    def _paragraphs(self, document) -> list[tuple[object, Paragraph]]:
        # Both shipped duplicate rules reduce paragraphs the same way: work it out once per document.
        key = (self.strip_prefix and self.strip_prefix.pattern, self.min_words, self.boilerplate and self.boilerplate.pattern)
        memo = document.__dict__.setdefault("_near_duplicate_paragraphs", {})
        if key not in memo:
            memo[key] = list(self._reduce(document))
        return memo[key]

    def _reduce(self, document) -> Iterator[tuple[object, Paragraph]]:
        for span in document.paragraphs:
            if span.is_heading:
                continue  # before the dateline's pattern, which backtracks along a headline in capitals
            text = self.strip_prefix.sub("", span.text, count=1) if self.strip_prefix else span.text
            # Split at most min_words - 1 times: that counts up to min_words words, all this needs to know,
            # without making a string of every word of a long paragraph.
            if len(text.split(None, self.min_words - 1)) < self.min_words:
                continue  # "Avg shrs 47.4 mln vs 16.5 mln" is seven words, not eleven tokens
            if self.boilerplate and self.boilerplate.match(span.text):
                continue
            key = " ".join(_lower_words(span, text))
            location = _locate(document, span)
            # Most paragraphs lose no dateline: their text as compared is their text as written, kept once.
            body = location[-1] if text == location[-1] else text
            yield span, Paragraph(key, shingles(key), body, *location)


def _may_repeat(paragraphs: Iterator[Paragraph]) -> bool:
    """Could any of the paragraphs repeat an earlier one? The index takes as a candidate only an earlier
    paragraph that shares `shared_needed` of its shingles (an exact repeat shares them all), so where no
    paragraph shares that many with all the paragraphs before it together, it need not be built."""
    earlier: set[int] = set()
    for paragraph in paragraphs:
        if len(earlier.intersection(paragraph.shingles)) >= shared_needed(paragraph):
            return True
        earlier.update(paragraph.shingles)
    return False


def _lower_words(span, text: str) -> list[str]:
    """The lower-case words of `text`, the paragraph's text or what is left of it after its dateline. An
    ASCII paragraph kept whole has them in its word index already (there `lower` is `str.lower`)."""
    if text.isascii() and len(text) == len(span.text):  # `strip_prefix` only removes: same length, same text
        return span.word_index.in_order
    return words_of(text.lower())


def _locate(document, span) -> tuple:
    start, end = document.widened(span.start, span.end)
    line, column = document.position(start)  # a paragraph opening "&ldquo;We ..." starts at its "&"
    end_line, end_column = document.position(end)
    return line, column, end_line, end_column, document.written(start, end)


def _stands_alone(document, start: int, end: int) -> bool:
    """The text from `start` to `end` fills its lines (no list marker or quote mark beside it), so deleting
    it is safe."""
    line_start = document.raw.rfind("\n", 0, start) + 1
    line_end = document.raw.find("\n", end)
    after = document.raw[end:] if line_end < 0 else document.raw[end:line_end]
    return not document.raw[line_start:start].strip() and not after.strip()


def _runs(repeats: list[tuple[int, int, int]], same_between: Callable[[int, int], bool]
          ) -> Iterator[list[tuple[int, int, int]]]:
    """(later position, earlier position, similarity) repeats, in order, cut into runs where both copies go
    on paragraph by paragraph with the same words between (a short paragraph too brief to compare, such as
    "He declined to comment.", is copy in its own right); a run ends before its earlier copy would reach
    its later one."""
    run: list[tuple[int, int, int]] = []
    for repeat in repeats:
        last = run[-1] if run else None
        if last and not (repeat[0] == last[0] + 1 and repeat[1] == last[1] + 1 and repeat[1] < run[0][0]
                         and same_between(last[0], last[1])):
            yield run
            run = []
        run.append(repeat)
    if run:
        yield run


def _values(earlier: str, similarity: int, extent: str) -> dict:
    return {"earlier": earlier, "similarity": similarity, "extent": extent}
