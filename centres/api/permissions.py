"""API guards shared by the apps whose objects a centre owns."""

from collections.abc import Mapping

from django.core.validators import slug_re
from rest_framework.exceptions import PermissionDenied

from ..models import Centre


def centre_refuse_unless_workspace(request, message) -> None:
    """Raise 403 with `message` when the body names, as `centre`, a slug that is
    not one of the caller's workspaces (whether such a centre exists or not).

    A well-formed request the caller may not make is refused as such; the slugs
    are public, so a 404 would hide nothing. A `centre` that is missing or not a
    string is left to the serializer's 400."""
    data = request.data if isinstance(request.data, Mapping) else {}
    slug = data.get("centre")
    if not isinstance(slug, str):
        return
    # What is no slug names no workspace, and is kept out of the query (a NUL
    # byte or a lone surrogate cannot even be sent to PostgreSQL).
    if not slug_re.match(slug) or not (
        Centre.objects.workspaces_for(request.user).filter(slug=slug).exists()
    ):
        raise PermissionDenied(message)
