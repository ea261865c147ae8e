"""Entry point of the scale-out flows (code: protokollant.orchestration.scaleout).

The deployments name this file (``flows/scaleout.py:batch_flow``,
``flows/scaleout.py:dispatch_flow``) relative to the checkout the workers run
from; the command line is ``python -m flows.scaleout deploy|dispatch``.
"""
from __future__ import annotations

import sys
from pathlib import Path

from protokollant.orchestration.scaleout import batch_flow, dispatch_flow, main

__all__ = ["batch_flow", "dispatch_flow", "main"]

if __name__ == "__main__":
    sys.exit(main(project_root=Path(__file__).resolve().parent.parent))
