"""API sign-in by personal token (`Authorization: Token <key>`), stored hashed."""

from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions

from .models import ApiToken


class TokenAuthentication(authentication.TokenAuthentication):
    """DRF's token scheme, looking the key up by its SHA-256 (ApiToken)."""

    model = ApiToken

    def authenticate_credentials(self, key):
        token = (
            ApiToken.objects.select_related("user")
            .filter(key_hash=ApiToken.hash(key))
            .first()
        )
        if token is None:
            raise exceptions.AuthenticationFailed(_("Invalid token."))
        if not token.user.is_active:
            raise exceptions.AuthenticationFailed(_("User inactive or deleted."))
        return token.user, token
