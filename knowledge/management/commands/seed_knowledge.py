"""Load the knowledge base's demo resources (knowledge/demo/*.yaml). Idempotent."""

import datetime as dt

from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django_scopes import scopes_disabled

from accounts.models import User
from centres.demo_network import USERS
from centres.models import Centre, Membership, Role
from knowledge import services
from knowledge.demo_content import demo_centres, demo_specs, pdf_bytes
from knowledge.models import Resource
from knowledge.search_cache import search_cache_invalidate


class Command(BaseCommand):
    help = (
        "Create the demo resources of the knowledge base (run seed_demo first). "
        "Resources that exist already (same centre and slug) are left alone."
    )

    def add_arguments(self, parser):
        parser.add_argument("--quiet", action="store_true", help="Print nothing.")

    @transaction.atomic
    @scopes_disabled()
    def handle(self, *args, quiet=False, **options):
        centres = {c.slug: c for c in Centre.objects.filter(slug__in=demo_centres())}
        coordinator = self._coordinator()
        if not centres or coordinator is None:
            raise CommandError(
                "The demo network is missing: run `manage.py seed_demo` first."
            )
        staff = self._staff(centres)
        specs = [spec for spec in demo_specs() if spec.centre in centres]
        known = {
            (centre_slug, slug): pk
            for centre_slug, slug, pk in Resource.objects.filter(
                centre__in=centres.values()
            ).values_list("centre__slug", "slug", "pk")
        }

        created: dict[tuple[str, str], Resource] = {}
        published = []
        for spec in specs:
            key = (spec.centre, spec.slug)
            if key in known:
                continue
            centre = centres[spec.centre]
            manager, editor = staff.get(spec.centre, (None, None))
            publisher = manager or coordinator
            writer = (editor or publisher) if spec.status != "published" else publisher
            data = {**spec.data, "slug": spec.slug}
            if spec.translation_of:
                data["translation_of"] = self._get(
                    created, centres, spec.centre, spec.translation_of
                )
            resource = services.resource_create(centre=centre, by=writer, data=data)
            if spec.attachment:
                services.attachment_add(
                    resource=resource,
                    by=writer,
                    upload=ContentFile(
                        pdf_bytes(
                            resource.title,
                            [resource.summary[i : i + 90] for i in range(0, 270, 90)]
                            + ["", f"{centre.short_name} - P2I Portal demo content"],
                        ),
                        name=spec.attachment,
                    ),
                    title=resource.title[:190] + " (PDF)",
                )
            if spec.status == Resource.Status.IN_REVIEW:
                resource = services.resource_submit(resource=resource, by=writer)
            elif spec.status == Resource.Status.PUBLISHED:
                resource = services.resource_publish(resource=resource, by=publisher)
                published.append(resource)
            created[key] = resource

        for spec in specs:
            resource = created.get((spec.centre, spec.slug))
            if resource is None or not spec.related:
                continue
            targets = [
                self._get(created, centres, centre_slug, slug)
                for centre_slug, slug in spec.related
                if centre_slug in centres
            ]
            manager, _editor = staff.get(spec.centre, (None, None))
            services.resource_update(
                resource=resource,
                by=manager or coordinator,
                data={},
                related=[*resource.related.all(), *[t for t in targets if t]],
            )

        # Demo resources were published over the years their dates say; publishing
        # just stamped "now", which would put the whole knowledge base in one year
        # (the year facet and date sort read published_at). Only demo rows made by
        # this run are touched, and only that timestamp.
        for n, resource in enumerate(published):
            day = resource.published_on or dt.date.today()
            resource.published_at = dt.datetime.combine(
                day, dt.time(9, 0), tzinfo=dt.UTC
            ) + dt.timedelta(minutes=n % 480)
        Resource.objects.bulk_update(published, ["published_at"], batch_size=500)
        search_cache_invalidate()  # bulk_update sends no signals

        if not quiet:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Knowledge base demo: {len(created)} resources created, "
                    f"{len(known)} already there."
                )
            )

    @staticmethod
    def _coordinator():
        emails = [u["email"] for u in USERS if u.get("is_coordinator")]
        return (
            User.objects.filter(email__in=emails).first()
            or User.objects.filter(is_coordinator=True).order_by("pk").first()
        )

    @staticmethod
    def _staff(centres) -> dict[str, tuple[User | None, User | None]]:
        """The first manager and editor of each centre (the demo sign-ins)."""
        found: dict[str, dict[str, User]] = {}
        for membership in (
            Membership.objects.filter(centre__in=centres.values())
            .select_related("user", "centre")
            .order_by("pk")
        ):
            found.setdefault(membership.centre.slug, {}).setdefault(
                membership.role, membership.user
            )
        return {
            slug: (roles.get(Role.MANAGER), roles.get(Role.EDITOR))
            for slug, roles in found.items()
        }

    @staticmethod
    def _get(created, centres, centre_slug, slug):
        resource = created.get((centre_slug, slug))
        if resource is None:
            resource = Resource.objects.filter(
                centre=centres[centre_slug], slug=slug
            ).first()
        return resource
