"""How reporters hand a quotation to its source: reporting verbs, speaker phrases, and the patterns around a quote."""

from __future__ import annotations

import re
from typing import Any

from bot.core.lexicon import TITLE_ABBREVIATIONS


def compile_all() -> None:
    """Compile every pattern now: in a process about to read many articles (a worker), before the first."""
    for pattern in _PATTERNS:
        pattern.search  # noqa: B018 - the first use compiles it


class _Pattern:
    """A pattern compiled when first used: these fifty, compiled at import, were a quarter of a second of every
    start, though a restarted bot may not read one quotation before it answers."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._source = (pattern, flags)
        _PATTERNS.append(self)

    def __getattr__(self, name: str) -> Any:
        value = getattr(re.compile(*self._source), name)
        setattr(self, name, value)  # found directly from now on: .search costs what a compiled pattern's does
        return value


_PATTERNS: list[_Pattern] = []


# Reporting verbs, in every tense a reporter uses ("said", "says", "has said", "told reporters").
VERB = (
    r"(?:said|says|say|asked|asks|added|adds|told(?:\s+(?:\w+\s+){0,2}?\w+)?|tells\s+\w+|explained|explains|"
    r"noted|notes|argued|argues|warned|warns|insisted|insists|replied|replies|responded|responds|declared|"
    r"declares|stated|states|wrote|writes|continued|continues|recalled|recalls|admitted|admits|acknowledged|"
    r"conceded|stressed|stresses|emphasized|emphasised|concluded|observed|remarked|tweeted|tweets|posted|"
    r"announced|announces|complained|complains|joked|jokes|quipped|cautioned|predicted|predicts|claimed|"
    r"claims|urged|urges|suggested|suggests|countered|counters|boasted|boasts|promised|promises|vowed|vows|"
    r"charged|alleged|mused|lamented|laments|agreed|recounted|reiterated|maintained|contended|repeated|"
    r"exclaimed|demanded|demands|reported|reports|wondered|explained|pressed|interjected|asserted|"
    r"answered|pleaded|shouted|yelled|testified|confirmed|confirms|thundered|scoffed|pointed\s+out|"
    r"went\s+on|put\s+it|chimed\s+in|shot\s+back|fired\s+back|snapped|cracked|proclaimed|assured|"
    r"acknowledges|insist|warn|argue|tell|write|add|sings|sang|chanted|chants)"
)
# Verbs that name something with the quoted words: the subject "calls" it that.
NAMING_VERB = (
    r"(?:called|calls|dubbed|dubs|described|describes|termed|labell?ed|branded|dismissed|dismisses|"
    r"denounced|condemned|praised|hailed|slammed|blasted|criticized|criticised|accused|attacked|urged|"
    r"pledged|vowed|promised|defended|mocked|derided|touted)"
)
_CAP_WORD = r"[A-Z][\w’'-]*"
_INITIALS = r"(?:[A-Z]\.){1,3}"
_ABBREVIATED_TITLE = rf"(?:{'|'.join(TITLE_ABBREVIATIONS)})\."
# A name, titles and initials allowed, ending in a capitalized word: "Rep. G.K. Butterfield", "Mr. Lund".
NAME = (
    rf"(?:(?:{_ABBREVIATED_TITLE}|{_INITIALS}|{_CAP_WORD})\s+){{0,7}}(?:{_CAP_WORD}|{_INITIALS}(?=\s))"
    rf"(?:,?\s+(?:Jr|Sr)\.)?"
)
PRONOUN = r"(?:[Hh]e|[Ss]he|[Ii]t)\b"  # not the start of "Henry", "Sheldon", "Italy"
# Groups and bodies by their head noun: "the ministry", "the city council", "the state environment agency".
BODY_NOUN = (
    r"(?:ministry|council|agency|department|committee|commission|company|campaign|government|office|"
    r"court|party|board|union|group|association|organi[sz]ation|administration|embassy|army|military|"
    r"police|firm|bank|foundation|institute|university|hospital|network|newspaper|paper|magazine|daily|"
    r"station|channel|league|club|alliance|coalition|federation|authority|authorities|service|bureau|"
    r"team|panel|spokesman's\s+office|Kremlin|Pentagon|Commission|Ministry|Council|Committee|Department|"
    r"Agency|Party|Campaign|Office|Court|Times|Post|Journal|News|Press|Tribune|Herald|Reuters|Bureau|"
    r"Foundation|Institute|Association|Union|Board|Fund|Bank|Group|Center|Centre|Network|PolitiFact|report|"
    r"Politifact)(?![’'\w])"
)
_BODY = (
    rf"(?:[Tt]he\s+(?:[\w’'-]+\s+){{0,3}}?{BODY_NOUN}|(?:{_CAP_WORD}\s+){{1,4}}{BODY_NOUN}|"
    rf"[Tt]he\s+(?:White\s+House|Elysée|Élysée|Vatican)|Downing\s+Street|NATO|Nato|Hamas|Moscow|Kyiv|"
    rf"[A-Z][\w-]*(?:’s|'s|’|')?\s+(?:leaders|spokesman's\s+office|government|ministry))"
)
# Somebody the text does not name: "a spokesman for the club", "one resident", "a Ukrainian gunner".
ANONYMOUS = (
    r"\b(?:[Aa]n?|[Oo]ne|[Aa]nother|[Tt]wo|[Ss]ome|[Ss]everal)\s+(?![A-Z][a-z]+\s+[A-Z])"
    rf"(?:(?!\b(?:and|but|or)\b|'')(?:{_ABBREVIATED_TITLE}|{_INITIALS}|[^,.;:“”\"`])){{1,60}}?"
)
# A name with what reporters put before it: "campaign chairman Tom Hale", "MSNBC host Chris Matthews",
# "the running mate, Gov. Lee Wong of Ohio", "Sen. Ann Roe (D-Ore.)".
# Lower-case words before a name that are verbs, not roles: "Trump attacked Clinton" is not a title.
_VERB_LIKE = (
    r"(?:[a-z]+ed|says|tells|calls|slams|blasts|attacks|urges|praises|accuses|thanks|asks|warns|told|said|"
    r"met|hit|won|beat|sent|gave|took|is|was)\b"
)
_CLAUSE_WORD = r"(?:and|but|or|as|while|when|where|then|so|because|after|before|which|who|that|if)\b"
_ROLE_WORD = rf"(?!{_CLAUSE_WORD}|{_VERB_LIKE})[a-z0-9][\w’'/-]*"
# Role words before a name, capitalized or not: "former Florida governor", "the Vatican spokesman, ".
_PREFIX = (
    rf"(?:(?!{_CLAUSE_WORD})(?:[Tt]he\s+)?(?:(?:{_CAP_WORD}(?:’s|'s)?\s+){{0,3}}{_ROLE_WORD}\s+){{1,3}}"
    rf"(?:[a-z][\w-]*,\s+)?|(?:[Tt]he\s+)?(?:{_CAP_WORD}\s+){{0,3}}[a-z][\w-]*,\s+)"
)
_PLACE = rf"(?:\s+of\s+(?:the\s+)?{_CAP_WORD}(?:\s+{_CAP_WORD}){{0,3}})?(?:\s*\([^()]{{1,30}}\))?"
ROLE_PHRASE = (
    r"(?:(?:[Tt]he\s+)?[A-Z][\w’']+(?:’s|'s)?\s+(?:president|prime\s+minister|chancellor|"
    r"foreign\s+minister|defen[cs]e\s+minister|spokesman|spokeswoman|spokesperson|leader)(?!,?\s+[A-Z]))"
)
# "the minister", "the transport minister", "the governor": a role standing for a person named earlier.
DESCRIPTION_NOUN = (
    r"(minister|governor|senator|mayor|president|chancellor|candidate|nominee|secretary|chairman|chairwoman|"
    r"director|congressman|congresswoman|businessman|general|judge|prosecutor|ambassador|manager|professor|coach|"
    r"doctor|commissioner)"
)
DESCRIPTION = rf"[Tt]he\s+(?:(?:[a-z]+|[A-Z][a-z]+)\s+){{0,2}}{DESCRIPTION_NOUN}\b"
SPEAKER = (
    rf"(?P<speaker>{ROLE_PHRASE}|{PRONOUN}|{ANONYMOUS}(?=\s*[,.;]|\s+(?:{VERB}|who|in\s+a)\b|\s*$)|"
    rf"{_PREFIX}?{NAME}{_PLACE}|{DESCRIPTION}|{_BODY})"
)
# What reporters put between a speaker and the verb: ", who chairs the panel," / ", 24," / ", the manager,".
ROLE = (
    r"(?P<role>(?!(?:as|which|when|where|while|after|before|adding|in|on|at|according|but|and|because|if)\b)"
    rf"(?!the\s+(?:[\w-]+\s+){{0,3}}?{BODY_NOUN}\s*,)"
    r"(?:[a-z0-9][^,;“”\"]{1,160}?|[A-Z][\w’'-]+\s+of\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?|"
    rf"(?:(?:{_ABBREVIATED_TITLE}|{_CAP_WORD})\s+){{0,3}}[A-Z][\w-]*(?:’s|'s|'|’)\s+[a-z][^,;“”\"]{{1,100}}?))"
)  # …, Mrs. Obama's chief of staff, said
# ", R-Ky.," / ", at a later press gaggle,": a party and state, or where and when, between name and verb.
_ASIDE = (
    r"(?:,\s+(?:[RDI]-[A-Z][\w.]*|(?:at|in|on|during|speaking|appearing|when\s+asked|asked|when\s+pressed|pressed)\b"
    r"[^,“”\"]{1,100}),)"
)
# A role may be followed by a clause about it: ", president of the teachers' union, which represents …,".
_ROLE_CLAUSE = r"(?:\s+(?:which|that)\s+[a-z][^,;“”\"]{1,100},)?"
# Up to three asides between a name and its verb: ", 59, of Ashton, Md., who watched …, said".
_STATE = r"(?:[A-Z][a-z]{1,4}\.|[A-Z]\.[A-Z]\.|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)"  # "Md.", "South Carolina"
_BETWEEN = (
    rf"(?:(?:,\s+(?:{ROLE}|{_STATE})){{1,4}},{_ROLE_CLAUSE}|{_ASIDE})?,?\s+"
    r"(?:has\s+|had\s+|have\s+|would\s+|also\s+|later\s+|then\s+)?(?:\w+ly\s+)?"
)

AFTER_VERB_FIRST = _Pattern(rf"^[,\s]*(?:\w+ly\s+)?{VERB}\s+{SPEAKER}(?:,\s+{ROLE}(?=,|\.|;|$))?")
AFTER_SPEAKER_FIRST = _Pattern(rf"^[,\s]*{SPEAKER}{_BETWEEN}{VERB}\b")
# "… said in a statement on Tuesday, “…”": a place or time may come between the verb and the words.
_CIRCUMSTANCE = r"(?:\s+(?:in|on|at|during|to|outside|after|before|from|with|via|later|afterward)\b[^“”\",:;]{0,50}?)?"
BEFORE_INTRO = _Pattern(rf"{SPEAKER}{_BETWEEN}(?P<verb>{VERB}){_CIRCUMSTANCE}(?:\s+that)?\s*[:,]?\s*$")
# What BEFORE_INTRO ends with, tried first on the last words alone: most text before a quotation has no cue.
ENDS_WITH_CUE = _Pattern(rf"\b{VERB}{_CIRCUMSTANCE}(?:\s+that)?\s*[:,]?\s*$")
BEFORE_ACCORDING = _Pattern(rf"\b[Aa]ccording\s+to\s+{SPEAKER}(?:,\s+{ROLE})?,\s*$")
AFTER_ACCORDING = _Pattern(rf"^[^“”\"]{{0,80}}?\baccording\s+to\s+{SPEAKER}(?:,\s+{ROLE})?(?=,|\.|;|\s|$)")
BEFORE_PARENTHESIS = _Pattern(rf",\s+{SPEAKER}\s+{VERB},\s")
BEFORE_INVERTED_PARENTHESIS = _Pattern(rf",\s+(?:explained|said|added|noted|argued|wrote)\s+{SPEAKER},\s*$")
# "“…,” as Cruz said on the radio, …": the words as somebody put them.
AFTER_AS = _Pattern(rf"^[,\s]*as\s+{SPEAKER}{_BETWEEN}(?:{VERB}|put\s+it)\b")
# "Nair's statement also said …": a speaker's statement, letter or tweet speaks for them.
STATEMENT = _Pattern(
    rf"(?P<speaker>{NAME})(?:’s|'s)\s+(?:\w+\s+)?(?:statement|letter|tweet|post|email|message|speech|"
    rf"remarks|report|memo)\s+(?:also\s+|then\s+)?(?:{VERB}|{NAMING_VERB})\b[^“”\"]*$"
)
# A paraphrase, then its words: "Gov. Rita Salas urged voters … before the storms: “…”".
_OPENING = r"^(?:[A-Z][A-Z .,]+\s+[—–-]+\s+)?(?:[^,“”\"]{0,80},\s+)?"  # a dateline, "In Odesa, "
# A clause's speaker after a comma or conjunction, not a preposition's object: ", of Ashford".
_NO_PREPOSITION = r"(?!(?:of|from|in|at|on|for|with|by|to|about|over)\b)"
_COLON_INTRO = rf"{SPEAKER}(?:,\s+{ROLE},)?\s+[a-z][^“”\"—]*:\s*$"  # a dash opens another clause
COLON_INTRO = _Pattern(rf"{_OPENING}{_COLON_INTRO}")
CLAUSE_COLON_INTRO = _Pattern(rf"{_NO_PREPOSITION}{_COLON_INTRO}")
# The sentence's subject speaks or names something; the quotation comes later in the same sentence.
# "Trump bemoaned the unrest and said …": a first verb phrase may come before the cue, joined by "and".
_FIRST_VERB_PHRASE = r"(?:[a-z][^“”\",;]{0,100}?\s+and\s+(?:also\s+|then\s+)?(?:has\s+|had\s+|have\s+)?)?"
_SUBJECT_VERB = rf"{SPEAKER}{_BETWEEN}{_FIRST_VERB_PHRASE}(?P<verb>{VERB}|{NAMING_VERB})\b(?P<rest>[^“”\"]*)$"
# Any verb, when nothing else in the sentence could be the source: "Cruz exhorted Republicans to “…”".
_AUXILIARY = r"(?:(?:is|was|has|had|have|will|would|also|then|once|again|still|now|even|already|repeatedly)\s+)*"
_SUBJECT_ANY_VERB = (
    rf"{SPEAKER}(?:,\s+{ROLE},)?\s+{_AUXILIARY}(?:\w+ly\s+)?(?!(?:is|was|has|does|goes)\b)"
    r"(?P<verb>[a-z]+(?:ed|es|s|ing))\b(?P<rest>[^“”\"]*)$"
)
SUBJECT_ANY_VERB = _Pattern(rf"^{_SUBJECT_ANY_VERB}")
SUBJECT_ANY_VERB_LATER = _Pattern(rf"{_OPENING}{_SUBJECT_ANY_VERB}")  # "Earlier this week, Clinton shared …"
SUBJECT_VERB = _Pattern(rf"^{_SUBJECT_VERB}")
SUBJECT_VERB_LATER = _Pattern(rf"{_OPENING}{_SUBJECT_VERB}")  # after a dateline or "In Odesa, "
# A later clause of the sentence with a speaker and a cue of its own: "…, when the candidate Ann Roe
# suggested that …", "…, and Roe told reporters …". Tried (anchored) where each clause starts.
CLAUSE_START = _Pattern(
    r",\s+|:\s+|[—–]\s*|\s--\s+|^(?:And|But|So|Yet|Now)\s+(?:then\s+|later\s+|also\s+)?|"
    r"\b(?:when|as|after|because|since|while|where|and|but|until|before|which|what)\s+"
)
CLAUSE_SUBJECT_VERB = _Pattern(
    rf"{_NO_PREPOSITION}{SPEAKER}{_BETWEEN}(?P<verb>{VERB}|{NAMING_VERB})\b"
    r"(?P<rest>[^“”\"]*)$"
)
# Between two quotations of one speaker in one sentence: "called the bill “…” and said “…”".
AND_SAID = _Pattern(rf"^[\s,]*(?:and|but)\s+(?:then\s+)?(?:also\s+)?{VERB}(?:\s+that)?\s*[:,]?\s*$")
NAMING_VERB_ONLY = _Pattern(NAMING_VERB)
HANDS_OVER = _Pattern(rf"\b(?:{VERB}|{NAMING_VERB}|but|while|whereas|whom?|according)\b")
SPEECH_CUE = _Pattern(rf"\b{VERB}\b|:\s*$")
PRONOUN_ONLY = _Pattern(PRONOUN)
# A noun after a speaker phrase that makes the phrase its modifier: "The Florida senator", "the Clinton campaign".
HEAD_NOUN_AFTER = _Pattern(rf"\s+(?:{DESCRIPTION_NOUN}|campaign|team|camp|administration|government)\b")
DESCRIPTION_ONLY = _Pattern(DESCRIPTION)
BODY_ONLY = _Pattern(_BODY)
ANONYMOUS_ONLY = _Pattern(ANONYMOUS)
ROLE_PHRASE_ONLY = _Pattern(ROLE_PHRASE)
ROLE_AFTER = _Pattern(rf",\s+{ROLE}(?:,|\.|;|$)", re.M)  # after a name: ", a former official,"
# "“…” of the plan, Mr. Holtz-Eakin said." / a sentence before a bare quotation: "…, Schiff said."
TRAILING = _Pattern(rf"^[^“”\"]{{0,120}}?,\s+{SPEAKER}{_BETWEEN}{VERB}\b[^“”\"]{{0,80}}$")
# "“…” since so many cases were close, said Lee Epstein, who teaches law.": the verb first, ending the sentence.
TRAILING_SAID = _Pattern(
    rf"^[^“”\"]{{0,250}}?,\s+(?:\w+ly\s+)?{VERB}\s+(?!(?:of|about|to|with|for)\b){SPEAKER}"
    rf"(?:,\s+(?:{ROLE}|{_STATE})){{0,3}}\s*[.;]?\s*$"
)
# What may follow the cue in a sentence that only names a quotation's speaker: "Trump said on Tuesday."
FRAGMENT_END = _Pattern(rf"(?:\s+[A-Z][a-z]+day\b)?{_CIRCUMSTANCE}\s*[.!]\s*$")
# After dialogue's comma, "!" or "?", any verb in the past tense is how the words were said: "“…!” beamed Ann
# Roe", "“…,” Roe barked".
AFTER_DIALOGUE_SPEAKER_FIRST = _Pattern(rf"^\s*{SPEAKER}\s+(?:\w+ly\s+)?[a-z]{{3,}}ed\b")
AFTER_DIALOGUE_VERB_FIRST = _Pattern(rf"^\s*[a-z]{{3,}}ed\s+{SPEAKER}(?=[\s,.;]|$)")
# The verb first, capitalized: "Said Ann Roe, who …, “…”", "Continued Roe: “…”".
INVERTED_VERBS = (
    "Said Says Added Adds Wrote Writes Asked Asks Continued Stated Noted Explained Replied Responded Countered "
    "Declared Concluded Tweeted Warned Insisted Recalled Argued Observed Quipped Joked Remarked Answered "
    "Cautioned Offered Reflected"
).split()
_INVERTED_VERB = rf"(?:{'|'.join(INVERTED_VERBS)})"
BEFORE_INVERTED = _Pattern(rf"(?:^|[.;]\s+){_INVERTED_VERB}\s+{SPEAKER}(?:,\s+{ROLE})?\s*[:,]\s*$")
AFTER_DASH = _Pattern(rf"^\s*[―—–-]+\s*{SPEAKER}(?:,\s+{ROLE})?\s*\.?\s*$")  # on the rest of the paragraph
# "… went on about “…,” and “…,” and “…,” Melanie said yes": a quotation in a list belongs to the list's verb.
IN_A_LIST = _Pattern(r"[”\"'],?\s+(?:and|or)\s*$|[”\"'],\s*$")
# "Trump attacked Clinton …, saying, “…”": the subject says it.
SUBJECT_SAYING = _Pattern(
    rf"{_OPENING}{SPEAKER}(?:,\s+{ROLE},)?\s+(?:also\s+)?[a-z][^“”\"]*?,\s+(?:saying|adding|noting|writing|"
    rf"declaring|insisting|arguing|warning|explaining|telling\s+\w+)(?:\s+that)?\s*[:,]?\s*$"
)
# The subject's words reported after a participle: "Trump unleashed tweets Friday saying that Clinton had
# shown bad judgment in using Machado “as a paragon of virtue.”", "Sanders said, going on to say that …".
PARTICIPLE = (
    r"(?:saying|adding|noting|writing|declaring|insisting|arguing|warning|explaining|claiming|suggesting|"
    r"asserting|contending|complaining|predicting|promising|vowing|going\s+on\s+to\s+say|telling\s+\w+|"
    r"calling|describing|labell?ing|branding|dubbing|urging|accusing|demanding|asking|chanting|admitting|"
    r"acknowledging|conceding|tweeting|posting|announcing|stating|replying|responding)"
)
PARTICIPLE_CUE = _Pattern(rf"\b{PARTICIPLE}\b")
_SUBJECT_PARTICIPLE = rf"{SPEAKER}{_BETWEEN}(?P<first>[a-z][^“”\"]*?)[\s,]+{PARTICIPLE}\b(?P<rest>[^“”\"]*)$"
SUBJECT_PARTICIPLE = _Pattern(rf"(?:{_OPENING})??{_SUBJECT_PARTICIPLE}")
CLAUSE_PARTICIPLE = _Pattern(rf"{_NO_PREPOSITION}{_SUBJECT_PARTICIPLE}")
# "… Trump's claim that there have been “…”": the words of a claim, promise or charge are its maker's.
_CLAIM = (
    r"(?:’s|'s)\s+(?:\w+\s+)?(?:claim|assertion|argument|promise|pledge|charge|accusation|insistence|vow|"
    r"warning|prediction|boast|suggestion|contention|remark|comment)s?\s+(?:that|about)\b"
)
CLAIM_THAT = _Pattern(rf"(?P<speaker>{NAME}){_CLAIM}[^“”\"]*$")
CLAIM_NOUN = _Pattern(_CLAIM)  # tried first: most text before a quotation has no claim
# Somebody seen or heard saying it: "The ad uses footage of Hillary Clinton asking, “…”".
SHOWN_SAYING = _Pattern(
    rf"\b(?:of|showing|shows|featuring|features|heard|hear|saw|see|watch|watched)\s+(?P<speaker>{NAME})\s+"
    rf"{PARTICIPLE}(?:\s+that)?\s*[:,]?\s*$"
)
# A claim attributed through the sentence: "One of the excuses Vladimir Putin has given … is that … “…”".
CLAIM = _Pattern(
    rf"\b(?:excuses?|claims?|arguments?|justifications?|pretexts?|reasons?|assertions?|lines?)\s+(?:that\s+)?"
    rf"{SPEAKER}\s+(?:has\s+|had\s+|have\s+)?(?:given|made|offered|used|cited|advanced|repeated|pushed)\b"
    rf"[^“”\"]*?\b(?:is|was|are|were)\s+that\b[^“”\"]*$"
)
# A group at a meeting: "… last year’s summit in Vilnius, Lithuania, where leaders declared that “…”".
GROUP_AT = _Pattern(
    r"(?P<place>\b(?:(?:last|this|next)\s+\w+’s\s+|the\s+|a\s+)(?:summit|meeting|conference|congress|"
    r"convention|talks)\b[^,“”\"]{0,40}(?:,\s+[A-Z][\w-]+)?),\s+(?:where|at\s+which)\s+"
    r"(?P<group>(?:[a-z]+\s+)?(?:leaders|ministers|delegates|members|allies|heads\s+of\s+state))\s+"
    r"(?:declared|agreed|pledged|resolved|vowed|stated|said|promised)(?:\s+that)?\s*[:,]?\s*$"
)
# A name right before the colon that opens its words, after its title: "… doesn't surprise pollster Daron Shaw:
# “…”", "VOTERS CARE MORE - Frank Newport:" (the word before it is checked: "asked Ann Roe:" is not hers).
NAMED_COLON = _Pattern(rf"(?P<word>[\w’'-]+\s+)?(?P<speaker>{NAME})(?:,\s+{ROLE},?)?\s*:\s*$")
NOT_BEFORE_A_SPEAKER = _Pattern(
    rf"(?:{VERB}|{NAMING_VERB}|{_VERB_LIKE}|to|for|with|against|at|toward|towards|on|about|of|and|or|than)\s+$"
)
# A sentence that is only a speaker, a title before the name, and a colon: "Passenger association chair Dan
# Mercer: “…”", "REACTION – Island councillor Priya Nair: “…”".
TITLED_COLON = _Pattern(rf"^(?:[^:“”\"]{{0,40}}?\s[–—-]+\s+)?{SPEAKER}\s*:\s*$")
# Whose words a colon opens: "Her reply, in full:", "Roe's answer was short:".
POSSESSIVE_INTRO = _Pattern(
    rf"(?:^|(?<=\s))(?P<speaker>{NAME}|[Hh]is|[Hh]er|[Ii]ts)\s+(?:\w+\s+)?(?:reply|answer|response|statement|"
    rf"message|words|verdict|explanation|comment|comments|tweet|note|email|letter|post|remarks|advice|warning)"
    rf"\b[^“”\":]{{0,30}}:\s*$"
)
# Cheap tests run first: most text before a quotation has no statement and no "saying".
STATEMENT_NOUN = _Pattern(
    r"(?:’s|'s)\s+(?:\w+\s+)?(?:statement|letter|tweet|post|email|message|speech|remarks|report|memo)\b"
)
SAYING_END = _Pattern(
    r",\s+(?:saying|adding|noting|writing|declaring|insisting|arguing|warning|explaining|telling\s+\w+)"
    r"(?:\s+that)?\s*[:,]?\s*$"
)
ANONYMOUS_SAYS = _Pattern(rf"(?P<speaker>{ANONYMOUS})\s+{VERB}")
# A sentence of its own announcing the quotation after it: "Caddell continued:", "The governor added:".
INTRODUCES = _Pattern(rf"{_OPENING}{SPEAKER}{_BETWEEN}{VERB}{_CIRCUMSTANCE}\s*:\s*$")
