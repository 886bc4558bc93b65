"""Corrections in the formats the news business reads: NewsML-G2 and ninjs."""
