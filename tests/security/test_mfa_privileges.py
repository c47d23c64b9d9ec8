"""Whoever must use two-factor sign-in gets nothing beyond a procurer until it is on.

A manager of centre A and the coordinator, both without TOTP, are asked for the
drafts and network-only resources of their own and another centre on every read
route (API list and detail, by session and by token, public pages, downloads,
feeds, events), and must get exactly the procurer's answer. The same accounts
with TOTP on get more, which shows each check can fail.
"""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.models import ApiToken
from centres.models import Centre, Role
from knowledge import services as knowledge_services
from knowledge.models import Resource
from tests.conftest import with_totp
from tests.events.helpers import make_event
from tests.factories import UserFactory, membership_create, resource_create

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
LOCKED = ["locked_manager", "locked_coordinator"]


@pytest.fixture
def world(centre, other_centre, manager, outsider):
    """Drafts, a network-only and a public resource of A and B; a draft event of A."""
    things = {}
    for key, owner_centre, author in (
        ("a", centre, manager),
        ("b", other_centre, outsider),
    ):
        draft = resource_create(
            centre=owner_centre, by=author, title=f"Draft plan {key}", slug=f"d-{key}"
        )
        knowledge_services.attachment_add(
            resource=draft,
            upload=ContentFile(PDF, name="plan.pdf"),
            title="Plan",
            by=author,
        )
        things[f"draft_{key}"] = draft
        things[f"network_{key}"] = resource_create(
            centre=owner_centre,
            by=author,
            published=True,
            title=f"Staff notes {key}",
            slug=f"n-{key}",
            visibility=Resource.Visibility.NETWORK,
        )
        things[f"public_{key}"] = resource_create(
            centre=owner_centre,
            by=author,
            published=True,
            title=f"Public guide {key}",
            slug=f"p-{key}",
        )
    things["event_draft_a"] = make_event(
        centre=centre, by=manager, published=False, title="Draft meeting"
    )
    return things


@pytest.fixture
def locked_manager(centre, other_centre):
    """Manager of A, editor of B, no TOTP."""
    user = UserFactory(email="locked-manager@example.org")
    membership_create(centre=centre, user=user, role=Role.MANAGER)
    membership_create(centre=other_centre, user=user, role=Role.EDITOR)
    return user


@pytest.fixture
def locked_coordinator(db):
    return UserFactory(email="locked-coordinator@example.org", coordinator=True)


def answer(client, url):
    response = client.get(url)
    body = response.json() if "json" in response.get("Content-Type", "") else None
    return response.status_code, body


def api_as(user, *, token=False):
    api = APIClient()
    if token:
        key = f"key-of-{user.pk}"
        ApiToken.objects.create(user=user, key_hash=ApiToken.hash(key))
        api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    else:
        api.force_login(user)
    return api


def read_urls(world):
    urls = {
        "api list": "/api/v1/resources/",
        "api list all": "/api/v1/resources/?q=plan",
    }
    for key in ("draft_a", "draft_b", "network_a", "network_b", "public_a"):
        resource = world[key]
        urls[f"api detail {key}"] = f"/api/v1/resources/{resource.pk}/"
    urls["api event draft_a"] = f"/api/v1/events/{world['event_draft_a'].pk}/"
    return urls


def page_urls(world):
    urls = {}
    for key in ("draft_a", "draft_b", "network_a", "network_b", "public_a"):
        urls[f"page {key}"] = world[key].get_absolute_url()
    for key in ("draft_a", "draft_b"):
        resource = world[key]
        urls[f"download {key}"] = reverse(
            "knowledge:attachment-download",
            args=[resource.centre.slug, resource.slug, resource.attachments.get().pk],
        )
    urls["event page draft_a"] = world["event_draft_a"].get_absolute_url()
    return urls


