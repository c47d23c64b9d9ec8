"""Profiles: opt-in visibility (owner, signed-in, anonymous, hidden), her own
profile at /profiles/me/ (create, edit, delete, bad input), the directory's
filters and search, and the selector other apps use."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cooperation.models import Profile
from cooperation.profile_selectors import profile_for
from tests.factories import UserFactory

from .helpers import form_data, make_profile

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner(db):
    return UserFactory(email="owner@example.org")


@pytest.fixture
def peer(db):
    return UserFactory(email="peer@example.org")


def status_of(client, user, url):
    client.logout()
    if user is not None:
        client.force_login(user)
    return client.get(url).status_code


@pytest.mark.parametrize(
    ("visibility", "owner_sees", "peer_sees", "coordinator_sees", "anonymous_sees"),
    [
        ("hidden", 200, 404, 404, 404),
        ("signed_in", 200, 200, 200, 404),
        ("public", 200, 200, 200, 200),
    ],
)
def test_profile_page_answers_each_viewer_by_its_visibility(
    client,
    owner,
    peer,
    coordinator,
    visibility,
    owner_sees,
    peer_sees,
    coordinator_sees,
    anonymous_sees,
):
    profile = make_profile(owner, visibility=visibility)
    url = reverse("profiles:detail", kwargs={"pk": profile.pk})
    assert status_of(client, owner, url) == owner_sees
    assert status_of(client, peer, url) == peer_sees
    assert status_of(client, coordinator, url) == coordinator_sees
    assert status_of(client, None, url) == anonymous_sees
    # The selector of other apps' pages says the same.
    assert (profile_for(owner, peer) is not None) == (peer_sees == 200)
    assert profile_for(owner, owner) == profile


def test_a_new_profile_is_hidden_by_default(owner):
    profile = make_profile(owner, visibility=Profile.Visibility.HIDDEN)
    assert Profile.objects.visible_to(None).count() == 0
    data = form_data()
    del data["visibility"]
    other = UserFactory()
    from cooperation import profile_services

    created = profile_services.profile_create(user=other, data=data)
    assert created.visibility == Profile.Visibility.HIDDEN
    assert profile is not None


def test_profile_page_shows_sanitised_markdown_and_contact(client, owner):
    profile = make_profile(
        owner,
        about="We offer <script>alert(1)</script> **sensors** "
        "[site](javascript:alert(1))",
    )
    response = client.get(profile.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "<strong>sensors</strong>" in html
    assert "<script>alert(1)" not in html
    assert "javascript:" not in html
    assert 'href="mailto:owner@example.org"' in html
    assert "City of Tartu" in html


def test_email_is_not_shown_unless_she_chose_it(client, owner):
    profile = make_profile(owner, contact="centre")
    html = client.get(profile.get_absolute_url()).content.decode()
    assert "owner@example.org" not in html


def test_she_creates_her_profile_at_me(client, owner):
    client.force_login(owner)
    url = reverse("profiles:me")
    assert client.get(url).status_code == 200
    response = client.post(url, form_data(visibility="signed_in"))
    assert response.status_code == 302
    profile = Profile.objects.get(user=owner)
    assert profile.organisation == "City of Tartu"
    assert profile.sectors == ["energy", "mobility"]
    assert profile.visibility == "signed_in"
    assert "<strong>electric buses</strong>" in profile.about_html


def test_she_edits_her_profile(client, owner):
    profile = make_profile(owner)
    client.force_login(owner)
    response = client.post(
        reverse("profiles:me"),
        form_data(organisation="Tartu City Government", visibility="hidden"),
    )
    assert response.status_code == 302
    profile.refresh_from_db()
    assert profile.organisation == "Tartu City Government"
    assert profile.visibility == "hidden"
    assert Profile.objects.count() == 1


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"organisation": "   "}, "organisation"),
        ({"about": ""}, "about"),
        ({"sectors": []}, "sectors"),
        ({"sectors": ["bogus"]}, "sectors"),
        ({"country": "XX"}, "country"),
        ({"visibility": "everyone"}, "visibility"),
        ({"website": "javascript:alert(1)"}, "website"),
        ({"kind": "reseller"}, "kind"),
    ],
)
def test_bad_input_changes_nothing(client, owner, change, field):
    profile = make_profile(owner)
    before = Profile.objects.values().get(pk=profile.pk)
    client.force_login(owner)
    response = client.post(reverse("profiles:me"), form_data(**change))
    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert Profile.objects.values().get(pk=profile.pk) == before


def test_bad_input_creates_nothing(client, owner):
    client.force_login(owner)
    response = client.post(reverse("profiles:me"), form_data(about=" "))
    assert response.status_code == 400
    assert not Profile.objects.exists()


def test_she_deletes_her_profile(client, owner):
    profile = make_profile(owner)
    client.force_login(owner)
    assert client.get(reverse("profiles:me-delete")).status_code == 200
    response = client.post(reverse("profiles:me-delete"))
    assert response.status_code == 302
    assert not Profile.objects.filter(pk=profile.pk).exists()
    # Nothing left to delete.
    assert client.post(reverse("profiles:me-delete")).status_code == 404


def test_only_her_own_profile_is_reachable_at_me(client, owner, peer):
    make_profile(owner)
    client.force_login(peer)
    assert client.post(reverse("profiles:me-delete")).status_code == 404
    assert Profile.objects.filter(user=owner).exists()
    page = client.get(reverse("profiles:me"))
    assert "City of Tartu" not in page.content.decode()


def test_me_needs_signing_in(client):
    response = client.get(reverse("profiles:me"))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert client.post(reverse("profiles:me"), form_data()).status_code == 302
    assert not Profile.objects.exists()


def test_saving_is_rate_limited(client, owner, settings):
    settings.NEWSLETTER_RATE_LIMITS = {"profile_save_user": (1, 3600)}
    client.force_login(owner)
    assert client.post(reverse("profiles:me"), form_data()).status_code == 302
    response = client.post(reverse("profiles:me"), form_data(organisation="Other"))
    assert response.status_code == 429
    assert Profile.objects.get(user=owner).organisation == "City of Tartu"


@pytest.fixture
def directory(db):
    people = {}
    for key, data in {
        "tartu": {"organisation": "City of Tartu", "country": "EE"},
        "sensor": {
            "organisation": "Sensorica GmbH",
            "kind": "supplier",
            "country": "DE",
            "sectors": ["ict"],
        },
        "lisbon": {
            "organisation": "Lisbon Health Authority",
            "country": "PT",
            "sectors": ["health"],
            "visibility": "signed_in",
        },
        "hidden": {"organisation": "Hidden Hospital", "visibility": "hidden"},
    }.items():
        user = UserFactory(email=f"{key}@example.org")
        people[key] = make_profile(user, **data)
    return people


def names(response) -> list[str]:
    return [p.organisation for p in response.context["profiles"]]


def test_directory_lists_what_each_viewer_may_see(client, directory):
    url = reverse("profiles:directory")
    response = client.get(url)
    assert names(response) == ["City of Tartu", "Sensorica GmbH"]
    assert "2 profiles" in response.content.decode()
    client.force_login(UserFactory())
    assert names(client.get(url)) == [
        "City of Tartu",
        "Lisbon Health Authority",
        "Sensorica GmbH",
    ]
    # Her own hidden profile is not listed, even to her.
    client.force_login(directory["hidden"].user)
    assert "Hidden Hospital" not in names(client.get(url))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"kind": "supplier"}, ["Sensorica GmbH"]),
        ({"kind": "buyer"}, ["City of Tartu", "Lisbon Health Authority"]),
        ({"country": "PT"}, ["Lisbon Health Authority"]),
        ({"sector": "mobility"}, ["City of Tartu"]),
        ({"sector": "health"}, ["Lisbon Health Authority"]),
        ({"q": "tartu"}, ["City of Tartu"]),
        ({"q": "gmbh", "kind": "supplier", "country": "DE"}, ["Sensorica GmbH"]),
        ({"q": "nothing like it"}, []),
    ],
)
def test_directory_filters(client, directory, query, expected):
    client.force_login(UserFactory())
    response = client.get(reverse("profiles:directory"), query)
    assert response.status_code == 200
    assert names(response) == expected


def test_directory_ignores_bad_filters_and_says_so(client, directory):
    response = client.get(
        reverse("profiles:directory"), {"kind": "bogus", "country": "ZZ"}
    )
    assert response.status_code == 200
    assert response.context["form_errors"]
    assert names(response) == ["City of Tartu", "Sensorica GmbH"]


def test_directory_offers_only_countries_the_viewer_may_see(client, directory):
    response = client.get(reverse("profiles:directory"))
    codes = [c for c, _label in response.context["form"].fields["country"].choices]
    assert codes == ["", "EE", "DE"]  # by name: Estonia, Germany
    # A hidden or signed-in-only profile's country cannot be filtered for.
    assert names(client.get(reverse("profiles:directory"), {"country": "PT"})) == [
        "City of Tartu",
        "Sensorica GmbH",
    ]


def test_directory_pages_count_exactly(client, db):
    for n in range(30):
        make_profile(UserFactory(), organisation=f"Buyer {n:02d}")
    first = client.get(reverse("profiles:directory"))
    assert "30 profiles" in first.content.decode()
    assert len(first.context["profiles"]) == 24
    second = client.get(reverse("profiles:directory"), {"page": 2})
    assert names(second) == [f"Buyer {n:02d}" for n in range(24, 30)]


def test_one_profile_per_person(owner):
    from django.core.exceptions import ValidationError

    make_profile(owner)
    with pytest.raises(ValidationError):
        make_profile(owner, organisation="Second")
    assert Profile.objects.filter(user=owner).count() == 1


def test_directory_queries_do_not_grow_with_its_profiles(
    client, django_assert_max_num_queries
):
    """Each card is rendered from its row alone (country names and sector
    labels come from code), so a full page costs what a short one does."""
    client.force_login(UserFactory())
    make_profile(UserFactory())
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("profiles:directory"))
    for n in range(20):
        make_profile(UserFactory(), organisation=f"Buyer {n:02d}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("profiles:directory"))
    assert len(response.context["profiles"]) == 21
