"""Load the demo open market consultations (cooperation/demo/challenges.yaml).
Idempotent: a challenge whose title exists is left as it is."""

from datetime import timedelta
from pathlib import Path

from allauth.account.models import EmailAddress
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django_scopes import scopes_disabled

from accounts.models import User
from centres.demo_network import DEMO_PASSWORD
from centres.models import Membership
from cooperation import challenge_services as services
from cooperation.models import Challenge
from p2i_portal.demo_data import demo_read

DEMO_FILE = Path(__file__).resolve().parents[2] / "demo" / "challenges.yaml"


class Command(BaseCommand):
    help = "Create the demo open market consultations (run seed_demo first)."

    def add_arguments(self, parser):
        parser.add_argument("--quiet", action="store_true", help="Print nothing.")

    @transaction.atomic
    @scopes_disabled()
    def handle(self, *args, quiet=False, **options):
        demo = demo_read(DEMO_FILE)
        for spec in demo["suppliers"]:
            self._supplier(spec)
        existing = set(Challenge.objects.values_list("title", flat=True))
        created = 0
        for spec in demo["challenges"]:
            if spec["title"] in existing:
                continue
            self._challenge(spec)
            created += 1
        if not quiet:
            self.stdout.write(f"Demo challenges: {created} created.")

    @staticmethod
    def _supplier(spec) -> User:
        user = User.objects.filter(email=spec["email"]).first()
        if user is None:
            user = User(email=spec["email"], profile_role=User.ProfileRole.SUPPLIER)
            user.set_password(DEMO_PASSWORD)
            for field in ("full_name", "organisation", "country"):
                setattr(user, field, spec.get(field, ""))
            user.save()
            EmailAddress.objects.update_or_create(
                user=user,
                email=user.email,
                defaults={"verified": True, "primary": True},
            )
        return user

    def _challenge(self, spec) -> None:
        buyer = User.objects.filter(email=spec["buyer"]).first()
        if buyer is None:
            raise CommandError("The demo network is missing: run seed_demo first.")
        today = timezone.localdate()
        deadline = today + timedelta(days=spec["deadline_in"])
        data = {
            key: spec.get(key, "")
            for key in (
                "title", "organisation", "problem", "known", "questions",
                "language", "sector", "country",
            )
        }  # fmt: skip
        # Drafted with a deadline ahead, so that it can be published, then
        # moved to the demo's deadline (a closed one lies in the past).
        data["deadline"] = max(deadline, today)
        challenge = services.challenge_create(buyer=buyer, data=data)
        challenge = services.challenge_submit(challenge=challenge, by=buyer)
        reviewer = (
            Membership.objects.filter(centre=challenge.centre).order_by("pk").first()
        )
        challenge = services.challenge_publish(
            challenge=challenge, by=reviewer.user if reviewer else buyer
        )
        for entry in spec.get("answers", []):
            services.answer_save(
                challenge=challenge,
                supplier=User.objects.get(email=entry["supplier"]),
                data={
                    "organisation": User.objects.get(
                        email=entry["supplier"]
                    ).organisation,
                    "answers": entry.get("answers", []),
                    "general": entry.get("general", ""),
                },
            )
        if deadline < today:
            Challenge.objects.filter(pk=challenge.pk).update(deadline=deadline)
            challenge = Challenge.objects.get(pk=challenge.pk)
        if spec.get("summary"):
            services.summary_publish(
                challenge=challenge, by=buyer, summary=spec["summary"]
            )
