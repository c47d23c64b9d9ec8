"""Demo newsletter content: subscribers, two sent issues in the archive and a draft
open for contributions (with one waiting for review). Idempotent."""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django_scopes import scopes_disabled

from accounts.models import User
from centres.models import Centre
from knowledge.models import Resource
from newsletters.models import (
    CONSENT_HASH,
    CONSENT_VERSION,
    Delivery,
    Issue,
    Section,
    Subscriber,
)

SUBSCRIBERS = [
    ("anna.berg@city-malmo.example", "Anna Berg", "sv", "SE", "weekly", ["mobility"]),
    ("jan.devries@gemeente.example", "Jan de Vries", "nl", "NL", "monthly", ["ict"]),
    ("maria.rossi@comune.example", "Maria Rossi", "it", "IT", "none", []),
    ("kati.tamm@linn.example", "Kati Tamm", "et", "EE", "weekly", ["health"]),
    ("sofia.pereira@camara.example", "Sofia Pereira", "pt", "PT", "none", []),
]

ISSUES = [
    {
        "slug": "task-force-news-september",
        "subject": "Task force news: September",
        "preheader": "Circular procurement in cities, and a new training track.",
        "intro": "Welcome to the joint newsletter of **PROCEDIN**, **BUILD** and "
        "**Health InnoFacilitator**. This month: what cities learned from "
        "circular tenders, and how to sign up for the autumn training.",
        "days_ago": 60,
        "sections": [
            (
                "procedin",
                "Circular tenders that worked",
                "Three cities shared how they asked the market for reusable "
                "furniture and repairable equipment, and what they would do "
                "differently next time.",
            ),
            (
                "build",
                "Autumn training track opens",
                "Eight online sessions on market consultation, pre-commercial "
                "procurement and risk assessment, for procurers and SMEs alike.",
            ),
        ],
    },
    {
        "slug": "task-force-news-october",
        "subject": "Task force news: October",
        "preheader": "Innovation in hospitals, and the network's new centres.",
        "intro": "Hospitals buy more innovation than they think. This issue looks "
        "at procurement in healthcare and welcomes the network's newest centres.",
        "days_ago": 30,
        "sections": [
            (
                "health-innofacilitator",
                "Buying innovation for hospitals",
                "How a regional hospital group used an open market consultation "
                "before buying remote monitoring, step by step.",
            ),
            (
                None,
                "News from the network",
                "Five new competence centres have joined, each paired with an "
                "existing centre for a buddy exchange.",
            ),
        ],
    },
]


class Command(BaseCommand):
    help = "Create or update demo newsletter data (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--quiet", action="store_true")

    @transaction.atomic
    @scopes_disabled()
    def handle(self, *args, quiet=False, **options):
        now = timezone.now()
        coordinator = User.objects.filter(is_coordinator=True).order_by("pk").first()
        centres = {c.slug: c for c in Centre.objects.all()}
        for email, name, language, country, frequency, sectors in SUBSCRIBERS:
            Subscriber.objects.update_or_create(
                email=email,
                defaults={
                    "name": name,
                    "language": language,
                    "country": country,
                    "status": Subscriber.Status.CONFIRMED,
                    "wants_newsletter": True,
                    "digest_frequency": frequency,
                    "sectors": sectors,
                    "confirmed_at": now - timedelta(days=90),
                    "consent_at": now - timedelta(days=90),
                    "consent_version": CONSENT_VERSION,
                    "consent_hash": CONSENT_HASH,
                },
            )
        subscribers = list(
            Subscriber.objects.filter(email__in=[s[0] for s in SUBSCRIBERS])
        )
        recent = list(Resource.objects.public().order_by("-published_at")[:4])
        for number, raw in enumerate(ISSUES):
            sent_at = now - timedelta(days=raw["days_ago"])
            issue, _ = Issue.objects.update_or_create(
                slug=raw["slug"],
                defaults={
                    "subject": raw["subject"],
                    "preheader": raw["preheader"],
                    "intro": raw["intro"],
                    "status": Issue.Status.SENT,
                    "contributions_open": False,
                    "sending_started_at": sent_at,
                    "queued_at": sent_at,
                    "sent_at": sent_at,
                    "recipient_count": len(SUBSCRIBERS),
                    "created_by": coordinator,
                },
            )
            self._sections(issue, raw["sections"], centres, coordinator)
            # A sent issue went to every demo subscriber: its progress page
            # counts these rows.
            for subscriber in subscribers:
                Delivery.objects.get_or_create(
                    issue=issue,
                    subscriber=subscriber,
                    defaults={"status": Delivery.Status.SENT, "sent_at": sent_at},
                )
            section = Section.objects.filter(issue=issue).order_by("position").first()
            if section and recent:
                section.resources.set(recent[number * 2 : number * 2 + 2])
        draft, _ = Issue.objects.update_or_create(
            slug="task-force-news-next",
            defaults={
                "subject": "Task force news: next issue",
                "preheader": "Joint workshops and what the centres are working on.",
                "intro": "Draft: contributions from the centres and projects welcome.",
                "status": Issue.Status.DRAFT,
                "contributions_open": True,
                "contribution_deadline": (now + timedelta(days=14)).date(),
                "created_by": coordinator,
            },
        )
        if "procedin" in centres and not Section.objects.filter(issue=draft).exists():
            Section.objects.create(
                issue=draft,
                centre=centres["procedin"],
                title="Green mobility pilots",
                body="Four cities test electric buses bought through a joint "
                "pre-commercial procurement.",
                status=Section.Status.SUBMITTED,
                position=10,
            )
        if not quiet:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Newsletter: {Subscriber.objects.count()} subscribers, "
                    f"{Issue.objects.sent().count()} sent issues, 1 draft."
                )
            )

    def _sections(self, issue, sections, centres, coordinator):
        for position, (slug, title, body) in enumerate(sections, start=1):
            Section.objects.update_or_create(
                issue=issue,
                title=title,
                defaults={
                    "centre": centres.get(slug) if slug else None,
                    "body": body,
                    "status": Section.Status.ACCEPTED,
                    "position": position * 10,
                    "created_by": coordinator,
                },
            )
