"""Office supplies at the front desk: items, the stock ledger, requisitions, purchases, stocktakes."""
