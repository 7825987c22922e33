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


def missing_examples(rule) -> list[str]:
    return [key for key in ("flags", "passes") if not rule.examples.get(key)]


def _label(example) -> str:
    text = " / ".join(map(str, example)) if isinstance(example, list) else str(example)
    text = " ".join(text.split())
    return text if len(text) <= 70 else text[:67] + "..."

