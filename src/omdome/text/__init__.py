"""Text utilities below the detectors: normalisation, segmentation, language, readability."""
