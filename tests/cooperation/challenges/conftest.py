"""Fixtures of the cooperation tests."""

import pytest

from tests.factories import UserFactory


@pytest.fixture
def sent(django_capture_on_commit_callbacks):
    """`with sent(): …` runs the mail queue's on-commit callbacks of the block,
    as a committed request would (the mails then land in mail.outbox)."""

    def block():
        return django_capture_on_commit_callbacks(execute=True)

    return block


@pytest.fixture
def supplier(db):
    return UserFactory(
        email="sara@cooltech.example",
        full_name="Sara Supplier",
        profile_role="supplier",
    )


@pytest.fixture
def rival(db):
    return UserFactory(email="rick@rival.example", profile_role="supplier")
