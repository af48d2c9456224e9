"""The kiosk's flow: which screen shows and what a scan or a tap does."""
