"""What the commands do, apart from reading the command line: the only module, with `cli` and `entry`,
that prints or exits. Click stays out of it, so the commonest call (`newslint check FILE...`, the
pre-commit hook's) starts without loading the option parser (see `entry`)."""

from __future__ import annotations

import os
import sys

try:
    # The C module that `signal` wraps: `signal` turns its constants into enums when imported, which costs
    # the pre-commit call 2% of its instructions, and setting one handler and putting the old one back
    # needs neither.
    import _signal as signal
except ImportError:  # a Python without it
    import signal

from newslint.errors import (EXIT_BUG, EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, EXIT_INTERRUPTED, EXIT_TERMINATED,
                             NewslintError)
from newslint.finding import Severity


def check(paths: tuple[str, ...], *, output_format: str = "text", fail_level: str | None = None,
          baseline_file: str | None = None, changed_since: str | None = None, fix: bool = False,
          diff: bool = False, rule_files: tuple[str, ...] = (), select: tuple[str, ...] = (),
          enable: tuple[str, ...] = (), ignore: tuple[str, ...] = (), include: tuple[str, ...] = (),
          exclude: tuple[str, ...] = (), config_file: str | None = None, jobs: int = 0,
          stdin_filename: str | None = None, quiet: bool = False, cache: bool = False) -> None:
    """`newslint check`; always ends in sys.exit. The defaults are the command line's (a test holds them
    to it), so `newslint check FILE...` can run without the option parser."""
    with errors_exit():
        if sys.stdout is None:  # started with it closed (`>&-`): say so before checking anything
            raise NewslintError("standard output is closed: the report would have nowhere to go")
        if fix and not diff and "-" in paths:
            raise NewslintError("--fix cannot write to standard input; use --diff")

        def checked(quiet: bool, announce: bool = True):
            report, tasks = run_checks(paths, rule_files=rule_files, select=select, enable=enable, ignore=ignore,
                                       include=include, exclude=exclude, config_file=config_file, jobs=jobs,
                                       stdin_filename=stdin_filename, quiet=quiet, fail_level=fail_level,
                                       cache=cache, announce=announce)
            return report, tasks, _filtered(report.findings, tasks, changed_since, baseline_file, quiet)

        report, tasks, findings = checked(quiet)
        if (fix or diff) and _fixed(findings, tasks, diff, quiet, report.unreadable):
            # What is left is reported in the stories as now saved: a deleted repeat moves the lines
            # below it, a longer spelling the rest of its line, and a message's "line N" moves with them.
            report, tasks, findings = checked(quiet=True, announce=False)
        report = report._replace(findings=findings)
        from newslint.reporters import reporter
        from newslint.verdict import FailLevels

        fail_levels = FailLevels({task.path: task.config.fail_level or Severity.WARNING for task in tasks},
                                 Severity.parse(fail_level) if fail_level else Severity.WARNING)
        failed = report.incomplete or any(fail_levels.fails(f) for f in report.findings)

        stream = sys.stdout
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")  # a file name that is not UTF-8 prints, escaped
        color = output_format == "text" and stream.isatty() and "NO_COLOR" not in os.environ
        try:
            reporter(output_format)(report, stream, failed=failed, fail_levels=fail_levels, color=color)
            stream.flush()
        except BrokenPipeError:
            raise  # `| head`: the reader had all it wanted (errors_exit)
        except OSError as error:  # `> /dev/full`, a full disk: the report is lost, and a CI gate must know
            # What is left in the buffer goes nowhere, so the interpreter's last flush cannot fail again.
            os.dup2(os.open(os.devnull, os.O_WRONLY), stream.fileno())
            raise NewslintError(f"cannot write the report: {(error.strerror or str(error)).lower()}") from None
        if report.incomplete:
            sys.exit(EXIT_ERROR)
        sys.exit(EXIT_FINDINGS if failed else EXIT_CLEAN)


