"""Web front ends: the host-reply pages (and, later, pre-registration)."""
