"""Public newsletter pages: subscribe (double opt-in), confirm, the preference
centre, unsubscribe (RFC 8058 one-click), the archive, and the bounce webhook."""

import hmac
import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.syndication.views import Feed
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import ListView

from . import rendering, services
from .forms import PreferencesForm, SubscribeForm
from .models import CONSENT_TEXT, CONSENT_VERSION, ConfirmationToken, Issue, token_hash
from .ratelimit import client_ip, hit

LISTS = {"newsletter", "digest", "all"}


def _rate_limited(request):
    return TemplateResponse(request, "newsletters/rate_limited.html", status=429)


def _bad_link(request, *, kind):
    """Forged, tampered, used or expired links: a clear page, nothing changed."""
    return TemplateResponse(
        request, "newsletters/bad_link.html", {"kind": kind}, status=400
    )


class SubscribeView(View):
    template_name = "newsletters/subscribe.html"

    def context(self, request, form):
        subscriber = (
            services.subscriber_for_user(request.user)
            if request.user.is_authenticated
            else None
        )
        return {
            "form": form,
            "consent_text": _(CONSENT_TEXT),
            "consent_version": CONSENT_VERSION,
            "subscriber": subscriber,
            "recent_issues": Issue.objects.sent().order_by("-sent_at")[:3],
        }

    def get(self, request):
        form = SubscribeForm(initial={"language": request.LANGUAGE_CODE[:2]})
        return TemplateResponse(
            request, self.template_name, self.context(request, form)
        )

    def post(self, request):
        ip = client_ip(request)
        if not hit("subscribe_ip", ip):
            return _rate_limited(request)
        agent = request.META.get("HTTP_USER_AGENT", "")
        if request.POST.get("action") == "one-click" and request.user.is_authenticated:
            subscriber = services.subscriber_subscribe_user(
                user=request.user, ip=ip, user_agent=agent
            )
            if subscriber.is_confirmed:
                messages.success(
                    request, _("You are subscribed to the joint newsletter.")
                )
                return redirect(
                    "newsletters:preferences",
                    token=rendering.subscriber_token(subscriber),
                )
            return redirect("newsletters:subscribe-done")
        form = SubscribeForm(request.POST)
        if not form.is_valid():
            return TemplateResponse(
                request, self.template_name, self.context(request, form)
            )
        data = form.cleaned_data
        services.subscriber_subscribe(
            email=data["email"],
            ip=ip,
            user_agent=agent,
            language=data["language"],
            wants_newsletter=data["wants_newsletter"],
            digest_frequency=data["digest_frequency"],
            name=data["name"],
            # Over the per-address limit: the same answer, but no more mail.
            send_mail=hit("subscribe_email", services.normalise_email(data["email"])),
        )
        return redirect("newsletters:subscribe-done")


class SubscribeDoneView(View):
    def get(self, request):
        return TemplateResponse(request, "newsletters/subscribe_done.html")


class ConfirmView(View):
    """GET shows a button (link scanners must not confirm for people); POST
    confirms. A link works once, for 72 hours."""

    def get(self, request, token):
        row = ConfirmationToken.objects.filter(token_hash=token_hash(token)).first()
        if row is None or not row.is_usable:
            return _bad_link(request, kind="confirm")
        return TemplateResponse(
            request, "newsletters/confirm.html", {"email": row.subscriber.email}
        )

    def post(self, request, token):
        if not hit("confirm_ip", client_ip(request)):
            return _rate_limited(request)
        subscriber = services.subscriber_confirm(token=token)
        if subscriber is None:
            return _bad_link(request, kind="confirm")
        return TemplateResponse(
            request,
            "newsletters/confirmed.html",
            {
                "subscriber": subscriber,
                "preferences_url": reverse(
                    "newsletters:preferences",
                    kwargs={"token": rendering.subscriber_token(subscriber)},
                ),
            },
        )


class AccountPreferencesView(LoginRequiredMixin, View):
    """From the account page: one's own preference centre, or the subscribe page."""

    def get(self, request):
        subscriber = services.subscriber_for_user(request.user)
        if subscriber is None or subscriber.status == subscriber.Status.PENDING:
            return redirect("newsletters:subscribe")
        return redirect(
            "newsletters:preferences", token=rendering.subscriber_token(subscriber)
        )


class PreferencesView(View):
    """The preference centre, reached by a signed token (no sign-in needed)."""

    template_name = "newsletters/preferences.html"

    def dispatch(self, request, token, *args, **kwargs):
        self.subscriber = rendering.subscriber_from_token(token)
        if self.subscriber is None:
            return _bad_link(request, kind="preferences")
        self.token = token
        return super().dispatch(request, *args, **kwargs)

    def render(self, form):
        return TemplateResponse(
            self.request,
            self.template_name,
            {"form": form, "subscriber": self.subscriber, "token": self.token},
        )

    def get(self, request):
        return self.render(PreferencesForm(instance=self.subscriber))

    def post(self, request):
        form = PreferencesForm(request.POST, instance=self.subscriber)
        if not form.is_valid():
            return self.render(form)
        data = dict(form.cleaned_data)
        centres = data.pop("centres")
        services.subscriber_preferences_update(
            subscriber=self.subscriber,
            data=data,
            centres=centres,
            ip=client_ip(request),
            user_agent=request.META.get("HTTP_USER_AGENT", ""),
        )
        messages.success(request, _("Your choices are saved."))
        return redirect("newsletters:preferences", token=self.token)


