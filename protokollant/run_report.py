"""The German lines a person reads after ``protokollant run``: every inbox entry accounted for.

Works on ``InboxRunSummary.to_dict()`` (what the Prefect flow returns), so the
CLI needs no Prefect objects to explain a run.
"""
from __future__ import annotations

from pathlib import Path

from .german import n_


def summary_lines(summary: dict) -> list[str]:
    """One line per processed/failed/duplicate/skipped entry, then a count line."""
    lines: list[str] = []
    if summary.get("busy"):
        lines.append(f"HINWEIS Ein anderer Lauf ist aktiv; nichts angefasst ({summary.get('message') or ''}).")
    for e in summary.get("processed", []):
        c = e.get("counts") or {}
        detail = ", ".join(n_(c[k], w) for k, w in (("topics", "TOP"), ("decisions", "Beschluss"), ("action_items", "Aufgabe"), ("institutions", "Institution")) if k in c)
        replaced = " – ersetzt die frühere Fassung" if e.get("replaced") else ""
        lines.append(f"OK       {e['file']} → {e['stem']}/" + (f"  ({detail})" if detail else "") + replaced)
    for e in summary.get("duplicates", []):
        lines.append(f"DUPLIKAT {e['file']}: gleicher Inhalt – {e.get('note') or 'bereits verarbeitet'}; nach processed/ gelegt")
    for e in summary.get("failed", []):
        where = f" → failed/{Path(e['moved_to']).name}" if e.get("moved_to") else " (bleibt im Eingang, der nächste Lauf versucht es erneut)"
        lines.append(f"FEHLER   {e.get('error') or e['file']} [{e['reason']}]{where}" + (f" – {e['hint']}" if e.get("hint") else ""))
    for e in summary.get("skipped", []):
        lines.append(f"ÜBERSPRUNGEN {e['file']}: {e['message']}")
    for name in summary.get("recovered", []):
        lines.append(f"WIEDERAUFGENOMMEN {name} (aus einem abgebrochenen Lauf)")
    if summary.get("stopped"):
        lines.append(f"FEHLER   {summary['stopped']}")
    elif summary.get("message") and not summary.get("busy"):
        lines.append(f"HINWEIS  {summary['message']}")
    counts = summary.get("counts") or {}
    lines.append(
        f"{counts.get('processed', 0)} verarbeitet, {counts.get('failed', 0)} fehlgeschlagen, "
        f"{counts.get('skipped', 0)} übersprungen, {n_(counts.get('duplicates', 0), 'Duplikat')}."
    )
    return lines


__all__ = ["summary_lines"]
