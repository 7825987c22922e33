"""A file as copy: decoded text, masked non-copy, paragraphs and sentences as spans, offset to (line, column)."""

from __future__ import annotations

import bisect
import os
import re
from collections.abc import Callable

from newslint import masking, visible, wordindex
from newslint.entities import read_entities
from newslint.decoding import decode
from newslint.errors import NewslintError
from newslint.paragraphs import is_byline, is_headline, split_paragraphs
from newslint.quotations import quoted_stretches
from newslint.sentences import split_sentences

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd"})


class cached_property:
    """`functools.cached_property` without its lock: the value is computed on first use and kept in the
    instance's `__dict__`, where later reads find it without calling here. Python 3.11's version takes a
    lock on every first use (3.12 dropped it), and every span of every file has several such values."""

    def __init__(self, compute) -> None:
        self.compute = compute
        self.__doc__ = compute.__doc__

    def __set_name__(self, owner, name: str) -> None:
        self.name = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.compute(instance)
        return value


class Span:
    """A paragraph or sentence: absolute offsets into the document and its (masked) text."""

    __slots__ = ("document", "start", "end", "text", "paragraph", "is_heading", "__dict__")

    def __init__(self, document: Document, start: int, end: int, paragraph: Span | None = None,
                 is_heading: bool = False):
        self.document = document
        self.start = start
        self.end = end
        self.text = document.text[start:end]
        self.paragraph = paragraph  # None for a paragraph itself
        self.is_heading = is_heading

    def __repr__(self) -> str:
        return f"Span({self.start}, {self.end}, {self.text[:40]!r})"

    @cached_property
    def sentences(self) -> list[Span]:
        if self.paragraph is not None:
            return [self]
        return [Span(self.document, s, e, self, self.is_heading) for s, e in split_sentences(self.text, self.start)]

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [sentence.start for sentence in self.sentences]

    def sentence_at(self, offset: int) -> Span:
        """The sentence of this paragraph holding the document offset `offset` (the paragraph itself before
        its first sentence)."""
        index = self._sentence_index(offset)
        return self.sentences[index] if index >= 0 else self

    def sentence_before(self, offset: int) -> Span | None:
        """The sentence of this paragraph before the one holding the document offset `offset`, or None for
        the first."""
        index = self._sentence_index(offset)
        return self.sentences[index - 1] if index > 0 else None

    def _sentence_index(self, offset: int) -> int:
        """Which sentence holds `offset` (-1 before the first), by bisection, as `Document.paragraph_before`
        finds a paragraph: a paragraph of thousands of quotations or cues, each asking, stays linear."""
        return bisect.bisect_right(self._sentence_starts, offset) - 1

    @cached_property
    def quotes(self) -> tuple[tuple[int, int], ...]:
        """Quoted stretches of the paragraph, absolute offsets (see `quotations.quoted_stretches`); a
        sentence has its paragraph's, since a quotation can open in one sentence and close in another."""
        if self.paragraph is not None:
            return self.paragraph.quotes
        return quoted_stretches(self.text, self.start)

    @cached_property
    def word_index(self) -> wordindex.WordIndex:
        """Where each word starts, shared by every rule that scans this span; a sentence uses its paragraph's."""
        if self.paragraph is None:
            return wordindex.WordIndex(self.text)
        return self.paragraph.word_index.part(self.start - self.paragraph.start, len(self.text))

    @cached_property
    def seen(self) -> Span | visible.Visible:
        """The span as an editor sees it: without soft hyphens and zero-width characters inside its words
        (`visible.Visible`), or the span itself when it holds none. Offsets in its text map back through
        `absolute`."""
        return visible.view(self)

    def absolute(self, offset: int, end: bool = False) -> int:
        """The document offset of `offset` in this span's text. (`end` matters only to `visible.Visible`, whose
        `absolute` this mirrors, so that kinds take either.)"""
        return self.start + offset

    def in_quote(self, offset: int) -> bool:
        """Is `offset` (relative to this span) inside a direct quotation?"""
        absolute = self.start + offset
        return any(a < absolute < b for a, b in self.quotes)

    def voice_matches(self, pattern) -> bool:
        """Does `pattern` match this span in the writer's own voice: outside its quotations, and as seen (a
        soft hyphen in "harb\u00adour" must not leave an "our" that reads as first person)? Worked out once a
        span for each pattern: every cue of a sentence asks, and rules share patterns through YAML anchors."""
        memo = self.__dict__.setdefault("_voice_matches", {})
        found = memo.get(pattern.pattern)
        if found is None:
            found = memo[pattern.pattern] = pattern.search(visible.drop_invisible(self.unquoted)) is not None
        return found

    def in_voice(self, pattern) -> bool:
        """Is this paragraph in the voice `pattern` finds (`voice_matches`), itself or by standing between two
        paragraphs that are? On a page of readers' comments most are in the first person ("I think ..."), and
        one between two of them is a reader's too, with no "I" of its own ("The word is just a label ..."): the
        story's writer seldom speaks between two readers. Only the two neighbours are read: judging a whole page
        by its share of first-person paragraphs found two comments more on the BBC corpus, but read every story
        holding a would-be finding a second time (4% more instructions on Reuters copy)."""
        if self.voice_matches(pattern):
            return True
        before, after = self.document.paragraph_before(self), self.document.paragraph_after(self)
        return before is not None and after is not None and before.voice_matches(pattern) \
            and after.voice_matches(pattern)

    @cached_property
    def unquoted(self) -> str:
        """The text with its direct quotations blanked by spaces (same length, so offsets hold): what is
        said in the writer's own voice. Linear however many quotation marks there are: a sentence's is a slice
        of its paragraph's, since walking the paragraph's quotations for each sentence would not be."""
        if self.paragraph is not None:
            offset = self.start - self.paragraph.start
            return self.paragraph.unquoted[offset:offset + len(self.text)]
        pieces, position = [], 0
        for start, end in self.quotes:  # in order, not overlapping; a sentence's may lie beyond it
            start, end = max(start - self.start, position), min(end - self.start, len(self.text))
            if start < end:
                pieces += [self.text[position:start], " " * (end - start)]
                position = end
        pieces.append(self.text[position:])
        return "".join(pieces)


