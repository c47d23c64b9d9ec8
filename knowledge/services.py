"""Writes for the knowledge base. Callers have checked the matching ability."""

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django_scopes import scope

from accounts.models import User
from centres.models import Centre
from centres.services import audit_log

from .markdown import render_markdown
from .models import Attachment, Resource, Revision
from .notifications import resource_notify_on_commit
from .textsearch import SIMPLE, search_config_for

CONTENT_FIELDS = [
    "kind", "tool_type", "title", "summary", "body", "language", "authors",
    "published_on", "sectors", "approaches", "tags", "countries", "licence",
    "visibility", "external_links", "buyer", "case_country", "case_year",
    "contract_value_eur", "procedure", "cpv_codes", "ted_url", "outcome",
    "lessons_learned",
]  # fmt: skip

# search_vector: what a search matches (every text field, weighted A–D);
# rank_vector: what relevance is ranked by (title, summary and topics), small
# enough to stay in the row (migration 0009), where reading search_vector
# would fetch it from TOAST for every hit.
_SEARCH_SQL = """
UPDATE knowledge_resource SET
  search_config = %(cfg)s,
  rank_vector =
    setweight(to_tsvector(%(cfg)s::regconfig, coalesce(title, '')), 'A')
    || setweight(to_tsvector(%(cfg)s::regconfig,
         coalesce(summary, '') || ' ' || array_to_string(tags, ' ')), 'B')
    || setweight(to_tsvector(%(simple)s::regconfig,
         coalesce(title, '') || ' ' || coalesce(summary, '') || ' '
         || array_to_string(tags, ' ')), 'D'),
  search_vector =
    setweight(to_tsvector(%(cfg)s::regconfig, coalesce(title, '')), 'A')
    || setweight(to_tsvector(%(cfg)s::regconfig,
         coalesce(summary, '') || ' ' || array_to_string(tags, ' ')), 'B')
    || setweight(to_tsvector(%(cfg)s::regconfig,
         coalesce(body, '') || ' ' || coalesce(outcome, '') || ' '
         || coalesce(lessons_learned, '') || ' ' || coalesce(buyer, '')
         || ' ' || coalesce(authors, '')), 'C')
    || setweight(to_tsvector(%(simple)s::regconfig,
         coalesce(title, '') || ' ' || coalesce(summary, '') || ' '
         || array_to_string(tags, ' ')), 'D')
WHERE id = ANY(%(ids)s)
"""


def resource_index(*, resource_ids: list[int], config: str | None = None) -> None:
    """(Re)build the stored tsvector of resources, in the caller's transaction.

    The vector holds the text stemmed with the resource's language configuration
    plus an unstemmed (p2i_simple) copy of title, summary and topics, so that a
    word spelt the same in any language still matches.
    """
    if not resource_ids:
        return
    if config is None:
        by_config: dict[str, list[int]] = {}
        for pk, language in Resource.objects.filter(pk__in=resource_ids).values_list(
            "pk", "language"
        ):
            by_config.setdefault(search_config_for(language), []).append(pk)
    else:
        by_config = {config: list(resource_ids)}
    with connection.cursor() as cursor:
        for cfg, ids in by_config.items():
            cursor.execute(_SEARCH_SQL, {"cfg": cfg, "simple": SIMPLE, "ids": ids})


def _unique_slug(centre: Centre, title: str, exclude_pk=None) -> str:
    base = slugify(title)[:100] or "resource"
    slug, n = base, 2
    qs = Resource.objects.filter(centre=centre)
    if exclude_pk:
        qs = qs.exclude(pk=exclude_pk)
    while qs.filter(slug=slug).exists():
        slug = f"{base}-{n}"
        n += 1
    return slug


def _jsonable(value):
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool, dict)):
        return value
    return str(value)


def _record(resource, *, action, by, changes=None, comment="") -> Revision:
    with scope(centre=resource.centre):
        revision = Revision.objects.create(
            resource=resource,
            actor=by,
            action=action,
            changes=changes or {},
            comment=comment,
        )
    audit_log(
        centre=resource.centre,
        action=action,
        by=by,
        target=resource.title,
        obj=resource,
        resource=resource.pk,
    )
    return revision


@transaction.atomic
def resource_create(*, centre: Centre, by: User, data: dict, related=()) -> Resource:
    """Create a draft owned by `centre`. Caller checked a workspace role there."""
    resource = Resource(centre=centre, created_by=by, status=Resource.Status.DRAFT)
    for field in CONTENT_FIELDS:
        if field in data:
            setattr(resource, field, data[field])
    if data.get("translation_of"):
        resource.translation_group = data["translation_of"].translation_group
    resource.slug = data.get("slug") or _unique_slug(centre, resource.title)
    resource.body_html = render_markdown(resource.body)
    resource.full_clean()
    resource.save()
    if related:
        resource.related.set(related)
    resource_index(
        resource_ids=[resource.pk], config=search_config_for(resource.language)
    )
    _record(resource, action="knowledge.resource.created", by=by)
    return resource


