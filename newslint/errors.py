"""The one error type a user can cause: it names the file, line and rule, and never shows a traceback."""

from __future__ import annotations

import os

# How a run ends (documented in the README): clean, findings at or above the failure level, a usage,
# config or input error, a bug; Ctrl-C and SIGTERM as shells report them (128 + signal).
EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR, EXIT_BUG = 0, 1, 2, 3
EXIT_INTERRUPTED, EXIT_TERMINATED = 130, 143


class NewslintError(Exception):
    """A problem with the user's input, rules or configuration; the CLI prints it and exits 2."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None, rule: str | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.rule = rule

    def __str__(self) -> str:
        where = ""
        if self.path:
            path = shown(self.path)
            where = f"{path}:{self.line}: " if self.line else f"{path}: "
        rule = f"rule {self.rule}: " if self.rule else ""
        return f"{where}{rule}{self.message}"


def as_written(value: object) -> str:
    """A setting's value as the user wrote it, for a message: YAML's null is an empty value to an editor
    (`fail_level:` with nothing after it), not Python's None, and a boolean is true or false."""
    if value is None:
        return "an empty value"
    if isinstance(value, bool):
        return str(value).lower()
    return repr(value)


def not_strings(key: str, value: object) -> str:
    """The message for a field that must be a list of strings. An editor's list of words most often fails
    this way on YAML reading a bare On, Off, Yes or No as true or false, so that case says how to fix it."""
    items = value if isinstance(value, list) else [value]
    if any(isinstance(item, bool) for item in items):
        return (f"'{key}' must be a list of strings; YAML reads a bare On, Off, Yes or No as true or false, "
                "so put such a word in quotes ('On')")
    return f"'{key}' must be a list of strings"


def shown(path: str) -> str:
    """`path` as the user would recognise it: relative to the current folder when it lies inside it
    (`house/style.yaml`, as a config's `rule_files:` or `--rules` named it, not `/srv/desk/house/style.yaml`),
    else in full. Paths are resolved when read, so a run started from another folder still finds them."""
    try:
        relative = os.path.relpath(path)
    except (ValueError, OSError):  # another drive (Windows), or the current folder is gone
        return path
    return path if relative == os.pardir or relative.startswith(os.pardir + os.sep) else relative


class RuleError(NewslintError):
    """A rule file that cannot be loaded as written."""

    def at(self, entry) -> RuleError:
        """This error at the line of `entry`, one mapping in a long list (a cue, a house spelling), rather than
        at the line of the list's key far above it; an entry written as a bare word has no line of its own."""
        self.line = getattr(entry, "line", None) or self.line
        return self
