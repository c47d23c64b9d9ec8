"""Who may correct the interface of which language (network-wide, not per centre)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _


class TranslatorQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(user=user)


class Translator(models.Model):
    """A member of a centre's staff named by the coordinator to correct one
    language's catalogues on the translation screen."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="translator_languages",
        verbose_name=_("person"),
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    named_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = TranslatorQuerySet.as_manager()

    class Meta:
        ordering = ["language", "user__email"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "language"], name="uniq_translator_user_language"
            )
        ]

    def __str__(self):
        return f"{self.user} ({self.language})"

    @property
    def language_name(self) -> str:
        """The language's name in the language of the page ("Greek", "Griechisch")."""
        return str(get_language_info(self.language)["name_translated"])
