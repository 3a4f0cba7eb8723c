"""Pure command handlers: options in, neutral Reply out."""
