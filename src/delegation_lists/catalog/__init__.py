"""All documents of a catalog tree, indexed: the jurisdiction tree, departments, entries with their sources."""

from .catalog import Catalog
from .entry import Entry, Place
from .loading import load_catalog

__all__ = ["Catalog", "Entry", "Place", "load_catalog"]
