"""`protokollant process`, `schema`, `evaluate`: documents straight from files (no Prefect).

Command bodies import the library on call: `protokollant --help` and every command start
without loading spaCy, SQLAlchemy, Prefect or FastAPI (cold start, see bench/).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ..errors import ProtokollantError
from .options import model_option, outbox_option
from .root import main


@main.command()
@click.argument("paths", nargs=-1, required=True, metavar="PFAD...", type=click.Path(path_type=Path))
@outbox_option(short=True, help="Zielordner; je Dokument ein Unterordner. Muss vorhanden sein (sonst --anlegen).")
@click.option("--anlegen", is_flag=True, help="Den Ausgabeordner anlegen, wenn er fehlt.")
@model_option
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
    from ..dedupe import registered_stems, split_duplicates
    from ..german import n_
    from ..locations import LocationMissing, require_dir
    from ..operational import EXIT_OPERATIONAL, OPERATIONAL_REASONS
    from ..pipeline import Processor, collect_inputs, process_groups
    from ..progress import Progress
    from ..register import Registrar

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
        from ..followup.after_run import after_batch

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
    from ..foreign import SUBFOLDER_MESSAGE, describe
    from ..pipeline import is_candidate_input

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
    from ..schema import json_schema

    click.echo(json.dumps(json_schema(), ensure_ascii=False, indent=2))


@main.command()
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("docs_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--per-doc", is_flag=True, help="Zusätzlich eine Zeile je Dokument.")
@click.option("--json", "json_out", type=click.Path(dir_okay=False, path_type=Path), help="Kennzahlen zusätzlich als JSON hierhin schreiben.")
@model_option
def evaluate(gold_dir: Path, docs_dir: Path, per_doc: bool, json_out: Path | None, model: str) -> None:
    """Extraktion gegen annotierte Protokolle (*.gold.json) messen.

    Verarbeitet jedes in GOLD_DIR annotierte Dokument aus DOCS_DIR (ohne Ausgaben
    zu schreiben) und gibt Precision/Recall/F1 je Bereich aus, zuletzt eine Zeile
    „summary: …“.

    \b
    Beispiel:
      protokollant evaluate korpus/dev korpus/dev --per-doc
    """
    from ..evaluate import evaluate as run_evaluation
    from ..evaluate import figures_to_json, format_table

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
