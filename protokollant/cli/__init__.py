"""The `protokollant` command: a thin layer over the library, one module per command group.

    root       the group itself (`protokollant --help`, `--version`)
    options    --outbox, --inbox, --model, --today and opening the register, defined once
    documents  process, schema, evaluate
    runs       run, init, serve (Prefect flows)
    review     the review page
    actions    actions list|show|set|history|export
    register   register check|repair
    followup   decisions, export oparl, notify, next-meeting
    forget     forget (data protection)
    german     click's own messages in German

Prefect is imported only by the commands that orchestrate (run, serve), so
`process` starts fast and works without any server.
"""
from __future__ import annotations

import os

from .german import germanise_commands, install as _german_click

_german_click()  # click's "Usage:", "Options:", "Error:" … in German, before any command is built

# Telemetry off by default, before anything can import Prefect.
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

# The command modules attach their commands to `main` on import (order = order in --help).
from . import documents, review, runs  # noqa: E402,F401
from .actions import actions  # noqa: E402
from .followup import COMMANDS as FOLLOWUP_COMMANDS  # noqa: E402
from .forget import forget  # noqa: E402
from .register import register_group  # noqa: E402
from .root import main  # noqa: E402

main.add_command(actions)
main.add_command(register_group)
main.add_command(forget)
for _command in FOLLOWUP_COMMANDS:
    main.add_command(_command)

germanise_commands(main)

__all__ = ["main"]
