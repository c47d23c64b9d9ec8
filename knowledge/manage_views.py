"""Workspace pages for a centre's resources: list, editor with preview, workflow.

Every view is guarded by CentreRoleRequiredMixin (editor role at least) and reaches
resources only through `Resource.objects.writable_by(user).filter(centre=…)`, so
another centre's resource answers 404 even when its pk is put in this centre's URL.
Per-object decisions come from `Resource.get_abilities(user)`; writes go through
knowledge.services.
"""

import json

from django.contrib import messages
from django.core.exceptions import (
    FieldDoesNotExist,
    PermissionDenied,
    ValidationError,
)
from django.db.models import CharField, Count, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce, NullIf
from django.forms.utils import ErrorDict
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils.cache import patch_cache_control
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import ListView
from django_countries import countries

from centres.models import Role
from centres.permissions import CentreRoleRequiredMixin
from p2i_portal.vocab import Language, Sector

from . import services
from .forms import AttachmentForm, ResourceForm, SendBackForm
from .markdown import render_markdown
from .models import Approach, Licence, Resource, Revision

PREVIEW_MAX_CHARS = 200_000

STATE_TABS = [
    ("draft", gettext_lazy("Drafts")),
    ("in_review", gettext_lazy("In review")),
    ("published", gettext_lazy("Published")),
    ("archived", gettext_lazy("Archived")),
    ("", gettext_lazy("All")),
]

REVISION_ACTIONS = {
    "knowledge.resource.created": gettext_lazy("Created the draft"),
    "knowledge.resource.updated": gettext_lazy("Edited"),
    "knowledge.resource.submitted": gettext_lazy("Submitted for review"),
    "knowledge.resource.published": gettext_lazy("Published"),
    "knowledge.resource.sent_back": gettext_lazy("Sent back to the editors"),
    "knowledge.resource.archived": gettext_lazy("Archived"),
    "knowledge.attachment.added": gettext_lazy("Added an attachment"),
    "knowledge.attachment.removed": gettext_lazy("Removed an attachment"),
}

# Labels for the coded values a revision stores, per field.
_CHOICE_LABELS = {
    "kind": dict(Resource.Kind.choices),
    "tool_type": dict(Resource.ToolType.choices),
    "status": dict(Resource.Status.choices),
    "visibility": dict(Resource.Visibility.choices),
    "licence": dict(Licence.choices),
    "language": dict(Language.choices),
    "sectors": dict(Sector.choices),
    "approaches": dict(Approach.choices),
}
_EXTRA_FIELD_LABELS = {
    "related": gettext_lazy("related resources"),
    "translation_group": gettext_lazy("translation"),
    "attachment": gettext_lazy("attachment"),
}
CHANGE_TEXT_LIMIT = 160


