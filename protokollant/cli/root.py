"""The `protokollant` command group; the command modules attach themselves to it."""
from __future__ import annotations

import click

from .. import __version__


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
