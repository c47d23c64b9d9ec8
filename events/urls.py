"""Public event pages under /<lang>/events/: calendar, feeds, event pages, signed
links; and the calendar feeds' language-neutral addresses under /events/."""

from django.urls import path

from p2i_portal.i18n import in_default_language

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

# The calendar feeds' addresses from before the language prefix, which calendar
# applications keep: they answer directly, in the default language.
neutral_urlpatterns = [
    path(
        "calendar.ics",
        in_default_language(views.EventFeedView.as_view()),
        name="feed",
    ),
    path(
        "calendar/organiser/<slug:slug>.ics",
        in_default_language(views.OrganiserFeedView.as_view()),
        name="feed-organiser",
    ),
    path(
        "calendar/sector/<slug:sector>.ics",
        in_default_language(views.SectorFeedView.as_view()),
        name="feed-sector",
    ),
]
