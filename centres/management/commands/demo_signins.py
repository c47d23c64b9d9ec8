"""Print the demo sign-ins and the address to open (the end of `make run`)."""

from django.core.management.base import BaseCommand
from django.urls import reverse

from centres.demo_network import CENTRES, DEMO_PASSWORD, USERS


class Command(BaseCommand):
    help = "Print the demo sign-ins of the demo network and where to use them."

    def add_arguments(self, parser):
        parser.add_argument(
            "--url",
            default="http://127.0.0.1:8000",
            help="Address the portal is served at.",
        )

    def handle(self, *args, url, **options):
        base = url.rstrip("/")
        names = {c["slug"]: c["short_name"] for c in CENTRES}
        self.stdout.write("")
        self.stdout.write(
            self.style.SUCCESS(f"P2I Portal with the demo network: {base}/")
        )
        self.stdout.write(
            f"Sign in at {base}{reverse('account_login')} "
            f"(password for all: {DEMO_PASSWORD}):"
        )
        for raw in USERS:
            roles = ", ".join(
                f"{role} of {names.get(slug, slug)}"
                for slug, role in raw.get("memberships", [])
            )
            what = "network coordinator" if raw.get("is_coordinator") else roles
            what = what or "procurer"
            if raw.get("totp"):
                what += f"  [2FA: make totp EMAIL={raw['email']}]"
            self.stdout.write(f"  {raw['email']:<28} {what}")
        self.stdout.write("")
