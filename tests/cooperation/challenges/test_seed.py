"""`seed_challenges` (called by seed_demo) makes an open challenge with two
answers and a closed one with a summary; running it again adds nothing."""

import pytest
from django.core.management import call_command
from django_scopes import scopes_disabled

from cooperation.models import Challenge, ChallengeAnswer

pytestmark = pytest.mark.django_db


@scopes_disabled()
def test_seed_challenges_is_idempotent_with_an_open_and_a_closed_challenge():
    call_command("seed_demo", quiet=True)
    call_command("seed_challenges", quiet=True)
    assert Challenge.objects.count() == 2
    open_ = Challenge.objects.open().get()
    closed = Challenge.objects.closed().get()
    assert ChallengeAnswer.objects.filter(challenge=open_).count() == 2
    assert open_.centre.is_coordinating  # Belgium has no centre of its own
    assert closed.centre.slug == "pianoo"
    assert "<strong>" in closed.summary_html
    assert closed.search_vector
