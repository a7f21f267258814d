"""Views of fd_assistance: citizens' pages (``public``) and the facilitator's agenda (``agenda``)."""
