"""`protokollant actions …`: review action items across meetings (thin layer over the register).

Command bodies import the library on call: `protokollant --help` starts without SQLAlchemy.
"""
from __future__ import annotations

import json
from pathlib import Path

import click

from ..errors import ProtokollantError
from ..german import format_date, n_
from .options import open_register, outbox_option, today_option
from .. import outputs
from ..outputs.csv_file import export_csv
from ..references import SourceLabels
from ..statuses import REMOVED, STATUSES

def _or_join(parts: list[str]) -> str:
    return ", ".join(parts[:-1]) + " oder " + parts[-1] if len(parts) > 1 else "".join(parts)


_FORMAT_HELP = _or_join([w.help for w in outputs.writers()]) + "."
# German words (as the table shows them) and common variants → the stored English codes
STATUS_WORDS = {
    "offen": "open", "bestätigt": "confirmed", "bestaetigt": "confirmed", "verworfen": "rejected",
    "abgelehnt": "rejected", "erledigt": "done", "entfernt": "removed",
}


class StatusType(click.ParamType):
    """A status given in German (offen, bestätigt, abgelehnt/verworfen, erledigt) or English."""

    name = "status"

    def __init__(self, allowed: tuple[str, ...]):
        self.allowed = allowed

    def get_metavar(self, param, ctx=None) -> str:  # noqa: ARG002 - click's signature
        return "[offen|bestätigt|abgelehnt|erledigt]"

    def convert(self, value, param, ctx):
        code = STATUS_WORDS.get(str(value).strip().casefold(), str(value).strip().casefold())
        if code in self.allowed:
            return code
        german = [k for k, v in STATUS_WORDS.items() if v in self.allowed and k not in ("bestaetigt", "verworfen")]
        self.fail(f"„{value}“ ist kein Status. Erlaubt: {', '.join(german)} (oder {', '.join(self.allowed)}).", param, ctx)


def _query(reg, status, institution, overdue, meeting):
    try:
        return reg.list_items(status=status or None, institution=institution, overdue=True if overdue else None, meeting=meeting)
    except ProtokollantError as e:
        raise click.ClickException(str(e)) from e


