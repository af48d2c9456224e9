"""The Qt front ends: the visitor kiosk (``ui.kiosk``) and the receptionist's window (``ui.admin``)."""
