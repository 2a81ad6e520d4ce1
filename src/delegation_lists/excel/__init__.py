"""Excel: a workbook model (sheets of rows), one writer (xlsxwriter, streaming), the export templates, and the
reader used by `dlists import` (openpyxl)."""
