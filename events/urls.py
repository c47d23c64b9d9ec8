"""Public event pages under /events/: calendar, feeds, event pages, signed links."""

from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    path("", views.EventListView.as_view(), name="list"),
    path("mine/", views.MyEventsView.as_view(), name="mine"),
    # Subscribable calendars; before <slug>/, which would match them too.
    path("calendar.ics", views.EventFeedView.as_view(), name="feed"),
    path(
        "calendar/organiser/<slug:slug>.ics",
        views.OrganiserFeedView.as_view(),
        name="feed-organiser",
    ),
    path(
        "calendar/sector/<slug:sector>.ics",
        views.SectorFeedView.as_view(),
        name="feed-sector",
    ),
    path(
        "registration/<str:token>/",
        views.RegistrationView.as_view(),
        name="registration",
    ),
    path(
        "registration/<str:token>/confirm/",
        views.RegistrationConfirmView.as_view(),
        name="registration-confirm",
    ),
    path("<slug:slug>/", views.EventDetailView.as_view(), name="detail"),
    path("<slug:slug>/register/", views.EventRegisterView.as_view(), name="register"),
    path(
        "<slug:slug>/unregister/",
        views.EventUnregisterView.as_view(),
        name="unregister",
    ),
    path("<slug:slug>/calendar.ics", views.EventIcsView.as_view(), name="ics"),
]
