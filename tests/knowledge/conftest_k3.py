"""Helpers for the /api/v1/resources/ tests: personas as API clients, expected JSON."""

from django_scopes import scopes_disabled
from rest_framework import serializers
from rest_framework.test import APIClient

from accounts.models import ApiToken
from knowledge.models import Resource, Revision
from tests.factories import resource_create

API = "/api/v1/resources/"
# Personas (tests/conftest.py): editor and manager of "alpha"; editor_b and outsider
# (a manager) of "beta"; the coordinator; a signed-in procurer; anonymous.
PERSONAS = [
    "anonymous",
    "procurer",
    "editor",
    "manager",
    "editor_b",
    "outsider",
    "coordinator",
]
NO_ABILITIES = {
    "retrieve": False,
    "update": False,
    "partial_update": False,
    "submit": False,
    "publish": False,
    "send_back": False,
    "archive": False,
    "destroy": False,
}


def client_for(request, persona: str, *, token: bool = False) -> APIClient:
    """An API client acting as `persona` (a fixture name); with `token=True` it
    authenticates the way an API user does: `Authorization: Token <key>`."""
    api = APIClient()
    if persona == "anonymous":
        return api
    user = request.getfixturevalue(persona)
    if token:
        # One key per user however often a test asks (a new token would
        # replace the one an earlier client holds).
        key = f"test-token-of-user-{user.pk}"
        ApiToken.objects.get_or_create(
            user=user, defaults={"key_hash": ApiToken.hash(key)}
        )
        api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    else:
        # force_authenticate hands this one instance to every request, so what it
        # remembers for a request (its roles, its 2FA: User.privileges_locked) is
        # looked up here, not inside the first request a test measures.
        user.privileges_locked  # noqa: B018 - fills the instance's memo
        api.force_authenticate(user)
    return api


def detail_url(resource) -> str:
    return f"{API}{resource.pk}/"


def action_url(resource, name: str) -> str:
    return f"{API}{resource.pk}/{name}/"


def iso(value) -> str | None:
    """A datetime as the API writes it."""
    return serializers.DateTimeField().to_representation(value) if value else None


def make(centre, by, *, status="draft", **data) -> Resource:
    """A resource in `status`, made through the services."""
    from knowledge import services

    resource = resource_create(centre=centre, by=by, **data)
    if status in ("in_review",):
        resource = services.resource_submit(resource=resource, by=by)
    if status in ("published", "archived"):
        resource = services.resource_publish(resource=resource, by=by)
    if status == "archived":
        resource = services.resource_archive(resource=resource, by=by)
    return resource


def revisions(resource) -> list[tuple[str, str | None]]:
    """(action, actor e-mail) of the resource's history, oldest first."""
    with scopes_disabled():
        return [
            (r.action, r.actor.email if r.actor else None)
            for r in Revision.objects.filter(resource=resource).order_by(
                "created_at", "pk"
            )
        ]
