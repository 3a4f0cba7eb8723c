"""Time expressions: the rules that find them, anchoring, holidays, periods as users type them."""
