"""Ground truth for the cross-file duplicate benchmark: plant near-duplicate paragraphs into a temporary
copy of a corpus, find the corpus's real repeated stories, and compare every pair of paragraphs on a sample.

Nothing here is written into the repository: the copy lives in a temporary directory.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

_WORD = re.compile(r"\w+")
# Words a copy editor's slip might swap in: the planted copy reads like the same paragraph, re-edited.
_SWAPS = ["the", "said", "would", "also", "new", "about", "more", "its", "last", "first", "company", "year"]


@dataclass
class Plant:
    source: str  # file the paragraph was taken from
    source_line: int  # its line there (1-based)
    target: str  # file it was planted in
    line: int  # line of the planted copy
    similarity: float  # rapidfuzz ratio of the planted copy to the original, on lower-case words


def key(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def repeated_groups(paths: list[Path], body_only: bool) -> list[list[str]]:
    """Groups of files with the same content (or the same body: everything after the headline)."""
    groups: dict[str, list[str]] = {}
    for path in paths:
        data = path.read_bytes()
        if body_only:
            data = data.split(b"\n\n", 1)[-1]
        groups.setdefault(hashlib.sha1(data).hexdigest(), []).append(str(path))
    return [sorted(group) for group in groups.values() if len(group) > 1]


def plant(sources: list[Path], into: Path, count: int, seed: int = 7) -> list[Plant]:
    """Copy `sources` into `into`, then plant `count` near-duplicate paragraphs, each from one file into
    another. Files in a repeated-story group are left alone, so plants and real repeats never mix."""
    from rapidfuzz import fuzz

    rng = random.Random(seed)
    copies = []
    for path in sources:
        target = into / path.name
        shutil.copyfile(path, target)
        copies.append(target)
    grouped = {Path(p).name for g in repeated_groups(copies, body_only=True) for p in g}
    grouped |= {Path(p).name for g in repeated_groups(copies, body_only=False) for p in g}
    eligible = [p for p in copies if p.name not in grouped]
    rng.shuffle(eligible)
    used_sources = eligible[:count]
    targets = eligible[count : 2 * count]
    plants = []
    for source, target in zip(used_sources, targets):
        text = source.read_text("utf-8")
        paragraphs = [(i, p) for i, p in _paragraphs(text) if 20 <= len(p.split()) <= 120 and i > 0]
        if not paragraphs:
            continue
        index, paragraph = rng.choice(paragraphs)
        changed = _edit(paragraph, rng)
        similarity = fuzz.ratio(key(paragraph), key(changed))
        target_text = target.read_text("utf-8").rstrip("\n")
        blocks = target_text.split("\n\n")
        where = rng.randint(1, len(blocks))  # never before the headline
        blocks.insert(where, changed)
        new_text = "\n\n".join(blocks) + "\n"
        target.write_text(new_text, "utf-8")
        line = new_text[: new_text.index(changed)].count("\n") + 1
        source_line = text[: text.index(paragraph)].count("\n") + 1
        plants.append(Plant(str(source), source_line, str(target), line, similarity))
    return plants


def _paragraphs(text: str) -> list[tuple[int, str]]:
    return [(i, block.strip()) for i, block in enumerate(text.split("\n\n")) if block.strip()]


def _edit(paragraph: str, rng: random.Random) -> str:
    """Change one word in about every 25 (at least one): 'a paragraph repeated with a few words changed'."""
    words = paragraph.split(" ")
    # Only plain words change: a changed figure makes an update, which the detector rightly lets pass.
    plain = [i for i, word in enumerate(words) if i and word.isalpha() and word.islower()]
    for i in rng.sample(plain, min(len(plain), max(1, len(words) // 25))):
        words[i] = rng.choice([w for w in _SWAPS if w != words[i].lower()])
    return " ".join(words)


def index_matches(paths: list[str]) -> dict[tuple[str, int], str]:
    """(path, line) of every paragraph the shipped `duplicates.across-files` rule matches to one in an earlier
    file (path order), with that file: the per-paragraph answers its findings group (a story, part of one,
    a paragraph), from the rule's own matching, so a finding that covers several paragraphs is counted for
    exactly the paragraphs it covers."""
    from newslint import kinds
    from newslint.document import Document
    from newslint.ruleset import builtin_rule_files, load_rules

    kind = kinds.create(next(r for r in load_rules(builtin_rule_files()) if r.id == "duplicates.across-files"))
    summaries = ((path, kind.summarize(Document.read(path))) for path in sorted(paths))
    return {(path, paragraph.line): source for path, _, by_source in kind.cross_matches(summaries)
            for source, repeats in by_source.items() for paragraph, _, _ in repeats}


def reported(matches: dict[tuple[str, int], str], findings: list[dict]) -> int:
    """How many of the index's matches the command's output reports: a finding on the match's file that
    names the earlier file (each finding names its earlier file, whatever it covers)."""
    named = {(f["path"], _earlier_file(f["message"])) for f in findings if f["rule"] == "duplicates.across-files"}
    return sum((path, earlier) in named for (path, _), earlier in matches.items())


def _earlier_file(message: str) -> str:
    """The earlier file a cross-file message names: "... repeats PATH[:LINE] (97% alike)."""
    named = message.split(" repeats ", 1)[1].rsplit(" (", 1)[0]
    return named.rsplit(":", 1)[0] if message.startswith("Paragraph ") else named


