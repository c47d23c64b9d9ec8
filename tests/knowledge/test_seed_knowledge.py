"""`seed_demo` fills the knowledge base with demo content, once, in many languages."""

from collections import Counter

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from django.db.models import Count, Value
from django.db.models.functions import Concat
from django_scopes import scopes_disabled

from centres.demo_network import CENTRES
from centres.models import Centre
from knowledge.demo_content import demo_centres, demo_specs, pdf_bytes
from knowledge.models import Attachment, Resource, Revision
from knowledge.validators import validate_attachment

pytestmark = pytest.mark.django_db
S = Resource.Status
# The language each centre writes in: the first of its working languages.
OWN_LANGUAGE = {c["slug"]: c["working_languages"][0] for c in CENTRES}
# The note that ends every demo case study: its figures are not real.
ILLUSTRATIVE = {
    "de": "*Demo-Inhalt: Zahlen und TED-Link dieses Beispiels sind illustrativ.*",
    "en": "*Demo content: the figures and the TED link of this example are illustrative.*",
}


def snapshot():
    with scopes_disabled():
        return {
            "resources": sorted(
                Resource.objects.values_list("centre__slug", "slug", "status")
            ),
            "attachments": Attachment.objects.count(),
            "revisions": Revision.objects.count(),
            "related": Resource.related.through.objects.count(),
        }


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo network, seeded once for this module's read-only tests.

    Seeding takes seconds, so it happens once, inside a transaction that is rolled
    back when the module is done; each test still runs in its own savepoint.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", quiet=True)
        yield
        transaction.set_rollback(True)


def test_seed_demo_twice_creates_the_knowledge_base_once():
    call_command("seed_demo", quiet=True)
    first = snapshot()
    call_command("seed_demo", quiet=True)

    assert snapshot() == first
    assert len(first["resources"]) >= 250


def test_a_removed_demo_resource_comes_back_and_nothing_else_changes(demo):
    resource = Resource.objects.get(
        centre__slug="koinno", slug="checkliste-markterkundung"
    )
    with scopes_disabled():
        resource.delete()
    others = snapshot()["resources"]

    call_command("seed_knowledge", quiet=True)

    again = Resource.objects.get(
        centre__slug="koinno", slug="checkliste-markterkundung"
    )
    assert again.status == S.PUBLISHED
    assert [
        r for r in snapshot()["resources"] if r[1] != "checkliste-markterkundung"
    ] == others
    # Its links to resources that were already there are restored as well.
    assert again.related.filter(slug="marktconsultatie-in-zes-stappen").exists()


def test_every_centre_and_project_publishes_in_its_own_language(demo):
    published = Resource.objects.filter(status=S.PUBLISHED)
    per_centre = Counter(published.values_list("centre__slug", flat=True))

    # National centres publish twenty resources each, task-force projects eight.
    assert per_centre == {
        c["slug"]: 8 if c.get("kind") == "project" else 20 for c in CENTRES
    }
    assert set(per_centre) == set(Centre.objects.values_list("slug", flat=True))
    for slug, language in OWN_LANGUAGE.items():
        own = published.filter(centre__slug=slug, language=language).count()
        assert own >= 15 if language != "en" else own >= 7, slug
    assert set(published.values_list("language", flat=True)) == {
        "de", "nl", "es", "sv", "et", "el", "en", "it", "pt", "fi", "lt",
    }  # fmt: skip


def test_demo_content_spans_kinds_years_and_visibilities(demo):
    published = Resource.objects.filter(status=S.PUBLISHED)

    # Questions and answers come from the advice desk, not from the demo content.
    assert set(published.values_list("kind", flat=True)) == set(
        Resource.Kind.values
    ) - {Resource.Kind.QUESTION_ANSWER}
    years = set(published.values_list("published_at__year", flat=True))
    assert years >= {2018, 2020, 2022, 2024, 2026}
    for resource in published.exclude(published_on=None)[:50]:
        assert resource.published_at.date() == resource.published_on
    assert published.filter(visibility=Resource.Visibility.NETWORK).count() >= 10
    # Every published resource is findable: its search vector was built.
    assert not published.filter(search_vector=None).exists()


def test_koinno_and_pianoo_keep_drafts_and_one_in_review(demo):
    unpublished = Counter(
        Resource.objects.exclude(status=S.PUBLISHED).values_list(
            "centre__slug", "status"
        )
    )

    assert unpublished == {
        ("koinno", S.DRAFT): 2,
        ("koinno", S.IN_REVIEW): 1,
        ("pianoo", S.DRAFT): 2,
        ("pianoo", S.IN_REVIEW): 1,
    }
    for resource in Resource.objects.exclude(status=S.PUBLISHED):
        assert resource.published_at is None
        assert resource.created_by.email == f"editor@{resource.centre.slug}.example.eu"


