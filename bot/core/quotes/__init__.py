"""Quotations and who said them: marks, cues, attribution, speakers and their names."""
