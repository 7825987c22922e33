"""Paths matched against globs as .gitignore matches them: a config's `exclude`, and `--include` and
`--exclude` on the command line (`files`)."""

from __future__ import annotations

import os
from fnmatch import fnmatchcase


def path_parts(path: str) -> tuple[str, ...]:
    """A path's names, folders first ("a/./b/" gives a, b), with either separator on Windows. (os.path, not
    pathlib: importing pathlib costs a one-file run more than the rest of this module.)"""
    for separator in (os.sep, os.altsep):
        path = path.replace(separator, "/") if separator else path
    return tuple(part for part in path.split("/") if part not in ("", "."))


def parts_below(path: str, root: str) -> tuple[str, ...] | None:
    """The names of `path` below the folder `root`, or None when it is not inside it (compared as written,
    like `PurePath.relative_to`: both absolute, or both relative)."""
    if os.path.isabs(path) != os.path.isabs(root) or os.path.splitdrive(path)[0] != os.path.splitdrive(root)[0]:
        return None
    names, inside = path_parts(os.path.splitdrive(path)[1]), path_parts(os.path.splitdrive(root)[1])
    return names[len(inside):] if names[: len(inside)] == inside else None


def path_matches(relative: tuple[str, ...], pattern: str) -> bool:
    """Glob matching as in .gitignore, on a path's names (`path_parts`): a pattern without a slash matches a
    file or folder name at any depth; one with a slash matches from the root, and one that starts with
    `**/` below any folder, the root included (`**/*.md`, `**/archive/*.txt`). `archive/` and `archive/**`
    cover everything below; a leading `./` is the root. Case is ignored, as in `glob_matches`."""
    pattern = pattern.rstrip("/").removesuffix("/**")
    if pattern.startswith("./"):  # `./archive/`, as shell completion writes it: from the root, as `/archive/`
        while pattern.startswith("./"):
            pattern = pattern[len("./"):].lstrip("/")
        pattern = "/" + pattern
    anywhere = pattern.startswith("**/")
    while pattern.startswith("**/"):
        pattern = pattern[len("**/"):]
    if "/" not in pattern:
        return any(glob_matches(part, pattern) for part in relative)
    starts = range(len(relative)) if anywhere else (0,)
    return any(glob_matches("/".join(relative[start:end]), pattern.lstrip("/"))
               for start in starts for end in range(start + 1, len(relative) + 1))


def glob_matches(name: str, pattern: str) -> bool:
    """A glob match that ignores case on every system: a CMS export names files STORY.TXT, a reporter types
    `*.txt`, and `--include` and `--exclude` must agree on Linux, macOS and Windows alike."""
    return fnmatchcase(name.lower(), pattern.lower())
