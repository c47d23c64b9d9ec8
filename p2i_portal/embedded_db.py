"""Embedded PostgreSQL (the `pgserver` package) for machines with no DATABASE_URL."""

import hashlib
import os
import tempfile
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
DEFAULT_DIR = BASE_DIR / ".data" / "pg"

# A Unix socket path may not exceed 107 bytes; deep checkouts fall back to /tmp.
_SOCKET_LIMIT = 100


def _data_dir() -> Path:
    configured = os.environ.get("P2I_EMBEDDED_PG_DIR")
    path = Path(configured) if configured else DEFAULT_DIR
    if len(str(path / ".s.PGSQL.5432")) > _SOCKET_LIMIT:
        digest = hashlib.sha256(str(path).encode()).hexdigest()[:10]
        path = Path(tempfile.gettempdir()) / f"p2i-pg-{digest}"
    return path


def embedded_database() -> dict:
    """Start (or reuse) the embedded server and return Django connection settings.

    Idempotent: a server already running on the data directory is reused, so every
    `manage.py` invocation and the test run share one server. It keeps running after
    this process exits (`make stop-db` stops it).
    """
    import logging
    import warnings

    # pgserver logs its bookkeeping at exit, after test runners closed their streams.
    logging.getLogger("pgserver").setLevel(logging.ERROR)
    logging.getLogger("pgserver").propagate = False
    with warnings.catch_warnings():
        # platformdirs warns when XDG_RUNTIME_DIR is unset (CI, containers).
        warnings.simplefilter("ignore")
        import pgserver  # imported lazily: production never needs it

    data_dir = _data_dir()
    data_dir.mkdir(parents=True, exist_ok=True)
    pgserver.get_server(str(data_dir), cleanup_mode=None)
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "postgres",
        "USER": "postgres",
        "PASSWORD": "",
        "HOST": str(data_dir),
        "PORT": "",
    }


def embedded_database_url() -> str:
    """The embedded server as a libpq URL (for psql and for `make` targets)."""
    db = embedded_database()
    return f"postgresql://postgres@/postgres?host={db['HOST']}"


if __name__ == "__main__":  # `python -m p2i_portal.embedded_db` prints the URL
    print(embedded_database_url())  # noqa: T201
