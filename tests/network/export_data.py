"""Data and a throwaway indicator for the export tests.

The tests register TEST_INDICATOR for themselves (`test_indicator` fixture) and
check the figures against counts made independently with plain ORM filters.
"""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from django_scopes import scopes_disabled

from events.models import Registration
from knowledge.models import Resource
from network.indicators import registry
from tests.events.helpers import make_event
from tests.factories import resource_create
from tests.network.export_indicator import TEST_INDICATOR, register_test_indicator


@pytest.fixture
def test_indicator():
    register_test_indicator()
    yield TEST_INDICATOR
    registry._items.pop(TEST_INDICATOR.key, None)


def at(year, month, day, hour=12):
    return dt.datetime(year, month, day, hour, tzinfo=ZoneInfo("Europe/Brussels"))


def seed_report_data(*, centre, other_centre, manager, outsider):
    """Resources and events of two centres in January–March 2026, and one of each
    outside that period. Returns what was made."""
    made = {"resources": [], "events": []}
    placements = [
        (centre, manager, at(2026, 1, 10), "tool", "en"),
        (centre, manager, at(2026, 1, 20), "case_study", "de"),
        (centre, manager, at(2026, 3, 5), "best_practice", "en"),
        (other_centre, outsider, at(2026, 2, 14), "report", "nl"),
        (other_centre, outsider, at(2025, 12, 31), "tool", "nl"),  # before
    ]
    for n, (owner, by, when, kind, language) in enumerate(placements):
        resource = resource_create(
            centre=owner,
            by=by,
            published=True,
            title=f"Resource {n} of {owner.short_name}",
            kind=kind,
            language=language,
        )
        Resource.objects.filter(pk=resource.pk).update(published_at=when)
        made["resources"].append(resource.pk)
    events = [
        (centre, manager, at(2026, 2, 3), 3, 2),
        (other_centre, outsider, at(2026, 3, 12), 2, 0),
        (centre, manager, at(2026, 5, 1), 4, 4),  # after
    ]
    for n, (owner, by, when, confirmed, checked_in) in enumerate(events):
        event = make_event(
            centre=owner,
            by=by,
            title=f"Event {n} of {owner.short_name}",
            starts_at=timezone.now() + dt.timedelta(days=3),
        )
        with scopes_disabled():
            type(event).objects.filter(pk=event.pk).update(
                starts_at=when, ends_at=when + dt.timedelta(hours=2)
            )
            for i in range(confirmed):
                Registration.objects.create(
                    event=event,
                    name=f"Person {i}",
                    email=f"person{i}-{event.pk}@example.org",
                    status=Registration.Status.CONFIRMED,
                    confirmed_at=when,
                    checked_in_at=when if i < checked_in else None,
                )
            Registration.objects.create(  # cancelled: counts nowhere
                event=event,
                name="Gone",
                email=f"gone-{event.pk}@example.org",
                status=Registration.Status.CANCELLED,
                cancelled_at=when,
            )
        made["events"].append(event.pk)
    return made


def expected_resource_counts(centre_ids, start, end):
    """{(centre_id, 'YYYY-MM'): n} by plain filters, month by month in Brussels."""
    tz = ZoneInfo("Europe/Brussels")
    out = {}
    for resource in Resource.objects.published().filter(centre_id__in=centre_ids):
        day = resource.published_at.astimezone(tz).date()
        if start <= day <= end:
            key = (resource.centre_id, f"{day.year:04d}-{day.month:02d}")
            out[key] = out.get(key, 0) + 1
    return out
