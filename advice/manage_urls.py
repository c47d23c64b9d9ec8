"""A centre's advice desk under /manage/<centre_slug>/advice/."""

from django.urls import path

from . import manage_views as views

app_name = "advice"

urlpatterns = [
    path("", views.CentreInboxView.as_view(), name="inbox"),
    path("settings/", views.SettingsView.as_view(), name="settings"),
    path("<int:pk>/", views.CentreDetailView.as_view(), name="detail"),
    path("<int:pk>/reply/", views.CentreReplyView.as_view(), name="reply"),
    path("<int:pk>/note/", views.CentreNoteView.as_view(), name="note"),
    path("<int:pk>/status/", views.CentreStatusView.as_view(), name="status"),
    path("<int:pk>/assign/", views.CentreAssignView.as_view(), name="assign"),
    path("<int:pk>/transfer/", views.CentreTransferView.as_view(), name="transfer"),
    path("<int:pk>/qa/", views.QaCreateView.as_view(), name="qa"),
    path(
        "<int:pk>/files/<int:attachment_pk>/",
        views.CentreAttachmentView.as_view(),
        name="attachment",
    ),
]
