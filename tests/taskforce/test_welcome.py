"""The accepted member's welcome page: the newsletter in one click (consent
recorded by the newsletter's services), her projects' communities joined with
her account, her directory profile."""

import pytest
from django.core import mail
from django.urls import reverse

from communities.models import Community, CommunityMember
from newsletters.models import Subscriber
from tests.factories import UserFactory

from .helpers import apply, mails_to, member, reload

pytestmark = pytest.mark.django_db


def welcome(application, name="welcome", **kwargs):
    return reverse(
        f"taskforce:{name}", kwargs={"token": application.token("follow"), **kwargs}
    )


@pytest.fixture
def communities(build, procedin):
    return {
        "open": Community.objects.create(
            centre=build, name="BUILD alumni", slug="build-alumni", purpose="Alumni."
        ),
        "closed": Community.objects.create(
            centre=build,
            name="BUILD trainers",
            slug="build-trainers",
            purpose="Trainers.",
            visibility=Community.Visibility.CLOSED,
        ),
        "other": Community.objects.create(
            centre=procedin, name="Circular cities", slug="circular", purpose="C."
        ),
    }


def test_only_a_member_has_a_welcome_page(client, build):
    application = apply(build)
    assert client.get(welcome(application)).status_code == 404
    # Her application page sends a member to her welcome page.
    accepted = member(build, email="m@example.org")
    page = client.get(welcome(accepted, "application"))
    assert page.status_code == 302 and page["Location"] == welcome(accepted)
    assert client.get(welcome(accepted)).status_code == 200


def test_the_newsletter_by_her_link_starts_the_newsletters_double_opt_in(
    client, build, sent
):
    application = member(build)
    mail.outbox.clear()
    with sent():
        response = client.post(
            welcome(application, "welcome-newsletter"), HTTP_USER_AGENT="Firefox"
        )
    assert response.status_code == 302
    subscriber = Subscriber.objects.get(email=application.email)
    assert subscriber.status == Subscriber.Status.PENDING
    assert subscriber.wants_newsletter and subscriber.consent_at is not None
    assert subscriber.consent_ip and subscriber.consent_user_agent == "Firefox"
    assert subscriber.consent_version
    assert len(mails_to(application.email)) == 1  # the newsletter's confirmation
    assert reload(application).newsletter_at is not None
    assert (
        "You asked for the newsletter"
        in client.get(welcome(application)).content.decode()
    )


def test_the_newsletter_for_her_signed_in_account_is_one_click(client, build, sent):
    from allauth.account.models import EmailAddress

    application = member(build)
    user = UserFactory(email=application.email)
    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    client.force_login(user)
    with sent():
        client.post(welcome(application, "welcome-newsletter"))
    subscriber = Subscriber.objects.get(email=application.email)
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert subscriber.user == user and subscriber.consent_at is not None


def test_she_joins_an_open_community_at_once_and_asks_for_a_closed_one(
    client, build, procedin, communities
):
    application = member(build)
    page = client.get(welcome(application)).content.decode()
    assert "BUILD alumni" in page and "Circular cities" not in page
    assert "Create an account" in page
    # Without an account nothing happens.
    client.post(welcome(application, "welcome-join", slug="build-alumni"))
    assert not CommunityMember.objects.exists()
    user = UserFactory(email=application.email)
    client.force_login(user)
    client.post(welcome(application, "welcome-join", slug="build-alumni"))
    client.post(welcome(application, "welcome-join", slug="build-trainers"))
    assert (
        CommunityMember.objects.get(community__slug="build-alumni").status == "active"
    )
    assert (
        CommunityMember.objects.get(community__slug="build-trainers").status
        == "pending"
    )
    assert reload(application).user == user
    # Twice is once.
    client.post(welcome(application, "welcome-join", slug="build-alumni"))
    assert CommunityMember.objects.filter(user=user).count() == 2
    # Not her project's community.
    response = client.post(welcome(application, "welcome-join", slug="circular"))
    assert response.status_code == 404
    assert "You are a member" in client.get(welcome(application)).content.decode()


def test_another_account_cannot_join_with_her_link(client, build, communities):
    application = member(build)
    client.force_login(UserFactory(email="someone-else@example.org"))
    page = client.get(welcome(application)).content.decode()
    assert "sign in with the address of your application" in page
    client.post(welcome(application, "welcome-join", slug="build-alumni"))
    assert not CommunityMember.objects.exists()
    assert reload(application).user is None


def test_a_banned_account_stays_banned(client, build, communities):
    application = member(build)
    user = UserFactory(email=application.email)
    CommunityMember.objects.create(
        community=communities["open"], user=user, status="banned"
    )
    client.force_login(user)
    client.post(welcome(application, "welcome-join", slug="build-alumni"))
    assert CommunityMember.objects.get().status == "banned"


def test_she_edits_her_profile_by_link_and_by_account(client, build, communities):
    application = member(build)
    url = welcome(application, "welcome-profile")
    assert client.get(url).status_code == 200
    bad = client.post(url, {"website": "not a url at all", "profile": "x"})
    assert bad.status_code == 400 and reload(application).profile == ""
    client.post(url, {"website": "https://tartu.example.org", "profile": "We buy."})
    application = reload(application)
    assert application.website == "https://tartu.example.org"
    assert application.profile == "We buy." and not application.consent_directory
    # By her account, once it is linked.
    user = UserFactory(email=application.email)
    client.force_login(user)
    assert client.get(reverse("taskforce:profile")).status_code == 404
    client.post(welcome(application, "welcome-join", slug="build-alumni"))
    client.post(
        reverse("taskforce:profile"), {"profile": "Updated.", "consent_directory": "on"}
    )
    application = reload(application)
    assert application.profile == "Updated." and application.consent_directory


def test_a_declined_applicant_has_no_profile_page(client, build, build_staff):
    from communities import participation_services as services

    application = services.application_decline(
        application=apply(build), project=build, by=build_staff, message="No."
    )
    assert client.get(welcome(application, "welcome-profile")).status_code == 404
    assert "No." in client.get(welcome(application, "application")).content.decode()
