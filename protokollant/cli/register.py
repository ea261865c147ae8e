"""`protokollant register check|repair`: is the action register usable, and rebuild it (see register_care)."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from ..operational import EXIT_OPERATIONAL
from .options import outbox_option, processed_entries

OUTBOX_HELP = "Ausgabeordner mit Register und Verzeichnis (OUTBOX/.protokollant/)."


@click.group("register", context_settings={"help_option_names": ["-h", "--help"]})
def register_group() -> None:
    """Aufgabenregister prüfen und aus den Ergebnissen neu aufbauen.

    \b
    Beispiele:
      protokollant register check --outbox outbox
      protokollant register repair --outbox outbox
    """


@register_group.command("check")
@outbox_option(help=OUTBOX_HELP)
def check(outbox: Path) -> None:
    """Zustand des Registers: lesbar, vollständig gegenüber dem Verzeichnis, Sicherungen.

    Exit-Code 0 = in Ordnung, 1 = Dokumente fehlen im Register (der nächste Lauf trägt
    sie nach), 2 = Register fehlt, ist leer oder nicht lesbar.

    \b
    Beispiel:
      protokollant register check --outbox outbox
    """
    import os

    from ..register import ENV_URL
    from ..register_care import inspect, summary_lines

    if not os.environ.get(ENV_URL) and not outbox.is_dir():  # an unmounted share is not "in Ordnung"
        click.echo(f"FEHLER Ausgabeordner {outbox} nicht gefunden – Ordner angeben (--outbox) oder prüfen, ob das Laufwerk eingebunden ist.", err=True)
        sys.exit(EXIT_OPERATIONAL)
    health = inspect(outbox, processed_entries(outbox))
    for line in summary_lines(health, outbox):
        click.echo(line)
    sys.exit(EXIT_OPERATIONAL if not health.ok else (1 if health.not_registered else 0))


@register_group.command("repair")
@outbox_option(help=OUTBOX_HELP)
@click.option("--backup", type=click.Path(dir_okay=False, exists=True, path_type=Path), default=None,
              help="Prüfungen aus dieser Sicherung übernehmen (Standard: neueste lesbare in OUTBOX/.protokollant/backups/).")
def repair_cmd(outbox: Path, backup: Path | None) -> None:
    """Register aus den JSON-Datensätzen im Ausgabeordner neu aufbauen; Prüfungen aus einer Sicherung.

    Das alte Register bleibt als register.sqlite3.defekt-<Zeit> daneben liegen.

    \b
    Beispiel:
      protokollant register repair --outbox outbox
    """
    from ..inbox import RUN_LOCK_FILE, STATE_DIR, RunLock, RunLockedError, lock_one
    from ..operational import OperationalError
    from ..register_care import repair

    if not outbox.is_dir():
        click.echo(f"FEHLER Ausgabeordner {outbox} nicht gefunden – Ordner angeben (--outbox) oder prüfen, ob das Laufwerk eingebunden ist.", err=True)
        sys.exit(EXIT_OPERATIONAL)

    try:
        lock = RunLock([lock_one(outbox / STATE_DIR / RUN_LOCK_FILE)])
    except RunLockedError:
        click.echo("FEHLER Ein Lauf ist gerade aktiv; die Reparatur später wiederholen.", err=True)
        sys.exit(EXIT_OPERATIONAL)
    except OSError as e:
        click.echo(f"FEHLER Ausgabeordner nicht beschreibbar: {e}", err=True)
        sys.exit(EXIT_OPERATIONAL)
    with lock:
        try:
            report = repair(outbox, backup=backup)
        except (OperationalError, OSError) as e:
            click.echo(f"FEHLER {e}", err=True)
            sys.exit(EXIT_OPERATIONAL)
    click.echo(f"Register neu aufgebaut: {report.register}")
    from ..german import n_

    click.echo(f"{n_(report.documents, 'Sitzung')}, {n_(report.items, 'Aufgabe')} aus den JSON-Datensätzen.")
    if report.backup:
        click.echo(f"Prüfungen aus {report.backup.name}: {report.reviews_restored} übernommen, {report.reviews_lost} ohne passende Sitzung.")
    else:
        click.echo("Keine lesbare Sicherung gefunden: Prüfungen (Status, Notizen) konnten nicht übernommen werden.")
    if report.kept_old:
        click.echo(f"Altes Register aufbewahrt als {report.kept_old.name}.")
    for bad in report.unreadable:
        click.echo(f"WARNUNG nicht lesbar, nicht übernommen: {bad}", err=True)


__all__ = ["register_group"]