def _short(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def actions() -> None:
    """Aufgaben über alle Sitzungen prüfen: auflisten, bewerten, exportieren.

    Jedes verarbeitete Protokoll wird im Register erfasst. Prüfungen (Status,
    korrigierte Verantwortliche/Frist, Notiz) bleiben bei erneuter Verarbeitung
    erhalten.

    \b
    Beispiele:
      protokollant actions list --overdue
      protokollant actions set 1a2b3c --status done
      protokollant actions export --format html --out listen/
    """


@actions.command("list")
@outbox_option()
@click.option("--status", type=StatusType((*STATUSES, REMOVED)), multiple=True, help="Nur Aufgaben mit diesem Status (mehrfach möglich). Ohne Angabe: alle außer „entfernt“.")
@click.option("--institution", default=None, help="Nur Aufgaben dieser Institution (Teil des Namens genügt; „ohne Zuordnung“ für den Rest).")
@click.option("--overdue", is_flag=True, help="Nur überfällige Aufgaben (Frist vor heute, Status open/confirmed).")
@click.option("--meeting", default=None, help="Nur Aufgaben einer Sitzung (Ordnername, Dateiname oder Datum JJJJ-MM-TT).")
@click.option("--format", "fmt", type=click.Choice(("table", "json", "csv")), default="table", show_default=True, help="Ausgabeformat.")
@today_option
def list_cmd(outbox: Path, status: tuple[str, ...], institution: str | None, overdue: bool, meeting: str | None, fmt: str, today: str | None) -> None:
    """Aufgaben aus dem Register auflisten.

    \b
    Beispiel:
      protokollant actions list --status open --institution Jobcenter
      protokollant actions list --overdue --format json > ueberfaellig.json
    """
    with open_register(outbox, today) as reg:
        items = _query(reg, status, institution, overdue, meeting)
    if fmt == "json":
        click.echo(json.dumps([i.to_dict() for i in items], ensure_ascii=False, indent=2))
        return
    if fmt == "csv":
        click.echo(export_csv(items, SourceLabels(outbox)).decode("utf-8-sig"), nl=False)
        return
    if not items:
        click.echo("Keine Aufgaben.")
        return
    click.echo(f"{'ID':<12}  {'Status':<10}  {'Frist':<11}  {'Verantwortlich':<24}  {'Sitzung':<10}  Aufgabe")
    for i in items:
        due = format_date(i.due_date) if i.due_date else _short(i.due_text, 10)
        mark = "!" if i.overdue else " "
        hint = ""
        if i.suggested_status:
            hint = "  [→ erledigt?]" if i.suggested_status == "done" else "  [→ noch offen?]"
        meeting_date = format_date(i.meeting_date) if i.meeting_date else _short(i.meeting_stem, 10)
        click.echo(
            f"{i.id:<12}  {i.status_label:<10}  {due:<10}{mark}  {_short(', '.join(i.responsible), 24):<24}  {meeting_date:<10}  {_short(i.task, 70)}{hint}"
        )
    click.echo(f"{n_(len(items), 'Aufgabe')}, davon {sum(1 for i in items if i.overdue)} überfällig (!).")


@actions.command("set")
@click.argument("item_id")
@outbox_option()
@click.option("--status", type=StatusType(STATUSES), default=None, help="Neuer Status: offen, bestätigt, abgelehnt, erledigt (oder englisch).")
@click.option("--responsible", default=None, help="Korrigierte Verantwortliche, mehrere mit „;“ getrennt; \"\" setzt auf den erkannten Wert zurück.")
@click.option("--due", default=None, help="Korrigierte Frist, JJJJ-MM-TT oder TT.MM.JJJJ; \"\" setzt zurück.")
@click.option("--note", default=None, help="Notiz zur Aufgabe; \"\" löscht sie.")
@click.option("--by", default=None, help="Wer prüft (Standard: der Benutzername).")
def set_cmd(item_id: str, outbox: Path, status: str | None, responsible: str | None, due: str | None, note: str | None, by: str | None) -> None:
    """Eine Aufgabe prüfen: Status, Verantwortliche, Frist oder Notiz setzen.

    ITEM_ID ist die Kennung aus „actions list“ (ein eindeutiger Anfang ab 4
    Zeichen genügt). Jede Änderung wird mit Person und Zeit protokolliert.

    \b
    Beispiel:
      protokollant actions set 1a2b3c4d5e6f --status done --note "per Mail bestätigt"
      protokollant actions set 1a2b --due 30.06.2026 --responsible "Jobcenter Musterstadt"
    """
    with open_register(outbox) as reg:
        try:
            item = reg.set_item(item_id, status=status, responsible=responsible, due=due, note=note, by=by)
        except ProtokollantError as e:
            raise click.ClickException(str(e)) from e
    due_text = format_date(item.due_date) if item.due_date else (item.due_text or "–")
    click.echo(f"{item.id}: {item.status_label}, Frist {due_text}, verantwortlich: {', '.join(item.responsible) or '–'} – {_short(item.task, 60)}")


@actions.command("history")
@click.argument("item_id")
@outbox_option()
@click.option("--format", "fmt", type=click.Choice(("table", "json")), default="table", show_default=True, help="Ausgabeformat.")
def history_cmd(item_id: str, outbox: Path, fmt: str) -> None:
    """Änderungsverlauf einer Aufgabe anzeigen (wer, wann, was).

    \b
    Beispiel:
      protokollant actions history 1a2b3c4d5e6f
    """
    with open_register(outbox) as reg:
        try:
            entries = reg.history(item_id)
        except ProtokollantError as e:
            raise click.ClickException(str(e)) from e
    if fmt == "json":
        click.echo(json.dumps([e.to_dict() for e in entries], ensure_ascii=False, indent=2))
        return
    from ..german import format_local, history_field, history_value

    for e in entries:
        old, new = history_value(e.field, e.old), history_value(e.field, e.new)
        click.echo(f"{format_local(e.at):<20}  {e.by:<16}  {history_field(e.field):<24}  {old or '–'} → {new or '–'}")


@actions.command("export")
@outbox_option()
@click.option("--format", "fmt", type=click.Choice(outputs.names()), required=True, help=_FORMAT_HELP)
@click.option("--out", "out", type=click.Path(path_type=Path), required=True, help="Zieldatei; bei html ein Ordner.")
@click.option("--status", type=StatusType((*STATUSES, REMOVED)), multiple=True, help="Nur Aufgaben mit diesem Status (mehrfach möglich).")
@click.option("--institution", default=None, help="Nur Aufgaben dieser Institution.")
@click.option("--overdue", is_flag=True, help="Nur überfällige Aufgaben.")
@click.option("--ics-component", type=click.Choice(("VEVENT", "VTODO"), case_sensitive=False), default="VEVENT", show_default=True, help="ics: Termine (VEVENT, für Outlook) oder Aufgaben (VTODO).")
@click.option("--erinnerung", "alarm_days", type=click.IntRange(0, 365), default=None, metavar="TAGE",
              help="ics: Erinnerung so viele Tage vor der Frist (Standard 3 bzw. PROTOKOLLANT_ICS_ERINNERUNG; 0 = keine).")
@click.option("--kalendername", "calendar_name", default=outputs.DEFAULT_CALENDAR_NAME, show_default=True, help="ics: Name des Kalenders.")
@today_option
def export_cmd(outbox: Path, fmt: str, out: Path, status: tuple[str, ...], institution: str | None, overdue: bool, ics_component: str,
               alarm_days: int | None, calendar_name: str, today: str | None) -> None:
    """Aufgaben exportieren: CSV/XLSX für Excel, ICS für den Kalender, HTML-Listen je Institution.

    \b
    Beispiel:
      protokollant actions export --format xlsx --out aufgaben.xlsx
      protokollant actions export --format ics --out fristen.ics --status open --status confirmed
      protokollant actions export --format html --out listen/
    """
    with open_register(outbox, today) as reg:
        items = _query(reg, status, institution, overdue, None)
        day = reg.today()
    options = outputs.ExportOptions(labels=SourceLabels(outbox), today=day, ics_component=ics_component.upper(),
                                    alarm_days=alarm_days, calendar_name=calendar_name)
    try:
        written = outputs.export(items, fmt, out, options)
    except OSError as e:
        raise click.ClickException(f"{out}: Export nicht möglich: {e.strerror or e}") from e
    click.echo(outputs.get(fmt).summary_line(items, written, out, options))


__all__ = ["actions"]
