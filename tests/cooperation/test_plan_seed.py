"""The demo plans: two of them match across borders (same CPV group)."""

import pytest
from django.core.management import call_command

from cooperation import plan_selectors
from cooperation.models import ProcurementPlan

pytestmark = pytest.mark.django_db


def test_seed_plans_is_idempotent_and_two_plans_match_across_borders():
    call_command("seed_plans", quiet=True)
    call_command("seed_plans", quiet=True)
    assert ProcurementPlan.objects.count() == 5
    porto = ProcurementPlan.objects.get(country="PT")
    tallinn = ProcurementPlan.objects.get(country="EE")
    similar = plan_selectors.similar_plans(porto, user=tallinn.owner)
    assert similar[0] == tallinn
    assert similar[0].closeness == 0
