"""A progress bar on stderr for long runs: only on a terminal, never in CI or with --quiet."""

from __future__ import annotations

import os
import sys
import time

# A run shorter than this never shows a bar: a pre-commit hook on one draft stays silent.
DELAY = 0.5
INTERVAL = 0.1
WIDTH = 30


def progress_for(quiet: bool, stream=None):
    """The `on_progress` callback for `runner.run`, or None when nobody is watching."""
    stream = stream if stream is not None else sys.stderr
    if quiet or os.environ.get("CI") or os.environ.get("TERM") == "dumb":
        return None
    try:
        if not stream.isatty():
            return None
    except (AttributeError, ValueError):
        return None
    return Progress(stream)


class Progress:
    """Called with (files done, files in all); draws at most every INTERVAL and clears itself at the end."""

    def __init__(self, stream, delay: float = DELAY, interval: float = INTERVAL, clock=time.monotonic):
        self.stream, self.delay, self.interval, self.clock = stream, delay, interval, clock
        self.started = clock()
        self.drawn_at: float | None = None

    def __call__(self, done: int, total: int) -> None:
        now = self.clock()
        if done >= total:
            if self.drawn_at is not None:
                self.stream.write("\r\x1b[K")  # leave the line clean for findings and the summary
                self.stream.flush()
            return
        if now - self.started < self.delay or (self.drawn_at is not None and now - self.drawn_at < self.interval):
            return
        self.drawn_at = now
        filled = WIDTH * done // max(1, total)
        rate = done / max(now - self.started, 1e-9)
        self.stream.write(f"\rnewslint: [{'#' * filled}{'.' * (WIDTH - filled)}] {done:,}/{total:,} files "
                          f"({rate:,.0f}/s)\x1b[K")
        self.stream.flush()
