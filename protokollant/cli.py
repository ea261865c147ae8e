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
from .cli_german import install as _german_click
from .errors import ProtokollantError

_german_click()  # click's "Usage:", "Options:", "Error:" … in German

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
@click.argument("paths", nargs=-1, required=True, metavar="PFAD...", type=click.Path(path_type=Path))
@click.option("--outbox", "-o", type=click.Path(file_okay=False, path_type=Path), default=Path("outbox"), show_default=True, help="Zielordner; je Dokument ein Unterordner. Muss vorhanden sein (sonst --anlegen).")
@click.option("--anlegen", is_flag=True, help="Den Ausgabeordner anlegen, wenn er fehlt.")
@click.option("--model", default="auto", show_default=True, help=MODEL_HELP)
@click.option("--json-summary", is_flag=True, help="Zusammenfassung als JSON auf stdout ausgeben (Meldungen stehen immer auf stderr).")
@click.option("--public", is_flag=True, help="Zusätzlich <name>.oeffentlich.html schreiben: ohne Personennamen, nicht öffentliche Teile und Prüfhinweise.")
def process(paths: tuple[Path, ...], outbox: Path, anlegen: bool, model: str, json_summary: bool, public: bool) -> None:
    """Dateien und/oder Ordner direkt verarbeiten (ohne Prefect).

    Je Dokument entstehen OUTBOX/<name>/<name>.json, .html und .aufgaben.csv (mit --public
    auch .oeffentlich.html). Dateien mit gleichem Inhalt (auch unter anderem Namen) werden
    nur einmal verarbeitet und als Duplikat genannt. Gibt es frühere Sitzungen desselben
    Gremiums, bekommt der Bericht den Abschnitt „Offene Aufgaben aus früheren Sitzungen“.
    Meldungen stehen auf stderr; stdout bleibt für --json-summary frei.
    Exit-Code 0, wenn alle Dateien verarbeitet wurden, 1 wenn mindestens eine scheiterte,
    2 bei Betriebsfehlern (Ausgabeordner fehlt, Speicher voll, keine Rechte, Register nicht beschreibbar).

    \b
    Beispiel:
      protokollant process protokolle/ ./-Sitzung.docx --outbox ergebnisse/ --anlegen
      protokollant process vorstand.docx --public
    """
    from .dedupe import registered_stems, split_duplicates
    from .german import n_
    from .locations import LocationMissing, require_dir
    from .operational import EXIT_OPERATIONAL, OPERATIONAL_REASONS
    from .pipeline import Processor, collect_inputs, process_groups
    from .progress import Progress
    from .register import Registrar

    missing = [p for p in paths if not p.exists()]
    for p in missing:
        click.echo(f"FEHLER {p}: Datei oder Ordner nicht gefunden", err=True)
    existing = [p for p in paths if p.exists()]
    inputs = collect_inputs(existing)
    for line in _not_taken(existing):
        click.echo(line, err=True)
    if not inputs:
        raise click.ClickException("Keine Word-Dateien gefunden.")
    try:
        require_dir(outbox, "Ausgabeordner", create=anlegen)
    except LocationMissing as e:
        click.echo(f"FEHLER {e}", err=True)
        sys.exit(EXIT_OPERATIONAL)
    summaries: list[dict] = []
    processed = failed = operational = 0
    register_failed: list[str] = []
    done_stems: list[str] = []
    try:
        with Registrar(outbox) as registrar:
            unique, duplicates = split_duplicates(inputs, outbox, registered_stems(registrar.opened()))
            with Progress(len(unique)) as bar:
                for d in duplicates:
                    bar.echo(f"DUPLIKAT {d.message()}")
                    summaries.append(d.to_dict())
                for group in process_groups(unique, outbox, processor=Processor(model)):
                    register_failed.extend(f"{Path(r.input).name}: {e}" for r, e in registrar.record_group(group))
                    for r in group:
                        if r.ok:
                            processed += 1
                            done_stems.append(Path(r.outputs["json"]).parent.name)
                            c = r.counts
                            bar.echo(
                                f"OK     {r.input} → {Path(r.outputs['json']).parent}  "
                                f"({n_(c['topics'], 'TOP')}, {n_(c['decisions'], 'Beschluss')}, {n_(c['action_items'], 'Aufgabe')}, "
                                f"{n_(c['institutions'], 'Institution')})"
                            )
                        else:
                            failed += 1
                            operational += r.reason in OPERATIONAL_REASONS
                            bar.echo(f"FEHLER {r.error} [{r.reason}]" + (f" – {r.hint}" if r.hint else ""))
                        if json_summary:
                            summaries.append(r.summary())
                        r.record = None  # recorded and reported: keep memory flat over thousands of files
                    bar.advance(len(group))
    except ProtokollantError as e:
        raise click.ClickException(str(e)) from e
    for message in register_failed:
        click.echo(f"WARNUNG Aufgabenregister nicht aktualisiert: {message}", err=True)
    if done_stems:
        from .followup.after_run import after_batch

        follow = after_batch(outbox, done_stems, public=public)
        for path in follow.public:
            click.echo(f"ÖFFENTLICH {path}", err=True)
        for problem in follow.problems:
            click.echo(f"WARNUNG {problem}", err=True)
    failed += len(missing)
    line = f"{processed} verarbeitet, {failed} fehlgeschlagen"
    if duplicates:
        line += f", {n_(len(duplicates), 'Duplikat')} (gleicher Inhalt, nicht erneut verarbeitet)"
    click.echo(line + ".", err=True)
    if json_summary:
        click.echo(json.dumps(summaries, ensure_ascii=False, indent=2))
    sys.exit(EXIT_OPERATIONAL if operational or register_failed else (1 if failed else 0))


