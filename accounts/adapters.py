"""allauth adapter: mail goes through our queue, never out of the request itself."""

from allauth.account.adapter import DefaultAccountAdapter

from .services import email_queue


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix, email, context):
        message = self.render_mail(template_prefix, email, context)
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
