"""DigComp self-assessment (Open edX plugin app)."""
