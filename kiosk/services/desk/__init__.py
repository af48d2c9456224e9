"""Desk records: what the front desk keeps and tells. Notices now; messages and complaints later."""
