"""`protokollant review`: the review page on this machine (or, with a token, for others).

Command bodies import the library on call: `protokollant --help` and every command start
without loading spaCy, SQLAlchemy, Prefect or FastAPI (cold start, see bench/).
"""
from __future__ import annotations

import os
from pathlib import Path

import click

from ..errors import ProtokollantError
from .options import ensure_register_usable, outbox_option
from .root import main


@main.command()
@outbox_option()
@click.option("--host", default="127.0.0.1", show_default=True, help="Adresse des Servers; alles außer Loopback nur mit --allow-remote.")
@click.option("--port", default=8765, show_default=True, type=click.IntRange(1, 65535), help="Port des Servers.")
@click.option("--allow-remote", is_flag=True, help="Zugriff von anderen Rechnern erlauben (verlangt Zugangsschlüssel und --allowed-host).")
@click.option("--allowed-host", "allowed_hosts", multiple=True, metavar="NAME",
              help="Host-Name, unter dem die Seite aufgerufen wird (mehrfach möglich); bei --allow-remote Pflicht.")
@click.option("--token-env", default="PROTOKOLLANT_REVIEW_TOKEN", show_default=True,
              help="Umgebungsvariable mit dem Zugangsschlüssel (mind. 16 Zeichen) für --allow-remote.")
def review(outbox: Path, host: str, port: int, allow_remote: bool, allowed_hosts: tuple[str, ...], token_env: str) -> None:
    """Prüfseite im Browser: Aufgaben aller Sitzungen filtern, prüfen, exportieren.

    Standardmäßig nur auf diesem Rechner (127.0.0.1). Für andere Rechner:
    --host 0.0.0.0 --allow-remote --allowed-host pruefrechner.intern und der
    Zugangsschlüssel in PROTOKOLLANT_REVIEW_TOKEN (der Browser fragt danach,
    Benutzername beliebig).

    \b
    Beispiel:
      protokollant review --outbox outbox   # dann http://127.0.0.1:8765/ öffnen
    """
    import uvicorn


    from ..register import Register
    from ..review import DEFAULT_ALLOWED_HOSTS, MIN_TOKEN_CHARS, create_app, is_loopback

    token = None
    if is_loopback(host):
        hosts = (*DEFAULT_ALLOWED_HOSTS, *allowed_hosts)
    else:
        if not allow_remote:
            raise click.UsageError(f"--host {host} öffnet die Prüfseite für andere Rechner; dafür --allow-remote, --allowed-host und einen Zugangsschlüssel angeben.")
        token = os.environ.get(token_env, "")
        if len(token) < MIN_TOKEN_CHARS:
            raise click.UsageError(f"Zugangsschlüssel fehlt oder ist zu kurz: {token_env} mit mindestens {MIN_TOKEN_CHARS} zufälligen Zeichen setzen.")
        if not allowed_hosts:
            raise click.UsageError("Mit --allow-remote mindestens ein --allowed-host angeben (der Name im Browser, z. B. pruefrechner.intern).")
        hosts = tuple(allowed_hosts)
    ensure_register_usable(outbox)
    try:
        Register.open(outbox).close()  # fail early if the register cannot be opened/migrated
    except ProtokollantError as e:
        raise click.ClickException(str(e)) from e
    app = create_app(outbox, allowed_hosts=hosts, access_token=token)
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"Prüfseite: http://{shown}:{port}/  (Beenden mit Strg+C)")
    uvicorn.run(app, host=host, port=port, log_level="warning")
