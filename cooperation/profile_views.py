"""Pages of profiles under /<lang>/profiles/: the directory, one profile, and
her own profile at /profiles/me/ (create, change, delete). Who sees a profile
is decided by Profile.objects.visible_to alone; a hidden or missing profile
answers 404 to everyone but its owner."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from newsletters.ratelimit import hit

from . import profile_selectors as selectors
from . import profile_services as services
from .profile_forms import DirectoryFilterForm, ProfileForm

PAGE_SIZE = 24
RATE_LIMITED = gettext_lazy(
    "You saved your profile too often in a short time. Nothing was changed; "
    "please try again later."
)


class DirectoryView(View):
    """/profiles/: the profiles the visitor may see, with filters."""

    def get(self, request):
        viewer = request.user
        form = DirectoryFilterForm(
            request.GET or None,
            country_codes=selectors.profile_directory_countries(viewer),
        )
        # Invalid filters are dropped (and said so), as the centres' directory does.
        values = form.cleaned_data if form.is_bound and form.is_valid() else {}
        params = selectors.DirectoryParams(
            kind=values.get("kind", ""),
            country=values.get("country", ""),
            sector=values.get("sector", ""),
            q=values.get("q", ""),
        )
        paginator = Paginator(
            selectors.profile_directory(params=params, viewer=viewer), PAGE_SIZE
        )
        page = paginator.get_page(request.GET.get("page"))
        query = request.GET.copy()
        query.pop("page", None)
        return TemplateResponse(
            request,
            "cooperation/profiles/directory.html",
            {
                "form": form,
                "form_errors": form.is_bound and bool(form.errors),
                "filtered": params.filtered,
                "page_obj": page,
                "profiles": page.object_list,
                "query": query.urlencode(),
                "own": selectors.profile_own(viewer),
            },
        )


class ProfileDetailView(View):
    """/profiles/<pk>/: one profile, if the visitor may see it."""

    def get(self, request, pk):
        profile = selectors.profile_get_visible(pk=pk, viewer=request.user)
        if profile is None:
            raise Http404(_("No such profile."))
        return TemplateResponse(
            request,
            "cooperation/profiles/detail.html",
            {
                "profile": profile,
                "is_owner": profile.user_id == request.user.pk,
                "activity": selectors.profile_activity(profile, request.user),
            },
        )


class MyProfileView(LoginRequiredMixin, View):
    """/profiles/me/: her profile's form; the first save creates it."""

    template_name = "cooperation/profiles/me.html"

    def render(self, form, profile, status=200):
        return TemplateResponse(
            self.request,
            self.template_name,
            {"form": form, "profile": profile},
            status=status,
        )

    def get(self, request):
        profile = selectors.profile_own(request.user)
        initial = ProfileForm.initial_of(profile) if profile else {}
        if profile is None:
            initial = {
                "organisation": request.user.organisation,
                "country": str(request.user.country or ""),
                "kind": "supplier"
                if request.user.profile_role == "supplier"
                else "buyer",
                "contact": "centre",
                "visibility": "hidden",
            }
        return self.render(ProfileForm(initial=initial), profile)

    def post(self, request):
        profile = selectors.profile_own(request.user)
        form = ProfileForm(request.POST)
        if not form.is_valid():
            return self.render(form, profile, status=400)
        if not hit("profile_save_user", str(request.user.pk)):
            form.add_error(None, RATE_LIMITED)
            return self.render(form, profile, status=429)
        try:
            if profile is None:
                profile = services.profile_create(
                    user=request.user, data=form.cleaned_data
                )
                messages.success(request, _("Your profile was created."))
            else:
                profile = services.profile_update(
                    profile=profile, data=form.cleaned_data
                )
                messages.success(request, _("Your profile was saved."))
        except ValidationError as exc:
            if hasattr(exc, "error_dict"):
                for field, errors in exc.error_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                form.add_error(None, exc)
            return self.render(form, profile, status=400)
        return redirect("profiles:me")


class MyProfileDeleteView(LoginRequiredMixin, View):
    """/profiles/me/delete/: GET asks, POST deletes her profile."""

    def get_profile(self):
        profile = selectors.profile_own(self.request.user)
        if profile is None:
            raise Http404(_("You have no profile."))
        return profile

    def get(self, request):
        return TemplateResponse(
            request,
            "cooperation/profiles/delete.html",
            {"profile": self.get_profile()},
        )

    def post(self, request):
        services.profile_delete(profile=self.get_profile())
        messages.success(request, _("Your profile was deleted."))
        return redirect("profiles:me")
