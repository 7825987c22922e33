"""`newslint rules --test`: run each rule on the `examples:` it carries, so house-rule edits are checked."""

from __future__ import annotations

from dataclasses import dataclass

from newslint.document import Document


@dataclass(frozen=True)
class ExampleResult:
    rule: str
    expectation: str  # "flags" or "passes"
    example: str
    found: int  # findings of this rule on the example

    @property
    def ok(self) -> bool:
        return (self.found > 0) == (self.expectation == "flags")


def test_rule(rule) -> list[ExampleResult]:
    """An example is a string (one document) or a list of strings (documents checked together, for
    cross-file rules)."""
    from newslint.engine import Engine

    engine = Engine([rule])
    results = []
    for expectation in ("flags", "passes"):
        for example in rule.examples.get(expectation, []):
            texts = example if isinstance(example, list) else [example]
            found, summaries = 0, []
            for number, text in enumerate(texts, 1):
                document = Document(f"example-{number}.txt", str(text))
                findings, summary = engine.check(document)
                found += len(findings)
                summaries.append((document.path, summary.get(rule.id)))
            for kind in engine.cross_file:
                found += sum(1 for _ in kind.finish(summaries))
            results.append(ExampleResult(rule.id, expectation, _label(example), found))
    return results


def unsettled_fixes(rules) -> list[str]:
    """Each rule's `flags` examples with its own safe fixes applied, then checked by all `rules` (the ones
    that run together): a fixed text that some rule would fix again means `--fix` never settles, as with
    "e-mail" to "email" beside "email address" to "e-mail address", which undo each other run after run."""
    from newslint.engine import Engine
    from newslint.fixes import plan

    engine = Engine(rules)
    problems = []
    for rule in rules:
        for example in rule.examples.get("flags", []):
            if isinstance(example, list):
                continue  # cross-file examples: their fixes are an editor's
            findings, _ = engine.check(Document("example.txt", str(example)))
            # The fixes `--fix` would write, through its own code (overlaps, whole-line deletions).
            plans = plan([f for f in findings if f.rule == rule.id], {"example.txt": str(example).encode("utf-8")})
            if not plans or plans[0].fixed is None:
                continue
            fixed = plans[0].fixed.decode("utf-8")
            again, _ = engine.check(Document("example.txt", fixed))
            for finding in (f for f in again if f.fix):
                problems.append(f"{rule.id}: fixed, {_label(str(example))!r} reads {_label(fixed)!r}, which "
                                f"{finding.rule} would change again")
    return problems


def missing_examples(rule) -> list[str]:
    return [key for key in ("flags", "passes") if not rule.examples.get(key)]


def _label(example) -> str:
    text = " / ".join(map(str, example)) if isinstance(example, list) else str(example)
    text = " ".join(text.split())
    return text if len(text) <= 70 else text[:67] + "..."

