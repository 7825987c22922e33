"""Nothing lost: newslint never writes to the files it checks, and an interrupted run (Ctrl-C: exit 130,
SIGTERM: exit 143) leaves no partial output, no temporary file, no worker process and no traceback."""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import checkout_env

from newslint.reporters import FORMATS

PARAGRAPH = "The council voted 7-2 on Tuesday to close the library on Elm Street, officials said."


def write_tree(root: Path, files: int, paragraphs: int) -> None:
    for n in range(files):
        desk = root / f"desk{n % 3}"
        desk.mkdir(parents=True, exist_ok=True)
        body = "\n\n".join(f"Story {n}, paragraph {p}: it might rain, reportedly, in Kiev. {PARAGRAPH}"
                           for p in range(paragraphs))
        (desk / f"story{n:04d}.{'md' if n % 2 else 'txt'}").write_text(body + "\n", encoding="utf-8")
    (root / "crlf.txt").write_bytes(f"{PARAGRAPH}\r\n\r\n{PARAGRAPH}\r\n".encode())
    (root / "latin1.txt").write_bytes(f"Caf\u00e9 news.\n\n{PARAGRAPH}\n\n{PARAGRAPH}\n".encode("latin-1"))


def snapshot(root: Path) -> dict:
    return {str(p): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns, p.stat().st_mode)
            for p in sorted(root.rglob("*")) if p.is_file()} | {"listing": sorted(map(str, root.rglob("*")))}


def test_no_command_writes_to_the_files_it_checks(cli, tmp_path):
    tree, out = tmp_path / "copy", tmp_path / "out"
    write_tree(tree, 8, 6)
    out.mkdir()
    before = snapshot(tree)
    for output_format in FORMATS:
        assert cli("check", "--jobs", "1", "--format", output_format, tree).exit_code in (0, 1)
    assert cli("check", "--jobs", "1", "--diff", tree).exit_code in (0, 1)
    assert cli("baseline", "--jobs", "1", "--output", out / "baseline.json", tree).exit_code == 0
    assert cli("check", "--jobs", "1", "--baseline", out / "baseline.json", tree).exit_code in (0, 1)
    assert cli("check", "--jobs", "2", tree).exit_code in (0, 1)
    assert cli("rules").exit_code == 0
    assert cli("rules", "--test").exit_code in (0, 1)
    assert snapshot(tree) == before
    assert sorted(p.name for p in out.iterdir()) == ["baseline.json"]  # no temporary file left beside it


def _session_processes(session: int) -> list[int]:
    """Processes still alive in the run's session (the worker pool, if it outlived the main process)."""
    alive = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == session and fields[0] != "Z":
            alive.append(int(stat.parent.name))
    return alive


