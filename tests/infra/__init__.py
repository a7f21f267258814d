"""Tests of the shared test fixtures themselves (worker, browser, axe-core, keyboard)."""