def recall_of_plants(plants: list[Plant], matches: dict[tuple[str, int], str]) -> tuple[int, int]:
    """(found, found matched to the other copy). Files are compared in path order, so the match is made on
    whichever copy sorts later: the planted copy, or the original paragraph in the source file (which a
    third file may hold too)."""
    found = exact = 0
    for plant in plants:
        on_target, on_source = matches.get((plant.target, plant.line)), matches.get((plant.source, plant.source_line))
        found += bool(on_target or on_source)
        exact += on_target == plant.source or on_source == plant.target
    return found, exact


def repeats_found(groups: list[list[str]], findings: list[dict]) -> tuple[int, int]:
    """(later copies with a cross-file finding, later copies): each group's first file in path order is the
    original, every other is a repeat that must be reported."""
    flagged = {f["path"] for f in findings if f["rule"] == "duplicates.across-files"}
    later = [path for group in groups for path in sorted(group)[1:]]
    return sum(path in flagged for path in later), len(later)


def exhaustive_truth(paths: list[str], threshold: float) -> set[tuple[str, int]]:
    """(path, line) of every paragraph that has a match at or above `threshold` in an earlier file (path
    order), found by comparing every paragraph with every other: what candidate generation must not miss."""
    from rapidfuzz import fuzz, process

    from newslint import kinds
    from newslint.document import Document
    from newslint.ruleset import builtin_rule_files, load_rules

    rule = next(r for r in load_rules(builtin_rule_files()) if r.id == "duplicates.across-files")
    kind = kinds.create(rule)
    entries = []  # (file number, path, line, key)
    for number, path in enumerate(sorted(paths)):
        for _, paragraph in kind._paragraphs(Document.read(path)):
            entries.append((number, path, paragraph.line, paragraph.key))
    truth = set()
    first_of_file: dict[int, int] = {}
    for i, entry in enumerate(entries):
        first_of_file.setdefault(entry[0], i)
    for i, (number, path, line, key_text) in enumerate(entries):
        earlier = [entry[3] for entry in entries[: first_of_file[number]]]  # every paragraph of every earlier file
        if earlier and process.extractOne(key_text, earlier, scorer=fuzz.ratio, processor=None,
                                          score_cutoff=threshold) is not None:
            truth.add((path, line))
    return truth


def load_findings(stdout: str) -> list[dict]:
    return json.loads(stdout)["findings"] if stdout.strip() else []
