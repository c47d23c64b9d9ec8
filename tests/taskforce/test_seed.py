"""The demo applications: every state, listed members across projects, and
running the command twice creates nothing twice."""

import pytest
from django.core.management import call_command

from communities.models import TaskForceApplication
from tests.factories import UserFactory

from .conftest import make_project

pytestmark = pytest.mark.django_db


def test_seed_taskforce_makes_each_state_once(db):
    UserFactory(email="coord@example.org", is_coordinator=True)
    for slug, name in (
        ("procedin", "PROCEDIN"),
        ("build", "BUILD"),
        ("health-innofacilitator", "Health InnoFacilitator"),
    ):
        make_project(slug, name)
    call_command("seed_taskforce", quiet=True)
    count = TaskForceApplication.objects.count()
    call_command("seed_taskforce", quiet=True)
    assert TaskForceApplication.objects.count() == count
    statuses = set(TaskForceApplication.objects.values_list("status", flat=True))
    assert statuses == {"new", "asked", "accepted", "declined"}
    assert TaskForceApplication.objects.filter(confirmed_at__isnull=True).exists()
    listed = TaskForceApplication.objects.listed()
    projects = set(listed.values_list("projects__slug", flat=True))
    assert projects == {"procedin", "build", "health-innofacilitator"}
