"""Entry points for Prefect (the code is in protokollant.orchestration).

Only what names a file path stays here: the deployments created by
``python -m flows.scaleout deploy`` run ``flows/scaleout.py:batch_flow`` and
``flows/scaleout.py:dispatch_flow`` from the project checkout. Importing this
package applies the offline defaults (telemetry off, loopback past proxies)
before Prefect is imported.
"""
from __future__ import annotations

from protokollant.orchestration import apply_offline_defaults

__all__ = ["apply_offline_defaults"]
