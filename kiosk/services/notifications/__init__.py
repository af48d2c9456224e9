"""Delivering the outbox, and the host-reply links that notices carry."""
