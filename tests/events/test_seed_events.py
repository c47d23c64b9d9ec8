"""`seed_events` (called by seed_demo) loads upcoming and past events of the
network and the three task-force projects, some joint; running it again adds
nothing."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from accounts.models import User
from events.models import Event, OrganiserInvitation
from knowledge.models import Resource

pytestmark = pytest.mark.django_db


def test_seed_events_is_idempotent_and_covers_the_task_force(client):
    call_command("seed_demo", quiet=True)
    first = sorted(Event.objects.values_list("slug", "sequence", "status"))
    call_command("seed_events", quiet=True)
    assert sorted(Event.objects.values_list("slug", "sequence", "status")) == first
    assert len(first) >= 8

    organisers = set(Event.objects.values_list("organisers__slug", flat=True))
    assert {"procedin", "build", "health-innofacilitator"} <= organisers
    joint = [e for e in Event.objects.all() if e.organisers.count() > 1]
    assert len(joint) >= 3
    # The demo's co-organisers agreed: accepted, none left waiting.
    assert not OrganiserInvitation.objects.pending().exists()
    assert OrganiserInvitation.objects.filter(state="accepted").count() == sum(
        e.organisers.count() - 1 for e in joint
    )
    assert Event.objects.public().upcoming().exists()
    assert Event.objects.public().past().exists()

    response = client.get(reverse("events:list"))
    assert response.status_code == 200
    assert "Circular procurement city lab" in response.content.decode()
    assert client.get(reverse("events:list") + "?when=past").status_code == 200


def test_seed_demo_gives_the_network_space_its_meetings_and_papers(client):
    call_command("seed_demo", quiet=True)
    call_command("seed_demo", quiet=True)
    meetings = Event.objects.network_only().filter(kind=Event.Kind.KNOWLEDGE_EXCHANGE)
    with_papers = [m for m in meetings if m.papers.exists()]
    assert len(with_papers) == 2
    assert all(m.minutes_html and m.is_past for m in with_papers)
    # One paper a network-only working draft, one public.
    visibilities = sorted(
        Resource.objects.filter(produced_at__in=with_papers).values_list(
            "visibility", flat=True
        )
    )
    assert visibilities == ["network", "public"]
    # Each seed run links them once.
    assert Event.papers.through.objects.count() == 2

    client.force_login(User.objects.get(email="editor@koinno.example.eu"))
    html = client.get(reverse("network-space")).content.decode()
    for meeting in with_papers:
        assert meeting.get_absolute_url() in html
