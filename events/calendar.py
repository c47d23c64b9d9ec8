"""iCalendar (RFC 5545) for events: one event, or a subscribable feed of many."""

from datetime import UTC, timedelta

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as VEvent

PRODID = "-//P2I Portal//Events//EN"
# Calendar apps poll subscribed feeds; ask for twice a day (RFC 7986 and Outlook).
REFRESH = timedelta(hours=12)


def event_uid(event) -> str:
    """Stable for the life of the event, so that an update replaces the entry."""
    return f"{event.uid}@p2i-portal"


def _vevent(event, *, join_link: str = "") -> VEvent:
    item = VEvent()
    item.add("uid", event_uid(event))
    item.add("dtstamp", event.updated_at or timezone.now())
    item.add("dtstart", event.starts_at.astimezone(UTC))
    item.add("dtend", event.ends_at.astimezone(UTC))
    item.add("sequence", event.sequence)
    item.add("summary", event.title)
    url = settings.SITE_URL + event.get_absolute_url()
    description = [event.summary, "", url]
    if join_link:
        description += ["", f"Join online: {join_link}"]
    item.add("description", "\n".join(description))
    item.add("url", url)
    location = event.location_text
    if join_link and event.format == event.Format.ONLINE:
        location = join_link
    if location:
        item.add("location", location)
    item.add("status", "CANCELLED" if event.is_cancelled else "CONFIRMED")
    item.add("categories", [event.get_kind_display()])
    organisers = ", ".join(c.short_name for c in event.organisers.all())
    if organisers:
        item.add("x-p2i-organisers", organisers)
    return item


def _calendar(name: str = "") -> Calendar:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    if name:
        cal.add("x-wr-calname", name)
        cal.add("name", name)
        cal.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
        cal.add("x-published-ttl", REFRESH)
    return cal


def event_ics(event, *, join_link: str = "") -> bytes:
    """One event. The public file never holds the join link; the copy attached to
    a confirmed attendee's e-mail does."""
    cal = _calendar()
    cal.add_component(_vevent(event, join_link=join_link))
    return cal.to_ical()


def feed_ics(events, *, name: str) -> bytes:
    """A subscribable calendar of many events (cancelled ones stay, marked so)."""
    cal = _calendar(name)
    for event in events:
        cal.add_component(_vevent(event))
    return cal.to_ical()
