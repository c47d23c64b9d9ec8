"""Celery tasks of the network console. Each takes primary keys and is safe to repeat."""

from celery import shared_task
from django_scopes import scopes_disabled

from . import services


@shared_task(acks_late=True)
@scopes_disabled()
def report_export_build(export_id: int) -> bool:
    """Build one reporting export (see services.report_export_build)."""
    return services.report_export_build(export_id)


@shared_task(acks_late=True)
@scopes_disabled()
def report_exports_purge() -> int:
    """Beat: delete expired export files and rows; give up abandoned jobs."""
    return services.report_exports_purge()
