"""Problems: the Problem record, severities, every DL code as data, and which codes a run selects.

Imports nothing else of the package: the loader, the rules and the renderers all meet here.
"""

from .codes import CODES, CodeInfo, problem
from .message import LANGS, Lang, Message, MessageError, language, msg, use_language
from .problem import ERROR, SEVERITIES, WARNING, Loc, Problem, Related, Severity, by_file, format_path
from .selection import Selection

__all__ = [
    "CODES", "ERROR", "LANGS", "SEVERITIES", "WARNING", "CodeInfo", "Lang", "Loc", "Message", "MessageError", "Problem", "Related", "Selection",
    "Severity",
    "by_file", "format_path", "language", "msg", "problem", "use_language",
]
