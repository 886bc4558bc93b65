"""The public record: notes published, amended and withdrawn; the log, the
feeds, the JSON record and the links to corrected words; and which cached
pages they make stale.
"""
