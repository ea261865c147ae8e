"""Word lists from models/names/ used to tell owners (persons, groups) from ordinary words."""
from __future__ import annotations

from functools import lru_cache

from ..paths import models_dir


def _words(file_name: str) -> frozenset[str]:
    path = models_dir() / "names" / file_name
    return frozenset(
        line.strip().casefold()
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    )


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    return _words("first_names.txt")


@lru_cache(maxsize=1)
def not_owner_words() -> frozenset[str]:
    return _words("not_owner_words.txt")


@lru_cache(maxsize=1)
def group_words() -> frozenset[str]:
    return _words("group_words.txt")
