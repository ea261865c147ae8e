"""Filing one input away: names that always fit, error files, the final moves.

Used by ``protokollant.inbox`` (which owns the ledger and the order of the
steps, see ``InboxRun._file``); nothing here imports it.

Names: a file name may be up to 255 bytes (NAME_MAX). ``failed/`` needs room
for ``<name>.error.json`` and its temporary file, a collision needs room for
`` (2)``: such names are shortened (``<start>~<hash8><suffix>``, the hash of
the full name keeps them distinct); the original name is always in the
error JSON (``file``) and in the run summary.

Special entries of the inbox (symbolic links, FIFOs, devices, sockets) are
never opened or followed: the entry itself is moved to ``failed/`` with
reason ``symlink`` or ``not-a-regular-file``.
"""
from __future__ import annotations

import hashlib
import json
import os
import stat
from pathlib import Path

from .fileio import atomic_write_json
from .foreign import NOT_WORD, describe
from .operational import fault_point

NAME_MAX = 255
"""Bytes in one path component on common file systems (ext4, xfs, btrfs, tmpfs, NTFS via UTF-16 is more)."""
TMP_RESERVE = 24
"""Room for a temporary name beside a file: ``.<name>.tmp-<pid>``."""
ERROR_SUFFIX = ".error.json"
SYMLINK = "symlink"
NOT_REGULAR = "not-a-regular-file"

SPECIAL_ERRORS = {
    SYMLINK: "Symbolischer Link – Links im Eingang werden aus Sicherheitsgründen nie gelesen oder verfolgt.",
    NOT_REGULAR: "Keine normale Datei (Gerät, FIFO/Pipe oder Socket) – wird nie geöffnet.",
}
SPECIAL_HINTS = {
    SYMLINK: "Die Datei selbst (keine Verknüpfung) in den Eingangsordner kopieren.",
    NOT_REGULAR: "Nur Word-Dateien in den Eingangsordner legen.",
}


def _utf8_len(text: str) -> int:
    return len(text.encode("utf-8", "surrogateescape"))


def _cut(text: str, max_bytes: int) -> str:
    """The longest prefix of ``text`` with at most ``max_bytes`` bytes (whole characters)."""
    raw = text.encode("utf-8", "surrogateescape")[: max(0, max_bytes)]
    return raw.decode("utf-8", "ignore")


def _split(name: str) -> tuple[str, str]:
    suffix = Path(name).suffix
    if not suffix or _utf8_len(suffix) > 16 or suffix == name:
        return name, ""
    return name[: -len(suffix)], suffix


def fit_name(name: str, max_bytes: int = NAME_MAX, *, extra: str = "") -> str:
    """``<stem><extra><suffix>`` in at most ``max_bytes`` bytes; a name that had to be cut
    gets ``~<hash8>`` of the full name so two long names sharing their start stay distinct."""
    stem, suffix = _split(name)
    full = f"{stem}{extra}{suffix}"
    if _utf8_len(full) <= max_bytes:
        return full
    tag = "~" + hashlib.sha256(name.encode("utf-8", "surrogateescape")).hexdigest()[:8]
    budget = max_bytes - _utf8_len(tag) - _utf8_len(extra) - _utf8_len(suffix)
    return f"{_cut(stem, budget)}{tag}{extra}{suffix}"


def free_name(directory: Path, name: str, *, sidecar: str | None = None, reusable=None) -> Path:
    """``directory/name``, or ``name (2).ext``, ``name (3).ext`` … when taken, shortened to fit.

    With ``sidecar`` a name also counts as taken when ``name + sidecar`` exists
    (failed/ keeps ``x.docx`` and ``x.docx.error.json`` together), unless
    ``reusable(sidecar_path)`` says that sidecar is an orphan of this very input
    (a run killed between writing it and moving the input). Existence is checked
    without following links (a dangling link still takes its name).
    """
    limit = NAME_MAX - (_utf8_len(sidecar) + TMP_RESERVE if sidecar else 0)
    n = 1
    while True:
        candidate = directory / fit_name(name, limit, extra="" if n == 1 else f" ({n})")
        if not os.path.lexists(candidate):
            if sidecar is None:
                return candidate
            side = candidate.with_name(candidate.name + sidecar)
            if not os.path.lexists(side) or (reusable is not None and reusable(side)):
                return candidate
        n += 1


