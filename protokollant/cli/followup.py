"""Follow-up commands: `decisions list`, `export oparl`, `notify`, `next-meeting` (thin layer over protokollant.followup)."""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from ..german import n_

from .options import open_register, outbox_option
from ..errors import ProtokollantError


def _bodies(outbox: Path, aliases: Path | None):
    from ..followup.bodies import load_bodies

    try:
        return load_bodies(outbox, path=aliases)
    except ProtokollantError as e:
        raise click.ClickException(str(e)) from e


def _date(value: str | None, option: str) -> dt.date | None:
    from ..register import InvalidValueError, parse_due

    if not value:
        return None
    try:
        return parse_due(value)
    except InvalidValueError as e:
        raise click.BadParameter(str(e), param_hint=option) from e


def _aliases_option(f):
    return click.option("--gremien", "aliases", type=click.Path(dir_okay=False, exists=True, path_type=Path), default=None,
                        help="Gremien-Datei mit Schreibweisen desselben Gremiums (Standard: OUTBOX/gremien.txt, PROTOKOLLANT_GREMIEN).")(f)


# --------------------------------------------------------------------------- decisions


@click.group("decisions", context_settings={"help_option_names": ["-h", "--help"]})
def decisions_group() -> None:
    """Beschlussbuch: alle Beschlüsse aller verarbeiteten Sitzungen.

    \b
    Beispiele:
      protokollant decisions list --organisation Bürgerrunde --format json
      protokollant decisions list --since 2017-01-01 --search Flohmarkt
    """


@decisions_group.command("list")
@outbox_option()
@_aliases_option
@click.option("--organisation", default=None, help="Nur dieses Gremium (gleiche Identität laut Register und Gremien-Datei).")
@click.option("--since", default=None, metavar="DATUM", help="Nur Sitzungen ab diesem Tag (JJJJ-MM-TT oder TT.MM.JJJJ).")
@click.option("--search", default=None, metavar="TEXT", help="Nur Beschlüsse, deren Text dies enthält (ohne Groß/Klein).")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True, help="Ausgabeformat.")
def decisions_list(outbox: Path, aliases: Path | None, organisation: str | None, since: str | None, search: str | None, fmt: str) -> None:
    """Beschlüsse über alle Sitzungen: Gremium, Datum, TOP, Abstimmung, Ergebnis, Beleg, Bericht.

    JSON: {"items": [...]}, jeder Eintrag mit seiner Sitzung ("meeting").

    \b
    Beispiel:
      protokollant decisions list --outbox outbox --organisation Bürgerrunde --format json > beschluesse.json
    """
    from ..followup.decisions_log import list_decisions, to_csv, to_json, to_table

    since_date = _date(since, "--since")
    bodies = _bodies(outbox, aliases)
    with open_register(outbox) as reg:
        try:
            entries = list_decisions(reg, bodies, organisation=organisation, since=since_date, search=search)
        except ProtokollantError as e:
            raise click.ClickException(str(e)) from e
    if fmt == "json":
        click.echo(to_json(entries))
    elif fmt == "csv":
        sys.stdout.buffer.write(to_csv(entries))
        sys.stdout.flush()
    else:
        click.echo(to_table(entries))


# --------------------------------------------------------------------------- export oparl


@click.group("export", context_settings={"help_option_names": ["-h", "--help"]})
def export_group() -> None:
    """Sitzungen für andere Systeme exportieren.

    \b
    Beispiel:
      protokollant export oparl --out oparl/
    """


@export_group.command("oparl")
@outbox_option()
@_aliases_option
@click.option("--out", "out", required=True, type=click.Path(file_okay=False, path_type=Path), help="Zielordner für die OParl-Objekte (JSON).")
@click.option("--base-url", default=None, help="Basis der Objekt-URLs (id), z. B. https://ris.example.de/oparl (Standard: https://oparl.invalid/protokollant).")
@click.option("--personen", "persons", is_flag=True, help="Auch Person-Objekte der Anwesenden ausgeben (personenbezogene Daten!).")
@click.option("--organisation", default=None, help="Nur die Sitzungen dieses Gremiums.")
def export_oparl_cmd(outbox: Path, aliases: Path | None, out: Path, base_url: str | None, persons: bool, organisation: str | None) -> None:
    """OParl 1.1: Meeting, AgendaItem, Organization, File (und auf Wunsch Person) als JSON.

    Aufgaben und Abstimmungen stehen als Herstellererweiterung „protokollant:tasks“ /
    „protokollant:votes“ an den Tagesordnungspunkten. Die Kennungen bleiben bei jedem
    Export gleich (aus dem Register abgeleitet).

    \b
    Beispiel:
      protokollant export oparl --outbox outbox --out oparl/ --base-url https://ris.example.de/oparl
    """
    from ..followup.oparl import DEFAULT_BASE_URL, export_oparl

    bodies = _bodies(outbox, aliases)
    with open_register(outbox) as reg:
        try:
            result = export_oparl(reg, bodies, outbox, out, base_url=base_url or DEFAULT_BASE_URL, persons=persons, organisation=organisation)
        except (ProtokollantError, OSError) as e:
            raise click.ClickException(str(e)) from e
    c = result.counts
    click.echo(f"OParl-Export nach {out}: {n_(c.get('meeting', 0), 'Sitzung')}, {n_(c.get('agendaitem', 0), 'Tagesordnungspunkt')}, "
               f"{n_(c.get('organization', 0), 'Gremium')}, {n_(c.get('file', 0), 'Datei')}"
               + (f", {n_(c.get('person', 0), 'Person')}" if persons else "") + ".")
    for problem in result.skipped:
        click.echo(f"WARNUNG nicht exportiert: {problem}", err=True)
    if not c.get("meeting"):
        click.echo("FEHLER Keine Sitzung exportiert.", err=True)
        sys.exit(1)


