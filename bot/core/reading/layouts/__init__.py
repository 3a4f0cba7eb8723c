"""Layouts of pasted and exported text that need reading of their own: wire copy, transcripts, records, threads."""
