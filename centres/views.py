"""Pages: the network's public pages, the centre directory, and centre workspaces."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import translation
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView, FormView, TemplateView
from django_scopes import scope

from accounts.notifications import action_items
from events.caching import events_version, events_version_expire_at
from events.selectors import event_list_next
from knowledge.models import Resource
from knowledge.search_cache import generation as search_generation
from knowledge.selectors import resource_list_newest
from network import selectors as network_selectors
from network.models import Partner
from network.onboarding_selectors import centre_status_history
from newsletters.forms import HomeSubscribeForm
from newsletters.models import CONSENT_TEXT

from . import selectors, services
from .caching import centres_version
from .forms import (
    ActivityFilterForm,
    CentreProfileForm,
    DirectoryFilterForm,
    MemberAddForm,
    MemberRoleForm,
)
from .models import Centre, Invitation, Membership, Role
from .permissions import MFA_REQUIRED_MESSAGE, CentreRoleRequiredMixin
from .tilemap import tile_grid


class HomeView(TemplateView):
    template_name = "centres/home.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["centres_version"] = centres_version()
        # Read only when the page's cached fragment is missing (centres/home.html).
        ctx["network"] = SimpleLazyObject(selectors.network_overview)
        # The next events, the newest resources and case studies are read only
        # when their cached fragment is missing. The events' key holds a version
        # that every change of an event replaces and that expires when the first
        # listed event ends (events/caching.py); the resources' key holds the
        # search cache's generation, which every change of a resource replaces.
        version = events_version()

        def next_events():
            events = event_list_next(limit=3)
            events_version_expire_at(
                version, min((e.ends_at for e in events), default=None)
            )
            return events

        ctx["events_version"] = version
        ctx["next_events"] = SimpleLazyObject(next_events)
        ctx["resources_version"] = search_generation()
        ctx["newest_resources"] = SimpleLazyObject(
            lambda: resource_list_newest(exclude_kind=Resource.Kind.CASE_STUDY, limit=3)
        )
        ctx["newest_cases"] = SimpleLazyObject(
            lambda: resource_list_newest(kind=Resource.Kind.CASE_STUDY, limit=3)
        )
        ctx["subscribe_form"] = HomeSubscribeForm(
            initial={"language": (translation.get_language() or "en")[:2]}
        )
        ctx["consent_text"] = _(CONSENT_TEXT)
        return ctx


class AboutView(TemplateView):
    template_name = "centres/about.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["centres_version"] = centres_version()
        # Read only when the page's cached fragment is missing (centres/about.html).
        centres = SimpleLazyObject(
            lambda: list(
                Centre.objects.active()
                .of_kind(Centre.Kind.NATIONAL)
                .select_related("buddy")
            )
        )
        ctx["by_status"] = SimpleLazyObject(
            lambda: [
                (label, [c for c in centres if c.status == value])
                for value, label in Centre.Status.choices
            ]
        )
        ctx["pairs"] = SimpleLazyObject(lambda: [c for c in centres if c.buddy_id])
        ctx["coordinator"] = SimpleLazyObject(
            lambda: next((c for c in centres if c.is_coordinating), None)
        )
        ctx["project"] = SimpleLazyObject(network_selectors.project_identity_get)
        partners = SimpleLazyObject(network_selectors.partner_list_public)
        ctx["partners"] = partners
        ctx["coordinating_partners"] = SimpleLazyObject(
            lambda: [
                p.display_name for p in partners if p.role == Partner.Role.COORDINATOR
            ]
        )
        ctx["communication_partners"] = SimpleLazyObject(
            lambda: [
                p.display_name for p in partners if p.role == Partner.Role.COMMUNICATION
            ]
        )
        return ctx


class TaskForceView(TemplateView):
    template_name = "centres/task_force.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["centres_version"] = centres_version()
        # Read only when the page's cached fragment is missing
        # (centres/task_force.html).
        projects = SimpleLazyObject(
            lambda: list(Centre.objects.active().of_kind(Centre.Kind.PROJECT))
        )
        ctx["projects"] = projects
        ctx["funded_projects"] = SimpleLazyObject(
            lambda: [p for p in projects if p.funding_programme]
        )
        return ctx


class AccessibilityView(TemplateView):
    template_name = "centres/accessibility.html"


class CentreDirectoryView(TemplateView):
    template_name = "centres/centre_list.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["filter_values"] = self.filter_values
        ctx["filtered"] = any(self.filter_values.values())
        ctx["centres_version"] = centres_version()
        # Read only when the page's cached fragments are missing
        # (centres/centre_list.html): they vary by the values above.
        ctx["form"] = SimpleLazyObject(lambda: self.form)
        ctx["form_errors"] = SimpleLazyObject(lambda: self.form.errors)
        ctx["centres"] = SimpleLazyObject(lambda: self.centres)
        ctx["counts"] = SimpleLazyObject(selectors.centre_directory_counts)
        ctx["tiles"] = SimpleLazyObject(
            lambda: tile_grid(c for c in self.centres if c.kind == Centre.Kind.NATIONAL)
        )
        return ctx

    @cached_property
    def filter_values(self) -> dict:
        values = {k: self.request.GET.get(k, "") for k in selectors.DIRECTORY_FILTERS}
        values["country"] = values["country"].upper()
        return values

    @cached_property
    def form(self) -> DirectoryFilterForm:
        codes = (
            Centre.objects.active()
            .exclude(country="")
            .values_list("country", flat=True)
            .distinct()
        )
        return DirectoryFilterForm(self.filter_values, country_codes=list(codes))

    @cached_property
    def centres(self) -> list[Centre]:
        filters = self.form.cleaned_data if self.form.is_valid() else {}
        return list(selectors.centre_list_public(filters=filters))


# What knowledge/_public_centre_resources.html shows of each resource.
PUBLICATION_FIELDS = (
    "kind",
    "title",
    "slug",
    "language",
    "published_on",
    "published_at",
    "centre__slug",
)


class CentreDetailView(DetailView):
    template_name = "centres/centre_detail.html"
    context_object_name = "centre"

    def get_queryset(self):
        return Centre.objects.active().select_related("buddy")

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        centre = self.object
        ctx["centres_version"] = centres_version()
        ctx["team"] = selectors.centre_team_public(centre=centre)
        # Read only when the page's cached fragments are missing
        # (centres/centre_detail.html).
        ctx["buddies"] = SimpleLazyObject(
            lambda: list(Centre.objects.active().filter(buddy=centre))
        )
        ctx["abilities"] = centre.get_abilities(self.request.user)
        ctx["status_history"] = centre_status_history(centre=centre)
        ctx["resources"] = list(
            Resource.objects.public()
            .for_centre(centre)
            .select_related("centre")
            .only(*PUBLICATION_FIELDS)
            .order_by("-published_at", "-pk")[:10]
        )
        ctx["resources_url"] = (
            f"{reverse('knowledge:resource-list')}?centre={centre.slug}"
        )
        return ctx


# --- Workspaces ------------------------------------------------------------


class WorkspaceIndexView(LoginRequiredMixin, TemplateView):
    """The signed-in user's workspaces; one is opened directly."""

    template_name = "centres/workspace_index.html"

    def get(self, request, *args, **kwargs):
        if request.user.privileges_locked:
            messages.warning(request, MFA_REQUIRED_MESSAGE)
            return redirect("mfa_activate_totp")
        workspaces = list(Centre.objects.workspaces_for(request.user)[:2])
        if len(workspaces) == 1 and not request.user.acts_as_coordinator:
            return redirect("manage:dashboard", centre_slug=workspaces[0].slug)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        user = self.request.user
        ctx["workspaces"] = [
            (c, c.role_of(user)) for c in Centre.objects.workspaces_for(user)
        ]
        return ctx


