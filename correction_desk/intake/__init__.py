"""Readers sending reports: the form, its checks against abuse, storing a
report once, grouping it, and the reader's private status page.
"""