@pytest.mark.parametrize("persona", LOCKED)
@pytest.mark.parametrize("token", [False, True], ids=["session", "token"])
def test_api_reads_of_an_account_without_2fa_equal_a_procurers(
    request, world, procurer, persona, token
):
    user = request.getfixturevalue(persona)
    as_procurer, as_locked = api_as(procurer, token=token), api_as(user, token=token)
    for name, url in read_urls(world).items():
        expected = answer(as_procurer, url)
        assert answer(as_locked, url) == expected, name
    # What the procurer gets: no draft, no network-only resource.
    titles = {r["title"] for r in answer(as_locked, "/api/v1/resources/")[1]["results"]}
    assert titles == {"Public guide a", "Public guide b"}


@pytest.mark.parametrize("persona", LOCKED)
def test_pages_downloads_and_feeds_of_an_account_without_2fa_equal_a_procurers(
    request, client, world, procurer, persona
):
    user = request.getfixturevalue(persona)
    urls = {
        **page_urls(world),
        "search": reverse("knowledge:resource-list") + "?q=plan",
        "browse": reverse("knowledge:resource-list"),
        "feed": "/resources/feed/",
        "feed of A": "/resources/feed/centre/alpha/",
    }
    expected = {}
    client.force_login(procurer)
    for name, url in urls.items():
        response = client.get(url)
        expected[name] = (response.status_code, world_titles(response, world))
    client.force_login(user)
    for name, url in urls.items():
        response = client.get(url)
        assert (response.status_code, world_titles(response, world)) == expected[
            name
        ], name
    assert expected["page draft_a"][0] == expected["download draft_a"][0] == 404
    assert expected["page network_a"][0] == 404


def world_titles(response, world):
    """Which of the world's resources a page mentions."""
    content = b"".join(response) if response.streaming else response.content
    return sorted(
        key for key, thing in world.items() if thing.title.encode() in content
    )


@pytest.mark.parametrize(
    "persona, visible",
    [
        ("manager", {"draft_a", "network_a", "network_b"}),
        ("coordinator", {"draft_a", "draft_b", "network_a", "network_b"}),
    ],
)
def test_with_2fa_on_the_same_roles_read_drafts_and_network_resources(
    request, world, persona, visible
):
    """The control: the checks above would see a difference if there were one."""
    api = api_as(request.getfixturevalue(persona), token=True)
    for key in ("draft_a", "draft_b", "network_a", "network_b"):
        status, _ = answer(api, f"/api/v1/resources/{world[key].pk}/")
        assert status == (200 if key in visible else 404), key


@pytest.mark.parametrize("persona", LOCKED)
def test_turning_2fa_on_gives_the_privileges_back(request, world, persona):
    user = request.getfixturevalue(persona)
    api = api_as(user, token=True)
    url = f"/api/v1/resources/{world['draft_a'].pk}/"
    assert api.get(url).status_code == 404
    with_totp(user)
    assert api.get(url).status_code == 200


@pytest.mark.parametrize("persona", LOCKED)
def test_an_account_without_2fa_cannot_create_an_api_token(request, client, persona):
    user = request.getfixturevalue(persona)
    client.force_login(user)
    response = client.post(reverse("accounts:token"))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")
    assert not ApiToken.objects.filter(user=user).exists()


@pytest.mark.parametrize("persona", LOCKED)
def test_an_account_without_2fa_has_no_workspace_no_role_and_no_permission(
    request, client, centre, persona
):
    user = request.getfixturevalue(persona)
    assert list(Centre.objects.workspaces_for(user)) == []
    assert centre.role_of(user) is None
    assert not user.acts_as_coordinator
    assert not user.has_perm("knowledge.change_resource")
    assert not Resource.objects.writable_by(user).exists()
    client.force_login(user)
    for url in ("/manage/", "/manage/alpha/", "/manage/beta/"):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == reverse("mfa_activate_totp"), url
    assert client.get("/admin/accounts/user/").status_code == 302  # to sign-in


def test_an_event_export_waits_for_2fa(client, world, locked_manager):
    client.force_login(locked_manager)
    url = reverse("manage:events:export", args=["alpha", world["event_draft_a"].pk])
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")
