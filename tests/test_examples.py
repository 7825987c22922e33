"""The drafts in examples/ are what the README's quick start runs on: each shows the defects it promises."""

from __future__ import annotations

import json
from pathlib import Path

EXAMPLES = Path(__file__).parent.parent / "examples"


def test_quick_start_drafts_show_every_family_of_defect(cli):
    result = cli("check", "--format", "json", EXAMPLES)
    assert result.exit_code == 1
    rules = {(Path(f["path"]).name, f["rule"]) for f in json.loads(result.stdout)["findings"]}
    assert {
        ("harbour-fire.txt", "duplicates.paragraph"),  # a paragraph pasted twice
        ("harbour-fire.txt", "hedging.stacked"),  # "appears to ... may have ... reportedly"
        ("harbour-fire.txt", "attribution.weasel"),  # "Critics say", "It is widely believed"
        ("harbour-fire.txt", "attribution.anonymous-source"),  # "Officials familiar with the inspection"
        ("harbour-fire.txt", "names.mixed-spelling"),  # Kowalczyk, then Kowalczik
        ("council-vote.md", "duplicates.paragraph"),
        ("council-vote.md", "names.mixed-spelling"),  # Gonzalez, then Gonzales
    } <= rules
