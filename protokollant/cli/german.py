"""click's own texts in German: "Usage:", "Options:", "Error: …", "Try … for help." and the rest.

click translates its messages with ``gettext`` (each module binds ``_`` and
``ngettext`` at import). Protokollant ships no .mo catalogue; instead
``install()`` rebinds those names in click's modules to a lookup in the table
below, so ``--help`` and usage errors read German whatever the locale is.
Unknown texts fall through unchanged.
"""
from __future__ import annotations

import importlib

GERMAN: dict[str, str] = {
    "Usage:": "Aufruf:",
    "Options": "Optionen",
    "Commands": "Befehle",
    "Positional arguments": "Argumente",
    "Show this message and exit.": "Diese Hilfe anzeigen und beenden.",
    "Show the version and exit.": "Die Version anzeigen und beenden.",
    "%(prog)s, version %(version)s": "%(prog)s, Version %(version)s",
    "Error: {message}": "Fehler: {message}",
    "Try '{command} {option}' for help.": "Hilfe: „{command} {option}“.",
    "Aborted!": "Abgebrochen.",
    "Missing argument": "Argument fehlt",
    "Missing option": "Option fehlt",
    "Missing parameter": "Angabe fehlt",
    "Missing {param_type}": "{param_type} fehlt",
    "Missing parameter: {param_name}": "Angabe fehlt: {param_name}",
    "Missing command.": "Befehl fehlt.",
    "No such command {name!r}.": "Unbekannter Befehl {name!r}.",
    "No such option {name!r}.": "Unbekannte Option {name!r}.",
    "No such option: {name}": "Unbekannte Option: {name}",
    "Option {name!r} does not take a value.": "Option {name!r} nimmt keinen Wert.",
    "Invalid value for {param_hint}: {message}": "Ungültiger Wert für {param_hint}: {message}",
    "Invalid value: {message}": "Ungültiger Wert: {message}",
    "Argument {name!r} takes {nargs} values.": "Argument {name!r} braucht {nargs} Werte.",
    "{value!r} is not a valid {number_type}.": "{value!r} ist keine gültige Zahl ({number_type}).",
    "{value} is not in the range {range}.": "{value} liegt nicht im Bereich {range}.",
    "{value!r} is not a valid UUID.": "{value!r} ist keine gültige UUID.",
    "{name} {filename!r} does not exist.": "{name} {filename!r} gibt es nicht.",
    "{name} {filename!r} is a file.": "{name} {filename!r} ist eine Datei (erwartet: Ordner).",
    "{name} {filename!r} is a directory.": "{name} {filename!r} ist ein Ordner (erwartet: Datei).",
    "{name} {filename!r} is not readable.": "{name} {filename!r} ist nicht lesbar.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} ist nicht beschreibbar.",
    "{name} {filename!r} is not executable.": "{name} {filename!r} ist nicht ausführbar.",
    "Could not open file {filename!r}: {message}": "Datei {filename!r} nicht zu öffnen: {message}",
    "file": "Datei", "directory": "Ordner", "path": "Pfad",
    "default: {default}": "Standard: {default}",
    "required": "Pflicht",
    "env var: {var}": "Umgebungsvariable: {var}",
    "(dynamic)": "(dynamisch)",
    "deprecated": "veraltet",
    "Choose from:\n\t{choices}": "Zur Auswahl:\n\t{choices}",
    "Choice({choices})": "Auswahl({choices})",
    "Do you want to continue?": "Fortfahren?",
    "Repeat for confirmation": "Zur Bestätigung wiederholen",
    "Error: The two entered values do not match.": "Fehler: Die beiden Eingaben stimmen nicht überein.",
    "Error: invalid input": "Fehler: ungültige Eingabe",
    "Press any key to continue...": "Weiter mit einer beliebigen Taste …",
    "Confirm the action without prompting.": "Ohne Rückfrage bestätigen.",
    "unknown error": "unbekannter Fehler",
}

GERMAN_PLURAL: dict[tuple[str, str], tuple[str, str]] = {
    ("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"):
        ("Unerwartetes zusätzliches Argument ({args})", "Unerwartete zusätzliche Argumente ({args})"),
    ("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"):
        ("Meinten Sie {possibility}?", "(Meinten Sie eines von: {possibilities}?)"),
    ("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."):
        ("Option {name!r} braucht einen Wert.", "Option {name!r} braucht {nargs} Werte."),
    ("{value!r} is not {choice}.", "{value!r} is not one of {choices}."):
        ("{value!r} ist nicht {choice}.", "{value!r} ist keiner der Werte {choices}."),
    ("{value!r} does not match the format {format}.", "{value!r} does not match the formats {formats}."):
        ("{value!r} passt nicht zum Format {format}.", "{value!r} passt zu keinem der Formate {formats}."),
    ("Takes {nargs} values but 1 was given.", "Takes {nargs} values but {len} were given."):
        ("Braucht {nargs} Werte, angegeben wurde 1.", "Braucht {nargs} Werte, angegeben wurden {len}."),
}

_MODULES = ("core", "exceptions", "formatting", "decorators", "types", "parser", "termui", "utils", "shell_completion")


def gettext(message: str) -> str:
    return GERMAN.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    german = GERMAN_PLURAL.get((singular, plural))
    if german is None:
        return singular if n == 1 else plural
    return german[0] if n == 1 else german[1]


def install() -> None:
    """Rebind ``_``/``ngettext`` in click's modules (idempotent)."""
    for name in _MODULES:
        try:
            module = importlib.import_module(f"click.{name}")
        except ImportError:
            continue
        if hasattr(module, "_"):
            module._ = gettext
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext


__all__ = ["GERMAN", "GERMAN_PLURAL", "gettext", "install", "ngettext"]


def germanise_commands(command) -> None:
    """German placeholders in usage lines: "[OPTIONEN]", "BEFEHL [ARGUMENTE]..." (recursively)."""
    import click

    command.options_metavar = "[OPTIONEN]"
    if isinstance(command, click.Group):
        command.subcommand_metavar = "BEFEHL [ARGUMENTE]..."
        for sub in command.commands.values():
            germanise_commands(sub)
