"""One gateway per front end and area: each method is one service call in one unit of work."""
