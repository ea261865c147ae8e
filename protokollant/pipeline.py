"""Processing one or many minutes documents: read → extract → write outputs.

Plain library code (no Prefect): the CLI calls it directly and the flows in
flows/ wrap the same functions in tasks. A batch never stops at one bad file;
every input gets a DocumentResult with its own status.
"""
from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from . import render  # the module, not its functions: tests replace render.write_outputs to simulate a full disk
from .errors import UnreadableDocumentError
from .fileio import safe_stem, sync_files
from .holiday_shift import shift_holiday_deadlines
from .inbox.batches import process_batch
from .inputs import INPUT_SUFFIXES, collect_inputs, is_candidate_input
from .operational import UNSAFE_OUTPUT, classify
from .results import DocumentResult

if TYPE_CHECKING:  # keep start-up light: spaCy is imported only when needed
    from spacy.language import Language

    from .schema import MinutesRecord

__all__ = [
    "DocumentResult", "INPUT_SUFFIXES", "Processor", "collect_inputs", "is_candidate_input", "process_groups", "process_paths", "unique_stems",
]


def _post_process(record: MinutesRecord) -> MinutesRecord:
    """Office rules applied to a finished record: week/weekday deadlines off public holidays."""
    shift_holiday_deadlines(record)
    return record


class Processor:
    """Holds the NLP pipeline (loaded once, lazily) and turns documents into records."""

    def __init__(self, model: str = "auto"):
        self.model = model
        self._nlp: Language | None = None
        self._group = threading.local()  # per thread: outputs written but not yet flushed

    @contextmanager
    def group_commit(self) -> Iterator[None]:
        """Within the block, outputs are written atomically but flushed to disk once,
        on leaving it, for all documents (a batch's group commit) instead of file by
        file. Results are final only after the block: callers file documents away
        (ledger, moves) after it. Nested blocks are flushed by the outermost one.
        """
        if getattr(self._group, "pending", None) is not None:
            yield
            return
        self._group.pending = []
        try:
            yield
        finally:
            pending, self._group.pending = self._group.pending, None
            sync_files(pending)

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            from .nlp.pipeline import load_pipeline

            self._nlp = load_pipeline(self.model)
        return self._nlp

    def record_for_bytes(self, data: bytes, name: str) -> MinutesRecord:
        # Imported on first use: the extraction loads spaCy, which would slow every CLI start.
        from .extract.minutes import extract_record
        from .followup.postponed import annotate as annotate_agenda  # postponed / noted items (schema 1.1)
        from .ingest import read_document

        try:
            document = read_document(data, name=name)
        except UnreadableDocumentError as e:  # .doc/.odt: convert if LibreOffice is installed
            from .ingest.convert import CONVERSION_WARNINGS, convert_to_docx, find_soffice

            soffice = find_soffice() if e.reason in CONVERSION_WARNINGS else None
            if soffice is None:
                raise
            document = read_document(convert_to_docx(data, name, soffice=soffice), name=name)
            record = annotate_agenda(extract_record(document, self.nlp, data=data, file_name=name), document)
            record.warnings.append(CONVERSION_WARNINGS[e.reason])
            return _post_process(record)
        return _post_process(annotate_agenda(extract_record(document, self.nlp, data=data, file_name=name), document))

    def process_files(self, items: list[tuple[str, str]], outbox: str | os.PathLike) -> list:
        """A batch of ``(path, stem)`` for ``run_inbox(batch_size=…)``: one group commit,
        one Outcome per item (see protokollant.inbox.process_batch)."""
        return process_batch(self, items, outbox)

    def process_file(self, path: str | os.PathLike, outbox: str | os.PathLike, *, stem: str | None = None) -> DocumentResult:
        """Read, extract and write one document's outputs into ``outbox/<stem>/``."""
        path = Path(path)
        result = DocumentResult(input=str(path), status="failed")
        try:
            data = _read_input_bytes(path)
        except OSError as e:  # permission denied is the installation's problem (operational), not the document's
            result.reason, result.error = classify(e) or "io-error", f"{path.name}: {e.strerror or e}"
            return result
        except UnreadableDocumentError as e:
            result.reason, result.error, result.hint = e.reason, str(e), e.hint
            return result
        try:
            record = self.record_for_bytes(data, path.name)
        except UnreadableDocumentError as e:
            result.sha256 = hashlib.sha256(data).hexdigest()
            result.reason, result.error, result.hint = e.reason, str(e), e.hint
            return result
        result.sha256 = record.source.sha256  # the extraction hashed these bytes already: not a second time
        stem = stem or safe_stem(path.name)
        out_dir = Path(outbox) / stem
        if out_dir.is_symlink():  # never write through a link planted in the outbox
            result.reason, result.error = UNSAFE_OUTPUT, f"{path.name}: {out_dir} ist ein symbolischer Link"
            return result
        pending = getattr(self._group, "pending", None)
        try:
            written = render.write_outputs(record, out_dir, stem, sync=pending is None)
        except OSError as e:  # disk full / read-only / permissions: operational, the input stays in the inbox
            result.reason = classify(e) or "output-error"
            result.error = f"{path.name}: Ausgabe nach {out_dir} nicht möglich: {e.strerror or e}"
            return result
        if pending is not None:
            pending.extend(written.values())
        result.status = "processed"
        result.outputs = {kind: str(p) for kind, p in written.items()}
        result.record = record
        result.counts = {
            "topics": len(record.topics),
            "decisions": len(record.decisions),
            "action_items": len(record.action_items),
            "institutions": len(record.institutions),
        }
        return result


