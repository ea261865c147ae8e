"""Where a task stands in the minutes, as a person finds it in Word: "TOP 5, 3. Absatz",
"TOP 7, Tabelle 2, Zeile 2" — the same label as the report's "Quelle" column.

The register keeps only the block number; the label needs the topic's span and
the table position, which are in the meeting's JSON record. ``SourceLabels``
reads each record once (review page, CSV export) and falls back to
"Absatz N" when the record is gone.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from .render import evidence_location, join_parts, topic_label_for
from .schema import Evidence, Topic


class SourceLabels:
    def __init__(self, outbox: str | os.PathLike):
        self.outbox = Path(outbox)
        self._records: dict[str, dict | None] = {}

    def _record(self, stem: str) -> dict | None:
        if stem not in self._records:
            data = None
            if stem and "/" not in stem and "\\" not in stem and not stem.startswith("."):
                path = self.outbox / stem / f"{stem}.json"
                try:
                    data = json.loads(path.read_text(encoding="utf-8"))
                except (OSError, ValueError):
                    data = None
            self._records[stem] = data
        return self._records[stem]

    def label(self, stem: str, block: int | None, topic_index: int | None = None) -> str:
        if block is None:
            return ""
        record = self._record(stem)
        if record:
            try:
                evidence = next((a["evidence"] for a in record.get("action_items", []) if a["evidence"]["block_index"] == block), None)
                topics = {t["index"]: t for t in record.get("topics", [])}
                topic = topics.get(topic_index) if topic_index is not None else None
                if topic is None:
                    topic = next((t for t in topics.values() if t["block_start"] <= block <= t["block_end"]), None)
                if evidence is not None:
                    t = Topic.model_validate(topic) if topic else None
                    return join_parts(topic_label_for(t), evidence_location(Evidence.model_validate(evidence), t))
            except (KeyError, TypeError, ValueError):
                pass
        return f"Absatz {block + 1}"

    def __call__(self, item) -> str:
        """Label for an ``ItemView``."""
        return self.label(item.meeting_stem, item.evidence_block, item.topic_index)


__all__ = ["SourceLabels"]
