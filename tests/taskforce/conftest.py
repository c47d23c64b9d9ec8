"""Fixtures of the task-force tests: the three projects, their staff, and the
mail queue's on-commit callbacks."""

import pytest

from centres.models import Centre, Role
from tests.factories import CentreFactory, UserFactory, membership_create


@pytest.fixture
def sent(django_capture_on_commit_callbacks):
    """`with sent(): …` runs the mail queue's on-commit callbacks of the block
    (the mails then land in mail.outbox)."""

    def block():
        return django_capture_on_commit_callbacks(execute=True)

    return block


def make_project(slug, short_name):
    return CentreFactory(
        slug=slug,
        short_name=short_name,
        name=short_name,
        country="",
        kind=Centre.Kind.PROJECT,
    )


@pytest.fixture
def build(db):
    return make_project("build", "BUILD")


@pytest.fixture
def procedin(db):
    return make_project("procedin", "PROCEDIN")


@pytest.fixture
def build_staff(build):
    user = UserFactory(email="staff@build.example.org", full_name="Bo Build")
    membership_create(centre=build, user=user, role=Role.EDITOR)
    return user


@pytest.fixture
def procedin_staff(procedin):
    user = UserFactory(email="staff@procedin.example.org", full_name="Pia Procedin")
    membership_create(centre=procedin, user=user, role=Role.EDITOR)
    return user
