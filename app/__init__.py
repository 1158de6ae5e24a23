"""Quorate: an offline desktop companion for board meetings."""

__version__ = "0.1.0"
