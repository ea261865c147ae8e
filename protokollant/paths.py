"""Locations of the project's data folders (models/, templates/).

They sit beside the package in a checkout; PROTOKOLLANT_MODELS / _TEMPLATES
override them for an installed copy.
"""
from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def models_dir() -> Path:
    return Path(os.environ.get("PROTOKOLLANT_MODELS", PROJECT_ROOT / "models"))


def templates_dir() -> Path:
    return Path(os.environ.get("PROTOKOLLANT_TEMPLATES", PROJECT_ROOT / "templates"))


def cache_dir() -> Path:
    """Where derived, re-creatable data is kept (the lemma table in a fast format):
    ``$PROTOKOLLANT_CACHE``, else ``$XDG_CACHE_HOME/protokollant``, else ``~/.cache/protokollant``."""
    explicit = os.environ.get("PROTOKOLLANT_CACHE")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "protokollant"
