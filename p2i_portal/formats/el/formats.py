"""Greek: the month as a word, in the genitive a date needs, and a 24-hour clock.

Django's "el" writes dates as "07/12/2026" and times as "2:04 μ.μ.".
"""

DATE_FORMAT = "j E Y"  # '7 Δεκεμβρίου 2026'
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j E Y, H:i"  # '7 Δεκεμβρίου 2026, 14:04'
MONTH_DAY_FORMAT = "j E"  # '7 Δεκεμβρίου'
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
WEEKDAY_DATE_FORMAT = "l j E Y"  # 'Δευτέρα 7 Δεκεμβρίου 2026'
WEEKDAY_DATETIME_FORMAT = "l j E Y, H:i"
STAFF_DATE_FORMAT = "j b Y"  # '7 Δεκ 2026'
STAFF_DATETIME_FORMAT = "j b Y H:i"  # '7 Δεκ 2026 14:04'
SHORT_YEAR_MONTH_FORMAT = "b Y"  # 'Δεκ 2026'
