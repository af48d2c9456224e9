"""Badges drawn with QPainter: PNG previews, PDFs, and OS/CUPS label printers (Brother, Dymo)."""
