"""Public pages of buyers' plans under /<lang>/plans/."""

from django.urls import path

from . import plan_views as views

app_name = "plans"

urlpatterns = [
    path("", views.PlanListView.as_view(), name="list"),
    path("new/", views.PlanCreateView.as_view(), name="new"),
    path("mine/", views.MyPlansView.as_view(), name="mine"),
    path("mine/<int:pk>/edit/", views.PlanEditView.as_view(), name="edit"),
    path("mine/<int:pk>/close/", views.PlanCloseView.as_view(), name="close"),
    path("mine/<int:pk>/withdraw/", views.PlanWithdrawView.as_view(), name="withdraw"),
    path("<int:pk>/", views.PlanDetailView.as_view(), name="detail"),
    path("<int:pk>/interest/", views.PlanInterestView.as_view(), name="interest"),
    path("initiatives/<int:pk>/", views.InitiativeView.as_view(), name="initiative"),
]
