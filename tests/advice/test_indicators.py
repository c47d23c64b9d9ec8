"""The advice figures in the network console's registry."""

import datetime as dt

import pytest
from django.utils import timezone
from django_scopes import scopes_disabled

from advice import services
from advice.indicators import working_days_between
from advice.models import AdviceRequest
from network.indicators import Granularity, Period, registry

from .helpers import ask

pytestmark = pytest.mark.django_db


def test_both_figures_are_registered():
    keys = set(registry.keys())
    assert {"advice.requests_answered", "advice.median_first_response_days"} <= keys


def test_working_days_between_skip_weekends():
    friday = dt.date(2026, 12, 4)
    assert working_days_between(friday, friday) == 0
    assert working_days_between(friday, dt.date(2026, 12, 7)) == 1
    assert working_days_between(friday, dt.date(2026, 12, 11)) == 5


def test_answered_and_median_per_centre(centre, other_centre, editor, procurer):
    day = timezone.localdate()
    tz = timezone.get_current_timezone()
    first = ask(user=procurer)
    second = ask(user=procurer)
    ask(user=procurer)  # not answered
    for request, days in ((first, 1), (second, 3)):
        services.request_reply(request=request, by=editor, body="Answer")
        with scopes_disabled():
            replied = dt.datetime.combine(day, dt.time(12), tzinfo=tz)
            confirmed = replied - dt.timedelta(days=days)
            # weekdays only matter for the median; compute the expectation alike
            AdviceRequest.objects.filter(pk=request.pk).update(
                confirmed_at=confirmed, first_replied_at=replied
            )
    period = Period(day.replace(day=1), day, Granularity.MONTH)
    bucket = day.replace(day=1)
    answered = registry.get("advice.requests_answered").compute(
        period=period, centre_ids=[centre.pk, other_centre.pk]
    )
    assert answered == {(centre.pk, bucket): 2}
    median = registry.get("advice.median_first_response_days").compute(
        period=period, centre_ids=[centre.pk]
    )
    expected = (
        working_days_between(day - dt.timedelta(days=1), day)
        + working_days_between(day - dt.timedelta(days=3), day)
    ) / 2
    assert median == {(centre.pk, bucket): expected}
