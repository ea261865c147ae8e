"""Options and helpers the command groups share, defined once: --outbox, --inbox, --model, --today,
and opening the register for a command (exit 2 with one German line when it is unusable).

Command bodies import the library on call: `protokollant --help` and every command start
without loading spaCy, SQLAlchemy, Prefect or FastAPI (cold start, see bench/).
"""
from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path

import click

from ..errors import ProtokollantError
from ..operational import EXIT_OPERATIONAL, HINTS, REGISTER_UNUSABLE

FOLDER = click.Path(file_okay=False, path_type=Path)
MODEL_HELP = "spaCy-Pipeline: 'auto' (de_core_news_lg/md/sm wenn installiert, sonst blank), 'blank' oder ein Paketname."
REGISTER_OUTBOX_HELP = "Ausgabeordner mit dem Register (OUTBOX/.protokollant/register.sqlite3); PROTOKOLLANT_REGISTER_URL hat Vorrang."


def outbox_option(*, help: str = REGISTER_OUTBOX_HELP, short: bool = True) -> Callable:  # noqa: A002 - click's name
    """``--outbox`` (``-o``), default ./outbox; ``help`` says what the command needs in it."""
    names = ("--outbox", "-o") if short else ("--outbox",)
    return click.option(*names, "outbox", type=FOLDER, default=Path("outbox"), show_default=True, help=help)


def inbox_option(*, help: str) -> Callable:  # noqa: A002 - click's name
    """``--inbox``, default ./inbox."""
    return click.option("--inbox", "inbox", type=FOLDER, default=Path("inbox"), show_default=True, help=help)


model_option = click.option("--model", default="auto", show_default=True, help=MODEL_HELP)

today_option = click.option("--today", "today", default=None, metavar="DATUM",
                            help="Stichtag für „überfällig“ (Standard: heute); JJJJ-MM-TT oder TT.MM.JJJJ.")


def processed_entries(outbox: Path) -> list:
    """The ledger's "processed" entries (empty when there is no ledger; never creates one)."""
    from ..inbox import LEDGER_FILE, STATE_DIR, Ledger  # on call: start-up stays light (see module docstring)

    path = outbox / STATE_DIR / LEDGER_FILE
    if not path.is_file():
        return []
    with Ledger(path) as ledger:
        return [e for e in ledger.entries() if e.status == "processed"]


def ensure_register_usable(outbox: Path) -> None:
    """Exit 2 with one German line when the register is missing/empty/unreadable (never create a new one)."""
    from ..register_care import inspect, sqlite_path  # on call: start-up stays light

    path = sqlite_path(outbox)
    if path is not None:  # never create a register (or an outbox) just to say "no tasks"
        if not path.parent.parent.is_dir() and path.parent.name == ".protokollant":
            click.echo(f"FEHLER Ausgabeordner {outbox} nicht gefunden – Ordner angeben (--outbox) oder prüfen, ob das Laufwerk eingebunden ist.", err=True)
            sys.exit(EXIT_OPERATIONAL)
        if not path.exists() and not processed_entries(outbox):
            click.echo(f"FEHLER Kein Aufgabenregister in {path.parent}: es entsteht beim ersten Verarbeiten (protokollant run oder process).", err=True)
            sys.exit(EXIT_OPERATIONAL)
    health = inspect(outbox, processed_entries(outbox))
    if health.ok and health.path is not None and health.path.exists() and health.path.stat().st_size == 0:
        health.problem, health.message = "empty", f"Das Aufgabenregister {health.path} ist leer (0 Bytes)"
    if not health.ok:
        click.echo(f"FEHLER {health.message} – {HINTS[REGISTER_UNUSABLE]}", err=True)
        sys.exit(EXIT_OPERATIONAL)


def open_register(outbox: Path, today: str | None = None):
    """The register of ``outbox`` for a command, with ``--today`` as its idea of today."""
    from ..register import Register, parse_due  # on call: SQLAlchemy only for register commands

    ensure_register_usable(outbox)
    try:
        fixed = parse_due(today) if today else None
        return Register.open(outbox, today=(lambda: fixed) if fixed else dt.date.today)
    except ProtokollantError as e:
        raise click.ClickException(str(e)) from e


__all__ = [
    "MODEL_HELP", "REGISTER_OUTBOX_HELP", "ensure_register_usable", "inbox_option", "model_option", "open_register",
    "outbox_option", "processed_entries", "today_option",
]
