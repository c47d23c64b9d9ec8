"""Production settings, security headers, health endpoint."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args, env_overrides):
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(
            ("DJANGO_", "EMAIL_URL", "CELERY_", "DATABASE_URL", "REDIS_URL")
        )
    }
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "p2i_portal.settings.production",
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
    "DJANGO_ALLOWED_HOSTS": "p2i.example.eu",
    "DATABASE_URL": "postgres://nobody@127.0.0.1:1/none",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "EMAIL_URL": "smtp://127.0.0.1:1025",
}


def test_production_settings_pass_the_deploy_check_with_zero_findings():
    result = run_manage(
        "check", "--deploy", "--fail-level", "WARNING", env_overrides=PRODUCTION_ENV
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_the_wsgi_entry_point_starts_settled_with_every_view_imported():
    """As gunicorn loads it, with the production settings: the views are
    imported and what the process holds is frozen out of the collector's work."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "EMAIL_URL", "CELERY_", "DATABASE_URL"))
    }
    env.update(PRODUCTION_ENV)
    code = (
        "import gc, sys; import p2i_portal.wsgi as w; "
        "print(callable(w.application), gc.get_freeze_count() > 100_000, "
        "'knowledge.views' in sys.modules, 'events.views' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True"] * 4, result.stdout + result.stderr


@pytest.mark.parametrize(
    "missing",
    ["DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS", "DATABASE_URL", "EMAIL_URL"],
)
def test_a_missing_production_variable_stops_start_with_one_line(missing):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}
    result = run_manage("check", env_overrides=env)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert lines == [
        f"Missing required environment variable {missing} (see .env.example)."
    ]


@pytest.mark.django_db
def test_pages_carry_a_strict_content_security_policy(client):
    response = client.get(reverse("home"))
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
def test_healthz_reports_database_and_broker(client):
    data = client.get("/healthz").json()
    assert data["database"] == "ok"
    assert data["status"] == "ok"
    assert "broker" in data


@pytest.mark.django_db(transaction=True)
def test_healthz_reports_a_dead_broker_as_503(client, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["broker"].startswith("error")
    assert response.json()["database"] == "ok"


@pytest.mark.django_db(transaction=True)
def test_healthz_reports_a_live_broker(client, settings, redis_url):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    settings.CELERY_BROKER_URL = redis_url
    assert client.get("/healthz").json() == {
        "database": "ok",
        "broker": "ok",
        "status": "ok",
    }


def test_no_secrets_or_machine_paths_in_the_repository():
    tracked = subprocess.run(
        ["git", "ls-files"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    machine_paths = {str(ROOT), "/work/" + "main"}
    offenders = []
    for name in tracked:
        path = ROOT / name
        if path.suffix in {".png", ".ico", ".mo", ".woff2"} or not path.is_file():
            continue
        text = path.read_text(errors="ignore")
        if any(p in text for p in machine_paths) or "BEGIN " + "PRIVATE KEY" in text:
            offenders.append(name)
    assert offenders == []


@pytest.mark.django_db
def test_attachments_are_not_served_as_public_media(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "knowledge" / "alpha" / "x").mkdir(parents=True)
    (tmp_path / "knowledge" / "alpha" / "x" / "draft.pdf").write_bytes(
        b"%PDF-1.4 secret"
    )
    (tmp_path / "centres" / "logos").mkdir(parents=True)
    (tmp_path / "centres" / "logos" / "logo.png").write_bytes(b"\x89PNG logo")
    assert client.get("/media/knowledge/alpha/x/draft.pdf").status_code == 404
    assert (
        client.get("/media/centres/logos/../../knowledge/alpha/x/draft.pdf").status_code
        == 404
    )
    assert client.get("/media/centres/logos/logo.png").status_code == 200