# --------------------------------------------------------------------------- notify


@click.command("notify")
@outbox_option()
@click.option("--out", "out", required=True, type=click.Path(file_okay=False, path_type=Path), help="Ordner für die E-Mails (.eml, je Empfänger eine).")
@click.option("--today", default=None, metavar="DATUM", help="Stichtag (Standard: heute); JJJJ-MM-TT oder TT.MM.JJJJ.")
@click.option("--days", default=14, show_default=True, type=click.IntRange(0, 365), help="„Bald fällig“: Frist in höchstens so vielen Tagen.")
@click.option("--kontakte", "contacts_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Kontaktdatei (Standard: OUTBOX/kontakte.csv, PROTOKOLLANT_KONTAKTE); Format siehe README.")
@click.option("--send", is_flag=True, help="Über PROTOKOLLANT_SMTP_URL (STARTTLS) senden; Entwürfe ohne Adresse bleiben liegen.")
@click.option("--absender", "sender", default=None, help="Absender (Standard: PROTOKOLLANT_MAIL_FROM oder protokollant@localhost).")
@click.option("--erneut", "repeat", is_flag=True, help="Auch an Aufgaben erinnern, an die schon erinnert wurde.")
def notify_cmd(outbox: Path, out: Path, today: str | None, days: int, contacts_file: Path | None, send: bool, sender: str | None, repeat: bool) -> None:
    """Erinnerungen: je verantwortlicher Person oder Institution eine E-Mail mit überfälligen, bald fälligen und offenen Aufgaben.

    Adressen stehen nur in der Kontaktdatei; wer dort fehlt, bekommt einen Entwurf mit
    leerem „An:“ (in der Zusammenfassung genannt). Jede Aufgabe wird je Frist nur einmal
    erinnert (im Register vermerkt). Exit-Code 1, wenn eine Nachricht nicht gesendet werden konnte.

    \b
    Beispiele:
      protokollant notify --today 2026-05-20 --days 14 --out erinnerungen/
      PROTOKOLLANT_SMTP_URL=smtp://geschaeftsstelle:GEHEIM@mail.example.de:587 protokollant notify --out erinnerungen/ --send
    """
    from ..followup.contacts import load_contacts
    from ..followup.notify import notify, summary_lines

    day = _date(today, "--today") or dt.date.today()
    try:
        contacts = load_contacts(outbox, path=contacts_file)
    except ProtokollantError as e:
        raise click.ClickException(str(e)) from e
    with open_register(outbox) as reg:
        try:
            result = notify(reg, contacts, out, today=day, days=days, send=send, sender=sender, repeat=repeat)
        except (ProtokollantError, OSError) as e:
            raise click.ClickException(str(e)) from e
    for line in summary_lines(result, send=send):
        click.echo(line, err=line.startswith("FEHLER"))
    sys.exit(1 if result.failed else 0)


# --------------------------------------------------------------------------- next-meeting


@click.command("next-meeting")
@outbox_option()
@_aliases_option
@click.option("--organisation", required=True, help="Das Gremium (wie im Register; Schreibweisen laut Gremien-Datei).")
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path), help="Word-Datei (.docx), die geschrieben wird.")
@click.option("--today", default=None, metavar="DATUM", help="Stichtag für „überfällig“ (Standard: heute).")
def next_meeting_cmd(outbox: Path, aliases: Path | None, organisation: str, out: Path, today: str | None) -> None:
    """Vorlage für die nächste Sitzung (Word): offene und überfällige Aufgaben je Institution,
    vertagte Punkte und die Beschlüsse der letzten Sitzung zur Bestätigung.

    \b
    Beispiel:
      protokollant next-meeting --organisation Bürgerrunde --out naechste-sitzung.docx
    """
    from ..followup.next_meeting import build_draft
    from ..fileio import write_atomic

    if out.suffix.lower() != ".docx":
        raise click.BadParameter("Die Ausgabe muss auf .docx enden.", param_hint="--out")
    day = _date(today, "--today")
    bodies = _bodies(outbox, aliases)
    with open_register(outbox) as reg:
        try:
            document = build_draft(reg, bodies, outbox, organisation, today=day)
        except ProtokollantError as e:
            raise click.ClickException(str(e)) from e
    import io

    buffer = io.BytesIO()
    document.save(buffer)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(out, buffer.getvalue())
    except OSError as e:
        raise click.ClickException(f"{out}: nicht geschrieben: {e.strerror or e}") from e
    click.echo(f"Vorlage geschrieben: {out}")


COMMANDS = [decisions_group, export_group, notify_cmd, next_meeting_cmd]
__all__ = ["COMMANDS"]
