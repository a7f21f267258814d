"""Views of fd_classroom: the pupils' pages (join, follow, answer) and the teacher's pages."""
