"""Scanning the inbox and claiming files (atomic rename into INBOX/.processing/), and recovering
the claims a killed run left behind."""
from __future__ import annotations

import logging
import os
import stat
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..fileio import sha256_file
from ..filing import special_kind
from ..foreign import NOT_WORD, SUBFOLDER, SUBFOLDER_MESSAGE
from ..inputs import is_candidate_input
from ..results import SkippedFile
from .layout import (
    FAILED_DIR, PROCESSED_DIR, PROCESSING_DIR, SKIP_CLAIM_CONFLICT, SKIP_LOCK_FILE, SKIP_MESSAGES, SKIP_UNSTABLE, SKIP_VANISHED,
    ClaimSkipped, is_temp_name, is_word_owner_file,
)

log = logging.getLogger(__name__)


@dataclass
class Candidate:
    path: Path
    size: int
    mtime_ns: int


@dataclass
class ScanResult:
    candidates: list[Candidate] = field(default_factory=list)
    skipped: list[SkippedFile] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    special: list[tuple[Path, str]] = field(default_factory=list)
    """Links, FIFOs, devices, non-Word files: (entry, "symlink" | "not-a-regular-file" | "not-a-word-file"),
    never opened; filed to failed/."""


def scan_inbox(inbox: str | os.PathLike, *, stable_seconds: float = 2.0, now: Callable[[], float] = time.time) -> ScanResult:
    """Classify the entries directly in INBOX (lstat only, nothing is followed or opened)."""
    inbox = Path(inbox)
    result = ScanResult()
    t = now()
    for name in sorted(os.listdir(inbox)):
        entry = inbox / name
        if is_temp_name(name) or name in (PROCESSED_DIR, FAILED_DIR):
            continue  # our folders, hidden files, *.tmp / ~*.tmp / .~lock… : silently ignored
        try:
            st1 = os.lstat(entry)
        except FileNotFoundError:
            continue
        kind = special_kind(st1)
        if kind is not None:
            result.special.append((entry, kind))
            continue
        if not stat.S_ISREG(st1.st_mode):  # a folder: never searched, but named in the summary
            result.skipped.append(SkippedFile(name, SUBFOLDER, SUBFOLDER_MESSAGE))
            continue
        if is_word_owner_file(name):
            result.skipped.append(SkippedFile(name, SKIP_LOCK_FILE, SKIP_MESSAGES[SKIP_LOCK_FILE]))
            continue
        try:
            st2 = os.lstat(entry)
        except FileNotFoundError:
            continue
        if (st1.st_size, st1.st_mtime_ns) != (st2.st_size, st2.st_mtime_ns) or t - st2.st_mtime < stable_seconds:
            result.skipped.append(SkippedFile(name, SKIP_UNSTABLE, SKIP_MESSAGES[SKIP_UNSTABLE]))
            continue
        if not is_candidate_input(entry):  # PDF, RTF, text …: to failed/ with a reason and a hint
            result.special.append((entry, NOT_WORD))
            continue
        result.candidates.append(Candidate(entry, st2.st_size, st2.st_mtime_ns))
    return result


@dataclass
class Claim:
    name: str
    """The file name as dropped (also its name in the claim area)."""
    path: Path
    """Where the file is now: INBOX/.processing/<name>."""
    sha256: str
    size: int
    recovered: bool = False


def claim(candidate: Candidate | Path, inbox: str | os.PathLike) -> Claim:
    """Move a candidate into INBOX/.processing/ (atomic rename) and hash it.

    Raises ClaimSkipped when the file changed since the scan, vanished, or a
    file of the same name is already in the claim area.
    """
    inbox = Path(inbox)
    if isinstance(candidate, Path):
        st = os.lstat(candidate)
        candidate = Candidate(candidate, st.st_size, st.st_mtime_ns)
    src = candidate.path
    processing = inbox / PROCESSING_DIR
    processing.mkdir(exist_ok=True)
    target = processing / src.name
    if target.exists():
        raise ClaimSkipped(src.name, SKIP_CLAIM_CONFLICT)
    try:
        st = os.lstat(src)  # never follow: a file swapped for a link since the scan waits for the next scan
    except FileNotFoundError:
        raise ClaimSkipped(src.name, SKIP_VANISHED) from None
    if not stat.S_ISREG(st.st_mode) or (st.st_size, st.st_mtime_ns) != (candidate.size, candidate.mtime_ns):
        raise ClaimSkipped(src.name, SKIP_UNSTABLE)
    try:
        os.rename(src, target)
    except FileNotFoundError:
        raise ClaimSkipped(src.name, SKIP_VANISHED) from None
    return Claim(name=src.name, path=target, sha256=sha256_file(target), size=target.stat().st_size)


def recover_claimed(inbox: str | os.PathLike) -> tuple[list[str], list[Claim]]:
    """Deal with files a killed run left in INBOX/.processing/.

    Returns (names moved back into INBOX, claims to process from the claim
    area because a file of the same name was dropped meanwhile).
    """
    inbox = Path(inbox)
    processing = inbox / PROCESSING_DIR
    moved_back: list[str] = []
    resumed: list[Claim] = []
    if not processing.is_dir():
        return moved_back, resumed
    for leftover in sorted(processing.iterdir(), key=lambda p: p.name):
        if leftover.name.startswith(".") or not stat.S_ISREG(os.lstat(leftover).st_mode):
            continue
        back = inbox / leftover.name
        if back.exists():
            resumed.append(Claim(leftover.name, leftover, sha256_file(leftover), leftover.stat().st_size, recovered=True))
        else:
            os.rename(leftover, back)
            moved_back.append(leftover.name)
        log.warning("Aus einem abgebrochenen Lauf übernommen: %s", leftover.name)
    return moved_back, resumed
