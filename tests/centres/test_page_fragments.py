"""The home, about and task-force pages, the directory and the centre pages
cache their content per process ({% cache %}, centres/caching.py): each language, signed-in state and
filter gets its own, a change of a centre shows at once, and a cached page reads
no centre it does not show uncached."""

import pytest
from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.template import engines
from django.template.loaders.cached import Loader as CachedLoader
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from centres import services
from centres.caching import centres_version
from tests.factories import CentreFactory

pytestmark = pytest.mark.django_db

FROM_CENTRES = 'FROM "centres_centre"'


def centre_queries(client, path) -> list[str]:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(path).status_code == 200
    return [q["sql"] for q in ctx.captured_queries if FROM_CENTRES in q["sql"]]


@pytest.fixture
def two_centres(db):
    return (
        CentreFactory(slug="alpha", short_name="ALPHA", country="DE", status="new"),
        CentreFactory(slug="beta", short_name="BETA", country="NL", status="existing"),
    )


def test_a_cached_page_reads_no_centre(client, two_centres):
    for path in (
        reverse("home"),
        reverse("centres:list"),
        reverse("centres:list") + "?status=new",
        reverse("about"),
        reverse("task-force"),
    ):
        assert centre_queries(client, path)  # rendered: the centres are read
        assert centre_queries(client, path) == []  # cached: nothing read


def test_a_cached_centre_page_reads_only_the_centre(client, two_centres):
    assert (
        len(centre_queries(client, reverse("centres:detail", kwargs={"slug": "alpha"})))
        == 2
    )  # itself, buddies
    assert (
        len(centre_queries(client, reverse("centres:detail", kwargs={"slug": "alpha"})))
        == 1
    )  # itself


def test_each_language_gets_its_own(client, two_centres):
    assert (
        "Services offered"
        in client.get(
            reverse("centres:detail", kwargs={"slug": "alpha"})
        ).content.decode()
    )
    assert "How to get help" in client.get(reverse("home")).content.decode()
    assert "Apply filters" in client.get(reverse("centres:list")).content.decode()
    translation.activate("de")  # reverse() now gives the de pages
    home = client.get(reverse("home")).content.decode()
    assert "So erhalten Sie Unterstützung" in home and "How to get help" not in home
    directory = client.get(reverse("centres:list")).content.decode()
    assert "Filter anwenden" in directory and "Apply filters" not in directory
    centre = client.get(
        reverse("centres:detail", kwargs={"slug": "alpha"})
    ).content.decode()
    assert "Angebotene Leistungen" in centre and "Services offered" not in centre


def test_signed_in_and_anonymous_visitors_get_their_own(client, two_centres, editor):
    assert "Go to your profile" not in client.get(reverse("home")).content.decode()
    client.force_login(editor)
    assert "Go to your profile" in client.get(reverse("home")).content.decode()
    client.logout()
    assert "Go to your profile" not in client.get(reverse("home")).content.decode()


def test_the_task_force_page_gets_its_own_for_the_signed_in(client, editor):
    assert (
        "Complete your profile"
        not in client.get(reverse("task-force")).content.decode()
    )
    client.force_login(editor)
    assert "Complete your profile" in client.get(reverse("task-force")).content.decode()


def test_about_and_task_force_show_changes_at_once(client, two_centres):
    alpha, _ = two_centres
    project = CentreFactory(slug="procedin", kind="project", country="")
    assert "ALPHA" in client.get(reverse("about")).content.decode()
    assert "Cities first" not in client.get(reverse("task-force")).content.decode()
    alpha.short_name = "RENAMED"
    alpha.save()
    project.tagline = "Cities first"
    project.save()
    about = client.get(reverse("about")).content.decode()
    assert "RENAMED" in about and "ALPHA" not in about
    assert "Cities first" in client.get(reverse("task-force")).content.decode()


def test_a_centre_page_keeps_the_visitors_own_parts_out_of_its_cache(
    client, two_centres, editor
):
    assert (
        "Open workspace"
        not in client.get(
            reverse("centres:detail", kwargs={"slug": "alpha"})
        ).content.decode()
    )
    client.force_login(editor)  # an editor of alpha
    assert (
        "Open workspace"
        in client.get(
            reverse("centres:detail", kwargs={"slug": "alpha"})
        ).content.decode()
    )
    assert (
        "Open workspace"
        not in client.get(
            reverse("centres:detail", kwargs={"slug": "beta"})
        ).content.decode()
    )
    client.logout()
    assert (
        "Open workspace"
        not in client.get(
            reverse("centres:detail", kwargs={"slug": "alpha"})
        ).content.decode()
    )


