"""Admin for the knowledge base: the coordinator's view of every centre's resources.

Staff write in their workspace (/manage/<centre>/resources/), not here. Only
Resource is registered, with its attachments and history as read-only inlines, to
keep the admin surface small. Saves go through knowledge.services, so an admin edit
is recorded as a revision and re-indexed like any other.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from . import services
from .models import Attachment, Resource, Revision


class AttachmentInline(admin.TabularInline):
    """Shown, not edited: uploads are checked by content in the workspace."""

    model = Attachment
    extra = 0
    can_delete = False
    fields = ["title", "file", "file_type", "size", "created_at"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class RevisionInline(admin.TabularInline):
    """The resource's history: who changed what, and when. Never edited."""

    model = Revision
    extra = 0
    can_delete = False
    fields = ["created_at", "actor", "action", "changes", "comment"]
    readonly_fields = fields
    ordering = ["-created_at"]

    def get_queryset(self, request):
        # Revisions are centre-private (ScopedManager); the admin is the
        # coordinator's, who may read every centre's history.
        return Revision.objects.with_scopes_disabled().select_related("actor")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Resource)
class ResourceAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "centre",
        "kind",
        "language",
        "status",
        "visibility",
        "published_at",
    ]
    list_filter = ["status", "kind", "language", "visibility", "centre"]
    search_fields = ["title", "slug", "summary", "buyer", "authors"]
    list_select_related = ["centre"]
    date_hierarchy = "published_at"
    inlines = [AttachmentInline, RevisionInline]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "centre",
                    "kind",
                    "tool_type",
                    "title",
                    "slug",
                    "summary",
                    "body",
                    "language",
                    "authors",
                    "published_on",
                ]
            },
        ),
        (
            _("Classification"),
            {"fields": ["sectors", "approaches", "tags", "countries", "licence"]},
        ),
        (
            _("Case study"),
            {
                "classes": ["collapse"],
                "fields": [
                    "buyer",
                    "case_country",
                    "case_year",
                    "contract_value_eur",
                    "procedure",
                    "cpv_codes",
                    "ted_url",
                    "outcome",
                    "lessons_learned",
                ],
            },
        ),
        (
            _("Workflow"),
            {
                "fields": [
                    "visibility",
                    "status",
                    "published_at",
                    "review_comment",
                    "translation_group",
                    "external_links",
                    "created_by",
                    "created_at",
                    "updated_at",
                ]
            },
        ),
    ]
    # The workflow moves through the services' transitions (the workspace), and a
    # resource never changes owner or address.
    _always_read_only = [
        "status",
        "published_at",
        "review_comment",
        "translation_group",
        "created_by",
        "created_at",
        "updated_at",
    ]

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return self._always_read_only
        return [*self._always_read_only, "centre", "slug"]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if obj is None and "slug" in form.base_fields:
            # resource_create makes a unique slug from the title when left empty.
            form.base_fields["slug"].required = False
            form.base_fields["slug"].help_text = _("Left empty: made from the title.")
        return form

    def get_actions(self, request):
        # A bulk delete would bypass the services (and leave files behind).
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def delete_model(self, request, obj):
        # The coordinator's escape hatch (the workspace archives instead); the
        # attachments go through the service so that their files are removed too.
        for attachment in obj.attachments.all():
            services.attachment_remove(attachment=attachment, by=request.user)
        super().delete_model(request, obj)

    def save_model(self, request, obj, form, change):
        data = {
            name: form.cleaned_data[name]
            for name in services.CONTENT_FIELDS
            if name in form.cleaned_data
        }
        if change:
            saved = services.resource_update(resource=obj, by=request.user, data=data)
        else:
            data["slug"] = form.cleaned_data.get("slug", "")
            saved = services.resource_create(
                centre=form.cleaned_data["centre"], by=request.user, data=data
            )
        obj.pk = saved.pk
        obj.refresh_from_db()