class WorkspaceDashboardView(CentreRoleRequiredMixin, TemplateView):
    template_name = "centres/workspace_dashboard.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.update(selectors.centre_workspace_overview(centre=self.centre))
        # What every app says waits for this person here (its registered
        # sources: review, sent back, contributions, milestones …).
        ctx["action_items"] = action_items(self.request.user, self.centre)
        return ctx


class CentreProfileEditView(CentreRoleRequiredMixin, FormView):
    required_role = Role.MANAGER
    template_name = "centres/workspace_profile.html"
    form_class = CentreProfileForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        # Edit a copy so that a failed validation leaves `self.centre` intact.
        kwargs["instance"] = Centre.objects.get(pk=self.centre.pk)
        return kwargs

    def form_valid(self, form):
        try:
            services.centre_profile_update(
                centre=self.centre, by=self.request.user, data=form.cleaned_data
            )
        except ValidationError as exc:
            form.add_error(None, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("The centre profile was saved."))
        return redirect("manage:profile", centre_slug=self.centre.slug)


class TeamView(CentreRoleRequiredMixin, FormView):
    required_role = Role.MANAGER
    template_name = "centres/workspace_team.html"
    form_class = MemberAddForm

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.update(selectors.centre_workspace_overview(centre=self.centre))
        ctx["role_choices"] = Role.choices
        return ctx

    def form_valid(self, form):
        try:
            result = services.centre_member_add(
                centre=self.centre,
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
                by=self.request.user,
            )
        except ValidationError as exc:
            form.add_error("email", exc)
            return self.form_invalid(form)
        # The same answer whether the address has an account or not.
        messages.success(
            self.request,
            _(
                "An invitation was sent to %(email)s. They join the team when they "
                "accept it."
            )
            % {"email": result.email},
        )
        return redirect("manage:team", centre_slug=self.centre.slug)


