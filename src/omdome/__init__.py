"""Omdöme: an organisation's social-media policy as working software."""

__version__ = "0.1.0"
