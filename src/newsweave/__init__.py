"""newsweave: many outlets' coverage of world events, fused into one record with provenance."""

__version__ = "0.1.0"
