"""Naming and withdrawing translators; each change goes into the activity log of
every centre the person works for, where her managers see it."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from accounts.models import User
from centres.models import Centre, Membership
from centres.services import audit_log

from .models import Translator


def staff_centres(user: User) -> list[Centre]:
    with scopes_disabled():
        ids = Membership.objects.filter(user=user).values_list("centre_id", flat=True)
        return list(Centre.objects.filter(pk__in=list(ids)))


def _log(*, translator: Translator, action: str, by: User) -> None:
    for centre in staff_centres(translator.user):
        audit_log(
            centre=centre,
            action=action,
            by=by,
            target=translator.user.email,
            language=translator.language,
        )


@transaction.atomic
def translator_name(*, user: User, language: str, by: User) -> Translator:
    """Let a centre's staff member correct one language. Caller is the coordinator."""
    if not staff_centres(user):
        raise ValidationError(_("Only members of a centre's team can be translators."))
    if Translator.objects.filter(user=user, language=language).exists():
        raise ValidationError(_("This person already translates this language."))
    translator = Translator(user=user, language=language, named_by=by)
    translator.full_clean()
    translator.save()
    user.forget_privileges()
    _log(translator=translator, action="translators.translator.named", by=by)
    return translator


@transaction.atomic
def translator_remove(*, translator: Translator, by: User) -> None:
    _log(translator=translator, action="translators.translator.removed", by=by)
    translator.delete()
