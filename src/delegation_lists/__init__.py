"""delegation-lists: validate, reconcile, diff and export administrative power-delegation lists."""

__version__ = "0.1.0"
