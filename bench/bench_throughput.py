"""Benchmark (not a test): requests per second of the public pages under gunicorn,
each as a share of a bare Django view served by the same server.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/p2i_bench \\
        .venv/bin/python bench/bench_throughput.py [--duration 5] [--rounds 3]

or `make bench-throughput` (BENCH_ARGS=… passes options). It migrates and seeds
the demo network (and, with --resources N, N synthetic resources through
bench/seed_resources.py), collects the static files as the Dockerfile does, then
starts gunicorn as the Dockerfile's CMD does (p2i_portal.wsgi, the production
settings, sync workers, the access log) on a free loopback port. The settings are
production's with one more URL (bench/throughput_settings.py): /bench-bare/, a
view returning a constant response through the same middleware, the reference.

The load comes from another process: wrk (Debian's package) when installed, else
a small Python client; each run is bounded by --duration seconds, and the Python
client also by --max-requests. Requests carry `X-Forwarded-Proto: https` as the
TLS proxy in front of production sets it. The pages take turns within each of
--rounds rounds, and each page's share is the median over the rounds of its rate
divided by the bare view's rate in the same round, so that a machine busy with
other work shifts both alike.

Beside the rates it reports the CPU time the gunicorn workers spent per request
(from /proc, so Linux only; PostgreSQL's and Redis's work is not in it) and the
share computed from it: on a machine that other work keeps busy, the rates fall
with the CPU the server is left, while its CPU time per request stays put.
"""

import argparse
import http.client
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
BARE = "/bench-bare/"
HEADERS = {"X-Forwarded-Proto": "https", "Accept-Language": "en"}


def pages(query: str) -> list[str]:
    return [
        BARE,
        "/en/",
        "/en/centres/",
        "/en/centres/koinno/",
        "/en/resources/",
        f"/en/resources/?q={query}",
        "/en/events/",
    ]


