"""allauth adapter: mail goes through our queue, never out of the request itself."""

from dataclasses import dataclass
from urllib.parse import urlparse

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.conf import settings

from p2i_portal.client_ip import client_ip

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

    def send_mail(self, template_prefix, email, context):
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
