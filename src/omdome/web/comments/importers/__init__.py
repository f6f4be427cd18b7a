"""Importers for other comment systems' exports (Disqus XML, WordPress WXR).

The parsers are plain functions from a file to ImportedComment records; ``store`` puts
those records through the same triage as new comments.
"""
