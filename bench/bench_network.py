"""Benchmark (not a test): the network dashboard with two years of data for 15 centres.

    createdb -h 127.0.0.1 -U postgres p2i_bench_network
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/p2i_bench_network \\
        .venv/bin/python bench/bench_network.py [--requests 50] [--no-seed]

or `make bench-network`. It migrates, creates the demo network's 15 centres
(bench/seed_resources.py centres_ensure), deletes the previous benchmark rows
(slugs, e-mails and digest periods starting with "bench-") and seeds two years
of activity ending today: published resources (bench/seed_resources.py, dates
moved into the two years), events with registrations and check-ins, newsletter
subscribers (some unsubscribed), digest deliveries, bounce reports, and
activity-log entries of six staff per centre. Then, signed in as a coordinator
with two-factor on, it times GET /network/ with several periods, and one
centre's /manage/<centre>/figures/, in-process with Django's test client, and
prints p50/p95 in milliseconds, the p50 of this process's CPU time (the
view, the template; on a busy machine the wall-clock time adds the wait for a
core), the p50 of the time spent in SQL (as the client sees it) and the number
of queries of each page.
"""

import argparse
import base64
import os
import random
import statistics
import sys
import time
import uuid
import warnings
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "p2i_portal.settings.local")
os.environ.setdefault("DJANGO_DEBUG", "false")
warnings.filterwarnings("ignore", message="No directory at")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django_scopes import scopes_disabled  # noqa: E402
from seed_resources import SLUG_PREFIX, centres_ensure, seed_resources  # noqa: E402

DAYS = 730
PREFIX = SLUG_PREFIX  # "bench-"


def _moment(rng, now) -> datetime:
    return now - timedelta(seconds=rng.randrange(DAYS * 86400))


def clear():
    """Delete what an earlier run seeded (resources go in seed_resources)."""
    from accounts.models import User
    from centres.models import AuditEntry
    from events.models import Event
    from newsletters.models import BounceEvent, Delivery, Digest, Subscriber

    with scopes_disabled():
        AuditEntry.objects.filter(actor__email__startswith=PREFIX).delete()
        Event.objects.filter(slug__startswith=PREFIX).delete()  # registrations too
        Delivery.objects.filter(digest__period__startswith=PREFIX).delete()
        Digest.objects.filter(period__startswith=PREFIX).delete()
        Subscriber.objects.filter(email__startswith=PREFIX).delete()
        BounceEvent.objects.filter(email__startswith=PREFIX).delete()
        User.objects.filter(email__startswith=PREFIX).delete()


