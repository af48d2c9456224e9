"""One module per kiosk screen: widgets only, signals out, no service calls."""
