"""Safe fixes: apply the findings that carry `Finding.fix` to a file's bytes, keeping everything else as saved.

A fix is an offset range into the document's text with newlines normalised to "\\n". The file is decoded
again as the engine decoded it, each fix is mapped back to the characters as saved (so CRLF, a BOM and a
Windows-1252 export come back byte for byte except the fix), and the result is encoded the same way.
"""

from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from newslint.atomic import write_atomic
from newslint.decoding import decode
from newslint.document import saved_offset_map, unified_line_breaks
from newslint.errors import NewslintError
from newslint.finding import Finding

_BOMS = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff", "utf-32-le": b"\xff\xfe\x00\x00",
         "utf-32-be": b"\x00\x00\xfe\xff"}


@dataclass
class FileFix:
    path: str
    original: bytes
    fixed: bytes | None = None  # None when nothing could be applied
    applied: list[Finding] = field(default_factory=list)
    problem: str | None = None  # why the file was left alone

    def diff(self) -> str:
        if self.fixed is None:
            return ""
        before, after = _lines(decode(self.original).text), _lines(decode(self.fixed).text)
        lines = difflib.unified_diff(before, after, f"a/{self.path}", f"b/{self.path}")
        return "".join(_diff_line(line) for line in lines)

    @property
    def unpatchable(self) -> str | None:
        """Why `diff()`, text in UTF-8, will not apply as a patch to the file as saved; None when it will."""
        decoded = decode(self.original)
        if decoded.encoding != "utf-8":  # a byte-order mark, UTF-16, a Windows-1252 export
            return f"it is saved as {decoded.encoding}, shown in UTF-8 in the diff"
        if decoded.notice:  # UTF-8 with stray Windows-1252 bytes
            return f"{decoded.notice}, shown in UTF-8 in the diff"
        if re.search(r"\r(?!\n)", decoded.text):
            return "its lines end in a bare CR, shown as newlines in the diff"
        return None


def plan(findings: list[Finding], given: dict[str, bytes] | None = None) -> list[FileFix]:
    """One FileFix per file that has a finding with a fix, in path order; files without one are not read.
    `given` holds text that is not in a file (standard input), by the name it was checked under."""
    by_path: dict[str, list[Finding]] = {}
    for finding in findings:
        if finding.fix is not None:
            by_path.setdefault(finding.path, []).append(finding)
    return [_fix_file(path, _read(path, given or {}), by_path[path]) if not _is_pipe(path, given or {})
            else FileFix(path, b"", problem="not fixed: a pipe, not a file") for path in sorted(by_path)]


def _is_pipe(path: str, given: dict[str, bytes]) -> bool:
    """A pipe named on the command line (`<(git show ...)`, a FIFO) was read when it was checked: read again,
    it would wait for a writer that never comes, and there is no file to write a fix to."""
    return path not in given and os.path.exists(path) and not os.path.isfile(path)


def write(plans: list[FileFix]) -> set[Finding]:
    """Write each fixed file atomically; the findings that are now fixed. A file that cannot be written (a
    read-only folder) is left as it was, with its findings, and its `problem` says why."""
    applied: set[Finding] = set()
    for file_fix in plans:
        if file_fix.fixed is not None and file_fix.fixed != file_fix.original:
            try:
                write_atomic(file_fix.path, file_fix.fixed)
            except OSError as error:
                file_fix.problem = f"not fixed: cannot write it: {error.strerror or error}"
                continue
            applied.update(file_fix.applied)
    return applied


def _read(path: str, given: dict[str, bytes]) -> bytes:
    if path in given:
        return given[path]
    try:
        return Path(path).read_bytes()
    except OSError as error:
        raise NewslintError(f"cannot read to fix: {error.strerror or error}", path) from None


def _fix_file(path: str, data: bytes, findings: list[Finding]) -> FileFix:
    result = FileFix(path, data)
    decoded = decode(data)
    bom = _BOMS.get(decoded.encoding, b"")
    bom = bom if data.startswith(bom) else b""  # UTF-16 saved with no mark is written back with none
    codec = decoded.encoding
    if bom + decoded.text.encode(codec, errors="replace") != data:
        result.problem = f"not fixed: the file does not read back byte for byte as {codec}"
        return result
    saved = decoded.text
    text = unified_line_breaks(saved)
    taken = _without_overlaps(findings)
    if any(text[f.fix[0] : f.fix[1]] != unified_line_breaks(f.text) for f in taken):
        result.problem = "not fixed: the file changed since it was checked"
        return result
    newline = "\r\n" if "\r\n" in saved else "\n"
    # Back to front, so every edit's offsets are still those of the text it was found in.
    for finding in sorted(taken, key=lambda f: f.fix[0], reverse=True):
        start, end, replacement = finding.fix
        if replacement == "":
            start, end = _whole_lines(text, start, end)
        to_saved = saved_offset_map(saved)
        saved = saved[: to_saved(start)] + replacement.replace("\n", newline) + saved[to_saved(end) :]
        text = text[:start] + replacement + text[end:]
        result.applied.append(finding)
    # Settled too: a fix two rules ask for (a house Kiev beside the shipped one), and a fix inside one
    # applied ("Kiev" in "across Kiev", now "across the capital"): its words are gone.
    result.applied.extend(f for f in findings if f not in taken and any(
        t.fix[0] <= f.fix[0] and f.fix[1] <= t.fix[1] for t in taken))
    try:
        result.fixed = bom + saved.encode(codec)
    except UnicodeEncodeError as error:
        result.problem = f"not fixed: {error.object[error.start:error.end]!r} cannot be written in {codec}"
        result.applied = []
    result.applied.sort()
    return result


def _without_overlaps(findings: list[Finding]) -> list[Finding]:
    """Earliest fix first (ties: the longer range, the more specific house spelling, "Kiev oblast" before
    "Kiev"; then rule id and replacement); a fix that overlaps one already taken is not applied (it is
    settled with it when it lies inside it, else left as a finding), so the outcome never depends on rule
    order."""
    taken, last_end = [], -1
    for finding in sorted(findings, key=lambda f: (f.fix[0], -f.fix[1], f.rule, f.fix[2])):
        start, end, _ = finding.fix
        if start < last_end or (start == last_end and taken and taken[-1].fix[0] == start):
            continue
        taken.append(finding)
        last_end = end
    return taken


def _whole_lines(text: str, start: int, end: int) -> tuple[int, int]:
    """A deletion that empties its lines takes the line break and the blank lines after it too, so no gap
    is left; at the end of the file it takes the blank lines before it instead."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if text[line_start:start].strip() or text[end:line_end].strip():
        return start, end  # words share the line: delete only the flagged characters
    after = re.compile(r"[ \t]*(?:\n[ \t]*(?=\n))*\n?").match(text, line_end).end()
    if after < len(text):
        return line_start, after
    before = len(text[:line_start].rstrip())
    return (before, line_end) if before else (line_start, after)


def _lines(text: str) -> list[str]:
    """Lines with their endings as saved, split where the document model splits them (CRLF, CR or LF), so
    the diff's line numbers are those of the findings."""
    return re.findall(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$", text)


def _diff_line(line: str) -> str:
    """One line of the diff, ending in a newline. A line that ends in a bare CR is shown ending in a
    newline instead: patch tools split lines at LF alone, and a raw CR would make a terminal print the
    next line over this one. Such a diff reads right but does not apply; the command says so."""
    if line.endswith("\n"):
        return line
    if line.endswith("\r"):
        return line[:-1] + "\n"
    return line + "\n\\ No newline at end of file\n"
