"""Baselines: the findings an archive already has, recorded so that `check --baseline` shows only new ones.

An entry is keyed by path (relative to the baseline file), rule id and the flagged words with white space
collapsed, with a count for repeats; line numbers are left out, so a story that gains or loses paragraphs
above an old finding does not bring it back. A finding is new when its key's occurrence in its file (in
reading order) is past the baseline's count: adding a second identical hedge to a story reports one.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from newslint.atomic import write_atomic
from newslint.errors import NewslintError
from newslint.finding import Finding

FORMAT = "newslint-baseline"
VERSION = 1
# Flagged text longer than this (a whole duplicated paragraph) is stored as its start and a hash.
_TEXT_LIMIT = 120

Key = tuple[str, str, str]


def key(finding: Finding, root: str) -> Key:
    """(path relative to `root` with forward slashes, rule id, normalised flagged text)."""
    path = os.path.relpath(os.path.abspath(finding.path), root) if finding.path != "<stdin>" else finding.path
    return Path(path).as_posix(), finding.rule, _normalised(finding.text)


def occurrences(findings: Iterable[Finding], root: str) -> list[tuple[Finding, Key, int]]:
    """Each finding with its key and 0-based occurrence index among findings of the same key."""
    seen: Counter = Counter()
    numbered = []
    for finding in sorted(findings):
        finding_key = key(finding, root)
        numbered.append((finding, finding_key, seen[finding_key]))
        seen[finding_key] += 1
    return numbered


def write(findings: list[Finding], path: str) -> int:
    """Write the baseline atomically; returns the number of findings recorded."""
    root = _root(path)
    counts = Counter(finding_key for _, finding_key, _ in occurrences(findings, root))
    entries = [{"path": p, "rule": r, "text": t, "count": n} for (p, r, t), n in sorted(counts.items())]
    data = {"format": FORMAT, "version": VERSION, "findings": entries}
    # A file name that is not UTF-8 ("caf\xe9.txt" from an old file server) holds a lone surrogate, which
    # UTF-8 cannot encode; written as its JSON escape (\udce9), it reads back as the same name next run.
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    try:
        write_atomic(path, text.encode("utf-8", "backslashreplace"))
    except OSError as error:  # a folder that does not exist, a folder given as the file, no permission
        raise NewslintError(f"cannot write baseline {path}: {error.strerror or error}") from None
    return sum(counts.values())


def load(path: str) -> Counter:
    try:
        with open(path, "rb") as stream:
            mode = os.fstat(stream.fileno()).st_mode
            if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):  # /dev/zero would never end (a pipe is read)
                raise NewslintError("cannot read baseline: a device, not a file", path)
            data = json.loads(stream.read().decode("utf-8"))
    except OSError as error:
        raise NewslintError(f"cannot read baseline: {error.strerror or error}", path) from None
    except ValueError as error:  # UnicodeDecodeError, JSONDecodeError, or a number of over 4,300 digits
        raise NewslintError(f"not a newslint baseline (invalid JSON: {error})", path) from None
    except RecursionError:  # thousands of nested brackets: no baseline we write looks like that
        raise NewslintError("not a newslint baseline (nested too deeply)", path) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("findings"), list):
        raise NewslintError("not a newslint baseline (write one with 'newslint baseline PATHS -o FILE')", path)
    if data.get("version") != VERSION:
        raise NewslintError(f"baseline version {data.get('version')!r} is not {VERSION}; write it again", path)
    counts: Counter = Counter()
    for entry in data["findings"]:
        finding_key, count = _entry(entry, path)
        counts[finding_key] += count
    return counts


def _entry(entry, path: str) -> tuple[Key, int]:
    """One recorded finding, checked: a baseline edited by hand or cut short must not crash a CI run."""
    if not isinstance(entry, dict) or not all(isinstance(entry.get(name), str) for name in ("path", "rule", "text")):
        raise NewslintError("not a newslint baseline (an entry lacks path, rule, text or count)", path)
    count = entry.get("count")
    if isinstance(count, bool) or not isinstance(count, int) or count < 0:
        raise NewslintError(f"not a newslint baseline (count {count!r} is not a whole number of findings)", path)
    return (entry["path"], entry["rule"], entry["text"]), count


def new_findings(findings: list[Finding], path: str) -> tuple[list[Finding], int]:
    """The findings the baseline at `path` does not cover, and how many it did cover."""
    counts = load(path)
    new = [f for f, finding_key, index in occurrences(findings, _root(path)) if index >= counts[finding_key]]
    return new, len(findings) - len(new)


def fingerprint(finding_key: Key, index: int) -> str:
    """A short stable id for one finding that survives line shifts (SARIF's partialFingerprints)."""
    # surrogatepass: a file name that is not UTF-8 gets a fingerprint too, and other text the same as ever.
    return hashlib.sha256("\0".join((*finding_key, str(index))).encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _root(path: str) -> str:
    return os.path.dirname(os.path.abspath(path))


def _normalised(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= _TEXT_LIMIT:
        return text
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    return f"{text[:_TEXT_LIMIT - 20]}... #{digest}"
