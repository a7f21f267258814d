"""``PROBLEM_WEIGHTED_SCORE_CHANGED``: edx-completion's plugin connects its receiver to this path.

Only on the sandbox's path when no real ``lms`` package is importable; the sandbox sends it when a
block's score changes, with the arguments the LMS sends.
"""
from django.dispatch import Signal

PROBLEM_WEIGHTED_SCORE_CHANGED = Signal()
