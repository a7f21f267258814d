"""Views of fd_badges: public pages and documents, the learner's badges, staff tools."""
