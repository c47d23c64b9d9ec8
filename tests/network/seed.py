"""Known data for the network figures tests: every number is worked out by hand.

Two centres, alpha (DE) and beta (NL), and the period November 2025 – February
2026. Timestamps near midnight UTC on a month's last day fall into the next
month in Brussels (UTC+1 in winter): that is what the edges check.
"""

import datetime as dt

from django_scopes import scopes_disabled

from centres.models import AuditEntry
from events.models import Event, Registration
from knowledge.models import Resource
from newsletters.models import BounceEvent, Delivery, Digest, Subscriber
from tests.events.helpers import make_event
from tests.factories import resource_create

UTC = dt.UTC


def at(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=UTC)


def _resource(centre, by, when, *, kind=Resource.Kind.TOOL, status=None):
    resource = resource_create(
        centre=centre, by=by, published=True, kind=kind, title=f"R {when}"
    )
    fields = {"published_at": when}
    if status:
        fields["status"] = status
    Resource.objects.filter(pk=resource.pk).update(**fields)
    return resource


def _event(centre, by, when, *, cancelled=False):
    event = make_event(centre=centre, by=by, title=f"E {when}")
    fields = {"starts_at": when, "ends_at": when + dt.timedelta(hours=2)}
    if cancelled:
        fields["status"] = Event.Status.CANCELLED
    Event.objects.filter(pk=event.pk).update(**fields)
    return event


def _registration(event, n, *, status="confirmed", checked_in=False):
    with scopes_disabled():
        return Registration.objects.create(
            event=event,
            name=f"Person {n}",
            email=f"person{n}-{event.pk}@example.org",
            status=status,
            confirmed_at=at(2025, 12, 1) if status == "confirmed" else None,
            cancelled_at=at(2025, 12, 2) if status == "cancelled" else None,
            checked_in_at=at(2026, 1, 10, 9) if checked_in else None,
        )


def _subscriber(email, confirmed_at, unsubscribed_at=None):
    return Subscriber.objects.create(
        email=email,
        status="unsubscribed" if unsubscribed_at else "confirmed",
        confirmed_at=confirmed_at,
        unsubscribed_at=unsubscribed_at,
    )


def _audit(centre, actor, when):
    with scopes_disabled():
        AuditEntry.objects.create(
            centre=centre, actor=actor, action="knowledge.resource.updated"
        )
        AuditEntry.objects.filter(pk=AuditEntry.objects.latest("pk").pk).update(
            created_at=when
        )


def seed_known_figures(*, alpha, beta, editor, manager, editor_b, coordinator):
    """Seed the data whose figures the tests assert (see the module docstring)."""
    # Knowledge: alpha publishes a tool in December (22:30 UTC on the 31st is
    # 23:30 in Brussels), a tool in January (23:30 UTC on 31 December), and a
    # case study in February; a tool at 23:30 UTC on 28 February is March.
    _resource(alpha, editor, at(2025, 12, 31, 22, 30))
    _resource(alpha, editor, at(2025, 12, 31, 23, 30))
    _resource(alpha, editor, at(2026, 2, 10, 12), kind=Resource.Kind.CASE_STUDY)
    _resource(alpha, editor, at(2026, 2, 28, 23, 30))
    # Beta: a tool in November, one since archived in January, and a draft.
    _resource(beta, editor_b, at(2025, 11, 5, 9))
    _resource(beta, editor_b, at(2026, 1, 15, 9), status=Resource.Status.ARCHIVED)
    resource_create(centre=beta, by=editor_b, title="A draft")

    # Events: alpha holds one in January (3 confirmed, 2 of them checked in, one
    # cancelled registration, one waiting list) and cancels another; beta's
    # starts at 23:30 UTC on 31 December, i.e. in January in Brussels.
    held = _event(alpha, manager, at(2026, 1, 10, 9))
    _registration(held, 1, checked_in=True)
    _registration(held, 2, checked_in=True)
    _registration(held, 3)
    _registration(held, 4, status="cancelled")
    with scopes_disabled():
        Registration.objects.create(
            event=held,
            name="Waiting",
            email="waiting@example.org",
            status="waitlisted",
            waitlisted_at=at(2025, 12, 3),
        )
    cancelled = _event(alpha, manager, at(2026, 1, 20, 9), cancelled=True)
    _registration(cancelled, 5)
    beta_event = _event(beta, editor_b, at(2025, 12, 31, 23, 30))
    _registration(beta_event, 6, checked_in=True)

    # Newsletter: s1 all along; s2 from December until 23:30 UTC on 31 January
    # (00:30 on 1 February in Brussels: still there at the end of January); s3
    # never confirmed; s4 confirmed at 23:30 UTC on 28 February (March).
    s1 = _subscriber("s1@example.org", at(2025, 10, 1))
    s2 = _subscriber("s2@example.org", at(2025, 12, 15), at(2026, 1, 31, 23, 30))
    Subscriber.objects.create(email="s3@example.org", status="pending")
    _subscriber("s4@example.org", at(2026, 2, 28, 23, 30))
    # Mails: sent at 23:30 UTC on 30 November (December), on 5 January (two),
    # and one that failed.
    d1 = Digest.objects.create(frequency="weekly", period="2025-W48")
    d2 = Digest.objects.create(frequency="weekly", period="2026-W01")
    Delivery.objects.create(
        digest=d1, subscriber=s1, status="sent", sent_at=at(2025, 11, 30, 23, 30)
    )
    Delivery.objects.create(
        digest=d2, subscriber=s1, status="sent", sent_at=at(2026, 1, 5, 8)
    )
    Delivery.objects.create(
        digest=d2, subscriber=s2, status="sent", sent_at=at(2026, 1, 5, 8)
    )
    Delivery.objects.create(digest=d1, subscriber=s2, status="failed")
    # Bounces in February: a hard and a soft one; a complaint is not a bounce.
    for kind, day in (("hard", 2), ("soft", 3), ("complaint", 4)):
        BounceEvent.objects.create(
            email="s2@example.org",
            kind=kind,
            source="webhook",
            created_at=at(2026, 2, day, 10),
        )

    # Activity: alpha's editor in November and twice in December, its manager
    # in December, the coordinator in December (not staff); beta's editor at
    # 23:30 UTC on 31 January (February in Brussels).
    _audit(alpha, editor, at(2025, 11, 10, 10))
    _audit(alpha, editor, at(2025, 12, 10, 10))
    _audit(alpha, editor, at(2025, 12, 12, 10))
    _audit(alpha, manager, at(2025, 12, 11, 10))
    _audit(alpha, coordinator, at(2025, 12, 11, 11))
    _audit(beta, editor_b, at(2026, 1, 31, 23, 30))
