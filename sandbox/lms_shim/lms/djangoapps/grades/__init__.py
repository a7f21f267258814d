"""The part of the LMS namespace that edx-completion's plugin configuration names."""
