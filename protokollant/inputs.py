"""Which files count as minutes inputs when a folder is scanned (by suffix; content is checked by the reader)."""
from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

# Content is detected by the reader; the suffix only selects what a folder scan picks up.
INPUT_SUFFIXES = (".docx", ".docm", ".dotx", ".dotm", ".doc", ".odt")


def is_candidate_input(path: Path) -> bool:
    """Files a folder scan considers: Word-like suffixes, no hidden/temp files.

    Word owner files (~$x.docx) are included on purpose: the reader rejects
    them with a clear "lock file" reason instead of silently skipping them.
    """
    name = path.name
    return (
        path.is_file()
        and not name.startswith(".")
        and path.suffix.lower() in INPUT_SUFFIXES
    )


def collect_inputs(paths: Iterable[str | os.PathLike]) -> list[Path]:
    """Expand folders (not recursively) into their candidate files; keep files as given."""
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            out.extend(sorted(c for c in p.iterdir() if is_candidate_input(c)))
        else:
            out.append(p)
    return out
