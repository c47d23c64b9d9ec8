"""A throwaway indicator for the export tests: published resources per centre
and month, quarter or year. Importable before Django is set up (a Celery worker's app module
registers it), so its model imports wait until it computes."""

from network.indicators import Indicator, registry

TOPIC = "Test figures"


def _resources_published(*, period, centre_ids):
    from django.db.models import Count
    from django.db.models.functions import Trunc

    from knowledge.models import Resource
    from network.selectors import period_bounds

    start, end = period_bounds(period)
    rows = (
        Resource.objects.published()
        .filter(centre_id__in=centre_ids, published_at__gte=start, published_at__lt=end)
        .annotate(month=Trunc("published_at", period.granularity))
        .values("centre_id", "month")
        .annotate(n=Count("pk"))
    )
    return {(r["centre_id"], r["month"].date()): r["n"] for r in rows}


TEST_INDICATOR = Indicator(
    key="tests.resources_published",
    label="Resources published (test)",
    topic=TOPIC,
    compute=_resources_published,
    unit="resources",
)


def register_test_indicator():
    if TEST_INDICATOR.key not in set(registry.keys()):
        registry.register(TEST_INDICATOR)
