"""Meeting rooms: rooms, bookings, the day board, preparation, after-use inspection and the reports."""
