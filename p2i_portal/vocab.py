"""Controlled vocabularies shared by the apps (sectors, services, languages)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Sector(models.TextChoices):
    ICT = "ict", _("ICT")
    HEALTH = "health", _("Health")
    MOBILITY = "mobility", _("Mobility and transport")
    CIRCULAR = "circular", _("Circular economy")
    ENERGY = "energy", _("Energy")
    CONSTRUCTION = "construction", _("Construction")
    FOOD = "food", _("Food")
    SECURITY = "security", _("Security")
    OTHER = "other", _("Other")


class Service(models.TextChoices):
    TRAINING = "training", _("Training")
    BEST_PRACTICE = "best_practice", _("Best-practice examples")
    EVENTS = "events", _("Conferences and networking events")
    LEGAL = "legal", _("Legal support")
    COUNSELLING = "counselling", _("Individual counselling")
    INCENTIVES = "incentives", _("Financial incentive schemes")
    FUNDING = "funding", _("Help finding national and EU funding")


class Language(models.TextChoices):
    EN = "en", _("English")
    DE = "de", _("German")
    NL = "nl", _("Dutch")
    ES = "es", _("Spanish")
    SV = "sv", _("Swedish")
    ET = "et", _("Estonian")
    EL = "el", _("Greek")
    IT = "it", _("Italian")
    PT = "pt", _("Portuguese")
    FI = "fi", _("Finnish")
    LT = "lt", _("Lithuanian")
    FR = "fr", _("French")
