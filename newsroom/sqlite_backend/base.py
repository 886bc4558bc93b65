"""Django's SQLite backend, each statement's placeholders converted once.

Django writes "%s" where SQLite takes "?", and its backend converts a statement
with a regular expression every time it runs it. The regular expression looks
at each character of the statement, and the article page's statements are
long: converting them took its render from 7.96 to 8.69 million instructions
(bench/RESULTS.md, "The render a fifth lighter").
A statement always converts to the same text, so the conversion is kept, for
a bounded number of statements.
"""

from functools import lru_cache

from django.db.backends.sqlite3 import base


@lru_cache(maxsize=1024)
def _in_qmark_style(query: str) -> str:
    return base.FORMAT_QMARK_REGEX.sub("?", query).replace("%%", "%")


class SQLiteCursorWrapper(base.SQLiteCursorWrapper):
    def convert_query(self, query, *, param_names=None):
        if param_names is None:
            return _in_qmark_style(query)
        return super().convert_query(query, param_names=param_names)


class DatabaseWrapper(base.DatabaseWrapper):
    def create_cursor(self, name=None):
        return self.connection.cursor(factory=SQLiteCursorWrapper)
