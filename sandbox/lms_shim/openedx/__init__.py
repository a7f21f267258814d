"""LMS module paths that public Open edX libraries import; the sandbox answers them."""
