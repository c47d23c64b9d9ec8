"""Load the project's partner organisations (network/demo/partners.yaml). Idempotent."""

from pathlib import Path

from django.core.management.base import BaseCommand
from django.db import transaction

from network.models import Partner, ProjectIdentity
from p2i_portal.demo_data import demo_read

DATA = Path(__file__).resolve().parents[2] / "demo" / "partners.yaml"


class Command(BaseCommand):
    help = "Create or update the partner organisations of the project."

    def add_arguments(self, parser):
        parser.add_argument("--quiet", action="store_true", help="Print nothing.")

    @transaction.atomic
    def handle(self, *args, quiet=False, **options):
        ProjectIdentity.current()
        rows = demo_read(DATA)["partners"]
        for order, raw in enumerate(rows):
            data = {"short_name": "", "country": "", "website": "", **raw}
            organisation = data.pop("organisation")
            partner = Partner(organisation=organisation, order=order, **data)
            partner.full_clean(exclude=["organisation"])
            Partner.objects.update_or_create(
                organisation=organisation, defaults={**data, "order": order}
            )
        if not quiet:
            self.stdout.write(
                self.style.SUCCESS(f"Partner organisations ready: {len(rows)}.")
            )
