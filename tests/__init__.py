"""Test suites, one folder per package, plus end-to-end and benchmarks."""
