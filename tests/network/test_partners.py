"""The coordinator keeps the project's partner organisations and funding line."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django_scopes import scopes_disabled
from PIL import Image

from centres.models import AuditEntry
from network.models import Partner, ProjectIdentity

pytestmark = pytest.mark.django_db


def png(size=(80, 40)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "navy").save(buffer, format="PNG")
    return SimpleUploadedFile("logo.png", buffer.getvalue(), content_type="image/png")


def partner_data(**overrides):
    return {
        "organisation": "ICLEI – Local Governments for Sustainability",
        "short_name": "ICLEI",
        "country": "",
        "role": "communication",
        "website": "https://example.org/iclei",
        "is_active": "on",
        **overrides,
    }


def audit_actions():
    with scopes_disabled():
        return list(
            AuditEntry.objects.filter(centre__isnull=True)
            .order_by("pk")
            .values_list("action", "target")
        )


def test_coordinator_adds_a_partner_with_a_logo(client, coordinator, settings):
    client.force_login(coordinator)
    response = client.post(
        reverse("network:partner-create"), {**partner_data(), "logo": png()}
    )
    assert response.status_code == 302
    assert response.url == reverse("network:partners")
    partner = Partner.objects.get()
    assert partner.short_name == "ICLEI" and partner.role == "communication"
    assert partner.website == "https://example.org/iclei"
    assert partner.logo.name.startswith("partners/logos/")
    assert audit_actions() == [("network.partner.created", partner.organisation)]
    # Its logo is public media, as centre logos are.
    assert client.get(partner.logo.url).status_code == 200


def test_a_partner_logo_is_served_but_nothing_else_under_partners(client):
    assert client.get("/media/partners/logos/../../knowledge/x.pdf").status_code == 404
    assert client.get("/media/partners/other/x.png").status_code == 404


def test_coordinator_edits_a_partner(client, coordinator):
    partner = Partner.objects.create(organisation="Old name", role="partner")
    client.force_login(coordinator)
    url = reverse("network:partner-edit", args=[partner.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url, partner_data(organisation="New name", role="centre_host", country="AT")
    )
    assert response.status_code == 302
    partner.refresh_from_db()
    assert (partner.organisation, partner.role, partner.country.code) == (
        "New name",
        "centre_host",
        "AT",
    )
    with scopes_disabled():
        entry = AuditEntry.objects.get(action="network.partner.updated")
    assert entry.centre is None and entry.actor == coordinator
    assert set(entry.data["fields"]) >= {"organisation", "role", "country"}


def test_coordinator_removes_a_partner(client, coordinator):
    partner = Partner.objects.create(organisation="Leaving", role="partner")
    client.force_login(coordinator)
    response = client.post(reverse("network:partner-remove", args=[partner.pk]))
    assert response.status_code == 302
    assert not Partner.objects.exists()
    assert audit_actions() == [("network.partner.removed", "Leaving")]


def test_coordinator_reorders_partners(client, coordinator):
    a, _b, c = (
        Partner.objects.create(organisation=name, role="partner", order=5)
        for name in ("A", "B", "C")
    )
    client.force_login(coordinator)
    move = reverse("network:partner-move", args=[c.pk])
    assert client.post(move, {"direction": "up"}).status_code == 302
    assert [p.organisation for p in Partner.objects.in_order()] == ["A", "C", "B"]
    assert list(Partner.objects.in_order().values_list("order", flat=True)) == [
        0,
        1,
        2,
    ]
    # The first one cannot go further up: nothing changes.
    client.post(reverse("network:partner-move", args=[a.pk]), {"direction": "up"})
    assert [p.organisation for p in Partner.objects.in_order()] == ["A", "C", "B"]
    # A bad direction is refused with a message.
    response = client.post(move, {"direction": "sideways"}, follow=True)
    assert "Choose to move a partner up or down." in response.content.decode()
    assert [p.organisation for p in Partner.objects.in_order()] == ["A", "C", "B"]


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"website": "javascript:alert(1)"}, "Enter a valid URL."),
        ({"website": "not a url"}, "Enter a valid URL."),
        ({"logo": "svg"}, "Upload a valid image."),
        ({"logo": "gif"}, "Logos must be PNG, JPEG or WebP"),
        ({"organisation": ""}, "This field is required."),
    ],
)
def test_bad_input_is_refused_with_a_message_and_nothing_saved(
    client, coordinator, overrides, message
):
    if overrides.get("logo") == "svg":
        overrides["logo"] = SimpleUploadedFile(
            "logo.png", b"<svg onload=alert(1)></svg>", content_type="image/png"
        )
    elif overrides.get("logo") == "gif":
        buffer = io.BytesIO()
        Image.new("RGB", (10, 10)).save(buffer, format="GIF")
        overrides["logo"] = SimpleUploadedFile("logo.gif", buffer.getvalue())
    client.force_login(coordinator)
    response = client.post(reverse("network:partner-create"), partner_data(**overrides))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Partner.objects.exists()
    assert audit_actions() == []


def test_a_bad_url_on_edit_leaves_the_partner_as_it_was(client, coordinator):
    partner = Partner.objects.create(
        organisation="Kept", role="partner", website="https://example.org/"
    )
    client.force_login(coordinator)
    response = client.post(
        reverse("network:partner-edit", args=[partner.pk]),
        partner_data(organisation="Changed", website="ftp//broken"),
    )
    assert response.status_code == 400
    assert "Enter a valid URL." in response.content.decode()
    partner.refresh_from_db()
    assert (partner.organisation, partner.website) == ("Kept", "https://example.org/")


@pytest.mark.parametrize("persona", ["manager", "editor", "outsider", "procurer"])
def test_nobody_but_the_coordinator_changes_partners(client, request, persona):
    partner = Partner.objects.create(organisation="Stays", role="partner")
    client.force_login(request.getfixturevalue(persona))
    assert (
        client.post(reverse("network:partner-create"), partner_data()).status_code
        == 403
    )
    assert (
        client.post(reverse("network:partner-remove", args=[partner.pk])).status_code
        == 403
    )
    assert Partner.objects.get().organisation == "Stays"


def test_coordinator_sets_the_grant_agreement_number(client, coordinator):
    client.force_login(coordinator)
    data = {
        "name": "Procure2Innovate",
        "start_year": "2018",
        "end_year": "2022",
        "partner_count": "17",
        "funding_programme": "h2020",
        "grant_agreement": "123456",
    }
    assert client.post(reverse("network:project"), data).status_code == 302
    assert ProjectIdentity.current().grant_agreement == "123456"
    # A number that is no number, or a period ending before it starts: refused.
    bad = client.post(reverse("network:project"), {**data, "grant_agreement": "GA-1"})
    assert bad.status_code == 400
    assert "A grant agreement number has 5 to 10 digits." in bad.content.decode()
    reversed_years = client.post(
        reverse("network:project"), {**data, "end_year": "2017"}
    )
    assert reversed_years.status_code == 400
    assert ProjectIdentity.current().grant_agreement == "123456"
    assert ProjectIdentity.current().end_year == 2022
    with scopes_disabled():
        assert AuditEntry.objects.filter(action="network.project.updated").count() == 1


def test_seed_partners_loads_the_known_partners_once(db):
    from django.core.management import call_command

    call_command("seed_partners", quiet=True)
    call_command("seed_partners", quiet=True)
    partners = list(Partner.objects.in_order())
    assert [p.short_name for p in partners] == [
        "BME",
        "ICLEI",
        "BBG",
        "PIANOo",
        "Upphandlingsmyndigheten",
    ]
    assert partners[0].role == "coordinator" and partners[1].role == "communication"
    assert ProjectIdentity.current().grant_agreement == ""


def test_a_replaced_logo_file_is_deleted(
    client, coordinator, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("network:partner-create"), {**partner_data(), "logo": png()}
        )
    partner = Partner.objects.get()
    old = partner.logo.name
    storage = partner.logo.storage
    assert storage.exists(old)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("network:partner-edit", args=[partner.pk]),
            {**partner_data(), "logo": png((60, 60))},
        )
    assert response.status_code == 302
    partner.refresh_from_db()
    assert partner.logo.name != old and storage.exists(partner.logo.name)
    assert not storage.exists(old)
