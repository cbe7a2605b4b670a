"""The version of LiSKG, as pyproject.toml gives it: the manifest records it, `liskg --version` prints it."""

__version__ = "1.2.0"
