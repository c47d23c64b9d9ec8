"""Public pages of the call for participation under /<lang>/task-force/: the
application form, the confirmation and follow-up links, the member's welcome
page and profile, and the member directory.

Signed links (participation_selectors.application_from_token) open one
application; a forged or unconfirmed one answers 404."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from newsletters.ratelimit import client_ip, hit
from p2i_portal.vocab import Sector

from . import participation_selectors as selectors
from . import participation_services as services
from .models import ApplicantType, CommunityMember, TaskForceApplication
from .participation_forms import AnswerForm, JoinForm, ProfileForm

DIRECTORY_PAGE_SIZE = 24
RATE_LIMITED = gettext_lazy(
    "Too many applications were sent from your network in a short time. Nothing "
    "was saved; please try again in a few minutes."
)
RATE_LIMITED_ADDRESS = gettext_lazy(
    "This e-mail address was used for too many applications in the last hour. "
    "Nothing was saved; please try again later."
)
RATE_LIMITED_POST = gettext_lazy(
    "Too many messages in a short time. Nothing was saved; please try again later."
)


def _service_errors(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)


class JoinView(View):
    """/task-force/join/: the application; the address is confirmed by a
    mailed link before any project sees it (rate-limited per client and
    address)."""

    template_name = "communities/taskforce/join.html"

    def render(self, form, status=200):
        return TemplateResponse(
            self.request, self.template_name, {"form": form}, status=status
        )

    def get(self, request):
        initial = {}
        if request.user.is_authenticated:
            initial = {
                "email": request.user.email,
                "contact_name": request.user.get_full_name(),
                "organisation": getattr(request.user, "organisation", ""),
            }
        return self.render(JoinForm(initial=initial))

    def post(self, request):
        form = JoinForm(request.POST)
        if not hit("taskforce_join_ip", client_ip(request)):
            form.is_valid()
            form.add_error(None, RATE_LIMITED)
            return self.render(form, status=429)
        if not form.is_valid():
            return self.render(form, status=400)
        email = form.cleaned_data["email"].strip().lower()
        if not hit("taskforce_join_email", email):
            form.add_error(None, RATE_LIMITED_ADDRESS)
            return self.render(form, status=429)
        try:
            services.application_create(
                data=form.data_for_service(),
                email=email,
                projects=form.chosen_projects(),
            )
        except ValidationError as exc:
            _service_errors(form, exc)
            return self.render(form, status=400)
        messages.success(
            request,
            _(
                "Almost done: we sent a link to %(email)s. Follow it to confirm "
                "your address; only then does your application reach the projects."
            )
            % {"email": email},
        )
        return redirect("task-force")


class ConfirmView(View):
    """/task-force/confirm/<token>/: GET shows a button, POST confirms (mail
    scanners that open links must not confirm on anyone's behalf)."""

    def get_application(self):
        application = selectors.application_from_token(self.kwargs["token"], "confirm")
        if application is None:
            raise Http404(_("This link is not valid."))
        return application

    def get(self, request, token):
        application = self.get_application()
        if application.confirmed_at is not None:
            return redirect(application.follow_url())
        return TemplateResponse(
            request, "communities/taskforce/confirm.html", {"application": application}
        )

    def post(self, request, token):
        application = services.application_confirm(application=self.get_application())
        messages.success(
            request,
            _("Thank you: your application is now with the projects you chose."),
        )
        return redirect(application.follow_url())


class _LinkMixin:
    """A confirmed application opened by its signed `follow` link."""

    def get_application(self) -> TaskForceApplication:
        application = selectors.application_from_token(self.kwargs["token"], "follow")
        if application is None or application.confirmed_at is None:
            raise Http404(_("This link is not valid."))
        return application

    def get_member(self) -> TaskForceApplication:
        application = self.get_application()
        if not application.is_member:
            raise Http404(_("This link is not valid."))
        return application


class ApplicationView(_LinkMixin, View):
    """/task-force/application/<token>/: where her application stands, the
    projects' questions and her answers."""

    template_name = "communities/taskforce/application.html"

    def render(self, application, form=None, status=200):
        return TemplateResponse(
            self.request,
            self.template_name,
            {
                "application": application,
                "thread": application.messages.select_related("centre"),
                "form": form or AnswerForm(),
            },
            status=status,
        )

    def get(self, request, token):
        application = self.get_application()
        if application.is_member:
            return redirect(application.follow_url())
        return self.render(application)

    def post(self, request, token):
        application = self.get_application()
        form = AnswerForm(request.POST)
        if not hit("taskforce_answer_ip", client_ip(request)):
            form.is_valid()
            form.add_error(None, RATE_LIMITED_POST)
            return self.render(application, form, status=429)
        if not form.is_valid():
            return self.render(application, form, status=400)
        try:
            services.application_answer(
                application=application, body=form.cleaned_data["body"]
            )
        except ValidationError as exc:
            _service_errors(form, exc)
            return self.render(application, form, status=400)
        messages.success(request, _("Your answer was sent to the projects."))
        return redirect(request.path)


class WelcomeView(_LinkMixin, View):
    """/task-force/welcome/<token>/: the accepted member's page: the newsletter
    in one click, her projects' communities, her profile."""

    def get(self, request, token):
        application = self.get_member()
        user = request.user if request.user.is_authenticated else None
        matches = services.account_matches(application, user)
        joined = {}
        if matches:
            joined = dict(
                CommunityMember.objects.filter(user=user).values_list(
                    "community_id", "status"
                )
            )
        communities = [
            (community, joined.get(community.pk, ""))
            for community in services.member_communities(application)
        ]
        here = request.get_full_path()
        return TemplateResponse(
            request,
            "communities/taskforce/welcome.html",
            {
                "application": application,
                "token": token,
                "communities": communities,
                "account_matches": matches,
                "signed_in_other": user is not None and not matches,
                "login_url": f"{reverse('account_login')}?{urlencode({'next': here})}",
                "signup_url": f"{reverse('account_signup')}?{urlencode({'next': here})}",
            },
        )


class WelcomeNewsletterView(_LinkMixin, View):
    """POST: subscribe the member to the joint newsletter."""

    http_method_names = ["post"]

    def post(self, request, token):
        application = self.get_member()
        if not hit("subscribe_ip", client_ip(request)) or not hit(
            "subscribe_email", application.email
        ):
            messages.error(request, RATE_LIMITED_POST)
            return redirect("taskforce:welcome", token=token)
        user = request.user if request.user.is_authenticated else None
        services.member_newsletter_subscribe(
            application=application,
            ip=client_ip(request),
            user_agent=request.headers.get("user-agent", ""),
            user=user,
        )
        if services.account_matches(application, user):
            messages.success(request, _("You are subscribed to the newsletter."))
        else:
            messages.success(
                request,
                _(
                    "We sent a link to %(email)s: follow it to confirm your "
                    "subscription."
                )
                % {"email": application.email},
            )
        return redirect("taskforce:welcome", token=token)


class WelcomeCommunityJoinView(_LinkMixin, View):
    """POST: her signed-in account joins one of her projects' communities."""

    http_method_names = ["post"]

    def post(self, request, token, slug):
        application = self.get_member()
        community = get_object_or_404(
            services.member_communities(application), slug=slug
        )
        if not request.user.is_authenticated:
            return redirect("taskforce:welcome", token=token)
        try:
            membership = services.member_community_join(
                application=application, community=community, user=request.user
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect("taskforce:welcome", token=token)
        if membership.status == CommunityMember.Status.ACTIVE:
            messages.success(
                request,
                _("You joined %(community)s.") % {"community": community.name},
            )
        else:
            messages.success(
                request,
                _("You asked to join %(community)s; a moderator will decide.")
                % {"community": community.name},
            )
        return redirect("taskforce:welcome", token=token)


class _ProfileMixin:
    template_name = "communities/taskforce/profile.html"

    def render(self, application, form=None, status=200):
        return TemplateResponse(
            self.request,
            self.template_name,
            {
                "application": application,
                "form": form
                or ProfileForm(
                    initial={
                        "website": application.website,
                        "profile": application.profile,
                        "consent_directory": application.consent_directory,
                    }
                ),
                "back_url": self.back_url(application),
            },
            status=status,
        )

    def back_url(self, application):
        return application.follow_url()

    def get(self, request, **kwargs):
        return self.render(self.get_member())

    def post(self, request, **kwargs):
        application = self.get_member()
        form = ProfileForm(request.POST)
        if not form.is_valid():
            return self.render(application, form, status=400)
        try:
            services.member_profile_update(
                application=application, data=form.cleaned_data
            )
        except ValidationError as exc:
            _service_errors(form, exc)
            return self.render(application, form, status=400)
        messages.success(request, _("Your profile was saved."))
        return redirect(request.path)


class WelcomeProfileView(_LinkMixin, _ProfileMixin, View):
    """/task-force/welcome/<token>/profile/: her profile by her signed link."""


class MyProfileView(LoginRequiredMixin, _ProfileMixin, View):
    """/task-force/profile/: her profile by her account (linked on joining a
    community); anyone without a member record gets 404."""

    def get_member(self):
        application = (
            TaskForceApplication.objects.accepted()
            .filter(user=self.request.user)
            .order_by("pk")
            .first()
        )
        if application is None:
            raise Http404
        return application

    def back_url(self, application):
        return reverse("taskforce:members")


class DirectoryView(View):
    """/task-force/members/: listed members, filterable by type, country,
    sector and project; counts are exact (Django's paginator)."""

    def get(self, request):
        params = selectors.DirectoryParams.from_query(request.GET)
        rows = selectors.directory(params=params)
        page = Paginator(rows, DIRECTORY_PAGE_SIZE).get_page(request.GET.get("page"))
        active = {k: v for k, v in vars(params).items() if v}
        return TemplateResponse(
            request,
            "communities/taskforce/directory.html",
            {
                "members": list(page.object_list),
                "page_obj": page,
                "page_query": urlencode(active),
                "params": params,
                "filtered": bool(active),
                "types": ApplicantType.choices,
                "sectors": Sector.choices,
                "countries": selectors.directory_countries(),
                "projects": selectors.projects(),
                "own_member": request.user.is_authenticated
                and TaskForceApplication.objects.accepted()
                .filter(user=request.user)
                .exists(),
            },
        )