def run_checks(paths, *, rule_files, select, enable, ignore, include, exclude, config_file, jobs, stdin_filename,
               quiet, fail_level=None, cache=False, announce=True):
    """Find the files, check them, and say what could not be read: (report, tasks). The report's results
    include the paths never read (missing, or a pipe in a folder), so every format counts them alike.
    `announce=False` says nothing, for a second run over the same paths (after `--fix`)."""
    from newslint.config import Overrides, check_names, split_names
    from newslint.configsearch import ConfigFinder
    from newslint.engine import engine_for
    from newslint.files import DEFAULT_INCLUDE, discover, matches_path
    from newslint.runner import Task, run

    overrides = Overrides(
        rule_files=tuple(rule_files),
        select=split_names(select) or None,
        enable=split_names(enable),
        ignore=split_names(ignore),
        exclude=tuple(exclude),
        fail_level=Severity.parse(fail_level) if fail_level else None,
        config_file=config_file,
    )
    finder = ConfigFinder(overrides)
    file_paths = [p for p in paths if p != "-"]
    include = tuple(include) or DEFAULT_INCLUDE

    def excluded(path: str) -> bool:
        return matches_path(path, overrides.exclude) or finder.for_path(path).excludes(path)

    found = discover(file_paths, include=include, is_excluded=excluded)
    results_cache = None
    if cache:
        from newslint import resultcache

        results_cache = resultcache.directory()
        unwritable = results_cache and announce and not quiet and resultcache.unwritable()
        if unwritable:  # the run goes on as it would have: an entry that cannot be written is only a miss
            say(f"notice: --cache: cannot write to the cache folder {unwritable}, so this run's results are not kept")
    tasks = [Task(path, finder.for_path(path), cache=results_cache) for path in found.files]
    if "-" in paths:
        tasks.extend(_stdin_tasks(stdin_filename, finder, excluded, found))
    # With no file to check, names are checked against the rules a file here would get.
    configs = dict.fromkeys(t.config for t in tasks) or [finder.for_working_folder()]
    if results_cache:
        resultcache.stamp(configs)  # before any rule is read: a rule file saved during the run is the next run's
    check_names({config: engine_for(config).known_ids for config in configs}, overrides)
    if not any(engine_for(config).rules for config in configs):
        # `--select hedging --ignore hedging`: every run would pass having checked nothing, as a config's
        # `select: []` would, which is refused where the config is read.
        raise NewslintError("the selection leaves no rule to run, so nothing would be checked; "
                            "check --select, --ignore and the config's select and ignore")
    from newslint.progress import progress_for

    report = run(tasks, jobs, on_progress=progress_for(quiet))
    report.results[:0] = [_unread(path, error=problem) for path, problem in found.problems] + [
        _unread(path, skipped=reason) for path, reason in found.skipped]
    if announce:
        _announce(report, found.empty, quiet)
    return report, tasks


def _stdin_tasks(stdin_filename, finder, excluded, found) -> list:
    """The task for the text on standard input: none when it could not be read or its path is excluded
    (each noted in `found`, as a file's would be)."""
    from newslint.runner import Task

    name = stdin_filename or "<stdin>"
    config = finder.for_path(stdin_filename) if stdin_filename else finder.for_working_folder()
    try:
        text = _stdin_bytes()  # read even when excluded, so the editor writing it never meets a closed pipe
    except NewslintError as error:  # said and counted as any path that could not be read
        found.problems.append((name, error.message))
        return []
    if stdin_filename and excluded(stdin_filename):
        # An editor sends every buffer; one under a desk's excludes is left alone, as its file would be.
        found.skipped.append((stdin_filename, "excluded, so not checked"))
        return []
    return [Task(name, config, text)]


def _announce(report, empty_folders, quiet: bool) -> None:
    """Say on stderr what each file's check stopped on, could not do or skipped, and which folders held no
    file to check (notices only without --quiet)."""
    for result in report.results:
        for stopped in result.stopped.values():  # a rule file's runaway pattern, stopped rather than left to hang
            say(f"error: {result.path}: {stopped}")
        if result.error:
            say(f"error: {result.path}: {result.error}")
        elif result.skipped and not quiet:
            say(f"notice: {result.path}: {result.skipped}")
        elif result.notice and not quiet:
            say(f"notice: {result.path}: {result.notice}")
    if not quiet:
        for folder, why in empty_folders:
            say(f"notice: {folder}: no file to check here ({why})")


def _stdin_bytes() -> bytes:
    """What standard input holds. A job started with none (`<&-`, so Python has no `sys.stdin`) or with one
    open only for writing has nothing to give: an input error, not a bug."""
    if sys.stdin is None:
        raise NewslintError("standard input is closed")
    try:
        return sys.stdin.buffer.read()
    except OSError as error:
        raise NewslintError(f"cannot read standard input: {(error.strerror or str(error)).lower()}") from None


