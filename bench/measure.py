"""Time one whole process: wall clock, peak RSS of its largest process, and peak RSS of its process tree."""

from __future__ import annotations

import os
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Run:
    wall: float  # seconds
    max_rss: int  # bytes: the largest single process (wait4's ru_maxrss, as /usr/bin/time reports it)
    tree_rss: int  # bytes: the most the process and all its descendants held at once (sampled)
    returncode: int
    output_lines: int
    stdout: str  # kept only when asked for
    error: str | None = None  # set when the tool crashed rather than linted


def run(argv: list[str], cwd: Path | None = None, env: dict | None = None, keep_stdout: bool = False,
        ok_codes=(0, 1), sample_tree: bool = True) -> Run:
    """Run `argv` to completion; wait4 gives this child's own rusage, so runs never mix. The command is
    started by GNU time where there is one: Linux keeps a forked child's memory from before its exec in its
    peak RSS, so a command forked from this Python process would count this process's size (one article
    read 23.8 MiB that way against 15.7 MiB under time; 1,000 stories 80 MiB after the planted run
    against 45), while time, a small program, forks it afresh and reports the command's own peak."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, tempfile.NamedTemporaryFile() as rss:
        start = time.perf_counter()
        launcher = [GNU_TIME, "-f", "%M", "-o", rss.name] if GNU_TIME else []
        process = subprocess.Popen([*launcher, *argv], cwd=cwd, env=env, stdout=out, stderr=err,
                                   stdin=subprocess.DEVNULL)
        sampler = _TreeSampler(process.pid) if sample_tree else None
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        tree = sampler.stop() if sampler else 0
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
        # time's last line is the peak in kilobytes (after "Command exited with non-zero status 1", if any).
        reported = rss.read().split() if GNU_TIME else []
    max_rss = int(reported[-1]) * 1024 if reported[-1:] and reported[-1].isdigit() else usage.ru_maxrss * 1024
    error = None
    # write-good exits with its count of suggestions: a crash is a signal, or an odd code with a complaint.
    if process.returncode < 0 or (process.returncode not in ok_codes and stderr.strip()):
        last = [line for line in stderr.splitlines() if line.strip()][-1:] or ["no message"]
        error = f"exit {process.returncode}: {last[0][:160]}"
    return Run(wall, max_rss, max(tree, max_rss), process.returncode, text.count("\n"),
               text if keep_stdout else "", error)


def _gnu_time() -> str | None:
    try:
        version = subprocess.run(["/usr/bin/time", "--version"], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    return "/usr/bin/time" if "GNU" in version.stdout + version.stderr else None


GNU_TIME = _gnu_time()


class _TreeSampler:
    """Sum the RSS of a process and its descendants every 50 ms (worker pools show up here, not in wait4)."""

    def __init__(self, pid: int):
        self.pid, self.peak, self._done = pid, 0, threading.Event()
        self._page = os.sysconf("SC_PAGE_SIZE")
        self._thread = threading.Thread(target=self._loop, daemon=True)
        self._thread.start()

    def stop(self) -> int:
        self._done.set()
        self._thread.join()
        return self.peak

    def _loop(self) -> None:
        while not self._done.wait(0.05):
            try:
                self.peak = max(self.peak, self._tree_rss())
            except OSError:
                pass

    def _tree_rss(self) -> int:
        parents: dict[int, list[int]] = {}
        for entry in os.scandir("/proc"):
            if not entry.name.isdigit():
                continue
            try:
                with open(f"/proc/{entry.name}/stat", "rb") as stream:
                    fields = stream.read().rsplit(b")", 1)[1].split()
            except OSError:
                continue
            parents.setdefault(int(fields[1]), []).append(int(entry.name))
        total, stack = 0, [self.pid]
        while stack:
            pid = stack.pop()
            stack.extend(parents.get(pid, ()))
            try:
                with open(f"/proc/{pid}/statm", "rb") as stream:
                    total += int(stream.read().split()[1]) * self._page
            except OSError:
                pass
        return total
