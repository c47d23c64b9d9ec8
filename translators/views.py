"""The translation screen: the list of one's catalogues, django-rosetta's editor
limited to the project's catalogues of one's own languages, and the
coordinator's page that names translators."""

import re
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView
from rosetta import views as rosetta_views

from . import permissions, services, validation
from .catalogues import catalogue_paths, catalogues_for
from .forms import TranslatorNameForm
from .models import Translator

FIELD = re.compile(r"^m_(?P<hash>[0-9a-f]+)(?:_\d+)?$")

MFA_REQUIRED_MESSAGE = gettext_lazy(
    "Translators and the coordinator must turn on two-factor authentication "
    "before using the translation screen."
)


class TranslatorRequiredMixin:
    """The guard of every translation page: anonymous → sign-in; an account that
    must use two-factor sign-in but has not → its set-up page; no language → 403."""

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if user.privileges_locked:
            messages.warning(request, MFA_REQUIRED_MESSAGE)
            return redirect("mfa_activate_totp")
        if not self.allowed(user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def allowed(self, user) -> bool:
        return permissions.can_translate(user)


class CatalogueListView(TranslatorRequiredMixin, TemplateView):
    template_name = "translators/catalogue_list.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        user = self.request.user
        ctx["catalogues"] = catalogues_for(permissions.languages_for(user))
        ctx["can_name"] = permissions.can_name_translators(user)
        return ctx


class ProjectCatalogueMixin(TranslatorRequiredMixin):
    """Narrows rosetta's file views to the project's catalogues (never Django's
    or a third party's) of a language the user may correct."""

    @cached_property
    def po_filter(self):
        if self.kwargs.get("po_filter") != "project":
            raise Http404
        return "project"

    @cached_property
    def language_id(self):
        language = self.kwargs["lang_id"]
        if language not in {
            code for code, _name in rosetta_views.rosetta_settings.ROSETTA_LANGUAGES
        }:
            raise Http404
        if not permissions.can_translate_language(self.request.user, language):
            raise PermissionDenied
        return language

    @cached_property
    def po_file_path(self):
        self.po_filter  # noqa: B018 (404 for any other filter)
        paths = catalogue_paths(self.language_id)
        index = int(self.kwargs["idx"])
        if index >= len(paths) or not paths[index].exists():
            raise Http404
        return str(paths[index])


class TranslationFormView(ProjectCatalogueMixin, rosetta_views.TranslationFormView):
    def post(self, request, *args, **kwargs):
        refused = self.refused_message(request.POST)
        if refused is not None:
            messages.error(request, refused)
            return redirect(request.get_full_path())
        # rosetta writes Last-Translator from first_name and last_name, which this
        # project's User replaces with full_name.
        user = request.user
        user.first_name, _space, user.last_name = user.get_full_name().partition(" ")
        return super().post(request, *args, **kwargs)

    def refused_message(self, data) -> str | None:
        """The reason to save nothing of this block, or None. rosetta's fields are
        m_<hash> (m_<hash>_<n> for plural forms)."""
        for name, value in data.items():
            match = FIELD.match(name)
            if not match:
                continue
            entry = self.po_file.find(match["hash"], "md5hash")
            if entry is None:
                continue
            reason = validation.problem(
                msgid=entry.msgid,
                msgid_plural=entry.msgid_plural or "",
                msgstr=value,
                python_format="python-format" in entry.flags,
            )
            if reason == "placeholder":
                return _(
                    "Nothing was saved: the translation of “%(source)s” may use "
                    "only the placeholders of the original."
                ) % {"source": entry.msgid}
            if reason == "markup":
                return _(
                    "Nothing was saved: the translation of “%(source)s” may not "
                    "add HTML markup that the original does not have."
                ) % {"source": entry.msgid}
        return None

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        # rosetta names a catalogue after the folder above locale/; say what it holds.
        scripts = Path(self.po_file_path).stem == "djangojs"
        ctx["rosetta_i18n_app"] = _("Scripts") if scripts else _("Pages and e-mails")
        return ctx


class TranslationFileDownload(
    ProjectCatalogueMixin, rosetta_views.TranslationFileDownload
):
    def get(self, request, *args, **kwargs):
        # rosetta turns any error into a redirect; refuse plainly first.
        self.po_file_path  # noqa: B018
        return super().get(request, *args, **kwargs)


class FileListRedirectView(TranslatorRequiredMixin, View):
    """rosetta's pages link to its file list; ours replaces it."""

    def get(self, request, po_filter):
        if po_filter != "project":
            raise Http404
        return redirect("translators:index")


def suggestions_off(request):
    """rosetta's machine suggestions would send the interface's text to an outside
    service; they are switched off and their address answers 404."""
    raise Http404


class CoordinatorRequiredMixin(TranslatorRequiredMixin):
    def allowed(self, user) -> bool:
        return permissions.can_name_translators(user)


class TranslatorManageView(CoordinatorRequiredMixin, TemplateView):
    """The coordinator names translators of a language and withdraws them."""

    template_name = "translators/translator_manage.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.setdefault("form", TranslatorNameForm())
        ctx["translators"] = Translator.objects.select_related("user", "named_by")
        return ctx

    def post(self, request, *args, **kwargs):
        form = TranslatorNameForm(request.POST)
        if form.is_valid():
            try:
                translator = services.translator_name(
                    user=form.user,
                    language=form.cleaned_data["language"],
                    by=request.user,
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    _("%(person)s can now correct the interface in %(language)s.")
                    % {"person": translator.user, "language": translator.language_name},
                )
                return redirect("translators:manage")
        return self.render_to_response(self.get_context_data(form=form), status=400)


class TranslatorRemoveView(CoordinatorRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        translator = get_object_or_404(Translator.objects.select_related("user"), pk=pk)
        services.translator_remove(translator=translator, by=request.user)
        messages.success(
            request,
            _("%(person)s no longer corrects the interface in %(language)s.")
            % {"person": translator.user, "language": translator.language_name},
        )
        return redirect("translators:manage")
