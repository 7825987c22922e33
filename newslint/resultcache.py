"""What checking each file gave, kept between runs for `newslint check --cache`: a file whose bytes, path,
configuration and rule files are all unchanged is not checked again, and its findings (and its part in
the cross-file rules) are read back instead.

Off unless asked for, as ESLint's and textlint's `--cache` are: a desk re-running an archive audit after
editing a few stories wants it; a pre-commit hook, which checks only the files a commit touches, and a
CI job on a fresh clone gain nothing. Entries live in `results-<code>/` under the cache directory of
`rulecache` (NEWSLINT_CACHE_DIR, NEWSLINT_NO_CACHE), one per file path and configuration, each holding a
digest of the bytes it was checked with. `<code>` stands for newslint's version and source files
(`rulecache.code_key`) and the versions of the libraries it scores text with: a newer newslint, or an
upgraded library, starts a new folder and deletes the old ones. An entry that
cannot be read or written is a miss, never an error; a run a rule was stopped on (it overran its time
budget) is not kept.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle

from newslint import rulecache

_PREFIX = "results-"
# The libraries whose answers reach a finding: edit distances, readability scores, house patterns.
LIBRARIES = ("rapidfuzz", "textstat", "google-re2", "regex", "pyyaml")


def directory() -> str | None:
    """The folder this newslint keeps results in, or None when the cache is off."""
    base = rulecache.cache_dir()
    if base is None:
        return None
    key = f"{rulecache.code_key()}|{_library_versions()}"
    return os.path.join(base, _PREFIX + _digest(key.encode()).hex())


def unwritable() -> str | None:
    """The cache folder and why nothing can be kept in it ("/proc (no such file or directory)"), or None when it
    can.
    Each entry that cannot be written is only a miss, so without this a desk whose NEWSLINT_CACHE_DIR is a
    read-only mount would never learn why its second run is no faster. Tried with a file written and deleted."""
    import tempfile

    base = rulecache.cache_dir()
    try:
        os.makedirs(base, mode=0o700, exist_ok=True)  # as `store` makes it: the first to make it sets its mode
        descriptor, probe = tempfile.mkstemp(prefix=".writable-", dir=base)
    except OSError as error:
        return f"{base} ({(error.strerror or str(error)).lower()})"
    os.close(descriptor)
    os.unlink(probe)
    return None


def _library_versions() -> str:
    """The installed versions of `LIBRARIES`: an upgraded one may score a text differently."""
    from importlib import metadata

    found = []
    for name in LIBRARIES:
        try:
            found.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name} none")
    return ", ".join(found)


def load(folder: str, path: str, config, data: bytes):
    """The result kept for `path` checked as `data` under `config`, or None."""
    try:
        with open(_entry(folder, path, config), "rb") as stream:
            digest, result = pickle.loads(stream.read())  # noqa: S301 - our own file, in the user's cache
    except Exception:  # missing, truncated or written by other code: a miss
        return None
    if digest != _digest(data) or getattr(result, "path", None) != path:
        return None
    return result


def store(folder: str, path: str, config, data: bytes, result) -> None:
    """Keep `result` for `path` checked as `data`: written beside the entry, then renamed over it, so a
    reader sees the old entry or the new one. Not flushed to disk, unlike a user's file: an archive run
    writes thousands, and an entry a crash leaves unreadable is only a miss."""
    fresh = not os.path.isdir(folder)
    try:
        payload = pickle.dumps((_digest(data), result), protocol=pickle.HIGHEST_PROTOCOL)
        if fresh:
            os.makedirs(folder, mode=0o700, exist_ok=True)
    except Exception:  # an unpicklable value, or no folder: run on without keeping it
        return
    entry = _entry(folder, path, config)
    temporary = f"{entry}.{os.getpid()}.tmp"
    try:
        with open(temporary, "wb") as stream:
            stream.write(payload)
        os.replace(temporary, entry)
    except BaseException as error:  # Ctrl-C included: no temporary file is left behind
        try:
            os.unlink(temporary)
        except OSError:
            pass
        if not isinstance(error, OSError):
            raise
    if fresh:
        _drop_other_versions(folder)


def stamp(configs) -> None:
    """Stamp each configuration's rule files now, before the run reads its rules: the stamp is kept for the
    rest of the run (and forked workers inherit it), so a house style saved while a long run checks the
    files of another desk first makes the next run check them again, not read back results of the rules
    read before it."""
    for config in configs:
        _config_key(config)


def _entry(folder: str, path: str, config) -> str:
    # The path as given and as resolved: findings name the first, and the same relative path may name
    # another file when newslint runs from another folder.
    key = f"{_config_key(config)}\0{path}\0{os.path.abspath(path)}"
    return os.path.join(folder, _digest(key.encode("utf-8", "surrogatepass")).hex())


@functools.lru_cache(maxsize=None)
def _config_key(config) -> str:
    """The configuration, and each rule file it loads as it stands now, by a digest of its bytes: an edited
    house style makes every entry under it stale, even one saved with the size and modification time of
    the version before (renamed over it, or copied with its times)."""
    from newslint.ruleset import builtin_rule_files

    stamps = []
    for rule_file in (*builtin_rule_files(), *config.rule_files):
        try:
            with open(rule_file, "rb") as stream:
                stamps.append(f"{os.path.abspath(rule_file)}:{_digest(stream.read()).hex()}")
        except OSError:
            stamps.append(f"{rule_file}:missing")
    return f"{config!r}\0{chr(0).join(stamps)}"


def _digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


def _drop_other_versions(folder: str) -> None:
    """Delete the results other versions of newslint kept: they are never read again."""
    import shutil

    parent, own = os.path.split(folder)
    try:
        names = os.listdir(parent)
    except OSError:
        return
    for name in names:
        if name.startswith(_PREFIX) and name != own:
            shutil.rmtree(os.path.join(parent, name), ignore_errors=True)
