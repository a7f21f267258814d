"""The city tour XBlock ``fd_city_tour``: a tour of 360° and flat scenes with hotspots and questions."""
