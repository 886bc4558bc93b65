"""Our page templates as the browser needs them: without their indentation.

Indentation makes a template readable and was a twentieth of an article page's
bytes, which count against its 30 KB budget (tests/test_page_weight.py).
It is taken off each line of the template's source, once, when the template is
loaded, so rendering costs nothing more and no value a template shows (an
article's text, what a reader typed) is touched. Only `.html` templates outside
`admin/` are dedented: the admin's hold `<pre>` and `<textarea>`, and the
e-mails are plain text whose layout is theirs.
"""

import re

from django.template.loaders.app_directories import Loader as AppDirectoriesLoader
from django.template.loaders.filesystem import Loader as FilesystemLoader

INDENTATION = re.compile(r"^[ \t]+", re.M)
BLANK_LINES = re.compile(r"\n{2,}")


def dedent(source: str) -> str:
    return BLANK_LINES.sub("\n", INDENTATION.sub("", source))


class Dedenting:
    def get_contents(self, origin):
        contents = super().get_contents(origin)
        name = origin.template_name or ""
        if name.endswith(".html") and not name.startswith("admin/"):
            return dedent(contents)
        return contents


class DedentingLoader(Dedenting, FilesystemLoader):
    """templates/"""


class DedentingAppLoader(Dedenting, AppDirectoriesLoader):
    """The apps' templates: crispy-forms' render the report form."""
