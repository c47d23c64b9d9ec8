"""Spanish: Django's formats, plus the portal's named ones."""

WEEKDAY_DATE_FORMAT = r"l, j \d\e F \d\e Y"  # 'lunes, 7 de diciembre de 2026'
WEEKDAY_DATETIME_FORMAT = r"l, j \d\e F \d\e Y, H:i"
STAFF_DATE_FORMAT = "j b Y"  # '7 dic 2026'
STAFF_DATETIME_FORMAT = "j b Y H:i"  # '7 dic 2026 14:04'
SHORT_YEAR_MONTH_FORMAT = "b Y"  # 'dic 2026'
