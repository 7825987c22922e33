"""Check files: each in a worker process when there are many, then the cross-file pass over what each
file's check summarised. Output order never depends on the number of workers."""

from __future__ import annotations

import gc
import os
import sys
import weakref
from collections.abc import Callable, Iterable, Iterator

from newslint import suppression
from newslint.config import Config
from newslint.decoding import BinaryFile
from newslint.document import Document, read_bytes
from newslint.engine import Engine, cross_finding, engine_for
from newslint.errors import NewslintError
from newslint.finding import Finding
from newslint.kinds.base import Kind
from newslint.records import record
from newslint.ruleset import Rule

# Below this many files a worker pool costs more than it saves.
PARALLEL_MIN_FILES = 16
# During a run, how many collections of the middle generation a full one waits for (Python: 10).
FULL_COLLECTION_RARITY = 1000
# During a run, how many more new objects than usual (Python: 700) the youngest generation takes before it
# is collected. Checking one story makes tens of thousands of short-lived objects, nearly all freed by
# reference counting; collecting ten times as rarely traces them a tenth as often, 0.5% of a serial run's
# instructions, and the cycles that do die wait a few thousand allocations longer (peak memory unchanged).
YOUNG_COLLECTION_RARITY = 10


@record
class Task:
    path: str
    config: Config
    data: bytes | None = None  # stdin's bytes; files are read in the worker
    cache: str | None = None  # the folder of `resultcache`, with --cache


