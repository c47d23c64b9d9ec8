"""The client's IP address, the same for every per-IP limit of the portal.

DRF's throttles (`REST_FRAMEWORK["NUM_PROXIES"]`) and allauth's rate limits
(`ALLAUTH_TRUSTED_PROXY_COUNT`, and `AccountAdapter.get_client_ip`) follow the same
setting, `TRUSTED_PROXY_COUNT` (env `DJANGO_TRUSTED_PROXY_COUNT`).
"""

import ipaddress

from django.conf import settings


def client_ip(request) -> str:
    """The address the request came from, as far as our own proxies tell.

    Each trusted proxy appends the address it received the request from to
    X-Forwarded-For, so behind N of them the client is the Nth address from the
    right; whatever stands further left was written by the client and is ignored.
    With no trusted proxy the header is ignored altogether, since anyone can send
    it. The selection is DRF's, so that its throttles count the same clients.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    count = settings.TRUSTED_PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if count and forwarded:
        addresses = forwarded.split(",")
        candidate = addresses[-min(count, len(addresses))].strip()
        try:
            return str(ipaddress.ip_address(candidate))
        except ValueError:
            pass  # not an address: a proxy that is not ours wrote it
    return remote or "unknown"
