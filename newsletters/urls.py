"""Public newsletter URLs under /<lang>/newsletter/ and the coordinator's compose
area; the archive feed and the bounce webhook without a language, under /newsletter/."""

from django.urls import path

from p2i_portal.i18n import in_default_language

from . import compose_views as compose
from . import views

app_name = "newsletters"

urlpatterns = [
    path("", views.SubscribeView.as_view(), name="subscribe"),
    path("thanks/", views.SubscribeDoneView.as_view(), name="subscribe-done"),
    path("confirm/<str:token>/", views.ConfirmView.as_view(), name="confirm"),
    path(
        "preferences/",
        views.AccountPreferencesView.as_view(),
        name="preferences-account",
    ),
    path(
        "preferences/<str:token>/",
        views.PreferencesView.as_view(),
        name="preferences",
    ),
    path(
        "unsubscribe/<str:token>/<str:list_name>/",
        views.UnsubscribeView.as_view(),
        name="unsubscribe",
    ),
    path("archive/", views.ArchiveView.as_view(), name="archive"),
    path("archive/feed/", views.IssueFeed(), name="archive-feed"),
    path("archive/<slug:slug>/", views.IssueDetailView.as_view(), name="issue-detail"),
    # The coordinator's compose area.
    path("compose/", compose.IssueListView.as_view(), name="compose-list"),
    path("compose/new/", compose.IssueCreateView.as_view(), name="compose-create"),
    path("compose/<int:pk>/", compose.IssueDetailView.as_view(), name="compose-detail"),
    path(
        "compose/<int:pk>/edit/", compose.IssueEditView.as_view(), name="compose-edit"
    ),
    path(
        "compose/<int:pk>/sections/new/",
        compose.SectionCreateView.as_view(),
        name="compose-section-create",
    ),
    path(
        "compose/<int:pk>/sections/<int:section_pk>/",
        compose.SectionEditView.as_view(),
        name="compose-section-edit",
    ),
    path(
        "compose/<int:pk>/sections/<int:section_pk>/translations/<str:language>/",
        compose.SectionTranslationView.as_view(),
        name="compose-section-translation",
    ),
    path(
        "compose/<int:pk>/sections/<int:section_pk>/review/",
        compose.SectionReviewView.as_view(),
        name="compose-section-review",
    ),
    path(
        "compose/<int:pk>/sections/<int:section_pk>/remove/",
        compose.SectionRemoveView.as_view(),
        name="compose-section-remove",
    ),
    path(
        "compose/<int:pk>/preview/",
        compose.PreviewView.as_view(),
        name="compose-preview",
    ),
    path(
        "compose/<int:pk>/test/",
        compose.TestSendView.as_view(),
        name="compose-test-send",
    ),
    path(
        "compose/<int:pk>/schedule/",
        compose.ScheduleView.as_view(),
        name="compose-schedule",
    ),
    path("compose/<int:pk>/send/", compose.SendView.as_view(), name="compose-send"),
    path(
        "compose/<int:pk>/progress/",
        compose.ProgressView.as_view(),
        name="compose-progress",
    ),
    path(
        "compose/<int:pk>/progress.json",
        compose.ProgressJsonView.as_view(),
        name="compose-progress-json",
    ),
]

# Addresses other systems keep: the archive feed (feed readers; it answers in the
# default language) and the bounce webhook of the mail provider, which has no
# language and must not be redirected.
neutral_urlpatterns = [
    path("archive/feed/", in_default_language(views.IssueFeed()), name="archive-feed"),
    path(
        "webhooks/bounces/",
        views.BounceWebhookView.as_view(),
        name="webhook-bounces",
    ),
]
