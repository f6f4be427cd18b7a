"""Recognizers for personal data, one per file; ``omdome.detect.personal_data`` runs them."""