class FileResult:
    """What checking one file gave; filled in by `check_task` (a plain class: a dataclass costs a one-file
    run about a millisecond to define)."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.findings: list[Finding] = []
        self.summaries: dict[str, object] = {}
        self.notice: str | None = None  # read, with a caveat (encoding guessed)
        self.skipped: str | None = None  # not checked, and why (binary)
        self.error: str | None = None  # could not be checked
        self.stopped: dict[str, str] = {}  # rules stopped on this file for running too long: id -> why
        self.suppressions: suppression.Suppressions | None = None  # inline `newslint-disable` ranges


@record
class Report:
    findings: list[Finding]
    results: list[FileResult]
    rules: list[Rule]  # every rule that ran on some file, for reporters that describe rules

    @property
    def checked(self) -> int:
        return sum(1 for r in self.results if not r.error and not r.skipped)

    @property
    def unreadable(self) -> bool:
        """Some path could not be read: an input error, whatever the files that were read gave. The run checks
        the rest, but its verdict is not a clean one: a CI gate told `drafs/` for `drafts/`, or a story it
        cannot open, must not pass."""
        return any(r.error for r in self.results)

    @property
    def rules_stopped(self) -> int:
        """House rules stopped for overrunning their time budget: they checked none of the files after the
        one they overran on, so, as with an unreadable path, the run is not a clean one. Only a runaway
        pattern overruns; a sane one takes microseconds of its second. Each worker stops a rule on its own,
        so one rule may be named on a file in each: rules are counted by id."""
        return len({rule_id for result in self.results for rule_id in result.stopped})

    @property
    def incomplete(self) -> bool:
        """A path unread or a rule stopped: the run fails (exit 2) whatever its findings, and writes no baseline."""
        return self.unreadable or self.rules_stopped > 0


def check_task(task: Task) -> FileResult:
    result = FileResult(task.path)
    try:
        data = read_bytes(task.path) if task.data is None else task.data
        if task.cache:
            from newslint import resultcache

            kept = resultcache.load(task.cache, task.path, task.config, data)
            if kept is not None:
                return kept
        document = Document.from_bytes(task.path, data)
    except BinaryFile as why:
        result.skipped = str(why)
        return result
    except NewslintError as error:
        result.error = error.message
        return result
    result.notice = document.notice
    engine = engine_for(task.config)
    findings, result.summaries = engine.check(document)
    result.stopped = engine.stopped_here
    findings, result.suppressions = suppression.apply(document, findings, engine.known_ids, task.config)
    result.findings = engine.once_per_spelling(findings)
    document.release()  # freed now by reference counting, not traced by the garbage collector first
    if task.cache and not engine.stopped:  # a rule stopped on any file so far is missing from this one too
        resultcache.store(task.cache, task.path, task.config, data, result)
    return result


def engines_for(tasks: list[Task]) -> list[Engine]:
    """One engine per configuration the tasks use, in task order."""
    return [engine_for(config) for config in dict.fromkeys(task.config for task in tasks)]


def run(tasks: list[Task], jobs: int = 0, on_progress: Callable[[int, int], None] | None = None) -> Report:
    """Check every task; `jobs` 0 means one worker per core. Output order never depends on `jobs`."""
    engines = engines_for(tasks)  # rules loaded and validated once, before any worker starts
    # The modules, rules and kinds loaded so far live as long as the run: out of the garbage collector's
    # reach, it does not trace them again at every collection, and forked workers keep sharing their pages.
    gc.freeze()
    # A full collection traverses every object still alive, and a long run keeps every file's findings and
    # summaries and the cross-file index: at Python's default rate, full collections cost a serial run over
    # the Reuters corpus a fifth of its CPU. Each document's own cycles die young and are still freed by
    # the younger generations, more rarely too (YOUNG_COLLECTION_RARITY), for the length of the run.
    # Workers forked from this process inherit both the frozen objects and these thresholds.
    thresholds, enabled = gc.get_threshold(), gc.isenabled()
    gc.set_threshold(thresholds[0] * YOUNG_COLLECTION_RARITY, thresholds[1], FULL_COLLECTION_RARITY)
    gc.enable()  # `entry` turns it off while loading: checking files makes garbage, loading does not
    results: list[FileResult] = []
    arriving = _collecting(_results(tasks, jobs), results, len(tasks), on_progress)
    try:
        cross = _cross_file_pass(tasks, engines, results, arriving)
    finally:
        arriving.close()  # interrupted while joining: stop the workers now, not when the traceback goes
        gc.set_threshold(*thresholds)
        if not enabled:
            gc.disable()
    findings = [finding for result in results for finding in result.findings]
    findings.extend(suppression.drop_suppressed(cross, {r.path: r.suppressions for r in results}))
    rules = {rule.id: rule for engine in engines for rule in engine.rules}
    if any(f.rule == suppression.UNKNOWN_RULE.id for f in findings):
        rules[suppression.UNKNOWN_RULE.id] = suppression.UNKNOWN_RULE
    return Report(sorted(findings), results, [rules[k] for k in sorted(rules)])


def _collecting(stream: Iterable[FileResult], results: list[FileResult], total: int,
                on_progress: Callable[[int, int], None] | None) -> Iterator[FileResult]:
    """Each result as it arrives, kept in `results` (in task order) and counted for the progress bar."""
    for done, result in enumerate(stream, 1):
        results.append(result)
        if on_progress:
            on_progress(done, total)
        yield result


def _results(tasks: list[Task], jobs: int) -> Iterable[FileResult]:
    jobs = _workers(jobs, len(tasks))
    if jobs == 1 or len(tasks) < PARALLEL_MIN_FILES:
        return map(check_task, tasks)
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # fork: workers inherit the loaded rules; start-up elsewhere would reload them per worker.
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    executor = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context(method), initializer=_worker_start)
    chunk = max(1, min(64, len(tasks) // (jobs * 8)))
    results = executor.map(check_task, tasks, chunksize=chunk)
    _ignore_cancelled_future_error(getattr(executor, "_executor_manager_thread", None))
    return _closing(executor, results)


def _ignore_cancelled_future_error(manager) -> None:
    """Python before 3.12 (CPython gh-107219): when the workers die with the run (SIGTERM to its whole process
    group, as a CI runner cancelling a job sends it), the pool's manager thread sets an error on the futures
    the stopped run has already cancelled, and printed that InvalidStateError's traceback after 'terminated'
    (2 of 7 such runs over the Reuters stories). Python 3.12 ignores the error; so does this, in this pool's
    thread only."""
    import threading

    if manager is None or sys.version_info >= (3, 12):
        return
    if not hasattr(threading.excepthook, "pool_managers"):  # one hook for every pool of the process
        previous = threading.excepthook

        def hook(args) -> None:
            from concurrent.futures import InvalidStateError

            if not (args.thread in hook.pool_managers and issubclass(args.exc_type, InvalidStateError)):
                previous(args)

        hook.pool_managers = weakref.WeakSet()
        threading.excepthook = hook
    threading.excepthook.pool_managers.add(manager)


def _workers(jobs: int, files: int) -> int:
    """How many worker processes `--jobs` gets: never more than the files (an idle worker still costs a
    process start), nor more than four per core. Checking copy is CPU-bound, so workers past the cores help
    only while files wait on a slow network share; `-j 100000` must not start thousands of processes."""
    cores = os.cpu_count() or 1
    limit = min(files, 4 * cores)
    if sys.platform == "win32":
        limit = min(limit, 61)  # ProcessPoolExecutor refuses more: Windows waits on at most 63 handles at once
    return max(1, min(jobs or cores, limit))


def _worker_start() -> None:
    """Workers leave Ctrl-C to the main process, which stops them: the terminal sends SIGINT to every
    process in the group, and a traceback from each worker would bury the one line that matters."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


