"""Reply objects and the layout Discord and the console both show, within the platform limits."""
