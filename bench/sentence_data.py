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


class DataError(Exception):
    """A labelled file or folder that cannot be read: the message names it and says why."""


def load(path: str | Path) -> list[Sentence]:
    """The sentences of a CoNLL-2010 XML file, a `text,label` CSV, or every such file under a folder (a
    held-out release may come as a folder of parts)."""
    path = Path(path)
    if path.is_dir():
        files = sorted(f for f in path.rglob("*") if f.is_file() and f.suffix.lower() in (".xml", ".csv"))
        if not files:
            raise DataError(f"{path}: no .xml or .csv file in this folder")
        return [sentence for file in files for sentence in load(file)]
    try:
        return _load_xml(path) if path.suffix.lower() == ".xml" else _load_csv(path)
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise DataError(f"{path}: {getattr(error, 'strerror', None) or error}") from None


def _load_xml(path: Path) -> list[Sentence]:
    """CoNLL-2010 (`sentence certainty=...`) or Szeged (`Sentence`, uncertain when it holds a `ccue`)."""
    import xml.etree.ElementTree as ET  # noqa: N817 - the usual name

    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as error:
        raise DataError(f"{path}: not well-formed XML ({error})") from None
    sentences = []
    documents = list(root.iter("Document"))
    for number, document in enumerate(documents or [root]):
        group = document.findtext("DocID") or str(number)
        for element in document.iter():
            if element.tag.lower() != "sentence":
                continue
            cues = ["".join(cue.itertext()) for cue in element.iter("ccue")]
            certainty = element.get("certainty")
            uncertain = certainty == "uncertain" if certainty else bool(cues)
            text, spans = _text_and_cue_spans(element)
            # Bare sentences with no `Document` around them are split one by one, as a CSV's are.
            sentences.append(Sentence(text, uncertain, group if documents else text, cues, spans))
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
    # utf-8-sig: a spreadsheet's byte-order mark would otherwise become part of the first column's name.
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        columns = {name.strip().lower(): name for name in reader.fieldnames or []}
        text_column = columns.get("text") or columns.get("sentence")
        if not text_column or "label" not in columns:
            found = ", ".join(reader.fieldnames or []) or "none"
            raise DataError(f"{path}: needs a 'text' (or 'sentence') column and a 'label' column; "
                            f"found {found if len(found) < 80 else found[:77] + '...'}")
        rows = [(row[text_column] or "", row[columns["label"]]) for row in reader]
    sentences = []
    for raw, label in rows:
        text = " ".join(raw.split())
        if is_treebank(text):
            text = detokenize(text)
        sentences.append(Sentence(text, is_uncertain_label(label), text))
    return sentences


def is_uncertain_label(label: str | None) -> bool:
    """`1` (or `1.0`, `true`, `uncertain`, the class names `weasel` and `hedge`): the sentence is uncertain."""
    return str(label).strip().lower() in ("1", "1.0", "true", "yes", "uncertain", "weasel", "hedge")


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
