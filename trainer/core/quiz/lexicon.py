"""Word lists the quiz reads answers and questions with (written for this project)."""

from __future__ import annotations

from trainer.core.when import ORDINALS

NUMBER_WORDS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    # "First World War" = "World War 1": the ordinals up to ten, as dates write them
    **{word: n for word, n in ORDINALS.items() if n <= 10},
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
    "5th": 5,
}
"""Number words read as digits when answers are compared ('ninety' = '90',
'First World War' = 'World War 1' in any order)."""

ROMAN = {
    "i": 1,
    "ii": 2,
    "iii": 3,
    "iv": 4,
    "v": 5,
    "vi": 6,
    "vii": 7,
    "viii": 8,
    "ix": 9,
    "x": 10,
    "xi": 11,
    "xii": 12,
    "xiii": 13,
    "xiv": 14,
    "xv": 15,
    "xvi": 16,
}


STOPWORDS = frozenset(
    {"the", "a", "an", "of", "and", "in", "on", "at", "for", "to", "by", "s", "with"}
)
"""Small words that do not change what an answer names."""

WORD_ENDINGS = frozenset({"s", "es", "n", "an", "ian", "i", "ese", "ns", "ans"})
"""Endings that make another form of the same word (Armenia, Armenian, Armenias)."""

ABBREVIATIONS = {
    "us": "united states",
    "usa": "united states",
    "uk": "united kingdom",
    "ussr": "soviet union",
    "mt": "mount",
    "st": "saint",
    "min": "minutes",
    "mins": "minutes",
    "hr": "hours",
    "hrs": "hours",
    "km": "kilometres",
    "ww": "world war",
}
"""Abbreviations spelled out before answers are compared word by word."""

GENERIC_NOUNS = frozenset(
    {
        "river",
        "sea",
        "ocean",
        "lake",
        "mount",
        "mountain",
        "desert",
        "strait",
        "straits",
        "island",
        "islands",
        "agreement",
        "treaty",
        "city",
        "university",
    }
)
"""Words a name may be given with or without (the Volga / the Volga river)."""

NAME_PARTICLES = frozenset(
    {"von", "van", "de", "der", "den", "da", "di", "du", "del", "della", "la", "le", "bin", "ibn"}
)
"""Small words inside people's names (Wernher von Braun, Charles de Gaulle)."""

NAME_SUFFIXES = frozenset({"i", "ii", "iii", "iv", "jr", "sr", "junior", "senior"})
"""Words after a name that tell namesakes apart (Johann Strauss II)."""

TITLES = frozenset(
    {
        "general",
        "president",
        "king",
        "queen",
        "sir",
        "dame",
        "dr",
        "doctor",
        "mr",
        "mrs",
        "ms",
        "saint",
        "st",
        "pope",
        "emperor",
        "empress",
        "tsar",
        "czar",
        "chancellor",
        "professor",
        "prof",
        "lord",
        "lady",
        "prince",
        "princess",
        "marshal",
        "admiral",
        "captain",
        "colonel",
    }
)
"""Titles a learner may put before a surname (General de Gaulle)."""

ORG_WORDS = frozenset(
    {
        "organisation",
        "organization",
        "union",
        "treaty",
        "pact",
        "agreement",
        "accord",
        "accords",
        "alliance",
        "commonwealth",
        "council",
        "community",
        "league",
        "convention",
        "association",
        "agency",
        "administration",
        "bank",
        "fund",
        "nations",
        "partnership",
        "cooperation",
        "co-operation",
        "committee",
        "commission",
        "court",
        "parliament",
        "assembly",
        "congress",
        "conference",
        "charter",
        "declaration",
        "protocol",
        "peace",
        "ceasefire",
        "plan",
        "programme",
        "program",
        "doctrine",
        "forum",
        "group",
        "bloc",
        "federation",
        "confederation",
        "institute",
        "office",
    }
)
"""Words that mark the name of an organisation, a treaty or a plan."""

