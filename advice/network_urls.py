"""The coordinator's queue of unrouted requests under /network/advice/."""

from django.urls import path

from . import manage_views as views

app_name = "advice-network"

urlpatterns = [
    path("", views.NetworkInboxView.as_view(), name="inbox"),
    path("<int:pk>/", views.NetworkDetailView.as_view(), name="detail"),
    path("<int:pk>/reply/", views.NetworkReplyView.as_view(), name="reply"),
    path("<int:pk>/note/", views.NetworkNoteView.as_view(), name="note"),
    path("<int:pk>/status/", views.NetworkStatusView.as_view(), name="status"),
    path("<int:pk>/transfer/", views.NetworkTransferView.as_view(), name="transfer"),
    path(
        "<int:pk>/files/<int:attachment_pk>/",
        views.NetworkAttachmentView.as_view(),
        name="attachment",
    ),
]
