"""Attachments in the workspace: checked by content and size, stored, removed."""

import pytest
from django.template.defaultfilters import filesizeformat

from knowledge.models import Attachment

from .conftest_k2 import (  # noqa: F401 - fixtures
    PDF_BYTES,
    attachment_a_fixture,
    attachment_count,
    docx_bytes,
    draft_a_fixture,
    manage_url,
    media_root_fixture,
    published_a_fixture,
    revisions_of,
    stored_files,
    upload,
)

pytestmark = pytest.mark.django_db

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.mark.parametrize(
    ("name", "content", "file_type", "content_type"),
    [
        ("report.pdf", PDF_BYTES, "pdf", "application/pdf"),
        ("checklist.docx", docx_bytes(), "docx", DOCX_TYPE),
        # The name does not matter, the content does.
        ("checklist.bin", docx_bytes(), "docx", DOCX_TYPE),
    ],
)
def test_a_valid_file_is_stored_and_listed(
    client, editor, draft_a, media_root, name, content, file_type, content_type
):
    client.force_login(editor)
    response = client.post(
        manage_url("alpha", "attachments", draft_a.pk),
        {"attachment-file": upload(name, content), "attachment-title": "The file"},
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"/{draft_a.pk}/edit/#attachments")
    attachment = Attachment.objects.get(resource=draft_a)
    assert (attachment.title, attachment.file_type, attachment.content_type) == (
        "The file",
        file_type,
        content_type,
    )
    assert attachment.size == len(content)
    assert [p.read_bytes() for p in stored_files(media_root)] == [content]
    assert revisions_of(draft_a)[-1].action == "knowledge.attachment.added"

    page = client.get(manage_url("alpha", "edit", draft_a.pk)).content.decode()
    assert "The file" in page
    assert file_type.upper() in page
    assert filesizeformat(len(content)) in page


def test_title_defaults_to_the_file_name(client, editor, draft_a, media_root):
    client.force_login(editor)
    client.post(
        manage_url("alpha", "attachments", draft_a.pk),
        {"attachment-file": upload("annual-report.pdf", PDF_BYTES)},
    )
    assert Attachment.objects.get(resource=draft_a).title == "annual-report.pdf"


def test_a_disguised_file_is_refused_and_nothing_is_stored(
    client, editor, draft_a, media_root
):
    client.force_login(editor)
    response = client.post(
        manage_url("alpha", "attachments", draft_a.pk),
        {
            "attachment-file": upload(
                "report.pdf", b"just some text\n" * 20, "application/pdf"
            )
        },
    )
    assert response.status_code == 200
    errors = " ".join(response.context["attachment_form"].errors["file"])
    assert "“report.pdf” is not a PDF" in errors
    assert "Its content was checked, not its name." in response.content.decode()
    assert attachment_count(draft_a) == 0
    assert stored_files(media_root) == []
    assert len(revisions_of(draft_a)) == 1


def test_a_file_over_20_mb_gets_the_clear_message_and_nothing_is_stored(
    client, editor, draft_a, media_root
):
    """21 MB passes Django's own upload limits and reaches the content check."""
    client.force_login(editor)
    big = PDF_BYTES + b"0" * (21 * 1024 * 1024)
    response = client.post(
        manage_url("alpha", "attachments", draft_a.pk),
        {"attachment-file": upload("huge.pdf", big, "application/pdf")},
    )
    assert response.status_code == 200
    errors = " ".join(response.context["attachment_form"].errors["file"])
    assert "“huge.pdf” is 21.0 MB; attachments may be at most 20 MB." in errors
    assert attachment_count(draft_a) == 0
    assert stored_files(media_root) == []


def test_missing_file_is_a_form_error(client, editor, draft_a, media_root):
    client.force_login(editor)
    response = client.post(manage_url("alpha", "attachments", draft_a.pk), {})
    assert response.status_code == 200
    assert "file" in response.context["attachment_form"].errors
    assert attachment_count(draft_a) == 0


def test_remove_deletes_the_row_and_the_file(
    client,
    editor,
    draft_a,
    media_root,
    attachment_a,
    django_capture_on_commit_callbacks,
):
    client.force_login(editor)
    assert len(stored_files(media_root)) == 1
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            manage_url("alpha", f"attachments/{attachment_a.pk}/remove", draft_a.pk)
        )
    assert response.status_code == 302
    assert attachment_count(draft_a) == 0
    assert stored_files(media_root) == []
    assert revisions_of(draft_a)[-1].action == "knowledge.attachment.removed"


def test_remove_is_post_only(client, editor, draft_a, attachment_a):
    client.force_login(editor)
    url = manage_url("alpha", f"attachments/{attachment_a.pk}/remove", draft_a.pk)
    assert client.get(url).status_code == 405
    assert attachment_count(draft_a) == 1


def test_an_attachment_of_another_resource_is_not_found(
    client, editor, centre, draft_a, attachment_a, published_a
):
    client.force_login(editor)
    # published_a is not editable by an editor; use another draft of alpha.
    from tests.factories import resource_create

    other = resource_create(centre=centre, by=editor, title="Another draft")
    response = client.post(
        manage_url("alpha", f"attachments/{attachment_a.pk}/remove", other.pk)
    )
    assert response.status_code == 404
    assert attachment_count(draft_a) == 1


def test_an_editor_cannot_change_a_published_resources_files(
    client, editor, published_a, media_root
):
    client.force_login(editor)
    response = client.post(
        manage_url("alpha", "attachments", published_a.pk),
        {"attachment-file": upload("report.pdf", PDF_BYTES)},
    )
    assert response.status_code == 403
    assert attachment_count(published_a) == 0
