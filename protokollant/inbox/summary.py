"""The summary of one inbox run (what `protokollant run` prints and returns as JSON)."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..operational import EXIT_OPERATIONAL
from ..results import DuplicateEntry, FailedEntry, ProcessedEntry, SkippedFile


@dataclass
class InboxRunSummary:
    inbox: str
    outbox: str
    started: str
    finished: str | None = None
    processed: list[ProcessedEntry] = field(default_factory=list)
    failed: list[FailedEntry] = field(default_factory=list)
    skipped: list[SkippedFile] = field(default_factory=list)
    duplicates: list[DuplicateEntry] = field(default_factory=list)
    recovered: list[str] = field(default_factory=list)
    """Names found in the claim area from a killed run (processed again in this run)."""
    ignored: list[str] = field(default_factory=list)
    """Kept for compatibility (always empty): non-Word files now go to failed/ with a reason."""
    busy: bool = False
    message: str | None = None
    stopped: str | None = None
    """One German line when the run could not do its job (disk full, permissions, register …): exit code 2."""
    repaired: dict = field(default_factory=dict)
    """What the start-up reconciliation repaired (recovery.ReconcileReport.to_dict())."""

    @property
    def counts(self) -> dict[str, int]:
        return {
            "processed": len(self.processed),
            "failed": len(self.failed),
            "skipped": len(self.skipped),
            "duplicates": len(self.duplicates),
            "recovered": len(self.recovered),
        }

    @property
    def exit_code(self) -> int:
        """2 when the run was stopped by an operational error, 1 when a document was rejected,
        0 otherwise (also for an empty inbox or a busy lock)."""
        return EXIT_OPERATIONAL if self.stopped else (1 if self.failed else 0)

    def to_dict(self) -> dict:
        return {
            "inbox": self.inbox,
            "outbox": self.outbox,
            "started": self.started,
            "finished": self.finished,
            "busy": self.busy,
            "message": self.message,
            "stopped": self.stopped,
            "repaired": dict(self.repaired),
            "counts": self.counts,
            "exit_code": self.exit_code,
            "processed": [e.to_dict() for e in self.processed],
            "failed": [e.to_dict() for e in self.failed],
            "skipped": [e.to_dict() for e in self.skipped],
            "duplicates": [e.to_dict() for e in self.duplicates],
            "recovered": list(self.recovered),
            "ignored": list(self.ignored),
        }
