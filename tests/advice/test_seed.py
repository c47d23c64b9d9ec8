"""`seed_advice` (called by seed_demo) puts requests in several states on two
centres' desks and the coordinator's queue; running it again adds nothing."""

import pytest
from django.core.management import call_command
from django_scopes import scopes_disabled

from advice.models import AdviceMessage, AdviceRequest

pytestmark = pytest.mark.django_db


@scopes_disabled()
def test_seed_advice_is_idempotent_and_covers_several_states():
    call_command("seed_demo", quiet=True)
    first = sorted(
        AdviceRequest.objects.values_list("subject", "status", "centre__slug")
    )
    call_command("seed_advice", quiet=True)
    assert (
        sorted(AdviceRequest.objects.values_list("subject", "status", "centre__slug"))
        == first
    )
    statuses = {status for _subject, status, _centre in first}
    assert {"new", "waiting", "closed"} <= statuses
    centres = {centre for _subject, _status, centre in first}
    assert {"koinno", "pianoo", None} <= centres
    assert AdviceRequest.objects.filter(confirmed_at__isnull=True).count() == 0
    assert AdviceMessage.objects.filter(kind="transfer").exists()
    assert AdviceMessage.objects.filter(kind="note").exists()
