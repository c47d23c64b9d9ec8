"""Pages: the network's public pages, the centre directory, and centre workspaces."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView, FormView, ListView, TemplateView
from django_countries import countries
from django_scopes import scope

from knowledge.models import Resource

from . import selectors, services
from .forms import CentreProfileForm, DirectoryFilterForm, MemberAddForm, MemberRoleForm
from .models import Centre, Invitation, Membership, Role
from .permissions import CentreRoleRequiredMixin
from .tilemap import tile_grid


class HomeView(TemplateView):
    template_name = "centres/home.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        centres = list(Centre.objects.active())
        ctx["national_centres"] = [c for c in centres if c.kind == Centre.Kind.NATIONAL]
        ctx["projects"] = [c for c in centres if c.kind == Centre.Kind.PROJECT]
        ctx["tiles"] = tile_grid(ctx["national_centres"])
        ctx["countries_count"] = len({c.country.code for c in ctx["national_centres"]})
        return ctx


class AboutView(TemplateView):
    template_name = "centres/about.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        centres = list(
            Centre.objects.active()
            .of_kind(Centre.Kind.NATIONAL)
            .select_related("buddy")
        )
        ctx["by_status"] = [
            (label, [c for c in centres if c.status == value])
            for value, label in Centre.Status.choices
        ]
        ctx["pairs"] = [c for c in centres if c.buddy_id]
        ctx["coordinator"] = next((c for c in centres if c.is_coordinating), None)
        return ctx


class TaskForceView(TemplateView):
    template_name = "centres/task_force.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["projects"] = list(Centre.objects.active().of_kind(Centre.Kind.PROJECT))
        return ctx


class AccessibilityView(TemplateView):
    template_name = "centres/accessibility.html"


class CentreDirectoryView(ListView):
    template_name = "centres/centre_list.html"
    context_object_name = "centres"

    def get_queryset(self):
        data = {k: self.request.GET.get(k, "") for k in selectors.DIRECTORY_FILTERS}
        data["country"] = data["country"].upper()
        codes = (
            Centre.objects.active()
            .exclude(country="")
            .values_list("country", flat=True)
            .distinct()
        )
        self.form = DirectoryFilterForm(data, country_codes=list(codes))
        filters = self.form.cleaned_data if self.form.is_valid() else {}
        return selectors.centre_list_public(filters=filters)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["form"] = self.form
        ctx["counts"] = selectors.centre_directory_counts()
        ctx["filtered"] = any(
            self.request.GET.get(k) for k in selectors.DIRECTORY_FILTERS
        )
        ctx["form_errors"] = self.form.errors
        national = [c for c in ctx["centres"] if c.kind == Centre.Kind.NATIONAL]
        ctx["tiles"] = tile_grid(national)
        return ctx


class CentreDetailView(DetailView):
    template_name = "centres/centre_detail.html"
    context_object_name = "centre"

    def get_queryset(self):
        return Centre.objects.active().select_related("buddy")

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        centre = self.object
        ctx["team"] = selectors.centre_team_public(centre=centre)
        ctx["buddies"] = list(Centre.objects.active().filter(buddy=centre))
        ctx["abilities"] = centre.get_abilities(self.request.user)
        ctx["country_name"] = dict(countries).get(centre.country.code, "")
        ctx["resources"] = list(
            Resource.objects.public()
            .for_centre(centre)
            .select_related("centre")
            .defer("body", "body_html", "search_vector")
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
        workspaces = list(Centre.objects.workspaces_for(request.user)[:2])
        if len(workspaces) == 1 and not request.user.is_coordinator:
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
        if isinstance(result, Invitation):
            messages.success(
                self.request,
                _("%(email)s has no account yet; an invitation was sent.")
                % {"email": result.email},
            )
        else:
            messages.success(
                self.request,
                _("%(email)s was added to the team.") % {"email": result.user.email},
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


class ActivityView(CentreRoleRequiredMixin, TemplateView):
    template_name = "centres/workspace_activity.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["entries"] = selectors.centre_audit_list(centre=self.centre)
        return ctx


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
        ctx["invitation"] = self.invitation
        ctx["next"] = self.request.get_full_path()
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
