"""allauth adapter: mail goes through our queue, never out of the request itself."""

from dataclasses import dataclass
from urllib.parse import urlparse

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.utils import translation

from p2i_portal.client_ip import client_ip
from p2i_portal.mail import recipient_language

from .services import email_queue


@dataclass(frozen=True)
class PortalSite:
    """What allauth's mails call `current_site`: our name, the request's host."""

    name: str
    domain: str


class AccountAdapter(DefaultAccountAdapter):
    def get_client_ip(self, request):
        # The portal's one reading of X-Forwarded-For, so that allauth's rate
        # limits count the clients the other limits count (and a header with
        # fewer addresses than trusted proxies is no server error).
        return client_ip(request)

    def save_user(self, request, user, form, commit=True):
        # The page where she signs up tells the language she reads; the
        # profile page lets her change it.
        if not user.language:
            user.language = translation.get_language() or ""
        return super().save_user(request, user, form, commit=commit)

    def _language_for(self, email, user=None):
        """The account's language, else the page's (e.g. a password reset asked
        for from a German page by someone without an account), else English."""
        if user is None:
            from .models import User

            user = User.objects.filter(email__iexact=email).only("language").first()
        request = allauth_context.request
        page = getattr(request, "LANGUAGE_CODE", None) if request else None
        return [getattr(user, "language", ""), page]

    def send_confirmation_mail(self, request, emailconfirmation, signup):
        # The link is built before send_mail is called: build it in her language.
        address = emailconfirmation.email_address
        with recipient_language(*self._language_for(address.email, address.user)):
            return super().send_confirmation_mail(request, emailconfirmation, signup)

    def send_password_reset_mail(self, user, email, context):
        with recipient_language(*self._language_for(email, user)):
            context = {
                **context,
                "password_reset_url": self.get_reset_password_from_key_url(
                    f"{context['uid']}-{context['key']}"
                ),
            }
            return super().send_password_reset_mail(user, email, context)

    def send_mail(self, template_prefix, email, context):
        with recipient_language(*self._language_for(email, context.get("user"))):
            self._send_mail(template_prefix, email, context)

    def _send_mail(self, template_prefix, email, context):
        request = allauth_context.request
        domain = (
            request.get_host()
            if request is not None
            else urlparse(settings.SITE_URL).netloc
        )
        ctx = {
            "request": request,
            "email": email,
            "current_site": PortalSite(name="P2I Portal", domain=domain),
            **context,
        }
        message = self.render_mail(template_prefix, email, ctx)
        html = ""
        for content, mimetype in getattr(message, "alternatives", []) or []:
            if mimetype == "text/html":
                html = content
        body_text = message.body
        if getattr(message, "content_subtype", "plain") == "html":
            html, body_text = message.body, ""
        email_queue(
            to=email,
            subject=message.subject,
            body_text=body_text,
            body_html=html,
            template=template_prefix.rsplit("/", 1)[-1],
        )
