"""The settings: the preference centre's section, the form on a community's
page, and the signed one-click way out of every mail."""

import time

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse

from communities.models import CommunityMember
from communities.notifications import out_token

from .helpers import join, make_community

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(centre):
    circular = make_community(centre=centre, slug="circular", name="Circular cities")
    health = make_community(centre=centre, slug="health", name="Health", closed=True)
    member = join(circular, notify="instant", email="member@example.org")
    join(health, member, notify="daily")
    return {"circular": circular, "health": health, "member": member}


def notify_of(user):
    return dict(
        CommunityMember.objects.filter(user=user).values_list(
            "community__slug", "notify"
        )
    )


def test_the_profile_lists_her_communities_next_to_the_newsletter(client, world):
    client.force_login(world["member"])
    response = client.get(reverse("accounts:profile"))
    assert response.status_code == 200
    text = response.content.decode()
    assert "E-mails from your communities" in text
    assert "Circular cities: Every post at once" in text
    assert "Health: A daily summary" in text
    assert reverse("communities_notify:preferences") in text


def test_the_preference_page_saves_every_community(client, world):
    client.force_login(world["member"])
    url = reverse("communities_notify:preferences")
    response = client.get(url)
    assert response.status_code == 200
    members = {m.community.slug: m.pk for m in CommunityMember.objects.all()}
    response = client.post(
        url,
        {
            f"notify_{members['circular']}": "weekly",
            f"notify_{members['health']}": "none",
        },
    )
    assert response.status_code == 302
    assert notify_of(world["member"]) == {"circular": "weekly", "health": "none"}


def test_a_bad_choice_is_refused_and_changes_nothing(client, world):
    client.force_login(world["member"])
    members = {m.community.slug: m.pk for m in CommunityMember.objects.all()}
    response = client.post(
        reverse("communities_notify:preferences"),
        {
            f"notify_{members['circular']}": "hourly",
            f"notify_{members['health']}": "none",
        },
    )
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert notify_of(world["member"]) == {"circular": "instant", "health": "daily"}


def test_the_community_page_form_sets_that_community_only(client, world):
    client.force_login(world["member"])
    response = client.post(
        reverse("communities_notify:community", kwargs={"slug": "circular"}),
        {"notify": "daily", "next": "/en/"},
    )
    assert response.status_code == 302 and response["Location"] == "/en/"
    assert notify_of(world["member"]) == {"circular": "daily", "health": "daily"}


def test_the_form_refuses_a_foreign_next_and_non_members(client, world, procurer):
    client.force_login(world["member"])
    response = client.post(
        reverse("communities_notify:community", kwargs={"slug": "circular"}),
        {"notify": "none", "next": "https://evil.example/"},
    )
    assert response["Location"] == reverse("communities_notify:preferences")
    client.force_login(procurer)
    for slug in ("circular", "health", "missing"):
        response = client.post(
            reverse("communities_notify:community", kwargs={"slug": slug}),
            {"notify": "instant"},
        )
        assert response.status_code == 404


def test_the_form_tag_renders_for_members_only(world, procurer):
    template = Template(
        "{% load community_emails %}{% community_notify_form community %}"
    )
    request = RequestFactory().get("/en/communities/circular/")
    request.user = world["member"]
    html = template.render(
        Context({"request": request, "community": world["circular"]})
    )
    assert 'action="/en/community-emails/circular/"' in html
    assert 'value="instant" selected' in html
    request.user = procurer
    html = template.render(
        Context({"request": request, "community": world["circular"]})
    )
    assert "<form" not in html


def test_one_click_out_sets_only_that_community_to_nothing(client, world):
    token = out_token(user=world["member"], community=world["circular"])
    url = reverse("communities_notify:out", kwargs={"token": token})
    # GET only asks (link scanners follow links).
    response = client.get(url)
    assert response.status_code == 200
    assert "Circular cities" in response.content.decode()
    assert notify_of(world["member"]) == {"circular": "instant", "health": "daily"}
    response = client.post(url)
    assert response.status_code == 200
    assert notify_of(world["member"]) == {"circular": "none", "health": "daily"}


def test_the_same_member_and_list_always_get_the_same_link(world):
    # The body is rendered when the mail is queued and the List-Unsubscribe
    # header when it is sent: both must carry the same address.
    first = out_token(user=world["member"], community=world["circular"])
    time.sleep(1.1)  # a timestamped signature would differ by now
    again = out_token(user=world["member"], community=world["circular"])
    assert first == again
    daily = out_token(user=world["member"], frequency="daily")
    assert daily != first


def test_a_link_mailed_with_a_timestamped_token_still_works(client, world):
    from django.core import signing

    from communities.notifications import TOKEN_SALT

    old = signing.dumps(
        {
            "u": world["member"].pk,
            "e": world["member"].email[:3],
            "c": world["circular"].pk,
        },
        salt=TOKEN_SALT,
    )
    url = reverse("communities_notify:out", kwargs={"token": old})
    assert client.post(url).status_code == 200
    assert notify_of(world["member"]) == {"circular": "none", "health": "daily"}


def test_a_forged_or_stale_link_changes_nothing(client, world):
    token = out_token(user=world["member"], community=world["circular"])
    for bad in (token[:-2] + "xx", "nonsense"):
        url = reverse("communities_notify:out", kwargs={"token": bad})
        assert client.post(url).status_code == 400
    world["member"].email = "changed@example.org"
    world["member"].save()
    url = reverse("communities_notify:out", kwargs={"token": token})
    assert client.post(url).status_code == 400
    assert notify_of(world["member"]) == {"circular": "instant", "health": "daily"}


def test_the_preference_page_needs_sign_in(client):
    response = client.get(reverse("communities_notify:preferences"))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