@pytest.mark.skipif(not Path("/proc").is_dir() or sys.platform == "win32", reason="POSIX signals and /proc")
@pytest.mark.parametrize("command", ["check", "baseline"])
@pytest.mark.parametrize("how, code", [("ctrl-c", 130), ("sigterm", 143)])
def test_an_interrupted_run_exits_cleanly(tmp_path, command, how, code):
    tree = tmp_path / "copy"
    write_tree(tree, 240, 40)
    before = snapshot(tree)
    args = [sys.executable, "-m", "newslint", command, "--jobs", "2", str(tree)]
    if command == "baseline":
        args += ["--output", str(tmp_path / "baseline.json")]
    # As from a terminal: a suite started in the background (`pytest &`) has SIGINT ignored, and so would
    # every process it starts, which would then never see the Ctrl-C and finish the run instead.
    run = subprocess.Popen(args, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=checkout_env(),
                           start_new_session=True, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    time.sleep(2.5)  # rules loaded, workers busy
    assert run.poll() is None, "the run finished before it could be interrupted; make the tree bigger"
    if how == "ctrl-c":
        os.killpg(run.pid, signal.SIGINT)  # a terminal sends Ctrl-C to the whole process group
    else:
        run.send_signal(signal.SIGTERM)  # a CI runner cancelling the job signals the main process
    stdout, stderr = run.communicate(timeout=60)
    assert run.returncode == code, stderr.decode()
    assert stderr.decode().strip().endswith("interrupted" if code == 130 else "terminated")
    assert "Traceback" not in stderr.decode()
    deadline = time.monotonic() + 10
    while _session_processes(run.pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _session_processes(run.pid) == []
    assert snapshot(tree) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy"]  # no baseline, no temporary file


# Stands in for a Ctrl-C while the command line's modules load: the import of `module` raises it.
_INTERRUPTED_IMPORT = """
import sys

MODULE = sys.argv[1]

class Interrupt:
    def find_spec(self, name, path=None, target=None):
        if name == MODULE:
            raise KeyboardInterrupt

sys.meta_path.insert(0, Interrupt())
sys.argv = ["newslint", "check", *sys.argv[2:]]
from newslint.entry import entry
entry()
"""


@pytest.mark.parametrize("module, options", [("click", ["--format", "json"]), ("newslint.commands", [])])
def test_ctrl_c_while_starting_up_exits_cleanly(tmp_path, module, options):
    story = tmp_path / "story.txt"
    story.write_text(f"{PARAGRAPH}\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-c", _INTERRUPTED_IMPORT, module, *options, str(story)],
                         capture_output=True, text=True, timeout=60)
    assert (run.returncode, run.stdout, run.stderr) == (130, "", "newslint: interrupted\n")


# A worker killed from outside, as the out-of-memory killer would: the check of one story kills its process.
_KILLED_WORKER = """
import os
import signal
import sys

from newslint import runner

checked = runner.check_task


def check_task(task):
    if task.path.endswith("story0007.md"):
        os.kill(os.getpid(), signal.SIGKILL)
    return checked(task)


runner.check_task = check_task  # the forked workers inherit it
sys.argv = ["newslint", *sys.argv[1:]]
from newslint.entry import entry
entry()
"""


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("command", ["check", "baseline"])
def test_a_worker_killed_from_outside_is_a_clear_error_not_a_bug(tmp_path, command):
    """It said "internal error (BrokenProcessPool: ...); this is a bug in newslint" and exited 3."""
    tree = tmp_path / "copy"
    write_tree(tree, 40, 2)
    args = [command, "--jobs", "2", str(tree)] + (["--output", str(tmp_path / "baseline.json")] * (command == "baseline"))
    checkout = str(Path(__file__).resolve().parent.parent)  # this checkout's newslint, whatever is installed
    run = subprocess.run([sys.executable, "-c", _KILLED_WORKER, *args], cwd=tmp_path, capture_output=True, text=True,
                         timeout=120, env={**os.environ, "PYTHONPATH": checkout})
    assert (run.returncode, run.stdout, run.stderr) == (
        2, "", "newslint: error: a worker process was killed (by the system: out of memory?); the run is incomplete\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy"]  # no baseline written


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="forked workers")
def test_a_stopped_run_stops_its_workers_and_the_pool_thread():
    """The workers were read from the pool only after shutdown had forgotten them, so none was terminated: each
    finished its story first. And the pool's manager thread, still closing its pipe while Python exited, could
    print an "Exception ignored ... Bad file descriptor" traceback after the run's one-line error."""
    from concurrent.futures import ProcessPoolExecutor

    from newslint.runner import _closing

    executor = ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("fork"))
    results = _closing(executor, executor.map(time.sleep, [0, 60, 60]))  # a quick story, then two slow ones
    assert next(results) is None
    workers, manager = list(executor._processes.values()), executor._executor_manager_thread
    with pytest.raises(KeyboardInterrupt):
        results.throw(KeyboardInterrupt)
    for worker in workers:
        worker.join(10)
    assert [worker.is_alive() for worker in workers] == [False, False]
    assert not manager.is_alive()


