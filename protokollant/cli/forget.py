"""`protokollant forget`: delete a meeting's personal data on request or by age (thin layer over forget.py)."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from .options import inbox_option, outbox_option


@click.command()
@click.argument("sitzungen", nargs=-1, metavar="SITZUNG...")
@outbox_option(help="Ausgabeordner.")
@inbox_option(help="Eingangsordner (archivierte Eingänge in processed/ und failed/).")
@click.option("--aelter-als", "older_than", type=click.IntRange(1, None), default=None, metavar="TAGE", help="Alle Sitzungen löschen, die älter als so viele Tage sind (Sitzungsdatum).")
@click.option("--ja", "yes", is_flag=True, help="Ohne Rückfrage löschen.")
def forget(sitzungen: tuple[str, ...], outbox: Path, inbox: Path, older_than: int | None, yes: bool) -> None:
    """Alle Daten einer Sitzung löschen (Recht auf Löschung, Art. 17 DSGVO).

    Entfernt Ausgaben (OUTBOX/<name>/), Register-Einträge samt Prüfverlauf (auch
    in den Register-Sicherungen), den Eintrag im Hash-Verzeichnis, die
    archivierte Eingangsdatei (INBOX/processed/, failed/) und Prefect-Artefakte
    und -Protokollzeilen, die die Datei nennen. SITZUNG ist der Ordnername in
    OUTBOX oder der Dateiname des Protokolls.

    \b
    Beispiel:
      protokollant forget kog-sitzung-2026-03-12 --ja
      protokollant forget --aelter-als 730 --ja      # Aufbewahrungsfrist 2 Jahre
    """
    from ..forget import ForgetError, forget_meeting, meetings_older_than
    from ..german import n_
    from ..inbox import RunLockedError, run_lock
    from ..locations import LocationMissing, require_dir

    try:
        require_dir(outbox, "Ausgabeordner")
    except LocationMissing as e:
        click.echo(f"FEHLER {e}", err=True)
        sys.exit(2)
    names = list(sitzungen) + (meetings_older_than(outbox, older_than) if older_than else [])
    if not names:
        raise click.UsageError("Eine Sitzung (Ordner- oder Dateiname) oder --aelter-als TAGE angeben.")
    if not yes:
        click.echo(f"Zu löschen: {', '.join(names)}", err=True)
        if not sys.stdin.isatty() or not click.confirm("Alle Daten dieser Sitzungen endgültig löschen?", err=True):
            click.echo("Nichts gelöscht (zum Löschen ohne Rückfrage --ja angeben).", err=True)
            sys.exit(1)
    try:
        with run_lock(inbox if inbox.is_dir() else outbox, outbox):
            for name in names:
                r = forget_meeting(outbox, name, inbox=inbox if inbox.is_dir() else None)
                click.echo(
                    f"GELÖSCHT {r.stem}: {n_(len(r.outputs), 'Datei', 'Dateien')} in {outbox / r.stem}, "
                    f"{n_(r.register_items, 'Aufgabe')} im Register (+ {r.backups} Sicherungen), "
                    f"{n_(len(r.inputs), 'archivierte Eingangsdatei', 'archivierte Eingangsdateien')}, "
                    f"{n_(r.prefect_rows, 'Prefect-Eintrag', 'Prefect-Einträge')}", err=True)
                for note in r.notes:
                    click.echo(f"HINWEIS  {note}", err=True)
    except RunLockedError:
        click.echo("FEHLER Ein Lauf ist gerade aktiv; nach seinem Ende erneut versuchen.", err=True)
        sys.exit(2)
    except ForgetError as e:
        click.echo(f"FEHLER {e}", err=True)
        sys.exit(1)


__all__ = ["forget"]
