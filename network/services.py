"""Writes of the network console: partners and the project's identity (callers
have checked that the user is the coordinator), and reporting exports (each
service states who may ask)."""

from __future__ import annotations

import datetime as dt
import logging
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import User
from centres.caching import centres_changed
from centres.models import Centre, Role
from centres.services import audit_log

from .indicators import Granularity
from .models import Partner, ProjectIdentity, ReportExport

PARTNER_FIELDS = [
    "organisation",
    "short_name",
    "country",
    "role",
    "website",
    "logo",
    "is_active",
]
IDENTITY_FIELDS = [
    "name",
    "start_year",
    "end_year",
    "partner_count",
    "funding_programme",
    "grant_agreement",
]


@transaction.atomic
def partner_create(*, by: User, data: dict) -> Partner:
    """Add a partner organisation at the end of the list.

    Raises ValidationError (nothing saved) for a bad URL, logo or duplicate name.
    """
    last = Partner.objects.aggregate(last=Max("order"))["last"]
    partner = Partner(
        **{f: data[f] for f in PARTNER_FIELDS if f in data},
        order=0 if last is None else last + 1,
    )
    partner.full_clean()
    partner.save()
    audit_log(
        centre=None,
        action="network.partner.created",
        by=by,
        target=partner.organisation,
        obj=partner,
    )
    return partner


@transaction.atomic
def partner_update(*, partner: Partner, by: User, data: dict) -> Partner:
    """Change a partner; records which fields changed (nothing when none did).
    A replaced or cleared logo's file is deleted once the change is committed.

    Raises ValidationError and leaves the row as it was on bad input.
    """
    data = dict(data)
    if data.get("logo") is False:  # the form's "clear" box
        data["logo"] = ""
    changed = [
        f for f in PARTNER_FIELDS if f in data and getattr(partner, f) != data[f]
    ]
    if not changed:
        return partner
    old_logo = partner.logo.name if "logo" in changed else ""
    for field in changed:
        setattr(partner, field, data[field])
    partner.full_clean()
    partner.save(update_fields=[*changed, "updated_at"])
    if old_logo and old_logo != partner.logo.name:
        storage = partner.logo.storage
        transaction.on_commit(lambda: storage.delete(old_logo))
    audit_log(
        centre=None,
        action="network.partner.updated",
        by=by,
        target=partner.organisation,
        obj=partner,
        fields=changed,
    )
    return partner


@transaction.atomic
def partner_remove(*, partner: Partner, by: User) -> None:
    """Delete a partner and its logo file (after the transaction commits)."""
    name, logo = partner.organisation, partner.logo
    storage, logo_name = (logo.storage, logo.name) if logo else (None, "")
    partner.delete()
    if logo_name:
        transaction.on_commit(lambda: storage.delete(logo_name))
    audit_log(centre=None, action="network.partner.removed", by=by, target=name)


@transaction.atomic
def partner_move(*, partner: Partner, by: User, direction: str) -> Partner:
    """Swap a partner with its neighbour above ("up") or below ("down").

    The whole list is renumbered 0…n-1 under a row lock, so that equal or sparse
    `order` values from the admin end up in a clean sequence. Moving the first
    one up (or the last one down) changes nothing.
    """
    if direction not in ("up", "down"):
        raise ValidationError(_("Choose to move a partner up or down."))
    rows = list(Partner.objects.select_for_update().in_order())
    index = next(i for i, p in enumerate(rows) if p.pk == partner.pk)
    other = index - 1 if direction == "up" else index + 1
    if not 0 <= other < len(rows):
        return partner
    rows[index], rows[other] = rows[other], rows[index]
    for position, row in enumerate(rows):
        row.order = position
    Partner.objects.bulk_update(rows, ["order"])
    centres_changed()  # a bulk update sends no post_save to About's fragments
    audit_log(
        centre=None,
        action="network.partner.moved",
        by=by,
        target=partner.organisation,
        obj=partner,
        direction=direction,
    )
    return next(r for r in rows if r.pk == partner.pk)