def _field_label(name: str) -> str:
    if name in _EXTRA_FIELD_LABELS:
        return str(_EXTRA_FIELD_LABELS[name])
    try:
        return str(Resource._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:  # a field that no longer exists: show its name
        return name


def _display_value(field: str, value, titles: dict) -> str:
    """A stored revision value as short readable text."""
    if value in (None, "", [], {}):
        return "—"
    if field == "related" and isinstance(value, list):
        value = [titles.get(pk, f"#{pk}") for pk in value]
    labels = _CHOICE_LABELS.get(field, {})
    if isinstance(value, list):
        parts = []
        for item in value:
            if isinstance(item, dict):
                parts.append(f"{item.get('title', '')} ({item.get('url', '')})")
            else:
                parts.append(str(labels.get(item, item)))
        text = ", ".join(parts)
    else:
        text = str(labels.get(value, value))
    return Truncator(" ".join(text.split())).chars(CHANGE_TEXT_LIMIT)


def revision_history(resource: Resource, limit: int = 100) -> list[dict]:
    """The resource's revisions, newest first, with readable field changes.

    Two queries whatever the number of revisions: the revisions with their actors,
    and the titles of related resources the changes mention. Runs inside the
    centre scope the middleware opened for /manage/<centre>/….
    """
    revisions = list(
        Revision.objects.filter(resource=resource).select_related("actor")[:limit]
    )
    related_pks = set()
    for rev in revisions:
        for side in rev.changes.get("related") or []:
            if isinstance(side, list):
                related_pks.update(pk for pk in side if isinstance(pk, int))
    titles = (
        dict(Resource.objects.filter(pk__in=related_pks).values_list("pk", "title"))
        if related_pks
        else {}
    )
    history = []
    for rev in revisions:
        changes = []
        for field, pair in (rev.changes or {}).items():
            if isinstance(pair, list) and len(pair) == 2:
                old, new = pair
            else:
                old, new = None, pair
            changes.append(
                {
                    "field": _field_label(field),
                    "old": _display_value(field, old, titles),
                    "new": _display_value(field, new, titles),
                }
            )
        history.append(
            {
                "revision": rev,
                "label": REVISION_ACTIONS.get(rev.action, rev.action),
                "changes": changes,
            }
        )
    return history


def resource_facts(resource: Resource) -> dict:
    """Readable labels for the coded fields the overview shows."""
    names = dict(countries)
    sectors = dict(Sector.choices)
    approaches = dict(Approach.choices)
    return {
        "sectors": [sectors.get(s, s) for s in resource.sectors],
        "approaches": [approaches.get(a, a) for a in resource.approaches],
        "countries": [names.get(c, c) for c in resource.countries],
        "case_country": names.get(resource.case_country, resource.case_country),
        # Only http(s) addresses become links, whatever wrote the field.
        "links": [
            {
                **link,
                "safe": str(link.get("url", "")).startswith(("http://", "https://")),
            }
            for link in resource.external_links
            if isinstance(link, dict)
        ],
    }


def _public_url(resource: Resource) -> str:
    if resource.status != Resource.Status.PUBLISHED:
        return ""
    try:
        return resource.get_absolute_url()
    except NoReverseMatch:  # the public pages are not installed
        return ""


def _add_service_errors(form, exc: ValidationError) -> None:
    """Put a service's ValidationError on the form: on its field when the form has
    it, otherwise at the top."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)


class ResourceWorkspaceMixin(CentreRoleRequiredMixin):
    """The one way these views reach resources."""

    def get_resources(self):
        return Resource.objects.writable_by(self.request.user).filter(
            centre=self.centre
        )

    def get_resource(self) -> Resource:
        return get_object_or_404(
            self.get_resources().select_related("centre", "created_by"),
            pk=self.kwargs["pk"],
        )

    def require(self, resource: Resource, ability: str) -> dict:
        """The abilities, or 403 when `ability` is missing in one's own centre."""
        abilities = resource.get_abilities(self.request.user)
        if not abilities.get(ability):
            if ability == "update" and resource.status in (
                Resource.Status.PUBLISHED,
                Resource.Status.ARCHIVED,
            ):
                raise PermissionDenied(
                    _("Only the centre's managers can change a published resource.")
                )
            raise PermissionDenied(_("You cannot do this with this resource."))
        return abilities

    def detail_url(self, resource) -> str:
        return reverse(
            "manage:resources:detail",
            kwargs={"centre_slug": self.centre.slug, "pk": resource.pk},
        )

    def edit_url(self, resource) -> str:
        return reverse(
            "manage:resources:edit",
            kwargs={"centre_slug": self.centre.slug, "pk": resource.pk},
        )

    def base_context(self, **extra) -> dict:
        return {
            "centre": self.centre,
            "role": self.role,
            "abilities": self.centre.get_abilities(self.request.user),
            **extra,
        }


# --- List ------------------------------------------------------------------


class ResourceListView(ResourceWorkspaceMixin, ListView):
    template_name = "knowledge/manage_list.html"
    context_object_name = "resources"
    paginate_by = 50

    def paginate_queryset(self, queryset, page_size):
        # Any odd page number shows the nearest real page instead of an error.
        paginator = self.get_paginator(queryset, page_size)
        page = paginator.get_page(self.request.GET.get("page"))
        return paginator, page, page.object_list, page.has_other_pages()

    def get_status(self) -> str:
        status = self.request.GET.get("status", "")
        return status if status in Resource.Status.values else ""

    def get_queryset(self):
        actor = (
            Revision.objects.filter(resource=OuterRef("pk"))
            .order_by("-created_at")
            .annotate(
                who=Coalesce(
                    NullIf("actor__full_name", Value("")),
                    "actor__email",
                    output_field=CharField(),
                )
            )
            .values("who")[:1]
        )
        qs = self.get_resources()
        if self.get_status():
            qs = qs.filter(status=self.get_status())
        return (
            qs.defer(
                "body",
                "body_html",
                "search_vector",
                "phrase_vector",
                "outcome",
                "lessons_learned",
            )
            .annotate(last_actor=Subquery(actor))
            .order_by("-updated_at", "-pk")
        )

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        counts = self.get_resources().aggregate(
            all=Count("pk"),
            **{
                value: Count("pk", filter=Q(status=value))
                for value in Resource.Status.values
            },
        )
        status = self.get_status()
        ctx.update(
            self.base_context(
                status=status,
                status_label=dict(Resource.Status.choices).get(status, ""),
                tabs=[
                    {
                        "value": value,
                        "label": label,
                        "count": counts[value or "all"],
                        "current": value == status,
                    }
                    for value, label in STATE_TABS
                ],
                total=counts["all"],
            )
        )
        return ctx


# --- Editor ----------------------------------------------------------------


class _EditorMixin(ResourceWorkspaceMixin):
    template_name = "knowledge/manage_form.html"

    def make_form(self, instance, data=None):
        return ResourceForm(
            data, instance=instance, centre_resources=self.get_resources()
        )

    def render_form(
        self, form, *, resource=None, previewing=False, attachment_form=None
    ):
        if form.is_bound:
            preview_html = render_markdown(form.data.get(form.add_prefix("body"), ""))
        else:
            preview_html = resource.body_html if resource is not None else ""
        ctx = self.base_context(
            form=form,
            resource=resource,
            preview_html=preview_html,
            previewing=previewing,
            preview_url=reverse(
                "manage:resources:preview", kwargs={"centre_slug": self.centre.slug}
            ),
        )
        if resource is not None:
            ctx.update(
                resource_abilities=resource.get_abilities(self.request.user),
                attachments=list(resource.attachments.all()),
                attachment_form=attachment_form or AttachmentForm(),
            )
        return TemplateResponse(self.request, self.template_name, ctx)

    def render_preview(self, form, resource=None):
        # A preview validates nothing and saves nothing: show the form as typed.
        form._errors = ErrorDict()
        return self.render_form(form, resource=resource, previewing=True)


class ResourceCreateView(_EditorMixin, View):
    def get(self, request, centre_slug):
        return self.render_form(self.make_form(Resource(centre=self.centre)))

    def post(self, request, centre_slug):
        form = self.make_form(Resource(centre=self.centre), request.POST)
        if "preview" in request.POST:
            return self.render_preview(form)
        if form.is_valid():
            try:
                resource = services.resource_create(
                    centre=self.centre,
                    by=request.user,
                    data=form.service_data(),
                    related=form.related_resources(),
                )
            except ValidationError as exc:
                _add_service_errors(form, exc)
            else:
                messages.success(
                    request,
                    _(
                        "The draft “%(title)s” was saved. Add attachments on its "
                        "edit page, or submit it for review when it is ready."
                    )
                    % {"title": resource.title},
                )
                return redirect(self.detail_url(resource))
        return self.render_form(form)


class ResourceEditView(_EditorMixin, View):
    def get(self, request, centre_slug, pk):
        resource = self.get_resource()
        self.require(resource, "update")
        return self.render_form(self.make_form(resource), resource=resource)

    def post(self, request, centre_slug, pk):
        resource = self.get_resource()
        self.require(resource, "update")
        # The form works on a copy: a failed validation leaves the page's
        # resource (title, status) as it is stored.
        form = self.make_form(Resource.objects.get(pk=resource.pk), request.POST)
        if "preview" in request.POST:
            return self.render_preview(form, resource)
        if form.is_valid():
            try:
                updated = services.resource_update(
                    resource=resource,
                    by=request.user,
                    data=form.service_data(),
                    related=form.related_resources(),
                )
            except ValidationError as exc:
                _add_service_errors(form, exc)
            else:
                if updated.updated_at == resource.updated_at:
                    messages.info(request, _("Nothing was changed."))
                else:
                    messages.success(
                        request,
                        _("Your changes to “%(title)s” were saved.")
                        % {"title": updated.title},
                    )
                return redirect(self.detail_url(resource))
        return self.render_form(form, resource=resource)


class MarkdownPreviewView(ResourceWorkspaceMixin, View):
    """POST {"body": markdown} (form-encoded or JSON) → the sanitised HTML fragment
    that the resource page would show. CSRF-protected; saves nothing."""

    http_method_names = ["post"]

    def post(self, request, centre_slug):
        if request.content_type == "application/json":
            try:
                payload = json.loads(request.body or b"{}")
            except (ValueError, UnicodeDecodeError):
                return HttpResponseBadRequest(_("The request is not valid JSON."))
            body = payload.get("body", "") if isinstance(payload, dict) else None
        else:
            body = request.POST.get("body", "")
        if not isinstance(body, str):
            return HttpResponseBadRequest(_("“body” must be text."))
        if len(body) > PREVIEW_MAX_CHARS:
            return HttpResponseBadRequest(_("The text is too long to preview."))
        response = HttpResponse(
            render_markdown(body), content_type="text/html; charset=utf-8"
        )
        patch_cache_control(response, no_store=True)
        return response


# --- Attachments -----------------------------------------------------------


class AttachmentAddView(_EditorMixin, View):
    http_method_names = ["post"]

    def post(self, request, centre_slug, pk):
        resource = self.get_resource()
        self.require(resource, "update")
        form = AttachmentForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                attachment = services.attachment_add(
                    resource=resource,
                    by=request.user,
                    upload=form.cleaned_data["file"],
                    title=form.cleaned_data["title"],
                )
            except ValidationError as exc:
                form.add_error("file", exc)
            else:
                messages.success(
                    request,
                    _("“%(title)s” was attached.") % {"title": attachment.title},
                )
                return redirect(self.edit_url(resource) + "#attachments")
        return self.render_form(
            self.make_form(resource), resource=resource, attachment_form=form
        )


class AttachmentRemoveView(ResourceWorkspaceMixin, View):
    http_method_names = ["post"]

    def post(self, request, centre_slug, pk, attachment_pk):
        resource = self.get_resource()
        self.require(resource, "update")
        attachment = get_object_or_404(resource.attachments.all(), pk=attachment_pk)
        services.attachment_remove(attachment=attachment, by=request.user)
        messages.success(
            request, _("“%(title)s” was removed.") % {"title": attachment.title}
        )
        return redirect(self.edit_url(resource) + "#attachments")


# --- Overview and workflow -------------------------------------------------


class _DetailMixin(ResourceWorkspaceMixin):
    template_name = "knowledge/manage_detail.html"

    def render_detail(self, resource, send_back_form=None):
        ctx = self.base_context(
            resource=resource,
            resource_abilities=resource.get_abilities(self.request.user),
            history=revision_history(resource),
            attachments=list(resource.attachments.all()),
            related=list(resource.related.select_related("centre")),
            translations=list(
                self.get_resources()
                .filter(translation_group=resource.translation_group)
                .exclude(pk=resource.pk)
                .only("pk", "title", "language", "status")
            ),
            public_url=_public_url(resource),
            facts=resource_facts(resource),
            send_back_form=send_back_form or SendBackForm(),
        )
        return TemplateResponse(self.request, self.template_name, ctx)


class ResourceDetailView(_DetailMixin, View):
    def get(self, request, centre_slug, pk):
        return self.render_detail(self.get_resource())


class _WorkflowActionView(_DetailMixin, View):
    """POST-only state change. Own centre, too low a role → 403; a state that does
    not allow it → an error message and nothing changes."""

    http_method_names = ["post"]
    ability = ""
    manager_only = False
    refusal = ""
    success = ""

    def post(self, request, centre_slug, pk):
        resource = self.get_resource()
        if self.manager_only and self.role != Role.MANAGER:
            raise PermissionDenied(_("Only the centre's managers can do this."))
        if not resource.get_abilities(request.user).get(self.ability):
            messages.error(
                request,
                str(self.refusal)
                % {
                    "title": resource.title,
                    "status": resource.get_status_display(),
                },
            )
            return redirect(self.detail_url(resource))
        response = self.validate(resource)
        if response is not None:
            return response
        try:
            self.perform(resource)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, str(self.success) % {"title": resource.title})
        return redirect(self.detail_url(resource))

    def validate(self, resource):
        return None

    def perform(self, resource):
        raise NotImplementedError


