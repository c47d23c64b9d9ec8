"""Pages of the community e-mail settings: the preference centre's section
(every community of the signed-in person), the small form on a community's
page, and the one-click way out that every community mail links to."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.csrf import csrf_exempt

from . import notifications
from .models import Community, CommunityMember
from .notify_forms import NotifyForm, NotifyPreferencesForm


def member_list_for_settings(user):
    """The memberships whose e-mails `user` can set: active ones, in communities
    she may read."""
    return (
        CommunityMember.objects.active()
        .filter(user=user, community__in=Community.objects.readable_by(user))
        .select_related("community")
        .order_by("community__name", "pk")
    )


class PreferencesView(LoginRequiredMixin, View):
    """Every community of the signed-in person, one choice each."""

    template_name = "communities/notify_preferences.html"

    def render(self, form, status=200):
        return TemplateResponse(
            self.request, self.template_name, {"form": form}, status=status
        )

    def get(self, request):
        return self.render(
            NotifyPreferencesForm(member_list_for_settings(request.user))
        )

    def post(self, request):
        form = NotifyPreferencesForm(
            member_list_for_settings(request.user), data=request.POST
        )
        if not form.is_valid():
            return self.render(form, status=400)
        with transaction.atomic():
            for member, notify in form.choices():
                if member.notify != notify:
                    notifications.notify_set(member=member, notify=notify)
        messages.success(request, _("Your community e-mails are saved."))
        return redirect("communities_notify:preferences")


class CommunityNotifyView(LoginRequiredMixin, View):
    """POST from a community's page (communities/_notify_form.html): the
    signed-in member's choice for that community. A community she may not read
    answers 404, one she is not an active member of too."""

    http_method_names = ["post"]

    def post(self, request, slug):
        community = get_object_or_404(
            Community.objects.readable_by(request.user), slug=slug
        )
        member = get_object_or_404(
            CommunityMember.objects.active(), community=community, user=request.user
        )
        form = NotifyForm(request.POST)
        target = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(
            target,
            allowed_hosts={request.get_host()},
            require_https=request.is_secure(),
        ):
            target = reverse("communities_notify:preferences")
        if not form.is_valid():
            messages.error(request, _("Choose how you want to hear about new posts."))
            return redirect(target)
        notifications.notify_set(member=member, notify=form.cleaned_data["notify"])
        messages.success(
            request,
            _("Your e-mails from %(community)s are saved.")
            % {"community": community.name},
        )
        return redirect(target)


@method_decorator(csrf_exempt, name="dispatch")
class OutView(View):
    """The way out of a community mail. GET: a confirmation page only (link
    scanners follow GETs). POST: at once; the RFC 8058 one-click POST comes
    without cookies or CSRF token: the signed token in the URL is the authority."""

    def dispatch(self, request, token):
        named = notifications.out_from_token(token)
        if named is None:
            return TemplateResponse(
                request, "communities/notify_bad_link.html", status=400
            )
        self.user, self.community, self.frequency = named
        return super().dispatch(request)

    def context(self, **extra):
        return {
            "out_user": self.user,
            "community": self.community,
            "frequency": self.frequency,
            **extra,
        }

    def get(self, request):
        return TemplateResponse(
            request, "communities/notify_out.html", self.context(done=False)
        )

    def post(self, request):
        notifications.notify_stop(
            user=self.user, community=self.community, frequency=self.frequency
        )
        if request.POST.get("List-Unsubscribe") == "One-Click":
            return HttpResponse(
                "Unsubscribed.\n", content_type="text/plain; charset=utf-8"
            )
        return TemplateResponse(
            request, "communities/notify_out.html", self.context(done=True)
        )
