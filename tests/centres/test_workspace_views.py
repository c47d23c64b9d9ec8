"""The centre workspace: profile editing, logo uploads, team management through pages."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django_scopes import scopes_disabled
from PIL import Image

from accounts.models import OutboundEmail
from centres.models import AuditEntry, Centre, Invitation, Membership
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def profile_data(centre, **overrides):
    data = {
        "name": centre.name,
        "short_name": centre.short_name,
        "tagline": "",
        "host_organisation": "",
        "website": "",
        "contact_email": "contact@alpha.example",
        "description": "We help buyers.",
        "services": ["training", "legal"],
        "sectors": ["health"],
        "working_languages": ["de", "en"],
        "buddy": "",
    }
    data.update(overrides)
    return data


def png_bytes(size=(64, 32), fmt="PNG"):
    buffer = io.BytesIO()
    Image.new("RGB", size, (11, 61, 145)).save(buffer, format=fmt)
    return buffer.getvalue()


def test_manager_edits_the_centre_profile(client, centre, manager, other_centre):
    client.force_login(manager)
    response = client.post(
        "/manage/alpha/profile/",
        profile_data(
            centre, tagline="Buying innovation together", buddy=other_centre.pk
        ),
    )
    assert response.status_code == 302
    centre.refresh_from_db()
    assert centre.tagline == "Buying innovation together"
    assert centre.services == ["training", "legal"]
    assert centre.buddy == other_centre
    with scopes_disabled():
        entry = AuditEntry.objects.get(centre=centre, action="centres.centre.updated")
    assert entry.actor == manager
    assert "tagline" in entry.data["fields"]
    assert (
        "Buying innovation together"
        in client.get(
            reverse("centres:detail", kwargs={"slug": "alpha"})
        ).content.decode()
    )


def test_a_valid_logo_is_stored(client, centre, manager):
    client.force_login(manager)
    logo = SimpleUploadedFile("logo.png", png_bytes(), content_type="image/png")
    response = client.post(
        "/manage/alpha/profile/", {**profile_data(centre), "logo": logo}
    )
    assert response.status_code == 302
    centre.refresh_from_db()
    assert centre.logo.name.startswith("centres/logos/")
    with centre.logo.open("rb") as fh:
        assert Image.open(fh).format == "PNG"


@pytest.mark.parametrize(
    ("filename", "content", "message"),
    [
        ("logo.png", b"<svg onload=alert(1)></svg>", "valid image"),
        ("logo.png", b"%PDF-1.4 disguised", "valid image"),
        ("logo.gif", None, "PNG, JPEG or WebP"),
        ("logo.png", "huge", "the limit is 2 MB"),
    ],
)
def test_a_bad_logo_is_refused_with_a_message_and_nothing_changes(
    client, centre, manager, filename, content, message
):
    if content is None:
        buffer = io.BytesIO()
        Image.new("RGB", (10, 10)).save(buffer, format="GIF")
        content = buffer.getvalue()
    elif content == "huge":
        content = png_bytes() + b"\0" * (2 * 1024 * 1024 + 1)
    client.force_login(manager)
    response = client.post(
        "/manage/alpha/profile/",
        {
            **profile_data(centre, tagline="changed"),
            "logo": SimpleUploadedFile(filename, content),
        },
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    centre.refresh_from_db()
    assert centre.tagline == ""
    assert not centre.logo


def test_invalid_profile_input_changes_nothing(client, centre, manager):
    client.force_login(manager)
    response = client.post(
        "/manage/alpha/profile/",
        profile_data(centre, name="", website="not a url", services=["teleportation"]),
    )
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"name", "website", "services"}
    assert Centre.objects.get(pk=centre.pk).name == "Alpha Centre"


def test_duplicate_membership_shows_a_clear_error(client, centre, manager, editor):
    client.force_login(manager)
    response = client.post(
        "/manage/alpha/team/", {"email": editor.email, "role": "manager"}
    )
    assert response.status_code == 200
    assert "already a member" in response.content.decode()
    with scopes_disabled():
        assert Membership.objects.get(user=editor).role == "editor"


def test_removing_the_last_manager_is_refused_with_a_message(client, centre, manager):
    client.force_login(manager)
    with scopes_disabled():
        own = Membership.objects.get(user=manager)
    response = client.post(f"/manage/alpha/team/{own.pk}/remove/", follow=True)
    assert "at least one manager" in response.content.decode()
    with scopes_disabled():
        assert Membership.objects.filter(pk=own.pk).exists()


def test_invitation_link_flow(client, centre, manager):
    from centres import services

    invitation = services.centre_member_add(
        centre=centre, email="invitee@example.org", role="editor", by=manager
    )
    mail = OutboundEmail.objects.get(to="invitee@example.org")
    path = mail.body_text.split("http://127.0.0.1:8000", 1)[1].split()[0]
    assert client.get(path).status_code == 200
    # Signed in as someone else: refused with the reason, nothing changes.
    client.force_login(UserFactory(email="someone@example.org"))
    response = client.post(path, follow=True)
    assert "invitee@example.org" in response.content.decode()
    with scopes_disabled():
        assert not Membership.objects.filter(
            centre=centre, user__email="someone@example.org"
        ).exists()
    # The invited person accepts and lands in the workspace.
    invitee = UserFactory(email="invitee@example.org")
    client.force_login(invitee)
    response = client.post(path)
    assert response.status_code == 302
    assert response["Location"] == "/manage/alpha/"
    with scopes_disabled():
        assert Membership.objects.get(centre=centre, user=invitee).role == "editor"
        invitation.refresh_from_db()
    assert invitation.state == "accepted"


def test_expired_invitation_link_says_so(client, centre, manager):
    from datetime import timedelta

    from django.utils import timezone

    from centres import services

    services.centre_member_add(
        centre=centre, email="late@example.org", role="editor", by=manager
    )
    mail = OutboundEmail.objects.get(to="late@example.org")
    path = mail.body_text.split("http://127.0.0.1:8000", 1)[1].split()[0]
    with scopes_disabled():
        Invitation.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    client.force_login(UserFactory(email="late@example.org"))
    response = client.post(path, follow=True)
    assert "expired" in response.content.decode()
    with scopes_disabled():
        assert not Membership.objects.filter(user__email="late@example.org").exists()


def test_non_member_poking_another_centres_workspace_gets_404(
    client, centre, editor_b, outsider
):
    for user in (editor_b, outsider):
        client.force_login(user)
        for url in (
            "/manage/alpha/",
            "/manage/alpha/team/",
            "/manage/alpha/profile/",
            "/manage/alpha/activity/",
        ):
            assert client.get(url).status_code == 404, (user, url)
        assert (
            client.post(
                "/manage/alpha/team/", {"email": "x@example.org", "role": "manager"}
            ).status_code
            == 404
        )
    with scopes_disabled():
        assert not Invitation.objects.filter(email="x@example.org").exists()


def test_activity_lists_the_audit_trail(client, centre, manager, editor):
    from centres import services

    services.centre_member_add(
        centre=centre, email="new@example.org", role="editor", by=manager
    )
    client.force_login(editor)
    body = client.get("/manage/alpha/activity/").content.decode()
    assert "centres.invitation.sent" in body or "new@example.org" in body