class ResourceSubmitView(_WorkflowActionView):
    ability = "submit"
    refusal = gettext_lazy(
        "“%(title)s” is “%(status)s”: only a draft can be submitted for review."
    )
    success = gettext_lazy(
        "“%(title)s” was submitted for review. A manager of the centre will "
        "publish it or send it back with a comment."
    )

    def perform(self, resource):
        services.resource_submit(resource=resource, by=self.request.user)


class ResourcePublishView(_WorkflowActionView):
    ability = "publish"
    manager_only = True
    refusal = gettext_lazy(
        "“%(title)s” is “%(status)s”: only a draft or a resource in review can "
        "be published."
    )
    success = gettext_lazy("“%(title)s” is published.")

    def perform(self, resource):
        services.resource_publish(resource=resource, by=self.request.user)


class ResourceSendBackView(_WorkflowActionView):
    ability = "send_back"
    manager_only = True
    refusal = gettext_lazy(
        "“%(title)s” is “%(status)s”: only a resource in review can be sent back."
    )
    success = gettext_lazy(
        "“%(title)s” was sent back to the editors with your comment."
    )

    def validate(self, resource):
        self.form = SendBackForm(self.request.POST)
        if not self.form.is_valid():
            return self.render_detail(resource, send_back_form=self.form)
        return None

    def perform(self, resource):
        services.resource_send_back(
            resource=resource,
            by=self.request.user,
            comment=self.form.cleaned_data["comment"],
        )


class ResourceArchiveView(_WorkflowActionView):
    ability = "archive"
    manager_only = True
    refusal = gettext_lazy(
        "“%(title)s” is “%(status)s”: only a published resource can be archived."
    )
    success = gettext_lazy(
        "“%(title)s” was archived; it is no longer listed on the portal."
    )

    def perform(self, resource):
        services.resource_archive(resource=resource, by=self.request.user)
