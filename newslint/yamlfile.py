"""YAML read with line numbers: every mapping remembers the line where it and each of its keys start, so a
mistake in a rule or config file is reported at its line."""

from __future__ import annotations

from newslint.errors import NewslintError, RuleError

MAX_NESTING = 50
MAX_SETTINGS_BYTES = 5 * 1024 * 1024  # a rule or config file


def read_settings_file(path: str, what: str, error: type[NewslintError] = NewslintError) -> bytes:
    """The bytes of a rule or config file (`what` names it in errors), read no further than the limit:
    `--rules /dev/zero` would never end."""
    try:
        with open(path, "rb") as stream:
            data = stream.read(MAX_SETTINGS_BYTES + 1)
    except OSError as problem:
        raise error(f"cannot read {what}: {problem.strerror or problem}", path) from None
    if len(data) > MAX_SETTINGS_BYTES:
        raise error(f"{what} is larger than {MAX_SETTINGS_BYTES // 1024 // 1024} MB", path)
    return data


def _check_utf8(path: str, data: bytes) -> None:
    """A rule or config file is UTF-8 (or UTF-16 with a byte-order mark, which the parser reads): one saved as
    Windows-1252 names the line of its first stray byte, "caf\xe9" and all."""
    import codecs

    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise RuleError(f"not UTF-8: byte 0x{data[error.start]:02x} cannot be read; save the file as UTF-8", path,
                        line) from None


class _LineDict(dict):
    """A mapping that remembers the YAML line where it and each of its keys start."""

    line = 1
    key_lines: dict

    def __init__(self):
        super().__init__()
        self.key_lines = {}


class _LineList(list):
    """A sequence that remembers the YAML line where each of its items starts: a rule entry that is no
    mapping (`- house.no-kiev`) has no line of its own to report."""

    item_lines: list


def parse_yaml(path: str, data: bytes):
    """The YAML document in `data`, its mappings `_LineDict`s; a file that is not UTF-8 or not YAML, or that
    nests too deep, raises a RuleError naming `path` and the line."""
    import yaml  # only when a rule file is actually read (cached rule sets skip it)

    _check_utf8(path, data)
    try:
        return yaml.load(data, Loader=_line_loader(yaml, path))  # noqa: S506 - a SafeLoader: makes no objects
    except yaml.reader.ReaderError as error:  # a control character: the parser's message spans two lines
        code = error.character if isinstance(error.character, int) else ord(error.character or "\0")
        text = data.decode("utf-8", "replace")
        offset = text.find(chr(code))  # the parser's position counts bytes or characters, by loader
        raise RuleError(f"not valid YAML: character {code:#06x} is not allowed ({error.reason})", path,
                        text.count("\n", 0, offset) + 1 if offset >= 0 else None) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        context = f"{error.context} (line {error.context_mark.line + 1}): " if error.context and error.context_mark else ""
        hint = _tab_hint(data, mark, error.problem)
        raise RuleError(f"not valid YAML: {context}{error.problem or error}{hint}", path, line) from None
    except yaml.YAMLError as error:
        raise RuleError(f"not valid YAML: {error}", path) from None
    except RecursionError:
        raise RuleError("nested too deeply to read", path) from None


def _line_loader(yaml, path: str):
    """A safe YAML loader that keeps each mapping's and sequence item's line, refuses duplicate keys and
    deep nesting, and raises a RuleError naming `path` and the line."""
    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class Loader(base):  # type: ignore[misc, valid-type]
        depth = 0

        def construct_object(self, node, deep=False):
            if node in self.constructed_objects:
                return self.constructed_objects[node]  # an alias: shared, never expanded again
            if node in self.recursive_objects:
                raise RuleError("a YAML alias refers to itself", path, node.start_mark.line + 1)
            self.depth += 1
            try:
                if self.depth > MAX_NESTING:
                    raise RuleError(f"nested more than {MAX_NESTING} levels deep", path, node.start_mark.line + 1)
                return super().construct_object(node, deep=True)
            except ValueError as error:  # a value YAML types that Python cannot make: 2024-02-30, 5,000 digits
                value = node.value if len(node.value) <= 40 else f"{node.value[:37]}..."
                raise RuleError(f"cannot read {value!r}: {error}", path, node.start_mark.line + 1) from None
            finally:
                self.depth -= 1

        def construct_mapping(self, node, deep=False):
            own = {id(key_node) for key_node, _ in node.value}
            # `<<: *shared`: the shared keys first, then the mapping's own, which win. PyYAML 6.0.3 and later
            # keep one merged pair a key, so merges of merges through aliases cannot grow exponentially.
            self.flatten_mapping(node)
            mapping = _LineDict()
            mapping.line = node.start_mark.line + 1
            written = set()  # keys written in this mapping itself, not merged from another
            for key_node, value_node in node.value:
                key = self.construct_object(key_node)
                if isinstance(key, (list, dict, set)):  # `? [a, b]`, `? !!set {a}`: valid YAML, no rule's key
                    raise RuleError("a key must be a word, not a list, set or mapping", path,
                                    key_node.start_mark.line + 1, mapping.get("id"))
                if id(key_node) in own:
                    if key in written:
                        raise RuleError(f"duplicate key {key!r}", path, key_node.start_mark.line + 1,
                                        mapping.get("id"))
                    written.add(key)
                mapping.key_lines[key] = key_node.start_mark.line + 1
                mapping[key] = self.construct_object(value_node)
            return mapping

        def construct_lined_sequence(self, node):
            sequence = _LineList(self.construct_object(child) for child in node.value)
            sequence.item_lines = [child.start_mark.line + 1 for child in node.value]
            return sequence

    Loader.add_constructor("tag:yaml.org,2002:map", Loader.construct_mapping)
    Loader.add_constructor("tag:yaml.org,2002:seq", Loader.construct_lined_sequence)
    return Loader


def _tab_hint(data: bytes, mark, problem: str | None) -> str:
    """A word for the commonest error of a desk editing YAML by hand: an indent typed with the tab key,
    which PyYAML reports only as "found character that cannot start any token"."""
    if mark is None or "tab" in (problem or ""):  # "found a tab character that violates indentation"
        return ""
    lines = data.split(b"\n")
    line = lines[mark.line] if mark.line < len(lines) else b""
    indent = line[:len(line) - len(line.lstrip(b" \t"))]
    return "; the line is indented with a tab, and YAML indents with spaces" if b"\t" in indent else ""
