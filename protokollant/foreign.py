"""Entries of the inbox that are not Word documents: what to tell the user.

Every file dropped into the inbox must end somewhere visible. A PDF, RTF or
text file can never be processed, so it goes to ``failed/`` with a German
reason and a hint naming what to drop instead; a subfolder is left alone
but named in the run summary (only the top level is scanned).
"""
from __future__ import annotations

from pathlib import PurePath

NOT_WORD = "not-a-word-file"
"""Reason code in ``failed/<name>.error.json`` for a regular file that is no Word document."""
SUBFOLDER = "subfolder"
"""Skip reason for a folder inside the inbox (never searched)."""
SUBFOLDER_MESSAGE = "Unterordner – wird nicht durchsucht; Protokolle direkt in den Eingangsordner legen"

_KINDS: dict[str, tuple[str, str]] = {
    ".pdf": ("PDF-Datei", "PDF: bitte die Word-Fassung (.docx) des Protokolls ablegen."),
    ".rtf": ("RTF-Datei", "RTF: in Word öffnen, „Speichern unter › Word-Dokument (*.docx)“ wählen und die .docx ablegen."),
    ".txt": ("Textdatei", "Text: Protokolle werden nur aus Word-Dateien gelesen; den Text in Word einfügen, als .docx speichern und ablegen."),
    ".md": ("Textdatei", "Text: Protokolle werden nur aus Word-Dateien gelesen; den Text in Word einfügen, als .docx speichern und ablegen."),
    ".csv": ("Tabelle (CSV)", "Tabellen werden nicht gelesen: bitte das Word-Protokoll (.docx) ablegen."),
    ".xlsx": ("Excel-Tabelle", "Tabellen werden nicht gelesen: bitte das Word-Protokoll (.docx) ablegen."),
    ".xls": ("Excel-Tabelle", "Tabellen werden nicht gelesen: bitte das Word-Protokoll (.docx) ablegen."),
    ".pptx": ("PowerPoint-Präsentation", "Präsentationen werden nicht gelesen: bitte das Word-Protokoll (.docx) ablegen."),
    ".msg": ("E-Mail (Outlook)", "E-Mails werden nicht gelesen: den Anhang (Word-Protokoll, .docx) speichern und ablegen."),
    ".eml": ("E-Mail", "E-Mails werden nicht gelesen: den Anhang (Word-Protokoll, .docx) speichern und ablegen."),
    ".zip": ("ZIP-Archiv", "Archive werden nicht entpackt: die Word-Dateien einzeln in den Eingangsordner legen."),
}
for _ext in (".jpg", ".jpeg", ".png", ".tif", ".tiff", ".gif", ".bmp", ".heic"):
    _KINDS[_ext] = ("Bild/Scan", "Bilder und Scans werden nicht gelesen: bitte die Word-Fassung (.docx) ablegen.")

_DEFAULT = ("keine Word-Datei", "Nur Word-Protokolle (.docx; .doc/.odt mit LibreOffice) in den Eingangsordner legen.")


def describe(name: str) -> tuple[str, str]:
    """(German error text, hint) for a non-Word file ``name``."""
    kind, hint = _KINDS.get(PurePath(name).suffix.lower(), _DEFAULT)
    return f"{name}: {kind} – Protokollant liest nur Word-Dokumente (.docx).", hint


__all__ = ["NOT_WORD", "SUBFOLDER", "SUBFOLDER_MESSAGE", "describe"]
