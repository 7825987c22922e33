"""Where a file's paragraphs start and end, and which of them are headings, its headline or a byline."""

from __future__ import annotations

import re
from collections.abc import Iterator

from newslint.markdown_blocks import HEADING, LIST_MARKER, QUOTE_PREFIX, split_quote_markers, table_rows
from newslint.regexcache import compiled

# A hard-wrapped line is rarely wider than this; a longer line in a block means one paragraph per line.
_WRAP_WIDTH = 120
_BYLINE = compiled(r"By\s+[A-Z][^.!?\n]{0,60}$")  # "By Tom Hale", "By Tom Hale and Ann Cole, BBC News"
_MASKED_RUN = compiled(r"  +")
_TERMINAL = compiled(r"[.!?\u2026][\"'\u201d\u2019)\]]*\s*$")
# A setext heading's underline, "=====" or "-----" under its words (masked, so a block of its own), in the same
# block quote as its words: "> Roof beyond repair" over "> ------".
_SETEXT_UNDERLINE = compiled(rf"(?:{QUOTE_PREFIX.pattern})? {{0,3}}(?:=+|-+)[ \t]*$", re.M)
_LIST_ITEM = compiled(LIST_MARKER.pattern + r"|\s*\|")  # a list item or a table row
_CELL_EDGE = compiled(r"(?<!\\)\|")  # "\|" is a pipe inside a cell


def split_paragraphs(text: str, raw: str, is_markdown: bool) -> Iterator[tuple[int, int, bool]]:
    """(start, end, is a heading) of each paragraph of the masked `text`, trimmed of space at either end (so
    possibly empty); `raw`, the file's text, is where a Markdown line's markers are read."""
    table_row_starts = frozenset(start for start, _ in table_rows(raw)) if is_markdown else frozenset()
    for block_start, lines in _blocks(text):
        yield from _split_block(text, raw, is_markdown, table_row_starts, block_start, lines)


def is_headline(text: str) -> bool:
    """A plain-text story's first line is its headline when it is short and either unpunctuated,
    upper case (wire style) or title case."""
    words = text.split()
    if "\n" in text or len(words) > 25:
        return False
    long_words = [word for word in words if len(word) > 3] or words
    capitalised = sum(word[:1].isupper() for word in long_words) / len(long_words)
    return not _TERMINAL.search(text) or text.isupper() or capitalised >= 0.8


def is_byline(text: str, is_markdown: bool) -> bool:
    """Is the paragraph `text` a byline? In Markdown, masked markup is a run of spaces the writer never typed: "By
    [Maria Lopez](https://news.example.org/staff/maria-lopez), Metals Correspondent" is as short as it reads."""
    if is_markdown and "  " in text:
        text = _MASKED_RUN.sub(" ", text)
    return bool(_BYLINE.match(text))


def _split_block(text: str, raw: str, is_markdown: bool, table_row_starts: frozenset[int], start: int,
                 lines: list[str]) -> Iterator[tuple[int, int, bool]]:
    """A block of consecutive lines is one paragraph, unless its lines are paragraphs of their own:
    a CMS export (one paragraph a line), Markdown headings and list items."""
    # The first line may be an unpunctuated headline; every other line ending a sentence is the sign.
    one_per_line = len(lines) > 1 and (
        any(len(line) > _WRAP_WIDTH and _copy_width(line) > _WRAP_WIDTH for line in lines)
        or (len(lines) > 2 or _TERMINAL.search(lines[0])) and all(_TERMINAL.search(line) for line in lines[1:])
    )
    if not is_markdown:
        # Plain text has no headings or list items: the block is one paragraph, or each line is one. Its
        # raw lines, which only Markdown reads, are not cut out (wire copy is a block a paragraph).
        if one_per_line:
            yield from _each_line(text, start, lines)
        else:
            yield _trimmed(text, start, start + sum(map(len, lines)) + len(lines) - 1, False)
        return
    raw_lines = raw[start : start + sum(len(line) + 1 for line in lines)].split("\n")
    paragraph_start, position = None, start
    for line, raw_line in zip(lines, raw_lines):
        if position in table_row_starts:
            if paragraph_start is not None:
                yield _trimmed(text, paragraph_start, position - 1, False)
                paragraph_start = None
            yield from _cells(text, position, raw_line)
            position += len(line) + 1
            continue
        depth, body = split_quote_markers(raw_line)  # "> ## Findings", "> - item": in a block quote
        inside = len(raw_line) - len(body)
        is_heading = bool(HEADING.match(raw_line, inside))
        item = _LIST_ITEM.match(raw_line, inside)
        # The mask decides what is a list item: a marker it left as copy ("privatised in\n2019. Critics say
        # ...") goes on with its paragraph. (A table row's pipe is masked only in a table.)
        is_item = bool(item) and (item.group().lstrip()[:1] == "|" or not line[inside:item.end()].strip())
        starts_new = one_per_line or is_heading or is_item
        if starts_new and paragraph_start is not None:
            yield _trimmed(text, paragraph_start, position - 1, False)
            paragraph_start = None
        if paragraph_start is None:
            paragraph_start, paragraph_is_item = position, is_item
            paragraph_quotes = depth
        if is_heading:
            yield _trimmed(text, paragraph_start, position + len(line), True)
            paragraph_start = None
        position += len(line) + 1
    if paragraph_start is not None:
        # Underlined, the paragraph is a heading ("- item" over "---" is a list, then a section break).
        underline = _SETEXT_UNDERLINE.match(raw, position)
        underlined = not paragraph_is_item and underline is not None and \
            split_quote_markers(underline.group())[0] == paragraph_quotes
        yield _trimmed(text, paragraph_start, position - 1, underlined)


def _blocks(text: str):
    """(start offset, lines) for each run of non-blank lines."""
    start, lines, position = 0, [], 0
    for line in text.split("\n"):
        if line.strip():
            if not lines:
                start = position
            lines.append(line)
        elif lines:
            yield start, lines
            lines = []
        position += len(line) + 1
    if lines:
        yield start, lines


def _copy_width(line: str) -> int:
    """The width of a line's words: a masked link address or code span is a run of spaces the writer did not
    wrap, so a hard-wrapped paragraph holding a long link is still one paragraph."""
    return len(" ".join(line.split()))


def _each_line(text: str, start: int, lines: list[str]):
    """The consecutive `lines`, the first at `start`, each as a paragraph (start, end, not a heading)."""
    for line in lines:
        yield _trimmed(text, start, start + len(line), False)
        start += len(line) + 1


def _cells(text: str, start: int, raw_line: str):
    """Each cell of the table row `raw_line`, which starts at `start`, as a paragraph: a row reads across
    unrelated columns ("Open, probably until 2027 | Boilers reportedly failing"), not as one sentence."""
    edges = [-1] + [match.start() for match in _CELL_EDGE.finditer(raw_line)] + [len(raw_line)]
    for left, right in zip(edges, edges[1:]):
        yield _trimmed(text, start + left + 1, start + right, False)


def _trimmed(text: str, start: int, end: int, is_heading: bool) -> tuple[int, int, bool]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end, is_heading
