"""What partners hear: signed webhooks for every published, amended and
withdrawn note.
"""
