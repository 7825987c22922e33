"""The contract every kind follows: validate in `__init__`, find in `check`, optionally join files in `finish`."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

from newslint.finding import NO_VALUES, Hit
from newslint.records import record


@record
class CrossHit:
    """A hit found by comparing files: already located, since the engine no longer holds the document."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    text: str
    values: Mapping = NO_VALUES


class Kind:
    """One rule's behaviour.

    `unit` says what `check` receives: "sentence" or "paragraph" (a `Span`), or "document" (the `Document`).
    `fields` lists the YAML keys the kind accepts beyond the common ones; `placeholders` the values its
    hits supply to the message template besides `{text}`.
    """

    unit: str = "sentence"
    fields: frozenset[str] = frozenset()
    placeholders: frozenset[str] = frozenset()
    cross_file: bool = False  # True when the kind implements summarize() and finish()

    def __init__(self, rule) -> None:
        self.rule = rule

    def read_scope(self) -> str:
        """The `scope` field: `file` (the default) compares within one file, `corpus` across the run's
        files, in `summarize` and `finish`."""
        scope = self.rule.get("scope", "file")
        if scope not in ("file", "corpus"):
            raise self.rule.error(f"'scope' must be file or corpus, not {scope!r}", "scope")
        self.cross_file = scope == "corpus"
        return scope

    def check(self, unit) -> Iterator[Hit]:
        return iter(())

    def alongside(self, kinds: list[Kind]) -> None:
        """Told, once the engine has made them all, the kinds that run beside this one (itself included): a
        kind that defers to another reads them here."""

    # Words one of which a paragraph (as seen, its words all ASCII) must hold for `could_match` to be true
    # there, or None. The engine looks them up for every kind at once, and asks only the kinds left, so a
    # kind that widens `could_match` must widen (or drop) its `trigger` with it.
    trigger: frozenset[str] | None = None

    def could_match(self, paragraph) -> bool:
        """False only when `check` can find nothing in `paragraph`, nor in any of its sentences: the engine
        then skips the kind there. A kind that scans for words says so from the paragraph's word set."""
        return True

    def summarize(self, document) -> object:
        """Per-file facts for `finish`; runs in a worker process, so it must return picklable data."""
        return None

    def finish(self, summaries: Iterable[tuple[str, object]]) -> Iterable[CrossHit]:
        """Called once, with (path, summary) in path order: an iterable to read once, which may still be
        filling while later files are checked (so the main process joins files as they arrive)."""
        return ()
