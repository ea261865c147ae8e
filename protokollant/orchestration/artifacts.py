"""The artifacts of an inbox run in Prefect's UI: a table of the action items found and a German
Markdown summary (processed / failed / skipped / duplicates). Rendering here, one place."""
from __future__ import annotations

from pathlib import Path

from prefect.artifacts import create_markdown_artifact, create_table_artifact

from ..german import format_date, format_local, n_
from ..inbox import InboxRunSummary
from ..schema import Due, MinutesRecord

ACTIONS_ARTIFACT_KEY = "protokollant-aufgaben"
RUN_ARTIFACT_KEY = "protokollant-lauf"
ACTION_COLUMNS = ("Datei", "Aufgabe", "Verantwortlich", "Fällig", "TOP")


def _md(text: object) -> str:
    """Escape text for a markdown table cell / list item."""
    s = str(text)
    for ch in ("\\", "|", "*", "_", "`", "[", "]", "<", ">"):
        s = s.replace(ch, "\\" + ch)
    return s.replace("\n", " ")


def _topic_label(record: MinutesRecord, topic_index: int | None) -> str:
    if topic_index is None:
        return ""
    topic = next((t for t in record.topics if t.index == topic_index), None)
    if topic is None:
        return str(topic_index)
    return f"{topic.number} {topic.title}" if topic.number else str(topic.title)


def _due_label(due: Due | None) -> str:
    if due is None:
        return ""
    if due.date is not None:
        return format_date(due.date)
    return due.text or ""


def action_rows(summary: InboxRunSummary) -> list[dict[str, str]]:
    """One row per action item of the documents processed in this run."""
    rows: list[dict[str, str]] = []
    for entry in summary.processed:
        record = entry.result.record if entry.result is not None else None
        if record is None:
            continue
        for item in record.action_items:
            rows.append({
                "Datei": entry.file,
                "Aufgabe": str(item.task),
                "Verantwortlich": ", ".join(str(r.resolved or r.name) for r in (item.responsible or [])),
                "Fällig": _due_label(item.due),
                "TOP": _topic_label(record, item.topic_index),
            })
    return rows


def summary_markdown(summary: InboxRunSummary) -> str:
    """German markdown report of one inbox run."""
    c = summary.counts
    when = format_local(summary.started)
    lines = [f"# Protokollant – Lauf vom {when}", ""]
    if summary.busy:
        lines += [f"**Übersprungen:** Ein anderer Lauf ist aktiv ({_md(summary.message or '')}).", ""]
    lines += [
        f"Eingang: `{summary.inbox}` · Ausgang: `{summary.outbox}`", "",
        "| Ergebnis | Anzahl |", "|---|---:|",
        f"| Verarbeitet | {c['processed']} |",
        f"| Fehlgeschlagen | {c['failed']} |",
        f"| Übersprungen | {c['skipped']} |",
        f"| Bereits verarbeitet (Duplikate) | {c['duplicates']} |",
        "",
    ]
    if summary.processed:
        lines += ["## Verarbeitet", ""]
        for e in summary.processed:
            counts = e.counts
            detail = ", ".join(n_(counts[k], label) for k, label in (
                ("decisions", "Beschluss"), ("action_items", "Aufgabe"), ("topics", "TOP"), ("institutions", "Institution"),
            ) if k in counts)
            replaced = " – ersetzt die frühere Fassung" if e.replaced else ""
            lines.append(f"- **{_md(e.file)}** → `{e.stem}/`" + (f" ({detail})" if detail else "") + replaced)
        lines.append("")
    if summary.failed:
        lines += ["## Fehlgeschlagen", ""]
        for e in summary.failed:
            where = f" → `failed/{Path(e.moved_to).name}`" if e.moved_to else " (bleibt im Eingang, nächster Lauf versucht es erneut)"
            lines.append(f"- **{_md(e.file)}** – {_md(e.error or e.reason)} (`{e.reason}`){where}")
            if e.hint:
                lines.append(f"  - Hinweis: {_md(e.hint)}")
        lines.append("")
    if summary.skipped:
        lines += ["## Übersprungen (bleiben im Eingang)", ""]
        lines += [f"- **{_md(s.file)}** – {_md(s.message)}" for s in summary.skipped]
        lines.append("")
    if summary.duplicates:
        lines += ["## Bereits verarbeitet", ""]
        lines += [f"- **{_md(d.file)}** – {_md(d.note)}" for d in summary.duplicates]
        lines.append("")
    if summary.recovered:
        lines += ["## Aus abgebrochenem Lauf wieder aufgenommen", ""]
        lines += [f"- {_md(n)}" for n in summary.recovered]
        lines.append("")
    if summary.ignored:
        lines += ["## Ignoriert (keine Word-Dateien)", ""]
        lines += [f"- {_md(n)}" for n in summary.ignored]
        lines.append("")
    if not (summary.processed or summary.failed or summary.skipped or summary.duplicates or summary.busy):
        lines += ["Keine neuen Protokolle im Eingang.", ""]
    return "\n".join(lines)


def publish_artifacts(summary: InboxRunSummary) -> dict[str, str]:
    """Create the run's table artifact (action items) and markdown artifact (summary)."""
    rows = action_rows(summary)
    table = {col: [r[col] for r in rows] for col in ACTION_COLUMNS}  # column form: headers even when empty
    table_id = create_table_artifact(
        table=table, key=ACTIONS_ARTIFACT_KEY,
        description=f"Aufgaben aus {len(summary.processed)} in diesem Lauf verarbeiteten Protokollen",
    )
    md_id = create_markdown_artifact(
        markdown=summary_markdown(summary), key=RUN_ARTIFACT_KEY,
        description="Protokollant: verarbeitet / fehlgeschlagen / übersprungen",
    )
    return {ACTIONS_ARTIFACT_KEY: str(table_id), RUN_ARTIFACT_KEY: str(md_id)}


__all__ = ["ACTIONS_ARTIFACT_KEY", "ACTION_COLUMNS", "RUN_ARTIFACT_KEY", "action_rows", "publish_artifacts", "summary_markdown"]