# A worker stopped part-way through sending its results, as Ctrl-C or a cancelled CI job can catch one: the
# check of one story writes half a message into the pool's result pipe and stops there (the other worker is
# busy), and the harness presses Ctrl-C once it has.
_HALF_SENT_RESULT = """
import os
import struct
import sys
import time

from newslint import runner

SENT = os.environ["NEWSLINT_TEST_SENT"]


def check_task(task):
    if task.path.endswith("story0000.txt"):
        frame = sys._getframe()
        while "result_queue" not in frame.f_locals:  # the pool's worker loop, which sends what this returns
            frame = frame.f_back
        os.write(frame.f_locals["result_queue"]._writer.fileno(), struct.pack("!i", 4096) + b"x" * 64)
        open(SENT, "w").close()
    time.sleep(60)


runner.check_task = check_task  # the forked workers inherit it
sys.argv = ["newslint", *sys.argv[1:]]
from newslint.entry import entry
entry()
"""


@pytest.mark.skipif(not Path("/proc").is_dir() or sys.platform == "win32", reason="POSIX signals and forked workers")
def test_a_run_stopped_while_a_worker_sends_its_results_still_exits(tmp_path):
    """The pool's manager thread waited for the rest of the half-sent message for ever, and Python's exit
    waits on that thread: `--jobs 8` over the Reuters stories hung after "interrupted" in 3 of 12 runs."""
    tree, sent = tmp_path / "copy", tmp_path / "sent"
    tree.mkdir()
    for n in range(20):  # story0000.txt first, so the first worker starts on it
        (tree / f"story{n:04d}.txt").write_text(f"Story {n}. {PARAGRAPH}\n", encoding="utf-8")
    checkout = str(Path(__file__).resolve().parent.parent)
    run = subprocess.Popen([sys.executable, "-c", _HALF_SENT_RESULT, "check", "--jobs", "2", str(tree)],
                           cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
                           env={**os.environ, "PYTHONPATH": checkout, "NEWSLINT_TEST_SENT": str(sent)},
                           preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        deadline = time.monotonic() + 60
        while not sent.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        os.killpg(run.pid, signal.SIGINT)
        stdout, stderr = run.communicate(timeout=30)
    finally:
        if run.poll() is None:
            os.killpg(run.pid, signal.SIGKILL)
            run.wait()
    assert (run.returncode, stdout, stderr) == (130, b"", b"newslint: interrupted\n")


# The workers die with the run after it has cancelled the stories still waiting, before the pool is shut down:
# SIGTERM to the whole process group, as a CI runner cancelling a job sends it, does that in some runs.
_WORKERS_DIE_AFTER_CANCEL = """
import os
import signal
import time

from newslint import runner


def check_task(task):
    time.sleep(60)


runner.check_task = check_task  # the forked workers inherit it
results = runner._results(list(range(40)), 2)  # the pool's results, as `run` reads them
executor = results.gi_frame.f_locals["executor"]
time.sleep(1)  # each worker has its first stories
for item in list(executor._pending_work_items.values()):
    item.future.cancel()  # what the interrupted run does to the stories not yet begun
for worker in list(executor._processes.values()):
    os.kill(worker.pid, signal.SIGKILL)
time.sleep(2)  # the pool's manager thread finds its workers dead
"""


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and forked workers")
def test_workers_dying_with_a_stopped_run_print_no_traceback():
    """Before Python 3.12 the pool's manager thread then set an error on a cancelled future, and printed the
    InvalidStateError's traceback after the run's one line ('terminated')."""
    checkout = str(Path(__file__).resolve().parent.parent)
    run = subprocess.run([sys.executable, "-c", _WORKERS_DIE_AFTER_CANCEL], capture_output=True, text=True,
                         timeout=60, env={**os.environ, "PYTHONPATH": checkout})
    assert (run.returncode, run.stdout, run.stderr) == (0, "", "")
