"""Load the demo profiles (cooperation/demo/profiles.yaml), and the few demo
accounts they need. Idempotent: running it again updates the same rows."""

from pathlib import Path

from allauth.account.models import EmailAddress
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from accounts.models import User
from centres.demo_network import DEMO_PASSWORD
from cooperation import profile_services
from cooperation.models import Profile
from p2i_portal.demo_data import demo_read

DEMO_FILE = Path(__file__).resolve().parents[2] / "demo" / "profiles.yaml"
ACCOUNT_FIELDS = ["full_name", "organisation", "country", "profile_role"]


class Command(BaseCommand):
    help = "Create the demo profiles of buyers and suppliers (run seed_demo first)."

    def add_arguments(self, parser):
        parser.add_argument("--quiet", action="store_true", help="Print nothing.")

    @transaction.atomic
    def handle(self, *args, quiet=False, **options):
        data = demo_read(DEMO_FILE)
        for raw in data.get("accounts", []):
            user = User.objects.filter(email=raw["email"]).first()
            if user is None:
                user = User(email=raw["email"])
                user.set_password(DEMO_PASSWORD)
            for field in ACCOUNT_FIELDS:
                setattr(user, field, raw.get(field, ""))
            user.save()
            EmailAddress.objects.update_or_create(
                user=user,
                email=user.email,
                defaults={"verified": True, "primary": True},
            )
        created = 0
        for raw in data["profiles"]:
            spec = dict(raw)
            user = User.objects.filter(email=spec.pop("user")).first()
            if user is None:
                raise CommandError("A demo profile's owner is missing: run seed_demo.")
            profile = Profile.objects.filter(user=user).first()
            if profile is None:
                profile_services.profile_create(user=user, data=spec)
                created += 1
            else:
                profile_services.profile_update(profile=profile, data=spec)
        if not quiet:
            self.stdout.write(f"Demo profiles: {created} created.")
