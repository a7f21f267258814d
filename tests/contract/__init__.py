"""Tests of the public contracts with Open edX, on the sandbox."""
