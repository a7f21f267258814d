"""Grade signals of the LMS that public plugins (edx-completion) connect to."""
