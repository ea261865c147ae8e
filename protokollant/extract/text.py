"""Small text helpers shared by the extractors."""
from __future__ import annotations

import re
import unicodedata

# An arrow as minute-takers type it ("->", "-->", "=>", "==>", "→", "⇒"), as a regex alternation.
ARROW = r"(?:-{1,2}>|={1,2}>|→|⇒)"
# "Prüfprotokoll anfragen", "Raum buchen.": a line ending in an infinitive (a note of what to do).
INFINITIVE_END = re.compile(r"\b[a-zäöüß]\w*(en|ern|eln)\b[\s.!]*$")
# "Anwesend: …", "Ort - Rathaus": a short key, then the value.
_KEY_VALUE = re.compile(r"^\s*([A-Za-zÄÖÜäöüß][\wÄÖÜäöüß /()-]{1,40}?)\s*[:：]\s*(.*)$", re.S)


def clean(text: str) -> str:
    """Collapse whitespace (incl. non-breaking spaces and line breaks) to single spaces."""
    # str.split() splits at exactly the characters the regex \s matches (both use
    # Py_UNICODE_ISSPACE): the same result as re.sub(r"\s+", " ", …).strip() at a third of the cost.
    return " ".join(unicodedata.normalize("NFC", text).split())


def key_value(text: str) -> tuple[str, str] | None:
    """Split "Key: value" lines; the key is lowercased and stripped."""
    m = _KEY_VALUE.match(text)
    if not m:
        return None
    return m.group(1).strip().lower(), m.group(2).strip()


def truncate_words(text: str, limit: int) -> str:
    words = text.split()
    return text if len(words) <= limit else " ".join(words[:limit]) + " …"


# Words a sentence cannot end with: a line ending in one was broken inside the sentence.
_OPEN_ENDS = frozenset(
    "der die das den dem des ein eine einer einem eines einen zu zur zum um mit und oder sowie für von vom "
    "im in an am auf bei nach aus über unter vor durch gegen ohne bis als wie dass ob sich".split())
_LIST_START = re.compile(r"^(?:[-–•*·▪◦→>]|\d{1,2}[.)]\s|[a-z][.)]\s)")


def rejoin_wrapped(lines: list[str]) -> list[str]:
    """Lines of one paragraph broken inside a sentence (text copied from a PDF: "Der Ortsbeirat
    wird um eine" / "Stellungnahme gebeten.") joined again; pad-style items stay one per line."""
    out: list[str] = []
    for line in lines:
        if out and not _LIST_START.match(line) and out[-1][-1:] not in ".!?:;" and (
                line[:1].islower() or out[-1].rsplit(None, 1)[-1].lower() in _OPEN_ENDS):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out