class _TeamActionView(CentreRoleRequiredMixin, View):
    required_role = Role.MANAGER
    http_method_names = ["post"]

    def get_membership(self, pk):
        with scope(centre=self.centre):
            return get_object_or_404(
                Membership.objects.filter(centre=self.centre).select_related(
                    "user", "centre"
                ),
                pk=pk,
            )

    def done(self):
        return redirect("manage:team", centre_slug=self.centre.slug)


class MemberRemoveView(_TeamActionView):
    def post(self, request, centre_slug, pk):
        membership = self.get_membership(pk)
        try:
            services.centre_member_remove(membership=membership, by=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(
                request,
                _("%(email)s was removed from the team.")
                % {"email": membership.user.email},
            )
        return self.done()


class MemberRoleView(_TeamActionView):
    def post(self, request, centre_slug, pk):
        membership = self.get_membership(pk)
        form = MemberRoleForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Choose a valid role."))
            return self.done()
        try:
            services.centre_member_change_role(
                membership=membership, role=form.cleaned_data["role"], by=request.user
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("The role was changed."))
        return self.done()


class InvitationRevokeView(_TeamActionView):
    def post(self, request, centre_slug, pk):
        with scope(centre=self.centre):
            invitation = get_object_or_404(
                Invitation.objects.filter(centre=self.centre).select_related("centre"),
                pk=pk,
            )
        try:
            services.invitation_revoke(invitation=invitation, by=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("The invitation was withdrawn."))
        return self.done()


class ActivityLogMixin:
    """An activity log with filters and pages: `log_centre` is the centre whose
    log is shown, or None for the network's. Bad filters (a date that is no
    date, a period ending before it starts) are reported and the log is shown
    unfiltered."""

    log_centre = None
    filter_centres = None  # a queryset for the centre filter (network log only)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        params = self.request.GET
        form = ActivityFilterForm(
            params or None,
            people=selectors.audit_log_people(centre=self.log_centre),
            centres=self.filter_centres,
        )
        filters = {}
        if form.is_bound:
            if form.is_valid():
                filters = form.cleaned_data
            else:
                messages.error(
                    self.request,
                    _(
                        "Some filters could not be used, so the whole log is shown: %(problems)s"
                    )
                    % {"problems": " ".join(_errors_text(form))},
                )
        page = selectors.audit_entry_page(
            centre=self.log_centre,
            filters=filters,
            page_number=params.get("page"),
            user=self.request.user,
        )
        ctx.update(
            filter_form=form,
            filtered=any(v for k, v in filters.items()),
            page_obj=page,
            entries=page.object_list,
        )
        return ctx


def _errors_text(form) -> list[str]:
    out = []
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else ""
        for error in errors:
            out.append(f"{label}: {error}" if label else str(error))
    return out


class ActivityView(ActivityLogMixin, CentreRoleRequiredMixin, TemplateView):
    template_name = "centres/workspace_activity.html"

    def get_context_data(self, **kwargs):
        self.log_centre = self.centre
        return super().get_context_data(**kwargs)


class InvitationAcceptView(TemplateView):
    """Anyone may open the link; accepting needs the invited address, signed in."""

    template_name = "centres/invitation_accept.html"

    def dispatch(self, request, *args, **kwargs):
        self.invitation = services.invitation_get_by_token(kwargs["token"])
        if self.invitation is None:
            raise Http404(_("This invitation link is not valid."))
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        user = self.request.user
        ctx["invitation"] = self.invitation
        ctx["next"] = self.request.get_full_path()
        ctx["needs_mfa_first"] = (
            user.is_authenticated
            and self.invitation.role == Role.MANAGER
            and not user.has_totp()
        )
        return ctx

    def post(self, request, token):
        if not request.user.is_authenticated:
            return redirect(f"{reverse('account_login')}?next={request.path}")
        try:
            membership = services.invitation_accept(
                invitation=self.invitation, user=request.user
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect(request.path)
        messages.success(
            request,
            _("Welcome to the team of %(centre)s.")
            % {"centre": membership.centre.name},
        )
        return redirect("manage:dashboard", centre_slug=membership.centre.slug)


@transaction.non_atomic_requests
def healthz(request):
    """Liveness for load balancers: database and broker, each ok or an error."""
    from django.conf import settings

    report, ok = {}, True
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        report["database"] = "ok"
    except Exception as exc:  # report, never raise: this page must answer
        report["database"] = f"error: {type(exc).__name__}"
        ok = False
    if settings.CELERY_TASK_ALWAYS_EAGER:
        report["broker"] = "eager (no broker configured)"
    else:
        try:
            import redis

            client = redis.Redis.from_url(
                settings.CELERY_BROKER_URL, socket_connect_timeout=2, socket_timeout=2
            )
            client.ping()
            report["broker"] = "ok"
        except Exception as exc:
            report["broker"] = f"error: {type(exc).__name__}"
            ok = False
    report["status"] = "ok" if ok else "error"
    return JsonResponse(report, status=200 if ok else 503)
