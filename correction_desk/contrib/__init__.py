"""Ready-made parts for hosts built on other frameworks (Wagtail)."""
