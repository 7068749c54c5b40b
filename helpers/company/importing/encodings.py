"""Decoding an export's bytes into text, deciding the encoding from the whole file.

What accounting programs write: UTF-8 (with or without a BOM), Windows-1252
(cp1252, "ANSI" on a Western Windows), ISO-8859-15 (Latin-9, older Unix and
banking systems) and UTF-16 (Excel's "Unicode text": little-endian with a BOM).

The decision, in order:

1. a BOM settles it (UTF-8, UTF-16 LE/BE, UTF-32);
2. NUL bytes on every other position without a BOM: UTF-16 all the same;
   other NUL bytes: not a text file;
3. the whole file is valid UTF-8: UTF-8;
4. otherwise each line that is not plain ASCII is valid UTF-8 or it is not:
   the kind most lines are is the file's encoding, and the other lines are
   decoded each in their own and *named* in a note (a UTF-8 file with one line
   typed in cp1252 keeps its UTF-8 names, and the odd line is said);
5. the single-byte lines are cp1252 or ISO-8859-15. The two agree on every
   letter of Finnish and Swedish and differ on a few bytes only: 0x80-0x9F are
   printable in cp1252 (€ ‚ „ … ‘ ’ “ ” – —) and control codes in ISO-8859-15,
   and 0xA4 is € in ISO-8859-15 but the never-used ¤ in cp1252. Those bytes
   decide; when other bytes that differ (¼ ½ ¾ ´ ¨ … against Œ œ Ÿ Ž ž Š š) are
   all there is, cp1252 is taken and the lines holding them are named.

charset-normalizer was measured on these files and not used: on Finnish
semicolon files it names cp1252 text "hp_roman8" or "cp850", its mess ratio
of the right decoding is 0.19 (the digits and separators count as mess), and
it rejects a correct cp1252 file whose amounts end in "€". The two code pages
above differ by a fixed table of bytes, which is a rule, not a guess.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from helpers.company.folder import ERROR, DataError, Problem

LABELS = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8 with BOM",
    "utf-16": "UTF-16 (Excel's Unicode text)",
    "utf-16-le": "UTF-16 little-endian",
    "utf-16-be": "UTF-16 big-endian",
    "utf-32": "UTF-32",
    "cp1252": "Windows-1252 (cp1252)",
    "iso8859-15": "ISO-8859-15 (Latin-9)",
}

# bytes that are printable in cp1252 but control codes in ISO-8859-15
_CP1252_ONLY = re.compile(rb"[\x80\x82-\x8c\x8e\x91-\x9c\x9e\x9f]")
# 0xA4: the euro sign in ISO-8859-15, '¤' in cp1252
_LATIN9_EURO = re.compile(rb"\xa4")
# other bytes the two read differently: ¦ ¨ ´ ¸ ¼ ½ ¾ in cp1252, Š š Ž ž Œ œ Ÿ in Latin-9
_DIFFERING = re.compile(rb"[\xa6\xa8\xb4\xb8\xbc\xbd\xbe]")
# a well-formed UTF-8 sequence of two or more bytes
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_LINE = re.compile(rb"[^\r\n]*(?:\r\n|\r|\n|$)")
LINES_QUOTED = 3


@dataclass
class Decoded:
    text: str
    encoding: str  # a Python codec name
    notes: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return LABELS.get(self.encoding, self.encoding)


def decode_export(raw: bytes, file: str, forced: str | None = None) -> Decoded:
    """The text of an export, its encoding decided from the whole file (see the module doc).

    Raises DataError for bytes that are not text, naming what was found.

    >>> decode_export("Päivä;1\\n".encode("utf-16"), "x.txt").encoding
    'utf-16'
    """
    if forced:
        return _decode_forced(raw, file, forced)
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if raw.startswith(bom):
            if encoding == "utf-8-sig":
                try:
                    return _checked(Decoded(raw.decode(encoding), encoding), file)
                except UnicodeDecodeError:  # a line or two typed in another encoding
                    decoded = _decode_by_line(raw[len(bom) :], file)
                    decoded.encoding = (
                        "utf-8-sig" if decoded.encoding == "utf-8" else (decoded.encoding)
                    )
                    return _checked(decoded, file)
            return _checked(_decode_whole(raw, file, encoding), file)
    notes = []
    if raw.endswith(b"\x1a"):  # the end-of-file mark of old DOS programs
        raw = raw.rstrip(b"\x1a")
    if b"\x00" in raw:
        encoding = _utf16_without_bom(raw)
        if encoding is not None:
            return _checked(_decode_whole(raw, file, encoding), file)
        nul = raw.count(b"\x00")
        if nul > max(3, len(raw) // 1000):
            raise not_text(file)
        # a few NUL bytes in a text file (padding some programs leave): left out, and said
        lines = [n for n, line in enumerate(_LINE.findall(raw), start=1) if b"\x00" in line]
        raw = raw.replace(b"\x00", b"")
        notes.append(
            f"left out {nul} NUL byte(s), which are no text (line "
            f"{', '.join(str(n) for n in lines[:5])})"
        )
    decoded = _decode_plain(raw, file)
    decoded.notes = notes + decoded.notes
    return decoded


def _decode_plain(raw: bytes, file: str) -> Decoded:
    """Bytes without a BOM and without NUL: UTF-8, a mix by line, or one code page."""
    try:
        return _checked(Decoded(raw.decode("utf-8"), "utf-8"), file)
    except UnicodeDecodeError:
        pass
    if _UTF8_SEQUENCE.search(raw) is None:  # no UTF-8 at all: one single-byte code page
        encoding, notes = _code_page(raw)
        decoded = _decode_whole(raw, file, encoding)
        decoded.notes += notes
        return _checked(decoded, file)
    return _checked(_decode_by_line(raw, file), file)


def not_text(file: str) -> DataError:
    return DataError(
        [
            Problem(
                ERROR,
                file,
                "is not a text file, an Excel workbook or a "
                "Finvoice e-invoice (it holds binary data); export the invoices "
                "again as CSV or Excel (.xlsx)",
            )
        ]
    )


def _decode_forced(raw: bytes, file: str, encoding: str) -> Decoded:
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise DataError(
            [
                Problem(
                    ERROR,
                    file,
                    f"'{encoding}' is not an encoding Python knows; "
                    "try utf-8, cp1252, iso-8859-15 or utf-16",
                )
            ]
        ) from None
    if encoding.lower().replace("_", "-") in ("utf-8", "utf8") and raw.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    decoded = _decode_whole(raw, file, encoding)
    decoded.notes.append(f"read as {decoded.label} text, as asked")
    return decoded


def _decode_whole(raw: bytes, file: str, encoding: str) -> Decoded:
    try:
        return Decoded(raw.decode(encoding), encoding)
    except UnicodeDecodeError as error:
        lines = _lines_failing(raw, encoding)
        label = LABELS.get(encoding, encoding)
        raise DataError(
            [
                Problem(
                    ERROR,
                    file,
                    f"is not {label} text throughout: the bytes at position "
                    f"{error.start} do not decode ({error.reason}). Save the file again as "
                    "UTF-8 (in Excel: Save as › CSV UTF-8), or name its encoding with --encoding",
                    lines=lines,
                )
            ]
        ) from None


def _lines_failing(raw: bytes, encoding: str) -> list[int]:
    if encoding.startswith(("utf-16", "utf-32")):
        return []
    failing = []
    for number, line in enumerate(_LINE.findall(raw), start=1):
        try:
            line.decode(encoding)
        except UnicodeDecodeError:
            failing.append(number)
    return failing


def _utf16_without_bom(raw: bytes) -> str | None:
    """'utf-16-le' or '-be' when NUL bytes fill every other position, else None."""
    sample = raw[:4096]
    even, odd = sample[0::2], sample[1::2]
    if odd and odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even and even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def _code_page(raw: bytes) -> tuple[str, list[str]]:
    """cp1252 or ISO-8859-15 for bytes that are not UTF-8, decided by the bytes only one
    of them can mean; notes naming the lines whose reading differs between the two."""
    if _CP1252_ONLY.search(raw):
        return "cp1252", _differing_lines(raw, "cp1252", _LATIN9_EURO)
    if _LATIN9_EURO.search(raw):
        return "iso8859-15", _differing_lines(raw, "iso8859-15", _DIFFERING)
    return "cp1252", _differing_lines(raw, "cp1252", _DIFFERING)


def _differing_lines(raw: bytes, chosen: str, pattern: re.Pattern) -> list[str]:
    if pattern.search(raw) is None:
        return []
    other = "iso8859-15" if chosen == "cp1252" else "cp1252"
    numbers, shown = [], []
    for number, line in enumerate(_LINE.findall(raw), start=1):
        if pattern.search(line):
            numbers.append(number)
            if len(shown) < LINES_QUOTED:
                mine = line.decode(chosen, "replace").strip()
                theirs = line.decode(other, "replace").strip()
                shown.append(f"line {number}: {_excerpt(mine)!r} (or {_excerpt(theirs)!r})")
    return [
        f"read as {LABELS[chosen]}; {len(numbers)} line(s) hold a character that "
        f"{LABELS[other]} reads differently: {'; '.join(shown)}. If those are wrong, "
        f"import again with --encoding {other}"
    ]


def _decode_by_line(raw: bytes, file: str) -> Decoded:
    """A file mixing UTF-8 lines and single-byte lines: each line decoded as what it is."""
    lines = _LINE.findall(raw)
    is_utf8 = []
    for line in lines:
        if line.isascii():
            is_utf8.append(None)
            continue
        try:
            line.decode("utf-8")
            is_utf8.append(True)
        except UnicodeDecodeError:
            is_utf8.append(False)
    utf8_lines = sum(1 for kind in is_utf8 if kind is True)
    single_lines = sum(1 for kind in is_utf8 if kind is False)
    single_bytes = b"".join(
        line for line, kind in zip(lines, is_utf8, strict=True) if kind is False
    )
    code_page, _ = _code_page(single_bytes)
    texts, odd = [], []
    for number, (line, kind) in enumerate(zip(lines, is_utf8, strict=True), start=1):
        encoding = "utf-8" if kind is not False else code_page
        try:
            texts.append(line.decode(encoding))
        except UnicodeDecodeError:
            raise DataError(
                [
                    Problem(
                        ERROR,
                        file,
                        "holds bytes that are no text in UTF-8, Windows-1252 or "
                        "ISO-8859-15; save the file again as UTF-8 (in Excel: Save as › CSV UTF-8)",
                        lines=[number],
                    )
                ]
            ) from None
        if kind is not None and kind != (utf8_lines >= single_lines):
            odd.append((number, texts[-1]))
    main, minor = ("utf-8", code_page) if utf8_lines >= single_lines else (code_page, "utf-8")
    shown = "; ".join(f"line {n}: {_excerpt(t)!r}" for n, t in odd[:LINES_QUOTED])
    more = f" and {len(odd) - LINES_QUOTED} more" if len(odd) > LINES_QUOTED else ""
    note = (
        f"read as {LABELS[main]}, but {len(odd)} line(s) are written in "
        f"{LABELS[minor]}: each was decoded as such. Check their names: {shown}{more}"
    )
    return Decoded("".join(texts), main, [note])


def _excerpt(text: str, width: int = 60) -> str:
    text = text.strip()
    return text if len(text) <= width else text[: width - 1] + "…"


def _checked(decoded: Decoded, file: str) -> Decoded:
    """Refuse text full of control codes: binary data that happened to decode."""
    sample = decoded.text[:20000]
    if sample and len(_CONTROL.findall(sample)) > max(2, len(sample) // 200):
        raise not_text(file)
    return decoded
