"""Which agenda items are not public: the minutes' "nicht öffentlicher Teil" and items marked "NÖ"."""
from __future__ import annotations

import re

from ..schema import MinutesRecord

_NON_PUBLIC = re.compile(r"\bnicht[\s-]*öffentlich|\bnichtöffentlich|^\s*(?:top\s*)?n\s*ö\b|\bvertraulich\b", re.I)
_PUBLIC_AGAIN = re.compile(r"(?<!nicht )(?<!nicht-)\böffentliche[rn]?\s+(?:teil|sitzung)\b", re.I)


def non_public_topics(record: MinutesRecord) -> set[int]:
    """Indices of topics that are not public: a title or number saying so, and every item after a
    "Nicht öffentlicher Teil" heading until a "Öffentlicher Teil" heading."""
    hidden: set[int] = set()
    in_closed_part = False
    for topic in record.topics:
        label = f"{topic.number or ''} {topic.title}"
        if _NON_PUBLIC.search(label) or _NON_PUBLIC.search(topic.number or ""):
            hidden.add(topic.index)
            if re.search(r"\bteil\b|\bsitzung\b", topic.title, re.I):
                in_closed_part = True
            continue
        if _PUBLIC_AGAIN.search(topic.title):
            in_closed_part = False
            continue
        if in_closed_part:
            hidden.add(topic.index)
    return hidden


__all__ = ["non_public_topics"]
