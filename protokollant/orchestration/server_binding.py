"""Prefect's temporary server, bound to the process that needs it.

Without PREFECT_API_URL Prefect starts a temporary API server (``uvicorn`` in a
subprocess, ~190 MB, one port) on first use and stops it at interpreter exit
(atexit). A ``kill -9`` of ``protokollant run`` skips atexit, and the server
stayed behind for good. ``start_bound_temporary_server`` starts that same
server first, from the main thread, through a tiny launcher that sets the
Linux parent-death signal (``prctl(PR_SET_PDEATHSIG, SIGKILL)``) and then
``exec``s Prefect's own command line: when the run dies, however it dies, the
kernel kills the server. Prefect's singleton (``SubprocessASGIServer()`` keyed
by port ``None``) then hands this instance to everything in the run.

On systems without prctl (not Linux) nothing changes.

Prefect's server module (the whole API app) is imported only when the temporary server is started.
"""
from __future__ import annotations

import os
import sys
import threading
from typing import Any

_LAUNCHER = (
    "import ctypes, os, signal, sys\n"
    "ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG\n"
    "if os.getppid() != int(sys.argv[1]): os._exit(1)  # the run died before prctl took effect\n"
    "os.execv(sys.argv[2], sys.argv[2:])\n"
)
_PATCH_LOCK = threading.Lock()


class _PopenShim:
    """Stands in for the ``subprocess`` module inside Prefect's server module for one call."""

    def __init__(self, real: Any):
        self._real = real

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)

    def Popen(self, args: list[str], **kwargs: Any) -> Any:  # noqa: N802 - mirrors subprocess.Popen
        return self._real.Popen([sys.executable, "-c", _LAUNCHER, str(os.getpid()), *args], **kwargs)


def _bound_server_class():
    from prefect.server.api import server as server_module

    class BoundSubprocessASGIServer(server_module.SubprocessASGIServer):
        def _run_uvicorn_command(self):
            with _PATCH_LOCK:
                real = server_module.subprocess
                server_module.subprocess = _PopenShim(real)
                try:
                    return super()._run_uvicorn_command()
                finally:
                    server_module.subprocess = real

    return BoundSubprocessASGIServer, server_module.SubprocessASGIServer


def start_bound_temporary_server() -> Any | None:
    """Start Prefect's temporary server bound to this process, when this run would use one.

    Returns the server (or None: a PREFECT_API_URL is set, a server is already
    registered — e.g. the test harness —, or the platform has no prctl).
    """
    if not sys.platform.startswith("linux") or threading.current_thread() is not threading.main_thread():
        return None
    from prefect.settings import PREFECT_API_URL, PREFECT_SERVER_ALLOW_EPHEMERAL_MODE

    if PREFECT_API_URL.value() or not PREFECT_SERVER_ALLOW_EPHEMERAL_MODE.value():
        return None
    bound, base = _bound_server_class()
    if None in base._instances:
        return None
    server = bound()
    server.start()
    return server


__all__ = ["start_bound_temporary_server"]
