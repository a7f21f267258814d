"""XBlock ``fd_message_inspector``: "spot the scam" exercises on messages drawn as a phone shows them."""