@transaction.atomic
def resource_update(
    *, resource: Resource, by: User, data: dict, related=None
) -> Resource:
    """Change content fields; records a revision with each field's old and new value.

    Caller checked `update`. Published resources may be corrected by managers; their
    search entry is rebuilt in this same transaction.
    """
    resource = Resource.objects.select_for_update().get(pk=resource.pk)
    changes = {}
    for field in CONTENT_FIELDS:
        if field in data and getattr(resource, field) != data[field]:
            changes[field] = [
                _jsonable(getattr(resource, field)),
                _jsonable(data[field]),
            ]
            setattr(resource, field, data[field])
    if data.get("translation_of") is not None:
        group = data["translation_of"].translation_group
        if group != resource.translation_group:
            changes["translation_group"] = [str(resource.translation_group), str(group)]
            resource.translation_group = group
    if related is not None:
        old = set(resource.related.values_list("pk", flat=True))
        new = {r.pk for r in related}
        if old != new:
            changes["related"] = [sorted(old), sorted(new)]
            resource.related.set(related)
    if not changes:
        return resource
    resource.body_html = render_markdown(resource.body)
    resource.full_clean()
    resource.save()
    resource_index(
        resource_ids=[resource.pk], config=search_config_for(resource.language)
    )
    _record(resource, action="knowledge.resource.updated", by=by, changes=changes)
    return resource


def _transition(resource, *, to, allowed_from, by, action, comment="", message):
    resource = Resource.objects.select_for_update().get(pk=resource.pk)
    if resource.status not in allowed_from:
        raise ValidationError(message)
    old = resource.status
    resource.status = to
    fields = ["status", "updated_at"]
    if to == Resource.Status.PUBLISHED:
        resource.published_at = resource.published_at or timezone.now()
        resource.review_comment = ""
        fields += ["published_at", "review_comment"]
    if comment:
        resource.review_comment = comment
        fields.append("review_comment")
    resource.save(update_fields=list(dict.fromkeys(fields)))
    revision = _record(
        resource,
        action=action,
        by=by,
        changes={"status": [old, to]},
        comment=comment,
    )
    # Submitted, sent back, published: the people concerned hear of it by
    # e-mail once this commits (knowledge/notifications.py).
    resource_notify_on_commit(revision)
    return resource


@transaction.atomic
def resource_submit(*, resource: Resource, by: User) -> Resource:
    """Draft → in review. Caller checked `submit` (staff of the owning centre)."""
    return _transition(
        resource,
        to=Resource.Status.IN_REVIEW,
        allowed_from={Resource.Status.DRAFT},
        by=by,
        action="knowledge.resource.submitted",
        message=_("Only a draft can be submitted for review."),
    )


@transaction.atomic
def resource_publish(*, resource: Resource, by: User) -> Resource:
    """Draft or in review → published. Caller checked `publish` (a manager)."""
    return _transition(
        resource,
        to=Resource.Status.PUBLISHED,
        allowed_from={Resource.Status.DRAFT, Resource.Status.IN_REVIEW},
        by=by,
        action="knowledge.resource.published",
        message=_("Only a draft or a resource in review can be published."),
    )


@transaction.atomic
def resource_send_back(*, resource: Resource, by: User, comment: str) -> Resource:
    """In review → draft, with the reviewer's comment. Caller checked `send_back`."""
    if not comment.strip():
        raise ValidationError(_("Say what needs to change before sending it back."))
    return _transition(
        resource,
        to=Resource.Status.DRAFT,
        allowed_from={Resource.Status.IN_REVIEW},
        by=by,
        action="knowledge.resource.sent_back",
        comment=comment.strip(),
        message=_("Only a resource in review can be sent back."),
    )


@transaction.atomic
def resource_archive(*, resource: Resource, by: User) -> Resource:
    """Published → archived (no longer listed). Caller checked `archive`."""
    return _transition(
        resource,
        to=Resource.Status.ARCHIVED,
        allowed_from={Resource.Status.PUBLISHED},
        by=by,
        action="knowledge.resource.archived",
        message=_("Only a published resource can be archived."),
    )


@transaction.atomic
def attachment_add(
    *, resource: Resource, by: User, upload, title: str = ""
) -> Attachment:
    """Store a validated upload (see knowledge.validators). Caller checked `update`."""
    from .validators import validate_attachment

    file_type, content_type = validate_attachment(upload)
    attachment = Attachment(
        resource=resource,
        title=(title or upload.name)[:200],
        file=upload,
        file_type=file_type,
        content_type=content_type,
        size=upload.size,
    )
    attachment.save()
    _record(
        resource,
        action="knowledge.attachment.added",
        by=by,
        changes={"attachment": [None, attachment.title]},
    )
    return attachment


@transaction.atomic
def attachment_remove(*, attachment: Attachment, by: User) -> None:
    """Delete an attachment and its file (after commit). Caller checked `update`."""
    resource = attachment.resource
    storage, name, title = (
        attachment.file.storage,
        attachment.file.name,
        attachment.title,
    )
    attachment.delete()
    transaction.on_commit(lambda: storage.delete(name))
    _record(
        resource,
        action="knowledge.attachment.removed",
        by=by,
        changes={"attachment": [title, None]},
    )