def seed(*, rng, progress):
    """Two years of activity for every centre (see the module docstring)."""
    from django.contrib.auth.hashers import make_password

    from accounts.models import User
    from centres.models import AuditEntry, Centre
    from events.models import Event, Registration
    from knowledge.models import Resource
    from newsletters.models import BounceEvent, Delivery, Digest, Subscriber

    now = datetime.now(UTC)
    centres = list(Centre.objects.all())
    seed_resources(
        15 * 24 * 12, seed=42, centres=centres, body_words=(20, 40), analyze=False
    )
    # The seeder spreads dates over many years: bring them into the two years.
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE knowledge_resource SET status = %s, published_at = "
            "now() - random() * interval '730 days' WHERE slug LIKE %s",
            [Resource.Status.PUBLISHED, PREFIX + "%"],
        )
    progress("resources")

    events, registrations = [], []
    for centre in centres:
        for n in range(48):  # two a month
            start = _moment(rng, now)
            events.append(
                Event(
                    centre=centre,
                    uid=uuid.uuid4(),
                    title=f"Bench event {n}",
                    slug=f"{PREFIX}{centre.slug}-{n}",
                    summary="A benchmark event.",
                    kind=Event.Kind.WEBINAR,
                    format=Event.Format.ONLINE,
                    online_url="https://meet.example.org/bench",
                    starts_at=start,
                    ends_at=start + timedelta(hours=2),
                    timezone="Europe/Brussels",
                    language="en",
                    status=Event.Status.PUBLISHED,
                    published_at=start - timedelta(days=30),
                )
            )
    Event.objects.bulk_create(events, batch_size=1000)
    for event in events:
        for n in range(rng.randrange(10, 60)):
            confirmed = rng.random() < 0.85
            registrations.append(
                Registration(
                    event=event,
                    name=f"Person {n}",
                    email=f"{PREFIX}p{n}-{event.pk}@example.org",
                    status="confirmed" if confirmed else "cancelled",
                    confirmed_at=event.starts_at - timedelta(days=5),
                    cancelled_at=None if confirmed else event.starts_at,
                    checked_in_at=event.starts_at
                    if confirmed and rng.random() < 0.6
                    else None,
                )
            )
    with scopes_disabled():
        Registration.objects.bulk_create(registrations, batch_size=5000)
    progress(f"{len(events)} events, {len(registrations)} registrations")

    subscribers = []
    for n in range(20000):
        confirmed_at = _moment(rng, now) - timedelta(days=rng.randrange(0, 365))
        gone = rng.random() < 0.15
        subscribers.append(
            Subscriber(
                email=f"{PREFIX}s{n}@example.org",
                status="unsubscribed" if gone else "confirmed",
                confirmed_at=confirmed_at,
                unsubscribed_at=confirmed_at + timedelta(days=rng.randrange(1, 300))
                if gone
                else None,
                language="en",
            )
        )
    Subscriber.objects.bulk_create(subscribers, batch_size=5000)
    digests = [
        Digest.objects.create(frequency="weekly", period=f"{PREFIX}{week}")
        for week in range(104)
    ]
    deliveries = []
    for week, digest in enumerate(digests):
        sent_at = now - timedelta(days=7 * (104 - week))
        for subscriber in rng.sample(subscribers, 400):
            deliveries.append(
                Delivery(
                    digest=digest,
                    subscriber=subscriber,
                    status="sent" if rng.random() < 0.97 else "failed",
                    sent_at=sent_at,
                )
            )
    Delivery.objects.bulk_create(deliveries, batch_size=5000)
    BounceEvent.objects.bulk_create(
        [
            BounceEvent(
                email=f"{PREFIX}s{rng.randrange(20000)}@example.org",
                kind=rng.choice(["hard", "soft", "soft", "complaint"]),
                source="webhook",
                created_at=_moment(rng, now),
            )
            for _ in range(2000)
        ]
    )
    progress(f"{len(subscribers)} subscribers, {len(deliveries)} deliveries")

    unusable = make_password(None)
    staff = User.objects.bulk_create(
        [
            User(email=f"{PREFIX}staff{c.pk}-{n}@example.org", password=unusable)
            for c in centres
            for n in range(6)
        ]
    )
    entries = []
    for i, user in enumerate(staff):
        centre = centres[i // 6]
        for _ in range(rng.randrange(100, 400)):
            entries.append(
                AuditEntry(
                    centre=centre,
                    actor=user,
                    action="knowledge.resource.updated",
                    created_at=_moment(rng, now),
                )
            )
    with scopes_disabled():
        AuditEntry.objects.bulk_create(entries, batch_size=5000)
    progress(f"{len(entries)} activity-log entries")


def coordinator():
    from allauth.mfa.totp.internal.auth import TOTP

    from accounts.models import User

    user, _created = User.objects.get_or_create(
        email=f"{PREFIX}coordinator@example.org",
        defaults={"is_coordinator": True, "full_name": "Bench Coordinator"},
    )
    if not user.has_totp():
        # A random secret: nobody signs in with it, it only turns two-factor on.
        TOTP.activate(user, base64.b32encode(os.urandom(20)).decode())
    return user


def percentile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--no-seed", action="store_true", help="measure only")
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()

    started = time.perf_counter()

    def progress(message):
        print(f"{time.perf_counter() - started:6.1f} s {message}", flush=True)

    call_command("migrate", verbosity=0)
    centres_ensure()
    if not args.no_seed:
        with transaction.atomic():
            clear()
            seed(rng=random.Random(args.seed), progress=progress)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        progress("seeded and analysed")

    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(coordinator())
    today = datetime.now(UTC).date()
    two_years = f"start={today - timedelta(days=DAYS - 1)}&end={today}"
    pages = [
        "/network/",
        f"/network/?preset=custom&{two_years}&granularity=month",
        f"/network/?preset=custom&{two_years}&granularity=quarter"
        "&figure=events.registered",
        "/network/?preset=last_year&granularity=month&figure=centres.active_staff",
        f"/network/figures.csv?preset=custom&{two_years}&table=centres",
        f"/manage/koinno/figures/?preset=custom&{two_years}&granularity=month",
    ]
    print(
        f"{'page':<96} {'p50 ms':>7} {'p95 ms':>7} {'cpu p50':>7} "
        f"{'sql p50':>7} {'queries':>7}"
    )
    for page in pages:
        for _ in range(3):
            client.get(page)
        # Django empties the query log when a request starts: read it after.
        connection.force_debug_cursor = True
        timings, cpu, sql = [], [], []
        for _ in range(args.requests):
            t0, c0 = time.perf_counter(), time.process_time()
            response = client.get(page)
            timings.append((time.perf_counter() - t0) * 1000)
            cpu.append((time.process_time() - c0) * 1000)
            sql.append(sum(float(q["time"]) for q in connection.queries_log) * 1000)
        queries = len(connection.queries_log)
        connection.force_debug_cursor = False
        assert response.status_code == 200, (page, response.status_code)
        print(
            f"{page:<96} {statistics.median(timings):>7.1f} "
            f"{percentile(timings, 95):>7.1f} {statistics.median(cpu):>7.1f} "
            f"{statistics.median(sql):>7.1f} {queries:>7}"
        )


if __name__ == "__main__":
    main()
