"""Load the demo procurement plans (cooperation/demo/plans.yaml). Idempotent: a
buyer's plan whose title exists is left as it is."""

from datetime import date
from pathlib import Path

from allauth.account.models import EmailAddress
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from centres.demo_network import DEMO_PASSWORD
from cooperation import plan_services
from cooperation.models import ProcurementPlan
from p2i_portal.demo_data import demo_read

DEMO_FILE = Path(__file__).resolve().parents[2] / "demo" / "plans.yaml"
PLAN_KEYS = [
    "title", "description", "cpv_codes", "sector", "budget_range",
    "joint_procurement", "visibility",
]  # fmt: skip


def months_from_now(months: int) -> date:
    today = timezone.localdate()
    index = today.year * 12 + today.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


class Command(BaseCommand):
    help = "Create the demo procurement plans and their buyers."

    def add_arguments(self, parser):
        parser.add_argument("--quiet", action="store_true", help="Print nothing.")

    @transaction.atomic
    def handle(self, *args, quiet=False, **options):
        demo = demo_read(DEMO_FILE)
        buyers = {}
        for raw in demo["buyers"]:
            user = User.objects.filter(email=raw["email"]).first()
            if user is None:
                user = User(email=raw["email"], profile_role=User.ProfileRole.PROCURER)
                user.set_password(DEMO_PASSWORD)
                for field in ("full_name", "organisation", "country"):
                    setattr(user, field, raw[field])
                user.save()
                EmailAddress.objects.update_or_create(
                    user=user,
                    email=user.email,
                    defaults={"verified": True, "primary": True},
                )
            buyers[raw["email"]] = (user, raw)
        created = 0
        for spec in demo["plans"]:
            user, raw = buyers[spec["buyer"]]
            if ProcurementPlan.objects.filter(owner=user, title=spec["title"]).exists():
                continue
            data = {k: spec[k] for k in PLAN_KEYS}
            data.update(
                organisation=raw["organisation"],
                country=raw["country"],
                start_month=months_from_now(spec["start"]),
                end_month=months_from_now(spec["end"]),
            )
            plan_services.plan_create(owner=user, data=data)
            created += 1
        if not quiet:
            self.stdout.write(f"Demo procurement plans: {created} created.")
