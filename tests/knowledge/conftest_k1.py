"""Fixtures for the public knowledge-base tests: a small library in several states."""

import datetime
from dataclasses import dataclass

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from knowledge import services
from knowledge.models import Resource
from tests.factories import resource_create

# A real, minimal PDF (one empty page): what validate_attachment sniffs for.
PDF_BYTES = (
    b"%PDF-1.4\n"
    b"1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def pdf_upload(name="case-report.pdf", content=PDF_BYTES):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


@dataclass
class Library:
    guide: Resource  # public, English, alpha
    leitfaden: Resource  # public, German, alpha, translation of guide
    case: Resource  # public case study, English, beta, with an attachment
    report: Resource  # public, Dutch, beta
    draft: Resource  # alpha, draft
    in_review: Resource  # alpha, in review
    archived: Resource  # alpha, archived
    network: Resource  # beta, published, network only

    @property
    def public(self):
        return [self.guide, self.leitfaden, self.case, self.report]

    @property
    def hidden(self):
        return [self.draft, self.in_review, self.archived, self.network]


@pytest.fixture(name="library")
def library_fixture(centre, other_centre, editor, manager, editor_b, outsider):
    guide = resource_create(
        centre=centre,
        by=manager,
        published=True,
        kind=Resource.Kind.TOOL,
        tool_type=Resource.ToolType.GUIDE,
        title="Guide to the procurement of innovation",
        summary="Step by step through the procurement of innovative solutions.",
        body="Start with the **need**, not with the solution.",
        language="en",
        sectors=["ict"],
        approaches=["pcp"],
        countries=["DE"],
        tags=["needs assessment"],
        authors="Emma Editor; Max Manager",
        published_on=datetime.date(2021, 3, 1),
    )
    leitfaden = resource_create(
        centre=centre,
        by=manager,
        published=True,
        kind=Resource.Kind.TOOL,
        title="Leitfaden Innovationsbeschaffung",
        summary="Die Beschaffung innovativer Lösungen für öffentliche Auftraggeber.",
        body="Am Anfang steht der Bedarf.",
        language="de",
        sectors=["health"],
        countries=["DE"],
        translation_of=guide,
        published_on=datetime.date(2022, 6, 1),
    )
    case = resource_create(
        centre=other_centre,
        by=outsider,
        published=True,
        kind=Resource.Kind.CASE_STUDY,
        title="Adaptive street lighting in Eindhoven",
        summary="A city halves the energy use of its street lights.",
        body="## The need\n\nLess energy, safer streets.",
        language="en",
        sectors=["energy", "ict"],
        approaches=["ppi"],
        countries=["NL"],
        buyer="Municipality of Eindhoven",
        case_country="NL",
        case_year=2021,
        contract_value_eur=1250000,
        procedure="Competitive dialogue",
        cpv_codes=["34993000-4", "50232100-1"],
        ted_url="https://ted.europa.eu/en/notice/-/detail/123456-2021",
        outcome="Energy use fell by 58 percent.",
        lessons_learned="Involve the maintenance team early.",
        external_links=[
            {"title": "Project website", "url": "https://example.org/lighting"},
            {"title": "Sneaky", "url": "javascript:alert(1)"},
            {"title": "Data", "url": "data:text/html,<b>x</b>"},
        ],
        published_on=datetime.date(2023, 5, 12),
        related=[guide],
    )
    services.attachment_add(
        resource=case, by=outsider, upload=pdf_upload(), title="Full case report"
    )
    report = resource_create(
        centre=other_centre,
        by=outsider,
        published=True,
        kind=Resource.Kind.REPORT,
        title="Jaarverslag innovatiegericht inkopen",
        summary="Overzicht van innovatiegericht inkopen in Nederland.",
        language="nl",
        sectors=["energy"],
        countries=["NL"],
        published_on=datetime.date(2020, 1, 15),
    )
    draft = resource_create(
        centre=centre,
        by=editor,
        title="Draft checklist zebrafinch",
        summary="Not public yet.",
        sectors=["ict"],
    )
    in_review = resource_create(
        centre=centre,
        by=editor,
        title="Reviewed template okapi",
        summary="Waiting for a manager.",
    )
    services.resource_submit(resource=in_review, by=editor)
    archived = resource_create(
        centre=centre,
        by=manager,
        published=True,
        title="Archived model tender narwhal",
        summary="No longer current.",
    )
    services.resource_archive(resource=archived, by=manager)
    network = resource_create(
        centre=other_centre,
        by=outsider,
        published=True,
        visibility=Resource.Visibility.NETWORK,
        title="Network note axolotl",
        summary="For the network's staff only.",
        sectors=["ict"],
        translation_of=guide,
    )
    for resource in (draft, in_review, archived, network):
        resource.refresh_from_db()
    return Library(
        guide=guide,
        leitfaden=leitfaden,
        case=case,
        report=report,
        draft=draft,
        in_review=in_review,
        archived=archived,
        network=network,
    )