# An input larger than this is not a plausible minutes document; refusing it
# early keeps memory bounded (the reader applies its own zip limits after).
MAX_INPUT_BYTES = 100 * 1024 * 1024


def _read_input_bytes(path: Path) -> bytes:
    size = path.stat().st_size
    if size > MAX_INPUT_BYTES:
        raise UnreadableDocumentError(path.name, "too-large", f"Die Datei ist {size // (1024 * 1024)} MB groß (Grenze {MAX_INPUT_BYTES // (1024 * 1024)} MB).")
    return path.read_bytes()


def unique_stems(paths: list[Path]) -> list[str]:
    """Output folder names for a batch: safe, and distinct even when two inputs share a name."""
    seen: dict[str, int] = {}
    stems = []
    for p in paths:
        stem = safe_stem(p.name)
        n = seen.get(stem.casefold(), 0)
        seen[stem.casefold()] = n + 1
        stems.append(stem if n == 0 else f"{stem}-{n + 1}")
    return stems


def process_paths(paths: Iterable[str | os.PathLike], outbox: str | os.PathLike, *, processor: Processor | None = None) -> list[DocumentResult]:
    """Process files and folders; one result per input, failures included."""
    return [r for group in process_groups(paths, outbox, processor=processor) for r in group]


def process_groups(
    paths: Iterable[str | os.PathLike], outbox: str | os.PathLike, *, processor: Processor | None = None,
) -> Iterator[list[DocumentResult]]:
    """Like process_paths, one group of results at a time, each yielded once its
    outputs are on disk (group commit). A caller that records and then drops each
    group keeps memory flat however many documents it processes."""
    processor = processor or Processor()
    inputs = collect_inputs(paths)
    jobs = list(zip(inputs, unique_stems(inputs)))
    for start in range(0, len(jobs), GROUP_COMMIT_DOCS):
        with processor.group_commit():
            group = [processor.process_file(p, outbox, stem=s) for p, s in jobs[start : start + GROUP_COMMIT_DOCS]]
        yield group


GROUP_COMMIT_DOCS = 25
"""Documents whose outputs are flushed to disk together (see Processor.group_commit)."""


def now_utc() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)
