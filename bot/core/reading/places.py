"""Well-known place names: a title-case headline's word is surely a name when it is one of these."""

from __future__ import annotations

# Countries, their capitals, the largest cities and the regions news names most. A title-case headline
# capitalises every word, so capitals say nothing there; a word of this list still names a place whatever
# the case around it. Folded to lower case; multi-word names by their distinctive word.
PLACE_NAMES = frozenset(
    """
    afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan bahamas bahrain
    bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia botswana brazil brunei bulgaria
    burkina burundi cambodia cameroon canada chad chile china colombia comoros congo croatia cuba cyprus
    czechia denmark djibouti dominica ecuador egypt eritrea estonia eswatini ethiopia fiji finland france
    gabon gambia georgia germany ghana greece grenada guatemala guinea guyana haiti honduras hungary iceland
    india indonesia iran iraq ireland israel italy jamaica japan jordan kazakhstan kenya kiribati kosovo
    kuwait kyrgyzstan laos latvia lebanon lesotho liberia libya liechtenstein lithuania luxembourg
    madagascar malawi malaysia maldives mali malta mauritania mauritius mexico micronesia moldova monaco
    mongolia montenegro morocco mozambique myanmar namibia nauru nepal netherlands nicaragua niger nigeria
    norway oman pakistan palau palestine panama paraguay peru philippines poland portugal qatar romania
    russia rwanda samoa senegal serbia seychelles singapore slovakia slovenia somalia spain sudan suriname
    sweden switzerland syria taiwan tajikistan tanzania thailand togo tonga tunisia turkey turkmenistan
    tuvalu uganda ukraine uruguay uzbekistan vanuatu venezuela vietnam yemen zambia zimbabwe britain
    england scotland wales america gaza crimea donbas kashmir tibet kurdistan catalonia
    kabul tirana algiers luanda yerevan canberra vienna baku dhaka minsk brussels sofia ottawa santiago
    beijing bogota havana nicosia prague copenhagen cairo tallinn helsinki paris tbilisi berlin athens
    budapest reykjavik delhi jakarta tehran baghdad dublin jerusalem rome tokyo amman astana nairobi
    pristina riga beirut tripoli vilnius skopje rabat chisinau ulaanbaatar podgorica kathmandu amsterdam
    wellington managua abuja pyongyang oslo islamabad lima manila warsaw lisbon doha bucharest moscow kigali
    riyadh dakar belgrade bratislava ljubljana mogadishu seoul madrid khartoum stockholm bern damascus
    taipei bangkok tunis ankara kampala kyiv kiev abudhabi london washington caracas hanoi harare lusaka
    istanbul shanghai mumbai karachi lagos kinshasa sydney melbourne toronto montreal vancouver chicago
    houston boston seattle miami atlanta dallas detroit philadelphia hamburg munich frankfurt milan naples
    barcelona marseille lyon manchester birmingham glasgow edinburgh liverpool kharkiv odesa lviv mariupol
    kherson donetsk luhansk bakhmut avdiivka sevastopol petersburg johannesburg nairobi cape alexandria
    dubai hongkong osaka rio sao buenos geneva zurich rotterdam antwerp gdansk krakow
    europe asia africa oceania antarctica arctic balkans caucasus sahel scandinavia siberia
    """.split()
)


def is_place(word: str) -> bool:
    """Whether a word (any case, a possessive allowed) is a well-known place name."""
    word = word.lower().replace("’", "'").removesuffix("'s")
    return word in PLACE_NAMES
