import time

from correction_desk.intake.stamps import make_stamp


def report_post(article, seconds_ago: float = 30, **overrides) -> dict:
    """Return the POST data a reader's browser sends after reading for a while."""
    data = {
        "passage": "rund 8000 Soldaten",
        "context_before": "Nordkorea inzwischen ",
        "context_after": " in die russische Grenzregion",
        "article_revision": str(getattr(article, "revision", 1)),
        "description": "Die Zahl stimmt nicht.",
        "suggestion": "",
        "source_url": "",
        "name": "",
        "email": "",
        "website": "",
        "stamp": make_stamp(article, issued_at=time.time() - seconds_ago),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def report_url(article) -> str:
    return f"/melden/articles.article/{article.pk}/"
