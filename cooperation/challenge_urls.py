"""Public pages of open market consultations under /<lang>/challenges/."""

from django.urls import path

from . import challenge_views as views

app_name = "challenges"

urlpatterns = [
    path("", views.ChallengeListView.as_view(), name="list"),
    path("new/", views.ChallengeCreateView.as_view(), name="create"),
    path("mine/", views.MyChallengesView.as_view(), name="mine"),
    path("<int:pk>/", views.ChallengeDetailView.as_view(), name="detail"),
    path("<int:pk>/edit/", views.ChallengeEditView.as_view(), name="edit"),
    path("<int:pk>/submit/", views.ChallengeSubmitView.as_view(), name="submit"),
    path("<int:pk>/file/", views.ChallengeFileView.as_view(), name="file"),
    path("<int:pk>/answer/", views.AnswerView.as_view(), name="answer"),
    path("<int:pk>/answers/", views.AnswersView.as_view(), name="answers"),
    path(
        "<int:pk>/answers/<int:answer_pk>/file/",
        views.AnswerFileView.as_view(),
        name="answer-file",
    ),
    path(
        "<int:pk>/answers/<int:answer_pk>/file/remove/",
        views.AnswerFileRemoveView.as_view(),
        name="answer-file-remove",
    ),
    path("<int:pk>/summary/", views.SummaryView.as_view(), name="summary"),
]
