"""A centre's review of open market consultations under
/manage/<centre_slug>/challenges/."""

from django.urls import path

from . import challenge_manage_views as views

app_name = "challenges"

urlpatterns = [
    path("", views.ReviewListView.as_view(), name="list"),
    path("<int:pk>/", views.ReviewDetailView.as_view(), name="detail"),
    path("<int:pk>/publish/", views.PublishView.as_view(), name="publish"),
    path("<int:pk>/send-back/", views.SendBackView.as_view(), name="send-back"),
    path("<int:pk>/case-study/", views.CaseStudyView.as_view(), name="case-study"),
]
