"""Reads that combine querysets: the compose overview, sending progress, and a
centre's contributions."""

from django.db.models import Count, Q
from django.utils import timezone
from django_scopes import scopes_disabled

from . import services
from .models import Delivery, Issue, Section


@scopes_disabled()
def issue_list_for_composer() -> list[Issue]:
    """Every issue with its section counts (crosses centres: composer only)."""
    return list(
        Issue.objects.annotate(
            section_count=Count(
                "sections", filter=Q(sections__status=Section.Status.ACCEPTED)
            ),
            waiting_count=Count(
                "sections", filter=Q(sections__status=Section.Status.SUBMITTED)
            ),
        ).order_by("-created_at")
    )


@scopes_disabled()
def issue_overview(issue: Issue) -> dict:
    """What the composer sees of one issue: sections by state, and the audience."""
    sections = list(
        Section.objects.filter(issue=issue)
        .select_related("centre", "created_by")
        .prefetch_related("resources")
    )
    return {
        "issue": issue,
        "accepted": [s for s in sections if s.status == Section.Status.ACCEPTED],
        "submitted": [s for s in sections if s.status == Section.Status.SUBMITTED],
        "in_progress": [
            s
            for s in sections
            if s.status in (Section.Status.DRAFT, Section.Status.RETURNED)
        ],
        "audience_count": services.issue_audience(issue).count(),
    }


def issue_progress(issue: Issue) -> dict:
    """Queued / sending / sent / failed / skipped counts in one query, and an
    estimate of the time left from the rate since sending started."""
    counts = dict.fromkeys(Delivery.Status.values, 0)
    for row in (
        Delivery.objects.filter(issue_id=issue.pk)
        .values("status")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        counts[row["status"]] = row["n"]
    total = sum(counts.values())
    done = counts["sent"] + counts["failed"] + counts["skipped"]
    left = counts["queued"] + counts["sending"]
    issue.refresh_from_db(fields=["status", "sent_at", "sending_started_at"])
    seconds_left = None
    rate = None
    if issue.sending_started_at and done and left:
        elapsed = (timezone.now() - issue.sending_started_at).total_seconds()
        if elapsed > 0:
            rate = done / elapsed
            seconds_left = int(left / rate) if rate else None
    return {
        "status": issue.status,
        "status_label": str(Issue.Status(issue.status).label),
        "total": total,
        "done": done,
        # From the deliveries alone: an issue with none has sent nothing.
        "percent": int(100 * done / total) if total else 0,
        "seconds_left": seconds_left,
        "rate": round(rate, 1) if rate else None,
        "finished": issue.status == Issue.Status.SENT,
        **counts,
    }


def section_list_for_centre(centre) -> list[Section]:
    """A centre's own sections (runs inside the centre's scope)."""
    return list(
        Section.objects.for_centre(centre)
        .select_related("issue")
        .order_by("-created_at")
    )
