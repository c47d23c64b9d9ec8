"""Network-only events: who sees them where, who registers, and that no public
channel (calendar, iCalendar feeds, sitemap, API, home page, newsletters, search
engines, caches) ever carries one."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django_scopes import scopes_disabled

from events import selectors, services
from events.models import Event, Registration
from newsletters.forms import event_choices
from newsletters.services import digest_content
from tests.events.helpers import make_event
from tests.newsletters.factories import subscriber_create

pytestmark = pytest.mark.django_db

SECRET = "Closed network meeting on buddy pairs"
OPEN = "Open webinar for procurers"
# Persona → may see network-only events. The editor of another centre (editor_b)
# is staff of *a* centre: network-only is for the staff of every centre.
STAFF = ["editor", "manager", "editor_b", "outsider", "coordinator"]
NOT_STAFF = ["anonymous", "procurer"]


@pytest.fixture
def meeting(centre, manager):
    return make_event(
        centre=centre,
        by=manager,
        title=SECRET,
        kind=Event.Kind.KNOWLEDGE_EXCHANGE,
        visibility=Event.Visibility.NETWORK,
        sectors=["health"],
        minutes="## Agreed\n\nWe **agreed** on pairs.",
    )


@pytest.fixture
def webinar(centre, manager):
    return make_event(centre=centre, by=manager, title=OPEN, sectors=["health"])


@pytest.fixture
def as_persona(client, request):
    """A client signed in as the named persona ('anonymous': nobody)."""

    def login(name):
        if name != "anonymous":
            client.force_login(request.getfixturevalue(name))
        return client

    return login


def test_existing_events_stay_public(centre, manager):
    event = make_event(centre=centre, by=manager)
    assert event.visibility == Event.Visibility.PUBLIC
    assert Event.objects.public().filter(pk=event.pk).exists()


@pytest.mark.parametrize("persona", STAFF + NOT_STAFF)
def test_calendar_lists_network_events_for_staff_only_marked_in_words(
    as_persona, persona, meeting, webinar
):
    client = as_persona(persona)
    html = client.get(reverse("events:list")).content.decode()
    assert OPEN in html
    if persona in STAFF:
        assert SECRET in html
        card = html[html.index(SECRET) - 1500 : html.index(SECRET)]
        assert "Network only" in card
    else:
        assert SECRET not in html
        assert "Network only" not in html


@pytest.mark.parametrize("persona", STAFF + NOT_STAFF)
def test_event_page_and_its_ics_answer_staff_only(as_persona, persona, meeting):
    client = as_persona(persona)
    page = client.get(reverse("events:detail", kwargs={"slug": meeting.slug}))
    ics = client.get(reverse("events:ics", kwargs={"slug": meeting.slug}))
    if persona in NOT_STAFF:
        assert page.status_code == 404
        assert ics.status_code == 404
        return
    assert page.status_code == 200
    html = page.content.decode()
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert page["X-Robots-Tag"] == "noindex, nofollow"
    assert "Network only" in html
    assert "calendar.google.com" not in html
    assert ics.status_code == 200
    assert SECRET in ics.content.decode()
    assert "public" not in ics["Cache-Control"]
    assert "no-store" in ics["Cache-Control"]


def test_public_event_page_stays_indexable(client, webinar):
    response = client.get(webinar.get_absolute_url())
    assert response.status_code == 200
    assert "noindex" not in response.content.decode()
    assert "X-Robots-Tag" not in response


@pytest.mark.parametrize("persona", STAFF + NOT_STAFF)
def test_no_calendar_feed_carries_a_network_event(
    as_persona, persona, meeting, webinar, centre
):
    client = as_persona(persona)
    feeds = [
        reverse("events:feed"),
        reverse("events:feed-organiser", kwargs={"slug": centre.slug}),
        reverse("events:feed-sector", kwargs={"sector": "health"}),
        reverse("events-neutral:feed"),
        reverse("events-neutral:feed-organiser", kwargs={"slug": centre.slug}),
    ]
    for url in feeds:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert OPEN in body, url
        assert SECRET not in body, url
        assert meeting.slug not in body, url


@pytest.mark.parametrize("persona", STAFF + NOT_STAFF)
def test_sitemap_and_home_page_never_show_a_network_event(
    as_persona, persona, meeting, webinar
):
    client = as_persona(persona)
    sitemap = client.get(reverse("sitemap")).content.decode()
    assert webinar.slug in sitemap
    assert meeting.slug not in sitemap
    home = client.get(reverse("home")).content.decode()
    assert OPEN in home
    assert SECRET not in home


@pytest.mark.parametrize("persona", STAFF + NOT_STAFF)
def test_api_lists_and_opens_network_events_for_staff_only(
    as_persona, persona, meeting, webinar
):
    client = as_persona(persona)
    listing = client.get("/api/v1/events/")
    assert listing.status_code == 200
    slugs = {e["slug"] for e in listing.json()["results"]}
    detail = client.get(f"/api/v1/events/{meeting.pk}/")
    assert webinar.slug in slugs
    if persona in NOT_STAFF:
        assert meeting.slug not in slugs
        assert detail.status_code == 404
    else:
        assert meeting.slug in slugs
        assert detail.status_code == 200
        body = detail.json()
        assert body["visibility"] == "network"
        assert "<strong>agreed</strong>" in body["minutes_html"]


def test_api_anonymous_list_has_the_visibility_of_each_event(client, webinar):
    body = client.get("/api/v1/events/").json()
    assert [e["visibility"] for e in body["results"]] == ["public"]


@pytest.mark.parametrize("persona", ["editor_b", "coordinator", "manager"])
def test_centre_staff_register_for_a_network_event(as_persona, persona, meeting):
    client = as_persona(persona)
    response = client.post(reverse("events:register", kwargs={"slug": meeting.slug}))
    assert response.status_code == 302
    with scopes_disabled():
        registration = Registration.objects.get(event=meeting)
    assert registration.status == Registration.Status.CONFIRMED


@pytest.mark.parametrize("persona", NOT_STAFF)
def test_others_cannot_register_for_a_network_event(as_persona, persona, meeting):
    client = as_persona(persona)
    data = {"name": "Nosy Visitor", "email": "nosy@example.org"}
    page = client.post(reverse("events:register", kwargs={"slug": meeting.slug}), data)
    api = client.post(f"/api/v1/events/{meeting.pk}/register/", {}, "application/json")
    assert page.status_code == 404
    # The API asks an anonymous caller to sign in first; a procurer: not found.
    assert api.status_code == (401 if persona == "anonymous" else 404)
    with scopes_disabled():
        assert not Registration.objects.filter(event=meeting).exists()


def test_registration_service_refuses_people_outside_the_network(meeting, procurer):
    refusal = "Only staff of the network's centres can register for this event."
    with pytest.raises(ValidationError) as refused:
        services.registration_create(event=meeting, user=procurer)
    assert refused.value.messages == [refusal]
    with pytest.raises(ValidationError) as refused:
        services.registration_create(
            event=meeting, name="Visitor", email="visitor@example.org"
        )
    assert refused.value.messages == [refusal]
    with scopes_disabled():
        assert not Registration.objects.filter(event=meeting).exists()


def test_newsletters_and_digests_never_pick_a_network_event(meeting, webinar):
    assert list(event_choices()) == [webinar]
    subscriber = subscriber_create(digest_frequency="weekly")
    now = timezone.now()
    content = digest_content(
        subscriber, since=now - timedelta(days=7), until=now + timedelta(minutes=1)
    )
    assert content["events"] == [webinar.pk]


def test_network_space_selector_gives_nothing_to_a_procurer(meeting, procurer):
    assert selectors.event_list_network(user=procurer) == []
    assert Event.objects.listed_for(procurer).filter(pk=meeting.pk).count() == 0


def test_a_staff_page_is_never_served_to_the_public_from_a_cache(
    client, editor, meeting, webinar
):
    """Staff first, then an anonymous visitor asks the same pages: what the
    staff saw (the meeting, the network space link) must not reach her, and the
    staff's responses tell shared caches not to keep them."""
    client.force_login(editor)
    pages = [reverse("events:list"), reverse("home"), webinar.get_absolute_url()]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"]
        assert "private" in response["Cache-Control"]
    assert SECRET in client.get(reverse("events:list")).content.decode()
    assert "Network space" in client.get(reverse("home")).content.decode()
    client.logout()
    for url in pages:
        html = client.get(url).content.decode()
        assert SECRET not in html, url
        assert reverse("network-space") not in html, url
    # And once more with the anonymous fragments in the cache: staff still
    # get their own page.
    client.force_login(editor)
    assert SECRET in client.get(reverse("events:list")).content.decode()
    assert reverse("network-space") in client.get(reverse("home")).content.decode()


def test_fragments_keyed_on_signed_in_state_do_not_carry_staff_content(
    client, editor, procurer, meeting, webinar
):
    """The home page and the task-force page cache fragments per signed-in state,
    which a centre editor and a procurer share: nothing of the staff's own view
    may be in them."""
    pages = [reverse("home"), reverse("task-force"), reverse("events:list")]
    client.force_login(editor)
    for url in pages:
        assert client.get(url).status_code == 200
    client.force_login(procurer)
    for url in pages:
        html = client.get(url).content.decode()
        assert SECRET not in html, url
        assert reverse("network-space") not in html, url
