"""Excel workbooks: a small workbook model (sheets of rows) and one writer for every command that writes xlsx."""
