"""XBlock ``fd_data_exercise``: a question graded from a real dataset, with an accessible data table."""
