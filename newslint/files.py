"""Which files a run checks: explicit files always, directories walked for copy files, excludes applied."""

from __future__ import annotations

import os
import stat
from newslint.globs import glob_matches, path_matches, path_parts

DEFAULT_INCLUDE = ("*.txt", "*.md", "*.markdown")
# Folders no newsroom wants linted; hidden folders (.git, .venv) are skipped as well.
SKIPPED_FOLDERS = frozenset({"node_modules", "__pycache__", "venv", "site-packages"})


class Discovery:
    def __init__(self) -> None:
        self.files: list[str] = []
        self.problems: list[tuple[str, str]] = []  # (path, what went wrong)
        self.skipped: list[tuple[str, str]] = []  # (path, why it is not read): pipes, sockets, devices
        self.empty: list[tuple[str, str]] = []  # (folder named, why it holds no file to check)


def discover(paths: list[str], include: tuple[str, ...] = DEFAULT_INCLUDE,
             is_excluded=lambda path: False) -> Discovery:
    """Files under `paths` in a stable order (sorted within each argument, arguments in the given order)."""
    found = Discovery()
    seen: set[str] = set()
    identity = _Identity()

    def add(path: str) -> None:
        key = identity.of(path)
        if key not in seen:
            seen.add(key)
            found.files.append(path)

    for path in paths:
        if os.path.isdir(path):
            files = _walk(path, include, found)
            kept = [file for file in files if not is_excluded(file)]
            # "0 files checked" and a pass: a misspelt --include, or an exclude over the folder, looks the same
            if not files:
                found.empty.append((path, f"none matches {', '.join(include)}"))
            elif not kept:
                found.empty.append((path, "every one is excluded"))
            for file in kept:
                add(file)
        elif _is_device(path):
            # /dev/zero or /dev/urandom never ends: read, it would fill the memory. Named, a pipe is still read.
            found.skipped.append((path, "a device, not a file; skipped"))
        elif os.path.exists(path):
            # Named on the command line: checked whatever its extension (a pipe too: `<(git show)`), unless
            # excluded, which is said, as for a story sent on standard input under that name.
            if is_excluded(path):
                found.skipped.append((path, "excluded, so not checked"))
            else:
                add(path)
        else:
            found.problems.append((path, _why_missing(path)))
    return found


class _Identity:
    """The real path of each file, so one reached twice (a symbolic link, `a/../a`) is checked once.
    `os.path.realpath` looks up every component of every path: an archive of 10,000 stories in one folder
    cost a third of a second before the first file was read. A folder's real path is worked out once."""

    def __init__(self) -> None:
        self._folders: dict[str, str] = {}

    def of(self, path: str) -> str:
        folder, name = os.path.split(path)
        if not name or name in (".", "..") or os.path.islink(path):
            return os.path.realpath(path)
        if folder not in self._folders:
            self._folders[folder] = os.path.realpath(folder or ".")
        return os.path.join(self._folders[folder], name)


def _why_missing(path: str) -> str:
    """"No such file", or the real reason: a symbolic link that loops or points nowhere."""
    try:
        os.stat(path)
    except OSError as error:
        if os.path.islink(path):
            return f"{(error.strerror or 'cannot follow').lower()} (a symbolic link to {os.readlink(path)!r})"
        return (error.strerror or str(error)).lower()
    return "cannot be read"


def _walk(root: str, include: tuple[str, ...], found: Discovery):
    files = []

    def on_error(error: OSError) -> None:
        found.problems.append((error.filename or root, error.strerror or str(error)))

    # followlinks=False: a symlinked folder is not entered, so a link loop cannot trap the walk.
    try:
        for directory, folders, names in os.walk(root, onerror=on_error):
            folders[:] = sorted(f for f in folders if not f.startswith(".") and f not in SKIPPED_FOLDERS)
            for name in names:
                path = os.path.normpath(os.path.join(directory, name))
                if not any(_included(path, name, pattern) for pattern in include):
                    continue
                if not _regular_or_unreadable(path):
                    # Reading a named pipe would wait for a writer forever.
                    found.skipped.append((path, "not a regular file (a pipe, socket or device); skipped"))
                else:
                    files.append(path)  # a broken or looping link is kept, so reading it says what is wrong
    except RecursionError:  # before Python 3.12, os.walk recurses a call a folder, and ran out of stack
        found.problems.append((root, "folders nested too deeply to search (hundreds of levels)"))
    return sorted(files)


def _is_device(path: str) -> bool:
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return False
    return stat.S_ISCHR(mode) or stat.S_ISBLK(mode)


def _regular_or_unreadable(path: str) -> bool:
    """A regular file, or one that cannot be stat'ed (kept, so reading it says what is wrong). One stat."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return True


def _included(path: str, name: str, pattern: str) -> bool:
    """An `--include` glob without a slash (`*.rst`) is matched against the file's name; one with a folder in
    it (`metro/*.md`, `**/*.md`) against its path, as `--exclude` matches it."""
    if "/" not in pattern:
        return glob_matches(name, pattern)
    return matches_path(path, (pattern,))


def matches_path(path: str, patterns: tuple[str, ...]) -> bool:
    """Does any of the globs match `path`, as .gitignore would (`globs.path_matches`)? Each is matched from
    the working folder, or from the root when written as an absolute path (`--exclude "$PWD/archive/**"`)."""
    if not patterns:
        return False
    absolute = os.path.abspath(path)
    relative = path_parts(os.path.relpath(absolute))
    return any(path_matches(path_parts(absolute) if os.path.isabs(pattern) else relative, pattern)
               for pattern in patterns)