def _orphan_of(file_name: str, sha256: str | None):
    """A predicate: is this error file one this input left behind (same name and bytes)?"""

    def reusable(side: Path) -> bool:
        try:
            data = json.loads(side.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return False
        return data.get("file") == file_name and data.get("sha256") == sha256

    return reusable


def finish_processed(c, inbox: str | os.PathLike) -> Path:
    """Move a claimed input (``c.name``, ``c.path``) to INBOX/processed/ — the last step of filing."""
    dest_dir = Path(inbox) / "processed"
    dest_dir.mkdir(exist_ok=True)
    dest = free_name(dest_dir, c.name)
    os.rename(c.path, dest)
    return dest


def write_error_file(dest: Path, *, file: str, reason: str, error: str | None, hint: str | None,
                     error_type: str, when: str, sha256: str | None, **extra: object) -> Path:
    error_file = dest.with_name(dest.name + ERROR_SUFFIX)
    data = {"file": file, "reason": reason, "error": error, "hint": hint, "error_type": error_type, "time": when, "sha256": sha256}
    if dest.name != file:
        data["stored_as"] = dest.name
    data.update(extra)
    atomic_write_json(error_file, data)
    return error_file


def finish_failed(c, inbox: str | os.PathLike, *, reason: str, error: str | None, hint: str | None,
                  error_type: str, when: str) -> tuple[Path, Path]:
    """Write ``failed/<name>.error.json`` (atomically), then move the input beside it (last)."""
    dest_dir = Path(inbox) / "failed"
    dest_dir.mkdir(exist_ok=True)
    dest = free_name(dest_dir, c.name, sidecar=ERROR_SUFFIX, reusable=_orphan_of(c.name, c.sha256))
    error_file = write_error_file(dest, file=c.name, reason=reason, error=error, hint=hint, error_type=error_type, when=when, sha256=c.sha256)
    fault_point("error-file-written")
    os.rename(c.path, dest)
    return dest, error_file


def special_kind(st: os.stat_result) -> str | None:
    """``symlink`` / ``not-a-regular-file`` for an lstat result, None for a regular file or a folder."""
    if stat.S_ISLNK(st.st_mode):
        return SYMLINK
    if stat.S_ISREG(st.st_mode) or stat.S_ISDIR(st.st_mode):
        return None
    return NOT_REGULAR


def file_special(path: Path, inbox: str | os.PathLike, kind: str, *, when: str) -> tuple[Path, Path]:
    """Move a link/FIFO/device entry itself (never its target), or a non-Word file
    (``kind`` NOT_WORD), to failed/ with its error file."""
    name = path.name
    extra: dict[str, object] = {}
    if kind == SYMLINK:
        try:
            extra["link_target"] = os.readlink(path)
        except OSError:
            pass
    if kind == NOT_WORD:
        error, hint = describe(name)
        error_type = "NotAWordFile"
    else:
        error, hint, error_type = f"{name}: {SPECIAL_ERRORS[kind]}", SPECIAL_HINTS[kind], "NotARegularFile"
    dest_dir = Path(inbox) / "failed"
    dest_dir.mkdir(exist_ok=True)
    dest = free_name(dest_dir, name, sidecar=ERROR_SUFFIX, reusable=_orphan_of(name, None))
    error_file = write_error_file(
        dest, file=name, reason=kind, error=error, hint=hint, error_type=error_type, when=when, sha256=None, **extra,
    )
    os.rename(path, dest)
    return dest, error_file


__all__ = [
    "ERROR_SUFFIX", "NAME_MAX", "NOT_REGULAR", "SYMLINK", "atomic_write_json", "file_special", "finish_failed",
    "finish_processed", "fit_name", "free_name", "special_kind", "write_error_file",
]
