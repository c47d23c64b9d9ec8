"""The translation screen: a translator corrects her language and the catalogue
the portal ships changes; the coordinator names and withdraws translators.

Every test that may write works on a copy of locale/ in a temporary folder
(TRANSLATIONS_DIR and LOCALE_PATHS point there): the repository's catalogues are
never touched, which the `locale_copy` fixture checks at the end.
"""

import hashlib
import shutil
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.cache import caches
from django.urls import reverse
from django.utils import translation
from django_scopes import scopes_disabled

from centres.models import AuditEntry
from tests.conftest import with_totp
from tests.factories import UserFactory, membership_create
from translators import reload
from translators.management.commands.translations_sync import merge
from translators.models import Translator

pytestmark = pytest.mark.django_db

REPO_LOCALE = Path(settings.BASE_DIR) / "locale"


def _digest(root: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(root.rglob("*.[pm]o")):
        h.update(path.read_bytes())
    return h.hexdigest()


@pytest.fixture
def locale_copy(settings, tmp_path):
    before = _digest(REPO_LOCALE)
    copy = tmp_path / "locale"
    shutil.copytree(REPO_LOCALE, copy)
    settings.TRANSLATIONS_DIR = copy
    settings.LOCALE_PATHS = [copy]
    yield copy
    reload.forget_catalogues()
    assert _digest(REPO_LOCALE) == before, "a test changed the repository's catalogues"


@pytest.fixture
def translator_de(centre):
    user = with_totp(
        UserFactory(email="uebersetzerin@example.org", full_name="Ute Übersetzerin")
    )
    membership_create(centre=centre, user=user)
    Translator.objects.create(user=user, language="de")
    return user


def _hash(entry) -> str:
    """The field name rosetta's editor gives a message."""
    raw = str(entry.msgid) + str(entry.msgstr) + str(entry.msgctxt or "")
    return hashlib.md5(raw.encode("utf8")).hexdigest()  # noqa: S324


def _form_url(language, index=0):
    return reverse(
        "rosetta-form",
        kwargs={"po_filter": "project", "lang_id": language, "idx": index},
    )


def _home_in(client, language):
    with translation.override(language):
        url = reverse("home")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client.get(url, HTTP_ACCEPT_LANGUAGE=language)


def test_de_translator_saves_a_correction_into_the_shipped_catalogue(
    client, locale_copy, translator_de
):
    po_path = locale_copy / "de" / "LC_MESSAGES" / "django.po"
    entry = polib.pofile(str(po_path)).find("Knowledge base")
    assert entry.msgstr == "Wissensdatenbank"
    client.force_login(translator_de)

    page = client.get(_form_url("de"), {"query": "Knowledge base"})
    assert page.status_code == 200
    assert f'name="m_{_hash(entry)}"' in page.content.decode()

    response = client.post(
        _form_url("de") + "?query=Knowledge+base",
        {f"m_{_hash(entry)}": "Wissensbasis"},
    )
    assert response.status_code == 302

    saved = polib.pofile(str(po_path))
    assert saved.find("Knowledge base").msgstr == "Wissensbasis"
    assert saved.metadata["Last-Translator"] == (
        "Ute Übersetzerin <uebersetzerin@example.org>"
    )
    compiled = polib.mofile(str(po_path.with_suffix(".mo")))
    assert compiled.find("Knowledge base").msgstr == "Wissensbasis"
    # The rest of the catalogue is as it was.
    assert saved.find("Events").msgstr == "Veranstaltungen"
    # This process shows the correction at once, without a restart.
    assert "Wissensbasis" in _home_in(client, "de").content.decode()


def test_another_process_picks_up_a_correction_on_its_next_request(locale_copy):
    reload.refresh_if_changed(force=True)  # this process knows the generation
    with translation.override("de"):
        assert translation.gettext("Knowledge base") == "Wissensdatenbank"
    po_path = locale_copy / "de" / "LC_MESSAGES" / "django.po"
    po = polib.pofile(str(po_path))
    po.find("Knowledge base").msgstr = "Wissenssammlung"
    po.save_as_mofile(str(po_path.with_suffix(".mo")))
    # Another process saved it and bumped the shared generation.
    cache = caches["default"]
    cache.add(reload.GENERATION_KEY, 0, timeout=None)
    cache.incr(reload.GENERATION_KEY)

    assert reload.refresh_if_changed(force=True) is True
    with translation.override("de"):
        assert translation.gettext("Knowledge base") == "Wissenssammlung"
    assert reload.refresh_if_changed(force=True) is False


def test_de_translator_is_refused_the_el_catalogue(client, locale_copy, translator_de):
    el_path = locale_copy / "el" / "LC_MESSAGES" / "django.po"
    before = el_path.read_bytes()
    entry = polib.pofile(str(el_path)).find("Knowledge base")
    client.force_login(translator_de)

    assert client.get(_form_url("el")).status_code == 403
    assert client.get(_form_url("el", 1)).status_code == 403
    download = reverse(
        "rosetta-download-file",
        kwargs={"po_filter": "project", "lang_id": "el", "idx": 0},
    )
    assert client.get(download).status_code == 403
    response = client.post(_form_url("el"), {f"m_{_hash(entry)}": "Παραβίαση"})
    assert response.status_code == 403
    assert el_path.read_bytes() == before


def test_translator_sees_only_her_languages(client, locale_copy, translator_de):
    client.force_login(translator_de)
    page = client.get(reverse("translators:index"))
    assert page.status_code == 200
    assert _form_url("de") in page.content.decode()
    assert _form_url("de", 1) in page.content.decode()
    assert _form_url("el") not in page.content.decode()
    assert reverse("translators:manage") not in page.content.decode()
    # Her own language's download is the catalogue as it is on the server.
    download = reverse(
        "rosetta-download-file",
        kwargs={"po_filter": "project", "lang_id": "de", "idx": 0},
    )
    response = client.get(download)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/x-zip"


def test_translator_without_2fa_is_sent_to_set_it_up(client, locale_copy, centre):
    user = UserFactory(email="no-2fa@example.org")
    membership_create(centre=centre, user=user)
    Translator.objects.create(user=user, language="de")
    assert user.requires_mfa and user.privileges_locked
    client.force_login(user)
    for url in (reverse("translators:index"), _form_url("de")):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"] == reverse("mfa_activate_totp")
    po_path = locale_copy / "de" / "LC_MESSAGES" / "django.po"
    before = po_path.read_bytes()
    entry = polib.pofile(str(po_path)).find("Knowledge base")
    client.post(_form_url("de"), {f"m_{_hash(entry)}": "Ohne Schutz"})
    assert po_path.read_bytes() == before


def test_the_editor_loads_nothing_from_other_sites(client, locale_copy, coordinator):
    client.force_login(coordinator)
    response = client.get(_form_url("de"))
    body = response.content.decode()
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert 'http-equiv="Content-Security-Policy"' not in body
    for attribute in ('src="http', "src='http", 'href="http', "href='http", "//"):
        assert f"{attribute}" not in body.replace("://testserver", ""), attribute


def test_coordinator_names_and_withdraws_a_translator(client, coordinator, centre):
    staff = UserFactory(email="staff@example.org", full_name="Sofia Staff")
    membership_create(centre=centre, user=staff)
    client.force_login(coordinator)

    response = client.post(
        reverse("translators:manage"), {"email": "Staff@example.org", "language": "el"}
    )
    assert response.status_code == 302
    translator = Translator.objects.get(user=staff)
    assert translator.language == "el" and translator.named_by == coordinator
    with scopes_disabled():
        entry = AuditEntry.objects.get(centre=centre)
    assert entry.action == "translators.translator.named"
    assert entry.target == "staff@example.org" and entry.data == {"language": "el"}
    assert entry.actor == coordinator

    response = client.post(reverse("translators:remove", args=[translator.pk]))
    assert response.status_code == 302
    assert not Translator.objects.filter(user=staff).exists()
    with scopes_disabled():
        actions = list(
            AuditEntry.objects.filter(centre=centre).values_list("action", flat=True)
        )
    assert "translators.translator.removed" in actions


@pytest.mark.parametrize(
    ("email", "language", "message"),
    [
        ("nobody@example.org", "de", "No active account has this e-mail address."),
        ("procurer@example.org", "de", "Only members of a centre"),
        ("staff@example.org", "xx", "Select a valid choice."),
        ("staff@example.org", "de", "This person already translates this language."),
    ],
)
def test_naming_a_translator_refuses_bad_input(
    client, coordinator, centre, procurer, email, language, message
):
    staff = UserFactory(email="staff@example.org")
    membership_create(centre=centre, user=staff)
    Translator.objects.create(user=staff, language="de")
    client.force_login(coordinator)
    response = client.post(
        reverse("translators:manage"), {"email": email, "language": language}
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Translator.objects.count() == 1
    with scopes_disabled():
        assert not AuditEntry.objects.exists()


def test_sync_keeps_screen_corrections_and_takes_the_new_image(tmp_path):
    def catalogue(entries):
        po = polib.POFile()
        for msgid, msgstr in entries.items():
            po.append(polib.POEntry(msgid=msgid, msgstr=msgstr))
        return po

    previous = catalogue({"Events": "Veranstaltungen", "Home": "Startseite"})
    corrected = catalogue({"Events": "Termine", "Home": "Startseite"})
    image = catalogue({"Events": "Veranstaltungen", "Home": "Start", "Search": "Suche"})
    assert merge(image, corrected, previous) == 1
    assert image.find("Events").msgstr == "Termine"  # corrected on the screen
    assert image.find("Home").msgstr == "Start"  # the developers' new wording
    assert image.find("Search").msgstr == "Suche"  # a new string


def test_sync_command_fills_and_updates_the_volume(settings, tmp_path):
    from django.core.management import call_command

    settings.TRANSLATIONS_DIR = tmp_path / "translations"
    call_command("translations_sync", stdout=open(tmp_path / "out", "w"))  # noqa: SIM115
    target = tmp_path / "translations" / "de" / "LC_MESSAGES" / "django.po"
    assert target.with_suffix(".mo").exists()
    po = polib.pofile(str(target))
    po.find("Knowledge base").msgstr = "Wissensbasis"
    po.save()
    call_command("translations_sync", stdout=open(tmp_path / "out", "w"))  # noqa: SIM115
    assert polib.pofile(str(target)).find("Knowledge base").msgstr == "Wissensbasis"
    assert "de/django: 1 correction(s) kept" in (tmp_path / "out").read_text()


@pytest.mark.parametrize(
    ("msgid", "bad", "reason"),
    [
        # A placeholder the code does not supply would make the page fail.
        (
            "%(person)s can now correct the interface in %(language)s.",
            "%(person)s kann jetzt %(sprache)s korrigieren.",
            "may use only the placeholders of the original",
        ),
        # Markup the original lacks would reach every page unescaped.
        (
            "Knowledge base",
            '<img src="x" alt="">Wissensdatenbank',
            "may not add HTML markup",
        ),
    ],
)
def test_a_correction_that_breaks_the_page_is_refused(
    client, locale_copy, translator_de, msgid, bad, reason
):
    po_path = locale_copy / "de" / "LC_MESSAGES" / "django.po"
    before = po_path.read_bytes(), po_path.with_suffix(".mo").read_bytes()
    entry = polib.pofile(str(po_path)).find(msgid)
    client.force_login(translator_de)

    response = client.post(_form_url("de"), {f"m_{_hash(entry)}": bad}, follow=True)

    assert response.status_code == 200
    assert reason in response.content.decode()
    assert (po_path.read_bytes(), po_path.with_suffix(".mo").read_bytes()) == before


def test_validation_accepts_what_a_language_needs():
    from translators.validation import problem

    def check(msgid, msgstr, plural="", fmt=True):
        return problem(
            msgid=msgid, msgid_plural=plural, msgstr=msgstr, python_format=fmt
        )

    # Word order and a dropped count in a singular form are fine.
    assert check("%(a)s of %(b)s", "%(b)s: %(a)s") is None
    assert (
        check("One field needs you.", "Ein Feld.", plural="%(counter)s fields") is None
    )
    assert check('<a href="%(url)s">Open</a>', '<a href="%(url)s">Öffnen</a>') is None
    assert check("Save 50 %", "50 % sparen", fmt=False) is None
    assert check("%(a)s", "%(b)s") == "placeholder"
    assert check("%s items", "Elemente") == "placeholder"
    assert check("Open", "<script>alert(1)</script>") == "markup"


def test_an_outage_of_the_shared_cache_leaves_pages_up(client, db, settings):
    """The check for corrections made elsewhere reads the shared cache; while it
    cannot, pages are served with the catalogues the process has."""
    from django.test import override_settings
    from django.urls import reverse

    from translators import reload

    unreachable = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",  # the discard port: nothing answers
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
        },
    }
    with override_settings(CACHES=unreachable):
        assert reload.refresh_if_changed(force=True) is False
        reload._state["checked_at"] = 0.0  # the middleware asks on this request
        assert client.get(reverse("about")).status_code == 200


def test_a_correction_saved_while_the_shared_cache_is_down_answers(settings):
    """The catalogue file is written before the announcement: an outage of the
    shared cache must not turn the save into an error page."""
    from django.test import override_settings

    from translators import reload

    unreachable = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",  # the discard port: nothing answers
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
        },
    }
    before = reload._state["generation"]
    with override_settings(CACHES=unreachable):
        reload.catalogues_saved(sender=None, language_code="de")
    assert reload._state["generation"] == before  # nothing announced, no error
