"""Public pages of the advice service under /<lang>/advice/: what it is, the
question form, the visitor's confirmation and follow-up links, and a signed-in
procurer's own requests (hers only: another's answers 404)."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from newsletters.ratelimit import client_ip, hit

from . import selectors, services
from .forms import AskForm, MessageForm
from .models import AdviceRequest

RATE_LIMITED = gettext_lazy(
    "Too many questions were sent from your network in a short time. Nothing "
    "was saved; please try again in a few minutes."
)
RATE_LIMITED_ADDRESS = gettext_lazy(
    "This e-mail address was used for too many questions in the last hour. "
    "Nothing was saved; please try again later."
)


def _service_errors(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)


class AdviceHomeView(View):
    """/advice/: what the service is and which centre answers for which country."""

    def get(self, request):
        return TemplateResponse(
            request, "advice/home.html", {"routes": selectors.routing_table()}
        )


class AskView(View):
    """/advice/ask/: the question. Signed in: sent at once; a visitor confirms
    her address by a mailed link first (rate-limited per client and address)."""

    template_name = "advice/ask.html"

    def render(self, form, status=200):
        return TemplateResponse(
            self.request, self.template_name, {"form": form}, status=status
        )

    def get(self, request):
        return self.render(AskForm(user=request.user))

    def post(self, request):
        user = request.user if request.user.is_authenticated else None
        form = AskForm(request.POST, request.FILES, user=request.user)
        if user is None and not hit("advice_ask_ip", client_ip(request)):
            form.is_valid()
            form.add_error(None, RATE_LIMITED)
            return self.render(form, status=429)
        if not form.is_valid():
            return self.render(form, status=400)
        if user is None and not hit(
            "advice_ask_email", form.cleaned_data["email"].strip().lower()
        ):
            form.add_error(None, RATE_LIMITED_ADDRESS)
            return self.render(form, status=429)
        try:
            advice = services.request_create(
                data=form.data_for_service(),
                user=user,
                name=form.cleaned_data.get("name", ""),
                email=form.cleaned_data.get("email", ""),
                uploads=form.cleaned_data["attachments"],
            )
        except ValidationError as exc:
            _service_errors(form, exc)
            return self.render(form, status=400)
        if user is None:
            messages.success(
                request,
                _(
                    "Almost done: we sent a link to %(email)s. Follow it to confirm "
                    "your address; only then does your question reach a centre."
                )
                % {"email": advice.email},
            )
            return redirect("advice:home")
        messages.success(
            request,
            _("Your question was sent. We also sent you an acknowledgement by e-mail."),
        )
        return redirect(advice.follow_url())


class _FollowMixin:
    """Her page for one request: the thread without the desk's internal notes,
    and her answer back (refused once the request is closed)."""

    template_name = "advice/follow.html"

    def get_advice(self) -> AdviceRequest:
        raise NotImplementedError

    def render(self, advice, form=None, status=200):
        return TemplateResponse(
            self.request,
            self.template_name,
            {
                "advice": advice,
                "thread": selectors.procurer_thread(advice),
                "form": form or MessageForm(),
            },
            status=status,
        )

    def get(self, request, **kwargs):
        return self.render(self.get_advice())

    def post(self, request, **kwargs):
        advice = self.get_advice()
        form = MessageForm(request.POST)
        if not form.is_valid():
            return self.render(advice, form, status=400)
        try:
            services.request_procurer_reply(
                request=advice, body=form.cleaned_data["body"]
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return self.render(advice, form, status=400)
        messages.success(request, _("Your message was sent to the centre."))
        return redirect(request.path)


class FollowView(_FollowMixin, View):
    """/advice/follow/<token>/: a visitor's signed link (no account needed)."""

    def get_advice(self):
        advice = selectors.request_from_token(self.kwargs["token"], "follow")
        if advice is None or advice.confirmed_at is None:
            raise Http404(_("This link is not valid."))
        return advice


class ConfirmView(View):
    """/advice/confirm/<token>/: GET shows a button, POST confirms (mail
    scanners that open links must not confirm on anyone's behalf)."""

    def get_advice(self):
        advice = selectors.request_from_token(self.kwargs["token"], "confirm")
        if advice is None:
            raise Http404(_("This link is not valid."))
        return advice

    def get(self, request, token):
        advice = self.get_advice()
        if advice.confirmed_at is not None:
            return redirect(advice.follow_url())
        return TemplateResponse(request, "advice/confirm.html", {"advice": advice})

    def post(self, request, token):
        advice = services.request_confirm(request=self.get_advice())
        messages.success(
            request,
            _(
                "Thank you: your question is now with %(centre)s. We sent you an "
                "acknowledgement by e-mail."
            )
            % {
                "centre": advice.centre.name
                if advice.centre
                else _("the network's coordinator")
            },
        )
        return redirect(advice.follow_url())


class MyRequestsView(LoginRequiredMixin, View):
    """/advice/mine/: the signed-in procurer's own requests."""

    def get(self, request):
        return TemplateResponse(
            request,
            "advice/mine.html",
            {"requests": selectors.request_list_for_user(request.user)},
        )


class MyRequestDetailView(LoginRequiredMixin, _FollowMixin, View):
    """/advice/mine/<pk>/: one of her requests; anyone else's answers 404."""

    def get_advice(self):
        advice = selectors.request_get_for_user(self.request.user, self.kwargs["pk"])
        if advice is None:
            raise Http404
        return advice
