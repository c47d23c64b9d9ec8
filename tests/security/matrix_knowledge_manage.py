"""Permission matrix of the resource workspace (/manage/<centre>/resources/…).

Alpha's staff work with alpha's resources; everyone else gets 404. Editors write,
managers (and the coordinator) also publish, send back and archive: an editor who
tries gets 403. Beta's resource put in alpha's URL is 404 for everyone, alpha's
manager included.
"""

from django.core.files.uploadedfile import SimpleUploadedFile

from tests.security.test_permission_matrix import Check, signed_in, workspace

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
BASE = "/manage/alpha/resources/"
# Another centre's object in this centre's URL: not found, whoever asks.
CROSS = {**signed_in(404), "anonymous": 302}
VALID = {
    "kind": "tool",
    "title": "Matrix resource",
    "summary": "Made by the permission matrix.",
    "language": "en",
    "licence": "cc-by-sa-4.0",
    "visibility": "public",
}


def world(values, people):
    from knowledge import services
    from tests.factories import resource_create

    centre, editor, manager = people["centre"], people["editor"], people["manager"]
    draft = resource_create(centre=centre, by=editor, title="Matrix draft")
    review = services.resource_submit(
        resource=resource_create(centre=centre, by=editor, title="Matrix review"),
        by=editor,
    )
    published = resource_create(
        centre=centre, by=manager, published=True, title="Matrix published"
    )
    attachment = services.attachment_add(
        resource=draft,
        by=editor,
        upload=SimpleUploadedFile("matrix.pdf", PDF, "application/pdf"),
        title="Matrix file",
    )
    beta = resource_create(
        centre=people["other_centre"], by=people["editor_b"], title="Beta draft"
    )
    values.update(
        resource_a=draft.pk,
        resource_a_review=review.pk,
        resource_a_published=published.pk,
        attachment_a=attachment.pk,
        resource_b=beta.pk,
    )


ENTRIES = {
    "manage:resources:list": [
        Check(BASE, workspace(200)),
        Check(BASE + "?status=in_review&page=99", workspace(200)),
        # Beta's own list: its editor and the coordinator only.
        Check(
            "/manage/beta/resources/",
            {**workspace(404), "editor_b": 200, "coordinator": 200},
        ),
    ],
    "manage:resources:create": [
        Check(BASE + "new/", workspace(200)),
        # Invalid (no summary): the form comes back with its errors.
        Check(BASE + "new/", workspace(200), "post", {"title": "Only a title"}),
        Check(BASE + "new/", workspace(302), "post", VALID),
        Check(BASE + "new/", workspace(200), "post", {**VALID, "preview": "1"}),
    ],
    "manage:resources:preview": [
        Check(BASE + "preview/", workspace(200), "post", {"body": "**bold**"}),
        Check(BASE + "preview/", workspace(405)),
    ],
    "manage:resources:detail": [
        Check(BASE + "{resource_a}/", workspace(200)),
        Check(BASE + "{resource_a_published}/", workspace(200)),
        Check(BASE + "{resource_b}/", CROSS),
        Check(BASE + "999999/", CROSS),
        # Alpha's resource in beta's URL: beta's staff see nothing either.
        Check(
            "/manage/beta/resources/{resource_a}/",
            {**workspace(404), "coordinator": 404},
        ),
    ],
    "manage:resources:edit": [
        Check(BASE + "{resource_a}/edit/", workspace(200)),
        Check(BASE + "{resource_a_review}/edit/", workspace(200)),
        Check(BASE + "{resource_a_published}/edit/", workspace(403, 200)),
        Check(BASE + "{resource_a}/edit/", workspace(302), "post", VALID),
        Check(BASE + "{resource_a}/edit/", workspace(200), "post", {"title": ""}),
        Check(BASE + "{resource_b}/edit/", CROSS),
        Check(BASE + "{resource_b}/edit/", CROSS, "post", VALID),
        Check(
            "/manage/beta/resources/{resource_a}/edit/",
            {**workspace(404), "coordinator": 404},
        ),
    ],
    "manage:resources:attachment-add": [
        # No file: the edit page with the form's message.
        Check(BASE + "{resource_a}/attachments/", workspace(200), "post"),
        Check(
            BASE + "{resource_a_published}/attachments/", workspace(403, 200), "post"
        ),
        Check(BASE + "{resource_a}/attachments/", workspace(405)),
        Check(BASE + "{resource_b}/attachments/", CROSS, "post"),
    ],
    "manage:resources:attachment-remove": [
        Check(
            BASE + "{resource_a}/attachments/{attachment_a}/remove/",
            workspace(302),
            "post",
        ),
        # The attachment belongs to another resource.
        Check(
            BASE + "{resource_a_review}/attachments/{attachment_a}/remove/",
            workspace(404),
            "post",
        ),
        Check(BASE + "{resource_b}/attachments/{attachment_a}/remove/", CROSS, "post"),
    ],
    "manage:resources:submit": [
        Check(BASE + "{resource_a}/submit/", workspace(302), "post"),
        # Wrong state: a message, and back to the overview.
        Check(BASE + "{resource_a_published}/submit/", workspace(302), "post"),
        Check(BASE + "{resource_a}/submit/", workspace(405)),
        Check(BASE + "{resource_b}/submit/", CROSS, "post"),
    ],
    "manage:resources:publish": [
        Check(BASE + "{resource_a_review}/publish/", workspace(403, 302), "post"),
        Check(BASE + "{resource_a}/publish/", workspace(403, 302), "post"),
        Check(BASE + "{resource_b}/publish/", CROSS, "post"),
    ],
    "manage:resources:send-back": [
        Check(
            BASE + "{resource_a_review}/send-back/",
            workspace(403, 302),
            "post",
            {"comment": "Please add sources."},
        ),
        # Without a comment: the overview again, with the message.
        Check(BASE + "{resource_a_review}/send-back/", workspace(403, 200), "post"),
        Check(BASE + "{resource_b}/send-back/", CROSS, "post", {"comment": "Hijack."}),
    ],
    "manage:resources:archive": [
        Check(BASE + "{resource_a_published}/archive/", workspace(403, 302), "post"),
        Check(BASE + "{resource_b}/archive/", CROSS, "post"),
    ],
}
