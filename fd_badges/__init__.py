"""Digital badges (Open edX plugin app)."""
