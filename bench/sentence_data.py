"""Read labelled uncertainty sentences (CoNLL-2010 XML or a `text,label` CSV) and split them reproducibly."""

from __future__ import annotations

import csv
import re
import zlib
from dataclasses import dataclass, field
from pathlib import Path

# Penn Treebank tokens and the characters they stand for.
_BRACKETS = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}"}
_PTB_SIGNS = re.compile(r"-[LR][RSC]B-|``|''| n't\b| 's\b| [.,;:?!](?: |$)")
_OPEN, _CLOSE = "\x01", "\x02"  # stand-ins for <ccue> and </ccue> while white space is collapsed
# Every fifth group (paragraph or sentence) is kept back to check the tuning.
CHECK_EVERY = 5


@dataclass
class Sentence:
    text: str
    uncertain: bool
    group: str  # what the split is keyed on: the paragraph for XML, the sentence for CSV
    cues: list[str] = field(default_factory=list)  # gold cues, when the file marks them
    cue_spans: list[tuple[int, int]] = field(default_factory=list)  # their offsets in `text`

    @property
    def split(self) -> str:
        return "check" if zlib.crc32(self.group.encode("utf-8")) % CHECK_EVERY == 0 else "tune"


def load(path: str | Path) -> list[Sentence]:
    path = Path(path)
    if path.suffix.lower() == ".xml":
        return _load_xml(path)
    return _load_csv(path)


def _load_xml(path: Path) -> list[Sentence]:
    """CoNLL-2010 (`sentence certainty=...`) or Szeged (`Sentence`, uncertain when it holds a `ccue`)."""
    import xml.etree.ElementTree as ET  # noqa: N817 - the usual name

    sentences = []
    for number, document in enumerate(ET.parse(path).getroot().iter("Document")):
        group = document.findtext("DocID") or str(number)
        for element in document.iter():
            if element.tag.lower() != "sentence":
                continue
            cues = ["".join(cue.itertext()) for cue in element.iter("ccue")]
            certainty = element.get("certainty")
            uncertain = certainty == "uncertain" if certainty else bool(cues)
            text, spans = _text_and_cue_spans(element)
            sentences.append(Sentence(text, uncertain, group, cues, spans))
    return sentences


def _text_and_cue_spans(element) -> tuple[str, list[tuple[int, int]]]:
    """The sentence's text with white space collapsed, and the offsets of its `<ccue>` elements in it."""
    pieces = [element.text or ""]
    for child in element:
        inner = "".join(child.itertext())
        pieces.append(f"{_OPEN}{inner}{_CLOSE}" if child.tag == "ccue" else inner)
        pieces.append(child.tail or "")
    marked = " ".join("".join(pieces).split())
    text, spans, start = [], [], 0
    for char in marked:
        if char == _OPEN:
            start = len(text)
        elif char == _CLOSE:
            spans.append((start, len(text)))
        else:
            text.append(char)
    return "".join(text), spans


def _load_csv(path: Path) -> list[Sentence]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    sentences = []
    for row in rows:
        text = " ".join(row["text"].split())
        if is_treebank(text):
            text = detokenize(text)
        sentences.append(Sentence(text, str(row["label"]).strip() in ("1", "True", "true", "uncertain"), text))
    return sentences


def is_treebank(text: str) -> bool:
    return bool(_PTB_SIGNS.search(text))


def detokenize(text: str) -> str:
    """Undo Penn Treebank tokenisation: brackets, quotes, clitics and the spaces before punctuation."""
    for token, char in _BRACKETS.items():
        text = text.replace(token, char)
    text = re.sub(r"``\s*", '"', text)
    text = re.sub(r"\s*''", '"', text)
    text = re.sub(r" (n't|'s|'re|'ve|'ll|'d|'m)\b", r"\1", text)
    text = re.sub(r"([(\[{]) ", r"\1", text)
    text = re.sub(r" ([)\]}])", r"\1", text)
    text = re.sub(r" ([.,;:?!%])", r"\1", text)
    text = re.sub(r"\$ (?=\d)", "$", text)
    return text
