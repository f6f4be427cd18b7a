"""Detectors: pure functions from text to spans with a kind, a score and an explanation."""
