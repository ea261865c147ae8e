"""The `protokollant` command: a thin layer over the library.

Prefect is imported only by the commands that orchestrate (run, serve), so
`process` starts fast and works without any server.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from . import __version__
from .errors import ProtokollantError

# Telemetry off by default, before anything can import Prefect.
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

MODEL_HELP = "spaCy-Pipeline: 'auto' (de_core_news_lg/md/sm wenn installiert, sonst blank), 'blank' oder ein Paketname."


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="protokollant")
def main() -> None:
    """Protokollant: deutsche Sitzungsprotokolle (.docx) → Beschlüsse, Aufgaben, Themen, Institutionen.

    \b
    Beispiele:
      protokollant process inbox/ --outbox outbox/
      protokollant run
      protokollant schema > minutes.schema.json
    """


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--outbox", "-o", type=click.Path(file_okay=False, path_type=Path), default=Path("outbox"), show_default=True, help="Zielordner; je Dokument ein Unterordner.")
@click.option("--model", default="auto", show_default=True, help=MODEL_HELP)
@click.option("--json-summary", is_flag=True, help="Zusammenfassung als JSON auf stdout ausgeben.")
@click.option("--public", is_flag=True, help="Zusätzlich <name>.oeffentlich.html schreiben: ohne Personennamen, nicht öffentliche Teile und Prüfhinweise.")
def process(paths: tuple[Path, ...], outbox: Path, model: str, json_summary: bool, public: bool) -> None:
    """Dateien und/oder Ordner direkt verarbeiten (ohne Prefect).

    Je Dokument entstehen OUTBOX/<name>/<name>.json, .html und .aufgaben.csv (mit --public
    auch .oeffentlich.html). Gibt es frühere Sitzungen desselben Gremiums, bekommt der
    Bericht den Abschnitt „Offene Aufgaben aus früheren Sitzungen“.
    Exit-Code 0, wenn alle Dateien verarbeitet wurden, 1 wenn mindestens eine scheiterte,
    2 bei Betriebsfehlern (Speicher voll, keine Rechte, Register nicht beschreibbar).

    \b
    Beispiel:
      protokollant process protokolle/ ./-Sitzung.docx --outbox ergebnisse/
      protokollant process vorstand.docx --public
    """
    from .operational import EXIT_OPERATIONAL, OPERATIONAL_REASONS
    from .pipeline import Processor, collect_inputs, process_groups
    from .register import Registrar

    missing = [p for p in paths if not p.exists()]
    for p in missing:
        click.echo(f"FEHLER {p}: Datei oder Ordner nicht gefunden", err=True)
    existing = [p for p in paths if p.exists()]
    if not collect_inputs(existing):
        raise click.ClickException("Keine Word-Dateien gefunden.")
    outbox.mkdir(parents=True, exist_ok=True)
    summaries: list[dict] = []
    processed = failed = operational = 0
    register_failed: list[str] = []
    done_stems: list[str] = []
    try:
        with Registrar(outbox) as registrar:
            for group in process_groups(existing, outbox, processor=Processor(model)):
                register_failed.extend(f"{Path(r.input).name}: {e}" for r, e in registrar.record_group(group))
                for r in group:
                    if r.ok:
                        processed += 1
                        done_stems.append(Path(r.outputs["json"]).parent.name)
                        c = r.counts
                        click.echo(
                            f"OK     {r.input} → {Path(r.outputs['json']).parent}  "
                            f"({c['topics']} TOPs, {c['decisions']} Beschlüsse, {c['action_items']} Aufgaben, {c['institutions']} Institutionen)"
                        )
                    else:
                        failed += 1
                        operational += r.reason in OPERATIONAL_REASONS
                        click.echo(f"FEHLER {r.error} [{r.reason}]" + (f" – {r.hint}" if r.hint else ""), err=True)
                    if json_summary:
                        summaries.append(r.summary())
                    r.record = None  # recorded and reported: keep memory flat over thousands of files
    except ProtokollantError as e:
        raise click.ClickException(str(e)) from e
    for message in register_failed:
        click.echo(f"WARNUNG Aufgabenregister nicht aktualisiert: {message}", err=True)
    if done_stems:
        from .followup.after_run import after_batch

        follow = after_batch(outbox, done_stems, public=public)
        for path in follow.public:
            click.echo(f"ÖFFENTLICH {path}")
        for problem in follow.problems:
            click.echo(f"WARNUNG {problem}", err=True)
    failed += len(missing)
    click.echo(f"{processed} verarbeitet, {failed} fehlgeschlagen.")
    if json_summary:
        click.echo(json.dumps(summaries, ensure_ascii=False, indent=2))
    sys.exit(EXIT_OPERATIONAL if operational or register_failed else (1 if failed else 0))


@main.command()
def schema() -> None:
    """Das JSON Schema der Ausgabe ausgeben.

    \b
    Beispiel:
      protokollant schema > minutes.schema.json
    """
    from .schema import json_schema

    click.echo(json.dumps(json_schema(), ensure_ascii=False, indent=2))


@main.command()
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("docs_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--per-doc", is_flag=True, help="Zusätzlich eine Zeile je Dokument.")
@click.option("--json", "json_out", type=click.Path(dir_okay=False, path_type=Path), help="Kennzahlen zusätzlich als JSON hierhin schreiben.")
@click.option("--model", default="auto", show_default=True, help=MODEL_HELP)
def evaluate(gold_dir: Path, docs_dir: Path, per_doc: bool, json_out: Path | None, model: str) -> None:
    """Extraktion gegen annotierte Protokolle (*.gold.json) messen.

    Verarbeitet jedes in GOLD_DIR annotierte Dokument aus DOCS_DIR (ohne Ausgaben
    zu schreiben) und gibt Precision/Recall/F1 je Bereich aus, zuletzt eine Zeile
    „summary: …“.

    \b
    Beispiel:
      protokollant evaluate korpus/dev korpus/dev --per-doc
    """
    from .evaluate import evaluate as run_evaluation
    from .evaluate import figures_to_json, format_table

    try:
        figures = run_evaluation(gold_dir, docs_dir, model=model, per_doc=per_doc)
    except ProtokollantError as e:
        raise click.ClickException(str(e)) from e
    click.echo(format_table(figures, per_doc=per_doc))
    if json_out:
        json_out.write_text(json.dumps(figures_to_json(figures), ensure_ascii=False, indent=2), encoding="utf-8")


@main.command()
@click.option("--inbox", type=click.Path(file_okay=False, path_type=Path), default=Path("inbox"), show_default=True, help="Eingangsordner.")
@click.option("--outbox", type=click.Path(file_okay=False, path_type=Path), default=Path("outbox"), show_default=True, help="Ausgabeordner.")
@click.option("--model", default="auto", show_default=True, help=MODEL_HELP)
def run(inbox: Path, outbox: Path, model: str) -> None:
    """Den Eingangsordner einmal über den Prefect-Flow verarbeiten.

    Ohne PREFECT_API_URL startet Prefect dafür einen temporären lokalen Server
    (er endet mit dem Lauf, auch wenn der Lauf hart abgebrochen wird).
    Exit-Code 0 = alles verarbeitet, 1 = mindestens eine Datei abgelehnt (failed/),
    2 = der Lauf konnte seine Arbeit nicht tun (Speicher voll, keine Rechte,
    Register unbrauchbar …; die Dateien bleiben im Eingang).

    \b
    Beispiel:
      protokollant run --inbox inbox --outbox outbox
    """
    from flows.minutes import run_inbox_once

    from .operational import EXIT_OPERATIONAL

    try:
        inbox.mkdir(parents=True, exist_ok=True)
        outbox.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        click.echo(f"FEHLER Eingangs-/Ausgangsordner nicht anlegbar: {e.strerror or e} ({e.filename})", err=True)
        sys.exit(EXIT_OPERATIONAL)
    sys.exit(run_inbox_once(str(inbox), str(outbox), model=model))


@main.command()
@click.option("--inbox", type=click.Path(file_okay=False, path_type=Path), default=Path("inbox"), show_default=True, help="Eingangsordner.")
@click.option("--outbox", type=click.Path(file_okay=False, path_type=Path), default=Path("outbox"), show_default=True, help="Ausgabeordner.")
@click.option("--cron", default="0 2 * * *", show_default=True, help="Zeitplan (cron).")
@click.option("--timezone", "tz", default="Europe/Berlin", show_default=True, help="Zeitzone des Zeitplans.")
@click.option("--api-url", default=None, help="Vorhandenen Prefect-Server nutzen statt einen lokalen zu starten.")
@click.option("--public", is_flag=True, help="Nach der Verarbeitung auch die öffentlichen Fassungen (<name>.oeffentlich.html) schreiben.")
@click.option("--notify-out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Nach der Verarbeitung Erinnerungen (.eml) in diesen Ordner schreiben (wie protokollant notify).")
@click.option("--notify-days", default=14, show_default=True, type=click.IntRange(0, 365), help="„Bald fällig“ für die Erinnerungen.")
@click.option("--notify-send", is_flag=True, help="Erinnerungen über PROTOKOLLANT_SMTP_URL (STARTTLS) senden.")
def serve(inbox: Path, outbox: Path, cron: str, tz: str, api_url: str | None, public: bool, notify_out: Path | None,
          notify_days: int, notify_send: bool) -> None:
    """Nächtliche Verarbeitung: Prefect-Server (127.0.0.1) starten und den Inbox-Flow nach Zeitplan ausführen.

    \b
    Beispiel:
      protokollant serve --cron "0 2 * * *" --timezone Europe/Berlin --public --notify-out erinnerungen/
    """
    from flows.serve import serve_nightly

    followup = {"public": public, "notify_out": str(notify_out) if notify_out else None,
                "notify_days": notify_days if notify_out else None, "notify_send": notify_send and bool(notify_out)}
    serve_nightly(str(inbox.resolve()), str(outbox.resolve()), cron=cron, timezone=tz, api_url=api_url, followup=followup)


@main.command()
@click.option("--outbox", "-o", type=click.Path(file_okay=False, path_type=Path), default=Path("outbox"), show_default=True,
              help="Ausgabeordner mit dem Register (OUTBOX/.protokollant/register.sqlite3); PROTOKOLLANT_REGISTER_URL hat Vorrang.")
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

    from .cli_actions import ensure_register_usable
    from .register import Register
    from .review import DEFAULT_ALLOWED_HOSTS, MIN_TOKEN_CHARS, create_app, is_loopback

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


from .cli_actions import actions  # noqa: E402  (the `actions` command group)
from .cli_register import register_group  # noqa: E402  (the `register` command group)

from .cli_followup import COMMANDS as FOLLOWUP_COMMANDS  # noqa: E402  (decisions, export, notify, next-meeting)

main.add_command(actions)
main.add_command(register_group)
for _command in FOLLOWUP_COMMANDS:
    main.add_command(_command)

if __name__ == "__main__":  # pragma: no cover
    main()
