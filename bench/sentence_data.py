"""Read labelled uncertainty sentences (CoNLL-2010, Szeged or BioScope XML, or a `text,label` CSV) and split them
reproducibly."""

from __future__ import annotations

import csv
import re
import zlib
from dataclasses import dataclass, field
from pathlib import Path

# Penn Treebank tokens and the characters they stand for.
_BRACKETS = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}"}
_PTB_SIGNS = re.compile(r"-[LR][RSC]B-|``|''| n't\b| 's\b| [.,;:?!](?: |$)")
_OPEN, _CLOSE = "\x01", "\x02"  # stand-ins for a cue's start and end tags while white space is collapsed
# Every fifth group (paragraph or sentence) is kept back to check the tuning.
CHECK_EVERY = 5
# The Szeged corpus's `<ccue type="...">` values and the names the report gives them.
CUE_TYPES = {"speculation_modal_probable_": "epistemic", "speculation_hypo_doxastic _": "doxastic",
             "speculation_hypo_condition _": "condition", "speculation_hypo_investigation _": "investigation"}
# Characters the Szeged writer escaped in DocIDs; undone, a paragraph keeps its CoNLL-2010 DocID and so
# falls in the same split there and here (the two annotate the same Wikipedia paragraphs).
_DOCID_ESCAPES = {"_LRB2_": "(", "_RRB2_": ")", "_SMALLL_": "ł"}


@dataclass
class Sentence:
    text: str
    uncertain: bool
    group: str  # what the split is keyed on: the paragraph for XML, the sentence for CSV
    cues: list[str] = field(default_factory=list)  # gold cues, when the file marks them
    cue_spans: list[tuple[int, int]] = field(default_factory=list)  # their offsets in `text`
    cue_types: list[str] = field(default_factory=list)  # beside `cues`: "doxastic", ...; "" when untyped

    @property
    def is_conditional_only(self) -> bool:
        """Uncertain only through "if", "would" and the like: news copy states conditions, it does not hedge them."""
        return bool(self.cue_types) and all(kind == "condition" for kind in self.cue_types)

    @property
    def split(self) -> str:
        return "check" if zlib.crc32(self.group.encode("utf-8")) % CHECK_EVERY == 0 else "tune"


class DataError(Exception):
    """A labelled file or folder that cannot be read: the message names it and says why."""


def load(path: str | Path) -> list[Sentence]:
    """The sentences of a CoNLL-2010, Szeged or BioScope XML file, a `text,label` CSV, or every such file under a
    folder (a held-out release may come as a folder of parts)."""
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
    """CoNLL-2010 (`sentence certainty=...`), or Szeged and BioScope (`Sentence` or `sentence`, uncertain when it
    holds an uncertainty cue)."""
    import xml.etree.ElementTree as ET  # noqa: N817 - the usual name

    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as error:
        raise DataError(f"{path}: not well-formed XML ({error})") from None
    sentences = []
    documents = list(root.iter("Document"))
    for number, document in enumerate(documents or [root]):
        group = _unescape_docid(document.findtext("DocID") or str(number))
        for element in document.iter():
            if element.tag.lower() != "sentence":
                continue
            text, cues = _text_and_cues(element)
            certainty = element.get("certainty")
            uncertain = certainty == "uncertain" if certainty else bool(cues)
            # Bare sentences with no `Document` around them are split one by one, as a CSV's are.
            sentences.append(Sentence(text, uncertain, group if documents else text, [text[a:b] for a, b, _ in cues],
                                      [(a, b) for a, b, _ in cues], [kind for _, _, kind in cues]))
    return sentences


def _unescape_docid(docid: str) -> str:
    for escape, char in _DOCID_ESCAPES.items():
        docid = docid.replace(escape, char)
    return docid


def _cue_type(element) -> str | None:
    """The element's cue type ("" when the file gives none), or None when it is not an uncertainty cue."""
    if element.tag == "ccue":
        kind = element.get("type")
        return CUE_TYPES.get(kind, kind.strip()) if kind else ""
    if element.tag == "cue" and element.get("type") == "speculation":
        return ""  # BioScope: its negation cues say nothing about certainty
    return None


def _text_and_cues(element) -> tuple[str, list[tuple[int, int, str]]]:
    """The sentence's text with white space collapsed, and the start, end and type of each cue in it."""
    kinds: list[str] = []
    marked = " ".join(_marked_text(element, kinds).split())
    text, cues, start = [], [], 0
    for char in marked:
        if char == _OPEN:
            start = len(text)
        elif char == _CLOSE:
            cues.append((start, len(text), kinds[len(cues)]))
        else:
            text.append(char)
    return "".join(text), cues


def _marked_text(element, kinds: list[str]) -> str:
    """The element's text with each cue between `_OPEN` and `_CLOSE`, at any depth (BioScope puts its cues
    inside `<xcope>`); the cues' types are appended to `kinds` in order."""
    kind = _cue_type(element)
    if kind is not None:
        kinds.append(kind)
        return f"{_OPEN}{''.join(element.itertext())}{_CLOSE}"
    inner = "".join(_marked_text(child, kinds) + (child.tail or "") for child in element)
    return (element.text or "") + inner


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
