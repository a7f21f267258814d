"""The REST API of fd_progress (Django REST framework, described by drf-spectacular)."""
