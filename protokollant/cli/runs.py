"""`protokollant run`, `init`, `serve`: the inbox through the Prefect flows, once or nightly.

Command bodies import the library on call: `protokollant --help` and every command start
without loading spaCy, SQLAlchemy, Prefect or FastAPI (cold start, see bench/).
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from .options import inbox_option, model_option, outbox_option
from .root import main


@main.command()
@inbox_option(help="Eingangsordner (muss vorhanden sein, sonst --anlegen).")
@outbox_option(short=False, help="Ausgabeordner (muss vorhanden sein, sonst --anlegen).")
@click.option("--anlegen", is_flag=True, help="Beim ersten Lauf: fehlende Eingangs-/Ausgangsordner anlegen.")
@model_option
@click.option("--json-summary", is_flag=True, help="Zusammenfassung des Laufs als JSON auf stdout (Meldungen stehen auf stderr).")
@click.option("--ausfuehrlich", "-v", is_flag=True, help="Auch Prefects eigene Protokollzeilen zeigen.")
def run(inbox: Path, outbox: Path, anlegen: bool, model: str, json_summary: bool, ausfuehrlich: bool) -> None:
    """Den Eingangsordner einmal über den Prefect-Flow verarbeiten.

    Ohne PREFECT_API_URL startet Prefect dafür einen temporären lokalen Server
    (er endet mit dem Lauf, auch wenn der Lauf hart abgebrochen wird). Jede
    Datei im Eingang wird in der Zusammenfassung (stderr) genannt: verarbeitet,
    Duplikat, abgelehnt (failed/, mit Grund und Hinweis) oder übersprungen.
    Fehlt der Eingangs- oder Ausgangsordner, bricht der Lauf mit Exit-Code 2 ab
    (ein nicht eingebundenes Netzlaufwerk); angelegt wird nur mit --anlegen
    oder „protokollant init“.
    Exit-Code 0 = alles verarbeitet, 1 = mindestens eine Datei abgelehnt (failed/),
    2 = der Lauf konnte seine Arbeit nicht tun (Ordner fehlt, Speicher voll, keine Rechte,
    Register unbrauchbar …; die Dateien bleiben im Eingang).

    \b
    Beispiel:
      protokollant run --inbox inbox --outbox outbox
      protokollant run --inbox /srv/eingang --outbox /srv/ausgang --anlegen   # erster Lauf
    """
    from ..locations import LocationMissing, require_dir
    from ..operational import EXIT_OPERATIONAL
    from ..run_report import summary_lines

    try:
        require_dir(inbox, "Eingangsordner", create=anlegen)
        require_dir(outbox, "Ausgangsordner", create=anlegen)
    except LocationMissing as e:
        click.echo(f"FEHLER {e}", err=True)
        sys.exit(EXIT_OPERATIONAL)
    except OSError as e:
        click.echo(f"FEHLER Eingangs-/Ausgangsordner nicht anlegbar: {e.strerror or e} ({e.filename})", err=True)
        sys.exit(EXIT_OPERATIONAL)
    from ..prefect_home import quiet_prefect, use_outbox_prefect_home

    use_outbox_prefect_home(outbox)
    if not ausfuehrlich:
        quiet_prefect()
    from ..orchestration.minutes import run_inbox_summary  # on call: Prefect takes seconds to import

    summary = run_inbox_summary(str(inbox), str(outbox), model=model)
    for line in summary_lines(summary):
        click.echo(line, err=True)
    if json_summary:
        click.echo(json.dumps(summary, ensure_ascii=False, indent=2))
    sys.exit(int(summary["exit_code"]))


@main.command()
@inbox_option(help="Eingangsordner.")
@outbox_option(short=False, help="Ausgabeordner.")
def init(inbox: Path, outbox: Path) -> None:
    """Eingangs- und Ausgangsordner einmalig anlegen (mit processed/, failed/, .protokollant/).

    Die anderen Befehle legen fehlende Ordner nie von selbst an: ein nicht
    eingebundenes Netzlaufwerk soll auffallen, nicht als leerer Eingang.

    \b
    Beispiel:
      protokollant init --inbox /srv/protokolle/eingang --outbox /srv/protokolle/ausgang
    """
    from ..locations import init_locations

    try:
        created = init_locations(inbox, outbox)
    except OSError as e:
        click.echo(f"FEHLER Ordner nicht anlegbar: {e.strerror or e} ({e.filename})", err=True)
        sys.exit(2)
    for folder in created:
        click.echo(f"angelegt: {folder}", err=True)
    click.echo(f"Eingang {inbox}, Ausgang {outbox} bereit." if created else f"Eingang {inbox} und Ausgang {outbox} sind schon vorhanden.", err=True)


@main.command()
@inbox_option(help="Eingangsordner.")
@outbox_option(short=False, help="Ausgabeordner.")
@click.option("--cron", default="0 2 * * *", show_default=True, help="Zeitplan (cron).")
@click.option("--timezone", "tz", default="Europe/Berlin", show_default=True, help="Zeitzone des Zeitplans.")
@click.option("--api-url", default=None, help="Vorhandenen Prefect-Server nutzen statt einen lokalen zu starten.")
@click.option("--aufbewahrung", "retention", type=click.IntRange(1, None), default=None, metavar="TAGE",
              help="Sitzungen, die älter als so viele Tage sind, im nächtlichen Lauf löschen (sonst PROTOKOLLANT_AUFBEWAHRUNG; Standard: nie).")
@click.option("--public", is_flag=True, help="Nach der Verarbeitung auch die öffentlichen Fassungen (<name>.oeffentlich.html) schreiben.")
@click.option("--notify-out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Nach der Verarbeitung Erinnerungen (.eml) in diesen Ordner schreiben (wie protokollant notify).")
@click.option("--notify-days", default=14, show_default=True, type=click.IntRange(0, 365), help="„Bald fällig“ für die Erinnerungen.")
@click.option("--notify-send", is_flag=True, help="Erinnerungen über PROTOKOLLANT_SMTP_URL (STARTTLS) senden.")
def serve(inbox: Path, outbox: Path, cron: str, tz: str, api_url: str | None, retention: int | None, public: bool,
          notify_out: Path | None, notify_days: int, notify_send: bool) -> None:
    """Nächtliche Verarbeitung: Prefect-Server (127.0.0.1) starten und den Inbox-Flow nach Zeitplan ausführen.

    Prefects Datenbank (Läufe, Artefakte mit Aufgaben und Namen) liegt in
    OUTBOX/.protokollant/prefect/, sofern PREFECT_HOME nicht gesetzt ist.

    \b
    Beispiel:
      protokollant serve --cron "0 2 * * *" --timezone Europe/Berlin --aufbewahrung 730
      protokollant serve --public --notify-out erinnerungen/
    """
    from ..locations import LocationMissing, require_dir
    from ..prefect_home import use_outbox_prefect_home

    try:
        require_dir(inbox, "Eingangsordner")
        require_dir(outbox, "Ausgangsordner")
    except LocationMissing as e:
        click.echo(f"FEHLER {e}", err=True)
        sys.exit(2)
    if retention:
        os.environ["PROTOKOLLANT_AUFBEWAHRUNG"] = str(retention)  # read by each flow run (own process)
    if not api_url:
        use_outbox_prefect_home(outbox)
    from ..orchestration.serve import serve_nightly  # on call: Prefect takes seconds to import

    followup = {"public": public, "notify_out": str(notify_out) if notify_out else None,
                "notify_days": notify_days if notify_out else None, "notify_send": notify_send and bool(notify_out)}
    serve_nightly(str(inbox.resolve()), str(outbox.resolve()), cron=cron, timezone=tz, api_url=api_url, followup=followup)
