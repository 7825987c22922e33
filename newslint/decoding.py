"""Turn a file's bytes into text the way a newsroom hands it over: BOMs, UTF-16, Windows-1252 exports."""

from __future__ import annotations

import codecs
import re
from functools import lru_cache

from newslint.records import record

# Control bytes that never occur in prose; many of them mean the file is not text at all.
_TEXT_CONTROLS = {9, 10, 12, 13, 27}
# Every byte but the suspicious controls: deleting these leaves the ones to count, at C speed.
_NOT_SUSPICIOUS = bytes(byte for byte in range(256) if byte >= 32 or byte in _TEXT_CONTROLS)
_BINARY_SAMPLE = 8192


class BinaryFile(Exception):
    """The file looks like an image, PDF or archive rather than copy."""


@record
class Decoded:
    text: str  # BOM removed, line endings still as saved
    encoding: str
    notice: str | None  # said to the user when we had to guess


def decode(data: bytes) -> Decoded:
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            if encoding == "utf-8":
                # The mark says UTF-8, and nothing about the Windows smart quotes pasted into the copy since.
                return _utf8_or_guessed(data, len(bom), "utf-8-sig")
            return _decode_known(data, len(bom), encoding)
    unmarked = _utf16_without_mark(data[:_BINARY_SAMPLE])
    if unmarked is not None:
        decoded = _decode_known(data, 0, unmarked)
        return decoded._replace(notice=decoded.notice or f"no byte-order mark; read as {unmarked}, as its NUL bytes say")
    if _looks_binary(data[:_BINARY_SAMPLE]):
        raise BinaryFile("binary file (not text); skipped")
    return _utf8_or_guessed(data, 0, "utf-8")


def _utf16_without_mark(sample: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" for copy saved as UTF-16 with no byte-order mark (some Windows and CMS
    exports): English text then has a NUL in nearly every other byte, and none in the bytes between. As
    binary, it would be skipped unread."""
    if len(sample) < 4 or len(sample) % 2 or b"\x00" not in sample:
        return None  # nearly every file: no NUL at all, found at C speed
    even, odd = sample[0::2], sample[1::2]
    for zeros, letters, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros.count(0) >= 0.9 * len(zeros) and letters.count(0) == 0:
            return encoding
    return None


def _utf8_or_guessed(data: bytes, start: int, label: str) -> Decoded:
    """The bytes from `start` (past a byte-order mark) as UTF-8, else as the copy was most likely saved, with a
    notice naming the first byte that is not UTF-8 by its offset in the file."""
    body = data[start:]
    try:
        return Decoded(body.decode("utf-8"), label, None)
    except UnicodeDecodeError as error:
        bad = f"byte 0x{body[error.start]:02x} at offset {start + error.start} is not UTF-8"
    mostly_utf8 = _with_stray_bytes(body)
    if mostly_utf8 is not None:
        return Decoded(mostly_utf8, label, f"{bad}; read as UTF-8, with the bytes that are not as Windows-1252")
    try:
        return Decoded(body.decode("cp1252"), "cp1252", f"{bad}; read as Windows-1252")
    except UnicodeDecodeError:
        # Latin-1 maps every byte, so an export with stray C1 bytes still reads.
        return Decoded(body.decode("latin-1"), "latin-1", f"{bad}; read as Latin-1")


def _with_stray_bytes(data: bytes) -> str | None:
    """UTF-8 copy with a few bytes from elsewhere (Windows smart quotes pasted into the CMS): its text, each
    stray byte read as Windows-1252. None when the file reads better whole as Windows-1252: it has no
    UTF-8 beyond ASCII, or its stray bytes outnumber its UTF-8 characters and include letters (0xC0 and
    up; quotes, dashes and symbols are below). Read whole as Windows-1252, "Erdoğan" would become
    "ErdoÄŸan": every column after it wrong, and the name no longer itself."""
    text = data.decode("utf-8", errors="surrogateescape")  # each stray byte becomes U+DC80 to U+DCFF
    escaped, as_cp1252 = _stray_byte_tables()
    stray = escaped.findall(text)
    beyond_ascii = len(text) - len(text.encode("ascii", errors="ignore")) - len(stray)
    if beyond_ascii > len(stray) or beyond_ascii and max(stray) < "\udcc0":
        return text.translate(as_cp1252)
    return None


@lru_cache(maxsize=1)
def _stray_byte_tables() -> tuple[re.Pattern, dict[int, str]]:
    """The pattern for a stray byte as surrogateescape gives it, and the table reading each as Windows-1252:
    made when a file first has a byte that is not UTF-8. Made at import, they cost every run nearly 2% of a
    one-file run's instructions (the table loads the Windows-1252 codec and decodes 128 bytes)."""
    # Five bytes mean nothing in Windows-1252; as in Latin-1, each stands for the character of its number.
    as_cp1252 = {0xDC00 + byte: bytes([byte]).decode("cp1252", errors="ignore") or chr(byte)
                 for byte in range(0x80, 0x100)}
    return re.compile("[\udc80-\udcff]"), as_cp1252


def _decode_known(data: bytes, start: int, encoding: str) -> Decoded:
    """UTF-16 or UTF-32 from `start`, past its byte-order mark; a notice counts offsets in the file."""
    body = data[start:]
    try:
        return Decoded(body.decode(encoding), encoding, None)
    except UnicodeDecodeError as error:
        notice = f"invalid {encoding} at offset {start + error.start}; undecodable bytes shown as U+FFFD"
        return Decoded(body.decode(encoding, errors="replace"), encoding, notice)


def _looks_binary(sample: bytes) -> bool:
    if not sample:
        return False
    controls = len(sample.translate(None, _NOT_SUSPICIOUS))
    # A stray NUL in a CMS export is still copy; a file that is mostly control bytes is not.
    return controls / len(sample) > 0.05 or sample.count(0) > 16
