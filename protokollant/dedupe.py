"""Identical content is one document: find inputs whose bytes were seen already.

``protokollant process a.docx a.docx kopie-von-a.docx`` must give one record,
not three; a copy of an already registered document under another name must
not add a second meeting (and its tasks a second time) to the register. The
content hash (SHA-256 of the bytes) decides, not the name or the path.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa

from .fileio import safe_stem, sha256_file
from .register import meetings


@dataclass
class Duplicate:
    input: str
    sha256: str
    same_as: str
    """The earlier input of this call, or ``<stem>/`` of the registered document."""

    def message(self) -> str:
        return f"{self.input}: gleicher Inhalt wie {self.same_as} – nicht erneut verarbeitet"

    def to_dict(self) -> dict:
        return {"input": self.input, "status": "duplicate", "sha256": self.sha256, "same_as": self.same_as}


def file_sha256(path: str | os.PathLike) -> str | None:
    """SHA-256 of a file's bytes; None when it cannot be read (the processor reports why)."""
    try:
        return sha256_file(path)
    except OSError:
        return None


def registered_stems(register) -> dict[str, str]:
    """{sha256: stem} of every meeting in an open ``Register``."""
    with register.engine.connect() as conn:
        return {sha: stem for sha, stem in conn.execute(sa.select(meetings.c.sha256, meetings.c.stem))}


def split_duplicates(paths: list[Path], outbox: str | os.PathLike, known: dict[str, str] | None = None) -> tuple[list[Path], list[Duplicate]]:
    """(inputs to process, duplicates) in input order.

    An input is a duplicate when an earlier input of this call has the same bytes,
    or when ``known`` ({sha256: stem}, the register) holds these bytes under another
    output folder that still exists (re-processing the same name stays allowed: it
    updates that record in place).
    """
    known = known or {}
    first: dict[str, Path] = {}
    keep: list[Path] = []
    dups: list[Duplicate] = []
    for p in paths:
        sha = file_sha256(p)
        if sha is None:
            keep.append(p)
            continue
        if sha in first:
            dups.append(Duplicate(str(p), sha, str(first[sha])))
            continue
        first[sha] = p
        stem = known.get(sha)
        if stem and stem.casefold() != safe_stem(p.name).casefold() and (Path(outbox) / stem).is_dir():
            dups.append(Duplicate(str(p), sha, f"{stem}/ (bereits im Aufgabenregister)"))
            continue
        keep.append(p)
    return keep, dups


__all__ = ["Duplicate", "file_sha256", "registered_stems", "split_duplicates"]
