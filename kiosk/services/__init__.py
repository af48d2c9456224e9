"""Business rules. No Qt here: plain values in, plain data out, one transaction per user action."""
