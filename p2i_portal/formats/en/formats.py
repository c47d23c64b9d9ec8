"""English for European readers: day before month, 24-hour clock.

Django's "en" is American ("Dec. 7, 2026", "12/07/2026 2:04 p.m."), which most
Europeans read as 12 July; the EU institutions write "7 December 2026".
"""

DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y, H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
# Typed dates are read day first, as they are displayed; ISO stays first because
# the date widgets send it.
DATE_INPUT_FORMATS = [
    "%Y-%m-%d",  # '2026-12-07'
    "%d/%m/%Y",  # '07/12/2026'
    "%d/%m/%y",  # '07/12/26'
    "%d %b %Y",  # '7 Dec 2026'
    "%d %B %Y",  # '7 December 2026'
]
DATETIME_INPUT_FORMATS = [
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M:%S.%f",
    "%Y-%m-%d %H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%d/%m/%y %H:%M",
]

WEEKDAY_DATE_FORMAT = "l j F Y"  # 'Monday 7 December 2026'
WEEKDAY_DATETIME_FORMAT = "l j F Y, H:i"  # 'Monday 7 December 2026, 14:04'
STAFF_DATE_FORMAT = "j M Y"  # '7 Dec 2026'
STAFF_DATETIME_FORMAT = "j M Y H:i"  # '7 Dec 2026 14:04'
SHORT_YEAR_MONTH_FORMAT = "M Y"  # 'Dec 2026'
