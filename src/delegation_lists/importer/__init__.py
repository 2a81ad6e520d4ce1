"""`dlists import`: existing Excel, CSV and JSON lists -> catalog YAML (tables -> rows -> items -> files)."""
