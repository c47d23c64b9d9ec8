"""The network space (/<lang>/network-space/): for the staff of every centre and
the coordinator; the sign-in page for visitors, 403 for procurers."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from events.models import Event
from knowledge.models import Resource
from tests.events.helpers import make_event
from tests.factories import UserFactory, membership_create, resource_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def space(centre, other_centre, manager, outsider):
    past = make_event(
        centre=other_centre,
        by=outsider,
        title="Knowledge exchange on legal support",
        kind=Event.Kind.KNOWLEDGE_EXCHANGE,
        visibility=Event.Visibility.NETWORK,
        minutes="Centres agreed on **three** recommendations.",
    )
    paper = resource_create(
        centre=other_centre,
        by=outsider,
        published=True,
        kind=Resource.Kind.OPINION_PAPER,
        title="Expert opinion paper on legal support",
        visibility=Resource.Visibility.NETWORK,
    )
    past.papers.set([paper])
    # Over, as if it took place last month.
    Event.objects.filter(pk=past.pk).update(
        starts_at=timezone.now() - timedelta(days=30),
        ends_at=timezone.now() - timedelta(days=30) + timedelta(hours=3),
    )
    upcoming = make_event(
        centre=centre,
        by=manager,
        title="Planning the next papers",
        kind=Event.Kind.KNOWLEDGE_EXCHANGE,
        visibility=Event.Visibility.NETWORK,
    )
    public = make_event(centre=centre, by=manager, title="Public webinar")
    public_resource = resource_create(
        centre=centre, by=manager, published=True, title="Public guide"
    )
    return {
        "past": past,
        "paper": paper,
        "upcoming": upcoming,
        "public": public,
        "public_resource": public_resource,
    }


def test_anonymous_visitor_is_sent_to_sign_in(client, space):
    url = reverse("network-space")
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert f"next={url}" in response["Location"].replace("%2F", "/")


def test_procurer_is_refused(client, procurer, space):
    client.force_login(procurer)
    response = client.get(reverse("network-space"))
    assert response.status_code == 403
    assert "Network space" not in response.content.decode()


def test_manager_without_two_factor_is_sent_to_set_it_up(client, centre, space):
    manager = UserFactory(email="no-2fa@example.org")
    membership_create(centre=centre, user=manager, role="manager")
    client.force_login(manager)
    response = client.get(reverse("network-space"))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


@pytest.mark.parametrize("persona", ["editor", "editor_b", "coordinator"])
def test_staff_of_any_centre_see_meetings_minutes_papers_and_drafts(
    client, request, persona, space
):
    client.force_login(request.getfixturevalue(persona))
    response = client.get(reverse("network-space"))
    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    html = response.content.decode()
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert "Planning the next papers" in html
    assert "Knowledge exchange on legal support" in html
    assert "<strong>three</strong>" in html
    assert space["paper"].get_absolute_url() in html
    # Network-only things only: the public webinar and guide are elsewhere.
    assert "Public webinar" not in html
    assert "Public guide" not in html
    # The navigation links here, marked as the current page.
    assert f'href="{reverse("network-space")}" aria-current="page"' in html


def test_navigation_links_the_space_for_staff_only(client, editor, procurer, space):
    link = f'href="{reverse("network-space")}"'
    assert link not in client.get(reverse("events:list")).content.decode()
    client.force_login(procurer)
    assert link not in client.get(reverse("events:list")).content.decode()
    client.force_login(editor)
    assert link in client.get(reverse("events:list")).content.decode()
