"""HTML entities in Markdown copy (`&amp;`, `&mdash;`, `&rdquo;`, `&#8217;`): read as the characters they stand for.

A CMS export or a page pasted as Markdown writes "council&#8217;s" and "&ldquo;We will&rdquo;": the reader sees
"council’s" and a quotation, and so must the rules. Each entity gives way to its character in the masked text,
padded to the entity's length so that offsets still count the file's characters; a finding that touches the
character is widened to the whole entity (`Document.widened`), so its column and text are the file's.
"""

from __future__ import annotations

from newslint.regexcache import compiled
from newslint.visible import WORD_JOINER

_ENTITY = compiled(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# Inside a word ("council&#8217;s", "AT&amp;T") the padding is a word joiner, which the rules read as nothing
# (`visible`), so the word stays whole; beside white space it is spaces, so a sentence or quotation still
# opens and closes where the reader sees it do.

Region = tuple[int, int]


def read_entities(text: str) -> tuple[str, list[Region]]:
    """`text` with each entity it holds replaced by its character, and where the entities stand."""
    if "&" not in text:
        return text, []
    pieces, spans, position = [], [], 0
    for match in _ENTITY.finditer(text):
        character = _character(match.group())
        if character is None:
            continue  # "&Ruiz;" is no entity: the text as written
        start, end = match.span()
        before = pieces[-1][-1] if position == start and pieces and pieces[-1] else text[start - 1] if start else " "
        pieces += [text[position:start], _padded(character, end - start, before, text[end:end + 1] or " ")]
        spans.append((start, end))
        position = end
    if not spans:
        return text, []
    pieces.append(text[position:])
    return "".join(pieces), spans


def decoded(text: str) -> str:
    """`text` with its entities as the characters they stand for: flagged words as a message quotes them."""
    return _ENTITY.sub(lambda match: _character(match.group()) or match.group(), text)


def _character(entity: str) -> str | None:
    """The characters an entity stands for (a line break or a tab as a space), or None if it is no entity."""
    name = entity[1:-1]
    if name[0] == "#":
        code = int(name[2:], 16) if name[1] in "xX" else int(name[1:])
        # As CommonMark reads them: NUL, a surrogate or a code past Unicode is the replacement character.
        character = chr(code) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "\ufffd"
    else:
        from html.entities import html5  # 2,000 names: loaded only for a file that holds an entity

        character = html5.get(name + ";")
    if character is None:
        return None
    return " " if character.isspace() else character


def _padded(character: str, length: int, before: str, after: str) -> str:
    """`character` and padding, `length` characters in all."""
    fill = length - len(character)
    if character == " " or after.isspace():
        return character + " " * fill  # "said.&rdquo; She", "&pound;2m&nbsp;&mdash;"
    if before.isspace():
        return " " * fill + character  # "&ldquo;The tank"
    return WORD_JOINER * fill + character  # "council&#8217;s"
