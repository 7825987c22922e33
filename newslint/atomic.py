"""Write a file so that a reader, a crash or Ctrl-C sees either the old file or the new one, never half."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path


def write_atomic(path: str | os.PathLike, data: bytes) -> None:
    """Write beside the target, flush to disk, then rename over it (atomic on POSIX and Windows).

    A symbolic link is followed: the story it points to is rewritten and the link kept, where a rename over
    the link itself would replace it with a copy and leave the shared story as it was. A hard link cannot
    be kept this way: the path gets a new file and the other names keep the old text (as with `sed -i`)."""
    target = Path(os.path.realpath(path))
    if target.is_dir():  # before the temporary file, which would land in the folder's parent
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    if os.path.exists(path) and not os.path.isfile(path):
        # A device or a pipe (`-o /dev/stdout`, a FIFO): there is no file to replace, and a rename would put
        # a regular file where it was (as root, in /dev itself: `-o /dev/null`). Written as a shell's `>` would.
        with open(path, "wb") as stream:
            stream.write(data)
        return
    status = target.stat() if target.exists() else None
    mode = status.st_mode & 0o7777 if status else None
    # Read-only: a rename would replace it all the same. Root passes `os.access` on any file (a CI container,
    # a desk's shared server), so a file no one may write (chmod 444: archived, legally cleared) is read-only
    # to root too, as the README promises; `sed -i` would replace it.
    if mode is not None and (not mode & 0o222 or not os.access(target, os.W_OK)):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".newslint-tmp", dir=target.parent or ".")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if status is not None:
            _keep_owner(temporary, status)
            os.chmod(temporary, mode)  # an edited draft keeps its permissions (after chown, which clears setuid)
        os.replace(temporary, target)
    except BaseException:
        # Includes KeyboardInterrupt: the half-written temporary file must not be left behind.
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass
        raise


def _keep_owner(temporary: str, status: os.stat_result) -> None:
    """Give the new file the old one's owner and group, as `sed -i` does. Run as root (a CI container, a
    desk's shared server), the fixed story was root's, and one saved 0600 was then closed to its reporter.
    Only root may give a file away, and a user only to a group of theirs: otherwise the file stays the
    writer's, as any editor's save would leave it."""
    written = os.stat(temporary)
    if not hasattr(os, "chown") or (written.st_uid, written.st_gid) == (status.st_uid, status.st_gid):
        return
    for uid, gid in ((status.st_uid, status.st_gid), (-1, status.st_gid)):
        try:
            os.chown(temporary, uid, gid)
            return
        except OSError:  # not root (EPERM), or a file system without owners: keep what the save gave
            continue
