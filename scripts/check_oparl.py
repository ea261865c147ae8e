#!/usr/bin/env python3
"""Validate an `protokollant export oparl` folder against the official OParl 1.1 JSON schemas.

The schema files (OParl/spec, folder schema/ at tag v1.1.1: Meeting.json, AgendaItem.json,
Organization.json, File.json, Person.json) are not shipped with the project; give their folder:

    python scripts/check_oparl.py OPARL_EXPORT_DIR --schemas PATH/TO/spec/schema

Embedded agenda items and files (the schemas only name them) are checked on their own too.
Exit 0 when every object validates, 1 otherwise.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import jsonschema

FOLDERS = {"meeting": "Meeting", "agendaitem": "AgendaItem", "organization": "Organization", "file": "File", "person": "Person"}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("export", type=Path)
    ap.add_argument("--schemas", type=Path, required=True)
    args = ap.parse_args()
    checker = jsonschema.FormatChecker()
    schemas = {name: json.loads((args.schemas / f"{name}.json").read_text(encoding="utf-8")) for name in FOLDERS.values()}
    checked, errors = 0, []

    def check(obj: dict, name: str, where: str) -> None:
        nonlocal checked
        checked += 1
        for err in jsonschema.Draft7Validator(schemas[name], format_checker=checker).iter_errors(obj):
            errors.append(f"{where}: {err.message}")

    for folder, name in FOLDERS.items():
        for path in sorted((args.export / folder).glob("*.json")):
            obj = json.loads(path.read_text(encoding="utf-8"))
            check(obj, name, str(path))
            if name == "Meeting":
                for i, item in enumerate(obj.get("agendaItem", [])):
                    check(item, "AgendaItem", f"{path} agendaItem[{i}]")
                for key in ("invitation", "resultsProtocol", "verbatimProtocol"):
                    if isinstance(obj.get(key), dict):
                        check(obj[key], "File", f"{path} {key}")
    for line in errors:
        print(line)
    print(f"{checked} Objekte geprüft, {len(errors)} Fehler.")
    return 1 if errors or not checked else 0


if __name__ == "__main__":
    sys.exit(main())
