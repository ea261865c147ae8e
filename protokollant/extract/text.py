"""Small text helpers shared by the extractors."""
from __future__ import annotations

import re
import unicodedata

_WS = re.compile(r"\s+")
# "Anwesend: …", "Ort - Rathaus": a short key, then the value.
_KEY_VALUE = re.compile(r"^\s*([A-Za-zÄÖÜäöüß][\wÄÖÜäöüß /()-]{1,40}?)\s*[:：]\s*(.*)$", re.S)


def clean(text: str) -> str:
    """Collapse whitespace (incl. non-breaking spaces and line breaks) to single spaces."""
    return _WS.sub(" ", unicodedata.normalize("NFC", text)).strip()


def key_value(text: str) -> tuple[str, str] | None:
    """Split "Key: value" lines; the key is lowercased and stripped."""
    m = _KEY_VALUE.match(text)
    if not m:
        return None
    return m.group(1).strip().lower(), m.group(2).strip()


def truncate_words(text: str, limit: int) -> str:
    words = text.split()
    return text if len(words) <= limit else " ".join(words[:limit]) + " …"
