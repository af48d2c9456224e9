"""Parcels received for staff and outgoing mail at the front desk (the parcels issue)."""
