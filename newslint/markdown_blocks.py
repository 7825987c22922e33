"""Markdown's block structure, line by line: front matter, block quotes, lists and footnotes, code, tables.

`masking` masks the lines this finds are not copy; `paragraphs` reads headings, list items and table rows
from it, so both read a draft's blocks as CommonMark and GitHub do.
"""

from __future__ import annotations

import re

from newslint.regexcache import compiled

# "> ", "> > ": a block quote's markers, before a fence or a list item in it. A space between two markers is
# read one way only: written "(?: {0,3}>[ \t]?)+", a line quoted 24 deep ("> > > ... text", a pasted email
# chain) took five seconds to mask, and each level more nearly doubled it.
QUOTE_PREFIX = compiled(r" {0,3}>(?:(?:\t {0,3}| {0,4})>)*[ \t]?")
FRONT_MATTER = compiled(r"\A(---|\+\+\+)[ \t]*\n.*?\n(?:\1|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_FENCE = compiled(r"^ {0,3}(`{3,}|~{3,})")
# A footnote's note, `[^1]: ...`, which holds its later paragraphs as a list item does.
_FOOTNOTE_NOTE = compiled(r" {0,3}\[\^[^\]\s]+\]:")
# A section break or a setext heading's underline, in a block quote too ("> Roof beyond repair" over "> ------").
RULE_LINE = compiled(rf"^(?:{QUOTE_PREFIX.pattern})? {{0,3}}(?:[-=*_][ \t]*){{3,}}$", re.M)
HEADING = compiled(r" {0,3}#{1,6}(?:[ \t]|$)")  # an ATX heading's opening hashes
# "- ", "* ", "12. " opening a Markdown list item; one nested under another is indented four spaces or a tab.
LIST_MARKER = compiled(r"[ \t]*(?:[-*+]|\d{1,9}[.)])\s")
_NUMBERED = compiled(r"[ \t]*(\d{1,9})[.)]\s")
# A table may stand in a block quote, "> | Route | Sailings |", as in a statement that quotes a timetable.
_TABLE_ROW = compiled(rf"^(?:{QUOTE_PREFIX.pattern})?[^\S\n]*\|.*\|[^\S\n]*$", re.M)  # `\s*` would rescan blank lines
# The row under a table's header, `:--- | ---:`, which makes a table of rows that have no pipe at either end.
_DELIMITER_ROW = compiled(rf"^(?:{QUOTE_PREFIX.pattern})? {{0,3}}\|?[ \t]*:?-+:?[ \t]*"
                          r"(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*$", re.M)

# Code a site's templates lay out before the Markdown is read: Hugo's `{{< highlight go >}}` ... `{{< /highlight >}}`
# (or `code`, or either written with `%`) and Jekyll's `{% highlight ruby %}` ... `{% endhighlight %}`. Its lines
# are neither copy nor Markdown: a `~~~` in a highlighted snippet opens no fence.
_TEMPLATE_CODE = compiled(r"\{\{([<%])[ \t]*(highlight|code)\b[^\n{}]*?[>%]\}\}|\{%-?[ \t]*highlight\b[^\n{}]*?%\}")

Region = tuple[int, int]


def block_regions(text: str) -> tuple[list[Region], set[int]]:
    """Front matter, fenced code, indented code and a template's code (`template_code`, from its tag to its
    closing tag): the spans that are not copy; and the starts of the lines
    that open on a number and a stop inside a paragraph ("... privatised in\n2019. Critics say"), which
    CommonMark reads as the paragraph's words: only "1." may open a list that interrupts a paragraph."""
    regions: list[Region] = []
    wrapped_numbers: set[int] = set()
    match = FRONT_MATTER.match(text)
    offset = match.end() if match else 0
    if match:
        regions.append(match.span())
    code = template_code(text) if "{" in text else []
    regions.extend(code)
    lines = as_placeholders(text, code)[offset:].split("\n")
    fence: str | None = None
    fence_start = 0
    fence_quoted = False
    # How many block quotes deep the paragraph being read lies, -1 between paragraphs: indented code cannot
    # interrupt a paragraph, but a block quote can, and its first line may be code ("Text\n>     code").
    paragraph_depth = -1
    list_depth = -1  # how many block quotes deep the list being read lies, -1 outside any list
    item_columns: list[int] = []  # where the words of the list's open items start, outermost first
    paragraph_in_list = False  # did the paragraph being read open in a list (a lazy line past a quote ends the list)?
    position = offset
    for line in lines:
        end = position + len(line)
        # A tab reaches the next multiple of four counted from the line's start, not from a block quote's marker:
        # "> \tThe pool ..." is the quote's one space, a tab worth two more, and words, not code four columns deep.
        depth, body = split_quote_markers(line.expandtabs(4) if "\t" in line else line)
        is_item = False
        in_list = list_depth == depth  # a list inside a block quote ends with the quote
        if fence is not None and fence_quoted and not depth:
            regions.append((fence_start, position - 1))  # the block quote ended, and its fence with it
            fence = None
        indent = _width(body[: len(body) - len(body.lstrip(" \t"))])
        # Under a list item a fence is indented with the item's words, up to three columns past where they start:
        # four or more past them, "```" is a line of indented code, and the lines after it are not code for it.
        is_fenced = in_list and indent < _items_holding(item_columns, indent)[-1] + 4
        opener = _FENCE.match(body.lstrip(" \t") if is_fenced else body)
        if fence is not None:
            if opener and opener.group(1)[0] == fence[0] and len(opener.group(1)) >= len(fence) and not body.strip(
                "`~ \t"
            ):
                regions.append((fence_start, end))
                fence = None
        elif opener:
            fence, fence_start, fence_quoted = opener.group(1), position, depth > 0
            # A fence at the margin is no part of the list above it: an indented block after it is code again.
            list_depth = list_depth if in_list and body[0] in " \t" else -1
        elif body.strip():
            # Inside a block quote, code is indented four spaces past the quote marker and its one space; inside
            # a list item or a footnote, four spaces past the column its words start at.
            if in_list and depth > paragraph_depth:
                item_columns = _items_holding(item_columns, indent)
            is_indented = indent >= (min(item_columns[0], 4) if in_list else 4)  # under the list's item, if in one
            if depth > paragraph_depth and indent >= (item_columns[-1] if in_list else 0) + 4:
                regions.append((position, end))
                position = end + 1
                continue  # no paragraph opens in an indented code block
            # "* * *" and "- - -" are section breaks, not list items: they end a list.
            # A footnote's note, "[^1]: ...", holds its later paragraphs as a list item does, indented under it.
            is_item = bool(LIST_MARKER.match(body) or _FOOTNOTE_NOTE.match(body)) and not RULE_LINE.match(body)
            if is_item and paragraph_depth >= depth and not (in_list or paragraph_in_list) and _numbered_past_one(body):
                wrapped_numbers.add(position)
                is_item = False
            if is_item:  # an item nests in those whose words start at or before its marker
                item_columns = [column for column in item_columns if column <= indent] if in_list else []
                item_columns.append(_content_column(body))
            # A line that goes on with an item's paragraph, however little it is indented, is that paragraph's
            # (CommonMark's lazy line): the list goes on past it, and a line indented under the item is still its.
            is_lazy = paragraph_depth == depth and not (HEADING.match(body) or RULE_LINE.match(body))
            list_depth = depth if is_item or (in_list and (is_indented or is_lazy)) else -1
        # A line without a quote marker after a quoted one goes on with its paragraph (CommonMark's lazy line).
        # A heading or a section break (or a heading's underline) is a block of one line, no paragraph: an
        # indented line after it is code ("## Fares\n    adult: 4.20").
        # Nor is a fence's line: a line at the margin after a closing fence is no lazy line of a list item's paragraph.
        opens_paragraph = body.strip() and not (opener or fence is not None or HEADING.match(body)
                                                or RULE_LINE.match(body))
        if opens_paragraph and paragraph_depth < 0:
            paragraph_in_list = is_item or in_list
        paragraph_depth = max(paragraph_depth, depth) if opens_paragraph else -1
        position = end + 1
    if fence is not None:  # an unclosed fence runs to the end of the file, as CommonMark says
        regions.append((fence_start, len(text)))
    return regions, wrapped_numbers


def template_code(text: str) -> list[Region]:
    """Each template's code (`_TEMPLATE_CODE`), opening tag to closing tag. One never closed is no code: Hugo
    stops with an error, and a tech story's "{{< highlight >}}" written as an example is copy."""
    return paired_regions(text, _TEMPLATE_CODE.finditer(text), _template_closer)


def _template_closer(opener: re.Match) -> re.Pattern:
    if opener.group(1):  # Hugo's, with the opener's own delimiter and name
        return compiled(rf"\{{\{{\{opener.group(1)}[ \t]*/{opener.group(2)}[ \t]*[>%]\}}\}}")
    return compiled(r"\{%-?[ \t]*endhighlight[ \t]*-?%\}")


def paired_regions(text: str, openers, closer_of, end_of=re.Match.end) -> list[Region]:
    """Each opening tag in `openers` to the end (`end_of`) of the closing tag `closer_of(opener)` finds after
    it. An opener inside the region before is part of it; one never closed makes no region, nor does any later
    opener that wants the same closing tag (searching again for each would read the rest of the text each time)."""
    regions: list[Region] = []
    unclosed, floor = set(), 0
    for opener in openers:
        closer = closer_of(opener)
        if opener.start() < floor or closer in unclosed:
            continue  # inside the region before, or no closing tag after this one either
        close = closer.search(text, opener.end())
        if close is None:
            unclosed.add(closer)
            continue
        floor = end_of(close)
        regions.append((opener.start(), floor))
    return regions


def as_placeholders(text: str, regions: list[Region]) -> str:
    """`text` with each region one run of letters, its line breaks too, as a template leaves one placeholder where
    its tags stood: one word of a paragraph to the Markdown, whatever the code in it looks like, blank lines too."""
    if not regions:
        return text
    parts, position = [], 0
    for start, end in regions:
        parts += [text[position:start], "x" * (end - start)]
        position = end
    return "".join(parts) + text[position:]


def _items_holding(item_columns: list[int], indent: int) -> list[int]:
    """The open list items a line indented `indent` columns lies in: those whose words start at or before it (the
    outermost, if it is shallower than them all)."""
    return [column for column in item_columns if column <= indent] or item_columns[:1]


def _width(whitespace: str) -> int:
    """How many columns `whitespace` spans, a tab reaching the next multiple of four, as CommonMark counts."""
    return len(whitespace.expandtabs(4))


def _content_column(body: str) -> int:
    """The column a list item's or a footnote's words start at, which its later paragraphs line up under: "- "
    2, "10. " 4, a footnote 4 (as GitHub reads one). Five spaces after a marker are its one space and code."""
    if _FOOTNOTE_NOTE.match(body):
        return 4
    marker = LIST_MARKER.match(body)
    marker_end = _width(body[: marker.end() - 1]) + 1  # past the marker, and the first column after it
    words = _width(body[: len(body) - len(body[marker.end() - 1 :].lstrip(" \t"))])
    return marker_end if words - marker_end >= 4 or not body[marker.end() - 1 :].strip() else words


def _numbered_past_one(body: str) -> bool:
    """Does the line open on a number other than 1 and a stop or a bracket ("2019. ", "3) ")?"""
    numbered = _NUMBERED.match(body)
    return numbered is not None and int(numbered.group(1)) != 1


def table_rows(text: str) -> list[Region]:
    """The lines of pipe tables, as (start, end): a line with a pipe at each end, and each line of a table whose
    delimiter row says it is one ("Route | Sailings" over ":--- | ---:"), down to a blank line or a line
    without a pipe (copy that follows the table without a blank line)."""
    if "|" not in text:
        return []
    rows = {m.span() for m in _TABLE_ROW.finditer(text)}
    position = 0
    while (divider := _DELIMITER_ROW.search(text, position)) is not None:
        position = divider.end() + 1  # a table's rows are read once: the next search starts past them
        header_start = text.rfind("\n", 0, max(divider.start() - 1, 0)) + 1
        header = text[header_start : max(divider.start() - 1, 0)]
        depth, header_cells = split_quote_markers(header)
        divider_depth, delimiters = split_quote_markers(divider.group())
        if depth != divider_depth or _cell_count(header_cells) != _cell_count(delimiters):
            continue  # GFM's rule: as many header cells as delimiters, in the same block quote, or it is no table
        rows |= {(header_start, header_start + len(header)), divider.span()}
        while position < len(text):
            end = text.find("\n", position)
            end = len(text) if end < 0 else end
            row = text[position:end]
            if "|" not in row or not row.strip() or split_quote_markers(row)[0] != depth:
                break  # the table's end, or the end of the block quote holding it
            rows.add((position, end))
            position = end + 1
    return sorted(rows)


def split_quote_markers(line: str) -> tuple[int, str]:
    """How many block quotes deep `line` lies, and its text inside them."""
    quoted = QUOTE_PREFIX.match(line)
    return (quoted.group().count(">"), line[quoted.end():]) if quoted else (0, line)


def _cell_count(line: str) -> int:
    return len(line.strip().strip("|").split("|")) if "|" in line else 0