def test_each_filter_gets_its_own(client, two_centres):
    new = client.get(reverse("centres:list") + "?status=new").content.decode()
    existing = client.get(reverse("centres:list") + "?status=existing").content.decode()
    assert (
        f'href="{reverse("centres:detail", args=["alpha"])}"' in new
        and f'href="{reverse("centres:detail", args=["beta"])}"' not in new
    )
    assert (
        f'href="{reverse("centres:detail", args=["beta"])}"' in existing
        and f'href="{reverse("centres:detail", args=["alpha"])}"' not in existing
    )
    assert (
        "Centres: 1 result"
        in client.get(reverse("centres:list") + "?status=new").content.decode()
    )
    assert (
        "Centres: 1 result"
        in client.get(reverse("centres:list") + "?q=BETA").content.decode()
    )
    assert (
        "Centres: 2 results"
        in client.get(reverse("centres:list") + "?q=Centre").content.decode()
    )


# The home page lists centres by their short name only; the directory shows taglines.
@pytest.mark.parametrize(
    ("path", "field", "value"),
    [
        (reverse("home"), "short_name", "ALPHA-RENAMED"),
        (reverse("centres:list"), "tagline", "Procurement for tomorrow"),
        (
            reverse("centres:list") + "?status=new",
            "tagline",
            "Procurement for tomorrow",
        ),
    ],
)
def test_a_changed_centre_shows_at_once(
    client, two_centres, editor, path, field, value, django_capture_on_commit_callbacks
):
    alpha, _ = two_centres
    assert value not in client.get(path).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        services.centre_profile_update(centre=alpha, by=editor, data={field: value})
    assert value in client.get(path).content.decode()


def test_a_centre_page_shows_changes_at_once(client, two_centres, editor):
    alpha, beta = two_centres
    page = client.get(
        reverse("centres:detail", kwargs={"slug": "alpha"})
    ).content.decode()
    assert "Buddy of" not in page and "Emma Editor" in page
    services.centre_profile_update(
        centre=alpha, by=editor, data={"description": "Now with legal support."}
    )
    beta.buddy = alpha
    beta.save()
    editor.full_name = "Emma Renamed"
    editor.save()
    page = client.get(
        reverse("centres:detail", kwargs={"slug": "alpha"})
    ).content.decode()
    assert "Now with legal support." in page
    assert (
        "Buddy of" in page
        and f'href="{reverse("centres:detail", args=["beta"])}"' in page
    )
    assert "Emma Renamed" in page  # the team is never cached


def test_a_hidden_or_deleted_centre_goes_at_once(client, two_centres):
    alpha, beta = two_centres
    assert (
        f'href="{reverse("centres:detail", args=["alpha"])}"'
        in client.get(reverse("home")).content.decode()
    )
    assert (
        "2 members of the network"
        in client.get(reverse("centres:list")).content.decode()
    )
    alpha.is_active = False
    alpha.save()
    assert (
        f'href="{reverse("centres:detail", args=["alpha"])}"'
        not in client.get(reverse("home")).content.decode()
    )
    assert (
        "1 members of the network"
        in client.get(reverse("centres:list")).content.decode()
    )
    beta.delete()
    assert (
        "0 members of the network"
        in client.get(reverse("centres:list")).content.decode()
    )


def test_the_version_changes_again_at_commit(
    two_centres, django_capture_on_commit_callbacks
):
    """What another process renders between the save and the commit reads the old
    rows; the version set at commit keeps it from being served afterwards."""
    alpha, _ = two_centres
    before = centres_version()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        alpha.tagline = "Changed"
        alpha.save()
        during = centres_version()
    assert callbacks
    assert len({before, during, centres_version()}) == 3


def test_fragments_survive_a_flushed_version(client, two_centres):
    """Without a version in the shared cache (evicted, flushed) a new one is made,
    never an old one reused."""
    client.get(reverse("home"))
    caches["default"].clear()
    alpha, _ = two_centres
    type(alpha).objects.filter(pk=alpha.pk).update(short_name="RENAMED")
    assert "RENAMED" in client.get(reverse("home")).content.decode()


def test_templates_are_compiled_once_per_process():
    """The cached template loader is on outside DEBUG (Django's default when no
    loaders are configured)."""
    assert not settings.DEBUG
    loaders = engines["django"].engine.template_loaders
    assert [type(loader) for loader in loaders] == [CachedLoader]


UNREACHABLE_CACHE = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:9/0",  # the discard port: nothing answers
        "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
    },
    "fragments": settings.CACHES["fragments"],
    "search": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
}


def test_without_the_shared_cache_pages_render_in_full(client, two_centres):
    """An outage of Redis leaves the pages up and never serves an old fragment."""
    alpha, _ = two_centres
    with override_settings(CACHES=UNREACHABLE_CACHE):
        assert (
            f'href="{reverse("centres:detail", args=["alpha"])}"'
            in client.get(reverse("home")).content.decode()
        )
        alpha.short_name = "RENAMED"
        alpha.save()  # no error: the write goes through
        assert "RENAMED" in client.get(reverse("home")).content.decode()
        assert "RENAMED" in client.get(reverse("centres:list")).content.decode()
