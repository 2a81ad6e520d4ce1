"""A validation run: the report, locating problems, and the strategies that give the same report faster
(the kept state of the last run, incremental re-checking, shards in worker processes)."""

from .report import Report
from .run import check, check_catalog, run_rules
from .strategy import validate

__all__ = ["Report", "check", "check_catalog", "run_rules", "validate"]
