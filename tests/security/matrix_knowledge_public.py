"""Permission matrix of the public knowledge-base routes (see test_permission_matrix).

The world: a published public resource of centre A (with an attachment), a draft of
A (with an attachment), and a published network-only resource of centre B.
"""

from django.core.files.uploadedfile import SimpleUploadedFile

from knowledge import services
from knowledge.models import Resource
from tests.factories import resource_create

from .test_permission_matrix import Check, everyone

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"

# A's draft: A's staff and the coordinator only.
OWN_STAFF = {
    "anonymous": 404,
    "procurer": 404,
    "editor_a": 200,
    "manager_a": 200,
    "editor_b": 404,
    "coordinator": 200,
}
# Network-only: every centre's staff and the coordinator, not the public.
NETWORK_STAFF = {**everyone(200), "anonymous": 404, "procurer": 404}


def world(values, people):
    public = resource_create(
        centre=people["centre"],
        by=people["manager"],
        published=True,
        title="Public guide",
        summary="For everyone.",
    )
    draft = resource_create(
        centre=people["centre"],
        by=people["editor"],
        title="Draft guide",
        summary="Not yet.",
    )
    network = resource_create(
        centre=people["other_centre"],
        by=people["outsider"],
        published=True,
        visibility=Resource.Visibility.NETWORK,
        title="Network guide",
        summary="Staff only.",
    )
    public_file = services.attachment_add(
        resource=public,
        by=people["manager"],
        upload=SimpleUploadedFile("public.pdf", PDF, content_type="application/pdf"),
    )
    draft_file = services.attachment_add(
        resource=draft,
        by=people["editor"],
        upload=SimpleUploadedFile("draft.pdf", PDF, content_type="application/pdf"),
    )
    network_file = services.attachment_add(
        resource=network,
        by=people["outsider"],
        upload=SimpleUploadedFile("network.pdf", PDF, content_type="application/pdf"),
    )
    values.update(
        kb_public=public.slug,
        kb_draft=draft.slug,
        kb_network=network.slug,
        kb_public_file=public_file.pk,
        kb_draft_file=draft_file.pk,
        kb_network_file=network_file.pk,
    )


ENTRIES = {
    "knowledge:resource-list": [
        Check("/en/resources/", everyone(200)),
        Check("/en/resources/?q=guide&kind=tool&sector=ict&page=99999", everyone(200)),
        Check(
            "/en/resources/?q=%22%26%7C!%3A*&centre=nowhere&year=20x1", everyone(200)
        ),
        Check("/en/resources/", everyone(405), "post", {"q": "guide"}),
    ],
    "knowledge:resource-detail": [
        Check("/en/resources/alpha/{kb_public}/", everyone(200)),
        Check("/en/resources/alpha/{kb_draft}/", OWN_STAFF),
        Check("/en/resources/beta/{kb_network}/", NETWORK_STAFF),
        # Right slug, wrong centre; and a resource that does not exist.
        Check("/en/resources/beta/{kb_public}/", everyone(404)),
        Check("/en/resources/alpha/no-such-resource/", everyone(404)),
        Check("/en/resources/alpha/{kb_public}/", everyone(405), "post"),
    ],
    "knowledge:attachment-download": [
        Check("/en/resources/alpha/{kb_public}/files/{kb_public_file}/", everyone(200)),
        Check("/en/resources/alpha/{kb_draft}/files/{kb_draft_file}/", OWN_STAFF),
        Check(
            "/en/resources/beta/{kb_network}/files/{kb_network_file}/", NETWORK_STAFF
        ),
        # Another resource's file smuggled into a public resource's URL.
        Check("/en/resources/alpha/{kb_public}/files/{kb_draft_file}/", everyone(404)),
        Check(
            "/en/resources/alpha/{kb_public}/files/{kb_network_file}/", everyone(404)
        ),
        Check(
            "/en/resources/alpha/{kb_public}/files/{kb_public_file}/",
            everyone(405),
            "post",
        ),
    ],
    "knowledge:feed": [Check("/en/resources/feed/", everyone(200))],
    # The feeds' addresses without a language, which feed readers keep.
    "knowledge-neutral:feed": [Check("/resources/feed/", everyone(200))],
    "knowledge-neutral:feed-centre": [
        Check("/resources/feed/centre/alpha/", everyone(200)),
        Check("/resources/feed/centre/no-such-centre/", everyone(404)),
    ],
    "knowledge-neutral:feed-sector": [
        Check("/resources/feed/sector/ict/", everyone(200)),
        Check("/resources/feed/sector/spaceships/", everyone(404)),
    ],
    "knowledge:feed-centre": [
        Check("/en/resources/feed/centre/alpha/", everyone(200)),
        Check("/en/resources/feed/centre/no-such-centre/", everyone(404)),
    ],
    "knowledge:feed-sector": [
        Check("/en/resources/feed/sector/ict/", everyone(200)),
        Check("/en/resources/feed/sector/spaceships/", everyone(404)),
    ],
    "sitemap": [Check("/sitemap.xml", everyone(200))],
}