@transaction.atomic
def project_identity_update(*, by: User, data: dict) -> ProjectIdentity:
    """Change the project's name, period or funding line (the single row).

    Raises ValidationError and leaves the row as it was on bad input.
    """
    identity = ProjectIdentity.objects.select_for_update().get(
        pk=ProjectIdentity.current().pk
    )
    changed = [
        f for f in IDENTITY_FIELDS if f in data and getattr(identity, f) != data[f]
    ]
    if not changed:
        return identity
    for field in changed:
        setattr(identity, field, data[field])
    identity.full_clean()
    identity.save(update_fields=[*changed, "updated_at"])
    audit_log(
        centre=None,
        action="network.project.updated",
        by=by,
        target=identity.name,
        obj=identity,
        fields=changed,
    )
    return identity


logger = logging.getLogger(__name__)

EXPORT_KEEP_DAYS = getattr(settings, "NETWORK_EXPORT_KEEP_DAYS", 7)
EXPORT_MAX_YEARS = 10
EXPORT_MAX_UNFINISHED = 3  # queued or running, per person
# A build that has run this long died with its worker: another may take it over.
EXPORT_STALE_AFTER = timedelta(minutes=10)
# A job nobody took or finished by then is given up (broker lost, worker gone).
EXPORT_ABANDONED_AFTER = timedelta(hours=1)

FAILED_MESSAGE = gettext_lazy(
    "The export could not be built. Please try again; if it fails again, tell "
    "the portal's administrators."
)
ABANDONED_MESSAGE = gettext_lazy(
    "The export was not built in time and has been given up. Please ask for it again."
)


