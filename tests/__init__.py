"""Test suites of Firenze Digitale for Open edX (pytest)."""
