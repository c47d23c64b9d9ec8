"""A newsletter send through faults, on real `celery worker` processes (threads
pool), a real Redis and the SMTP sink: a worker SIGKILLed in the middle of a
batch, a live worker whose batch outlasts its lease, and a chain that has to be
replaced. The test plays Celery beat: it runs the reaper in-process.

The settings are the production mechanism with short times (a lease of
LEASE seconds) so that each test takes seconds; tasks.py states the bound on
duplicates that the kill test holds the portal to.
"""

import os
import signal
import time
from collections import Counter
from datetime import timedelta

import pytest
from django.db import connection, transaction
from django.utils import timezone

from newsletters import services
from newsletters.models import Delivery, Issue, SendChain
from newsletters.tasks import deliveries_reap
from tests.newsletters.factories import issue_ready, subscriber_create
from tests.services import (
    celery_publishing_to,
    celery_worker_start,
    celery_worker_stop,
)

pytestmark = [pytest.mark.celery, pytest.mark.django_db(transaction=True)]

LEASE, RING_AFTER, CONCURRENCY, BATCH, MARK_EVERY = 4, 2, 2, 5, 1
SETTINGS = {
    "NEWSLETTER_LEASE_SECONDS": LEASE,
    "NEWSLETTER_RING_AFTER_SECONDS": RING_AFTER,
    "NEWSLETTER_PARALLEL": CONCURRENCY,
    "NEWSLETTER_BATCH_SIZE": BATCH,
    "NEWSLETTER_MARK_EVERY": MARK_EVERY,
}


@pytest.fixture
def start_worker(redis_url, smtp_server, settings):
    """Start workers (threads pool) on a queue of this test; all stopped after."""
    for name, value in SETTINGS.items():
        setattr(settings, name, value)
    _, smtp_port = smtp_server
    queue = f"p2i-faults-{os.getpid()}-{time.monotonic_ns()}"
    started = []

    def start(n: int):
        proc = celery_worker_start(
            database=connection.settings_dict["NAME"],
            broker_url=redis_url,
            smtp_port=smtp_port,
            queue=queue,
            name=f"faults{n}-{os.getpid()}",
            pool="threads",
            concurrency=CONCURRENCY,
            env={name: str(value) for name, value in SETTINGS.items()},
        )
        started.append(proc)
        return proc

    with celery_publishing_to(redis_url, queue, settings):
        yield start
    for proc in started:
        celery_worker_stop(proc)


@pytest.fixture
def sink(smtp_server):
    sink, _ = smtp_server
    sink.clear()
    yield sink
    sink.clear()


def readers(count: int) -> set[str]:
    return {subscriber_create(f"reader{i}@example.org").email for i in range(count)}


def sent(issue) -> int:
    return Delivery.objects.filter(issue=issue, status="sent").count()


def in_flight(issue) -> int:
    return Delivery.objects.filter(issue=issue, status="sending").count()


def beat_until_sent(issue, *, timeout: float, every: float = 0.5) -> list[dict]:
    """Run the reaper every `every` seconds until the issue is sent."""
    results = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        issue.refresh_from_db()
        if issue.status == Issue.Status.SENT:
            return results
        results.append(deliveries_reap())
        time.sleep(every)
    counts = Counter(Delivery.objects.filter(issue=issue).values_list("status"))
    raise AssertionError(f"issue stayed {issue.status}: {counts}")


def recipients(sink) -> Counter:
    return Counter(message["To"] for message in sink.messages)


def test_a_worker_killed_mid_send_loses_nothing_and_duplicates_within_the_bound(
    start_worker, sink
):
    sink.delay = 0.05  # a relay slow enough to kill the worker inside a batch
    addresses = readers(80)
    victim = start_worker(1)
    issue = issue_ready()
    with transaction.atomic():
        services.issue_start(issue=issue)
    deadline = time.monotonic() + 60
    # Strike a quarter into the send, while the worker holds claims.
    while sent(issue) < 20 or not in_flight(issue):
        assert time.monotonic() < deadline, "the send did not start"
        time.sleep(0.02)
    os.kill(victim.pid, signal.SIGKILL)
    victim.wait(10)
    killed_at = time.monotonic()
    assert sent(issue) < len(addresses)

    start_worker(2)
    beat_until_sent(issue, timeout=90)
    recovered_in = time.monotonic() - killed_at
    time.sleep(0.5)  # any late duplicate arrives by now

    seen = recipients(sink)
    assert {to.split("<")[-1].rstrip(">") for to in seen} >= addresses
    duplicates = sum(n - 1 for n in seen.values())
    # tasks.py: at most NEWSLETTER_MARK_EVERY per batch being sent at the fault;
    # a killed worker was sending at most CONCURRENCY batches.
    assert duplicates <= MARK_EVERY * CONCURRENCY, seen.most_common(3)
    assert Counter(
        Delivery.objects.filter(issue=issue).values_list("status", flat=True)
    ) == {"sent": len(addresses)}
    # Claims come back after the lease, chains after RING_AFTER, with the beat:
    # seconds here; the margin is for a loaded machine.
    assert recovered_in < 60, recovered_in


def test_a_live_worker_keeps_its_lease_while_a_batch_outlasts_it(start_worker, sink):
    sink.delay = 1.0  # a batch of BATCH messages takes longer than the lease
    addresses = readers(2 * BATCH)
    start_worker(1)
    issue = issue_ready()
    started = time.monotonic()
    with transaction.atomic():
        services.issue_start(issue=issue)
    reaped = beat_until_sent(issue, timeout=60, every=0.3)
    assert time.monotonic() - started > LEASE  # the batches did outlast the lease
    assert sum(result["requeued"] for result in reaped) == 0
    time.sleep(0.5)
    seen = recipients(sink)
    assert len(seen) == len(addresses) and set(seen.values()) == {1}


def test_the_reaper_replaces_a_silent_chain_while_another_runs(
    start_worker, sink, settings
):
    """One chain of two ended (its next batch could not be queued) while the other
    still beats: the reaper rings the missing one only."""
    addresses = readers(20)
    start_worker(1)
    issue = issue_ready()
    Issue.objects.filter(pk=issue.pk).update(
        status="sending", sending_started_at=timezone.now()
    )
    services.issue_queue(issue=issue)
    long_ago = timezone.now() - timedelta(minutes=1)
    SendChain.objects.create(issue=issue, slot=0, token="alive", beat_at=timezone.now())
    SendChain.objects.create(issue=issue, slot=1, token="lost", beat_at=long_ago)

    assert deliveries_reap() == {"requeued": 0, "rung": 1}
    assert SendChain.objects.get(issue=issue, slot=0).token == "alive"
    assert SendChain.objects.get(issue=issue, slot=1).token != "lost"
    # The replacement sends everything; then, with nothing left, the issue is done.
    beat_until_sent(issue, timeout=60)
    time.sleep(0.3)
    seen = recipients(sink)
    assert len(seen) == len(addresses) and set(seen.values()) == {1}
