"""Tenancy of the resource workspace: other centres' staff get 404 on every route."""

import pytest

from knowledge.models import Attachment, Resource

from .conftest_k2 import (  # noqa: F401 - fixtures
    attachment_a_fixture,
    draft_a_fixture,
    draft_b_fixture,
    form_data,
    manage_url,
    media_root_fixture,
    reload,
)

pytestmark = pytest.mark.django_db


def _routes(resource_pk, attachment_pk):
    """(method, path, data) for every resource route of alpha's workspace."""
    return [
        ("get", manage_url("alpha"), {}),
        ("get", manage_url("alpha", "new"), {}),
        ("post", manage_url("alpha", "new"), form_data()),
        ("post", manage_url("alpha", "preview"), {"body": "x"}),
        ("get", manage_url("alpha", pk=resource_pk), {}),
        ("get", manage_url("alpha", "edit", resource_pk), {}),
        ("post", manage_url("alpha", "edit", resource_pk), form_data(title="X")),
        ("post", manage_url("alpha", "attachments", resource_pk), {}),
        (
            "post",
            manage_url("alpha", f"attachments/{attachment_pk}/remove", resource_pk),
            {},
        ),
        ("post", manage_url("alpha", "submit", resource_pk), {}),
        ("post", manage_url("alpha", "publish", resource_pk), {}),
        ("post", manage_url("alpha", "send-back", resource_pk), {"comment": "x"}),
        ("post", manage_url("alpha", "archive", resource_pk), {}),
    ]


@pytest.mark.parametrize("persona", ["editor_b", "outsider", "procurer"])
def test_people_outside_the_centre_get_404_everywhere_and_change_nothing(
    client, request, persona, draft_a, attachment_a
):
    client.force_login(request.getfixturevalue(persona))
    before = reload(draft_a)
    for method, url, data in _routes(draft_a.pk, attachment_a.pk):
        response = getattr(client, method)(url, data)
        assert response.status_code == 404, (method, url, response.status_code)
    after = reload(draft_a)
    assert (after.title, after.status, after.updated_at) == (
        before.title,
        before.status,
        before.updated_at,
    )
    assert Attachment.objects.filter(resource=draft_a).count() == 1
    assert Resource.objects.count() == 1


def test_anonymous_visitors_are_sent_to_sign_in(client, draft_a, attachment_a):
    for method, url, data in _routes(draft_a.pk, attachment_a.pk):
        response = getattr(client, method)(url, data)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/accounts/login/?next=")


@pytest.mark.parametrize("persona", ["editor_b", "outsider"])
@pytest.mark.parametrize(
    ("method", "action", "data"),
    [
        ("get", "", {}),
        ("get", "edit", {}),
        ("post", "edit", None),
        ("post", "attachments", {}),
        ("post", "submit", {}),
        ("post", "publish", {}),
        ("post", "send-back", {"comment": "x"}),
        ("post", "archive", {}),
    ],
)
def test_smuggling_alphas_pk_into_betas_workspace_is_404(
    client, request, persona, draft_a, method, action, data
):
    """Staff of beta use their own workspace URL with alpha's resource."""
    client.force_login(request.getfixturevalue(persona))
    url = manage_url("beta", action, draft_a.pk)
    response = getattr(client, method)(url, form_data() if data is None else data)
    assert response.status_code == 404
    assert reload(draft_a).status == Resource.Status.DRAFT


@pytest.mark.parametrize("persona", ["editor", "manager", "coordinator"])
def test_betas_resource_in_alphas_url_is_404_even_for_alphas_staff(
    client, request, persona, draft_b
):
    client.force_login(request.getfixturevalue(persona))
    for action in ("", "edit"):
        assert client.get(manage_url("alpha", action, draft_b.pk)).status_code == 404
    for action in ("submit", "publish", "archive"):
        assert client.post(manage_url("alpha", action, draft_b.pk)).status_code == 404
    assert reload(draft_b).status == Resource.Status.DRAFT


def test_the_coordinator_works_in_every_centres_workspace(client, coordinator, draft_b):
    client.force_login(coordinator)
    assert client.get(manage_url("beta", pk=draft_b.pk)).status_code == 200
    response = client.post(manage_url("beta", "publish", draft_b.pk))
    assert response.status_code == 302
    assert reload(draft_b).status == Resource.Status.PUBLISHED


def test_a_manager_without_two_factor_is_sent_to_set_it_up(client, centre):
    from centres.models import Role
    from tests.factories import UserFactory, membership_create

    manager = UserFactory(email="no-2fa@example.org")
    membership_create(centre=centre, user=manager, role=Role.MANAGER)
    client.force_login(manager)
    response = client.get(manage_url("alpha"))
    assert response.status_code == 302
    assert "/accounts/2fa/" in response["Location"]
