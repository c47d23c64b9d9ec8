"""The portal's date, time and number formats per language (FORMAT_MODULE_PATH).

Each language's module overrides only what Django's own locale gets wrong for
European readers, and defines the portal's own named formats, which every module
must define (a name missing in one language would be read as a format string):

- WEEKDAY_DATE_FORMAT / WEEKDAY_DATETIME_FORMAT: an event's day, with its weekday;
- STAFF_DATE_FORMAT / STAFF_DATETIME_FORMAT: the one unambiguous form of the staff
  workspace's tables (month as a word, 24-hour clock);
- SHORT_YEAR_MONTH_FORMAT: the month under the day number of an event card.

Templates use them by name (``|date:"WEEKDAY_DATE_FORMAT"``, ``|staff_datetime``),
Python through ``django.utils.formats.date_format``.
"""

PORTAL_FORMATS = (
    "WEEKDAY_DATE_FORMAT",
    "WEEKDAY_DATETIME_FORMAT",
    "STAFF_DATE_FORMAT",
    "STAFF_DATETIME_FORMAT",
    "SHORT_YEAR_MONTH_FORMAT",
)
