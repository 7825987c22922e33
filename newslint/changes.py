"""`--changed-since REF`: which lines of each file git says changed since a ref, so a gate on a big archive
blocks only new problems.

A finding counts when its lines overlap a changed range. Files outside git, or untracked, count as wholly
changed; a pure deletion changes no remaining line. A ref git cannot resolve is a NewslintError (exit 2).
Where git's line numbers are not newslint's (bare CR line breaks) or git gives none (UTF-16 copy, which
git calls binary), and for a file git finds was moved since the ref, the two versions are compared here as
newslint reads them.
"""

from __future__ import annotations

import difflib
import os
import re
import subprocess
from collections.abc import Iterable

from newslint.errors import NewslintError
from newslint.finding import Finding
from newslint.regexcache import compiled

_HUNK = compiled(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", re.M)
# The escapes git's quote_c_style writes besides octal bytes.
_ESCAPES = {"a": "\a", "b": "\b", "t": "\t", "n": "\n", "v": "\v", "f": "\f", "r": "\r", '"': '"', "\\": "\\"}

Ranges = list[tuple[int, int]] | None  # None: the whole file counts as changed
_MAX_NAME_BYTES = 24_000  # file names given to one git command (more: the whole repository is asked)
# A diff as `_parse_diff` and `_renamed` read it: names unquoted where git can, the lines changed and no more,
# and the a/ and b/ prefixes whatever the user's git config says.
_DIFF = ("-c", "core.quotePath=false", "diff", "--unified=0", "--no-color", "--no-ext-diff", "--src-prefix=a/",
         "--dst-prefix=b/")


def only_changed(findings: list[Finding], ref: str, wholly_changed: Iterable[str] = (),
                 checked: Iterable[str] = ()) -> list[Finding]:
    """The findings on lines changed since `ref`; paths in `wholly_changed` (stdin) always count. `checked`
    are the files read, whose repository knows `ref` even when none of them has a finding."""
    ranges = changed_lines([f.path for f in findings if f.path not in set(wholly_changed)], ref, checked)
    kept = []
    for finding in findings:
        lines = ranges.get(os.path.realpath(finding.path)) if finding.path not in wholly_changed else None
        if lines is None or any(a <= finding.end_line and finding.line <= b for a, b in lines):
            kept.append(finding)
    return kept


def changed_lines(paths: Iterable[str], ref: str, checked: Iterable[str] = ()) -> dict[str, Ranges]:
    """Real path -> changed (first, last) line ranges; every repository involved must know `ref`."""
    by_repo: dict[str | None, list[str]] = {}
    tops: dict[str, str | None] = {}  # one git call a folder, not one a file: an archive has 10,000 files
    for path in dict.fromkeys(paths):
        folder = os.path.dirname(os.path.abspath(path)) or "."
        if folder not in tops:
            tops[folder] = _toplevel(folder)
        by_repo.setdefault(tops[folder], []).append(path)
    if not any(by_repo):
        # A bad ref is an error even when nothing was found. It is asked of the checked files' repository,
        # as a CI script in the folder above the checkout (`--changed-since main desk/story.md`) has no other.
        _verify(_repository_of(checked) or _toplevel(os.getcwd()), ref)
    result: dict[str, Ranges] = {}
    for top, files in by_repo.items():
        real = [os.path.realpath(f) for f in files]
        if top is None:
            result.update(dict.fromkeys(real))
            continue
        _verify(top, ref)
        relative = [os.path.relpath(f, top) for f in real]
        # An archive's names can overflow a command line (30,000 paths in long folder names pass Linux's 2 MB;
        # Windows takes 32,767 characters), and git matches every name given against every file it tracks:
        # past a few hundred names, ask about the whole repository and keep the files checked.
        names = relative if sum(len(os.fsencode(f)) + 1 for f in relative) <= _MAX_NAME_BYTES else []
        tracked = set(_git(top, "ls-files", "-z", "--", *names).split("\0"))
        result.update({os.path.join(top, f): [] if f in tracked else None for f in relative})
        diff = _git(top, *_DIFF, "--no-renames", ref, "--", *names)
        added = []
        for name, ranges, is_added in _parse_diff(diff):
            if os.path.join(top, name) in result:
                result[os.path.join(top, name)] = _in_our_lines(top, ref, name, ranges)
                if is_added:
                    added.append(name)
        for name_at_ref, name, ranges in _renamed(top, ref, added):
            result[os.path.join(top, name)] = _in_our_lines(top, ref, name, ranges, name_at_ref)
    return result


def _parse_diff(diff: str) -> Iterable[tuple[str, Ranges, bool]]:
    """Each file's name, changed line ranges, and whether it is new since the ref."""
    for section in _sections(diff):
        is_added = re.search(r"^new file mode ", section, re.M) is not None
        target = re.search(r"^\+\+\+ (.*)$", section, re.M)
        binary = None if target else re.search(r"^Binary files (.*) differ$", section, re.M)
        name = target.group(1) if target else _binary_target(binary.group(1)) if binary else "/dev/null"
        if name == "/dev/null":
            continue  # deleted since the ref: nothing left to report on
        # git ends the name with a tab when it holds a space (as GNU diff does), quoted or not; a tab that
        # belongs to the name is always quoted as \t, so one raw tab at the end is never part of it.
        name = _unquote(name.removesuffix("\t"))[len("b/"):]
        if binary:
            yield name, None, is_added  # no hunks: git does not count lines in what it takes for binary
            continue
        yield name, _hunk_ranges(section), is_added


def _sections(diff: str) -> list[str]:
    """One file's part of a diff each."""
    return re.split(r"^diff --git ", diff, flags=re.M)[1:]


def _hunk_ranges(section: str) -> list[tuple[int, int]]:
    """The (first, last) new-side lines of each hunk of one file's diff; a pure deletion changes none."""
    ranges = []
    for hunk in _HUNK.finditer(section):
        first, count = int(hunk.group(1)), int(hunk.group(2) if hunk.group(2) is not None else 1)
        if count:
            ranges.append((first, first + count - 1))
    return ranges


def _binary_target(names: str) -> str:
    """The new side of "a/NAME and b/NAME" (git's binary line). A name may hold " and " itself, but with
    renames off both sides spell one name alike, so " and " stands in the middle; "/dev/null" opens or
    ends it for a file added or deleted."""
    if names.startswith("/dev/null and "):
        return names[len("/dev/null and "):]
    if names.endswith(" and /dev/null"):
        return "/dev/null"
    return names[(len(names) + len(" and ")) // 2 :]


def _renamed(top: str, ref: str, added: list[str]) -> list[tuple[str, str, Ranges]]:
    """(name at `ref`, name now, changed lines) for each of `added` that git finds was moved there since
    `ref`: a desk filing stories into dated folders changes none of their lines. One diff of the whole
    repository, since git pairs a rename only when both names are in view, gives each pair's names and lines
    (None where it gives no hunks: a pure move, or UTF-16 copy)."""
    if not added:
        return []
    wanted = set(added)
    diff = _git(top, *_DIFF, "-M", "--diff-filter=R", ref, "--")  # "--": a folder may be named as the ref is
    moved = []
    for section in _sections(diff):
        # "rename from"/"rename to" spell each name whole (quoted as on the "+++" line, but with no prefix
        # and no closing tab), where the "diff --git" line cannot be split where a name holds " b/".
        old = _unquote(re.search(r"^rename from (.*)$", section, re.M).group(1))
        new = _unquote(re.search(r"^rename to (.*)$", section, re.M).group(1))
        if new in wanted:
            has_hunks = re.search(r"^\+\+\+ ", section, re.M) is not None
            moved.append((old, new, _hunk_ranges(section) if has_hunks else None))
    return moved


def _in_our_lines(top: str, ref: str, name: str, ranges: Ranges, name_at_ref: str | None = None) -> Ranges:
    """git counts lines by LF alone; newslint also ends one at a bare CR (an old Mac export, some CMS
    fields), where git sees the whole story as one line. And git counts no lines at all in UTF-16 copy,
    which it takes for binary (`ranges` None). For such a file, and one moved since `ref` from
    `name_at_ref`, the two versions are compared again here, line by line as newslint reads and numbers them."""
    if ranges == []:
        return ranges
    try:
        with open(os.path.join(top, name), "rb") as stream:
            now = stream.read()
    except OSError:
        return None  # gone or unreadable since it was checked: show its findings rather than hide them
    if ranges is not None and not re.search(rb"\r(?!\n)", now):
        return ranges  # LF or CRLF: git's line numbers are newslint's
    try:
        before = _git_bytes(top, "cat-file", "blob", f"{ref}:{name_at_ref or name}")
    except NewslintError:
        return None  # not in `ref` (added since): every line is new
    lines_before, lines_now = _our_lines(before), _our_lines(now)
    if lines_before is None or lines_now is None:
        return None  # not text newslint reads: nothing to compare, so nothing hidden
    matcher = difflib.SequenceMatcher(None, lines_before, lines_now, autojunk=False)
    opcodes = matcher.get_opcodes()
    return [(first + 1, last) for tag, _, _, first, last in opcodes if tag != "equal" and last > first]


def _our_lines(data: bytes) -> list[str] | None:
    """Lines as newslint reads and numbers them: decoded as a checked file is (UTF-16 with its byte-order
    mark, say), and CRLF, CR and LF each end one (the break itself left out, so a line whose ending alone
    changed does not count as changed). None for binary data."""
    from newslint.decoding import BinaryFile, decode
    from newslint.document import unified_line_breaks

    try:
        return unified_line_breaks(decode(data).text).split("\n")
    except BinaryFile:
        return None


def _unquote(name: str) -> str:
    """git quotes a path with unusual characters C-style; octal escapes are the name's bytes, decoded as the
    file system decodes names, so they match the paths newslint was given."""
    if not (name.startswith('"') and name.endswith('"')):
        return name
    raw = bytearray()
    for match in re.finditer(r'\\([0-7]{3}|.)|([^\\])', name[1:-1]):
        escape, plain = match.groups()
        if plain is not None:
            raw.extend(os.fsencode(plain))
        elif len(escape) == 3:
            raw.append(int(escape, 8))
        else:
            raw.extend(os.fsencode(_ESCAPES.get(escape, escape)))
    return os.fsdecode(bytes(raw))


def _repository_of(paths: Iterable[str]) -> str | None:
    """The top folder of the first repository holding one of `paths`, asking git once a folder."""
    for folder in dict.fromkeys(os.path.dirname(os.path.abspath(path)) for path in paths):
        top = _toplevel(folder)
        if top is not None:
            return top
    return None


def _toplevel(directory: str) -> str | None:
    try:
        top = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=directory, capture_output=True, text=True)
    except (FileNotFoundError, NotADirectoryError):
        return None  # no git, or the folder is gone: nothing to compare with
    return os.path.realpath(top.stdout.strip()) if top.returncode == 0 else None


def _verify(top: str | None, ref: str) -> None:
    if top is None:
        raise NewslintError(f"--changed-since {ref}: not inside a git repository")
    if subprocess.run(["git", "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], cwd=top,
                      capture_output=True).returncode != 0:
        raise NewslintError(f"--changed-since: git does not know the ref {ref!r}{_shallow_hint(top)}", path=top)


def _shallow_hint(top: str) -> str:
    """CI checkouts are shallow by default (GitHub's actions/checkout fetches one commit), so the ref a pull
    request is compared with is often simply not there."""
    shallow = subprocess.run(["git", "rev-parse", "--is-shallow-repository"], cwd=top, capture_output=True, text=True)
    if shallow.stdout.strip() != "true":
        return ""
    return " (this is a shallow clone: fetch more history, e.g. actions/checkout with fetch-depth: 0)"


def _git(top: str, *args: str) -> str:
    return os.fsdecode(_git_bytes(top, *args))  # a name that is not UTF-8 comes back as os.walk gave it


def _git_bytes(top: str, *args: str) -> bytes:
    # Literal pathspecs: the names given are file names, not patterns (":budget.md" is pathspec magic).
    done = subprocess.run(["git", "--literal-pathspecs", *args], cwd=top, capture_output=True)
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", errors="replace").strip().splitlines()
        command = next(arg for arg in args if not arg.startswith("-") and "=" not in arg)  # past "-c key=value"
        raise NewslintError(f"git {command} failed: {message[-1] if message else done.returncode}", path=top)
    return done.stdout
