"""Pure answer logic: never imports discord."""
