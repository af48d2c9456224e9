"""Plain domain types: enums, outcomes and value objects every layer may import (no ORM, no Qt)."""
