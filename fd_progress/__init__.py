"""Participation targets (Open edX plugin app)."""
