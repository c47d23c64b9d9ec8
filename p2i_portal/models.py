"""Abstract model bases shared by every app."""

from django.core import signing
from django.db import models


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class SignedLinkMixin:
    """Links in e-mails to a row with an `email`: its id signed together with
    that address and the link's purpose, so a link does not show the address
    and stops working when the id is changed. `LINK_SALT` names the kind of row
    (changing it would break the links already sent)."""

    LINK_SALT = ""

    def _signer(self, purpose: str) -> signing.Signer:
        return signing.Signer(salt=f"{self.LINK_SALT}.{purpose}:{self.email}")

    def token(self, purpose: str) -> str:
        return self._signer(purpose).sign(str(self.pk))

    def check_token(self, token: str, purpose: str) -> bool:
        try:
            return self._signer(purpose).unsign(token) == str(self.pk)
        except signing.BadSignature:
            return False

    @staticmethod
    def token_pk(token: str) -> int | None:
        """The id a link names (unverified: check_token decides); None for
        anything that is not a plausible id."""
        value = str(token).partition(":")[0]
        if not (value.isascii() and value.isdigit()) or len(value) > 18:
            return None
        return int(value)