PLACE_NOUNS = frozenset(
    {
        "city",
        "capital",
        "country",
        "town",
        "village",
        "region",
        "province",
        "state",
        "river",
        "sea",
        "lake",
        "ocean",
        "mountain",
        "island",
        "strait",
        "desert",
        "place",
        "port",
        "continent",
        "republic",
        "kingdom",
        "peninsula",
        "valley",
        "bay",
        "gulf",
        "canal",
    }
)
"""Nouns that ask for a place ('In which city ...?')."""

TIME_NOUNS = frozenset(
    {
        "year",
        "years",
        "month",
        "months",
        "day",
        "days",
        "date",
        "dates",
        "decade",
        "decades",
        "century",
        "centuries",
        "period",
        "time",
        "season",
        "era",
    }
)
"""Nouns that ask for a time ('In which year ...?')."""

OFFICES = frozenset(
    {
        "president",
        "prime",
        "chancellor",
        "king",
        "queen",
        "leader",
        "emperor",
        "empress",
        "chairman",
        "secretary",
        "director",
        "head",
        "governor",
        "mayor",
        "minister",
        "pope",
        "tsar",
        "founder",
        "capital",
        "general",
        "commander",
        "chief",
        "speaker",
    }
)
"""Heads of roles that read 'the ... of ...' in a sentence."""

SUPERLATIVE_STARTS = frozenset(
    {
        "first",
        "last",
        "second",
        "third",
        "only",
        "earliest",
        "latest",
        "largest",
        "longest",
        "highest",
        "deepest",
        "biggest",
        "oldest",
        "youngest",
        "main",
        "chief",
        "same",
    }
)

ADVERBS = frozenset(
    {
        "first",
        "formally",
        "finally",
        "officially",
        "briefly",
        "originally",
        "eventually",
        "actually",
        "really",
        "ever",
        "never",
        "still",
        "already",
        "later",
        "once",
        "then",
        "also",
        "jointly",
        "secretly",
        "publicly",
        "legally",
        "fully",
        "partly",
        "largely",
        "widely",
        "often",
        "usually",
        "last",
        "again",
        "successfully",
        "recently",
        "nearly",
        "almost",
        "only",
        "just",
    }
)
"""Adverbs that may stand between a subject and its verb."""

PREDICATE_ADJECTIVES = frozenset(
    {
        "independent",
        "born",
        "dead",
        "alive",
        "open",
        "closed",
        "free",
        "able",
        "close",
        "ready",
        "responsible",
        "famous",
        "known",
        "active",
        "available",
        "in",
        "at",
        "on",
        "part",
        "home",
        "allied",
        "neutral",
        "united",
    }
)
"""Words that may start the predicate after 'was X ...' when no participle does."""