def redis_url() -> str:
    """REDIS_URL, else database 15 of a Redis on the default port (production's
    caches are Redis's)."""
    if os.environ.get("REDIS_URL"):
        return os.environ["REDIS_URL"]
    import redis  # installed with django-redis

    url = "redis://127.0.0.1:6379/15"
    try:
        redis.Redis.from_url(url, socket_timeout=0.5).ping()
    except redis.RedisError:
        sys.exit("Set REDIS_URL: the production settings keep their caches in Redis.")
    return url


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(port: int, path: str) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("GET", path, headers=HEADERS)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def wait_until_up(
    port: int, server: subprocess.Popen, log: Path, timeout: float = 60
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"gunicorn stopped:\n{log.read_text()[-4000:]}")
        try:
            if get(port, BARE)[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    sys.exit(f"gunicorn did not answer within {timeout:.0f} s.")


def workers_cpu_seconds(master: int) -> float:
    """CPU time (user + system) the gunicorn workers have used so far (Linux)."""
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    ticks = 0
    for pid in children:
        # Fields after the command's ")": state, ppid, …; utime and stime are
        # the 14th and 15th of the line.
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def load_wrk(port: int, path: str, args) -> tuple[float, int, int]:
    """Requests per second, requests answered, and how many answers were not
    2xx/3xx."""
    command = [
        "wrk",
        "--threads=1",
        f"--connections={args.connections}",
        f"--duration={args.duration}s",
        "--timeout=10s",
    ]
    for name, value in HEADERS.items():
        command += ["--header", f"{name}: {value}"]
    out = subprocess.run(  # noqa: S603 - our own command line
        [*command, f"http://127.0.0.1:{port}{path}"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    count = int(re.search(r"(\d+) requests in", out).group(1))
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    errors = re.search(r"Socket errors:.*", out)
    if errors:
        print(f"  wrk {path}: {errors.group(0)}", file=sys.stderr)
    return rate, count, int(bad.group(1)) if bad else 0


def load_python(port: int, path: str, args) -> tuple[float, int, int]:
    """The same with threads in this process (for machines without wrk)."""
    counts, bad = [0] * args.connections, [0] * args.connections
    deadline = time.monotonic() + args.duration
    budget = args.max_requests // args.connections

    def worker(i):
        while time.monotonic() < deadline and counts[i] < budget:
            status, _ = get(port, path)
            counts[i] += 1
            bad[i] += status >= 400

    start = time.monotonic()
    threads = [
        threading.Thread(target=worker, args=(i,)) for i in range(args.connections)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(counts) / (time.monotonic() - start), sum(counts), sum(bad)


def manage(env: dict, *arguments: str) -> None:
    subprocess.run(  # noqa: S603 - our own command line
        [sys.executable, "manage.py", *arguments], cwd=ROOT, env=env, check=True
    )


def ask_database(env: dict, sql: str) -> str:
    """The one value a statement returns, asked with the benchmark's settings."""
    out = subprocess.run(  # noqa: S603 - our own command line
        [
            sys.executable,
            "-c",
            "import sys, django; django.setup(); from django.db import connection; "
            "c = connection.cursor(); c.execute(sys.argv[1]); print(c.fetchone()[0])",
            sql,
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout.strip()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=5, help="seconds per run")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=3)
    parser.add_argument("--workers", type=int, default=3, help="as the Dockerfile")
    parser.add_argument("--max-requests", type=int, default=20000)
    parser.add_argument("--query", default="procurement", help="the search page's q")
    parser.add_argument(
        "--resources",
        type=int,
        default=0,
        help="seed N synthetic resources first, unless the database has N already",
    )
    parser.add_argument("--no-seed", action="store_true", help="use the data as is")
    parser.add_argument(
        "--python-client", action="store_true", help="the Python client, not wrk"
    )
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL"):
        sys.exit("Set DATABASE_URL to a database of its own (createdb it first).")

    workdir = Path(tempfile.mkdtemp(prefix="p2i-bench-throughput-"))
    static_root, log = workdir / "static", workdir / "gunicorn.log"
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "DJANGO_SETTINGS_MODULE": "bench.throughput_settings",
        "DJANGO_SECRET_KEY": "bench-only-not-secret-0123456789abcdefghijklmnopqrstuv",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_STATIC_ROOT": str(static_root),
        "EMAIL_URL": "consolemail://",
        "REDIS_URL": redis_url(),
        "DJANGO_LOG_LEVEL": "WARNING",
    }
    if not args.no_seed:
        manage(env, "migrate", "--noinput", "--verbosity=0")
        manage(env, "seed_demo", "--quiet")
        seeded = ask_database(
            env, "SELECT count(*) FROM knowledge_resource WHERE slug LIKE 'bench-%'"
        )
        # Seeded once: the demo's newsletter may since refer to those resources.
        if args.resources and int(seeded) != args.resources:
            subprocess.run(  # noqa: S603 - our own command line
                [
                    sys.executable,
                    "bench/seed_resources.py",
                    f"--count={args.resources}",
                ],
                cwd=ROOT,
                env={**env, "DJANGO_SETTINGS_MODULE": "p2i_portal.settings.local"},
                check=True,
            )
    manage(env, "collectstatic", "--noinput", "--verbosity=0")

    use_wrk = shutil.which("wrk") and not args.python_client
    load = load_wrk if use_wrk else load_python
    port = free_port()
    # The Dockerfile's CMD, on loopback.
    server = subprocess.Popen(  # noqa: S603 - our own command line
        [
            str(BIN / "gunicorn"),
            "p2i_portal.wsgi:application",
            f"--bind=127.0.0.1:{port}",
            f"--workers={args.workers}",
            "--access-logfile=-",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=log.open("w"),
    )
    try:
        wait_until_up(port, server, log)
        paths = pages(args.query)
        for path in paths:
            status, body = get(port, path)
            if status != 200:
                sys.exit(f"{path} answered {status}:\n{body[:2000].decode()}")
        for path in paths:  # warm every worker's caches and connections
            load(port, path, argparse.Namespace(**{**vars(args), "duration": 1}))

        rates = {path: [] for path in paths}
        shares = {path: [] for path in paths}
        cpu = {path: [] for path in paths}  # workers' CPU ms per request
        for round_ in range(args.rounds):
            for path in paths:
                before = workers_cpu_seconds(server.pid)
                rate, count, bad = load(port, path, args)
                if bad:
                    sys.exit(f"{path}: {bad} answers were not 2xx/3xx.")
                rates[path].append(rate)
                cpu[path].append(
                    (workers_cpu_seconds(server.pid) - before) * 1000 / count
                )
            for path in paths:
                shares[path].append(rates[path][-1] / rates[BARE][-1])
            print(f"round {round_ + 1}/{args.rounds} done", file=sys.stderr)
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(workdir, ignore_errors=True)

    print(
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} cores, "
        f"PostgreSQL {ask_database(env, 'SHOW server_version')}, load average "
        f"{os.getloadavg()[0]:.1f}; gunicorn --workers={args.workers}, "
        f"{'wrk' if use_wrk else 'Python client'} --connections={args.connections}, "
        f"{args.rounds} rounds of {args.duration:g} s per page"
    )
    print(
        "| page | requests/s | share of the bare view "
        "| workers' CPU ms per request | share by CPU |\n|---|---|---|---|---|"
    )
    bare_cpu = statistics.median(cpu[BARE])
    for path in paths:
        rate = statistics.median(rates[path])
        share = statistics.median(shares[path])
        page_cpu = statistics.median(cpu[path])
        print(
            f"| `{path}` | {rate:.0f} | {share * 100:.1f} % "
            f"| {page_cpu:.2f} | {bare_cpu / page_cpu * 100:.1f} % |"
        )


if __name__ == "__main__":
    main()
