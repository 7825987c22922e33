"""Whether findings fail the run: each is judged by the fail level of its own file's config, so one run over
several desks applies each desk's gate."""

from __future__ import annotations

from newslint.finding import Finding, Severity


class FailLevels:
    """The fail level of every checked file. (A plain class: a dataclass costs a one-file run about a
    millisecond to define.)"""

    def __init__(self, by_path: dict[str, Severity], default: Severity = Severity.WARNING) -> None:
        self.by_path = by_path
        self.default = default  # for a run that checked no file

    def fails(self, finding: Finding) -> bool:
        return finding.severity >= self.by_path.get(finding.path, self.default)

    def in_use(self) -> list[Severity]:
        """The distinct levels the run applied, highest first."""
        return sorted(set(self.by_path.values()) or {self.default}, reverse=True)
