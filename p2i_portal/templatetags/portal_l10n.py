"""Dates and counts as the reader's language writes them.

Registered as a template builtin (settings.TEMPLATES), so every template and
e-mail can use these filters without loading them.
"""

import datetime
from decimal import Decimal

from django import template
from django.utils import formats, timezone

register = template.Library()


def _local(value):
    """An aware datetime in the current time zone; dates and naive values as given."""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


@register.filter(expects_localtime=True, is_safe=False)
def staff_datetime(value):
    """The staff tables' one unambiguous form: '7 Dec 2026 14:04' in English,
    '7. Dez. 2026, 14:04' in German; a date without a time as '7 Dec 2026'."""
    if value in (None, ""):
        return ""
    if isinstance(value, datetime.datetime):
        return formats.date_format(_local(value), "STAFF_DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return formats.date_format(value, "STAFF_DATE_FORMAT")
    return ""


@register.filter(expects_localtime=True, is_safe=False)
def staff_date(value):
    """The staff tables' form of a day: '7 Dec 2026'."""
    if value in (None, ""):
        return ""
    if isinstance(value, datetime.date):
        return formats.date_format(_local(value), "STAFF_DATE_FORMAT")
    return ""


@register.filter(is_safe=True)
def number(value):
    """A count a person reads, grouped as the language writes it: '1,234' in
    English, '1.234' in German, '1 234' in Swedish. Grouping is asked for here
    rather than by USE_THOUSAND_SEPARATOR, which would also group the ids that
    templates write into addresses and forms."""
    if isinstance(value, bool):
        return value
    if not isinstance(value, int | float | Decimal):
        try:
            value = int(value)
        except (TypeError, ValueError):
            return value
    return formats.number_format(value, force_grouping=True)


@register.filter(is_safe=False)
def event_datetime(value, event):
    """A moment of an event's calendar (e.g. when registration opens) in the
    event's own time zone, with the zone's name: '1 December 2026, 09:00
    (Europe/Berlin)'."""
    if not isinstance(value, datetime.datetime):
        return ""
    local = value.astimezone(event.zone) if timezone.is_aware(value) else value
    return f"{formats.date_format(local, 'DATETIME_FORMAT')} ({event.timezone})"
