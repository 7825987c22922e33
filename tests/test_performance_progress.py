"""The progress bar: drawn on a terminal for long runs, silent when piped, in CI and with --quiet."""

from __future__ import annotations

import io

from newslint.progress import Progress, progress_for


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_silent_when_not_a_terminal(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    assert progress_for(False, io.StringIO()) is None


def test_silent_in_ci(monkeypatch):
    monkeypatch.setenv("CI", "true")
    assert progress_for(False, Terminal()) is None


def test_silent_with_quiet(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    assert progress_for(True, Terminal()) is None


def test_drawn_on_a_terminal_and_cleared_at_the_end(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    stream = Terminal()
    assert progress_for(False, stream) is not None
    now = [0.0]
    bar = Progress(stream, clock=lambda: now[0])
    for done in range(1, 101):
        now[0] = done * 0.05
        bar(done, 100)
    shown = stream.getvalue()
    assert "99/100 files" in shown or "/100 files" in shown
    assert shown.endswith("\r\x1b[K")


def test_short_run_draws_nothing():
    stream = Terminal()
    now = [0.0]
    bar = Progress(stream, clock=lambda: now[0])
    for done in range(1, 4):
        now[0] = done * 0.01
        bar(done, 3)
    assert stream.getvalue() == ""
