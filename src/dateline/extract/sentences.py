"""Private text helpers for the extractor: sentences, clauses, titles, names and places.

Everything here is general English/news heuristics; nothing knows any particular article.
"""

from __future__ import annotations

import re
import unicodedata

# ------------------------------------------------------------------------------ sentences

# Tokens that end with a period without ending a sentence.
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "gen", "gov", "sen", "rep", "lt", "col",
    "sgt", "capt", "cmdr", "adm", "maj", "pres", "rev", "hon", "inc", "corp", "ltd", "co",
    "bros", "vs", "etc", "no", "nos", "vol", "fig", "mt", "ft", "ave", "approx", "dept", "est",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "e.g", "i.e",
    "al", "cf", "p", "pp", "para", "art", "sec",
}
# After a dotted acronym ("U.S.") a sentence ends only if a typical opener follows.
_OPENERS = {
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "but", "and", "in", "on", "at",
    "this", "that", "these", "those", "his", "her", "its", "their", "there", "officials",
    "meanwhile", "however", "after", "before", "when", "while", "some", "many", "most",
}
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return (start, end) spans of the sentences of ``text``; paragraphs never merge."""
    spans: list[tuple[int, int]] = []
    for para in re.finditer(r"[^\n]+(?:\n(?![ \t]*\n)[^\n]+)*", text):
        start = para.start()
        body = para.group()
        for m in _BOUNDARY.finditer(body):
            if _is_abbreviation(body, m.start()):
                continue
            end = para.start() + m.end()
            _add_span(text, spans, start, end)
            start = end
        _add_span(text, spans, start, para.end())
    return spans


def _is_abbreviation(body: str, dot: int) -> bool:
    if body[dot] != ".":
        return False
    word = re.search(r"([\w.]+)$", body[:dot])
    if not word:
        return False
    token = word.group(1)
    if token.casefold() in _ABBREVIATIONS or token.casefold().rstrip(".") in _ABBREVIATIONS:
        return True
    if re.fullmatch(r"[A-Z]", token):  # an initial: "John F. Kennedy"
        return True
    if re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", token):  # "U.S", "U.N", "a.m"
        nxt = re.match(r"\.\s+[\"'“‘(]?(\w+)", body[dot:])
        return not (nxt and nxt.group(1).casefold() in _OPENERS)
    return False


def _add_span(text: str, spans: list[tuple[int, int]], start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


# ------------------------------------------------------------------------------- clauses

# Words that open a new clause that can carry its own event.  The text before them is one
# clause, the text from them on another.  Temporal links ("after", "since") matter most:
# "X happened in 2020 after Y" reports two events.
_LINKS = (
    r"after|before|since|following|until|when|while|whereas|as|because|although|though"
    r"|but|and then|which|who|where|leading to|led to|prompting|sparking|triggering"
    r"|resulting in|saying|adding|despite"
)
_CLAUSE_SPLIT = re.compile(rf"(?:[;:—–]\s+|,\s+(?=(?:{_LINKS})\b)|,\s+(?=[a-z]{{3,}}ing\s)"
                           # ", and the council delayed ...": a second main clause, not a list
                           r"|,\s+and\s+(?=(?:the|a|an|its|his|her|their|[A-Z][a-z]+)\s+\w+)"
                           # "carried trams ... and was listed ...": a second verb phrase
                           r"|\s+(?=and\s+(?:was|were|has|had)\s+\w+ed\b)"
                           rf"|\s+(?=(?:after|since|before|following|but|led to|leading to)\s))",
                           re.I)
TEMPORAL_LINKS = ("after", "following")


def clause_spans(sentence: str) -> list[tuple[int, int]]:
    """Split a sentence into clause spans (offsets into ``sentence``)."""
    cuts = [0]
    for m in _CLAUSE_SPLIT.finditer(sentence):
        if m.end() > cuts[-1]:
            cuts.append(m.end())
    cuts.append(len(sentence))
    return [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if sentence[a:b].strip()]


def clause_link(clause: str) -> str | None:
    """The linking word a clause opens with ("after", "since", ...), lowercased."""
    m = re.match(rf"\s*({_LINKS})\b", clause, re.I)
    return m.group(1).lower() if m else None


# -------------------------------------------------------------------------------- titles

_DATE_PREPS = r"(?:in|on|at|during|by|since|from|until|through|throughout|of|for|as of)"
_LEAD_WORDS = re.compile(
    rf"^(?:(?:{_LINKS}|and|or|so|then|also|meanwhile|however|earlier|later|"
    r"that|whom|it was)\b[\s,]*)+", re.I)
_ADVERBS = re.compile(
    r"\b(also|reportedly|now|still|already|recently|apparently|previously|officially|"
    r"initially|just|even|finally|subsequently|eventually|occasionally)\s+", re.I)
# Trailing adjuncts that make a title long without adding the "what".
_TRAIL = re.compile(
    r"\s+(?:in an? (?:apparent |failed |desperate )?(?:attempt|bid|effort|move)\b|in order to\b"
    r"|as part of\b|amid\b|without\b|despite\b|according to\b"
    r"|in response to\b|on (?:the )?grounds\b).*$", re.I)
_CUT_BEFORE = {
    "to", "that", "which", "who", "whose", "with", "from", "for", "in", "on", "at", "by",
    "into", "about", "over", "against", "after", "before", "while", "because", "as", "of",
    "and", "or", "but", "amid", "under", "between", "during", "through", "without",
}
_WEAK_END = {"the", "a", "an", "of", "to", "and", "or", "its", "his", "her", "their", "was",
             "were", "is", "are", "has", "have", "had", "be", "been", "by", "with", "not"}
MAX_TITLE_WORDS = 12


def remove_span(text: str, start: int, end: int) -> str:
    """Cut a date phrase out of a clause, with the preposition that introduces it."""
    before, after = text[:start], text[end:]
    before = re.sub(rf"(?:,\s*)?\b{_DATE_PREPS}\s+(?:the\s+)?$", "", before, flags=re.I)
    before = re.sub(r"\b(?:early|late|mid|earlier|later)\s*-?\s*$", "", before, flags=re.I)
    # A comma after the phrase still closes whatever clause it ended ("in 2022, is ..."),
    # unless nothing is left before it.
    rest = after.lstrip(" ") if before.strip() and after.lstrip(" ").startswith(",") \
        else after.lstrip(" ,")
    joined = before.rstrip() + (" " if not rest.startswith(",") else "") + rest \
        if after.strip(" ,") else before
    return re.sub(r"\s{2,}", " ", joined).strip()


def _drop_parentheticals(text: str) -> str:
    text = re.sub(r"\s*\([^)]*\)", "", text)
    # Appositives: ", 64," and ", a former foreign minister," and ", who ...,".
    text = re.sub(r",\s*\d{1,3},", "", text)
    text = re.sub(r",\s*(?:who|which|whose|a|an|the)\b[^,]*,", "", text, flags=re.I)
    text = re.sub(r",\s*\d{1,3}$", "", text)
    return text


_IRREGULAR_PAST = re.compile(
    r"(?:cut|put|set|hit|let|quit|shut|spread|cost|bid|split|won|lost|began|took|made|fell|came|"
    r"went|left|gave|held|became|broke|ran|struck|met|rose|led|sent|told|said|sold|paid|"
    r"brought|bought|caught|fought|sought|taught|thought|kept|slept|swept|wept|drove|chose|"
    r"froze|spoke|stole|wrote|rode|woke|shook|forgave|withdrew|drew|grew|threw|flew|knew|"
    r"overtook|undertook|saw|ate|hid|lit|laid|said|stood|understood|found|bound|wound)",
    re.I)


def starts_with_verb(title: str) -> bool:
    """True when a title opens with a past-tense verb: its subject was left in another clause."""
    first = title.split(maxsplit=1)[0].lower() if title.split() else ""
    return bool(re.fullmatch(r"[a-z]{3,}ed|was|were|had|has|have", first)
                or _IRREGULAR_PAST.fullmatch(first))


def sentence_subject(sentence: str) -> str | None:
    """The noun phrase a sentence opens with, when it is set off by a comma or a verb:
    "The walkout, the longest since 2017, cut output" -> "The walkout"."""
    m = re.match(r"\s*((?:The|A|An|Its|Their|His|Her)\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+|"
                 r"(?:[A-Z][\w'’-]+\s+){0,3}[A-Z][\w'’-]+)(?=,|\s+(?:\w+ed|"
                 + _IRREGULAR_PAST.pattern[4:-1] + r")\b)", sentence)
    return m.group(1) if m else None


def make_title(clause: str, before: str = "") -> str:
    """Turn a clause (date phrase already removed) into a short readable title.

    `before` is the sentence up to the clause: a clause opening with "which" or "who" is
    about the noun phrase just before it ("Escondida, which produced ...").
    """
    text = re.sub(r"[\"“”‘’']+(?=\s|$|[,.;:])|(?<=\s)[\"“”‘’']+|^[\"“”‘’']+", "", clause)
    relative = re.match(r"\s*(?:which|who)\s+", text, re.I)
    before = re.sub(r",\s*\d{1,3}\s*,\s*$", ", ", before)  # "Tom Hale, 58, who ...": the age is no head
    if relative:
        head = re.search(r"((?:(?:The|the|a|an)\s+)?(?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w'’-]*)\s*,?\s*$",
                         before)
        if head:
            # The relative clause ends at its closing comma; what follows is the outer verb.
            text = head.group(1) + " " + text[relative.end():].split(",")[0]
    text = _drop_parentheticals(text)
    text = _LEAD_WORDS.sub("", text.strip(" ,;:—–-"))
    # A participle clause ("ending talks that had stalled") is about its object.
    text = re.sub(r"^[a-z]{3,}ing\s+(?!to\b)", "", text)
    # "a strike that began" is the strike beginning.
    text = re.sub(r"^(?:a|an|the)\s+((?:[\w'’-]+\s+){0,2}[\w'’-]+)\s+(?:that|which)\s+(?=\w+ed\b|"
                  + _IRREGULAR_PAST.pattern[4:-1] + r"\b)", r"The \1 ", text, flags=re.I)
    # A leftover measure of time ("..., four years" before "after ...") is not the event.
    text = re.sub(r",?\s+(?:\w+|\d+)\s+(?:years?|months?|weeks?|days?|decades?)"
                  r"(?:\s+(?:later|earlier|ago|on))?\s*$", "", text, flags=re.I)
    text = _ADVERBS.sub("", text)
    # "said in a statement that X" is "said X": the statement is how, not what.
    text = re.sub(r"\s+in an? (?:written |joint )?statement\b", "", text, flags=re.I)
    text = re.sub(r"\b(said|told \w+|announced|warned|confirmed)\s+that\s+", r"\1 ", text, flags=re.I)
    text = _TRAIL.sub("", text)
    # A participle left alone between commas once its date went ("the bridge, built, will").
    text = re.sub(r",\s*(?:[a-z]+ed|built|made|born|founded|begun|held)\s*,", "", text)
    # "X will be demolished, the council decided" -> "The council decided X will be demolished".
    m = re.fullmatch(r"(?P<what>.+?),\s+(?P<who>(?:the\s+)?(?:[\w'’-]+\s+){0,4}?[\w'’-]+)\s+"
                     r"(?P<verb>said|decided|announced|ruled|reported|confirmed|agreed)\s*[.,]?",
                     text.strip(), flags=re.I)
    if m and len(m["what"].split()) >= 3:
        who = m["who"][:1].upper() + m["who"][1:]
        what = m["what"]
        if re.match(r"(?:The|A|An|Its|Their|This|These|Those)\b", what):  # a name keeps its capital
            what = what[:1].lower() + what[1:]
        text = f"{who} {m['verb']} {what}"
    text = re.sub(r",\s*(?:saying|adding|as|while|which|and)\b.*$", "", text, flags=re.I)
    text = re.sub(r"\s+", " ", text).strip(" ,;:.!?—–-")
    words = text.split()
    if len(words) > MAX_TITLE_WORDS + 2:
        cut = MAX_TITLE_WORDS
        for i in range(MAX_TITLE_WORDS, 2, -1):
            if words[i].lower().strip(",") in _CUT_BEFORE:
                cut = i
                break
        words = words[:cut]
    while len(words) > 3 and words[-1].lower().strip(",") in _WEAK_END:
        words.pop()
    title = " ".join(words).strip(" ,;:")
    # A cut that stops at "at the end" has lost what it was the end of.
    title = re.sub(r"\s+(?:at|by|in|on|until|before|after|from|to)\s+(?:the\s+)?"
                   r"(?:end|start|beginning|middle|rest|turn|close)$", "", title, flags=re.I)
    return title[:1].upper() + title[1:]


def slugify(text: str, limit: int = 60) -> str:
    """ASCII, lowercase, hyphen-separated slug of at most ``limit`` characters."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    ascii_text = re.sub(r"['’]", "", ascii_text)
    words = [w for w in re.split(r"[^a-z0-9]+", ascii_text.lower()) if w]
    # Articles add length, not meaning; a slug cut short should not end on "of"/"to".
    words = [w for w in words if w not in ("the", "a", "an")] or words
    while words and len("-".join(words)) > limit:
        words.pop()
    while len(words) > 1 and words[-1] in _WEAK_END:
        words.pop()
    slug = "-".join(words)[:limit].strip("-")
    return slug or "event"


# --------------------------------------------------------------------- names and places

# A general gazetteer of world geography: countries, capitals and large cities.
_PLACES_TEXT = """
Afghanistan Albania Algeria Andorra Angola Argentina Armenia Australia Austria Azerbaijan
Bahamas Bahrain Bangladesh Barbados Belarus Belgium Belize Benin Bhutan Bolivia Bosnia
Botswana Brazil Brunei Bulgaria Burundi Cambodia Cameroon Canada Chad Chile China Colombia
Comoros Congo Croatia Cuba Cyprus Czechia Denmark Djibouti Dominica Ecuador Egypt Eritrea
Estonia Eswatini Ethiopia Fiji Finland France Gabon Gambia Georgia Germany Ghana Greece
Grenada Guatemala Guinea Guyana Haiti Honduras Hungary Iceland India Indonesia Iran Iraq
Ireland Israel Italy Jamaica Japan Jordan Kazakhstan Kenya Kiribati Kosovo Kuwait Kyrgyzstan
Laos Latvia Lebanon Lesotho Liberia Libya Liechtenstein Lithuania Luxembourg Madagascar
Malawi Malaysia Maldives Mali Malta Mauritania Mauritius Mexico Micronesia Moldova Monaco
Mongolia Montenegro Morocco Mozambique Myanmar Namibia Nauru Nepal Netherlands Nicaragua
Niger Nigeria Norway Oman Pakistan Palau Palestine Panama Paraguay Peru Philippines Poland
Portugal Qatar Romania Russia Rwanda Samoa Senegal Serbia Seychelles Singapore Slovakia
Slovenia Somalia Spain Sudan Suriname Sweden Switzerland Syria Taiwan Tajikistan Tanzania
Thailand Togo Tonga Tunisia Turkey Turkmenistan Tuvalu Uganda Ukraine Uruguay Uzbekistan
Vanuatu Venezuela Vietnam Yemen Zambia Zimbabwe Crimea Donbas Gaza Kashmir Tibet Greenland
Scotland Wales England Europe Africa Asia Antarctica
Kabul Tirana Algiers Luanda Yerevan Canberra Vienna Baku Manama Dhaka Minsk Brussels
Sarajevo Brasilia Sofia Ottawa Santiago Beijing Bogota Havana Nicosia Prague Copenhagen
Cairo Tallinn Helsinki Paris Berlin Accra Athens Budapest Reykjavik Delhi Jakarta Tehran
Baghdad Dublin Jerusalem Rome Tokyo Amman Nairobi Pristina Riyadh Beirut Tripoli Vilnius
Kyiv Kiev Riga Skopje Chisinau Ulaanbaatar Podgorica Rabat Kathmandu Amsterdam Oslo
Islamabad Lima Manila Warsaw Lisbon Doha Bucharest Moscow Kigali Dakar Belgrade Bratislava
Ljubljana Mogadishu Madrid Khartoum Stockholm Bern Damascus Taipei Bangkok Tunis Ankara
Kampala London Washington Montevideo Tashkent Caracas Hanoi Harare Lusaka Abuja Seoul
Pyongyang Tbilisi Astana Bishkek Dushanbe Ashgabat Naypyidaw Pretoria Tbilisi Canberra
Istanbul Shanghai Mumbai Karachi Lagos Sydney Melbourne Toronto Montreal Vancouver Chicago
Houston Boston Atlanta Miami Seattle Dallas Denver Detroit Philadelphia Phoenix Munich
Hamburg Frankfurt Milan Naples Barcelona Marseille Lyon Geneva Zurich Kharkiv Odesa Odessa
Lviv Mariupol Kherson Donetsk Luhansk Bakhmut Sevastopol Petersburg Novosibirsk Osaka
Kyoto Chennai Kolkata Bangalore Bengaluru Johannesburg Casablanca Alexandria Jeddah Dubai
Mecca Shenzhen Guangzhou Wuhan Chongqing Gdansk Krakow Kaunas Minneapolis Manchester
Birmingham Glasgow Edinburgh Belfast Cardiff Liverpool Leeds Rotterdam Antwerp Porto
"""
_MULTIWORD_PLACES = [
    "United States", "United Kingdom", "United Arab Emirates", "Saudi Arabia", "South Africa",
    "South Korea", "North Korea", "South Sudan", "New Zealand", "Sri Lanka", "Costa Rica",
    "El Salvador", "Czech Republic", "Dominican Republic", "Ivory Coast", "Sierra Leone",
    "Papua New Guinea", "North Macedonia", "East Timor", "Burkina Faso", "Cape Verde",
    "Equatorial Guinea", "Central African Republic", "Hong Kong", "Western Sahara",
    "West Bank", "Northern Ireland", "Latin America", "North America", "South America",
    "Middle East", "New York", "Los Angeles", "San Francisco", "Mexico City", "New Delhi",
    "Buenos Aires", "Rio de Janeiro", "Sao Paulo", "Kuala Lumpur", "Abu Dhabi", "Tel Aviv",
    "St Petersburg", "St. Petersburg", "Cape Town", "Addis Ababa", "Dar es Salaam",
    "Washington DC", "Panama City", "Guatemala City", "Phnom Penh", "Las Vegas", "New Orleans",
    "Ho Chi Minh City", "Black Sea", "Baltic Sea", "South China Sea",
]
_ALIASES = {"U.S.": "United States", "US": "United States", "USA": "United States",
            "U.K.": "United Kingdom", "UK": "United Kingdom", "Britain": "United Kingdom",
            "Great Britain": "United Kingdom", "UAE": "United Arab Emirates"}
PLACES = frozenset(_PLACES_TEXT.split()) | frozenset(_MULTIWORD_PLACES) | frozenset(_ALIASES)
_PLACE_RE = re.compile(
    r"(?<![\w.])(" + "|".join(re.escape(p) for p in sorted(PLACES, key=len, reverse=True))
    + r")(?![\w])(?!['’]s\s+[a-z]+\s+(?:minister|president))"
)

# Words that can be capitalized without being (part of) a personal name.
_NOT_NAME = {
    "The", "A", "An", "This", "That", "These", "Those", "He", "She", "It", "They", "We", "I",
    "His", "Her", "Its", "Their", "Our", "My", "But", "And", "Or", "In", "On", "At", "By",
    "For", "From", "With", "As", "After", "Before", "Since", "When", "While", "If", "Of",
    "Mr", "Mrs", "Ms", "Dr", "Sir", "Dame", "Lord", "Lady", "President", "Prime", "Minister",
    "Chancellor", "King", "Queen", "Prince", "Princess", "Pope", "Senator", "Governor",
    "General", "Gen", "Colonel", "Captain", "Judge", "Justice", "Secretary", "Chairman",
    "Chief", "Director", "Mayor", "Sheikh", "Foreign", "Defence", "Defense", "Interior",
    "Speaker", "Leader", "Commander", "Ambassador", "Archbishop", "Bishop", "Professor",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Christmas", "Easter", "God", "Covid", "Internet",
}
# A run containing one of these names an organisation, event or thing, not a person.
_ORG_WORDS = {
    "Ministry", "Council", "Union", "Nations", "Party", "Forces", "Force", "Army", "Navy",
    "Bank", "Court", "Committee", "Commission", "Parliament", "Congress", "Senate", "House",
    "Office", "Department", "Agency", "Organization", "Organisation", "Company", "Group",
    "University", "College", "School", "Institute", "Foundation", "Fund", "Association",
    "Federation", "Republic", "Kingdom", "Street", "Square", "Airport", "Station", "Hospital",
    "Times", "Post", "News", "Service", "Services", "Corporation", "Inc", "Ltd", "Club",
    "Cup", "Games", "Olympics", "Championship", "League", "Treaty", "Act", "Summit", "War",
    "Assembly", "Cabinet", "Police", "Guard", "Intelligence", "Security", "Authority",
    "Board", "Centre", "Center", "Museum", "Church", "Sea", "River", "Ocean", "Mountains",
    "Province", "Region", "State", "States", "City", "County", "Island", "Islands", "Gulf",
    "Wall", "Exchange", "Market", "Media", "Press", "Network", "Front", "Movement",
}
_NAME_TOKEN = r"(?:[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*|[A-Z]\.|Mc[A-Z][a-z]+|O['’][A-Z][a-z]+)"
_NAME_RUN = re.compile(rf"(?<![\w'’-]){_NAME_TOKEN}(?:\s+(?:(?:de|van|von|der|bin|al|da|"
                       rf"di|del|la|le)\s+)?{_NAME_TOKEN})+(?![\w'’-])")
_DEMONYM = re.compile(r"^[A-Z][a-z]+(?:ian|ean|an|ese|ish|i|ic|ch)$")


def find_places(text: str) -> list[str]:
    """Place names from the gazetteer that occur in ``text``, canonical form, in order."""
    seen: dict[str, None] = {}
    for m in _PLACE_RE.finditer(text):
        seen.setdefault(_ALIASES.get(m.group(1), m.group(1)), None)
    return list(seen)


def find_people(text: str) -> list[str]:
    """Multiword capitalized names that look like people (not places, titles or bodies)."""
    found: dict[str, None] = {}
    for m in _NAME_RUN.finditer(text):
        tokens = m.group().split()
        if any(t.strip(".") in _ORG_WORDS for t in tokens):
            continue
        # Strip leading titles, determiners and nationality adjectives ("Russian President").
        while tokens and (tokens[0].strip(".") in _NOT_NAME or _DEMONYM.match(tokens[0])
                          and tokens[0] not in PLACES and len(tokens) > 2):
            tokens.pop(0)
        while tokens and tokens[-1].strip(".") in _NOT_NAME:
            tokens.pop()
        name = " ".join(tokens)
        if len(tokens) < 2 or any(t in _NOT_NAME for t in tokens) or name in PLACES \
                or any(t in PLACES for t in tokens):
            continue
        found.setdefault(name, None)
    return list(found)


# ------------------------------------------------------------------- event heuristics

_STOP = frozenset("""a an the of to in on at by for from with and or but as is are was were be been
has have had it its this that these those he she they his her their who which said says
would could will not into over about after before since than also there then""".split())  # noqa: SIM905

# A concrete development reported as news, with no date of its own.
_DEVELOPMENT = re.compile(
    r"\b(?:(?:has|have)\s+(?:\w+ly\s+)?(?:introduced|announced|launched|approved|passed|"
    r"signed|imposed|banned|ordered|appointed|named|agreed|declared|adopted|unveiled|released|"
    r"proposed|suspended|resigned|confirmed|opened|closed|begun|started|ended|sent|deployed|"
    r"withdrawn|arrested|charged|sentenced|fired|dismissed|elected|raised|lifted|expelled|"
    r"recalled|sanctioned|filed|sued|voted|rejected|vetoed|seized|captured|completed|acquired|"
    r"cancelled|canceled|postponed|pledged|allocated|outlawed|criminalised|criminalized|"
    r"restricted|extended)|announced|unveiled|(?:plans|plan|is planning|are planning|is set"
    r"|are set|intends|intend) to|said (?:it|they|he|she) (?:was|were|is|are|will) \w+ing?)\b",
    re.I)
# Hedges, negation and reported opinion: not a concrete development.
_NOT_DEVELOPMENT = re.compile(
    r"\b(?:not|never|no longer|n't|may|might|could|should|would|probably|possibly|perhaps|"
    r"reportedly|allegedly|speculat\w*|rumou?r\w*|claim\w*|believ\w*|think\w*|argu\w*|"
    r"suggest\w*|if|whether|unless)\b|\?", re.I)
_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "our", "new", "any", "such",
                "these", "those", "no"}
