"""The office's contacts file: who gets reminders at which address (never guessed).

``OUTBOX/kontakte.csv`` (or ``--kontakte`` / ``PROTOKOLLANT_KONTAKTE``), UTF-8,
separated by semicolons (as German Excel saves CSV), one row per person or
institution, header row required:

    Name;E-Mail;Weitere Namen
    Industrie- und Handelskammer;ausbildung@ihk.example;IHK, Kammer
    Nikolai Petrenko;n.petrenko@jobcenter.example;Herr Petrenko

``Name`` is the person or institution as the register shows it (Aufgaben
list, "Verantwortlich" / institution); ``Weitere Namen`` (optional) lists other
spellings, separated by commas. Case and spacing do not matter.
"""
from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass, field
from email.utils import parseaddr
from pathlib import Path

from ..errors import ProtokollantError
from ..german import SALUTATION_OR_TITLE_RE
from .bodies import normalise

CONTACTS_FILE = "kontakte.csv"
ENV_CONTACTS = "PROTOKOLLANT_KONTAKTE"


class ContactsError(ProtokollantError):
    """The contacts file cannot be read or has an invalid row."""


@dataclass
class Contacts:
    addresses: dict[str, tuple[str, str]] = field(default_factory=dict)
    """normalised name -> (name as in the file, address)"""
    source: Path | None = None

    def lookup(self, name: str | None) -> tuple[str, str] | None:
        key = normalise(name)
        if not key:
            return None
        return self.addresses.get(key) or self.addresses.get(normalise(SALUTATION_OR_TITLE_RE.sub("", key)))


def contacts_path(outbox: str | os.PathLike | None, path: str | os.PathLike | None = None) -> Path | None:
    if path:
        return Path(path)
    if os.environ.get(ENV_CONTACTS):
        return Path(os.environ[ENV_CONTACTS])
    return Path(outbox) / CONTACTS_FILE if outbox is not None else None


def load_contacts(outbox: str | os.PathLike | None = None, *, path: str | os.PathLike | None = None) -> Contacts:
    """Missing file = no addresses (every reminder becomes a draft)."""
    file = contacts_path(outbox, path)
    contacts = Contacts(source=file)
    if file is None or not file.is_file():
        if path:
            raise ContactsError(f"{file}: Kontaktdatei nicht gefunden.")
        return contacts
    try:
        text = file.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise ContactsError(f"{file}: Kontaktdatei nicht lesbar (UTF-8 erwartet): {e}") from e
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    if not rows or [c.strip().casefold() for c in rows[0][:2]] != ["name", "e-mail"]:
        raise ContactsError(f"{file}: erste Zeile muss „Name;E-Mail;Weitere Namen“ sein.")
    for number, row in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in row):
            continue
        if len(row) < 2 or not row[0].strip():
            raise ContactsError(f"{file}, Zeile {number}: Name und E-Mail-Adresse erwartet.")
        name, address = row[0].strip(), row[1].strip()
        if "@" not in parseaddr(address)[1] or any(ch in address for ch in "\r\n,;"):
            raise ContactsError(f"{file}, Zeile {number}: „{address}“ ist keine E-Mail-Adresse.")
        forms = [name, *(a for a in (row[2].split(",") if len(row) > 2 else []) if a.strip())]
        for form in forms:
            contacts.addresses[normalise(form)] = (name, address)
    return contacts


__all__ = ["CONTACTS_FILE", "Contacts", "ContactsError", "ENV_CONTACTS", "load_contacts"]
