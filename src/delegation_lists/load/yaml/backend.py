"""Which YAML parsers are installed, answered without importing the loader (for `dlists --version`)."""

from __future__ import annotations

import os

try:
    import ryml

    AVAILABLE = (0, 15) <= tuple(ryml.version_tuple[:2]) < (0, 16)  # the emitter's JSON output is tested on these
    VERSION = str(ryml.version)
except ImportError:  # pragma: no cover - the fast backend is optional
    AVAILABLE, VERSION = False, ""

#: use the fast backend (rapidyaml) when installed; DLISTS_YAML=pyyaml turns it off
FAST = AVAILABLE and os.environ.get("DLISTS_YAML", "").lower() != "pyyaml"


def libyaml() -> bool:
    """Whether PyYAML has its libyaml C extension."""
    try:
        from yaml import _yaml  # noqa: F401
    except ImportError:  # pragma: no cover - only without libyaml
        return False
    return True


def backend() -> str:
    """Which YAML parser loads files, for `--version` and the benchmarks."""
    base = "libyaml" if libyaml() else "pure-Python PyYAML"
    if FAST:
        return f"rapidyaml {VERSION}, falling back to {base}"
    return base
