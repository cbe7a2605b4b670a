"""Test-only tools (not shipped in the package)."""
