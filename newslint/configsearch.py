"""The config search: which `.newslint.yaml`, `.newslint.yml` or `pyproject.toml` with a `[tool.newslint]`
table governs each checked file (the nearest in its folder or above), read once per folder."""

from __future__ import annotations

import os

from newslint.config import Config, Overrides, load_config

CONFIG_NAMES = (".newslint.yaml", ".newslint.yml")


class ConfigFinder:
    """Finds and caches the config that governs each directory."""

    def __init__(self, overrides: Overrides = Overrides()) -> None:
        self.overrides = overrides
        self._by_directory: dict = {}

    def for_path(self, path: str) -> Config:
        if self.overrides.config_file:
            return self._cached(self.overrides.config_file)
        directory = os.path.dirname(os.path.abspath(path))
        return self._for_directory(directory)

    def for_working_folder(self) -> Config:
        """What a file in the folder newslint runs in would get (standard input, `rules`)."""
        return self.for_path(os.path.join(os.getcwd(), "-"))

    def _for_directory(self, directory: str) -> Config:
        """The config of the nearest folder upward that has one, found in a loop: a recursion, one call a
        folder, ran out of stack for a story a thousand folders deep."""
        below = []
        while directory not in self._by_directory:
            found = _config_file_in(directory)
            parent = os.path.dirname(directory)
            if found or parent == directory:
                self._by_directory[directory] = self._cached(found) if found else self.overrides.apply(
                    Config(root=directory))
                break
            below.append(directory)
            directory = parent
        config = self._by_directory[directory]
        for folder in below:
            self._by_directory[folder] = config
        return config

    def _cached(self, path: str) -> Config:
        key = ("file", os.path.abspath(path))
        if key not in self._by_directory:
            self._by_directory[key] = self.overrides.apply(load_config(path))
        return self._by_directory[key]


def _config_file_in(directory: str) -> str | None:
    for name in CONFIG_NAMES:
        candidate = os.path.join(directory, name)
        # A link to a config that moved is this folder's config all the same: read, it says what is wrong,
        # where passing over it would drop the desk's settings (its house rules, its fail level) without a word.
        if os.path.isfile(candidate) or os.path.islink(candidate) and not os.path.isdir(candidate):
            return candidate
    pyproject = os.path.join(directory, "pyproject.toml")
    if os.path.isfile(pyproject):
        try:
            with open(pyproject, encoding="utf-8-sig", errors="replace") as handle:  # a BOM must not hide line 1
                if _has_newslint_table(handle.read()):
                    return pyproject
        except OSError:
            return None
    return None


def _has_newslint_table(text: str) -> bool:
    """Does a pyproject.toml hold a `tool.newslint` table: opened as `[tool.newslint]` or only a subtable
    (`[tool.newslint.severity]`), or written in TOML's other spellings of the same table (dotted keys,
    `tool.newslint.select = [...]` or `newslint.select` under `[tool]`, or `newslint = {...}`)? A mention
    elsewhere (a comment, a table commented out) is no config, and must not hide one further up."""
    import re

    name = r"""(?:newslint|"newslint"|'newslint')"""  # a TOML key, bare or quoted
    if re.search(rf"^[ \t]*\[[ \t]*tool[ \t]*\.[ \t]*{name}[ \t]*[.\]]", text, re.M):
        return True
    # The other spellings put a key `newslint` (or `tool.newslint`) at the start of a line, and a header
    # that is broken (`[tool.newslint` unclosed) or another kind of table (`[[tool.newslint]]`) starts a
    # line as `[tool.newslint` does. Only then is the file parsed, since only TOML can tell such a key from
    # one in another table; a mere mention ("newslint==1.2" in a dependency list) costs no parse: importing
    # the TOML parser and reading the file adds about half again to a one-file run.
    header_start = rf"\[\[?[ \t]*tool[ \t]*\.[ \t]*{name}(?![\w-])"
    if not re.search(rf"^[ \t]*(?:{header_start}|(?:tool[ \t]*\.[ \t]*)?{name}[ \t]*(?:\.|=(?!=)))", text, re.M):
        return False
    try:  # only TOML itself can tell a key from a comment or a string
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib
    try:
        tool = tomllib.loads(text).get("tool")
    except ValueError:  # TOMLDecodeError, or an integer of over 4,300 digits, which Python refuses to read
        # Broken where a line opens or sets newslint's table: the desk's config, which the read names with
        # the line that is wrong; passed over, its house rules and fail level would vanish without a word.
        # A broken pyproject.toml that nowhere opens or sets that table stays passed over (the search goes
        # on upward): its Python packaging is another tool's business, and must not stop the copy desk.
        return True
    return isinstance(tool, dict) and "newslint" in tool