PAST_VERB = re.compile(r"\b(?:\w{3,}ed|was|were|won|lost|began|took|made|fell|came|went|"
                        r"left|gave|held|became|broke|ran|hit|struck|met|rose|led|sent|"
                        r"handed)\b", re.I)


def stems(text: str) -> set[str]:
    return {w[:5] for w in re.findall(r"[a-z]+", text.lower()) if w not in _STOP and len(w) > 2}


def is_development(clause: str, sentence: str) -> bool:
    m = _DEVELOPMENT.search(clause)
    if not m or _NOT_DEVELOPMENT.search(sentence) or sentence.lstrip()[:1] in "\"“‘'":
        return False
    before = clause[:m.start()].split()
    # An actor must come first ("The ministry announced"), not a noun use ("its plans to").
    if not before or len(before) > 10:
        return False
    last = before[-1].lower()
    return last not in _DETERMINERS and not last.endswith(("'s", "’s"))


# ------------------------------------------------------------------------ names/pronouns

class Names:
    """Full personal names seen so far: resolves surnames and sentence-subject pronouns."""

    def __init__(self) -> None:
        self.full: list[str] = []
        self.last_subject: str | None = None

    def people_in(self, text: str) -> list[str]:
        found = find_people(text)
        for name in found:
            if name not in self.full:
                self.full.append(name)
        for full in self.full:  # a bare surname of someone named in full earlier
            surname = full.split()[-1]
            if full not in found and re.search(rf"(?<![\w-]){re.escape(surname)}(?![\w-])",
                                                text):
                found.append(full)
        return found

    @staticmethod
    def subject(sentence: str, people: list[str]) -> str | None:
        """The person a sentence opens with, if any (its likely grammatical subject)."""
        head = sentence[:60]
        hits = [(head.find(p.split()[-1]), p) for p in people if p.split()[-1] in head]
        return min(hits)[1] if hits else None

    def resolve(self, title: str, here: str | None = None) -> tuple[str, str | None]:
        """Replace a leading He/She/His/Her by the person it most likely refers to:
        ``here`` (this sentence's subject, for a later clause) or the last subject."""
        m = re.match(r"(He|She|His|Her)\b", title)
        who = here or self.last_subject
        if not m or not who:
            return title, None
        name = who + ("'s" if m.group(1) in ("His", "Her") else "")
        return name + title[m.end():], who
