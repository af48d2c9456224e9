"""The receptionist's desk (kiosk-admin): sign-in, the shell with its navigation, and one view per area."""
