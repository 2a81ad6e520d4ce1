"""YAML text -> Python values: the libyaml path (parse.py, builder.py), the rapidyaml path that answers only
when it gives the same data (rapid.py, rapid_checks.py), PyYAML's scalar rules (scalars.py), human messages
for syntax errors (syntax_errors.py), and places of paths in a text (marks.py, item_lines.py)."""
