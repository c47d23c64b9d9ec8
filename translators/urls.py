"""/translations/: the translation screen. rosetta's templates reverse its own
un-namespaced route names, so those keep them; our pages are `translators:…`."""

from django.urls import include, path, re_path

from . import views

pages = [
    path("", views.CatalogueListView.as_view(), name="index"),
    path("translators/", views.TranslatorManageView.as_view(), name="manage"),
    path(
        "translators/<int:pk>/remove/",
        views.TranslatorRemoveView.as_view(),
        name="remove",
    ),
]

urlpatterns = [
    path("", include((pages, "translators"))),
    re_path(
        r"^files/(?P<po_filter>[\w-]+)/$",
        views.FileListRedirectView.as_view(),
        name="rosetta-file-list",
    ),
    re_path(
        r"^files/(?P<po_filter>[\w-]+)/(?P<lang_id>[\w-]+)/(?P<idx>\d+)/$",
        views.TranslationFormView.as_view(),
        name="rosetta-form",
    ),
    re_path(
        r"^files/(?P<po_filter>[\w-]+)/(?P<lang_id>[\w-]+)/(?P<idx>\d+)/download/$",
        views.TranslationFileDownload.as_view(),
        name="rosetta-download-file",
    ),
    path("translate/", views.suggestions_off, name="rosetta.translate_text"),
]
