"""Visits: invitations, check-in, walk-ins, sign-out, badges, deliveries, agreements."""
