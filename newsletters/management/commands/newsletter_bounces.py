"""Read a bounce mailbox (mbox file or Maildir) and feed the suppression list."""

import mailbox
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from newsletters import rendering, services
from newsletters.bounces import parse_message


class Command(BaseCommand):
    help = (
        "Parse delivery status notifications, complaint reports and mailto: "
        "unsubscribe requests in a mailbox: hard bounces and complaints suppress "
        "the address, soft bounces are scored. Run it from cron or a beat task."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="An mbox file or a Maildir directory.")
        parser.add_argument(
            "--delete",
            action="store_true",
            help="Remove each message once it is processed.",
        )

    def handle(self, *args, path, delete=False, **options):
        target = Path(path)
        if target.is_dir():
            box = mailbox.Maildir(target, factory=None, create=False)
        elif target.is_file():
            box = mailbox.mbox(target, create=False)
        else:
            raise CommandError(f"No mailbox at {path}")
        counts = {"hard": 0, "soft": 0, "complaint": 0, "unsubscribe": 0, "other": 0}
        box.lock()
        try:
            for key in list(box.keys()):
                raw = box.get_bytes(key)
                reports = parse_message(raw)
                if not reports:
                    counts["other"] += 1
                for report in reports:
                    if report.kind == "unsubscribe":
                        subscriber = rendering.subscriber_from_token(report.token)
                        if subscriber is not None:
                            services.subscriber_unsubscribe(
                                subscriber=subscriber, list_name=report.list_name
                            )
                            counts["unsubscribe"] += 1
                        continue
                    services.bounce_record(
                        email=report.email,
                        kind=report.kind,
                        source="mailbox",
                        detail=report.detail,
                    )
                    counts[report.kind] += 1
                if delete:
                    box.remove(key)
            box.flush()
        finally:
            box.unlock()
            box.close()
        self.stdout.write(
            ", ".join(f"{kind}: {number}" for kind, number in counts.items())
        )
