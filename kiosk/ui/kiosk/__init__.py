"""The visitor's touchscreen: one module per screen, a flow controller that moves between them."""
