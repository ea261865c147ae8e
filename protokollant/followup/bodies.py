"""Which meetings belong to the same body: the register's organisation identity plus an alias file.

The register keeps each meeting's body as the minutes name it
(``meetings.organisation``, from ``meeting.organisation``; for minutes that
name none, the title without dates and numbers: "Bürgerrunde April 2015" ->
"Bürgerrunde"). Two meetings are of the same body when their names normalise
to the same key. Bodies whose name varies ("Integrationsbeirat",
"Beirat für Integration") are joined in the office's alias file
``OUTBOX/gremien.txt`` (or ``PROTOKOLLANT_GREMIEN``), one body per line:

    # Kanonischer Name: Schreibweise 1; Schreibweise 2
    Integrationsbeirat: Beirat für Integration; Integrationsbeirat der Stadt
"""
from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ProtokollantError

ALIAS_FILE = "gremien.txt"
ENV_ALIASES = "PROTOKOLLANT_GREMIEN"

_MONTHS = (
    "januar|februar|märz|maerz|april|mai|juni|juli|august|september|oktober|november|dezember|"
    "jan|feb|mär|mrz|apr|jun|jul|aug|sep|sept|okt|nov|dez"
)
_NOISE = re.compile(
    rf"\b(?:{_MONTHS})\b\.?|\d+(?:[./-]\d+)*\.?|\b(?:am|vom|den|der|die|das|des|sitzung|protokoll|niederschrift|ergebnisprotokoll)\b",
    re.I,
)


class AliasFileError(ProtokollantError):
    """The alias file cannot be read or has a line that is not "Name: Alias; Alias"."""


def normalise(name: str | None) -> str:
    text = unicodedata.normalize("NFKC", name or "").casefold()
    text = re.sub(r"[\u2010-\u2015\"'„“”‚‘’()]", " ", text)
    return " ".join(text.split()).strip(" .,:;-")


def body_name(organisation: str | None, title: str | None) -> str | None:
    """The body as named: the organisation, else the title without dates, months and numbers."""
    if organisation and organisation.strip():
        return " ".join(organisation.split())
    if not title:
        return None
    text = " ".join(_NOISE.sub(" ", title).split()).strip(" .,:;–-")
    return text or None


@dataclass
class Bodies:
    """Canonical body names by normalised spelling (from the alias file)."""

    canonical: dict[str, str] = field(default_factory=dict)
    source: Path | None = None

    def key(self, name: str | None) -> str:
        """The identity of a body: the normalised canonical name ("" when unknown)."""
        norm = normalise(name)
        return normalise(self.canonical.get(norm, name)) if norm else ""

    def display(self, name: str | None) -> str:
        norm = normalise(name)
        return self.canonical.get(norm, name or "")

    def same(self, a: str | None, b: str | None) -> bool:
        ka = self.key(a)
        return bool(ka) and ka == self.key(b)


def alias_path(outbox: str | os.PathLike | None) -> Path | None:
    env = os.environ.get(ENV_ALIASES)
    if env:
        return Path(env)
    return Path(outbox) / ALIAS_FILE if outbox is not None else None


def load_bodies(outbox: str | os.PathLike | None = None, *, path: str | os.PathLike | None = None) -> Bodies:
    """Read the alias file (missing file = no aliases). Raises AliasFileError for a malformed one."""
    file = Path(path) if path else alias_path(outbox)
    bodies = Bodies(source=file)
    if file is None or not file.is_file():
        return bodies
    try:
        text = file.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise AliasFileError(f"{file}: Gremien-Datei nicht lesbar: {e}") from e
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, sep, rest = line.partition(":")
        if not sep or not name.strip():
            raise AliasFileError(f"{file}, Zeile {number}: erwartet „Name: Schreibweise; Schreibweise“, gefunden „{line}“.")
        canonical = " ".join(name.split())
        bodies.canonical[normalise(canonical)] = canonical
        for alias in rest.split(";"):
            if alias.strip():
                bodies.canonical[normalise(alias)] = canonical
    return bodies


__all__ = ["ALIAS_FILE", "AliasFileError", "Bodies", "ENV_ALIASES", "body_name", "load_bodies", "normalise"]
