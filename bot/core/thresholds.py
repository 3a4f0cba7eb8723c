"""How close typed text must come to what the corpus prints to count as a match: every fuzzy threshold."""

# rapidfuzz scores run from 0 to 100. WRatio scores a short text found inside a longer one at 90 (its
# partial_ratio, scaled by 0.9), so 80 accepts a part typed with a slip or two; 60 is loose, for ranking only.

# /quote speaker: fuzz.ratio of each typed word against each word of a speaker's name ('zelenksy' → Zelensky,
# 'kofmann' → Kofman); every typed word must reach it.
SPEAKER_WORD = 80

# Autocomplete of speaker names: WRatio of what was typed against each folded name; below it a name is not
# offered (names that start with the typed letters are offered anyway).
SPEAKER_CHOICE = 60

# article: options: WRatio of the typed text against each folded headline, the last resort of
# bot.core.lookup after ids and headline parts; the best headline must reach it...
HEADLINE_GUESS = 80
# ...and lead the runner-up by this many points, else the typed text names no article.
HEADLINE_GUESS_LEAD = 5

# /article search: fuzz.ratio of the query's headline key against a candidate's. Above it the headline
# counts as typed nearly in full and gets a bonus growing to its full size at 100.
HEADLINE_TYPED = 60

# Typo correction of query words against corpus words (bot.core.search.vocabulary): edits allowed (OSA distance: a
# swap of neighbours is one edit), and in a word of LONG_WORD letters or more that has no corpus word so close,
# edits allowed by Levenshtein distance.
TYPO_EDITS = 1
LONG_WORD = 6
LONG_WORD_EDITS = 2
