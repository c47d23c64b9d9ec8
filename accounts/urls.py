from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("profile/", views.ProfileView.as_view(), name="profile"),
    path(
        "profile/notifications/",
        views.NotificationPreferencesView.as_view(),
        name="notifications",
    ),
    path("profile/token/", views.TokenView.as_view(), name="token"),
]