# How long a stopped pool's manager thread gets to finish: it closes its queues and reaps the terminated workers.
MANAGER_EXIT_SECONDS = 3  # it needs well under a second; one waiting for ever is left to `entry`


def _closing(executor, results):
    from concurrent.futures.process import BrokenProcessPool

    try:
        yield from results
    except BaseException as error:
        # Interrupted or failed: stop the workers now instead of letting them finish the queue. They are
        # stopped before the pool is shut down (which forgets them): the pool's manager thread then finds them
        # dead and takes its broken-pool way out, which stops feeding their queue. Shut down first, it may be
        # feeding a queue no one reads any more, and wait on that for ever.
        processes = list((getattr(executor, "_processes", None) or {}).values())
        manager = getattr(executor, "_executor_manager_thread", None)
        for process in processes:
            process.terminate()
        executor.shutdown(wait=False, cancel_futures=True)
        if manager is not None:
            # At exit Python wakes the manager thread through a pipe, without the lock the thread takes to
            # close it: a pipe closed at that moment prints an "Exception ignored" traceback (Bad file
            # descriptor) after our one-line error. Once the thread has finished, the pipe is known closed.
            manager.join(timeout=MANAGER_EXIT_SECONDS)
        if isinstance(error, BrokenProcessPool):
            # A worker that raises hands its exception back; only one killed from outside (the system's
            # out-of-memory killer, mostly) breaks the pool. Not a bug to report, but not a clean run either.
            raise NewslintError("a worker process was killed (by the system: out of memory?); "
                                "the run is incomplete") from None
        raise
    executor.shutdown()


def _cross_file_pass(tasks: list[Task], engines: list[Engine], results: list[FileResult],
                     arriving: Iterator[FileResult]) -> list[Finding]:
    """Join per-file summaries by rule id; each rule's kind from the first of `engines` (one per
    configuration, in task order) that runs it.

    `arriving` yields the results as the workers finish them, in task order. When that is also path order
    (one folder, or files named in order: the usual run), the first cross-file rule joins each file as it
    arrives, so the main process does that work while the workers still check files instead of after
    them. Any other rule, or files out of path order, are joined once every file is in."""
    finishers: dict[str, Kind] = {}
    for engine in engines:
        for kind in engine.cross_file:
            finishers.setdefault(kind.rule.id, kind)
    findings = []
    ordered = sorted(finishers.items())
    if ordered and all(a.path <= b.path for a, b in zip(tasks, tasks[1:])):
        rule_id, kind = ordered.pop(0)
        streamed = ((r.path, r.summaries[rule_id]) for r in arriving if rule_id in r.summaries)
        findings.extend(cross_finding(kind.rule, hit) for hit in kind.finish(streamed))
    for _ in arriving:
        pass  # every result is in `results` before the other rules are joined
    for rule_id, kind in ordered:
        # sorted() is stable: files with the same path (standard input twice) keep task order.
        summaries = sorted(((r.path, r.summaries[rule_id]) for r in results if rule_id in r.summaries),
                           key=lambda item: item[0])
        findings.extend(cross_finding(kind.rule, hit) for hit in kind.finish(summaries))
    return findings
