"""Capacity under concurrency, on the real PostgreSQL: 50 people at once for the
last 5 seats get exactly 5 seats and 45 places on the waiting list."""

import threading

import pytest
from django.db import connection
from django_scopes import scopes_disabled

from events import services
from events.models import Registration
from tests.factories import UserFactory

from .helpers import make_event

pytestmark = pytest.mark.django_db(transaction=True)


def test_fifty_simultaneous_registrations_never_exceed_the_capacity(centre, editor):
    event = make_event(centre=centre, by=editor, capacity=10)
    for i in range(5):  # 5 of 10 seats are taken already
        services.registration_create(
            event=event, user=UserFactory(email=f"early{i}@example.org")
        )
    people = [UserFactory(email=f"racer{i}@example.org") for i in range(50)]
    barrier = threading.Barrier(len(people))
    errors = []

    def register(user):
        try:
            barrier.wait(timeout=30)
            services.registration_create(event=event, user=user)
        except Exception as exc:
            errors.append(exc)
        finally:
            connection.close()  # each thread had its own connection

    threads = [threading.Thread(target=register, args=(p,)) for p in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    with scopes_disabled():
        racers = Registration.objects.filter(event=event, email__startswith="racer")
        assert racers.filter(status="confirmed").count() == 5
        assert racers.filter(status="waitlisted").count() == 45
        assert Registration.objects.filter(event=event).confirmed().count() == 10
        # Waiting-list order is strict: positions 1..45, no ties.
        stamps = list(
            racers.filter(status="waitlisted").values_list("waitlisted_at", flat=True)
        )
        assert len(set(stamps)) == 45
