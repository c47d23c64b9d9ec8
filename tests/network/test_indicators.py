"""The indicator registry's periods and buckets."""

import datetime as dt

import pytest

from network.indicators import Granularity, Indicator, IndicatorRegistry, Period


def test_period_cuts_into_the_months_it_touches():
    period = Period(dt.date(2025, 11, 15), dt.date(2026, 2, 3))
    assert period.buckets() == [
        dt.date(2025, 11, 1),
        dt.date(2025, 12, 1),
        dt.date(2026, 1, 1),
        dt.date(2026, 2, 1),
    ]


def test_period_cuts_into_quarters_and_years():
    period = Period(dt.date(2025, 2, 1), dt.date(2026, 7, 1), Granularity.QUARTER)
    assert period.buckets() == [
        dt.date(2025, 1, 1),
        dt.date(2025, 4, 1),
        dt.date(2025, 7, 1),
        dt.date(2025, 10, 1),
        dt.date(2026, 1, 1),
        dt.date(2026, 4, 1),
        dt.date(2026, 7, 1),
    ]
    years = Period(dt.date(2024, 12, 31), dt.date(2026, 1, 1), Granularity.YEAR)
    assert years.buckets() == [
        dt.date(2024, 1, 1),
        dt.date(2025, 1, 1),
        dt.date(2026, 1, 1),
    ]


def test_period_refuses_an_end_before_its_start():
    with pytest.raises(ValueError):
        Period(dt.date(2026, 1, 2), dt.date(2026, 1, 1))


def test_registry_refuses_a_key_twice():
    registry = IndicatorRegistry()
    registry.register(Indicator("a.b", "B", "A", compute=lambda **kw: {}))
    with pytest.raises(ValueError):
        registry.register(Indicator("a.b", "B again", "A", compute=lambda **kw: {}))
    assert [i.key for i in registry.all()] == ["a.b"]
