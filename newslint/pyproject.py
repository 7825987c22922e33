"""A pyproject.toml's `[tool.newslint]` table: read, and the line each setting or list item stands at, which
TOML's reader does not keep, found in the text when an error names one (`config` reports it as file:line)."""

from __future__ import annotations

import re

from newslint.errors import NewslintError
from newslint.regexcache import compiled
from newslint.yamlfile import read_settings_file


def read_pyproject(path: str) -> dict:
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib
    try:
        document = tomllib.loads(read_settings_file(path, "config").decode("utf-8-sig"))  # an editor on Windows may add a BOM
    except ValueError as error:  # TOMLDecodeError, UnicodeDecodeError, or an integer of over 4,300 digits
        raise NewslintError(f"not valid TOML: {_toml_problem(error)}", path, _toml_line(error)) from None
    tool = document.get("tool", {})
    if not isinstance(tool, dict):  # `tool = 5`: valid TOML, but no [tool] table to look in
        raise NewslintError(f"'tool' must be a table, not {tool!r}", path)
    if "newslint" not in tool:
        # Only `--config` reaches here with no table (the search takes a pyproject.toml only with one): the
        # file it names would otherwise stand for the desk's settings while giving none.
        raise NewslintError("no [tool.newslint] table: put the settings under one", path)
    settings = tool["newslint"]
    if not isinstance(settings, dict):
        raise NewslintError(f"'tool.newslint' must be a table of settings, not {settings!r}", path,
                            _toml_setting_lines(path).get(_TABLE))
    return settings


_TOML_PLACE = r" \(at line (\d+), column (\d+)\)$"  # how tomllib ends a TOMLDecodeError's message


def _toml_line(error: ValueError) -> int | None:
    """The line a TOML reader's error names, for the file:line a YAML mistake gets: tomllib has it as an
    attribute from Python 3.14 (tomli from 2.1), and only in its message before."""
    place = re.search(_TOML_PLACE, str(error))
    return getattr(error, "lineno", None) or (int(place.group(1)) if place else None)


def _toml_problem(error: ValueError) -> str:
    """The error's message without the line, which the file:line before it gives: "Invalid value (column 28)"."""
    return re.sub(_TOML_PLACE, r" (column \2)", str(error))


class TomlLines:
    """A pyproject's setting lines as `load_config` asks for them (`lines.get(key)`), read from the file only
    when an error names one: a run with nothing wrong does not read its config twice."""

    def __init__(self, path: str):
        self.path = path

    def get(self, setting: str) -> int | None:
        """The setting's line, else the newslint table's own (a setting inside an inline table)."""
        lines = _toml_setting_lines(self.path)
        return lines.get(setting) or lines.get(_TABLE)


# The line that opens the newslint table, for a mistake in the table as a whole or in a setting written
# inside it on that line (`newslint = {select = [...]}` under [tool]). No setting has an empty name.
_TABLE = ""


def _toml_setting_lines(path: str) -> dict[str, int]:
    """The line of each setting of a pyproject.toml's newslint table, for error messages (TOML's reader
    keeps none): `key = ...` under `[tool.newslint]`, a `[tool.newslint.severity]` header, or a dotted key
    (`newslint.select = ...` under `[tool]`); under `_TABLE`, the table's own line. Read only in a file the
    TOML reader has already accepted."""
    lines: dict[str, int] = {}
    table: list[str] = []
    text = read_settings_file(path, "config").decode("utf-8-sig")
    in_string = False  # inside a multi-line string, whose lines are text, not keys
    for number, line in enumerate(text.splitlines(), 1):
        was_in_string, in_string = in_string, in_string != (len(re.findall(r'"""|\'\'\'', line)) % 2 == 1)
        if was_in_string:
            continue
        header = re.match(r"\s*\[\[?\s*([^\[\]]+?)\s*\]", line)  # [table] or [[array of tables]]
        key = None if header else re.match(r"\s*([\w.\"' -]+?)\s*=", line)
        if header or key:
            parts = [part.strip(" \"'") for part in (header or key).group(1).split(".")]
            table, full = (parts, parts) if header else (table, table + parts)
            if full[:2] == ["tool", "newslint"]:
                lines.setdefault(full[2] if len(full) > 2 else _TABLE, number)
    return lines


_TOML_STRING = r'"((?:[^"\\]|\\.)*)"|\'([^\']*)\''  # a basic or a literal string on one line
_CODE = compiled(r'(?:"(?:[^"\\]|\\.)*"|\'[^\']*\'|[^#"\'])*')  # a line up to its comment, if any


def toml_item_line(path: str, setting: str, name: str) -> int | None:
    """The line where `name` stands in a pyproject's `setting`, as a YAML item or entry is found: in an array
    written one item a line, or as a key of its own table (`[tool.newslint.severity]`, then `"hedging.stacked" =
    ...`); else the setting's line (TOML's reader keeps no lines)."""
    from newslint.config import split_names  # config imports this module: looked up only for an error

    start = TomlLines(path).get(setting)
    if start is None:
        return None
    lines = read_settings_file(path, "config").decode("utf-8-sig").splitlines()
    is_table = lines[start - 1].lstrip().startswith("[")
    depth = 0
    for number in range(start, len(lines) + 1):
        code = _CODE.match(lines[number - 1]).group()  # a quoted name in a comment is not the item
        if is_table and number > start and code.lstrip().startswith("["):
            break  # the next table
        if any(name in split_names([basic or literal]) for basic, literal in re.findall(_TOML_STRING, code)):
            return number
        if is_table:
            if re.match(rf"\s*{re.escape(name)}\s*[.=]", code):
                return number  # a bare key: `hedging = "warning"` (or, dotted, a table: `hedging.stacked = ...`)
            continue
        depth += _open_brackets(re.sub(_TOML_STRING, "", code))
        if depth <= 0:  # the array closed without naming it
            break
    return start


def _open_brackets(code: str) -> int:
    return code.count("[") + code.count("{") - code.count("]") - code.count("}")
