"""The receptionist's window: today's visitors, approvals, check-in and sign-out by hand, the roster."""
