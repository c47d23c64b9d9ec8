"""Compute a TOTP code the way allauth checks it (for the demo and the tests)."""

import time

from allauth.mfa import app_settings
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value


def totp_code_now(secret: str, *, offset: int = 0) -> str:
    """The code for the current 30-second window (`offset` windows later)."""
    counter = int(time.time()) // app_settings.TOTP_PERIOD + offset
    return format_hotp_value(hotp_value(secret, counter))
