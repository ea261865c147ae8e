"""Domain errors. Every error names the file and a specific, user-facing reason."""
from __future__ import annotations


class ProtokollantError(Exception):
    """Base class of the errors the CLI turns into clean messages."""


class UnreadableDocumentError(ProtokollantError):
    """The input cannot be read as Word minutes.

    ``reason`` is a short machine-readable code (see REASONS); ``detail`` the
    human explanation in German; ``hint`` what the user can do about it.
    """

    REASONS = {
        "empty": "Die Datei ist leer (0 Bytes).",
        "lock-file": "Word-Sperrdatei (~$…), keine Protokolldatei.",
        "password-protected": "Die Datei ist mit einem Kennwort geschützt (verschlüsselt).",
        "legacy-doc": "Altes Word-Format (.doc, Word 97–2003).",
        "odt": "OpenDocument-Text (.odt), kein Word-Dokument.",
        "not-a-word-file": "Der Inhalt ist kein Word-Dokument.",
        "corrupt-zip": "Die Datei ist beschädigt oder unvollständig (ZIP-Container defekt).",
        "missing-main-part": "Im Paket fehlt der Hauptteil word/document.xml.",
        "malformed-xml": "Das Dokument-XML ist fehlerhaft.",
        "forbidden-xml": "Das Dokument-XML enthält eine DOCTYPE-/Entity-Deklaration (aus Sicherheitsgründen abgelehnt).",
        "too-large": "Die Datei überschreitet die Größenlimits (möglicherweise eine ZIP-Bombe).",
        "unsafe-package": "Das Paket enthält unzulässige Einträge.",
        "unsupported-format": "Dieses Word-Format wird nicht unterstützt.",
        "unreadable-file": "Die Datei kann nicht gelesen werden (nicht gefunden oder keine Berechtigung).",
    }

    HINTS = {
        "empty": "Datei erneut speichern oder kopieren; vermutlich wurde sie nicht vollständig übertragen.",
        "lock-file": "Diese Datei legt Word während der Bearbeitung an; sie kann ignoriert werden.",
        "password-protected": "Das Dokument in Word ohne Kennwort speichern (Datei › Informationen › Dokument schützen).",
        "legacy-doc": "In Word „Speichern unter › Word-Dokument (*.docx)“ wählen oder LibreOffice installieren (soffice), dann wird automatisch konvertiert.",
        "odt": "In LibreOffice/Word als Word-Dokument (*.docx) speichern oder LibreOffice installieren (soffice).",
        "not-a-word-file": "Nur Word-Dokumente (.docx) in den Eingangsordner legen.",
        "corrupt-zip": "Die Originaldatei erneut aus Word speichern bzw. neu kopieren.",
        "missing-main-part": "Die Originaldatei erneut aus Word speichern.",
        "malformed-xml": "Die Datei in Word öffnen und neu speichern.",
        "forbidden-xml": "Die Datei in Word öffnen und neu speichern; stammt sie aus unbekannter Quelle, nicht öffnen.",
        "too-large": "Das Dokument aufteilen oder prüfen, woher die Datei stammt.",
        "unsafe-package": "Die Datei in Word öffnen und neu speichern; stammt sie aus unbekannter Quelle, nicht öffnen.",
        "unsupported-format": "Das Dokument in Word als normales Word-Dokument (*.docx) speichern.",
        "unreadable-file": "Pfad und Zugriffsrechte prüfen; ist die Datei noch in einem anderen Programm geöffnet?",
    }

    def __init__(self, file: str, reason: str, detail: str | None = None):
        self.file = file
        self.reason = reason
        self.detail = detail or self.REASONS.get(reason, reason)
        self.hint = self.HINTS.get(reason, "")
        super().__init__(f"{file}: {self.detail}")
