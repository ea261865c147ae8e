"""Protokollant: German meeting minutes (.docx) to decisions, tasks, topics and institutions."""

__version__ = "0.1.0"
