"""Permission matrix of the translation screen (/translations/…).

The coordinator (with 2FA) corrects every language and names translators; the
other standard personas are no translators, so they get 403 and the anonymous
the sign-in page. Translators themselves, accounts without 2FA and a translator
asking for another language are in tests/security/test_translation_screen_access.py.
No check here writes a catalogue: the POST to the editor carries no message.
"""

from tests.security.test_permission_matrix import Check, everyone

BASE = "/translations/"


def coordinator_only(status):
    return {**everyone(403), "anonymous": 302, "coordinator": status}


ENTRIES = {
    "translators:index": [Check(BASE, coordinator_only(200))],
    "translators:manage": [
        Check(BASE + "translators/", coordinator_only(200)),
        # Bad input: the form again with its message, nothing named.
        Check(
            BASE + "translators/",
            coordinator_only(400),
            "post",
            {"email": "nobody@example.org", "language": "de"},
        ),
        Check(
            BASE + "translators/",
            coordinator_only(302),
            "post",
            {"email": "extra-a@example.org", "language": "el"},
        ),
    ],
    "translators:remove": [
        Check(
            BASE + "translators/{translator_a}/remove/", coordinator_only(302), "post"
        ),
        Check(BASE + "translators/{translator_a}/remove/", coordinator_only(405)),
        Check(BASE + "translators/999999/remove/", coordinator_only(404), "post"),
    ],
    "rosetta-file-list": [
        Check(BASE + "files/project/", coordinator_only(302)),
        # Django's and third parties' catalogues are not ours to change.
        Check(BASE + "files/django/", coordinator_only(404)),
        Check(BASE + "files/third-party/", coordinator_only(404)),
    ],
    "rosetta-form": [
        Check(BASE + "files/project/de/0/", coordinator_only(200)),
        Check(BASE + "files/project/el/1/", coordinator_only(200)),
        Check(BASE + "files/project/de/0/", coordinator_only(302), "post", {"x": "1"}),
        Check(BASE + "files/project/xx/0/", coordinator_only(404)),
        Check(BASE + "files/project/de/2/", coordinator_only(404)),
        Check(BASE + "files/all/de/0/", coordinator_only(404)),
        Check(BASE + "files/django/de/0/", coordinator_only(404)),
    ],
    "rosetta-download-file": [
        Check(BASE + "files/project/de/0/download/", coordinator_only(200)),
        Check(BASE + "files/project/xx/0/download/", coordinator_only(404)),
    ],
    # Machine suggestions are off: the address rosetta's editor needs answers 404.
    "rosetta.translate_text": [Check(BASE + "translate/", everyone(404))],
}


def world(values, people):
    from tests.conftest import with_totp
    from tests.factories import UserFactory, membership_create
    from translators.models import Translator

    person = with_totp(UserFactory(email="translator-a@example.org"))
    membership_create(centre=people["centre"], user=person)
    values["translator_a"] = Translator.objects.create(user=person, language="de").pk
