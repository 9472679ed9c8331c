"""Tools for building, serving and measuring the app; run from the repository root."""
