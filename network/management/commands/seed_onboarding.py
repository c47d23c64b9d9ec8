"""Load the demo onboarding (network/demo/onboarding.yaml). Idempotent."""

from datetime import timedelta
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django_scopes import scopes_disabled

from accounts.models import User
from centres.models import Centre
from network import onboarding_services as services
from network.models import (
    CentreOnboarding,
    CentreStatusChange,
    Milestone,
    MilestoneDefinition,
)
from p2i_portal.demo_data import demo_read

DEMO_FILE = Path(__file__).resolve().parents[2] / "demo" / "onboarding.yaml"


class Command(BaseCommand):
    help = "Create the demo milestones, onboardings and status history."

    def add_arguments(self, parser):
        parser.add_argument("--quiet", action="store_true", help="Print nothing.")

    @transaction.atomic
    @scopes_disabled()
    def handle(self, *args, quiet=False, **options):
        data = demo_read(DEMO_FILE)
        coordinator = User.objects.filter(is_coordinator=True).order_by("pk").first()
        centres = {c.slug: c for c in Centre.objects.all()}
        if not centres or coordinator is None:
            raise CommandError("The demo network is missing: run seed_demo first.")
        self._definitions(data["milestones"])
        started = self._onboardings(data["onboardings"], centres, coordinator)
        self._history(data["status_history"], centres)
        if not quiet:
            self.stdout.write(f"Onboarding: {started} centre(s) started.")

    def _definitions(self, specs):
        for order, spec in enumerate(specs, start=1):
            if not MilestoneDefinition.objects.filter(title=spec["title"]).exists():
                MilestoneDefinition.objects.create(order=order * 10, **spec)

    def _onboardings(self, specs, centres, coordinator) -> int:
        today = timezone.localdate()
        started = 0
        for spec in specs:
            centre = centres.get(spec["centre"])
            if centre is None:
                continue
            if CentreOnboarding.objects.filter(centre=centre).exists():
                continue  # progress made since seeding stays as it is
            start = today - timedelta(days=spec["started_days_ago"])
            services.centre_onboarding_start(centre=centre, start=start, by=coordinator)
            started += 1
            milestones = {
                m.definition.title: m
                for m in Milestone.objects.filter(centre=centre).select_related(
                    "definition"
                )
            }
            for title, progress in spec.get("progress", {}).items():
                milestone = milestones.get(title)
                if milestone is None:
                    continue
                services.milestone_update(
                    milestone=milestone, by=coordinator, data=progress
                )
                if progress["status"] == Milestone.Status.DONE:
                    # Done a few days before it was due, as a real centre would.
                    done_at = timezone.make_aware(
                        timezone.datetime.combine(
                            milestone.due_on - timedelta(days=3),
                            timezone.datetime.min.time().replace(hour=10),
                        )
                    )
                    Milestone.objects.filter(pk=milestone.pk).update(
                        completed_at=done_at
                    )
        return started

    def _history(self, specs, centres):
        for slug, entries in specs.items():
            centre = centres.get(slug)
            if centre is None:
                continue
            dates, old = set(), ""
            for entry in entries:
                CentreStatusChange.objects.get_or_create(
                    centre=centre,
                    new_status=entry["status"],
                    changed_on=entry["date"],
                    defaults={"old_status": old},
                )
                dates.add(entry["date"])
                old = entry["status"]
            # The row the first save of the demo centre wrote (dated the day of
            # seeding) gives way to the centre's real first status.
            CentreStatusChange.objects.filter(centre=centre, old_status="").exclude(
                changed_on__in=dates
            ).delete()
