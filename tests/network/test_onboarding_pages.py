"""The onboarding pages as their users see them: the buddy's comments, the
manager's form refusing a bad link, the coordinator's due dates, and the
status history on a centre's public page."""

import pytest
from django.urls import reverse
from django_scopes import scopes_disabled

from centres.models import Centre
from network import onboarding_services as services
from network.models import CentreStatusChange, Milestone, MilestoneComment
from network.status_history import centre_status_change

from .onboarding_helpers import days_ago, make_definitions

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_trained(centre, other_centre, coordinator):
    """A (in onboarding since 5 days) has B as its buddy."""
    Centre.objects.filter(pk=centre.pk).update(buddy=other_centre)
    make_definitions()
    services.centre_onboarding_start(centre=centre, start=days_ago(5), by=coordinator)
    with scopes_disabled():
        return Milestone.objects.get(centre=centre, definition__title="Staff trained")


def milestone_url(milestone, **kwargs):
    return reverse(
        "manage:onboarding-milestone",
        kwargs={"centre_slug": milestone.centre.slug, "pk": milestone.pk, **kwargs},
    )


def test_the_buddys_comment_reaches_the_new_centre_escaped(
    client, staff_trained, editor_b, manager
):
    client.force_login(editor_b)
    url = reverse(
        "manage:buddy-comment",
        kwargs={"centre_slug": "beta", "new_slug": "alpha", "pk": staff_trained.pk},
    )
    response = client.post(url, {"text": "Try our <script>x()</script> module"})
    assert response.status_code == 302
    with scopes_disabled():
        [comment] = MilestoneComment.objects.filter(milestone=staff_trained)
    assert comment.author == editor_b

    client.force_login(manager)
    page = client.get(milestone_url(staff_trained)).content.decode()
    assert "Try our &lt;script&gt;x()&lt;/script&gt; module" in page
    assert "<script>x()" not in page
    assert "Bea Outsider" in page


def test_the_manager_form_refuses_a_bad_link_and_changes_nothing(
    client, staff_trained, manager
):
    client.force_login(manager)
    response = client.post(
        milestone_url(staff_trained),
        {"status": "done", "note": "All trained", "evidence_url": "javascript:x()"},
    )
    assert response.status_code == 200
    assert "Enter a valid URL." in response.content.decode()
    with scopes_disabled():
        staff_trained.refresh_from_db()
    assert (staff_trained.status, staff_trained.note) == ("not_started", "")
    # The manager sees no due-date field: that is the coordinator's.
    assert "due_on" not in response.context["form"].fields


def test_the_coordinator_moves_a_due_date_from_the_checklist(
    client, staff_trained, coordinator
):
    client.force_login(coordinator)
    response = client.post(
        milestone_url(staff_trained),
        {"status": "in_progress", "due_on": days_ago(-90).isoformat()},
    )
    assert response.status_code == 302
    with scopes_disabled():
        staff_trained.refresh_from_db()
    assert staff_trained.due_on == days_ago(-90)
    assert staff_trained.status == "in_progress"


def test_the_public_page_shows_the_status_history(client, coordinator):
    centre = Centre.objects.create(
        name="Delta Centre", short_name="DELTA", slug="delta", country="FI"
    )
    CentreStatusChange.objects.filter(centre=centre).update(changed_on=days_ago(400))
    centre_status_change(centre=centre, status="associate", by=coordinator)
    page = client.get(reverse("centres:detail", kwargs={"slug": "delta"}))
    html = page.content.decode()
    assert page.status_code == 200
    assert 'id="history-title"' in html
    assert "Joined the network: New centre" in html
    assert "Associate member (previously: New centre)" in html
