"""Who may use the translation screen, and for which languages.

Correcting a catalogue changes text that every page shows unescaped, so it is a
privilege like a manager's: translators must use two-factor sign-in
(User.requires_mfa), and an account that has not turned it on gets no language
at all (User.privileges_locked).
"""

from django.conf import settings


def languages_for(user) -> list[str]:
    """The language codes this user may correct, in the order of LANGUAGES."""
    if not (user.is_authenticated and user.is_active) or user.privileges_locked:
        return []
    if user.acts_as_coordinator:
        return [code for code, _name in settings.LANGUAGES]
    own = user.translation_languages()
    return [code for code, _name in settings.LANGUAGES if code in own]


def can_translate(user) -> bool:
    """django-rosetta's access check (ROSETTA_ACCESS_CONTROL_FUNCTION)."""
    return bool(languages_for(user))


def can_translate_language(user, language: str) -> bool:
    return language in languages_for(user)


def can_name_translators(user) -> bool:
    return bool(user.is_authenticated and user.acts_as_coordinator)
