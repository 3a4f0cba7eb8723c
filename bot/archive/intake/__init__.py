"""Where outside bytes come in: pages fetched by address, uploads, followed feeds."""
