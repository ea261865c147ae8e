"""Nightly serving of ``inbox_flow`` (``protokollant serve``).

Prefect's cron schedules are created by the server's scheduler service; the
temporary server Prefect starts when no PREFECT_API_URL is set never runs
it, so a schedule there would never fire. ``serve_nightly`` therefore:

1. uses PREFECT_API_URL (or ``api_url``) when one is configured; otherwise
2. reuses a Prefect server already answering on 127.0.0.1:<port>, or starts
   ``prefect server start --host 127.0.0.1 --port <port>`` as a subprocess
   (telemetry off, same PREFECT_HOME, hence the same database), waits until
   ``/api/health`` answers, and points PREFECT_API_URL at it;
3. serves the deployment built by ``build_nightly_deployment`` (cron +
   IANA timezone, so "0 2 * * *" means 02:00 Berlin time across DST) with a
   Prefect Runner in this process: each scheduled run executes in its own
   subprocess, which loads the NLP pipeline once for that run;
4. on exit (Ctrl-C, SIGTERM, error) the runner pauses the schedule (it is
   resumed by the next ``serve``) and the server subprocess it started is
   stopped. A server that was already running is left alone.

Prefect's settings and runner are imported by the functions that use them: importing this
module (e.g. to build the deployment in a test) stays cheap.
"""
from __future__ import annotations

import os

os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

import logging  # noqa: E402
import signal  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
import urllib.request  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from contextlib import contextmanager  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import TYPE_CHECKING, Any  # noqa: E402

from prefect.schedules import Cron  # noqa: E402

from .minutes import inbox_flow  # noqa: E402

if TYPE_CHECKING:
    from prefect.deployments.runner import RunnerDeployment

log = logging.getLogger(__name__)

DEPLOYMENT_NAME = "nightly-inbox"
DEFAULT_CRON = "0 2 * * *"
DEFAULT_TIMEZONE = "Europe/Berlin"
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 4200


def nightly_parameters(inbox: str | os.PathLike, outbox: str | os.PathLike, *, model: str = "auto", stable_seconds: float = 2.0,
                       followup: dict[str, Any] | None = None) -> dict[str, Any]:
    """Flow parameters of the nightly run; folders absolute (runs start in their own process).

    ``followup``: inbox_flow's follow-up settings (public, notify_out, notify_days, notify_send), only those set."""
    params: dict[str, Any] = {
        "inbox": str(Path(inbox).resolve()),
        "outbox": str(Path(outbox).resolve()),
        "model": model,
        "stable_seconds": float(stable_seconds),
    }
    for key, value in (followup or {}).items():
        if value not in (None, False):
            params[key] = str(Path(value).resolve()) if key == "notify_out" else value
    return params


def build_nightly_deployment(
    inbox: str | os.PathLike = "inbox",
    outbox: str | os.PathLike = "outbox",
    *,
    cron: str = DEFAULT_CRON,
    timezone: str = DEFAULT_TIMEZONE,
    model: str = "auto",
    stable_seconds: float = 2.0,
    name: str = DEPLOYMENT_NAME,
    followup: dict[str, Any] | None = None,
) -> RunnerDeployment:
    """The nightly deployment of ``inbox_flow`` (not registered, not served).

    Prefect 3.9 takes the timezone on the schedule object:
    ``schedules=[prefect.schedules.Cron(cron, timezone=...)]``.
    """
    return inbox_flow.to_deployment(
        name=name,
        schedules=[Cron(cron, timezone=timezone)],
        parameters=nightly_parameters(inbox, outbox, model=model, stable_seconds=stable_seconds, followup=followup),
        description="Verarbeitet nachts die Sitzungsprotokolle im Eingangsordner.",
        tags=["protokollant"],
    )


# --------------------------------------------------------------------------- local server


def _no_proxy_opener() -> urllib.request.OpenerDirector:
    # Loopback only: never send the health check through an HTTP(S)_PROXY.
    return urllib.request.build_opener(urllib.request.ProxyHandler({}))


def api_healthy(api_url: str, timeout: float = 2.0) -> bool:
    """True when ``<api_url>/health`` answers 200."""
    try:
        with _no_proxy_opener().open(api_url.rstrip("/") + "/health", timeout=timeout) as resp:
            return resp.status == 200
    except OSError:
        return False


def server_command(host: str = DEFAULT_HOST, port: int = DEFAULT_PORT) -> list[str]:
    return [sys.executable, "-m", "prefect", "server", "start", "--host", host, "--port", str(port), "--analytics-off"]