IRREGULAR = {
    # base: (past, past participle)
    "arise": ("arose", "arisen"),
    "be": ("was", "been"),
    "bear": ("bore", "born"),
    "beat": ("beat", "beaten"),
    "become": ("became", "become"),
    "begin": ("began", "begun"),
    "bend": ("bent", "bent"),
    "bind": ("bound", "bound"),
    "bite": ("bit", "bitten"),
    "blow": ("blew", "blown"),
    "break": ("broke", "broken"),
    "bring": ("brought", "brought"),
    "broadcast": ("broadcast", "broadcast"),
    "build": ("built", "built"),
    "burn": ("burnt", "burnt"),
    "buy": ("bought", "bought"),
    "cast": ("cast", "cast"),
    "catch": ("caught", "caught"),
    "choose": ("chose", "chosen"),
    "come": ("came", "come"),
    "cost": ("cost", "cost"),
    "cut": ("cut", "cut"),
    "deal": ("dealt", "dealt"),
    "do": ("did", "done"),
    "draw": ("drew", "drawn"),
    "drink": ("drank", "drunk"),
    "drive": ("drove", "driven"),
    "eat": ("ate", "eaten"),
    "fall": ("fell", "fallen"),
    "feel": ("felt", "felt"),
    "fight": ("fought", "fought"),
    "find": ("found", "found"),
    "flee": ("fled", "fled"),
    "fly": ("flew", "flown"),
    "forbid": ("forbade", "forbidden"),
    "forget": ("forgot", "forgotten"),
    "forgive": ("forgave", "forgiven"),
    "freeze": ("froze", "frozen"),
    "get": ("got", "got"),
    "give": ("gave", "given"),
    "go": ("went", "gone"),
    "grow": ("grew", "grown"),
    "hang": ("hung", "hung"),
    "have": ("had", "had"),
    "hear": ("heard", "heard"),
    "hide": ("hid", "hidden"),
    "hit": ("hit", "hit"),
    "hold": ("held", "held"),
    "keep": ("kept", "kept"),
    "know": ("knew", "known"),
    "lay": ("laid", "laid"),
    "lead": ("led", "led"),
    "leave": ("left", "left"),
    "lend": ("lent", "lent"),
    "let": ("let", "let"),
    "lie": ("lay", "lain"),
    "light": ("lit", "lit"),
    "lose": ("lost", "lost"),
    "make": ("made", "made"),
    "mean": ("meant", "meant"),
    "meet": ("met", "met"),
    "overcome": ("overcame", "overcome"),
    "overthrow": ("overthrew", "overthrown"),
    "pay": ("paid", "paid"),
    "put": ("put", "put"),
    "quit": ("quit", "quit"),
    "read": ("read", "read"),
    "rebuild": ("rebuilt", "rebuilt"),
    "retake": ("retook", "retaken"),
    "ride": ("rode", "ridden"),
    "ring": ("rang", "rung"),
    "rise": ("rose", "risen"),
    "run": ("ran", "run"),
    "say": ("said", "said"),
    "see": ("saw", "seen"),
    "seek": ("sought", "sought"),
    "sell": ("sold", "sold"),
    "send": ("sent", "sent"),
    "set": ("set", "set"),
    "shake": ("shook", "shaken"),
    "shine": ("shone", "shone"),
    "shoot": ("shot", "shot"),
    "show": ("showed", "shown"),
    "shut": ("shut", "shut"),
    "sing": ("sang", "sung"),
    "sink": ("sank", "sunk"),
    "sit": ("sat", "sat"),
    "sleep": ("slept", "slept"),
    "speak": ("spoke", "spoken"),
    "spend": ("spent", "spent"),
    "split": ("split", "split"),
    "spread": ("spread", "spread"),
    "stand": ("stood", "stood"),
    "steal": ("stole", "stolen"),
    "strike": ("struck", "struck"),
    "swear": ("swore", "sworn"),
    "sweep": ("swept", "swept"),
    "swim": ("swam", "swum"),
    "take": ("took", "taken"),
    "teach": ("taught", "taught"),
    "tear": ("tore", "torn"),
    "tell": ("told", "told"),
    "think": ("thought", "thought"),
    "throw": ("threw", "thrown"),
    "undergo": ("underwent", "undergone"),
    "understand": ("understood", "understood"),
    "undertake": ("undertook", "undertaken"),
    "uphold": ("upheld", "upheld"),
    "wake": ("woke", "woken"),
    "wear": ("wore", "worn"),
    "win": ("won", "won"),
    "withdraw": ("withdrew", "withdrawn"),
    "write": ("wrote", "written"),
}
"""Irregular verbs: base -> (past, past participle)."""

