"""From a report to fixed text: the passage found in the source, the fix desk's
page, the fix applied through the content's adapter, and the question on
edits made outside the desk.
"""
