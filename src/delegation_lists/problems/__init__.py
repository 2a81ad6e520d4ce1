"""Problems: the Problem record, severities, every DL code as data, and which codes a run selects.

Imports nothing else of the package: the loader, the rules and the renderers all meet here.
"""

from .codes import CODES, CodeInfo
from .problem import ERROR, SEVERITIES, WARNING, Loc, Problem, Severity, format_path
from .selection import Selection

__all__ = ["CODES", "ERROR", "SEVERITIES", "WARNING", "CodeInfo", "Loc", "Problem", "Selection", "Severity", "format_path"]