REGULAR_VERBS = frozenset(
    """
    abandon abolish accept accuse achieve acquire act add adopt advance affect agree aid aim
    allow ally amend announce annex answer appear apply appoint approve arm arrest arrive
    ask assassinate assist attack attempt attend award back ban base bomb borrow broker
    call campaign capture carry cause cease celebrate challenge change charge chart claim
    clash climb close collapse colonise colonize combine command commission complete compose
    conclude conduct confirm conquer consider construct contain continue control convert
    create cross crown cure debut decide declare decline decrease defeat defend deliver
    demand deny deploy depose describe design destroy detain detect develop die direct
    discover dismiss dissolve divide dock document dominate earn elect embrace emerge employ
    enable end endorse engineer enter equip escape establish evacuate exile expand expel
    explain explode explore export expose extend face fail father finance finish fire flow
    follow force form found free gain govern grant guarantee halt hand happen harm head
    help host identify ignore impose improve include increase inherit initiate introduce
    invade invent invest invite issue join jump kill label land last launch legalise legalize
    liberate limit link list live locate look lose manage march marry mark massacre measure
    merge mine mobilise mobilize modernise modernize move murder name negotiate nominate
    note observe obtain occupy occur offer open oppose order orbit organise organize outlaw
    overrun own paint partition pass patent perform persuade pilot plan play pledge poison
    possess premiere prepare present preside prevent print proclaim produce promise promote
    propose protect protest prove provide publish purchase pursue raise ratify reach receive
    recognise recognize record recover reduce reform refuse regain reign reject release
    remain remove rename repeal replace report represent request require rescue resign
    resist resolve restore retire return reunite reveal revive revolt rule sail save score
    secure seize separate serve settle ship sign slow solve sour spark sponsor start stay stop
    storm study submit succeed suffer supply support suppress surrender survive suspend
    talk target terminate test train transfer translate travel treat try turn unify unite
    use veto visit vote walk want warn weaken withdraw work
    blockade crush premiere abdicate emigrate immigrate perish flee feature
    """.split()  # noqa: SIM905 - a word list reads better as text
)
"""Regular verbs in their base form, so 'did X verb' is found and put in the past."""

DOUBLE_FINAL = frozenset(
    {
        "admit",
        "commit",
        "occur",
        "prefer",
        "refer",
        "control",
        "patrol",
        "regret",
        "submit",
        "permit",
        "compel",
        "expel",
        "propel",
        "rebel",
        "transfer",
        "equip",
        "omit",
        "ban",
        "plan",
        "stop",
        "ship",
        "drop",
        "step",
        "grab",
        "rob",
        "sob",
        "slip",
        "trap",
        "tap",
        "spot",
        "chat",
        "jog",
        "hug",
        "pin",
        "scan",
        "shop",
        "star",
        "stir",
        "wrap",
        "zip",
    }
)
"""Verbs that double their last consonant before -ed (planned, occurred)."""

QUESTION_WORDS = frozenset(
    {
        "what",
        "which",
        "who",
        "whom",
        "whose",
        "when",
        "where",
        "how",
        "why",
        "did",
        "does",
        "do",
        "is",
        "was",
        "were",
        "are",
        "has",
        "have",
        "had",
        "year",
        "years",
        "day",
        "month",
        "date",
        "its",
        "his",
        "her",
        "their",
        "that",
        "this",
        "after",
        "before",
        "from",
        "into",
        "over",
        "between",
        "since",
        "first",
        "1",
        "name",
        "called",
    }
)
"""Words every question has: they say nothing about what it is about."""

AUXILIARIES = frozenset(
    {"did", "was", "were", "is", "are", "has", "have", "had", "does", "do", "will", "would"}
)

COUNTRIES = frozenset(
    """
    afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan
    bahamas bahrain bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia
    botswana brazil brunei bulgaria burkina burundi cambodia cameroon canada chad chile china
    colombia comoros congo croatia cuba cyprus czechia czechoslovakia denmark djibouti
    dominica ecuador egypt eritrea estonia eswatini ethiopia fiji finland france gabon gambia
    georgia germany ghana greece grenada guatemala guinea guyana haiti honduras hungary
    iceland india indonesia iran iraq ireland israel italy jamaica japan jordan kazakhstan
    kenya kiribati kosovo kuwait kyrgyzstan laos latvia lebanon lesotho liberia libya
    liechtenstein lithuania luxembourg madagascar malawi malaysia maldives mali malta
    mauritania mauritius mexico micronesia moldova monaco mongolia montenegro morocco
    mozambique myanmar burma namibia nauru nepal netherlands holland nicaragua niger nigeria
    norway oman pakistan palau palestine panama paraguay persia peru philippines poland
    portugal prussia qatar romania russia rwanda samoa senegal serbia seychelles singapore
    slovakia slovenia somalia spain sudan suriname sweden switzerland syria taiwan
    tajikistan tanzania thailand togo tonga tunisia turkey turkiye turkmenistan tuvalu uganda
    ukraine uruguay uzbekistan vanuatu venezuela vietnam yemen yugoslavia zambia zimbabwe
    britain england scotland wales
    """.split()  # noqa: SIM905 - a word list reads better as text
) | frozenset(
    {
        "united states",
        "united kingdom",
        "soviet union",
        "south africa",
        "south korea",
        "north korea",
        "new zealand",
        "saudi arabia",
        "sri lanka",
        "czech republic",
        "costa rica",
        "el salvador",
        "ivory coast",
        "east germany",
        "west germany",
        "great britain",
        "united arab emirates",
        "dominican republic",
        "north macedonia",
        "papua new guinea",
        "ottoman empire",
        "roman empire",
        "russian empire",
        "byzantine empire",
        "holy roman empire",
        "german empire",
        "austria hungary",
        "the united states",
        "the soviet union",
        "the netherlands",
    }
)
"""Countries, present and past, folded (the quiz needs 'a country among countries')."""