def _count(findings: int) -> str:
    return f"{findings} finding{'s' if findings != 1 else ''}"


def _unread(path: str, error: str | None = None, skipped: str | None = None):
    from newslint.runner import FileResult

    result = FileResult(path)
    result.error, result.skipped = error, skipped
    return result


def _filtered(findings, tasks, changed_since, baseline_file, quiet):
    """Only findings on changed lines, then only those the baseline does not hold; says what was hidden."""
    if changed_since:
        from newslint.changes import only_changed

        kept = only_changed(findings, changed_since, [t.path for t in tasks if t.data is not None],
                            [t.path for t in tasks if t.data is None])
        if len(kept) < len(findings) and not quiet:
            say(f"notice: {_count(len(findings) - len(kept))} on lines unchanged since {changed_since} not shown")
        findings = kept
    if baseline_file:
        from newslint.baseline import new_findings

        findings, known = new_findings(findings, baseline_file)
        if known and not quiet:
            say(f"notice: {_count(known)} already in {baseline_file} not shown")
    return findings


def _fixed(findings, tasks, diff_only, quiet, unreadable=False):
    """Apply (or, with `diff_only`, print and exit) the safe fixes; whether any file was rewritten (the caller
    then checks again). A diff exits 2 when a path could not be read (`unreadable`), as every check does."""
    from newslint import fixes

    plans = fixes.plan(findings, {t.path: t.data for t in tasks if t.data is not None})
    applied = set() if diff_only else fixes.write(plans)  # a file it cannot write gets a `problem` too
    for plan in plans:
        if plan.problem:
            say(f"notice: {plan.path}: {plan.problem}")
        elif diff_only and plan.fixed is not None and plan.unpatchable and not quiet:
            say(f"notice: {plan.path}: {plan.unpatchable}; it will not apply as a patch")
    if diff_only:
        diff = "".join(plan.diff() for plan in plans)
        sys.stdout.write(diff)
        sys.exit(EXIT_ERROR if unreadable else EXIT_FINDINGS if diff else EXIT_CLEAN)
    if applied and not quiet:
        files = len({f.path for f in applied})
        say(f"fixed {len(applied)} finding{'s' if len(applied) != 1 else ''} in {files} file{'s' if files != 1 else ''}")
    return bool(applied)


class _Terminated(BaseException):
    """SIGTERM, raised in the main process so that workers and half-written files are cleaned up on the
    way out, as they are for Ctrl-C."""


def _terminate(signum, frame):
    raise _Terminated()


class errors_exit:
    """Turn a NewslintError into one line and exit 2; Ctrl-C exits 130 and SIGTERM 143 (128 + signal, as
    shells report them), without a traceback; anything else is a bug, said plainly, exit 3."""

    def __enter__(self):
        try:
            self._previous = signal.signal(signal.SIGTERM, _terminate)
        except ValueError:  # not the main thread (an embedding application): leave its signals alone
            self._previous = None
        return self

    def __exit__(self, kind, error, traceback) -> bool:
        if self._previous is not None:
            signal.signal(signal.SIGTERM, self._previous)
        if isinstance(error, NewslintError):
            say(f"error: {error}")
            sys.exit(EXIT_ERROR)
        if isinstance(error, KeyboardInterrupt):
            say("interrupted")
            sys.exit(EXIT_INTERRUPTED)
        if isinstance(error, _Terminated):
            say("terminated")
            sys.exit(EXIT_TERMINATED)
        if isinstance(error, BrokenPipeError):
            # `newslint check drafts/ | head`: the reader has all it wants. Point stdout at /dev/null so
            # the interpreter's final flush cannot fail again; the report was cut short, so not exit 0.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(EXIT_FINDINGS)
        if error is not None and not isinstance(error, SystemExit):
            if os.environ.get("NEWSLINT_DEBUG"):
                return False
            say(f"internal error ({kind.__name__}: {error}); this is a bug in newslint, please report it. "
                 "Set NEWSLINT_DEBUG=1 to see the traceback.")
            sys.exit(EXIT_BUG)
        return False


def say(message: str) -> None:
    if sys.stderr is not None:
        sys.stderr.write(f"newslint: {message}\n")
        sys.stderr.flush()
