import unicodedata

KEPT_CONTROL_CHARACTERS = {"\n", "\t"}


def clean_text(value: str) -> str:
    """Drop control characters (NUL included) a reader cannot have meant to type.

    PostgreSQL refuses NUL in text, and other C0/C1 controls only hide or garble
    text. Format characters (right-to-left marks, emoji joiners) are kept.
    """
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(
        char
        for char in value
        if char in KEPT_CONTROL_CHARACTERS or unicodedata.category(char) != "Cc"
    )
