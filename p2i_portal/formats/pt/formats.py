"""Portuguese: Django's formats, plus the portal's named ones."""

# Portugal groups digits with a space (Django's "pt" follows Brazil's point).
THOUSAND_SEPARATOR = "\xa0"
NUMBER_GROUPING = 3

WEEKDAY_DATE_FORMAT = r"l, j \d\e F \d\e Y"  # 'Segunda-feira, 7 de Dezembro de 2026'
WEEKDAY_DATETIME_FORMAT = r"l, j \d\e F \d\e Y, H:i"
STAFF_DATE_FORMAT = "j b Y"  # '7 dez 2026'
STAFF_DATETIME_FORMAT = "j b Y H:i"  # '7 dez 2026 14:04'
SHORT_YEAR_MONTH_FORMAT = "b Y"  # 'dez 2026'