PLACE_SORTS = {
    "city": "city",
    "capital": "city",
    "town": "city",
    "village": "city",
    "port": "city",
    "seaport": "city",
    "metropolis": "city",
    "settlement": "city",
    "country": "country",
    "nation": "country",
    "republic": "country",
    "kingdom": "country",
    "empire": "country",
    "state": "region",
    "region": "region",
    "province": "region",
    "territory": "region",
    "valley": "region",
    "plain": "region",
    "river": "river",
    "tributary": "river",
    "sea": "sea",
    "ocean": "sea",
    "gulf": "sea",
    "bay": "sea",
    "lake": "lake",
    "lagoon": "lake",
    "reservoir": "lake",
    "strait": "strait",
    "straits": "strait",
    "passage": "strait",
    "channel": "strait",
    "canal": "strait",
    "sound": "strait",
    "falls": "waterfall",
    "waterfall": "waterfall",
    "cataract": "waterfall",
    "mountain": "mountain",
    "mount": "mountain",
    "mt": "mountain",
    "volcano": "mountain",
    "peak": "mountain",
    "summit": "mountain",
    "hill": "mountain",
    "range": "range",
    "mountains": "range",
    "island": "island",
    "isle": "island",
    "islands": "island",
    "archipelago": "island",
    "desert": "desert",
    "cape": "cape",
    "headland": "cape",
    "peninsula": "cape",
    "continent": "continent",
    "citadel": "site",
    "temple": "site",
    "palace": "site",
    "castle": "site",
    "fortress": "site",
    "monument": "site",
    "museum": "site",
    "gallery": "site",
    "cathedral": "site",
    "chapel": "site",
    "tower": "site",
    "bridge": "site",
    "building": "site",
    "shipyard": "site",
}
"""Nouns that say what sort of place a name is ('the Black *Sea*', 'Which
*strait* ...?'); places of one sort stand together as options, and a sea is
never offered for a strait, nor a mountain for a city."""

RELATED_PLACE_SORTS = {"mountain": ("range",), "range": ("mountain",)}
"""Place sorts close enough to stand in for each other when the decks run short."""

ORG_SORTS = {
    "treaty": "treaty",
    "pact": "treaty",
    "agreement": "treaty",
    "accord": "treaty",
    "accords": "treaty",
    "peace": "treaty",
    "convention": "treaty",
    "protocol": "treaty",
    "charter": "treaty",
    "act": "treaty",
    "ceasefire": "treaty",
    "declaration": "treaty",
    "organisation": "body",
    "organization": "body",
    "union": "body",
    "alliance": "body",
    "community": "body",
    "association": "body",
    "council": "body",
    "league": "body",
    "agency": "body",
    "administration": "body",
    "commission": "body",
    "committee": "body",
    "court": "body",
    "assembly": "body",
    "parliament": "body",
    "bloc": "body",
    "federation": "body",
    "confederation": "body",
    "society": "body",
    "institute": "body",
    "institution": "body",
    "academy": "body",
    "school": "body",
    "university": "body",
    "body": "body",
    "forum": "body",
    "group": "body",
    "party": "body",
    "company": "company",
    "corporation": "company",
    "bank": "company",
    "fund": "company",
    "firm": "company",
    "plan": "plan",
    "programme": "plan",
    "program": "plan",
    "doctrine": "plan",
    "initiative": "plan",
    "policy": "plan",
    "conference": "meeting",
    "congress": "meeting",
    "summit": "meeting",
    "talks": "meeting",
}
"""Nouns that say what sort of body or agreement a name is: a treaty stands with
treaties, a programme with programmes, an organisation with organisations."""

