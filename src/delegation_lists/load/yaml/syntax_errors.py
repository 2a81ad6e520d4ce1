"""PyYAML/libyaml errors -> located LoadErrors with a short human message naming the usual cause."""

from __future__ import annotations

import yaml

from ...problems.message import Message, msg
from ..errors import LoadError
from ..text import position
from .builder import MAX_DEPTH

#: (fragment of the parser's message, the message key that tells the user what it means)
HINTS: tuple[tuple[str, str], ...] = (
    ("cannot start any token", "DL001.cannot_start"),
    ("mapping values are not allowed", "DL001.mapping_values"),
    ("could not find expected ':'", "DL001.expected_colon"),
    ("did not find expected key", "DL001.expected_key"),
    ("did not find expected '-' indicator", "DL001.expected_dash"),
    ("found another document", "DL005.several"),
    ("found undefined alias", "DL001.undefined_alias"),
    ("found unexpected end of stream", "DL001.end_of_stream"),
    ("found unknown escape character", "DL001.unknown_escape"),
    ("did not find expected ',' or ']'", "DL001.unclosed_bracket"),
    ("did not find expected ',' or '}'", "DL001.unclosed_brace"),
    ("found duplicate anchor", "DL001.duplicate_anchor"),
    ("block sequence entries are not allowed", "DL001.block_entry"),
)


def _hint(problem: str, context: str | None) -> Message:
    for fragment, key in HINTS:
        if fragment in problem:
            return msg(key)
    if context and context not in problem:
        return msg("DL001.parser_context", problem=problem, context=context)
    return msg("DL001.parser", problem=problem)


def describe_yaml_error(exc: yaml.YAMLError, text: str, byte_offsets: bool = False) -> LoadError:
    """The LoadError (code, message, line, column) for a PyYAML exception raised while composing `text`.
    `byte_offsets`: a reader error's position counts UTF-8 bytes (libyaml's), not characters."""
    if isinstance(exc, yaml.reader.ReaderError):
        at = exc.position
        if isinstance(at, int) and byte_offsets:
            at = len(text.encode("utf-8", "surrogatepass")[:at].decode("utf-8", "ignore"))
        line, column = position(text, at) if isinstance(at, int) else (0, 0)
        char = exc.character
        shown = f"{char:#06x}" if isinstance(char, int) else repr(char)
        return LoadError("DL001", msg("DL001.control_char", char=shown), line, column)
    if not isinstance(exc, yaml.MarkedYAMLError):
        return LoadError("DL001", msg("DL001.parser", problem=str(exc).splitlines()[0]) if str(exc) else msg("DL001.invalid"))
    problem = exc.problem or exc.context or "invalid YAML"
    # an unclosed quote or bracket is best shown where it opens, not at the end of the file
    prefer_context = "end of stream" in problem and exc.context_mark is not None
    mark = exc.context_mark if prefer_context else (exc.problem_mark or exc.context_mark)
    line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    if mark is not None and "cannot start any token" in problem:
        ch = text[mark.index] if 0 <= mark.index < len(text) else ""
        if ch == "\t":
            return LoadError("DL001", msg("DL001.tab"), line, column)
        if ch in "@`":
            return LoadError("DL001", msg("DL001.reserved_start", char=repr(ch)), line, column)
    if "maximum nesting depth" in problem:  # libyaml >= 0.2.6 (PyYAML 6.0.4 wheels) bounds flow nesting itself
        return LoadError("DL006", msg("DL006.too_deep_loader", max=MAX_DEPTH), line, column)
    message = _hint(problem, exc.context)
    return LoadError("DL005" if message.key == "DL005.several" else "DL001", message, line, column)
