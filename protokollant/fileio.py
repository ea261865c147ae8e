"""File primitives shared by every writer: safe output names, atomic writes,
spreadsheet-safe cells and the CSV dialect German Excel opens directly.

Imports nothing of the project, so any module may use it without a cycle.
"""
from __future__ import annotations

import csv
import hashlib
import io
import itertools
import json
import os
import re
import threading
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path

_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
"""Characters XML (and so XLSX) and calendars do not accept."""


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
"""Control characters (NUL, ESC …) never reach a spreadsheet; tab and line breaks stay."""


def csv_cell(value: str) -> str:
    """A cell as a spreadsheet may open it: control characters removed, formulas neutralised
    (CSV injection) with an apostrophe."""
    value = _CONTROL.sub("", value)
    if value.startswith(_FORMULA_PREFIXES):
        return "'" + value
    return value


_DOCUMENT_SUFFIXES = (".docx", ".docm", ".dotx", ".dotm", ".doc", ".odt", ".rtf", ".txt", ".pdf")
_WINDOWS_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$", "CLOCK$"}
    | {f"COM{i}" for i in range(10)}
    | {f"LPT{i}" for i in range(10)}
)
_STEM_FALLBACK = "protokoll"
_STEM_MAX_CHARS = 100
_STEM_MAX_BYTES = 200


def clean_stem(name: str) -> str:
    """Character-level cleaning; idempotent (a cleaned stem cleans to itself)."""
    name = unicodedata.normalize("NFC", name)
    while name.startswith("~$"):
        name = name[2:]
    chars = [ch if ch.isalpha() or ch in "0123456789-_." else "_" for ch in name]
    text = re.sub(r"([-_.])\1+", r"\1", "".join(chars))
    text = text.lstrip("-._").rstrip("._")
    text = text[:_STEM_MAX_CHARS]
    while len(text.encode("utf-8")) > _STEM_MAX_BYTES:
        text = text[:-1]
    text = text.rstrip("._")
    if not text:
        return _STEM_FALLBACK
    base = text.split(".", 1)[0]
    if base.upper() in _WINDOWS_RESERVED:
        text = base + "_" + text[len(base):]
    return text


def safe_stem(filename: str) -> str:
    """A safe output name from an input file name.

    Takes the last path component, drops a document suffix (.docx, ...), keeps
    letters (any script, incl. umlauts), digits, "-", "_" and "."; everything
    else becomes "_"; repeats collapse; leading "-", ".", "_" and "~$" go;
    at most 100 characters; never empty ("protokoll"), never "..", never a
    Windows device name ("CON" -> "CON_").
    """
    name = unicodedata.normalize("NFC", str(filename))
    name = re.split(r"[/\\]", name)[-1]
    lowered = name.lower()
    for suffix in _DOCUMENT_SUFFIXES:
        if lowered.endswith(suffix) and len(name) > len(suffix):
            name = name[: -len(suffix)]
            break
    return clean_stem(name)


def write_atomic(path: Path, data: bytes) -> None:
    write_all_atomic([(path, data)])


_TMP_COUNTER = itertools.count()


def write_all_atomic(items: list[tuple[Path, bytes]], *, sync: bool = True) -> None:
    """Write each file under a temporary name, flush all to disk, then rename each into place.

    A reader never sees a half-written file, and after a crash a file is either
    the old or the new version. Syncing the files together lets the file system
    commit them in one journal transaction (measured: about 10% less than one
    after the other). Temporary names are unique per process and call, created
    exclusively with their final permissions (no mkstemp retry loop, no chmod).
    ``sync=False`` leaves flushing to the caller (``sync_files`` once for a whole
    batch): the renames stay atomic, only durability is deferred.
    """
    opened: list[tuple[int, str, Path]] = []
    try:
        for path, data in items:
            tmp = str(path.parent / f".{path.name}.{os.getpid()}.{next(_TMP_COUNTER)}.tmp")
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o644)
            opened.append((fd, tmp, path))
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
        if sync:
            _fsync_together([fd for fd, _, _ in opened])
    except BaseException:
        for fd, tmp, _ in opened:
            try:
                os.close(fd)
            except OSError:
                pass
            try:
                os.unlink(tmp)
            except FileNotFoundError:
                pass
        raise
    for fd, _, _ in opened:
        os.close(fd)
    for i, (_, tmp, path) in enumerate(opened):
        try:
            os.replace(tmp, path)
        except BaseException:
            for _, left, _ in opened[i:]:
                try:
                    os.unlink(left)
                except FileNotFoundError:
                    pass
            raise


def sync_files(paths: Iterable[str | os.PathLike]) -> None:
    """Flush files written with ``sync=False`` to disk: the group commit of a batch.

    One flush per file at the end of a batch costs a fraction of flushing each
    file as it is written (measured here: 0.2–0.5 ms against 1.2 ms per document).
    The flushes run from several threads at once: the file system commits
    concurrent flushes together (measured: a batch's 75 files in a quarter of
    the time one after the other). Every file is still flushed; the error of the
    first failing file (in ``paths`` order) is raised.
    """
    paths = list(paths)
    if len(paths) < 2:
        for path in paths:
            _fsync_path(path)
        return
    from concurrent.futures import wait

    futures = [_sync_pool().submit(_fsync_path, path) for path in paths]
    wait(futures)  # every file flushed, failing or not, before the first error is raised
    for future in futures:
        future.result()


SYNC_THREADS = 16
"""Files flushed at once by ``sync_files``."""

_pool = None  # the executor of _sync_pool
_pool_lock = threading.Lock()


def _sync_pool():
    """The flushing threads, started once per process and kept: a pool started and joined
    for every batch cost more than the batch's flushes (measured: ~10 against ~5 ms for 75 files)."""
    global _pool
    with _pool_lock:
        if _pool is None:
            from concurrent.futures import ThreadPoolExecutor  # here: the CLI's start-up does not need it

            _pool = ThreadPoolExecutor(max_workers=SYNC_THREADS, thread_name_prefix="protokollant-sync")
        return _pool


def _forget_pool() -> None:
    """In a forked child: none of the parent's threads exist there (nor may its lock be free)."""
    global _pool, _pool_lock
    _pool, _pool_lock = None, threading.Lock()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_pool)


def _fsync_together(fds: list[int]) -> None:
    """Flush open files, the others' flushes on the pool's threads while this one flushes the
    first: the file system commits concurrent flushes together (measured: a document's three
    outputs in 0.66 instead of 0.84 ms). Every file is flushed; the first error is raised."""
    if len(fds) < 2:
        for fd in fds:
            os.fsync(fd)
        return
    from concurrent.futures import wait

    others = [_sync_pool().submit(os.fsync, fd) for fd in fds[1:]]
    try:
        os.fsync(fds[0])
    finally:
        wait(others)  # no file closed while its flush still runs
    for future in others:
        future.result()


def _fsync_path(path: str | os.PathLike) -> None:
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def excel_csv(header: Sequence[str], rows: Iterable[Sequence[str]]) -> bytes:
    """Rows for German Excel: ';'-separated, UTF-8 with BOM, CRLF, quoted when needed.

    Cells are written as given: callers pass them through ``csv_cell`` where
    the text comes from a document or a user.
    """
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", quotechar='"', quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


def atomic_write_json(path: Path, data: dict) -> None:
    """Write JSON via a temporary file in the same folder, flushed, then renamed into place."""
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    try:
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False, indent=2)
            f.write("\n")
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    finally:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass


def sha256_file(path: str | os.PathLike) -> str:
    """SHA-256 of a file's bytes, read in 1 MB chunks (the identity of a document everywhere)."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()
