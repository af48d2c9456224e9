"""The ``kioskctl`` commands, one module per area; ``kiosk.cli`` builds the parser and runs them."""