def test_published_resources_were_published_by_a_manager_or_the_coordinator(demo):
    with scopes_disabled():
        publishers = set(
            Revision.objects.filter(action="knowledge.resource.published").values_list(
                "resource__centre__slug", "actor__email"
            )
        )

    assert ("koinno", "manager@koinno.example.eu") in publishers
    assert ("pianoo", "manager@pianoo.example.eu") in publishers
    assert ("mita", "coordinator@p2i.example.eu") in publishers
    assert {email for _slug, email in publishers} == {
        "manager@koinno.example.eu",
        "manager@pianoo.example.eu",
        "manager@greece.example.eu",
        "coordinator@p2i.example.eu",
    }


def test_translations_share_a_group_with_their_original(demo):
    groups = (
        Resource.objects.values("translation_group")
        .annotate(n=Count("pk"))
        .filter(n__gt=1)
    )
    assert groups.count() >= 6
    for group in groups:
        members = Resource.objects.filter(translation_group=group["translation_group"])
        languages = list(members.values_list("language", flat=True))
        assert len(set(languages)) == len(languages)  # one per language
        assert "en" in languages
        assert len({m.centre_id for m in members}) == 1

    original = Resource.objects.get(slug="leitfaden-innovative-beschaffung")
    english = Resource.objects.get(slug="guide-innovative-public-procurement")
    assert (original.language, english.language) == ("de", "en")
    assert original.translation_group == english.translation_group


def test_case_studies_have_structured_fields_and_stored_pdfs(demo):
    cases = Resource.objects.filter(kind=Resource.Kind.CASE_STUDY, status=S.PUBLISHED)
    assert cases.count() >= 40
    for case in cases:
        assert case.buyer and case.case_country and case.case_year
        assert case.contract_value_eur is not None and case.procedure
        assert case.cpv_codes and all(
            len(code) == 10 and code[8] == "-" for code in case.cpv_codes
        )
        assert case.ted_url.startswith("https://ted.europa.eu/")
        assert case.outcome and case.lessons_learned
        # The figures are not real, and the case says so in its own language.
        note = case.body.rstrip().rsplit("\n\n", 1)[1]
        assert note.startswith("*") and note.endswith("*"), case.slug
        assert ILLUSTRATIVE.get(case.language, note) == note

    attachments = Attachment.objects.filter(resource__kind=Resource.Kind.CASE_STUDY)
    assert attachments.values("resource").distinct().count() >= 8
    for attachment in Attachment.objects.all():
        storage = attachment.file.storage
        assert storage.exists(attachment.file.name)
        assert storage.size(attachment.file.name) == attachment.size
        with storage.open(attachment.file.name) as stored:
            assert validate_attachment(stored)[0] == "pdf"


def test_some_resources_are_linked_to_related_ones(demo):
    assert Resource.related.through.objects.count() >= 20
    hospital = Resource.objects.get(slug="hospital-compra-precomercial-cuidados")
    assert hospital.related.filter(slug="procuring-innovation-in-hospitals").exists()


def test_seed_knowledge_refuses_without_the_demo_network(db):
    # Whether or not this module's demo is loaded: no demo centre, no content.
    demo = demo_centres()
    Centre.objects.filter(slug__in=demo).update(slug=Concat("slug", Value("-gone")))

    with pytest.raises(CommandError, match=r"run `manage\.py seed_demo` first"):
        call_command("seed_knowledge", quiet=True)

    assert not Resource.objects.filter(centre__slug__in=demo).exists()


def test_demo_files_name_known_centres_and_resources():
    specs = demo_specs()
    keys = {(spec.centre, spec.slug) for spec in specs}

    assert len(keys) == len(specs)  # no slug twice within a centre
    assert set(demo_centres()) == set(OWN_LANGUAGE)
    for spec in specs:
        assert set(spec.related) <= keys, spec.slug
        if spec.translation_of:
            assert (spec.centre, spec.translation_of) in keys, spec.slug


def test_the_generated_pdf_is_well_formed():
    data = pdf_bytes("Ströme (und) Klammern \\", ["Zeile 1", "Ελληνικά"])

    assert data.startswith(b"%PDF-1.4\n")
    assert data.rstrip().endswith(b"%%EOF")
    # The cross-reference table points at each object's real offset.
    xref = int(data.rsplit(b"startxref\n", 1)[1].split(b"\n", 1)[0])
    assert data[xref:].startswith(b"xref\n")
    offsets = [
        int(line.split()[0])
        for line in data[xref:].split(b"\n")[3:9]
        if line.endswith(b" n ")
    ]
    assert len(offsets) == 6
    for number, offset in enumerate(offsets, start=1):
        assert data[offset:].startswith(b"%d 0 obj" % number)
    assert b"(Str\xf6me \\(und\\) Klammern \\\\)" in data
