"""Badge printers: ESC/POS rendering, sanitising, status parsing and the transports that carry the bytes."""
