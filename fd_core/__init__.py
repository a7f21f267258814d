"""Plumbing shared by the suite's plugin apps: plugin configuration, privacy and sanitising helpers."""
