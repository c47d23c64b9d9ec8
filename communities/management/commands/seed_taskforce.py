"""Load the demo task-force applications (communities/demo/taskforce.yaml).
Idempotent: an application whose address exists is left as it is."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from accounts.models import User
from centres.models import Centre
from communities import participation_services as services
from communities.models import TaskForceApplication
from p2i_portal.demo_data import demo_read

DEMO_FILE = Path(__file__).resolve().parents[2] / "demo" / "taskforce.yaml"
DATA_KEYS = [
    "organisation", "organisation_type", "country", "contact_name", "motivation",
    "sectors", "consent_directory",
]  # fmt: skip


class Command(BaseCommand):
    help = "Create the demo task-force applications (run seed_demo first)."

    def add_arguments(self, parser):
        parser.add_argument("--quiet", action="store_true", help="Print nothing.")

    @transaction.atomic
    def handle(self, *args, quiet=False, **options):
        coordinator = User.objects.filter(is_coordinator=True).order_by("pk").first()
        if coordinator is None:
            raise CommandError("The demo network is missing: run seed_demo first.")
        existing = set(TaskForceApplication.objects.values_list("email", flat=True))
        created = 0
        for spec in demo_read(DEMO_FILE)["applications"]:
            if spec["email"] in existing:
                continue
            application = services.application_create(
                data={k: spec.get(k, "") for k in DATA_KEYS},
                email=spec["email"],
                projects=Centre.objects.filter(slug__in=spec["projects"]),
                language="en",
            )
            created += 1
            if spec.get("unconfirmed"):
                continue
            application = services.application_confirm(application=application)
            for step in spec.get("steps", []):
                self._step(application, step, coordinator)
            if spec.get("website") or spec.get("profile"):
                application.refresh_from_db()
                if application.is_member:
                    services.member_profile_update(
                        application=application,
                        data={
                            "website": spec.get("website", ""),
                            "profile": spec.get("profile", ""),
                        },
                    )
        if not quiet:
            self.stdout.write(f"Demo task-force applications: {created} created.")

    @staticmethod
    def _step(application, step, coordinator):
        application.refresh_from_db()
        if "accept" in step:
            services.application_accept(
                application=application,
                project=Centre.objects.get(slug=step["accept"]),
                by=coordinator,
            )
        elif "ask" in step:
            services.application_ask(
                application=application,
                project=Centre.objects.get(slug=step["ask"]),
                by=coordinator,
                question=step["question"],
            )
        elif "answer" in step:
            services.application_answer(application=application, body=step["answer"])
        elif "decline" in step:
            services.application_decline(
                application=application,
                project=Centre.objects.get(slug=step["decline"]),
                by=coordinator,
                message=step["message"],
            )
