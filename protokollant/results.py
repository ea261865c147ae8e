"""Result types shared by the pipeline, the inbox, the register and the flows.

One module that imports nothing of the project (the record type only for type
checkers), so every layer can return and read these without an import cycle.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .schema import MinutesRecord


@dataclass
class DocumentResult:
    """What happened to one input. ``status`` is "processed" or "failed"."""

    input: str
    status: str
    outputs: dict[str, str] = field(default_factory=dict)
    reason: str | None = None
    error: str | None = None
    hint: str | None = None
    sha256: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    record: MinutesRecord | None = field(default=None, repr=False, compare=False)

    @property
    def ok(self) -> bool:
        return self.status == "processed"

    def summary(self) -> dict:
        """JSON-friendly view without the record."""
        return {
            "input": self.input,
            "status": self.status,
            "outputs": self.outputs,
            "reason": self.reason,
            "error": self.error,
            "hint": self.hint,
            "sha256": self.sha256,
            "counts": self.counts,
        }


@dataclass
class Outcome:
    """What processing one document produced; ``error_type`` is set when the processor raised."""

    name: str
    result: DocumentResult
    error_type: str | None = None

    def to_dict(self) -> dict:
        return {"name": self.name, "error_type": self.error_type, "result": self.result.summary()}

    @classmethod
    def from_dict(cls, data: dict) -> Outcome:
        r = data["result"]
        result = DocumentResult(
            input=r["input"], status=r["status"], outputs=dict(r.get("outputs") or {}), reason=r.get("reason"),
            error=r.get("error"), hint=r.get("hint"), sha256=r.get("sha256"), counts=dict(r.get("counts") or {}),
        )
        return cls(name=data["name"], result=result, error_type=data.get("error_type"))


# --------------------------------------------------------------------------- inbox run entries


@dataclass
class SkippedFile:
    file: str
    reason: str
    message: str

    def to_dict(self) -> dict:
        return {"file": self.file, "reason": self.reason, "message": self.message}


@dataclass
class ProcessedEntry:
    file: str
    moved_to: str
    stem: str
    sha256: str
    outputs: dict[str, str] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    replaced: bool = False
    """True when the outputs replaced those of an earlier version of the same file name."""
    result: DocumentResult | None = field(default=None, repr=False, compare=False)
    """The full result (with the MinutesRecord) — not part of to_dict()."""

    def to_dict(self) -> dict:
        return {
            "file": self.file, "moved_to": self.moved_to, "stem": self.stem, "sha256": self.sha256,
            "outputs": dict(self.outputs), "counts": dict(self.counts), "replaced": self.replaced,
        }


@dataclass
class FailedEntry:
    file: str
    reason: str
    error: str | None
    hint: str | None
    error_type: str
    sha256: str | None
    moved_to: str | None
    """None when the input could not be moved (it stays in the claim area and is retried)."""
    error_file: str | None

    def to_dict(self) -> dict:
        return {
            "file": self.file, "reason": self.reason, "error": self.error, "hint": self.hint,
            "error_type": self.error_type, "sha256": self.sha256, "moved_to": self.moved_to,
            "error_file": self.error_file,
        }


@dataclass
class DuplicateEntry:
    file: str
    moved_to: str
    sha256: str
    stem: str
    note: str

    def to_dict(self) -> dict:
        return {"file": self.file, "moved_to": self.moved_to, "sha256": self.sha256, "stem": self.stem, "note": self.note}
