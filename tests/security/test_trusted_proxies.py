"""Per-IP limits behind proxies: one setting, DJANGO_TRUSTED_PROXY_COUNT, decides
whether X-Forwarded-For names the client, for DRF's throttles, allauth's rate
limits and the portal's own (newsletters/ratelimit.py)."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from allauth.account.adapter import get_adapter
from django.test import RequestFactory
from django.urls import reverse

from newsletters.models import Subscriber
from p2i_portal.client_ip import client_ip

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]
PROXY = "10.0.0.2"  # the address our one proxy connects from


@pytest.fixture
def proxies(settings):
    """Set the number of trusted proxies as the settings module derives it."""

    def trust(count):
        settings.TRUSTED_PROXY_COUNT = count
        settings.ALLAUTH_TRUSTED_PROXY_COUNT = count
        settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": count}

    return trust


@pytest.mark.parametrize(
    ("count", "forwarded", "expected"),
    [
        (0, None, "192.0.2.7"),
        (0, "198.51.100.1", "192.0.2.7"),  # nobody trusted: the header is ignored
        (1, None, "192.0.2.7"),  # not through the proxy (a health check)
        (1, "198.51.100.1", "198.51.100.1"),
        (1, "203.0.113.9, 198.51.100.1", "198.51.100.1"),  # left part is the client's
        (2, "203.0.113.9, 198.51.100.1, 10.0.0.1", "198.51.100.1"),
        (2, "198.51.100.1", "198.51.100.1"),  # fewer than trusted: the first
        (1, "2001:db8::1", "2001:db8::1"),
        (1, "not-an-address", "192.0.2.7"),
    ],
)
def test_client_ip_is_the_nth_forwarded_address_from_the_right(
    proxies, count, forwarded, expected
):
    proxies(count)
    headers = {"REMOTE_ADDR": "192.0.2.7"}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    request = RequestFactory().get("/", **headers)

    assert client_ip(request) == expected
    assert get_adapter(request).get_client_ip(request) == expected


def api_codes(client, forwarded_for, n):
    return [
        client.get(
            "/api/v1/centres/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=address
        ).status_code
        for address in (forwarded_for(i) for i in range(n))
    ]


def test_rotating_forwarded_for_does_not_escape_the_api_throttle(client, settings):
    # The shipped default: no proxy trusted, for DRF as for the rest.
    assert settings.TRUSTED_PROXY_COUNT == 0
    assert settings.REST_FRAMEWORK["NUM_PROXIES"] == 0

    codes = api_codes(client, lambda i: f"198.51.{i // 250}.{i % 250}", 130)

    assert codes[:120] == [200] * 120  # the anonymous rate: 120 a minute
    assert codes[120:] == [429] * 10


def test_behind_one_proxy_the_api_throttle_tells_two_clients_apart(client, proxies):
    proxies(1)
    # The first client rotates a forged part of the header; the proxy's part stays.
    first = api_codes(client, lambda i: f"203.0.113.{i % 250}, 198.51.100.1", 121)
    second = api_codes(client, lambda i: "198.51.100.2", 1)

    assert first[:120] == [200] * 120
    assert first[120] == 429
    assert second == [200]


def test_behind_one_proxy_newsletter_limits_count_each_client(
    client, settings, proxies
):
    proxies(1)
    settings.NEWSLETTER_RATE_LIMITS = {"subscribe_ip": (2, 60)}

    def subscribe(n, address):
        return client.post(
            reverse("newsletters:subscribe"),
            {
                "email": f"reader{n}@example.org",
                "wants_newsletter": "on",
                "digest_frequency": "weekly",
                "language": "en",
                "consent": "on",
            },
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR=address,
        ).status_code

    codes = [subscribe(n, "198.51.100.1") for n in range(3)]
    other = subscribe(3, "198.51.100.2")

    assert (codes, other) == ([302, 302, 429], 302)
    assert set(Subscriber.objects.values_list("consent_ip", flat=True)) == {
        "198.51.100.1",
        "198.51.100.2",
    }


def test_with_no_trusted_proxy_newsletter_limits_ignore_the_header(
    client, settings, proxies
):
    proxies(0)
    settings.NEWSLETTER_RATE_LIMITS = {"subscribe_ip": (2, 60)}
    codes = [
        client.post(
            reverse("newsletters:subscribe"),
            {"email": f"r{n}@example.org", "consent": "on", "language": "en"},
            HTTP_X_FORWARDED_FOR=f"198.51.100.{n}",
        ).status_code
        for n in range(3)
    ]

    assert codes[2] == 429


def test_behind_one_proxy_allauth_limits_sign_ins_per_client(client, proxies):
    proxies(1)

    def sign_in(n, address):
        return client.post(
            reverse("account_login"),
            {"login": f"nobody{n}@example.org", "password": "wrong-password"},
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR=address,
        ).status_code

    first = [sign_in(n, f"203.0.113.{n}, 198.51.100.1") for n in range(31)]
    second = sign_in(99, "198.51.100.2")

    assert first[:30] == [200] * 30  # the form again, with its error
    assert first[30] == 429  # "login": 30 a minute per address
    assert second == 200


def test_the_environment_sets_all_three_limits():
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "EMAIL_URL", "CELERY_", "DATABASE_URL"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="p2i_portal.settings.production",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="p2i.example.eu",
        DATABASE_URL="postgres://nobody@127.0.0.1:1/none",
        REDIS_URL="redis://127.0.0.1:6379/0",
        EMAIL_URL="smtp://127.0.0.1:1025",
        DJANGO_TRUSTED_PROXY_COUNT="2",
    )
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.TRUSTED_PROXY_COUNT, s.REST_FRAMEWORK['NUM_PROXIES'], "
        "s.ALLAUTH_TRUSTED_PROXY_COUNT)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.stdout.split() == ["2", "2", "2"], result.stderr

    env["DJANGO_TRUSTED_PROXY_COUNT"] = "-1"
    refused = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert refused.returncode != 0
    assert "DJANGO_TRUSTED_PROXY_COUNT must be 0 or more" in refused.stderr
