"""Load the demo network (centres/demo/network.yaml) and the apps' demo data. Idempotent."""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django_scopes import scopes_disabled

from accounts.models import User
from centres.demo_network import CENTRES, DEMO_PASSWORD, DEMO_TOTP_SECRET, USERS
from centres.models import Centre, Membership


class Command(BaseCommand):
    help = "Create or update the demo network (centres, projects, demo users)."

    def add_arguments(self, parser):
        parser.add_argument("--quiet", action="store_true", help="Print nothing.")

    @transaction.atomic
    @scopes_disabled()
    def handle(self, *args, quiet=False, **options):
        by_slug = {}
        for raw in CENTRES:
            data = dict(raw)
            slug = data.pop("slug")
            data.pop("buddy", None)
            data.setdefault("kind", Centre.Kind.NATIONAL)
            centre, _ = Centre.objects.update_or_create(slug=slug, defaults=data)
            by_slug[slug] = centre
        for raw in CENTRES:
            buddy = by_slug.get(raw.get("buddy")) if raw.get("buddy") else None
            centre = by_slug[raw["slug"]]
            if centre.buddy_id != (buddy.pk if buddy else None):
                centre.buddy = buddy
                centre.save(update_fields=["buddy"])

        for raw in USERS:
            user = User.objects.filter(email=raw["email"]).first()
            if user is None:
                user = User(email=raw["email"])
                user.set_password(DEMO_PASSWORD)
            for field in ("full_name", "organisation", "country", "is_coordinator"):
                if field in raw:
                    setattr(user, field, raw[field])
            user.profile_role = raw.get("profile_role", User.ProfileRole.OTHER)
            user.save()
            EmailAddress.objects.update_or_create(
                user=user,
                email=user.email,
                defaults={"verified": True, "primary": True},
            )
            for slug, role in raw.get("memberships", []):
                Membership.objects.update_or_create(
                    centre=by_slug[slug],
                    user=user,
                    defaults={"role": role, "public_title": raw.get("title", "")},
                )
            if (
                raw.get("totp")
                and not Authenticator.objects.filter(
                    user=user, type=Authenticator.Type.TOTP
                ).exists()
            ):
                TOTP.activate(user, DEMO_TOTP_SECRET)

        call_command("seed_knowledge", quiet=quiet)
        call_command("seed_events", quiet=quiet)
        call_command("seed_newsletter", quiet=quiet)
        call_command("seed_onboarding", quiet=quiet)
        call_command("seed_partners", quiet=quiet)
        call_command("seed_advice", quiet=quiet)
        call_command("seed_challenges", quiet=quiet)
        call_command("seed_profiles", quiet=quiet)
        call_command("seed_communities", quiet=quiet)
        call_command("seed_taskforce", quiet=quiet)
        call_command("seed_plans", quiet=quiet)

        if not quiet:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Demo network ready: {len(by_slug)} centres and projects."
                )
            )
            call_command("demo_signins", stdout=self.stdout)
