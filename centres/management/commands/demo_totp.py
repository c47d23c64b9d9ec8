"""Print the current TOTP code of a demo account (demo secret only)."""

from allauth.mfa.models import Authenticator
from django.core.management.base import BaseCommand, CommandError

from accounts.models import User
from accounts.totp import totp_code_now
from centres.demo_network import DEMO_TOTP_SECRET


class Command(BaseCommand):
    help = "Print the current two-factor code of a demo account."

    def add_arguments(self, parser):
        parser.add_argument("email")

    def handle(self, *args, email, **options):
        user = User.objects.filter(email=email.lower()).first()
        if user is None:
            raise CommandError(f"No account {email}.")
        if not Authenticator.objects.filter(
            user=user, type=Authenticator.Type.TOTP
        ).exists():
            raise CommandError(f"{email} has no two-factor authenticator yet.")
        self.stdout.write(totp_code_now(DEMO_TOTP_SECRET))
