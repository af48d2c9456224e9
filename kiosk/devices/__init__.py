"""Hardware the kiosk drives: badge printers (and, later, cameras); no Qt in here."""
