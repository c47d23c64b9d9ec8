"""The knowledge services' contracts: workflow, history, search index, attachments."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile, TemporaryUploadedFile
from django.db import connection, transaction
from django.http import QueryDict
from django.test import override_settings
from django_scopes import scopes_disabled

from centres.models import AuditEntry
from knowledge import services
from knowledge.models import Attachment, Resource, Revision
from knowledge.selectors import SearchParams, resource_search
from knowledge.textsearch import languages_unstemmed
from tests.factories import resource_create

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
S = Resource.Status


def history(resource):
    """(action, actor, changes, comment) of each revision, oldest first."""
    with scopes_disabled():
        return [
            (r.action, r.actor, r.changes, r.comment)
            for r in Revision.objects.filter(resource=resource).order_by("pk")
        ]


def audit_actions(centre):
    with scopes_disabled():
        return list(
            AuditEntry.objects.filter(centre=centre)
            .order_by("pk")
            .values_list("action", flat=True)
        )


def found(query: str) -> set[str]:
    """Titles an anonymous visitor finds for `query`."""
    params = SearchParams.from_querydict(QueryDict(f"q={query}"))
    result = resource_search(user=AnonymousUser(), params=params)
    return {r.title for r in result.page.object_list}


def in_state(status, *, centre, editor, manager):
    """A resource of `centre` brought to `status` through the services."""
    resource = resource_create(centre=centre, by=editor, title=f"Resource {status}")
    if status == S.DRAFT:
        return resource
    if status == S.IN_REVIEW:
        return services.resource_submit(resource=resource, by=editor)
    resource = services.resource_publish(resource=resource, by=manager)
    if status == S.ARCHIVED:
        resource = services.resource_archive(resource=resource, by=manager)
    return resource


# Creating


def test_create_makes_an_indexed_draft_with_its_first_revision(centre, editor):
    resource = resource_create(
        centre=centre,
        by=editor,
        title="Guide to market consultation",
        body="# Steps\n\nTalk to the market **early**.",
    )

    resource.refresh_from_db()
    assert resource.status == S.DRAFT
    assert resource.published_at is None
    assert resource.created_by == editor
    assert resource.slug == "guide-to-market-consultation"
    assert resource.body_html == (
        "<h2>Steps</h2>\n<p>Talk to the market <strong>early</strong>.</p>"
    )
    assert resource.search_config == "english"
    assert resource.search_vector is not None
    assert history(resource) == [("knowledge.resource.created", editor, {}, "")]
    assert audit_actions(centre) == ["knowledge.resource.created"]


def test_create_uses_the_stemming_of_the_resource_language(centre, editor):
    german = resource_create(
        centre=centre, by=editor, title="Leitfaden Beschaffung", language="de"
    )
    estonian = resource_create(
        centre=centre, by=editor, title="Hankejuhend", language="et"
    )

    german.refresh_from_db()
    estonian.refresh_from_db()
    # Estonian is stemmed where PostgreSQL has its stemmer (18), else as written.
    estonian_config = "estonian" if "et" not in languages_unstemmed() else "p2i_simple"
    assert (german.search_config, estonian.search_config) == (
        "german",
        estonian_config,
    )


def test_slugs_are_unique_per_centre_only(centre, other_centre, editor, editor_b):
    first = resource_create(centre=centre, by=editor, title="Checklist")
    second = resource_create(centre=centre, by=editor, title="Checklist")
    elsewhere = resource_create(centre=other_centre, by=editor_b, title="Checklist")

    assert (first.slug, second.slug, elsewhere.slug) == (
        "checklist",
        "checklist-2",
        "checklist",
    )


def test_create_refuses_a_slug_taken_in_the_same_centre(centre, editor):
    resource_create(centre=centre, by=editor, title="Checklist")

    with pytest.raises(ValidationError):
        resource_create(centre=centre, by=editor, title="Other", slug="checklist")

    assert list(Resource.objects.values_list("title", flat=True)) == ["Checklist"]


def test_create_refuses_invalid_content_and_records_nothing(centre, editor):
    with pytest.raises(ValidationError) as error:
        resource_create(
            centre=centre,
            by=editor,
            kind=Resource.Kind.CASE_STUDY,
            case_year=1850,
            contract_value_eur=-5,
        )

    assert {"case_year", "contract_value_eur"} <= set(error.value.message_dict)
    assert not Resource.objects.exists()
    assert audit_actions(centre) == []


def test_a_translation_joins_the_group_of_its_original(centre, editor):
    original = resource_create(centre=centre, by=editor, title="Leitfaden")
    translation = resource_create(
        centre=centre, by=editor, title="Guide", translation_of=original
    )
    unrelated = resource_create(centre=centre, by=editor, title="Other")

    assert translation.translation_group == original.translation_group
    assert unrelated.translation_group != original.translation_group


# The workflow: draft → in review → published → archived


@pytest.mark.parametrize(
    ("action", "start", "end", "recorded"),
    [
        ("submit", S.DRAFT, S.IN_REVIEW, "knowledge.resource.submitted"),
        ("publish", S.DRAFT, S.PUBLISHED, "knowledge.resource.published"),
        ("publish", S.IN_REVIEW, S.PUBLISHED, "knowledge.resource.published"),
        ("archive", S.PUBLISHED, S.ARCHIVED, "knowledge.resource.archived"),
    ],
)
def test_allowed_transitions_change_the_status_and_are_recorded(
    centre, editor, manager, action, start, end, recorded
):
    resource = in_state(start, centre=centre, editor=editor, manager=manager)
    before = len(history(resource))

    service = getattr(services, f"resource_{action}")
    service(resource=resource, by=manager)

    resource.refresh_from_db()
    assert resource.status == end
    log = history(resource)
    assert len(log) == before + 1
    assert log[-1][:3] == (recorded, manager, {"status": [start, end]})
    assert audit_actions(centre)[-1] == recorded


REFUSED = [
    ("submit", S.IN_REVIEW),
    ("submit", S.PUBLISHED),
    ("submit", S.ARCHIVED),
    ("publish", S.PUBLISHED),
    ("publish", S.ARCHIVED),
    ("send_back", S.DRAFT),
    ("send_back", S.PUBLISHED),
    ("send_back", S.ARCHIVED),
    ("archive", S.DRAFT),
    ("archive", S.IN_REVIEW),
    ("archive", S.ARCHIVED),
]


@pytest.mark.parametrize(("action", "start"), REFUSED)
def test_refused_transitions_raise_and_change_nothing(
    centre, editor, manager, action, start
):
    resource = in_state(start, centre=centre, editor=editor, manager=manager)
    resource.refresh_from_db()
    snapshot = (resource.status, resource.published_at, resource.review_comment)
    revisions_before = history(resource)

    kwargs = {"comment": "Please fix."} if action == "send_back" else {}
    with pytest.raises(ValidationError):
        getattr(services, f"resource_{action}")(resource=resource, by=manager, **kwargs)

    resource.refresh_from_db()
    assert (
        resource.status,
        resource.published_at,
        resource.review_comment,
    ) == snapshot
    assert history(resource) == revisions_before


def test_publish_stamps_the_date_and_clears_the_review_comment(centre, editor, manager):
    resource = in_state(S.IN_REVIEW, centre=centre, editor=editor, manager=manager)
    services.resource_send_back(resource=resource, by=manager, comment="Add a source.")
    services.resource_submit(resource=resource, by=editor)

    published = services.resource_publish(resource=resource, by=manager)

    published.refresh_from_db()
    assert published.published_at is not None
    assert published.review_comment == ""
    assert Resource.objects.public().filter(pk=published.pk).exists()


@pytest.mark.parametrize("comment", ["", "   \n "])
def test_send_back_requires_a_comment(centre, editor, manager, comment):
    resource = in_state(S.IN_REVIEW, centre=centre, editor=editor, manager=manager)
    before = history(resource)

    with pytest.raises(ValidationError) as error:
        services.resource_send_back(resource=resource, by=manager, comment=comment)

    assert "Say what needs to change" in error.value.messages[0]
    resource.refresh_from_db()
    assert (resource.status, resource.review_comment) == (S.IN_REVIEW, "")
    assert history(resource) == before


def test_send_back_returns_a_draft_with_the_reviewers_comment(centre, editor, manager):
    resource = in_state(S.IN_REVIEW, centre=centre, editor=editor, manager=manager)

    services.resource_send_back(
        resource=resource, by=manager, comment="  Add the contract value.  "
    )

    resource.refresh_from_db()
    assert (resource.status, resource.review_comment) == (
        S.DRAFT,
        "Add the contract value.",
    )
    assert history(resource)[-1] == (
        "knowledge.resource.sent_back",
        manager,
        {"status": [S.IN_REVIEW, S.DRAFT]},
        "Add the contract value.",
    )
    assert audit_actions(centre)[-1] == "knowledge.resource.sent_back"


# Updating: revisions with old and new values, and the search index


def test_update_records_the_actor_and_each_changed_fields_old_and_new_value(
    centre, editor
):
    resource = resource_create(
        centre=centre, by=editor, title="Old title", sectors=["ict"]
    )

    services.resource_update(
        resource=resource,
        by=editor,
        data={
            "title": "New title",
            "sectors": ["ict", "health"],
            "summary": resource.summary,  # unchanged: not recorded
        },
    )

    resource.refresh_from_db()
    assert (resource.title, resource.sectors) == ("New title", ["ict", "health"])
    assert history(resource)[-1] == (
        "knowledge.resource.updated",
        editor,
        {"title": ["Old title", "New title"], "sectors": [["ict"], ["ict", "health"]]},
        "",
    )
    assert audit_actions(centre)[-1] == "knowledge.resource.updated"


def test_update_without_changes_records_nothing(centre, editor):
    resource = resource_create(centre=centre, by=editor, title="Same")
    before = history(resource)

    services.resource_update(resource=resource, by=editor, data={"title": "Same"})

    assert history(resource) == before


def test_update_records_related_resources_and_translation_group(centre, editor):
    resource = resource_create(centre=centre, by=editor, title="Main")
    other = resource_create(centre=centre, by=editor, title="Other")
    original = resource_create(centre=centre, by=editor, title="Original")

    services.resource_update(
        resource=resource,
        by=editor,
        data={"translation_of": original},
        related=[other],
    )

    resource.refresh_from_db()
    assert list(resource.related.all()) == [other]
    assert list(other.related.all()) == [resource]  # symmetrical
    assert resource.translation_group == original.translation_group
    changes = history(resource)[-1][2]
    assert changes["related"] == [[], [other.pk]]
    assert changes["translation_group"][1] == str(original.translation_group)


def test_update_rebuilds_the_search_vector_in_the_same_transaction(
    centre, editor, manager
):
    resource = resource_create(
        centre=centre,
        by=manager,
        published=True,
        title="Guide to market consultation",
        summary="Steps before a tender.",
        body="Plan ahead.",
    )
    assert found("consultation") == {"Guide to market consultation"}

    with transaction.atomic():
        services.resource_update(
            resource=resource, by=manager, data={"title": "Handbook for procurers"}
        )
        # Still inside the writing transaction: the index is already current.
        assert found("handbook") == {"Handbook for procurers"}
        assert found("consultation") == set()

    resource.refresh_from_db()
    assert resource.title == "Handbook for procurers"


def stored_vector(resource) -> str:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT search_vector::text FROM knowledge_resource WHERE id = %s",
            [resource.pk],
        )
        return cursor.fetchone()[0]


def test_changing_the_language_changes_the_stemming(centre, editor):
    resource = resource_create(
        centre=centre, by=editor, title="Innovative Beschaffungen", language="en"
    )
    assert "'beschaff'" not in stored_vector(resource)

    services.resource_update(resource=resource, by=editor, data={"language": "de"})

    resource.refresh_from_db()
    assert resource.search_config == "german"
    # The German stem of "Beschaffungen" (so "Beschaffung" finds it too).
    assert "'beschaff'" in stored_vector(resource)


# Attachments


def test_attachment_add_stores_a_valid_file_through_the_storage(centre, editor):
    resource = resource_create(centre=centre, by=editor)

    attachment = services.attachment_add(
        resource=resource,
        by=editor,
        upload=SimpleUploadedFile("report.pdf", PDF, content_type="text/plain"),
        title="Final report",
    )

    attachment.refresh_from_db()
    assert (attachment.title, attachment.file_type, attachment.size) == (
        "Final report",
        "pdf",
        len(PDF),
    )
    # The content type comes from the content, not from what the browser said.
    assert attachment.content_type == "application/pdf"
    storage = attachment.file.storage
    assert attachment.file.name.startswith(f"knowledge/{centre.slug}/")
    assert storage.exists(attachment.file.name)
    with storage.open(attachment.file.name) as stored:
        assert stored.read() == PDF
    assert history(resource)[-1][:3] == (
        "knowledge.attachment.added",
        editor,
        {"attachment": [None, "Final report"]},
    )


def test_attachment_add_refuses_a_text_file_named_pdf(centre, editor):
    resource = resource_create(centre=centre, by=editor)
    before = history(resource)

    with pytest.raises(ValidationError) as error:
        services.attachment_add(
            resource=resource,
            by=editor,
            upload=ContentFile(b"just some text, not a PDF", name="notes.pdf"),
        )

    message = error.value.messages[0]
    assert "notes.pdf" in message
    assert "Its content was checked, not its name." in message
    assert not Attachment.objects.exists()
    assert history(resource) == before


def test_attachment_add_refuses_a_file_over_the_limit(centre, editor, settings):
    resource = resource_create(centre=centre, by=editor)
    size = settings.ATTACHMENT_MAX_BYTES + 1
    # A sparse temporary file: a real PDF header and the size of the limit plus one
    # byte, without holding 20 MB in memory.
    upload = TemporaryUploadedFile("big.pdf", "application/pdf", size, None)
    upload.write(PDF)
    upload.seek(size - 1)
    upload.write(b"\n")
    upload.flush()
    upload.seek(0)

    try:
        with pytest.raises(ValidationError) as error:
            services.attachment_add(resource=resource, by=editor, upload=upload)
    finally:
        upload.close()

    assert error.value.code == "too_large"
    assert "attachments may be at most 20 MB" in error.value.messages[0]
    assert not Attachment.objects.exists()


@override_settings(ATTACHMENT_MAX_BYTES=len(PDF))
def test_a_file_exactly_at_the_limit_is_accepted(centre, editor):
    resource = resource_create(centre=centre, by=editor)

    attachment = services.attachment_add(
        resource=resource, by=editor, upload=ContentFile(PDF, name="limit.pdf")
    )

    assert attachment.size == len(PDF)


def test_attachment_remove_deletes_the_file_after_commit(
    centre, editor, django_capture_on_commit_callbacks
):
    resource = resource_create(centre=centre, by=editor)
    attachment = services.attachment_add(
        resource=resource, by=editor, upload=ContentFile(PDF, name="old.pdf")
    )
    storage, name, pk = attachment.file.storage, attachment.file.name, attachment.pk

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.attachment_remove(attachment=attachment, by=editor)
        # Until the transaction commits, the file stays: a rollback keeps it.
        assert storage.exists(name)

    assert len(callbacks) == 1
    assert not storage.exists(name)
    assert not Attachment.objects.filter(pk=pk).exists()
    assert history(resource)[-1][:3] == (
        "knowledge.attachment.removed",
        editor,
        {"attachment": ["old.pdf", None]},
    )


def test_a_rolled_back_removal_keeps_the_file(centre, editor):
    resource = resource_create(centre=centre, by=editor)
    attachment = services.attachment_add(
        resource=resource, by=editor, upload=ContentFile(PDF, name="kept.pdf")
    )
    storage, name, pk = attachment.file.storage, attachment.file.name, attachment.pk

    with transaction.atomic():
        services.attachment_remove(attachment=attachment, by=editor)
        transaction.set_rollback(True)

    assert storage.exists(name)
    assert Attachment.objects.filter(pk=pk).exists()
