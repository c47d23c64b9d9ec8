"""Fixtures of the plans tests."""

import pytest


@pytest.fixture
def sent(django_capture_on_commit_callbacks):
    """`with sent(): …` runs the mail queue's on-commit callbacks of the block,
    as a committed request would (the mails then land in mail.outbox)."""

    def block():
        return django_capture_on_commit_callbacks(execute=True)

    return block
