"""Attachment downloads: the resource's visibility rule, the right headers, 404s."""

import pytest
from django.urls import reverse

from knowledge import services

from .conftest_k1 import PDF_BYTES, library_fixture, pdf_upload  # noqa: F401 - fixture

pytestmark = pytest.mark.django_db


def download_url(resource, attachment_pk):
    return f"{resource.get_absolute_url()}files/{attachment_pk}/"


def body(response):
    return b"".join(response.streaming_content)


def test_anonymous_visitor_downloads_a_public_attachment(client, library):
    attachment = library.case.attachments.get()
    response = client.get(download_url(library.case, attachment.pk))
    assert response.status_code == 200
    assert body(response) == PDF_BYTES
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="case-report.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Length"] == str(len(PDF_BYTES))


def test_the_type_comes_from_the_checked_content_not_the_name(
    client, library, outsider
):
    attachment = services.attachment_add(
        resource=library.case,
        by=outsider,
        upload=pdf_upload("looks-like-a-page.html"),
        title="Renamed",
    )
    response = client.get(download_url(library.case, attachment.pk))
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")


def test_an_attachment_of_another_resource_is_not_found(client, library):
    attachment = library.case.attachments.get()
    assert client.get(download_url(library.report, attachment.pk)).status_code == 404
    assert (
        client.get(download_url(library.case, attachment.pk + 999)).status_code == 404
    )


def test_the_url_must_name_the_owning_centre(client, library):
    attachment = library.case.attachments.get()
    url = reverse(
        "knowledge:attachment-download",
        kwargs={"centre_slug": "alpha", "slug": library.case.slug, "pk": attachment.pk},
    )
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        (None, 404),
        ("procurer", 404),
        ("editor_b", 404),
        ("editor", 200),
        ("manager", 200),
        ("coordinator", 200),
    ],
)
def test_a_drafts_attachment_follows_the_drafts_visibility(
    client, library, editor, request, persona, status
):
    attachment = services.attachment_add(
        resource=library.draft, by=editor, upload=pdf_upload("draft.pdf")
    )
    if persona:
        client.force_login(request.getfixturevalue(persona))
    response = client.get(download_url(library.draft, attachment.pk))
    assert response.status_code == status
    if status == 200:
        assert body(response) == PDF_BYTES
        assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize(
    ("persona", "status"), [(None, 404), ("procurer", 404), ("editor_b", 200)]
)
def test_a_network_only_attachment_is_for_centre_staff(
    client, library, outsider, request, persona, status
):
    attachment = services.attachment_add(
        resource=library.network, by=outsider, upload=pdf_upload("network.pdf")
    )
    if persona:
        client.force_login(request.getfixturevalue(persona))
    response = client.get(download_url(library.network, attachment.pk))
    assert response.status_code == status


def test_a_file_missing_from_storage_is_a_404_not_a_500(client, library):
    attachment = library.case.attachments.get()
    attachment.file.storage.delete(attachment.file.name)
    assert client.get(download_url(library.case, attachment.pk)).status_code == 404
