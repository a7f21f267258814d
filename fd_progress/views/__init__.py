"""Pages of fd_progress: the staff dashboard, the public page and the open-data downloads."""
