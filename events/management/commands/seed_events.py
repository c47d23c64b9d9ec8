"""Load demo events of the network and the task-force projects. Idempotent."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django_scopes import scopes_disabled

from accounts.models import User
from centres.models import Centre
from events import services
from events.models import Event

# (slug, lead, co-organisers, days from today, start hour, hours, zone, data)
# Negative days: past events (with materials). Descriptions are our own words.
DEMO_EVENTS = [
    (
        "market-consultation-clinic-2",
        "koinno",
        [],
        12,
        10,
        2,
        "Europe/Berlin",
        {
            "title": "Market consultation clinic",
            "summary": "Bring your planned tender: KOINNO experts show how to talk "
            "to suppliers before you write the specifications.",
            "description": "A practical webinar for buyers who plan a market "
            "consultation.\n\n- how to announce it\n- what to ask\n- how to stay "
            "within the procurement rules",
            "kind": "webinar",
            "format": "online",
            "language": "en",
            "online_url": "https://meet.example.eu/koinno-clinic",
            "audience": ["procurers"],
            "sectors": ["ict", "mobility"],
            "topics": ["market consultation"],
            "capacity": 80,
            "questions": [
                {"label": "Organisation", "required": True},
                {"label": "What would you like to ask?", "required": False},
            ],
        },
    ),
    (
        "circular-procurement-city-lab",
        "procedin",
        ["build"],
        26,
        9,
        7,
        "Europe/Lisbon",
        {
            "title": "Circular procurement city lab",
            "summary": "PROCEDIN and BUILD bring city buyers together to plan "
            "tenders for reused building materials and green mobility.",
            "description": "A hands-on day in Lisbon. Cities present their "
            "needs, suppliers answer, and together we draft the next steps.",
            "kind": "workshop",
            "format": "in_person",
            "language": "en",
            "venue": "City innovation hub",
            "city": "Lisbon",
            "country": "PT",
            "audience": ["procurers", "suppliers"],
            "sectors": ["circular", "construction", "mobility"],
            "topics": ["circular economy", "joint procurement"],
            "capacity": 40,
            "questions": [{"label": "Dietary needs", "required": False}],
        },
    ),
    (
        "pcp-risk-assessment-training",
        "build",
        [],
        40,
        13,
        3,
        "Europe/Brussels",
        {
            "title": "Risk assessment in pre-commercial procurement",
            "summary": "BUILD training on spotting and sharing the risks of "
            "buying research and development services.",
            "kind": "training",
            "format": "hybrid",
            "language": "en",
            "venue": "BUILD training room",
            "city": "Brussels",
            "country": "BE",
            "online_url": "https://meet.example.eu/build-pcp",
            "audience": ["procurers", "centre_staff"],
            "sectors": ["other"],
            "topics": ["PCP", "risk"],
            "capacity": 30,
        },
    ),
    (
        "health-innovation-procurement-forum",
        "health-innofacilitator",
        ["pianoo", "keino"],
        55,
        9,
        8,
        "Europe/Helsinki",
        {
            "title": "Health innovation procurement forum",
            "summary": "Hospitals, health regions and suppliers on buying "
            "innovative care solutions together.",
            "kind": "conference",
            "format": "hybrid",
            "language": "en",
            "venue": "Conference centre",
            "city": "Helsinki",
            "country": "FI",
            "online_url": "https://meet.example.eu/health-forum",
            "audience": ["procurers", "suppliers", "policy_makers"],
            "sectors": ["health"],
            "topics": ["hospitals", "joint procurement"],
            "capacity": 150,
        },
    ),
    (
        "buddy-visit-tallinn",
        "estonia",
        ["ioeb"],
        18,
        10,
        6,
        "Europe/Tallinn",
        {
            "title": "Buddy visit: the Estonian centre hosts IÖB",
            "summary": "The Austrian service point visits its Estonian buddy "
            "to compare how both centres counsel buyers.",
            "kind": "buddy_visit",
            "format": "in_person",
            "language": "en",
            "venue": "Estonian competence centre",
            "city": "Tallinn",
            "country": "EE",
            "audience": ["centre_staff"],
            "capacity": 12,
        },
    ),
    (
        "innovatieve-inkoop-netwerkmiddag",
        "pianoo",
        [],
        33,
        14,
        3,
        "Europe/Amsterdam",
        {
            "title": "Netwerkmiddag innovatiegericht inkopen",
            "summary": "Een middag voor inkopers die ervaringen met "
            "innovatiegericht inkopen willen delen.",
            "kind": "networking",
            "format": "in_person",
            "language": "nl",
            "venue": "PIANOo",
            "city": "Den Haag",
            "country": "NL",
            "audience": ["procurers"],
            "sectors": ["energy"],
        },
    ),
    (
        "knowledge-exchange-meeting-legal-support",
        "koinno",
        ["upphandlingsmyndigheten", "greece"],
        -20,
        10,
        5,
        "Europe/Berlin",
        {
            "title": "Knowledge exchange: legal support for innovation buyers",
            "summary": "Centres compared how they answer legal questions; the "
            "meeting prepares an expert opinion paper.",
            "kind": "knowledge_exchange",
            "format": "online",
            "language": "en",
            "online_url": "https://meet.example.eu/kem-legal",
            "audience": ["centre_staff"],
            "topics": ["legal support"],
            "slides_url": "https://files.example.eu/kem-legal-slides.pdf",
            "recording_url": "https://video.example.eu/kem-legal",
        },
    ),
    (
        "task-force-kick-off-webinar",
        "procedin",
        ["build", "health-innofacilitator"],
        -45,
        11,
        2,
        "Europe/Brussels",
        {
            "title": "Innovation Procurement Task Force: kick-off webinar",
            "summary": "The three projects introduced the task force and "
            "invited cities, businesses and organisations to join.",
            "kind": "webinar",
            "format": "online",
            "language": "en",
            "online_url": "https://meet.example.eu/task-force-kick-off",
            "audience": ["procurers", "suppliers", "policy_makers"],
            "sectors": ["circular", "health", "mobility"],
            "recording_url": "https://video.example.eu/task-force-kick-off",
        },
    ),
]


class Command(BaseCommand):
    help = "Create the demo events (run seed_demo first). Existing slugs are kept."

    def add_arguments(self, parser):
        parser.add_argument("--quiet", action="store_true", help="Print nothing.")

    @transaction.atomic
    @scopes_disabled()
    def handle(self, *args, quiet=False, **options):
        slugs = {spec[1] for spec in DEMO_EVENTS} | {
            s for spec in DEMO_EVENTS for s in spec[2]
        }
        centres = {c.slug: c for c in Centre.objects.filter(slug__in=slugs)}
        coordinator = User.objects.filter(is_coordinator=True).order_by("pk").first()
        if not centres or coordinator is None:
            raise CommandError("The demo network is missing: run seed_demo first.")
        existing = set(Event.objects.values_list("slug", flat=True))
        today = timezone.localdate()
        created = 0
        for slug, lead, co, days, hour, hours, zone, data in DEMO_EVENTS:
            if slug in existing or lead not in centres:
                continue
            tz = ZoneInfo(zone)
            day = today + timedelta(days=days)
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
