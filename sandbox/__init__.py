"""A small Django site that plays the LMS's part through Open edX's public contracts."""
