"""Thai calendar and numerals: Buddhist Era dates in Bangkok time and the Thai fiscal year."""

import datetime
import re

from django.utils import timezone

BE_OFFSET = 543
THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
ARABIC_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
# The years a filter, a form or an import accepts.
MIN_YEAR_BE, MAX_YEAR_BE = 2500, 2700
_FOUR_DIGITS = re.compile(r"[0-9]{4}")

THAI_MONTHS = (
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
)
THAI_MONTHS_SHORT = (
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
)


def thai_digits(value):
    return str(value).translate(THAI_DIGITS)


def arabic_digits(value):
    return str(value).translate(ARABIC_DIGITS)


def local_date(value):
    """The calendar date of ``value`` in Bangkok (a datetime is converted first)."""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.date()
    return value


def be_year(value):
    return local_date(value).year + BE_OFFSET


def format_thai_date(value, style="long"):
    """``15 มีนาคม 2567`` (long), ``15 มี.ค. 67`` (short), ``๑๕ มีนาคม พ.ศ. ๒๕๖๗`` (notice)."""
    day = local_date(value)
    year = day.year + BE_OFFSET
    if style == "short":
        return f"{day.day} {THAI_MONTHS_SHORT[day.month - 1]} {year % 100:02d}"
    month = THAI_MONTHS[day.month - 1]
    if style == "notice":
        return thai_digits(f"{day.day} {month} พ.ศ. {year}")
    return f"{day.day} {month} {year}"


def format_thai_datetime(value):
    """``15 มีนาคม 2567 เวลา 14.30 น.`` in Bangkok time."""
    local = timezone.localtime(value)
    return f"{format_thai_date(local)} เวลา {local:%H.%M} น."


def format_english_date(value, style="long"):
    """The Common Era for English pages: ``15 March 2024``, short ``15 Mar 2024``."""
    day = local_date(value)
    return day.strftime("%-d %b %Y" if style == "short" else "%-d %B %Y")


def fiscal_year(value):
    """The Thai fiscal year (1 October – 30 September) of a date, as its Buddhist Era label."""
    day = local_date(value)
    return day.year + BE_OFFSET + (1 if day.month >= 10 else 0)


def fiscal_year_bounds(year_be):
    """First and last day of fiscal year ``year_be`` (e.g. 2568 → 1 Oct 2024 … 30 Sep 2025)."""
    end_year = year_be - BE_OFFSET
    return datetime.date(end_year - 1, 10, 1), datetime.date(end_year, 9, 30)


def parse_be_year(value):
    """The Buddhist Era year typed in a filter (Thai or Arabic digits), or None.

    A Common Era year (as English pages show dates) is converted; anything else is ignored.
    """
    text = arabic_digits(value or "").strip()
    if not _FOUR_DIGITS.fullmatch(text):
        return None
    year = int(text)
    if MIN_YEAR_BE - BE_OFFSET <= year <= MAX_YEAR_BE - BE_OFFSET:
        year += BE_OFFSET
    return year if MIN_YEAR_BE <= year <= MAX_YEAR_BE else None
