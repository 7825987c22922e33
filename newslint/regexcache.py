"""Compiled regular expressions kept on disk, so a warm start does not compile its patterns again.

Compiling a pattern with Python's `re` means parsing it and building its program in Python, and rule sets
are mostly long phrase alternations: for a one-file run that costs more than linting the file. The
program `re` hands its C engine (`_sre`) is the same every time for the same source, flags and Python
build, so it is kept in the cache directory (`rulecache.cache_dir`) per exact Python version, and a warm
start passes it straight to `_sre`, which checks a program before accepting it. A pattern found there
also compiled once, so a house rule's pattern found there needs no checking either. Anything unexpected
(another Python, a foreign file) means compiling as `re` does. Saved at exit, atomically.
"""

from __future__ import annotations

import os
import re
import sys
from array import array

from newslint.rulecache import cache_dir, write_quietly

# (source, flags) -> the arguments `_sre.compile` takes after the source, the program as the bytes of an
# array of 32-bit codes: a list of ints would make reading the file cost more than compiling.
_PROGRAMS: dict | None = None
_NEW: dict = {}
MAX_PATTERNS = 2_000  # the shipped rules hold about 250; past this, rule files edited often: start again
_FORMAT = "programs-3"  # 3: a pattern is known only once it passed `patterns.MAX_REPEAT` too


def _patterns_file() -> str | None:
    directory = cache_dir()
    if directory is None:
        return None
    import zlib

    return os.path.join(directory, f"patterns-{sys.implementation.cache_tag}-{zlib.crc32(sys.version.encode()):08x}.marshal")


def _programs() -> dict:
    global _PROGRAMS
    if _PROGRAMS is None:
        _PROGRAMS = _read_patterns()
    return _PROGRAMS


def is_known_pattern(source: str, flags: int) -> bool:
    """Did `source` compile with `flags` before, under this Python build?"""
    return (source, int(flags)) in _programs() or (source, int(flags)) in _NEW


def compiled(source: str, flags: int = 0):
    """`re.compile(source, flags)`, from the stored program when there is one. Raises what `re` raises."""
    key = (source, int(flags))
    program = _programs().get(key) or _NEW.get(key)
    if program is not None:
        try:
            return _build(source, program)
        except Exception:  # a program this build does not accept: compile it anew below
            pass
    try:
        program = _program(source, int(flags))
    except (ImportError, AttributeError):  # not CPython 3.11 or later: no program to keep
        return re.compile(source, flags)
    if _patterns_file() is not None and len(_NEW) < MAX_PATTERNS:
        if not _NEW:
            import atexit

            atexit.register(_save_patterns)
        _NEW[key] = program
    return _build(source, program)


def _build(source: str, program: tuple):
    import _sre

    flags, code, groups, names, indexes = program
    codes = array("I")
    codes.frombytes(code)
    return _sre.compile(source, flags, codes.tolist(), groups, names, indexes)


def _program(source: str, flags: int) -> tuple:
    """What `re._compiler.compile` passes to `_sre.compile` after the source (CPython 3.11 and later)."""
    from re import _compiler, _parser

    parsed = _parser.parse(source, flags)
    code = _compiler._code(parsed, flags)
    state = parsed.state
    names = [None] * state.groups
    for name, index in state.groupdict.items():
        names[index] = name
    return int(flags | state.flags), array("I", code).tobytes(), state.groups - 1, dict(state.groupdict), tuple(names)


def _read_patterns() -> dict:
    path = _patterns_file()
    if path is None:
        return {}
    try:
        import marshal

        with open(path, "rb") as stream:
            version, programs = marshal.loads(stream.read())
        return programs if version == _FORMAT and isinstance(programs, dict) else {}
    except Exception:  # missing, truncated or foreign: start empty
        return {}


def _save_patterns() -> None:
    path = _patterns_file()
    if path is None or not _NEW:
        return
    import marshal

    programs = dict(_read_patterns())  # another run may have saved since this one read the file
    if len(programs) + len(_NEW) > MAX_PATTERNS:
        programs = {}  # rule files edited many times over: start again from this run's patterns
    programs.update(_NEW)
    try:
        data = marshal.dumps((_FORMAT, programs))
    except ValueError:  # cannot happen with bytes, ints and strings; a cache never fails a run
        return
    write_quietly(path, data)
