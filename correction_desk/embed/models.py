"""Sites that do not run Django, and their pages, as content the desk reaches."""

import secrets
import urllib.parse

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


def new_site_key() -> str:
    return secrets.token_hex(12)


def origin_of(url: str) -> str:
    """`scheme://host[:port]` of an address, lower case; "" if it has none."""
    try:
        parts = urllib.parse.urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return ""
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return ""
    host = parts.hostname.lower()
    default = {"http": 80, "https": 443}[parts.scheme]
    return f"{parts.scheme}://{host}" + (f":{port}" if port and port != default else "")


class EmbedSite(models.Model):
    """A newsroom's site that shows our form and notes through the embed."""

    name = models.CharField(_("name"), max_length=100)
    origins = models.TextField(
        _("origins"),
        help_text=_(
            "One per line, as the browser writes them: https://www.example-zeitung.de"
        ),
    )
    language = models.CharField(_("language"), max_length=15, default="de")
    desk = models.CharField(_("desk"), max_length=100, blank=True)
    text_selector = models.CharField(
        _("article text (CSS selector)"),
        max_length=200,
        blank=True,
        help_text=_(
            "Where the article's text is on its pages: article, #text or "
            ".article-body. Empty: the whole page."
        ),
    )
    ignore_query = models.BooleanField(
        _("a page's query string does not make it another page"), default=True
    )
    same_www = models.BooleanField(
        _("www.example.de and example.de are the same"), default=True
    )
    same_scheme = models.BooleanField(
        _("http:// and https:// are the same"), default=True
    )
    key = models.CharField(
        max_length=24, unique=True, default=new_site_key, editable=False
    )
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("embedding site")
        verbose_name_plural = _("embedding sites")

    def __str__(self):
        return self.name

    def origin_list(self) -> list[str]:
        return [origin_of(line) for line in self.origins.splitlines() if line.strip()]

    def clean(self):
        lines = [line for line in self.origins.splitlines() if line.strip()]
        bad = [
            line
            for line in lines
            if origin_of(line) != line.strip().rstrip("/").lower()
        ]
        if not lines or bad:
            raise ValidationError(
                {"origins": _("Each line is an origin such as https://www.example.de.")}
            )

    def _comparable(self, origin: str) -> str:
        scheme, _, host = origin.partition("://")
        if self.same_www and host.startswith("www."):
            host = host[4:]
        return host if self.same_scheme else f"{scheme}://{host}"

    def registered_origin(self, origin: str) -> str | None:
        """The registered origin `origin` is, by the site's rules; None if none."""
        wanted = self._comparable(origin)
        for mine in self.origin_list():
            if self._comparable(mine) == wanted:
                return mine
        return None

    def allows_origin(self, origin: str) -> bool:
        return self.registered_origin(origin) is not None

    def page_address(self, url: str) -> str | None:
        """The page's address as the desk keeps it, at the origin as registered
        (two addresses of one page give one), or None if it is not a page of
        this site."""
        mine = self.registered_origin(origin_of(url)) if len(url) <= 2000 else None
        if mine is None:
            return None
        parts = urllib.parse.urlsplit(url.strip())
        query = "" if self.ignore_query else parts.query
        scheme, host = mine.split("://", 1)
        return urllib.parse.urlunsplit((scheme, host, parts.path or "/", query, ""))


class ExternalPage(models.Model):
    """A page of an embedding site, as the desk knows it: its address, and its
    headline and text as last fetched from the site itself."""

    site = models.ForeignKey(
        EmbedSite,
        verbose_name=_("site"),
        on_delete=models.PROTECT,
        related_name="pages",
    )
    url = models.URLField(_("address"), max_length=2000)
    title = models.CharField(_("headline"), max_length=500, blank=True)
    text = models.TextField(_("text as fetched"), blank=True)
    fetched_at = models.DateTimeField(_("fetched at"), null=True, blank=True)
    fetch_error = models.CharField(_("could not fetch"), max_length=300, blank=True)
    first_seen = models.DateTimeField(_("first seen"), auto_now_add=True)

    class Meta:
        ordering = ["-first_seen"]
        verbose_name = _("page of an embedding site")
        verbose_name_plural = _("pages of embedding sites")
        constraints = [
            models.UniqueConstraint(fields=["site", "url"], name="embed_page_once")
        ]

    def __str__(self):
        return self.title or self.url

    def get_absolute_url(self):
        return self.url
