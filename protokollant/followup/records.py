"""Reading a meeting's JSON record back from the outbox (the follow-up re-renders from it)."""
from __future__ import annotations

import os
from pathlib import Path

from ..errors import ProtokollantError
from ..schema import MinutesRecord

PUBLIC_SUFFIX = ".oeffentlich.html"


def read_record(outbox: str | os.PathLike, stem: str) -> MinutesRecord:
    """OUTBOX/<stem>/<stem>.json as a record (1.0 records read as 1.1: the new lists are empty)."""
    path = Path(outbox) / stem / f"{stem}.json"
    try:
        return MinutesRecord.model_validate_json(path.read_bytes())
    except (OSError, ValueError) as e:
        raise ProtokollantError(f"{path}: Datensatz nicht lesbar: {e}") from e


__all__ = ["PUBLIC_SUFFIX", "read_record"]
