"""The `newslint` console script and `python -m newslint`.

`newslint check FILE...`, what the pre-commit hook runs on every commit, is read here without click:
importing click (and the inspect, typing and datetime modules it pulls in) costs more than checking a
story. Every other command line, options, `-` and mistakes included, goes to click in `cli`.
"""

from __future__ import annotations

import atexit
import gc
import os
import sys

from newslint.errors import EXIT_FINDINGS, EXIT_INTERRUPTED


def entry() -> None:
    """Run the command, then exit at once.

    Tearing the interpreter down (freeing every module, rule and kind one by one) costs a one-file run,
    the pre-commit case, a tenth of its time and does nothing a linter needs. So once the exit handlers
    have run (one saves the regex cache) and the output is flushed, the process ends at once. After a
    worker pool, the interpreter winds down as usual: its shutdown is what stops the pool's threads.

    The garbage collector is off until the files are checked: loading (modules, then the rules and their
    kinds from the cache) makes objects that all live until exit, and collecting every 700 of them traces
    the growing heap again and again to free nothing, about 5% of a one-file run. `runner.run` freezes
    what is loaded and collects while it checks files, as usual."""
    gc.disable()
    try:
        from newslint.commands import check

        plain = plain_check(sys.argv[1:])
        if plain is None:
            from newslint.cli import main

            main()  # standalone click: every run, --help and usage errors included, ends in sys.exit(an int)
        else:
            check(**plain)  # ends in sys.exit, as the click command does
    except SystemExit as exit:
        if "concurrent.futures.process" in sys.modules and not _pool_thread_stuck():
            raise
        code = exit.code
        # Kept until os._exit: the end of this block would drop the exception, and with its traceback the
        # command's frames, freeing one by one the tasks, report and findings they hold, for nothing.
        kept = exit  # noqa: F841
    except KeyboardInterrupt:
        # Ctrl-C before the command's own handler is in place (while click or the rules are imported).
        sys.stderr.write("newslint: interrupted\n")
        code = EXIT_INTERRUPTED
    atexit._run_exitfuncs()
    try:
        if sys.stdout is not None:  # None when started with it closed (`>&-`): nothing was written to flush
            sys.stdout.flush()
    except BrokenPipeError:  # `newslint check drafts/ | head`: the report was cut short, so not exit 0
        code = code or EXIT_FINDINGS
    try:
        if sys.stderr is not None:  # closed (`2>&-`): the AttributeError exited 1, a clean run failing its gate
            sys.stderr.flush()
    except OSError:
        pass
    os._exit(code)


def _pool_thread_stuck() -> bool:
    """A worker pool's manager thread still running after the run stopped: a worker stopped (Ctrl-C, a
    cancelled CI job) while sending its results left half a message in the pool's pipe, and the thread waits
    for the rest for ever. Python's shutdown waits on that thread, so the run hung after saying
    "interrupted"; it ends at once instead, as a run without workers does."""
    import threading

    main = threading.main_thread()
    return any(thread is not main and not thread.daemon and thread.is_alive() for thread in threading.enumerate())


def plain_check(argv: list[str]) -> dict | None:
    """For `check` followed by paths and at most `-q`/`--quiet`: the arguments click would give
    `commands.check` (every other option at its default). None for any other command line; so "-"
    (standard input), "--", any other option and no path at all are left to click. Windows is too: there
    click expands wildcards in the arguments, as its shell does not."""
    if sys.platform == "win32" or not argv or argv[0] != "check":
        return None
    paths, quiet = [], False
    for argument in argv[1:]:
        if argument in ("-q", "--quiet"):
            quiet = True
        elif argument.startswith("-"):
            return None
        else:
            paths.append(argument)
    return {"paths": tuple(paths), "quiet": quiet} if paths else None