def _years_later(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _check_scope(user: User, centre: Centre | None) -> None:
    if centre is None:
        if not user.acts_as_coordinator:
            raise PermissionDenied(_("Only the coordinator exports the whole network."))
        return
    allowed = Centre.objects.workspaces_for(user, role=Role.MANAGER).filter(
        pk=centre.pk
    )
    if not allowed.exists():
        raise PermissionDenied(_("Only the centre's managers can do this."))


@transaction.atomic
def report_export_request(
    *,
    user: User,
    centre: Centre | None,
    start: dt.date,
    end: dt.date,
    granularity: str,
    format: str,
    language: str = "",
) -> ReportExport:
    """Validate, create a queued export and have a worker build it once committed.

    Raises ValidationError (by field) for a bad period, granularity or format, or
    when the person already has EXPORT_MAX_UNFINISHED exports waiting; nothing is
    created then. Raises PermissionDenied for a scope the person may not export.
    """
    _check_scope(user, centre)
    errors: dict[str, list[str]] = {}
    if start is None or end is None:
        errors.setdefault("start", []).append(_("Give the first and the last day."))
    elif end < start:
        errors.setdefault("end", []).append(
            _("The last day must be on or after the first day.")
        )
    elif end >= _years_later(start, EXPORT_MAX_YEARS):
        errors.setdefault("end", []).append(
            _("A report covers at most %(years)s years.") % {"years": EXPORT_MAX_YEARS}
        )
    if granularity not in dict(Granularity.CHOICES):
        errors.setdefault("granularity", []).append(_("Choose month, quarter or year."))
    if format not in ReportExport.Format.values:
        errors.setdefault("format", []).append(_("Choose XLSX or CSV."))
    if errors:
        raise ValidationError(errors)

    # One person's requests are counted one at a time (her row is the lock).
    User.objects.select_for_update().filter(pk=user.pk).first()
    if ReportExport.objects.filter(requested_by=user).unfinished().count() >= (
        EXPORT_MAX_UNFINISHED
    ):
        raise ValidationError(
            _(
                "You already have %(count)s exports waiting to be built. Please wait "
                "until one of them is ready."
            )
            % {"count": EXPORT_MAX_UNFINISHED}
        )
    export = ReportExport.objects.create(
        requested_by=user,
        centre=centre,
        period_start=start,
        period_end=end,
        granularity=granularity,
        format=format,
        language=(language or translation.get_language() or settings.LANGUAGE_CODE)[:7],
    )
    # A whole-network export (centre None) goes to the network-wide log.
    audit_log(
        centre=centre,
        action="network.export.requested",
        by=user,
        target=str(export),
        export=export.pk,
    )
    from .tasks import report_export_build

    pk = export.pk
    transaction.on_commit(lambda: report_export_build.delay(pk), robust=True)
    return export


def _claim(export_id: int, now: dt.datetime) -> bool:
    """Take the job: queued, or running so long that its worker must have died."""
    return bool(
        ReportExport.objects.filter(pk=export_id)
        .filter(
            Q(status=ReportExport.Status.QUEUED)
            | Q(
                status=ReportExport.Status.RUNNING,
                started_at__lt=now - EXPORT_STALE_AFTER,
            )
        )
        .update(status=ReportExport.Status.RUNNING, started_at=now, progress=0)
    )


def _set_progress(export_id: int, percent: int) -> None:
    # Never backwards, and only while it is still this run's job.
    ReportExport.objects.filter(
        pk=export_id, status=ReportExport.Status.RUNNING, progress__lt=percent
    ).update(progress=min(int(percent), 100))


def report_export_build(export_id: int) -> bool:
    """Build the export's file and mark it done (or failed, with a message).

    Safe to repeat: a job in a final state, or running elsewhere, is left alone
    and False returned. Progress is stored as the build advances (0 → 100).
    """
    from . import exports

    now = timezone.now()
    if not _claim(export_id, now):
        return False
    export = ReportExport.objects.select_related("requested_by", "centre").get(
        pk=export_id
    )
    try:
        with translation.override(export.language or settings.LANGUAGE_CODE):
            sheets = exports.report_sheets(
                export, on_progress=lambda p: _set_progress(export_id, p)
            )
            if export.format == ReportExport.Format.XLSX:
                content = exports.write_xlsx(sheets)
            else:
                content = exports.write_csv_zip(sheets)
        _set_progress(export_id, 95)
        export.file.save(export.download_name, ContentFile(content), save=False)
    except Exception:
        logger.exception("report export %s failed", export_id)
        finished = timezone.now()
        with translation.override(export.language or settings.LANGUAGE_CODE):
            message = str(FAILED_MESSAGE)
        ReportExport.objects.filter(
            pk=export_id, status=ReportExport.Status.RUNNING
        ).update(
            status=ReportExport.Status.FAILED,
            error_message=message,
            finished_at=finished,
            expires_at=finished + timedelta(days=EXPORT_KEEP_DAYS),
        )
        return False
    finished = timezone.now()
    updated = ReportExport.objects.filter(
        pk=export_id, status=ReportExport.Status.RUNNING
    ).update(
        status=ReportExport.Status.DONE,
        progress=100,
        file=export.file.name,
        finished_at=finished,
        expires_at=finished + timedelta(days=EXPORT_KEEP_DAYS),
    )
    if not updated:  # taken over or purged meanwhile: leave no orphan file
        export.file.delete(save=False)
    return bool(updated)


def report_exports_purge(now: dt.datetime | None = None) -> int:
    """Delete expired exports with their files; give up jobs that were never
    finished. Returns how many exports were deleted."""
    now = now or timezone.now()
    abandoned = ReportExport.objects.unfinished().filter(
        created_at__lt=now - EXPORT_ABANDONED_AFTER
    )
    for pk, language in abandoned.values_list("pk", "language"):
        with translation.override(language or settings.LANGUAGE_CODE):
            message = str(ABANDONED_MESSAGE)
        ReportExport.objects.unfinished().filter(pk=pk).update(
            status=ReportExport.Status.FAILED,
            error_message=message,
            finished_at=now,
            expires_at=now + timedelta(days=EXPORT_KEEP_DAYS),
        )
    deleted = 0
    for export in ReportExport.objects.expired(now).only("pk", "file"):
        if export.file:
            export.file.delete(save=False)
        export.delete()
        deleted += 1
    return deleted