def server_env() -> dict[str, str]:
    """Environment of the server subprocess: ours, telemetry off, the same PREFECT_HOME."""
    from prefect.settings import PREFECT_HOME

    env = dict(os.environ)
    env["DO_NOT_TRACK"] = "1"
    env["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
    env["PREFECT_HOME"] = str(PREFECT_HOME.value())
    env.pop("PREFECT_API_URL", None)  # the server itself needs none
    return env


def _die_with_parent_hook():
    """Linux: a preexec hook so the server gets SIGTERM if this process dies without cleanup.

    The libc function is looked up here, in the parent; the child only calls it
    (no imports between fork and exec).
    """
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes

        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None
    pr_set_pdeathsig, sigterm = 1, int(signal.SIGTERM)

    def hook() -> None:  # pragma: no cover - runs in the child
        prctl(pr_set_pdeathsig, sigterm)

    return hook


def start_local_server(host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, *, timeout: float = 120.0) -> subprocess.Popen:
    """Start ``prefect server start`` and wait for /api/health; raise RuntimeError on failure."""
    api_url = f"http://{host}:{port}/api"
    proc = subprocess.Popen(
        server_command(host, port),
        env=server_env(),
        stdin=subprocess.DEVNULL,
        start_new_session=True,  # Ctrl-C reaches us, not the server: we stop it after the runner
        preexec_fn=_die_with_parent_hook(),
    )
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if api_healthy(api_url):
            return proc
        if proc.poll() is not None:
            raise RuntimeError(f"Prefect-Server konnte nicht gestartet werden (Exit-Code {proc.returncode}); Port {port} belegt?")
        time.sleep(0.5)
    stop_local_server(proc)
    raise RuntimeError(f"Prefect-Server antwortet nach {timeout:.0f} s nicht auf {api_url}/health")


def stop_local_server(proc: subprocess.Popen, timeout: float = 20.0) -> None:
    """Stop the server subprocess we started (its own process group), SIGTERM then SIGKILL."""
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
    except (ProcessLookupError, PermissionError, AttributeError):
        proc.terminate()
    try:
        proc.wait(timeout)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError, AttributeError):
            proc.kill()
        proc.wait()


@contextmanager
def _sigterm_as_exit() -> Iterator[None]:
    """Until the runner installs its own handler: SIGTERM → SystemExit, so `finally` runs."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _configured_api_url() -> str | None:
    from prefect.settings import PREFECT_API_URL

    return os.environ.get("PREFECT_API_URL") or PREFECT_API_URL.value() or None


def _serve(deployment: RunnerDeployment) -> None:
    """Register the deployment and run the Runner until interrupted (separate for tests)."""
    from prefect import serve

    serve(deployment)


def serve_nightly(
    inbox: str | os.PathLike = "inbox",
    outbox: str | os.PathLike = "outbox",
    cron: str = DEFAULT_CRON,
    timezone: str = DEFAULT_TIMEZONE,
    api_url: str | None = None,
    start_server: bool = True,
    *,
    model: str = "auto",
    stable_seconds: float = 2.0,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    server_timeout: float = 120.0,
    followup: dict[str, Any] | None = None,
) -> None:
    """Serve ``inbox_flow`` on a cron schedule until interrupted (see the module docstring)."""
    from prefect.settings import PREFECT_API_URL, temporary_settings

    if not Path(inbox).is_dir():
        raise FileNotFoundError(f"Eingangsordner nicht gefunden: {inbox}")
    server: subprocess.Popen | None = None
    previous_env_url = os.environ.get("PREFECT_API_URL")
    with _sigterm_as_exit():
        try:
            url = api_url or _configured_api_url()
            if url is None:
                url = f"http://{host}:{port}/api"
                if api_healthy(url):
                    log.info("Prefect-Server läuft bereits: %s", url)
                elif not start_server:
                    raise RuntimeError(
                        "Kein Prefect-Server: PREFECT_API_URL setzen, `prefect server start` ausführen "
                        "oder start_server=True (Zeitpläne laufen nicht auf dem temporären Server)."
                    )
                else:
                    log.info("Starte Prefect-Server auf %s:%s …", host, port)
                    server = start_local_server(host, port, timeout=server_timeout)
            elif not api_healthy(url):
                log.warning("Prefect-API antwortet nicht auf %s/health", url.rstrip("/"))
            os.environ["PREFECT_API_URL"] = url  # also for the run subprocesses
            deployment = build_nightly_deployment(inbox, outbox, cron=cron, timezone=timezone, model=model, stable_seconds=stable_seconds,
                                                  followup=followup)
            with temporary_settings(updates={PREFECT_API_URL: url}):
                _serve(deployment)
        finally:
            if previous_env_url is None:
                os.environ.pop("PREFECT_API_URL", None)
            else:
                os.environ["PREFECT_API_URL"] = previous_env_url
            if server is not None:
                log.info("Stoppe Prefect-Server …")
                stop_local_server(server)


__all__ = [
    "DEFAULT_CRON", "DEFAULT_TIMEZONE", "DEPLOYMENT_NAME", "api_healthy", "build_nightly_deployment",
    "nightly_parameters", "serve_nightly", "server_command", "server_env", "start_local_server", "stop_local_server",
]
