"""Extractor version stored with every article: bump when extraction output changes."""

EXTRACTOR_VERSION = "0.1.0"
