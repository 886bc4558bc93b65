"""Other hosts of the desk, each a small site of its own with its own settings."""
