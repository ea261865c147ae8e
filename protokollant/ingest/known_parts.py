"""Package parts already inflated and CRC-checked in this process, known by their compressed bytes.

Documents written from one template share most package parts byte for byte: the theme,
the font table, the 440 KB ``stylesWithEffects.xml`` of Word 2010 and later, often the
styles. Inflating such a part again only to check its CRC (Package.verify_integrity), or
to compare it with the styles parsed before (reader._styles), costs more than comparing
its compressed bytes with those of a part checked before: the same compressed bytes,
with the same method, flags, CRC and sizes, inflate to the same bytes, which passed.

``compressed_bytes`` reads a member's compressed bytes only where ``zipfile`` would read
them without complaint (the local header's signature and file name as ``ZipFile.open``
checks them; no encryption, patch data or strong encryption): anything else, and every
member not seen before, takes the ordinary path and its errors.
"""
from __future__ import annotations

import struct
import threading
import zipfile

_LOCAL_HEADER = struct.Struct("<4s2B4HL2L2H")  # zipfile.structFileHeader
_SIGNATURE = b"PK\x03\x04"
_UTF8_NAME = 0x800
_REFUSED_FLAGS = 0x1 | 0x20 | 0x40  # encrypted, compressed patch data, strong encryption
_MAX_REMEMBERED_BYTES = 1024 * 1024
"""A larger part is not remembered (its compressed bytes are kept in memory)."""
_CHECKED_BUDGET = 16 * 1024 * 1024
"""Compressed bytes kept for the checked parts at most (the oldest go first)."""
_MAX_REMEMBERED = 128
"""Parsed parts kept at most (the oldest go first)."""

_checked: dict[tuple, bytes] = {}
_checked_bytes = 0
_lock = threading.Lock()


def member_key(info: zipfile.ZipInfo) -> tuple:
    """What besides the compressed bytes decides what a member inflates to and whether it passes."""
    return (info.compress_type, info.flag_bits, info.CRC, info.compress_size, info.file_size)


def compressed_bytes(data: bytes, info: zipfile.ZipInfo) -> bytes | None:
    """The member's compressed bytes as ``ZipFile.open`` reads them, or None where it would
    refuse the member or the bytes are cut short."""
    if info.flag_bits & _REFUSED_FLAGS or info.compress_size > _MAX_REMEMBERED_BYTES:
        return None
    start = info.header_offset
    header = data[start : start + _LOCAL_HEADER.size]
    if len(header) != _LOCAL_HEADER.size:
        return None
    fields = _LOCAL_HEADER.unpack(header)
    if fields[0] != _SIGNATURE:
        return None
    name_len, extra_len = fields[10], fields[11]
    name_start = start + _LOCAL_HEADER.size
    name = data[name_start : name_start + name_len]
    try:
        name_str = name.decode("utf-8" if fields[3] & _UTF8_NAME else "cp437")
    except UnicodeDecodeError:
        return None
    if name_str != info.orig_filename:
        return None
    begin = name_start + name_len + extra_len
    raw = data[begin : begin + info.compress_size]
    return raw if len(raw) == info.compress_size else None


def checked_before(raw: bytes | None, info: zipfile.ZipInfo) -> bool:
    """Whether a member with these compressed bytes (``compressed_bytes``) passed before."""
    return raw is not None and _checked.get(member_key(info)) == raw


def remember_checked(raw: bytes | None, info: zipfile.ZipInfo) -> None:
    """Note a member that was just inflated and passed its CRC check."""
    global _checked_bytes
    if raw is None:
        return
    with _lock:
        old = _checked.pop(member_key(info), None)
        _checked_bytes -= len(old) if old is not None else 0
        while _checked and _checked_bytes + len(raw) > _CHECKED_BUDGET:
            _checked_bytes -= len(_checked.pop(next(iter(_checked))))
        _checked[member_key(info)] = raw
        _checked_bytes += len(raw)


# Parts parsed before, by what the parse read: the same compressed bytes parse to the same
# value (the content types, the relationships, the numbering of one template), which is
# shared, never changed. ``kind`` names the parse; ``context`` is what else it read (the
# document's Styles), compared by identity.
_parsed: dict[tuple, tuple[bytes, object, object]] = {}
NOT_PARSED = object()


def parsed_before(package, part: str, kind: str, context: object = None) -> tuple[object, tuple | None]:
    """(value, None) when a part with the same compressed bytes was parsed by ``kind`` before
    (the part counts as read, as ``Package.read`` would note it); else (NOT_PARSED, slot):
    ``remember_parsed(slot, value)`` keeps what the ordinary path parsed."""
    info = package.by_lower_name.get(part.lower())
    raw = compressed_bytes(package.data, info) if info is not None else None
    if raw is None:
        return NOT_PARSED, None
    key = (kind, member_key(info))
    entry = _parsed.get(key)
    if (entry is not None and entry[0] == raw and entry[1] is context
            and info.file_size <= package.limits.max_xml_part_bytes):  # Package.read's limit
        package.read_parts.add(info.filename)
        return entry[2], None
    return NOT_PARSED, (key, raw, context)


def remember_parsed(slot: tuple | None, value: object) -> None:
    if slot is None:
        return
    key, raw, context = slot
    with _lock:
        if len(_parsed) >= _MAX_REMEMBERED:
            _parsed.pop(next(iter(_parsed)), None)
        _parsed[key] = (raw, context, value)
