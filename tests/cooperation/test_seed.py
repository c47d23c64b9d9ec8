"""`seed_profiles` (called by seed_demo) makes public profiles, one of them the
demo procurer's; running it again adds nothing."""

import pytest
from django.core.management import call_command

from cooperation.models import Profile

pytestmark = pytest.mark.django_db


def test_seed_profiles_is_idempotent_and_includes_the_demo_procurer():
    call_command("seed_demo", quiet=True)
    first = sorted(Profile.objects.values_list("organisation", "kind", "visibility"))
    call_command("seed_profiles", quiet=True)
    assert (
        sorted(Profile.objects.values_list("organisation", "kind", "visibility"))
        == first
    )
    assert Profile.objects.public().count() >= 3
    assert {kind for _o, kind, _v in first} == {"buyer", "supplier"}
    ghent = Profile.objects.get(user__email="procurer@example.eu")
    assert ghent.visibility == "public"
    assert "<strong>zero-emission refuse trucks</strong>" in ghent.about_html
