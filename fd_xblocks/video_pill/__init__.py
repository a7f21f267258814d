"""The video pill XBlock: captioned, accessible micro-lessons with checkpoints and honest completion."""
