"""A profile page lists its owner's open plans and published challenges, each
as the viewer may read them."""

import pytest
from django.urls import reverse

from cooperation import plan_services

from .challenges.helpers import make_challenge
from .helpers import make_profile
from .plan_helpers import make_plan

pytestmark = pytest.mark.django_db


def test_the_page_lists_what_the_viewer_may_read(client, procurer, centre, editor):
    profile = make_profile(procurer, visibility="public")
    make_plan(procurer, title="Public street lighting")
    make_plan(procurer, title="Shared hospital beds", visibility="signed_in")
    withdrawn = make_plan(procurer, title="Withdrawn ferry")
    plan_services.plan_withdraw(plan=withdrawn, by=procurer)
    make_challenge(buyer=procurer, reviewer=editor, title="Published cooling")
    make_challenge(buyer=procurer, stage="draft", title="Draft composting")
    url = reverse("profiles:detail", kwargs={"pk": profile.pk})

    page = client.get(url).content.decode()
    assert "Public street lighting" in page
    assert "Published cooling" in page
    for hidden in ("Shared hospital beds", "Withdrawn ferry", "Draft composting"):
        assert hidden not in page

    client.force_login(editor)  # centre staff read plans shared with signed-in people
    page = client.get(url).content.decode()
    assert "Shared hospital beds" in page
    assert "Withdrawn ferry" not in page


def test_nothing_is_listed_for_an_owner_without_plans_or_challenges(client, procurer):
    profile = make_profile(procurer, visibility="public")
    page = client.get(reverse("profiles:detail", kwargs={"pk": profile.pk}))
    assert page.status_code == 200
    assert "plans-title" not in page.content.decode()
    assert "challenges-title" not in page.content.decode()
