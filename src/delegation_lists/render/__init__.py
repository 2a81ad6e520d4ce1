"""Renderers that turn results into text for machines (JSON, GitHub annotations, SARIF, Markdown).

They only format; nothing here computes results or prints. The terminal (rich) renderers live in the CLI.
"""
