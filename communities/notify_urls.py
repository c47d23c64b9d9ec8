"""The community e-mail settings under /<lang>/community-emails/."""

from django.urls import path

from . import notify_views as views

app_name = "communities_notify"

urlpatterns = [
    path("", views.PreferencesView.as_view(), name="preferences"),
    path("out/<str:token>/", views.OutView.as_view(), name="out"),
    path("<slug:slug>/", views.CommunityNotifyView.as_view(), name="community"),
]
