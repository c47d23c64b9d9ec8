"""Public pages of the advice service under /<lang>/advice/."""

from django.urls import path

from . import views

app_name = "advice"

urlpatterns = [
    path("", views.AdviceHomeView.as_view(), name="home"),
    path("ask/", views.AskView.as_view(), name="ask"),
    path("mine/", views.MyRequestsView.as_view(), name="mine"),
    path("mine/<int:pk>/", views.MyRequestDetailView.as_view(), name="mine-detail"),
    path("confirm/<str:token>/", views.ConfirmView.as_view(), name="confirm"),
    path("follow/<str:token>/", views.FollowView.as_view(), name="follow"),
]
