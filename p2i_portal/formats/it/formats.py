"""Italian: the day without a leading zero, and no weekday in the plain date-time."""

DATE_FORMAT = "j F Y"  # '7 Dicembre 2026'
DATETIME_FORMAT = "j F Y, H:i"
WEEKDAY_DATE_FORMAT = "l j F Y"  # 'Lunedì 7 Dicembre 2026'
WEEKDAY_DATETIME_FORMAT = "l j F Y, H:i"
STAFF_DATE_FORMAT = "j b Y"  # '7 dic 2026'
STAFF_DATETIME_FORMAT = "j b Y H:i"  # '7 dic 2026 14:04'
SHORT_YEAR_MONTH_FORMAT = "b Y"  # 'dic 2026'
