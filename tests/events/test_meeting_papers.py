"""Knowledge-exchange meetings: their minutes and the papers they produced,
linked both ways, edited in the workspace and the API, and refused when the
editor names a resource she may not see."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django_scopes import scopes_disabled

from centres.models import AuditEntry
from events.models import Event
from knowledge.models import Resource
from tests.events.helpers import make_event
from tests.factories import resource_create

pytestmark = pytest.mark.django_db

MEETING = "Knowledge exchange on buddy pairs"


@pytest.fixture
def draft_paper(centre, editor):
    """A network-only working draft of an expert opinion paper, published."""
    return resource_create(
        centre=centre,
        by=editor,
        published=False,
        kind=Resource.Kind.OPINION_PAPER,
        title="Expert opinion paper on buddy pairs (working draft)",
        visibility=Resource.Visibility.NETWORK,
    )


@pytest.fixture
def network_paper(centre, manager):
    return resource_create(
        centre=centre,
        by=manager,
        published=True,
        kind=Resource.Kind.OPINION_PAPER,
        title="Expert opinion paper on buddy pairs",
        visibility=Resource.Visibility.NETWORK,
    )


@pytest.fixture
def public_paper(centre, manager):
    return resource_create(
        centre=centre,
        by=manager,
        published=True,
        kind=Resource.Kind.OPINION_PAPER,
        title="Position paper on joint procurement",
    )


@pytest.fixture
def foreign_draft(other_centre, editor_b):
    """A draft of another centre: editor A may not see it."""
    return resource_create(
        centre=other_centre,
        by=editor_b,
        kind=Resource.Kind.OPINION_PAPER,
        title="Unpublished paper of Beta",
    )


def make_meeting(centre, by, *, visibility=Event.Visibility.NETWORK, papers=()):
    event = make_event(
        centre=centre,
        by=by,
        published=False,
        title=MEETING,
        kind=Event.Kind.KNOWLEDGE_EXCHANGE,
        visibility=visibility,
        minutes="## Agreed\n\n1. Pairs meet **monthly**.\n\n<script>alert(1)</script>",
        starts_at=timezone.now() + timedelta(days=3),
    )
    if papers:
        event.papers.set(papers)
    from events import services

    return services.event_publish(event=event, by=by)


def form_data(**changes):
    start = timezone.localtime(timezone.now() + timedelta(days=20))
    data = {
        "title": MEETING,
        "summary": "Centres compare their buddy pairs.",
        "kind": "knowledge_exchange",
        "format": "online",
        "language": "en",
        "starts_at": start.strftime("%Y-%m-%dT10:00"),
        "ends_at": start.strftime("%Y-%m-%dT12:00"),
        "timezone": "Europe/Berlin",
        "visibility": "network",
        "minutes": "## Agreed\n\nPairs meet monthly.",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def test_event_page_shows_sanitised_minutes_and_the_papers(
    client, editor_b, centre, manager, network_paper, public_paper
):
    meeting = make_meeting(centre, manager, papers=[network_paper, public_paper])
    client.force_login(editor_b)
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert "Minutes" in html
    assert "<strong>monthly</strong>" in html
    assert "<script>alert(1)</script>" not in html
    assert "Papers produced" in html
    assert network_paper.get_absolute_url() in html
    assert public_paper.get_absolute_url() in html


def test_paper_page_names_the_meeting_only_to_who_may_see_it(
    client, editor_b, centre, manager, public_paper
):
    meeting = make_meeting(centre, manager, papers=[public_paper])
    # The public paper, read by the public: the network-only meeting is not named.
    html = client.get(public_paper.get_absolute_url()).content.decode()
    assert "Produced at" not in html
    assert MEETING not in html
    # By staff of any centre: it is, with a link.
    client.force_login(editor_b)
    html = client.get(public_paper.get_absolute_url()).content.decode()
    assert "Produced at" in html
    assert meeting.get_absolute_url() in html


def test_a_public_meeting_is_named_on_its_paper_for_everyone(
    client, centre, manager, public_paper
):
    meeting = make_meeting(
        centre, manager, visibility=Event.Visibility.PUBLIC, papers=[public_paper]
    )
    html = client.get(public_paper.get_absolute_url()).content.decode()
    assert "Produced at" in html
    assert meeting.get_absolute_url() in html


def test_network_only_paper_stays_hidden_from_the_public_on_the_meeting_page(
    client, centre, manager, network_paper, public_paper
):
    meeting = make_meeting(
        centre,
        manager,
        visibility=Event.Visibility.PUBLIC,
        papers=[network_paper, public_paper],
    )
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert public_paper.get_absolute_url() in html
    assert network_paper.get_absolute_url() not in html
    assert client.get(network_paper.get_absolute_url()).status_code == 404


def test_organiser_links_papers_and_minutes_in_the_workspace(
    client, centre, editor, draft_paper, public_paper
):
    client.force_login(editor)
    response = client.post(
        reverse("manage:events:create", kwargs={"centre_slug": centre.slug}),
        form_data(papers=[draft_paper.pk, public_paper.pk]),
    )
    assert response.status_code == 302
    event = Event.objects.get(title=MEETING)
    assert event.visibility == Event.Visibility.NETWORK
    assert "<h2>Agreed</h2>" in event.minutes_html
    assert set(event.papers.all()) == {draft_paper, public_paper}
    # The edit form offers and keeps them.
    edit = reverse(
        "manage:events:edit", kwargs={"centre_slug": centre.slug, "pk": event.pk}
    )
    html = client.get(edit).content.decode()
    assert f'value="{draft_paper.pk}" selected' in html
    assert 'value="network" id="id_visibility_1" checked' in html
    response = client.post(edit, form_data(papers=[public_paper.pk]))
    assert response.status_code == 302
    assert list(event.papers.all()) == [public_paper]


def test_linking_a_resource_one_may_not_see_is_refused_with_a_message(
    client, centre, editor, foreign_draft, public_paper
):
    client.force_login(editor)
    response = client.post(
        reverse("manage:events:create", kwargs={"centre_slug": centre.slug}),
        form_data(papers=[public_paper.pk, foreign_draft.pk]),
    )
    assert response.status_code == 200
    assert (
        "You cannot link this resource: it does not exist or you may not see it."
        in response.content.decode()
    )
    assert not Event.objects.filter(title=MEETING).exists()


def test_minutes_and_papers_belong_to_knowledge_exchange_meetings(
    client, centre, editor, public_paper
):
    client.force_login(editor)
    response = client.post(
        reverse("manage:events:create", kwargs={"centre_slug": centre.slug}),
        form_data(kind="webinar", papers=[public_paper.pk]),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Only a knowledge-exchange meeting has minutes" in html
    assert "Only a knowledge-exchange meeting can list the papers" in html
    assert not Event.objects.filter(title=MEETING).exists()


def test_api_links_papers_and_refuses_one_the_editor_may_not_see(
    client, centre, editor, foreign_draft, public_paper
):
    client.force_login(editor)
    meeting = make_event(
        centre=centre,
        by=editor,
        published=False,
        title=MEETING,
        kind=Event.Kind.KNOWLEDGE_EXCHANGE,
    )
    url = f"/api/v1/events/{meeting.pk}/"
    refused = client.patch(
        url, {"papers": [foreign_draft.pk]}, content_type="application/json"
    )
    assert refused.status_code == 400
    assert refused.json()["papers"] == [
        "You cannot link this resource: it does not exist or you may not see it."
    ]
    assert not meeting.papers.exists()
    accepted = client.patch(
        url,
        {"papers": [public_paper.pk], "minutes": "Done.", "visibility": "network"},
        content_type="application/json",
    )
    assert accepted.status_code == 200, accepted.json()
    body = accepted.json()
    assert [p["id"] for p in body["papers"]] == [public_paper.pk]
    assert body["visibility"] == "network"
    assert body["minutes_html"] == "<p>Done.</p>"
    meeting.refresh_from_db()
    assert list(meeting.papers.all()) == [public_paper]
    with scopes_disabled():
        entry = AuditEntry.objects.filter(action="events.event.updated").last()
    assert entry.target == MEETING
    assert "papers" in entry.data["changes"]


def test_a_paper_linked_by_someone_who_sees_more_survives_an_edit(
    client, centre, manager, editor, foreign_draft, public_paper
):
    from events import services

    meeting = make_meeting(centre, manager, papers=[foreign_draft])
    services.event_update(event=meeting, by=editor, data={}, papers=[public_paper])
    assert set(meeting.papers.all()) == {foreign_draft, public_paper}
    # The workspace shows the editor the minutes and the paper she may see,
    # and not even the title of the other.
    client.force_login(editor)
    html = client.get(
        reverse(
            "manage:events:detail",
            kwargs={"centre_slug": centre.slug, "pk": meeting.pk},
        )
    ).content.decode()
    assert "<strong>monthly</strong>" in html
    assert public_paper.title in html
    assert foreign_draft.title not in html
