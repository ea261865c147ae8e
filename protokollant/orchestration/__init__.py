"""Prefect wiring for Protokollant (nightly inbox processing).

``minutes``: tasks and flows (thin wrappers around protokollant.inbox /
protokollant.pipeline). ``artifacts``: the run's German Markdown and table
artifacts. ``serve``: nightly cron serving. ``scaleout``: dispatcher and batch
flows for several machines (work pool + workers). ``server_binding``: the
temporary Prefect server, killed with the run. The top-level ``flows/`` folder
keeps only the entry points Prefect deployments and ``python -m flows.scaleout`` name.

Importing this package turns Prefect telemetry off *before* Prefect is
imported (defaults only: an explicit setting in the environment wins), and
makes sure loopback traffic to the local Prefect server never goes through
an HTTP proxy. The program talks to nothing but 127.0.0.1 — unless
PREFECT_API_URL names the organisation's own Prefect server (scaleout).
"""
from __future__ import annotations

import os

OFFLINE_ENV_DEFAULTS = {
    "DO_NOT_TRACK": "1",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
}


def apply_offline_defaults() -> None:
    for key, value in OFFLINE_ENV_DEFAULTS.items():
        os.environ.setdefault(key, value)
    if any(os.environ.get(k) for k in ("HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy")):
        for key in ("NO_PROXY", "no_proxy"):
            hosts = [h for h in os.environ.get(key, "").split(",") if h.strip()]
            for h in ("127.0.0.1", "localhost"):
                if h not in hosts:
                    hosts.append(h)
            os.environ[key] = ",".join(hosts)


apply_offline_defaults()
