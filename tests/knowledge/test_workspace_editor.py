"""The resource editor in the workspace: create, edit, preview, bad input, list."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from knowledge.models import Resource
from tests.factories import resource_create

from .conftest_k2 import (  # noqa: F401 - fixtures
    draft_a_fixture,
    form_data,
    in_review_a_fixture,
    manage_url,
    published_a_fixture,
    published_b_fixture,
    reload,
    revisions_of,
)

pytestmark = pytest.mark.django_db


# --- Create -----------------------------------------------------------------


def test_editor_creates_a_draft_with_every_content_field(client, centre, editor):
    client.force_login(editor)
    response = client.post(manage_url("alpha", "new"), form_data())

    resource = Resource.objects.get(centre=centre)
    assert response.status_code == 302
    assert response["Location"] == manage_url("alpha", pk=resource.pk)
    assert resource.status == Resource.Status.DRAFT
    assert resource.created_by == editor
    assert resource.slug == "guide-to-early-market-engagement"
    assert resource.tool_type == "guide"
    assert resource.tags == ["market consultation", "SMEs", "dialogue"]
    assert resource.countries == ["DE", "AT"]
    assert resource.sectors == ["ict", "health"]
    assert resource.external_links == [
        {"title": "EU guidance", "url": "https://example.org/guidance"},
        {"title": "https://example.org/faq", "url": "https://example.org/faq"},
    ]
    assert "<strong>suppliers</strong>" in resource.body_html
    assert resource.search_vector is not None
    assert [r.action for r in revisions_of(resource)] == ["knowledge.resource.created"]
    assert revisions_of(resource)[0].actor == editor


def test_create_page_renders_every_field_and_the_case_study_fieldset(client, editor):
    client.force_login(editor)
    response = client.get(manage_url("alpha", "new"))
    html = response.content.decode()
    assert response.status_code == 200
    for name in (
        "kind", "tool_type", "title", "summary", "body", "language", "authors",
        "published_on", "sectors", "approaches", "tags", "countries", "licence",
        "visibility", "external_links", "related", "translation_of", "buyer",
        "case_country", "case_year", "contract_value_eur", "procedure",
        "cpv_codes", "ted_url", "outcome", "lessons_learned",
    ):  # fmt: skip
        assert f'name="{name}"' in html, name
    assert '<fieldset class="panel case-fieldset"' in html
    assert "<legend>Case study</legend>" in html
    assert 'aria-live="polite"' in html
    assert "<script>" not in html  # CSP: no inline script


def test_tool_type_is_dropped_for_other_kinds(client, centre, editor):
    client.force_login(editor)
    client.post(manage_url("alpha", "new"), form_data(kind="report"))
    assert Resource.objects.get(centre=centre).tool_type == ""


def test_a_case_study_keeps_its_structured_fields(client, centre, editor):
    client.force_login(editor)
    response = client.post(
        manage_url("alpha", "new"),
        form_data(
            kind="case_study",
            tool_type="",
            buyer="City of Hamburg",
            case_country="DE",
            case_year="2023",
            contract_value_eur="1250000.50",
            procedure="Innovation partnership",
            cpv_codes="72000000, 48000000-8, 72000000",
            ted_url="https://ted.europa.eu/en/notice/-/detail/123456-2023",
            outcome="Three suppliers reached the pilot.",
            lessons_learned="Talk to the market early.",
        ),
    )
    assert response.status_code == 302
    resource = Resource.objects.get(centre=centre)
    assert resource.kind == "case_study"
    assert resource.cpv_codes == ["72000000", "48000000-8"]
    assert str(resource.contract_value_eur) == "1250000.50"
    assert resource.case_year == 2023
    assert resource.case_country == "DE"


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"title": ""}, "title", "This field is required."),
        (
            {"contract_value_eur": "-5"},
            "contract_value_eur",
            "The contract value cannot be negative.",
        ),
        ({"cpv_codes": "72000000, 1234"}, "cpv_codes", "“1234” is not a CPV code."),
        (
            {"external_links": "Notice | javascript:alert(1)"},
            "external_links",
            "Line 1: “javascript:alert(1)” is not a web address.",
        ),
        (
            {"external_links": "Ok | https://example.org\nBad | ftp://example.org"},
            "external_links",
            "Line 2: “ftp://example.org” is not a web address.",
        ),
        ({"ted_url": "not a url"}, "ted_url", "Enter a valid URL."),
        (
            {"tags": ", ".join(f"topic {i}" for i in range(21))},
            "tags",
            "At most 20 topics, please; you entered 21.",
        ),
        ({"sectors": ["space"]}, "sectors", "Select a valid choice."),
        ({"case_year": "1700"}, "case_year", "greater than or equal to 1990"),
    ],
)
def test_bad_input_is_refused_with_a_message_and_nothing_is_created(
    client, centre, editor, overrides, field, message
):
    client.force_login(editor)
    response = client.post(manage_url("alpha", "new"), form_data(**overrides))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert message in " ".join(response.context["form"].errors[field])
    assert response.context["form"]["title"].value() == overrides.get(
        "title", form_data()["title"]
    )
    assert not Resource.objects.filter(centre=centre).exists()


def test_a_translation_joins_the_originals_group(client, centre, editor, draft_a):
    client.force_login(editor)
    response = client.post(
        manage_url("alpha", "new"),
        form_data(
            title="Leitfaden zur frühen Marktansprache",
            language="de",
            translation_of=str(draft_a.pk),
        ),
    )
    assert response.status_code == 302
    translation = Resource.objects.get(slug="leitfaden-zur-fruhen-marktansprache")
    assert translation.translation_group == draft_a.translation_group


def test_a_translation_must_be_in_another_language(client, centre, editor, draft_a):
    client.force_login(editor)
    response = client.post(
        manage_url("alpha", "new"), form_data(translation_of=str(draft_a.pk))
    )
    assert response.status_code == 200
    assert "another language" in str(response.context["form"].errors)
    assert Resource.objects.filter(centre=centre).count() == 1


def test_translation_of_offers_only_the_centres_own_resources(
    client, editor, draft_a, published_b
):
    client.force_login(editor)
    response = client.post(
        manage_url("alpha", "new"),
        form_data(language="nl", translation_of=str(published_b.pk)),
    )
    assert response.status_code == 200
    assert "translation_of" in response.context["form"].errors


def test_related_resources_are_published_ones_of_any_centre(
    client, centre, editor, draft_a, published_b
):
    client.force_login(editor)
    page = client.get(manage_url("alpha", "new")).content.decode()
    assert "Dutch lessons on innovation partnerships (BETA)" in page
    assert (
        "Checklist for innovation-friendly tenders"
        not in page.split('name="related"')[1].split("</select>")[0]
    )

    refused = client.post(
        manage_url("alpha", "new"), form_data(related=[str(draft_a.pk)])
    )
    assert refused.status_code == 200
    assert "related" in refused.context["form"].errors

    client.post(manage_url("alpha", "new"), form_data(related=[str(published_b.pk)]))
    created = Resource.objects.get(slug="guide-to-early-market-engagement")
    assert list(created.related.all()) == [published_b]


# --- Edit -------------------------------------------------------------------


def test_editor_edits_a_draft_and_the_revision_keeps_old_and_new(
    client, editor, draft_a
):
    client.force_login(editor)
    response = client.post(
        manage_url("alpha", "edit", draft_a.pk),
        form_data(title="Checklist for better tenders", tags="checklist"),
    )
    assert response.status_code == 302
    draft_a = reload(draft_a)
    assert draft_a.title == "Checklist for better tenders"
    assert draft_a.tags == ["checklist"]
    revision = revisions_of(draft_a)[-1]
    assert revision.action == "knowledge.resource.updated"
    assert revision.actor == editor
    assert revision.changes["title"] == [
        "Checklist for innovation-friendly tenders",
        "Checklist for better tenders",
    ]
    assert revision.changes["tags"] == [[], ["checklist"]]

    overview = client.get(manage_url("alpha", pk=draft_a.pk)).content.decode()
    assert "Checklist for innovation-friendly tenders" in overview
    assert "Checklist for better tenders" in overview
    assert "changed to" in overview


def test_edit_form_shows_the_stored_values(client, editor, draft_a):
    client.force_login(editor)
    draft_a.tags = ["a", "b"]
    draft_a.external_links = [{"title": "Site", "url": "https://example.org"}]
    draft_a.save()
    form = client.get(manage_url("alpha", "edit", draft_a.pk)).context["form"]
    assert form["tags"].value() == "a, b"
    assert form["external_links"].value() == "Site | https://example.org"
    assert form["title"].value() == draft_a.title


def test_saving_without_changes_records_nothing(client, editor, draft_a):
    client.force_login(editor)
    form = client.get(manage_url("alpha", "edit", draft_a.pk)).context["form"]
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None:
            value = ""
        data[name] = [str(v) for v in value] if isinstance(value, list) else value
    data["published_on"] = ""
    before = len(revisions_of(draft_a))
    response = client.post(manage_url("alpha", "edit", draft_a.pk), data)
    assert response.status_code == 302
    assert len(revisions_of(draft_a)) == before


def test_bad_input_on_edit_changes_nothing(client, editor, draft_a):
    client.force_login(editor)
    before = reload(draft_a)
    response = client.post(
        manage_url("alpha", "edit", draft_a.pk),
        form_data(title="", contract_value_eur="-1", cpv_codes="ABC"),
    )
    assert response.status_code == 200
    assert set(response.context["form"].errors) >= {
        "title",
        "contract_value_eur",
        "cpv_codes",
    }
    # The page heading still shows the stored title, not the rejected input.
    assert response.context["resource"].title == before.title
    after = reload(draft_a)
    assert (after.title, after.updated_at) == (before.title, before.updated_at)
    assert len(revisions_of(draft_a)) == 1


def test_editor_cannot_edit_a_published_resource_but_a_manager_can(
    client, editor, manager, published_a
):
    client.force_login(editor)
    assert client.get(manage_url("alpha", "edit", published_a.pk)).status_code == 403
    response = client.post(
        manage_url("alpha", "edit", published_a.pk), form_data(title="Hijacked")
    )
    assert response.status_code == 403
    assert reload(published_a).title == "Published guide"

    client.force_login(manager)
    response = client.post(
        manage_url("alpha", "edit", published_a.pk),
        form_data(title="Published guide, corrected"),
    )
    assert response.status_code == 302
    corrected = reload(published_a)
    assert corrected.title == "Published guide, corrected"
    assert corrected.status == Resource.Status.PUBLISHED
    # The stored search entry follows the correction in the same transaction.
    assert Resource.objects.filter(
        pk=published_a.pk, search_vector="corrected"
    ).exists()


def test_editor_may_edit_a_resource_in_review(client, editor, in_review_a):
    client.force_login(editor)
    response = client.post(
        manage_url("alpha", "edit", in_review_a.pk), form_data(title="Better title")
    )
    assert response.status_code == 302
    assert reload(in_review_a).title == "Better title"


# --- Preview ----------------------------------------------------------------

NASTY = (
    "**Bold** text\n\n<script>alert('x')</script>\n\n"
    "[click](javascript:alert(1)) <img src=x onerror=alert(2)>"
)


def _assert_sanitised(html):
    assert "<strong>Bold</strong>" in html
    assert "<script" not in html
    assert "onerror" not in html
    assert "javascript:" not in html


def test_preview_button_renders_the_text_and_saves_nothing(client, editor, draft_a):
    client.force_login(editor)
    before = reload(draft_a)
    response = client.post(
        manage_url("alpha", "edit", draft_a.pk),
        form_data(title="Changed in preview", body=NASTY, preview="1"),
    )
    assert response.status_code == 200
    assert response.context["previewing"] is True
    _assert_sanitised(response.context["preview_html"])
    html = response.content.decode()
    assert "Nothing has been saved yet" in html
    assert 'value="Changed in preview"' in html  # the form keeps what was typed
    after = reload(draft_a)
    assert (after.title, after.body, after.updated_at) == (
        before.title,
        before.body,
        before.updated_at,
    )
    assert len(revisions_of(draft_a)) == 1


def test_preview_on_the_create_page_creates_nothing(client, centre, editor):
    client.force_login(editor)
    response = client.post(
        manage_url("alpha", "new"), form_data(title="", body=NASTY, preview="1")
    )
    assert response.status_code == 200
    # A preview does not complain about fields not filled in yet.
    assert not response.context["form"].errors
    _assert_sanitised(response.context["preview_html"])
    assert not Resource.objects.filter(centre=centre).exists()


def test_preview_endpoint_returns_sanitised_html(client, editor):
    client.force_login(editor)
    response = client.post(manage_url("alpha", "preview"), {"body": NASTY})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert "no-store" in response["Cache-Control"]
    _assert_sanitised(response.content.decode())


def test_preview_endpoint_takes_json(client, editor):
    client.force_login(editor)
    response = client.post(
        manage_url("alpha", "preview"),
        {"body": "# Title\n\n*hi*"},
        content_type="application/json",
    )
    assert response.status_code == 200
    assert response.content.decode().strip() == "<h2>Title</h2>\n<p><em>hi</em></p>"


@pytest.mark.parametrize(
    "payload", ['{"body": 5}', "[1, 2]", "{not json", '{"body": null}']
)
def test_preview_endpoint_answers_400_to_odd_json(client, editor, payload):
    client.force_login(editor)
    response = client.post(
        manage_url("alpha", "preview"), payload, content_type="application/json"
    )
    assert response.status_code == 400


def test_preview_endpoint_needs_the_csrf_token(editor):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    response = client.post(manage_url("alpha", "preview"), {"body": "hi"})
    assert response.status_code == 403


def test_preview_endpoint_refuses_get_and_other_centres(client, editor, editor_b):
    client.force_login(editor)
    assert client.get(manage_url("alpha", "preview")).status_code == 405
    client.force_login(editor_b)
    assert client.post(manage_url("alpha", "preview"), {"body": "x"}).status_code == 404


# --- List -------------------------------------------------------------------


def test_list_groups_resources_by_state_with_counts(
    client, editor, draft_a, in_review_a, published_a, published_b
):
    client.force_login(editor)
    response = client.get(manage_url("alpha"))
    assert response.status_code == 200
    tabs = {t["value"]: t["count"] for t in response.context["tabs"]}
    assert tabs == {"draft": 1, "in_review": 1, "published": 1, "archived": 0, "": 3}
    titles = [r.title for r in response.context["resources"]]
    assert set(titles) == {draft_a.title, in_review_a.title, published_a.title}
    assert response.context["resources"][0].last_actor  # who changed it last

    response = client.get(manage_url("alpha", extra="?status=in_review"))
    assert [r.title for r in response.context["resources"]] == [in_review_a.title]
    assert 'aria-current="page"' in response.content.decode()

    # Unknown states and pages show a normal page rather than failing.
    response = client.get(manage_url("alpha", extra="?status=bogus&page=999"))
    assert response.status_code == 200
    assert len(response.context["resources"]) == 3
    response = client.get(manage_url("alpha", extra="?page=x%00"))
    assert response.status_code == 200


def test_list_issues_a_fixed_number_of_queries(client, centre, editor):
    client.force_login(editor)
    resource_create(centre=centre, by=editor, title="One")
    client.get(manage_url("alpha"))  # warm caches (content types, sessions)
    with CaptureQueriesContext(connection) as one:
        assert client.get(manage_url("alpha")).status_code == 200
    for i in range(30):
        resource_create(centre=centre, by=editor, title=f"Resource {i}")
    with CaptureQueriesContext(connection) as many:
        response = client.get(manage_url("alpha"))
    assert len(response.context["resources"]) == 31
    assert len(many) == len(one), [q["sql"] for q in many.captured_queries]


def test_list_shows_an_empty_state_and_the_new_button(client, editor):
    client.force_login(editor)
    html = client.get(manage_url("alpha")).content.decode()
    assert "No resources yet" in html
    assert f'href="{manage_url("alpha", "new")}"' in html


def test_workspace_navigation_links_to_resources(client, editor):
    client.force_login(editor)
    html = client.get("/manage/alpha/").content.decode()
    assert 'href="/manage/alpha/resources/"' in html


def test_a_service_refusal_is_shown_on_the_form_and_nothing_changes(
    client, editor, draft_a, monkeypatch
):
    from django.core.exceptions import ValidationError

    from knowledge import services

    def refuse(**kwargs):
        raise ValidationError(
            {
                "title": ["A resource with this title is being merged."],
                "slug": ["This address is taken."],
            }
        )

    monkeypatch.setattr(services, "resource_update", refuse)
    client.force_login(editor)
    response = client.post(
        manage_url("alpha", "edit", draft_a.pk), form_data(title="Merged title")
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["title"] == ["A resource with this title is being merged."]
    assert errors["__all__"] == ["This address is taken."]
    assert reload(draft_a).title == draft_a.title
