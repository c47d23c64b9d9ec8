"""Load the demo advice requests (advice/demo/requests.yaml). Idempotent: a
request whose subject exists is left as it is."""

from datetime import timedelta
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django_scopes import scopes_disabled

from accounts.models import User
from advice import services
from advice.models import AdviceRequest, add_working_days
from centres.models import Centre, Membership
from p2i_portal.demo_data import demo_read

DEMO_FILE = Path(__file__).resolve().parents[2] / "demo" / "requests.yaml"
QUESTION_KEYS = [
    "subject", "question", "country", "organisation_type", "sector", "approach",
    "consent_publish",
]  # fmt: skip


class Command(BaseCommand):
    help = "Create the demo advice requests (run seed_demo first)."

    def add_arguments(self, parser):
        parser.add_argument("--quiet", action="store_true", help="Print nothing.")

    @transaction.atomic
    @scopes_disabled()
    def handle(self, *args, quiet=False, **options):
        coordinator = User.objects.filter(is_coordinator=True).order_by("pk").first()
        if coordinator is None:
            raise CommandError("The demo network is missing: run seed_demo first.")
        existing = set(AdviceRequest.objects.values_list("subject", flat=True))
        created = 0
        for spec in demo_read(DEMO_FILE)["requests"]:
            if spec["subject"] in existing:
                continue
            user = User.objects.filter(email=spec.get("user", "")).first()
            data = {k: spec.get(k, "") for k in QUESTION_KEYS}
            data["consent_publish"] = bool(spec.get("consent_publish"))
            request = services.request_create(
                data=data,
                user=user,
                name=spec.get("name", ""),
                email=spec.get("email", ""),
                language="en",
            )
            if user is None:
                request = services.request_confirm(request=request)
            self._backdate(request, spec.get("days_ago", 0))
            for step in spec.get("steps", []):
                request = self._step(request, step, coordinator)
            created += 1
        if not quiet:
            self.stdout.write(f"Demo advice requests: {created} created.")

    @staticmethod
    def _backdate(request, days):
        when = timezone.now() - timedelta(days=days)
        due = add_working_days(
            timezone.localdate(when), services.response_days(request.centre)
        )
        AdviceRequest.objects.filter(pk=request.pk).update(
            created_at=when, confirmed_at=when, due_on=due
        )

    @staticmethod
    def _actor(request, step, coordinator):
        if step.get("by"):
            return User.objects.get(email=step["by"])
        first = (
            Membership.objects.filter(centre=request.centre).order_by("pk").first()
            if request.centre
            else None
        )
        return first.user if first else coordinator

    def _step(self, request, step, coordinator):
        request = AdviceRequest.objects.get(pk=request.pk)
        by = self._actor(request, step, coordinator)
        if "assign" in step:
            services.request_assign(
                request=request, by=by, assignee=User.objects.get(email=step["assign"])
            )
        elif "reply" in step:
            services.request_reply(
                request=request, by=by, body=step["reply"], status=step.get("status")
            )
        elif "procurer" in step:
            services.request_procurer_reply(request=request, body=step["procurer"])
        elif "note" in step:
            services.request_note_add(request=request, by=by, body=step["note"])
        elif "status" in step:
            services.request_set_status(request=request, by=by, status=step["status"])
        elif "transfer" in step:
            services.request_transfer(
                request=request,
                by=by,
                to_centre=Centre.objects.get(slug=step["transfer"]["to"]),
                note=step["transfer"]["note"],
            )
        return AdviceRequest.objects.get(pk=request.pk)