def _not_taken(paths: list[Path]) -> list[str]:
    """German lines for what a folder scan leaves out (PDF, text, subfolders): nothing disappears silently."""
    from .foreign import SUBFOLDER_MESSAGE, describe
    from .pipeline import is_candidate_input

    lines = []
    for folder in (p for p in paths if p.is_dir()):
        for entry in sorted(folder.iterdir()):
            if entry.name.startswith(".") or entry.name.lower().endswith(".tmp") or entry.name.startswith("~$"):
                continue
            if entry.is_dir():
                lines.append(f"ÜBERSPRUNGEN {entry}: {SUBFOLDER_MESSAGE}")
            elif entry.is_file() and not is_candidate_input(entry):
                error, hint = describe(entry.name)
                lines.append(f"ÜBERSPRUNGEN {folder / error} – {hint}")
    return lines


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

    if not any(gold_dir.glob("*.gold.json")):
        raise click.ClickException(f"Keine annotierten Protokolle (*.gold.json) in {gold_dir}.")
    try:
        figures = run_evaluation(gold_dir, docs_dir, model=model, per_doc=per_doc)
    except ProtokollantError as e:
        raise click.ClickException(str(e)) from e
    except (OSError, ValueError) as e:
        raise click.ClickException(f"Auswertung nicht möglich: {e}") from e
    click.echo(format_table(figures, per_doc=per_doc))
    if json_out:
        json_out.write_text(json.dumps(figures_to_json(figures), ensure_ascii=False, indent=2), encoding="utf-8")


@main.command()
@click.option("--inbox", type=click.Path(file_okay=False, path_type=Path), default=Path("inbox"), show_default=True, help="Eingangsordner (muss vorhanden sein, sonst --anlegen).")
@click.option("--outbox", type=click.Path(file_okay=False, path_type=Path), default=Path("outbox"), show_default=True, help="Ausgabeordner (muss vorhanden sein, sonst --anlegen).")
@click.option("--anlegen", is_flag=True, help="Beim ersten Lauf: fehlende Eingangs-/Ausgangsordner anlegen.")
@click.option("--model", default="auto", show_default=True, help=MODEL_HELP)
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
    from .locations import LocationMissing, require_dir
    from .operational import EXIT_OPERATIONAL
    from .run_report import summary_lines

    try:
        require_dir(inbox, "Eingangsordner", create=anlegen)
        require_dir(outbox, "Ausgangsordner", create=anlegen)
    except LocationMissing as e:
        click.echo(f"FEHLER {e}", err=True)
        sys.exit(EXIT_OPERATIONAL)
    except OSError as e:
        click.echo(f"FEHLER Eingangs-/Ausgangsordner nicht anlegbar: {e.strerror or e} ({e.filename})", err=True)
        sys.exit(EXIT_OPERATIONAL)
    from .prefect_home import quiet_prefect, use_outbox_prefect_home

    use_outbox_prefect_home(outbox)
    if not ausfuehrlich:
        quiet_prefect()
    from flows.minutes import run_inbox_summary

    summary = run_inbox_summary(str(inbox), str(outbox), model=model)
    for line in summary_lines(summary):
        click.echo(line, err=True)
    if json_summary:
        click.echo(json.dumps(summary, ensure_ascii=False, indent=2))
    sys.exit(int(summary["exit_code"]))


@main.command()
@click.option("--inbox", type=click.Path(file_okay=False, path_type=Path), default=Path("inbox"), show_default=True, help="Eingangsordner.")
@click.option("--outbox", type=click.Path(file_okay=False, path_type=Path), default=Path("outbox"), show_default=True, help="Ausgabeordner.")
def init(inbox: Path, outbox: Path) -> None:
    """Eingangs- und Ausgangsordner einmalig anlegen (mit processed/, failed/, .protokollant/).

    Die anderen Befehle legen fehlende Ordner nie von selbst an: ein nicht
    eingebundenes Netzlaufwerk soll auffallen, nicht als leerer Eingang.

    \b
    Beispiel:
      protokollant init --inbox /srv/protokolle/eingang --outbox /srv/protokolle/ausgang
    """
    from .locations import init_locations

    try:
        created = init_locations(inbox, outbox)
    except OSError as e:
        click.echo(f"FEHLER Ordner nicht anlegbar: {e.strerror or e} ({e.filename})", err=True)
        sys.exit(2)
    for folder in created:
        click.echo(f"angelegt: {folder}", err=True)
    click.echo(f"Eingang {inbox}, Ausgang {outbox} bereit." if created else f"Eingang {inbox} und Ausgang {outbox} sind schon vorhanden.", err=True)


@main.command()
@click.option("--inbox", type=click.Path(file_okay=False, path_type=Path), default=Path("inbox"), show_default=True, help="Eingangsordner.")
@click.option("--outbox", type=click.Path(file_okay=False, path_type=Path), default=Path("outbox"), show_default=True, help="Ausgabeordner.")
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
    from .locations import LocationMissing, require_dir
    from .prefect_home import use_outbox_prefect_home

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
from .cli_forget import forget  # noqa: E402  (the `forget` command: data protection)

main.add_command(actions)
main.add_command(register_group)
main.add_command(forget)
for _command in FOLLOWUP_COMMANDS:
    main.add_command(_command)

from .cli_german import germanise_commands  # noqa: E402

germanise_commands(main)

if __name__ == "__main__":  # pragma: no cover
    main()
