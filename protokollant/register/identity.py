"""Item identity and text matching: normalised text, content hashes, stems of content words,
report cues ("erledigt", "steht noch aus"), due dates as people type them, who is reviewing."""
from __future__ import annotations

import datetime as dt
import getpass
import hashlib
import re
import unicodedata
from typing import Any

from ..extract.vocabulary import action_cues
from .errors import InvalidValueError


def now_iso() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()


def current_user() -> str:
    try:
        return getpass.getuser() or "unbekannt"
    except Exception:  # no user name in the environment (containers, services)
        return "unbekannt"


def normalise_text(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "").casefold()
    text = re.sub(r"[\u2010-\u2015]", "-", text)
    text = " ".join(text.split())
    return text.strip(" .,:;!?-–\"'„“”‚‘’()")


def hash_id(*parts: object) -> str:
    raw = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:12]


def parse_due(value: str | dt.date) -> dt.date:
    """YYYY-MM-DD or DD.MM.YYYY (also D.M.YYYY)."""
    if isinstance(value, dt.date):
        return value
    text = value.strip()
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text):
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        if m := re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", text):
            return dt.date(int(m[3]), int(m[2]), int(m[1]))
    except ValueError as e:  # e.g. 31.02.: Python's English message is not shown to people
        raise InvalidValueError(f"Ungültiges Datum „{value}“: diesen Tag gibt es im Kalender nicht.") from e
    raise InvalidValueError(f"Ungültiges Datum „{value}“ – erwartet JJJJ-MM-TT oder TT.MM.JJJJ.")


# Words carrying no content for matching tasks across meetings.
_STOPWORDS = frozenset(
    """der die das den dem des ein eine einer eines einem einen und oder aber auch mit von vom zu zur zum
    für fuer auf an am im in ins bei bis aus über ueber nach vor als wie wird werden wurde wurden worden ist
    sind war waren hat haben hatte noch nicht kein keine sich sie er es wir ihr man alle allen dass daß ob
    so nun schon bereits inzwischen erledigt erfolgt steht stehen aus offen ausstehend abgeschlossen
    versandt verschickt durchgeführt umgesetzt frau herr herrn dr prof bitte soll sollen""".split()
)

def completion_kind(text: str | None) -> str | None:
    """"done" / "open" when the text reports a task as done / still outstanding, else None."""
    if not text:
        return None
    cues = action_cues()  # models/cues/actions.json, shared with the extraction
    if cues.still_open.search(text):
        return "open"
    if cues.done_followup.search(text):
        return "done"
    return None


def word_stem(word: str) -> str:
    for suffix in ("ungen", "ung", "en", "er", "es", "e", "n", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def content_words(text: str | None) -> set[str]:
    words = re.findall(r"[^\W\d_]{3,}|\d{2,}", normalise_text(text or ""))
    return {word_stem(w) for w in words if w not in _STOPWORDS}


def overlap(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))




def str_value(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)
