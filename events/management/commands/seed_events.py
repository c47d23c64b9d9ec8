"""Load demo events of the network and the task-force projects. Idempotent."""

from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django_scopes import scopes_disabled

from accounts.models import User
from centres.models import Centre
from events import services
from events.models import Event
from knowledge.models import Resource
from p2i_portal.demo_data import demo_read

DEMO_FILE = Path(__file__).resolve().parents[2] / "demo" / "events.yaml"
# Days on which no one in the network would hold an event: Christmas and New Year.
HOLIDAYS = {(12, 24), (12, 25), (12, 26), (12, 31), (1, 1)}


def working_day(day: date) -> date:
    """`day`, or the next day that is neither a weekend nor a holiday above."""
    while day.weekday() >= 5 or (day.month, day.day) in HOLIDAYS:
        day += timedelta(days=1)
    return day


class Command(BaseCommand):
    help = "Create the demo events (run seed_demo first). Existing slugs are kept."

    def add_arguments(self, parser):
        parser.add_argument("--quiet", action="store_true", help="Print nothing.")

    @transaction.atomic
    @scopes_disabled()
    def handle(self, *args, quiet=False, **options):
        specs = demo_read(DEMO_FILE)["events"]
        slugs = {spec["organiser"] for spec in specs} | {
            s for spec in specs for s in spec.get("co_organisers", [])
        }
        centres = {c.slug: c for c in Centre.objects.filter(slug__in=slugs)}
        coordinator = User.objects.filter(is_coordinator=True).order_by("pk").first()
        if not centres or coordinator is None:
            raise CommandError("The demo network is missing: run seed_demo first.")
        existing = set(Event.objects.values_list("slug", flat=True))
        today = timezone.localdate()
        created = 0
        for spec in specs:
            data = dict(spec)
            slug, lead = data.pop("slug"), data.pop("organiser")
            co = data.pop("co_organisers", [])
            papers = data.pop("papers", [])
            days, hour = data.pop("in_days"), data.pop("start_hour")
            hours, zone = data.pop("hours"), data.pop("timezone")
            if slug in existing or lead not in centres:
                continue
            tz = ZoneInfo(zone)
            day = working_day(today + timedelta(days=days))
            start = datetime.combine(day, time(hour), tzinfo=tz)
            event = services.event_create(
                centre=centres[lead],
                by=coordinator,
                data={
                    **data,
                    "slug": slug,
                    "timezone": zone,
                    "starts_at": start,
                    "ends_at": start + timedelta(hours=hours),
                },
                organisers=[centres[s] for s in co if s in centres],
                # The papers a meeting produced: demo resources (seed_knowledge).
                papers=[
                    paper
                    for centre_slug, resource_slug in papers
                    for paper in Resource.objects.filter(
                        centre__slug=centre_slug, slug=resource_slug
                    )
                ],
            )
            # The demo's joint events were agreed between their organisers.
            for invitation in event.organiser_invitations.pending():
                services.organiser_invitation_accept(
                    invitation=invitation, by=coordinator
                )
            # Past events were published when they were announced.
            Event.objects.filter(pk=event.pk).update(
                status=Event.Status.PUBLISHED,
                published_at=min(timezone.now(), start - timedelta(days=30)),
            )
            created += 1
        if not quiet:
            self.stdout.write(self.style.SUCCESS(f"Demo events: {created} created."))
