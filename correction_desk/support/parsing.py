"""Numbers from the outside world: parsed in one place, never a 500.

`str.isdigit()` accepts "²" and "①", which `int()` refuses, and a 23-digit number
passes both but overflows the database's integer. Here a number is ASCII digits
only (no sign, space, decimal point or other script's digits) within the range of
PostgreSQL's integer, so that every part of the site reads a value the same way.
"""

import re

from django import forms
from django.core.exceptions import ValidationError

MAX_INTEGER = 2**31 - 1


class WholeNumberField(forms.IntegerField):
    """A form field for ids, page and version numbers: 1 up to MAX_INTEGER."""

    default_validators = []

    def __init__(self, *, min_value=1, max_value=MAX_INTEGER, **kwargs):
        super().__init__(min_value=min_value, max_value=max_value, **kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        value = str(value)
        if len(value) > 10 or not _DIGITS.fullmatch(value):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return int(value)


_DIGITS = re.compile("[0-9]+")
_FIELD = WholeNumberField()


def whole_number(value) -> int | None:
    """Return `value` as a whole number from 1 up, or None if it is not one."""
    try:
        return _FIELD.clean(value)
    except ValidationError:
        return None
