"""Tutor plugin for Firenze Digitale for Open edX."""