@method_decorator(csrf_exempt, name="dispatch")
class UnsubscribeView(View):
    """GET: a confirmation page only (link scanners follow GETs). POST: leave the
    list at once — the RFC 8058 one-click POST comes without cookies or CSRF
    token; the signed token in the URL is the authority."""

    def dispatch(self, request, token, list_name):
        if list_name not in LISTS:
            raise Http404
        self.subscriber = rendering.subscriber_from_token(token)
        if self.subscriber is None:
            return _bad_link(request, kind="unsubscribe")
        self.token, self.list_name = token, list_name
        return super().dispatch(request)

    def context(self, **extra):
        return {
            "subscriber": self.subscriber,
            "list_name": self.list_name,
            "token": self.token,
            "preferences_url": reverse(
                "newsletters:preferences", kwargs={"token": self.token}
            ),
            **extra,
        }

    def get(self, request):
        return TemplateResponse(
            request, "newsletters/unsubscribe.html", self.context(done=False)
        )

    def post(self, request):
        services.subscriber_unsubscribe(
            subscriber=self.subscriber, list_name=self.list_name
        )
        if request.POST.get("List-Unsubscribe") == "One-Click":
            return HttpResponse(
                "Unsubscribed.\n", content_type="text/plain; charset=utf-8"
            )
        return TemplateResponse(
            request, "newsletters/unsubscribe.html", self.context(done=True)
        )


class ArchiveView(ListView):
    template_name = "newsletters/archive.html"
    context_object_name = "issues"
    paginate_by = 20

    def get_queryset(self):
        return Issue.objects.sent().order_by("-sent_at", "-pk")


class IssueDetailView(View):
    """The web version of a sent issue."""

    def get(self, request, slug):
        issue = get_object_or_404(Issue.objects.sent(), slug=slug)
        return TemplateResponse(
            request,
            "newsletters/issue_detail.html",
            # The visitor's language version: translated sections where there are.
            rendering.issue_context(issue, request.LANGUAGE_CODE),
        )


class IssueFeed(Feed):
    feed_type = Atom1Feed
    author_name = "P2I Portal"

    def title(self):
        return _("The joint newsletter of the Innovation Procurement Task Force")

    def subtitle(self):
        return _("Every issue of the P2I joint newsletter, as it was sent.")

    def link(self):
        return reverse("newsletters:archive")

    def items(self):
        return Issue.objects.sent().order_by("-sent_at", "-pk")[:30]

    def item_title(self, item):
        return item.subject

    def item_description(self, item):
        return item.preheader or item.subject

    def item_link(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        return item.sent_at

    def item_updateddate(self, item):
        return item.sent_at

    def item_guid(self, item):
        return f"tag:p2i-portal,newsletter-issue:{item.pk}"

    item_guid_is_permalink = False


WEBHOOK_KINDS = {
    "hard": "hard",
    "hard_bounce": "hard",
    "permanent": "hard",
    "soft": "soft",
    "soft_bounce": "soft",
    "transient": "soft",
    "complaint": "complaint",
    "spam_complaint": "complaint",
}


@method_decorator(csrf_exempt, name="dispatch")
class BounceWebhookView(View):
    """POST JSON {"events": [{"email": …, "type": "hard|soft|complaint",
    "detail": …}]} with `Authorization: Bearer <NEWSLETTER_WEBHOOK_SECRET>`.
    Off (404) when no secret is configured."""

    http_method_names = ["post"]

    def post(self, request):
        secret = settings.NEWSLETTER_WEBHOOK_SECRET
        if not secret:
            raise Http404
        given = request.headers.get("Authorization", "").removeprefix("Bearer ")
        if not hmac.compare_digest(given.encode(), secret.encode()):
            return JsonResponse({"error": "unauthorised"}, status=401)
        try:
            payload = json.loads(request.body or b"{}")
        except ValueError:
            return JsonResponse({"error": "invalid JSON"}, status=400)
        events = payload.get("events", [payload]) if isinstance(payload, dict) else []
        processed = 0
        for event in events[:1000]:
            if not isinstance(event, dict):
                continue
            kind = WEBHOOK_KINDS.get(str(event.get("type", "")).lower())
            email = str(event.get("email", ""))
            if kind and "@" in email:
                services.bounce_record(
                    email=email,
                    kind=kind,
                    source="webhook",
                    detail=str(event.get("detail", ""))[:2000],
                )
                processed += 1
        return JsonResponse({"processed": processed})