RELATED_ORG_SORTS = {"body": ("company",), "company": ("body",)}

ROLE_GROUPS = {
    "music": (
        "compos* symphon* concerto concertos pianist* piano music* waltz waltzes song* singer*"
        " sang sung conductor* orchestra* violin* cellist* opera operas operatic"
    ),
    "letters": (
        "novel* poet* poem* playwright* dramatist* author authors authored literat* book*"
        " tale tales essay* journalist* verse"
    ),
    "art": "paint* sculpt* artist* portrait* fresco* canvas* carved carving impressionis* cubis*",
    "architecture": "architect*",
    "science": (
        "scien* physic* chemis* chemical biolog* mathemat* astronom* geneti* geolog* theory"
        " theories equation* experiment* vaccin* patent* element* atom* dna gene genes"
        " species evolution* relativity electr* magnet* radioactiv* x-ray periodic molecul*"
        " telescope* planet* physician* surgeon* medicine medical antibiotic* penicillin"
        " telephone engineer* inventor* invented invention* laborator*"
    ),
    "space": "astronaut* cosmonaut* space* spacecraft orbit* lunar moon rocket* satellite* pilot*",
    "explore": (
        "explor* navigat* sailed sailor* sailing voyag* expedition* circumnavigat*"
        " mountaineer* climbed fleet fleets pole merchant* traveller* traveler*"
    ),
    "office": (
        "presid* prime minister* chancellor* leader* ruler* ruled reign* govern*"
        " king kings queen queens emperor* empress* tsar tsars monarch* chairman premier"
        " statesm* politician* dictator* secretary empire dynasty throne crowned kingdom mayor*"
    ),
    "military": (
        "general generals army armies conquistador* conquer* commander* soldier* warrior*"
        " troops battle* admiral* marshal*"
    ),
    "church": "pope popes archbishop* bishop* cardinal* priest* monk* missionar*",
    "thought": "philosoph* thinker* taught teacher* theolog* sage",
    "activism": (
        "activis* campaign* protest* non-violent nonviolent struggle apartheid rights"
        " revolution* revolt* rebel* liberat* environmentalis* dissident*"
    ),
    "sport": "athlete* sprint* footballer* champion* olympi* medal* tennis boxer* swimmer*",
}
"""Words that say what someone did, by the kind of role: a word ending in * is a
stem (composer, composed, composition). People whose questions or descriptions
share a group have comparable roles."""

ROLE_WEAK = {
    "wrote": "letters",
    "write": "letters",
    "writes": "letters",
    "written": "letters",
    "writer": "letters",
    "writers": "letters",
    "writing": "letters",
    "led": "office",
    "lead": "office",
    "leads": "office",
    "designed": "architecture",
    "designer": "architecture",
    "discovered": "science",
    "discovery": "science",
    "founder": "office",
}
"""Words that name a role only when nothing else does: 'wrote the symphony' is a
composer's work, 'led the design of the rocket' an engineer's."""

ROLE_FAMILIES = {
    "music": "arts",
    "letters": "arts",
    "art": "arts",
    "architecture": "arts",
    "office": "power",
    "military": "power",
    "church": "power",
    "activism": "power",
    "science": "knowledge",
    "thought": "knowledge",
    "space": "travel",
    "explore": "travel",
    "sport": "sport",
}
"""Role groups that are near each other (a writer and a composer are both
artists); people of different families never stand together as options."""
