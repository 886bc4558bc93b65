"""What the desk needs of a web site's plumbing, kept in the app so that it
depends on nothing outside itself: numbers parsed from requests, JSON that
stays text, the one checked HTTP client, tasks queued with the data they are
about, and word diffs. A project's other apps may use them too (ours do,
through newsroom/*.py)."""