class Document:
    """One file. `raw` is the text as saved (newlines normalised, so lines and columns are unchanged);
    `text` is the same length with front matter, code, comments and URLs masked by spaces."""

    # What reading the file gives; everything else in `__dict__` is worked out from it later (`release`).
    _KEPT_BY_RELEASE = frozenset({"path", "newline", "raw", "_saved", "encoding", "notice", "is_markdown", "text",
                       "entities", "_line_starts", "copies"})

    def __init__(self, path: str, raw: str, markdown: bool | None = None, encoding: str = "utf-8",
                 notice: str | None = None):
        self.path = path
        self.newline = "\r\n" if "\r\n" in raw else "\n"
        self.raw = unified_line_breaks(raw)
        self._saved = raw if "\r" in raw else None  # the text as saved, kept only when `self.raw` unified its CRs
        self.encoding = encoding
        self.notice = notice
        self.is_markdown = os.path.splitext(path)[1].lower() in MARKDOWN_SUFFIXES if markdown is None else markdown
        regions = masking.markdown_regions(self.raw) if self.is_markdown else masking.plain_text_regions(self.raw)
        self.text = masking.apply_mask(self.raw, regions)
        # Markdown's HTML entities ("&rdquo;", "&#8217;") read as their characters; where they stand, for `widened`.
        self.entities: list[tuple[int, int]] = []
        if self.is_markdown:
            self.text, self.entities = read_entities(self.text)
            self.text = masking.joined_quote_marks(self.raw, self.text)
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", self.raw)]
        # Stretches that repeat earlier text character for character (a block pasted twice), as (start, end,
        # distance back to the original, the rule that found them): the duplicate rule notes them, and the
        # engine reports what other rules find inside them once, on the original.
        self.copies: list[tuple[int, int, int, str]] = []

    def release(self) -> None:
        """Forget the paragraphs, sentences and everything else worked out from the text, once the document is
        checked. Each span points back at its document and each sentence at its paragraph: left alone, a
        checked story is cycles that only the garbage collector frees, tracing them first (with the run's
        kept results) at every collection; released, it is freed the moment the engine lets go of it."""
        for paragraph in self.__dict__.get("paragraphs", ()):
            for sentence in paragraph.__dict__.get("sentences", ()):
                sentence.__dict__.clear()  # its `seen` view points back at it
            paragraph.__dict__.clear()
        for name in self.__dict__.keys() - self._KEPT_BY_RELEASE:
            del self.__dict__[name]

    @classmethod
    def from_bytes(cls, path: str, data: bytes, markdown: bool | None = None) -> Document:
        decoded = decode(data)
        return cls(path, decoded.text, markdown, decoded.encoding, decoded.notice)

    @classmethod
    def read(cls, path: str) -> Document:
        return cls.from_bytes(path, read_bytes(path))

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset; columns count characters, a tab as one."""
        line = bisect.bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def widened(self, start: int, end: int) -> tuple[int, int]:
        """`start` and `end` moved out to the edges of any entity they fall inside: a finding that begins or ends
        at the "”" read from "&rdquo;" covers the entity as the file has it."""
        if not self.entities:
            return start, end  # plain text, and most Markdown
        index = bisect.bisect_right(self.entities, (start, len(self.text))) - 1
        if index >= 0 and self.entities[index][0] < start < self.entities[index][1]:
            start = self.entities[index][0]
        index = bisect.bisect_left(self.entities, (end, 0)) - 1
        if index >= 0 and end < self.entities[index][1]:
            end = self.entities[index][1]
        return start, end

    def written(self, start: int, end: int) -> str:
        """The characters from `start` to `end` as saved: a finding's text over a line break holds the
        file's own "\r\n" (or bare "\r"), as an editor or a SARIF viewer finds it in the file."""
        if self._saved is None:
            return self.raw[start:end]
        return self._saved[self._to_saved(start) : self._to_saved(end)]

    @cached_property
    def _to_saved(self) -> Callable[[int], int]:
        return saved_offset_map(self._saved)

    def offset(self, line: int, column: int) -> int:
        """The character offset of a 1-based (line, column): `position` the other way round."""
        return self._line_starts[line - 1] + column - 1

    @cached_property
    def paragraphs(self) -> list[Span]:
        spans = []
        for start, end, is_heading in split_paragraphs(self.text, self.raw, self.is_markdown):
            if start < end:
                spans.append(Span(self, start, end, is_heading=is_heading))
        if spans and not self.is_markdown and is_headline(spans[0].text):
            spans[0].is_heading = True
        return spans

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return [paragraph.start for paragraph in self.paragraphs]

    def paragraph_before(self, paragraph: Span) -> Span | None:
        """The paragraph before `paragraph`, found by bisection so a long story stays linear."""
        index = bisect.bisect_left(self._paragraph_starts, paragraph.start)
        return self.paragraphs[index - 1] if index > 0 else None

    def in_quote(self, offset: int) -> bool:
        """Is the document offset `offset` inside a direct quotation of its paragraph?"""
        index = bisect.bisect_right(self._paragraph_starts, offset) - 1
        return index >= 0 and self.paragraphs[index].in_quote(offset - self.paragraphs[index].start)

    def paragraph_after(self, paragraph: Span) -> Span | None:
        index = bisect.bisect_right(self._paragraph_starts, paragraph.start)
        return self.paragraphs[index] if index < len(self.paragraphs) else None

    @cached_property
    def lede(self) -> Span | None:
        """The story's first paragraph that is not its headline, a heading or a byline ("By Tom Hale")."""
        return next((paragraph for paragraph in self.paragraphs
                     if not paragraph.is_heading and not is_byline(paragraph.text, self.is_markdown)), None)

    @property
    def sentences(self) -> list[Span]:
        return [sentence for paragraph in self.paragraphs for sentence in paragraph.sentences]


def read_bytes(path: str) -> bytes:
    try:
        with open(path, "rb") as stream:
            return stream.read()
    except OSError as error:
        raise NewslintError(error.strerror or str(error), path=path) from None


def saved_offset_map(saved: str) -> Callable[[int], int]:
    """Offset in `saved` with its line breaks unified -> offset in `saved` (each CRLF is one character
    longer there; a bare CR is one character either way)."""
    crlf = [m.start() - number for number, m in enumerate(re.finditer("\r\n", saved))]
    return lambda offset: offset + bisect.bisect_left(crlf, offset)


def unified_line_breaks(text: str) -> str:
    """CRLF and a bare CR (an old Mac export, some CMS fields) end a line as LF does, each one character
    long once unified, so offsets still count the file's characters line by line."""
    return text.replace("\r\n", "\n").replace("\r", "\n")
