"""Postponed and only-noted agenda items, found in each topic's text after extraction.

Runs in the pipeline after the extractor (which it does not change) and fills
the record fields ``postponed`` and ``noted`` (schema 1.1): what the next
agenda needs. An item is

* postponed when its title or text says so: "wird vertagt", "Vertagung",
  "auf die nächste Sitzung verschoben", "zurückgestellt", "abgesetzt",
  "von der Tagesordnung genommen", "in der nächsten Sitzung erneut beraten";
* noted when the body only took note ("zur Kenntnis genommen", "nimmt den
  Bericht zur Kenntnis", "Kenntnisnahme") and decided nothing under it.

A negated phrase ("wird nicht vertagt") does not count.
"""
from __future__ import annotations

import re

from ..document import Document
from ..extract.rx_gate import gated
from ..schema import AgendaNote, Evidence, MinutesRecord

_NEXT = r"(?:nächste[nr]?|kommende[nr]?|folgende[nr]?|spätere[nr]?)"
# gated(): a word test first (extract/rx_gate.py): most blocks hold none of the words a match needs.
POSTPONED = gated(re.compile(
    r"(?<!nicht )(?<!nicht\s)\b(?:"
    r"vertagt|vertagen|vertagung"
    r"|zurückgestellt|zurückzustellen"
    r"|(?:wird|werden|wurde|wurden|ist|sind)\s+(?:\w+\s+){0,3}abgesetzt"
    r"|von\s+der\s+tagesordnung\s+(?:genommen|abgesetzt)"
    rf"|(?:auf|in)\s+(?:die|eine)\s+{_NEXT}\s+sitzung\s+(?:verschoben|vertagt|verlegt)"
    rf"|(?:verschoben|verlegt)\s+(?:auf|in)\s+(?:die\s+|eine\s+)?{_NEXT}\s+sitzung"
    rf"|(?:in|auf)\s+(?:der|die)\s+{_NEXT}\s+sitzung\s+(?:\w+\s+){{0,3}}(?:erneut|nochmals|weiter|abschließend)\s+(?:beraten|behandelt|besprochen|aufgerufen)"
    r"|(?:punkt|top|tagesordnungspunkt|thema|beratung|beschlussfassung|entscheidung|abstimmung)\b[^.]{0,60}\bverschoben"
    r")\b",
    re.I,
))
NOTED = gated(re.compile(
    r"\b(?:zur\s+kenntnis\s+genommen"
    r"|(?:nimmt|nehmen|nahm|nahmen)\b[^.]{0,80}\bzur\s+kenntnis\b"
    r"|kenntnisnahme)",
    re.I,
))
_NEGATED = re.compile(r"\bnicht\s+(?:\w+\s+){0,2}$", re.I)
_SENTENCES = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ0-9„\"])")


def _hit(pattern, text: str) -> str | None:
    """The sentence with a non-negated match, or None."""
    # A match inside one sentence is also one in the whole text (the sentences are split at
    # whitespace after [.!?]): most blocks have none, and need not be split.
    if pattern.search(text) is None:
        return None
    for sentence in _SENTENCES.split(text):
        for m in pattern.finditer(sentence):
            if not _NEGATED.search(sentence[: m.start()]):
                return sentence.strip()
    return None


def annotate(record: MinutesRecord, document: Document) -> MinutesRecord:
    """Fill ``record.postponed`` and ``record.noted`` from the topics' blocks (in place; returns the record)."""
    blocks = document.blocks
    decided = {d.topic_index for d in record.decisions}
    postponed: list[AgendaNote] = []
    noted: list[AgendaNote] = []
    for topic in record.topics:
        found = {"postponed": None, "noted": None}
        for block in blocks[topic.block_start : topic.block_end + 1]:
            text = " ".join((block.text or "").split())
            if not text:
                continue
            for kind, pattern in (("postponed", POSTPONED), ("noted", NOTED)):
                if found[kind] is None and (sentence := _hit(pattern, text)):
                    found[kind] = AgendaNote(
                        topic_index=topic.index, number=topic.number, title=topic.title, text=sentence,
                        evidence=Evidence(block_index=block.index, block_kind=block.kind.value, text=text,
                                          list_number=block.list_number, table_index=block.table_index,
                                          table_row=block.row_index),
                    )
        if found["postponed"] is not None:
            postponed.append(found["postponed"])
        elif found["noted"] is not None and topic.index not in decided:
            noted.append(found["noted"])
    record.postponed = postponed
    record.noted = noted
    return record


__all__ = ["NOTED", "POSTPONED", "annotate"]
