"""The site, its kiosks, departments and hosts."""
