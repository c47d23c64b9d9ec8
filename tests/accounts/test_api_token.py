"""The personal API token: shown once on a page, stored as a hash, replaceable."""

import hashlib
import importlib

import pytest
from django.db import connection
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.models import ApiToken

pytestmark = pytest.mark.django_db


def create_token(client) -> tuple[object, str]:
    response = client.post(reverse("accounts:token"))
    assert response.status_code == 200
    return response, response.context["key"]


def api_status(key: str) -> int:
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return api.get("/api/v1/resources/").status_code


def test_the_new_token_is_shown_once_on_the_page_and_stored_hashed(client, procurer):
    client.force_login(procurer)
    response, key = create_token(client)

    assert key.encode() in response.content
    assert "no-store" in response["Cache-Control"]
    # Never in the messages cookie nor anywhere in the session.
    assert all(key not in value for value in response.cookies.values())
    assert key not in str(dict(client.session))
    row = ApiToken.objects.get(user=procurer)
    assert row.key_hash == hashlib.sha256(key.encode()).hexdigest()
    assert key not in row.key_hash
    # The profile page says a token exists but does not show it again.
    profile = client.get(reverse("accounts:profile"))
    assert key.encode() not in profile.content
    assert profile.context["token"] == row
    assert api_status(key) == 200


def test_a_new_token_replaces_the_old_one(client, procurer):
    client.force_login(procurer)
    _, first = create_token(client)
    _, second = create_token(client)

    assert first != second
    assert ApiToken.objects.filter(user=procurer).count() == 1
    assert api_status(second) == 200
    assert api_status(first) == 401


def test_a_wrong_or_hashed_key_does_not_sign_in(client, procurer):
    client.force_login(procurer)
    create_token(client)

    assert api_status("not-a-real-token") == 401
    # Someone who read the database has only the hash: it is no key.
    assert api_status(ApiToken.objects.get(user=procurer).key_hash) == 401


def test_an_inactive_users_token_is_refused(client, procurer):
    client.force_login(procurer)
    _, key = create_token(client)
    procurer.is_active = False
    procurer.save(update_fields=["is_active"])

    assert api_status(key) == 401


def test_the_token_page_takes_post_only(client, procurer):
    client.force_login(procurer)
    assert client.get(reverse("accounts:token")).status_code == 405
    assert not ApiToken.objects.exists()


def test_the_migration_carries_clear_tokens_over_as_hashes(procurer):
    """Tokens that DRF's authtoken app stored in clear keep working, as hashes,
    and the clear keys are erased."""
    migration = importlib.import_module("accounts.migrations.0004_api_token_hashed")
    from django.apps import apps

    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TEMPORARY TABLE authtoken_token "
            "(key varchar(40) PRIMARY KEY, user_id bigint, created timestamptz)"
        )
        cursor.execute(
            "INSERT INTO authtoken_token VALUES (%s, %s, now())",
            ["0123456789abcdef0123456789abcdef01234567", procurer.pk],
        )

    class Editor:
        pass

    editor = Editor()
    editor.connection = connection
    migration.hash_existing_tokens(apps, editor)

    assert api_status("0123456789abcdef0123456789abcdef01234567") == 200
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM authtoken_token")
        assert cursor.fetchone()[0] == 0
