"""The hook for the pipeline and the inbox: record processed documents, opening the register once."""
from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.exc import SQLAlchemyError

from ..fileio import safe_stem
from .errors import RegisterError
from .links import set_links_stale
from .store import Register

if TYPE_CHECKING:
    from ..results import DocumentResult


class Registrar:
    """Records processed documents in an outbox's register, opening it once for many.

    Opening the register (engine, schema check) cost more than recording a
    document in it; a batch or an inbox run keeps one Registrar open. ``record``
    is one transaction per document, ``record_group`` one per group (falling back
    to one per document), so one bad record loses nothing else.
    """

    def __init__(self, outbox: str | os.PathLike, *, url: str | None = None):
        self.outbox = outbox
        self.url = url
        self._register: Register | None = None

    def opened(self) -> Register:
        if self._register is None:
            self._register = Register.open(self.outbox, url=self.url)
        return self._register

    @staticmethod
    def _stem(result: DocumentResult) -> str:
        """The output folder's name, the document's key in the register."""
        json_out = result.outputs.get("json")
        return Path(json_out).parent.name if json_out else safe_stem(result.record.source.file)

    def record(self, result: DocumentResult) -> dict[str, int] | None:
        """Record one DocumentResult; None for a failed one. Raises RegisterError."""
        if not result.ok or result.record is None:
            return None
        try:
            return self.opened().record_minutes(result.record, self._stem(result))
        except RegisterError:
            raise
        except (SQLAlchemyError, OSError, ValueError) as e:
            raise RegisterError(f"{result.record.source.file}: Register nicht aktualisiert: {e}") from e

    def record_group(self, results: list[DocumentResult]) -> list[tuple[DocumentResult, RegisterError]]:
        """Record several results in one transaction (one commit instead of one per
        document); if that fails, each is recorded on its own so one bad record only
        fails itself. Returns the results that could not be recorded, with the error."""
        todo = [r for r in results if r.ok and r.record is not None]
        if not todo:
            return []
        try:
            register = self.opened()
            with register.engine.begin() as conn:
                for r in todo:
                    register.record_in(conn, r.record, self._stem(r))
                set_links_stale(conn, True)
            return []
        except (RegisterError, SQLAlchemyError, OSError, ValueError):
            failed = []
            for r in todo:
                try:
                    self.record(r)
                except RegisterError as e:
                    failed.append((r, e))
            return failed

    def close(self) -> None:
        if self._register is not None:
            self._register.close()
            self._register = None

    def __enter__(self) -> Registrar:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def register_result(outbox: str | os.PathLike, result: DocumentResult, *, url: str | None = None) -> dict[str, int] | None:
    """Record a processed DocumentResult in the outbox's register.

    Does nothing for failed results (returns None). Raises RegisterError on any
    database problem – the caller decides whether to log and continue.
    """
    with Registrar(outbox, url=url) as registrar:
        return registrar.record(result)
