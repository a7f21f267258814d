"""fd_classroom: class sessions of the city tour led by a teacher, joined by pupils without an account."""
