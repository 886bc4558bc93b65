"""The desk on Wagtail pages.

Register your page model with `PageAdapter` (a subclass names its fields), and
add "correction_desk.contrib.wagtail" to INSTALLED_APPS: it puts the desk in
Wagtail's admin menu, and hears Wagtail's publications (a fix a moderation
workflow approved takes its note public with it).
"""
