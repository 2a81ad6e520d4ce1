"""Legal bases as data: citations parsed from `legal_basis`, duty `basis` and `delegation.basis` lines
(`parse.py`, `refs.py`, `numerals.py`), laws known by several titles (`titles.py` with `titles.yaml`), and the
index of the laws a catalog cites (`index.py`, `query.py`, results in `results.py`)."""
