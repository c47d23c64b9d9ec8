"""The coordinator hides a profile that breaks the rules in the admin; its
owner's text cannot be changed there."""

import pytest
from django.urls import reverse

from cooperation.models import Profile

from .helpers import make_profile

pytestmark = pytest.mark.django_db


def test_the_coordinator_hides_a_profile(client, coordinator, procurer):
    profile = make_profile(procurer, visibility="public")
    page = reverse("profiles:detail", kwargs={"pk": profile.pk})
    assert client.get(page).status_code == 200
    client.force_login(coordinator)
    change = reverse("admin:cooperation_profile_change", args=[profile.pk])

    response = client.post(
        change, {"visibility": "hidden", "organisation": "Rewritten", "_save": "1"}
    )

    assert response.status_code == 302
    profile.refresh_from_db()
    assert profile.visibility == Profile.Visibility.HIDDEN
    assert profile.organisation == "City of Tartu"  # read-only in the admin
    client.logout()
    assert client.get(page).status_code == 404


def test_profiles_are_not_added_in_the_admin(client, coordinator):
    client.force_login(coordinator)
    assert client.get(reverse("admin:cooperation_profile_add")).status_code == 403
