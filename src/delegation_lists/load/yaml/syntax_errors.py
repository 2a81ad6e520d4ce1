"""PyYAML/libyaml error texts -> short human messages with a hint at the usual cause."""

from __future__ import annotations

import yaml

from ..text import position

#: (fragment of the parser's message, what to tell the user)
HINTS: tuple[tuple[str, str], ...] = (
    ("cannot start any token", "a character that cannot start a value here"),
    ("mapping values are not allowed", "unexpected ':' here: check the indentation, or quote a value that holds ': '"),
    ("could not find expected ':'", "a line without ':' inside a mapping: a key is missing its ':' or is indented wrongly"),
    ("did not find expected key", "indentation does not line up with the keys above"),
    ("did not find expected '-' indicator", "indentation does not line up with the list above"),
    ("found another document", "the file holds more than one YAML document ('---'); a catalog file holds one"),
    ("found undefined alias", "an alias (*name) refers to an anchor (&name) that is not defined above it"),
    ("found unexpected end of stream", "the file ends inside a quoted value or bracket: a closing quote or bracket is missing"),
    ("found unknown escape character", "an unknown backslash escape in a double-quoted value (use single quotes, or \\\\)"),
    ("did not find expected ',' or ']'", "an unclosed '[': a ',' or ']' is missing"),
    ("did not find expected ',' or '}'", "an unclosed '{': a ',' or '}' is missing"),
    ("found duplicate anchor", "an anchor (&name) is defined twice"),
    ("block sequence entries are not allowed", "a '- ' list entry where a value was expected: check the indentation"),
)


def _hint(problem: str) -> str:
    for fragment, text in HINTS:
        if fragment in problem:
            return text
    return problem


def describe_yaml_error(exc: yaml.YAMLError, text: str) -> tuple[str, str, int, int]:
    """(code, message, line, column) for a PyYAML exception raised while composing `text`."""
    if isinstance(exc, yaml.reader.ReaderError):
        line, column = position(text, exc.position) if isinstance(exc.position, int) else (0, 0)
        char = exc.character
        shown = f"{char:#06x}" if isinstance(char, int) else repr(char)
        return "DL001", f"control character {shown} is not allowed in YAML text", line, column
    if isinstance(exc, yaml.MarkedYAMLError):
        problem = exc.problem or exc.context or "invalid YAML"
        # an unclosed quote or bracket is best shown where it opens, not at the end of the file
        prefer_context = "end of stream" in problem and exc.context_mark is not None
        mark = exc.context_mark if prefer_context else (exc.problem_mark or exc.context_mark)
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        if mark is not None and "cannot start any token" in problem:
            ch = text[mark.index] if 0 <= mark.index < len(text) else ""
            if ch == "\t":
                return "DL001", "tab character: YAML indents with spaces only (replace the tab with spaces)", line, column
            if ch in "@`":
                return "DL001", f"a value cannot start with {ch!r}: put the value in quotes", line, column
        if "maximum nesting depth" in problem:  # libyaml >= 0.2.6 (PyYAML 6.0.4 wheels) bounds flow nesting itself
            return "DL006", "nesting is deeper than the loader accepts", line, column
        message = _hint(problem)
        if "found another document" in problem:
            return "DL005", message, line, column
        if exc.context and message == problem and exc.context not in problem:
            message = f"{problem} ({exc.context})"
        return "DL001", message, line, column
    return "DL001", str(exc).splitlines()[0] if str(exc) else "invalid YAML", 0, 0
