"""The DigComp self-assessment XBlock (``fd_digcomp_assessment``)."""
