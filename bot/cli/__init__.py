"""The operator's command line: the offline console, corpus check and export, the database tools."""
