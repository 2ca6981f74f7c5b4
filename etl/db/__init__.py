"""Warehouse access: connection (embedded or configured), schema, migrations."""
