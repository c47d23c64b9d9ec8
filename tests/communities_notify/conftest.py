"""Fixtures of the community notification and API tests."""

import pytest


@pytest.fixture
def sent(django_capture_on_commit_callbacks):
    """`with sent(): …` runs the on-commit callbacks of the block (the task that
    queues the mails, then the mail queue), as a committed request would."""

    def block():
        return django_capture_on_commit_callbacks(execute=True)

    return block
