"""Parsed rule files kept on disk, so a warm start never imports or runs the YAML parser.

A pre-commit hook starts newslint once per commit: parsing the shipped rule sets with pyyaml, and building
each rule's kind, would cost more than linting the draft. Each rule file's `Rule` list, every rule with
its built kind, is pickled under the user's cache directory, keyed by the file's absolute path,
modification time, size, inode, the newslint and Python versions and newslint's own source files (a kind
pickled by other code would not fit this one, and in an editable install the version number stays the
same); any change to one of them makes a new key. A cache that cannot be read or written is ignored: the
cache only ever saves time, it never changes a result or fails a run.

Set NEWSLINT_CACHE_DIR to choose the directory, or NEWSLINT_NO_CACHE=1 to turn it off.
"""

from __future__ import annotations

import functools
import os
import sys

from newslint import __version__


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
    key = f"{code_key()}|{absolute}|{stat.st_mtime_ns}|{stat.st_size}|{stat.st_ino}"
    import zlib

    name = f"rules-{zlib.crc32(absolute.encode('utf-8', 'surrogatepass')):08x}.pickle"
    return os.path.join(directory, name), key


def code_key() -> str:
    """What every cached value depends on besides its own file: newslint's version, Python's, and the
    source files (`_code_stamp`)."""
    return f"{__version__}|{sys.version_info[:2]}|{_code_stamp()}"


@functools.lru_cache(maxsize=1)
def _code_stamp() -> str:
    """Newest modification time, total size and count of newslint's source files: an edited module (in an
    editable install, where the version number stays the same) makes every cached kind stale. Read once
    a run: every rule file's key holds it."""
    package = os.path.dirname(os.path.abspath(__file__))
    newest = size = count = 0
    for folder in (package, os.path.join(package, "kinds")):
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            if entry.name.endswith(".py"):
                stat = entry.stat()
                newest, size, count = max(newest, stat.st_mtime_ns), size + stat.st_size, count + 1
    return f"{newest}:{size}:{count}"


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
    try:
        # `pickle.loads` is `_pickle.loads`, the C unpickler; importing the `pickle` module around it (its
        # pure-Python pickler, opcode tables and `struct`) costs a warm one-file run 3.5% of its instructions.
        from _pickle import loads
    except ImportError:  # a Python without the C accelerator
        from pickle import loads
    try:
        stored_key, rules = loads(data)  # noqa: S301 - our own file, in the user's own cache directory
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
    write_quietly(cache_file, data)


def kept_table(name: str, build):
    """`build()`, kept on disk between runs under `name`: for a table worked out from newslint's own code
    and data alone, so the same key as the rules' (versions and source files) says when it is stale. The
    table must be made of what `marshal` writes (strings, numbers, tuples, sets, dicts). Without a cache
    directory, or with an unreadable file, it is built as usual."""
    directory = cache_dir()
    if directory is None:
        return build()
    import marshal

    path = os.path.join(directory, f"{name}.marshal")
    key = code_key()
    try:
        with open(path, "rb") as stream:
            stored_key, table = marshal.loads(stream.read())
        if stored_key == key:
            return table
    except Exception:  # missing, truncated or foreign: build it
        pass
    table = build()
    try:
        data = marshal.dumps((key, table))
    except ValueError:  # a value marshal cannot write: run on without keeping it
        return table
    write_quietly(path, data)
    return table


def write_quietly(path: str, data: bytes) -> None:
    """Cache writes are best effort: an unwritable cache or a full disk only means a slower start. The
    write is atomic, and Ctrl-C in the middle of it leaves no temporary file behind."""
    from newslint.atomic import write_atomic

    try:
        os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
        write_atomic(path, data)
    except OSError:
        pass
