"""Benchmarks that print tables; run each as `python -m benchmarks.NAME` (see its docstring)."""


def markdown_table(header: list[str], rows: list[list[str]]) -> str:
    """Rows as a Markdown table, ready for a closing note."""
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in rows])
