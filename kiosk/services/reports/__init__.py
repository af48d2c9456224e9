"""Figures and exports over the front desk's records."""
