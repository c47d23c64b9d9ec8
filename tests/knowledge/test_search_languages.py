"""Every language of the network is stemmed where PostgreSQL can; accents are
ignored where unaccent is installed; the checks say what the server lacks."""

import pytest
from django.core.checks import run_checks
from django.test import Client
from django.urls import reverse

from knowledge import textsearch
from knowledge.models import Resource
from knowledge.textsearch import languages_unstemmed, unaccent_installed
from tests.factories import resource_create

pytestmark = pytest.mark.django_db

URL = reverse("knowledge:resource-list")
API = "/api/v1/resources/"


@pytest.fixture
def make(centre, editor):
    def make(title, language, summary="A resource of the network."):
        return resource_create(
            centre=centre,
            by=editor,
            published=True,
            title=title,
            summary=summary,
            body="",
            language=language,
        )

    return make


def found(q: str) -> list[str]:
    """Titles the page and the API find for `q` (asserted to agree)."""
    client = Client()
    page = client.get(URL, {"q": q})
    api = client.get(API, {"q": q})
    assert page.status_code == api.status_code == 200
    on_page = sorted(r.title for r in page.context["resources"])
    assert on_page == sorted(r["title"] for r in api.json()["results"])
    return on_page


@pytest.mark.parametrize(
    ("language", "title", "query"),
    [
        ("fi", "Julkiset hankinnat kunnissa", "hankinta"),
        ("lt", "Viešieji pirkimai savivaldybėse", "pirkimų"),
        ("fr", "Marchés publics innovants", "marché innovant"),
        ("de", "Das Vergabeverfahren im Überblick", "Vergabeverfahrens"),
    ],
)
def test_each_language_is_stemmed(make, language, title, query):
    resource = make(title, language)
    make("Something else entirely", "en")

    assert (
        Resource.objects.get(pk=resource.pk).search_config
        == (textsearch.STEMMERS[language])
    )
    assert found(query) == [title]


def test_estonian_is_stemmed_where_postgresql_can_and_found_as_written_elsewhere(
    make,
):
    resource = make("Innovatsioonihanked omavalitsustes", "et")

    config = Resource.objects.get(pk=resource.pk).search_config
    if "et" in languages_unstemmed():  # PostgreSQL before 18
        assert config == "p2i_simple"
        ids = [w.id for w in run_checks(databases=["default"])]
        assert "knowledge.W002" in ids
    else:
        assert config == "estonian"
    assert found("innovatsioonihanked") == ["Innovatsioonihanked omavalitsustes"]


def test_a_word_typed_without_its_accents_finds_the_accented_one(make):
    make("Contratación pública de innovación", "es")
    make("Öffentliche Beschaffung", "de", summary="Ein Leitfaden für Kommunen.")

    if not unaccent_installed():
        pytest.skip("this PostgreSQL has no unaccent (knowledge.W003 says so)")
    assert found("contratacion") == ["Contratación pública de innovación"]
    assert found("contratación") == ["Contratación pública de innovación"]
    assert found("offentliche") == ["Öffentliche Beschaffung"]
    assert found("fur kommunen") == ["Öffentliche Beschaffung"]
    # Accents still stem: the Spanish plural finds the singular.
    assert found("contrataciones") == ["Contratación pública de innovación"]


def test_the_checks_name_what_the_server_lacks(monkeypatch):
    monkeypatch.setattr(
        textsearch,
        "configs_installed",
        lambda: frozenset({"p2i_simple", "english", "german"}),
    )
    monkeypatch.setattr(textsearch, "unaccent_installed", lambda: False)
    warnings = {w.id: w for w in run_checks(databases=["default"])}

    assert "Estonian" in warnings["knowledge.W002"].msg
    assert "Finnish" in warnings["knowledge.W002"].msg
    assert "German" not in warnings["knowledge.W002"].msg
    assert "knowledge.W003" in warnings
