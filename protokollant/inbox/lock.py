"""The run lock: one run at a time per inbox and outbox (non-blocking flock on two lock files)."""
from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .layout import BUSY_MESSAGE, INBOX_LOCK_FILE, PROCESSING_DIR, RUN_LOCK_FILE, STATE_DIR, RunLockedError, iso_utc


class RunLock:
    """Holds the non-blocking flock on the outbox and inbox lock files."""

    def __init__(self, fds: list[int]):
        self._fds = fds

    def release(self) -> None:
        for fd in self._fds:
            try:
                _unlock(fd)
            finally:
                os.close(fd)
        self._fds = []

    def __enter__(self) -> RunLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


try:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except (BlockingIOError, PermissionError):
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)

except ImportError:  # pragma: no cover - Windows
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)


def lock_one(path: Path) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    if not _try_lock(fd):
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            holder = os.read(fd, 200).decode("utf-8", "replace").strip()
        finally:
            os.close(fd)
        raise RunLockedError(f"{BUSY_MESSAGE}: {path}" + (f" ({holder})" if holder else ""))
    info = f"pid {os.getpid()} seit {iso_utc(time.time())}".encode()
    os.ftruncate(fd, 0)
    os.lseek(fd, 0, os.SEEK_SET)
    os.write(fd, info)
    return fd


def acquire_run_lock(inbox: Path, outbox: Path) -> RunLock:
    """Take both run locks without waiting; raise RunLockedError when another run holds one."""
    fds: list[int] = []
    try:
        fds.append(lock_one(Path(outbox) / STATE_DIR / RUN_LOCK_FILE))
        fds.append(lock_one(Path(inbox) / PROCESSING_DIR / INBOX_LOCK_FILE))
    except BaseException:
        RunLock(fds).release()
        raise
    return RunLock(fds)


@contextmanager
def run_lock(inbox: str | os.PathLike, outbox: str | os.PathLike) -> Iterator[RunLock]:
    """``with run_lock(inbox, outbox):`` — hold the run lock (raises RunLockedError when busy)."""
    lock = acquire_run_lock(Path(inbox), Path(outbox))
    try:
        yield lock
    finally:
        lock.release()
