"""The hidden corner, the PIN pad and the maintenance panel."""
