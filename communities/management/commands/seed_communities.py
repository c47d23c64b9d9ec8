"""Load the demo communities of practice (communities/demo/communities.yaml).
Idempotent: a community whose slug exists is left as it is."""

from datetime import timedelta
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django_scopes import scopes_disabled

from accounts.models import User
from centres.demo_network import DEMO_PASSWORD
from centres.models import Centre
from communities import services
from communities.models import Community, CommunityMember, Post, Thread
from p2i_portal.demo_data import demo_read

DEMO_FILE = Path(__file__).resolve().parents[2] / "demo" / "communities.yaml"


class Command(BaseCommand):
    help = "Create the demo communities of practice (run seed_demo first)."

    def add_arguments(self, parser):
        parser.add_argument("--quiet", action="store_true", help="Print nothing.")

    @transaction.atomic
    @scopes_disabled()
    def handle(self, *args, quiet=False, **options):
        data = demo_read(DEMO_FILE)
        for raw in data["people"]:
            user, created = User.objects.get_or_create(
                email=raw["email"],
                defaults={k: raw[k] for k in ("full_name", "organisation", "country")},
            )
            if created:
                user.set_password(DEMO_PASSWORD)
                # Established members: their posts need no approval.
                user.date_joined = timezone.now() - timedelta(days=400)
                user.save()
        created = 0
        for spec in data["communities"]:
            if Community.objects.filter(slug=spec["slug"]).exists():
                continue
            owner = Centre.objects.filter(slug=spec["owner"]).first()
            if owner is None:
                raise CommandError("The demo network is missing: run seed_demo first.")
            community = Community.objects.create(
                centre=owner,
                slug=spec["slug"],
                name=spec["name"],
                purpose=spec["purpose"],
                sector=spec.get("sector", ""),
                language=spec.get("language", "en"),
                visibility=spec["visibility"],
            )
            for email in spec.get("moderators", []):
                CommunityMember.objects.create(
                    community=community,
                    user=User.objects.get(email=email),
                    role=CommunityMember.Role.MODERATOR,
                )
            for email in spec.get("members", []):
                CommunityMember.objects.create(
                    community=community, user=User.objects.get(email=email)
                )
            for thread_spec in spec.get("threads", []):
                self._thread(community, thread_spec)
            created += 1
        if not quiet:
            self.stdout.write(f"Demo communities: {created} created.")

    @staticmethod
    def _when(days_ago):
        return timezone.now() - timedelta(days=days_ago)

    def _thread(self, community, spec):
        thread = services.thread_start(
            community=community,
            author=User.objects.get(email=spec["by"]),
            title=spec["title"],
            body=spec["body"],
        )
        when = self._when(spec.get("days_ago", 0))
        thread.posts.update(created_at=when)
        Thread.objects.filter(pk=thread.pk).update(
            created_at=when, last_posted_at=when, pinned=spec.get("pinned", False)
        )
        for reply in spec.get("replies", []):
            post = services.post_reply(
                thread=thread,
                author=User.objects.get(email=reply["by"]),
                body=reply["body"],
            )
            when = self._when(reply.get("days_ago", 0))
            Post.objects.filter(pk=post.pk).update(created_at=when)
            Thread.objects.filter(pk=thread.pk).update(last_posted_at=when)
