# German newspaper style: "1. November 2024, 14:05 Uhr".
DATE_FORMAT = "j. F Y"
TIME_FORMAT = r"H:i \U\h\r"
DATETIME_FORMAT = r"j. F Y, H:i \U\h\r"
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
