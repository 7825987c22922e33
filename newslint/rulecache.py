"""Parsed rule files kept on disk, so a warm start never imports or runs the YAML parser.

A pre-commit hook starts newslint once per commit: parsing the shipped rule sets with pyyaml would cost
more than linting the draft. Each rule file's parsed `Rule` list is pickled under the user's cache
directory, keyed by the file's absolute path, modification time, size, inode and the newslint and Python
versions; any change to the file makes a new key. A cache that cannot be read or written is ignored:
the cache only ever saves time, it never changes a result or fails a run.

Set NEWSLINT_CACHE_DIR to choose the directory, or NEWSLINT_NO_CACHE=1 to turn it off.
"""

from __future__ import annotations

import os
import sys

from newslint import __version__

# Bump when Rule's pickled shape changes in a way the version number would not show (editable installs).
FORMAT = 1


def cache_dir() -> str | None:
    if os.environ.get("NEWSLINT_NO_CACHE"):
        return None
    explicit = os.environ.get("NEWSLINT_CACHE_DIR")
    if explicit:
        return explicit
    base = os.environ.get("XDG_CACHE_HOME") or (
        os.environ.get("LOCALAPPDATA") if sys.platform == "win32" else None
    ) or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "newslint")


def _entry(path: str) -> tuple[str, str] | None:
    """(cache file, key) for a rule file, or None when there is no cache or the file cannot be stat'ed."""
    directory = cache_dir()
    if directory is None:
        return None
    try:
        absolute = os.path.abspath(path)
        stat = os.stat(absolute)
    except (OSError, ValueError):
        return None
    key = (f"{FORMAT}|{__version__}|{sys.version_info[:2]}|{absolute}|{stat.st_mtime_ns}|{stat.st_size}|"
           f"{stat.st_ino}")
    import zlib

    name = f"rules-{zlib.crc32(absolute.encode('utf-8', 'surrogatepass')):08x}.pickle"
    return os.path.join(directory, name), key


def load(path: str):
    """(rules or None on a miss, entry to `store` under). The entry is taken before the file is read, so an
    edit made while it is parsed gives a key that no longer matches, never stale rules under a new key."""
    entry = _entry(path)
    if entry is None:
        return None, None
    cache_file, key = entry
    try:
        with open(cache_file, "rb") as stream:
            data = stream.read()
    except OSError:
        return None, entry
    import pickle

    try:
        stored_key, rules = pickle.loads(data)  # noqa: S301 - our own file, in the user's own cache directory
    except Exception:  # a truncated or foreign file is a miss, never an error
        return None, entry
    return (rules, entry) if stored_key == key else (None, entry)


def store(entry: tuple[str, str] | None, rules) -> None:
    """Write rules under `entry` atomically (temporary file, then rename); silently skip on any failure."""
    if entry is None:
        return
    cache_file, key = entry
    import pickle

    try:
        data = pickle.dumps((key, rules), protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # an unpicklable field: run on without a cache
        return
    _write_quietly(cache_file, data)


def _write_quietly(path: str, data: bytes) -> None:
    """Cache writes are best effort: an unwritable cache or a full disk only means a slower start. The
    write is atomic, and Ctrl-C in the middle of it leaves no temporary file behind."""
    from newslint.atomic import write_atomic

    try:
        os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
        write_atomic(path, data)
    except OSError:
        pass


# Regular expressions known to compile -------------------------------------------------------------------
# Every rule pattern is first checked with Python's `re`, so its errors read as users expect, and rule
# sets are mostly long phrase alternations: that check alone costs more than a warm start's every other
# step together. A pattern that compiled once under this exact Python build compiles again, so its
# source is remembered and the check skipped. Saved at exit, atomically, like the rule files.

_KNOWN: set | None = None  # (source, flags) that `re` compiled
_NEW: set = set()
MAX_PATTERNS = 20_000


def _patterns_file() -> str | None:
    directory = cache_dir()
    if directory is None:
        return None
    import zlib

    return os.path.join(directory, f"patterns-{sys.implementation.cache_tag}-{zlib.crc32(sys.version.encode()):08x}.marshal")


def is_known_pattern(source: str, flags: int) -> bool:
    global _KNOWN
    if _KNOWN is None:
        _KNOWN = _read_patterns()
    return (source, int(flags)) in _KNOWN


def remember_pattern(source: str, flags: int) -> None:
    """Record that `source` compiled with `flags`; written to the cache when the process exits."""
    if _patterns_file() is None:
        return
    if not _NEW:
        import atexit

        atexit.register(_save_patterns)
    _NEW.add((source, int(flags)))


def _read_patterns() -> set:
    path = _patterns_file()
    if path is None:
        return set()
    try:
        import marshal

        with open(path, "rb") as stream:
            data = marshal.loads(stream.read())
        return {(source, flags) for source, flags in data if isinstance(source, str) and isinstance(flags, int)}
    except Exception:  # missing, truncated or foreign: start empty
        return set()


def _save_patterns() -> None:
    path = _patterns_file()
    if path is None or not _NEW:
        return
    import marshal

    known = set(_KNOWN or ())
    if len(known) + len(_NEW) > MAX_PATTERNS:
        known = set()  # rule files edited many times over: start again from this run's patterns
    known |= _NEW
    _write_quietly(path, marshal.dumps(sorted(known)))
