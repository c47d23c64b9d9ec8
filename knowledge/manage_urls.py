"""Workspace pages for resources under /manage/<centre_slug>/resources/."""

from django.urls import path

from . import manage_views as views

app_name = "resources"

urlpatterns = [
    path("", views.ResourceListView.as_view(), name="list"),
    path("new/", views.ResourceCreateView.as_view(), name="create"),
    path("preview/", views.MarkdownPreviewView.as_view(), name="preview"),
    path("<int:pk>/", views.ResourceDetailView.as_view(), name="detail"),
    path("<int:pk>/edit/", views.ResourceEditView.as_view(), name="edit"),
    path(
        "<int:pk>/attachments/",
        views.AttachmentAddView.as_view(),
        name="attachment-add",
    ),
    path(
        "<int:pk>/attachments/<int:attachment_pk>/remove/",
        views.AttachmentRemoveView.as_view(),
        name="attachment-remove",
    ),
    path("<int:pk>/submit/", views.ResourceSubmitView.as_view(), name="submit"),
    path("<int:pk>/publish/", views.ResourcePublishView.as_view(), name="publish"),
    path("<int:pk>/send-back/", views.ResourceSendBackView.as_view(), name="send-back"),
    path("<int:pk>/archive/", views.ResourceArchiveView.as_view(), name="archive"),
]
