"""Word lists the extractors lean on: countries, places, titles, organisation words.

Kept general (not tied to any one article): every country with its adjective,
capitals, regions, and the words that mark a capitalised phrase as a place,
an organisation or an event rather than a person.
"""

from __future__ import annotations

_COUNTRIES = """
Afghanistan|Afghan
Albania|Albanian
Algeria|Algerian
Angola|Angolan
Argentina|Argentine|Argentinian
Armenia|Armenian
Australia|Australian
Austria|Austrian
Azerbaijan|Azerbaijani|Azeri
Bahrain|Bahraini
Bangladesh|Bangladeshi
Belarus|Belarusian
Belgium|Belgian
Bolivia|Bolivian
Bosnia|Bosnian
Brazil|Brazilian
Bulgaria|Bulgarian
Cambodia|Cambodian
Canada|Canadian
Chile|Chilean
China|Chinese
Colombia|Colombian
Croatia|Croatian
Cuba|Cuban
Cyprus|Cypriot
Czechia|Czech
Denmark|Danish
Egypt|Egyptian
Estonia|Estonian
Ethiopia|Ethiopian
Finland|Finnish
France|French
Georgia|Georgian
Germany|German
Ghana|Ghanaian
Greece|Greek
Hungary|Hungarian
Iceland|Icelandic
India|Indian
Indonesia|Indonesian
Iran|Iranian|Persian
Iraq|Iraqi
Ireland|Irish
Israel|Israeli
Italy|Italian
Japan|Japanese
Jordan|Jordanian
Kazakhstan|Kazakh
Kenya|Kenyan
Kosovo|Kosovar
Kuwait|Kuwaiti
Kyrgyzstan|Kyrgyz
Latvia|Latvian
Lebanon|Lebanese
Libya|Libyan
Lithuania|Lithuanian
Luxembourg|Luxembourgish
Malaysia|Malaysian
Mali|Malian
Mexico|Mexican
Moldova|Moldovan
Mongolia|Mongolian
Montenegro|Montenegrin
Morocco|Moroccan
Nepal|Nepalese
Netherlands|Dutch
New Zealand|New Zealander
Nigeria|Nigerian
North Korea|North Korean
North Macedonia|Macedonian
Norway|Norwegian
Oman|Omani
Pakistan|Pakistani
Palestine|Palestinian
Peru|Peruvian
Philippines|Filipino
Poland|Polish
Portugal|Portuguese
Qatar|Qatari
Romania|Romanian
Russia|Russian
Rwanda|Rwandan
Saudi Arabia|Saudi
Serbia|Serbian
Singapore|Singaporean
Slovakia|Slovak
Slovenia|Slovenian
Somalia|Somali
South Africa|South African
South Korea|South Korean
Spain|Spanish
Sri Lanka|Sri Lankan
Sudan|Sudanese
Sweden|Swedish
Switzerland|Swiss
Syria|Syrian
Taiwan|Taiwanese
Tajikistan|Tajik
Thailand|Thai
Tunisia|Tunisian
Turkey|Turkish|Türkiye
Turkmenistan|Turkmen
Uganda|Ugandan
Ukraine|Ukrainian
United Arab Emirates|Emirati
United Kingdom|British|UK|Britain|England|English
United States|American|US|USA|America
Uruguay|Uruguayan
Uzbekistan|Uzbek
Venezuela|Venezuelan
Vietnam|Vietnamese
Yemen|Yemeni
Zimbabwe|Zimbabwean
Soviet Union|Soviet|USSR
"""

COUNTRY_OF: dict[str, str] = {}
"""Country names, adjectives and short forms -> the country's name."""
for _line in _COUNTRIES.strip().splitlines():
    _name, *_others = _line.split("|")
    COUNTRY_OF[_name] = _name
    for _other in _others:
        COUNTRY_OF[_other] = _name
COUNTRY_OF["Türkiye"] = "Turkey"

CAPITAL_OF = {
    "Moscow": "Russia",
    "Baku": "Azerbaijan",
    "Yerevan": "Armenia",
    "Tbilisi": "Georgia",
    "Kyiv": "Ukraine",
    "Kiev": "Ukraine",
    "Ankara": "Turkey",
    "Tehran": "Iran",
    "Washington": "United States",
    "London": "United Kingdom",
    "Paris": "France",
    "Berlin": "Germany",
    "Beijing": "China",
    "Tokyo": "Japan",
    "Rome": "Italy",
    "Madrid": "Spain",
    "Warsaw": "Poland",
    "Minsk": "Belarus",
    "Astana": "Kazakhstan",
    "Tashkent": "Uzbekistan",
    "Brussels": "Belgium",
    "Vienna": "Austria",
    "Bern": "Switzerland",
    "Stockholm": "Sweden",
    "Oslo": "Norway",
    "Helsinki": "Finland",
    "Copenhagen": "Denmark",
    "Athens": "Greece",
    "Cairo": "Egypt",
    "Riyadh": "Saudi Arabia",
    "Jerusalem": "Israel",
    "Abu Dhabi": "United Arab Emirates",
    "Doha": "Qatar",
    "Delhi": "India",
    "New Delhi": "India",
    "Islamabad": "Pakistan",
    "Kabul": "Afghanistan",
    "Baghdad": "Iraq",
    "Damascus": "Syria",
    "Beirut": "Lebanon",
    "Ottawa": "Canada",
    "Canberra": "Australia",
    "Brasilia": "Brazil",
    "Buenos Aires": "Argentina",
    "Mexico City": "Mexico",
    "Havana": "Cuba",
    "Seoul": "South Korea",
    "Pyongyang": "North Korea",
    "Bucharest": "Romania",
    "Budapest": "Hungary",
    "Prague": "Czechia",
    "Chisinau": "Moldova",
    "Vilnius": "Lithuania",
    "Riga": "Latvia",
    "Tallinn": "Estonia",
    "Belgrade": "Serbia",
    "Sofia": "Bulgaria",
    "Lisbon": "Portugal",
    "Dublin": "Ireland",
    "Amsterdam": "Netherlands",
    "The Hague": "Netherlands",
}
"""Capitals (and cities standing for their governments) -> country."""

PLACES = frozenset(
    {
        # regions and places that are not countries
        "Caucasus",
        "South Caucasus",
        "Karabakh",
        "Nagorno-Karabakh",
        "Crimea",
        "Chechnya",
        "Nakhchivan",
        "Nakhichevan",
        "Zangezur",
        "Lachin",
        "Siberia",
        "Balkans",
        "Europe",
        "Asia",
        "Africa",
        "Americas",
        "Middle East",
        "Kremlin",
        "Donbas",
        "Abkhazia",
        "Ossetia",
        "Transnistria",
        "Kashmir",
        "Gaza",
        "Sinai",
        "Anatolia",
        "Kurdistan",
        "Scandinavia",
        "Baltic",
        "Caspian",
        "Black Sea",
        "Mediterranean",
        "Ohio",
        "Texas",
        "California",
        "New York",
        "Bavaria",
        "Yekaterinburg",
        "Stalingrad",
        "Gulistan",
        "Turkmenchay",
        "Dhabi",
        "DC",
        "Hague",
        "Gulf",
        "Arctic",
        "Pacific",
        "Atlantic",
        *CAPITAL_OF,
        *(word for name in CAPITAL_OF for word in name.split()),
    }
)

DIRECTIONS = frozenset(
    {
        "North",
        "South",
        "East",
        "West",
        "Northern",
        "Southern",
        "Eastern",
        "Western",
        "Central",
        "Upper",
        "Lower",
        "Greater",
        "Inner",
        "Outer",
        "Middle",
        "Far",
        "Near",
        "New",
        "Old",
        "Post",
        "Pre",
    }
)

ORG_WORDS = frozenset(
    {
        "Union",
        "Organisation",
        "Organization",
        "Treaty",
        "Pact",
        "Accord",
        "Accords",
        "Agreement",
        "Council",
        "Commission",
        "Committee",
        "Ministry",
        "Department",
        "Party",
        "Bank",
        "Fund",
        "Agency",
        "House",
        "University",
        "College",
        "Institute",
        "Corporation",
        "Company",
        "Group",
        "News",
        "Times",
        "Post",
        "Relations",
        "Forces",
        "Army",
        "Navy",
        "War",
        "Wars",
        "Battle",
        "Revolution",
        "Empire",
        "Republic",
        "Kingdom",
        "Federation",
        "States",
        "Nations",
        "Assembly",
        "Parliament",
        "Congress",
        "Senate",
        "Court",
        "Church",
        "Corridor",
        "Airport",
        "Street",
        "Square",
        "Day",
        "Conference",
        "Summit",
        "Initiative",
        "Project",
        "Programme",
        "Program",
        "Act",
        "Law",
        "Declaration",
        "Convention",
        "Protocol",
        "Charter",
        "Alliance",
        "Community",
        "Commonwealth",
        "Conversation",
        "Sea",
        "Ocean",
        "River",
        "Mountains",
        "Lake",
        "Island",
        "Islands",
        "Strait",
        "Bay",
        "Valley",
        "Region",
        "Province",
        "District",
        "Oblast",
        "Basin",
        "Peninsula",
        "Era",
        "Age",
        "Period",
        "Dynasty",
        "Affairs",
        "Office",
        "Service",
        "Services",
        "Security",
        "Guard",
        "Press",
        "Media",
        "Network",
        "Radio",
        "Television",
        "TV",
        "Journal",
        "Review",
        "Foundation",
        "Society",
        "Association",
        "Movement",
        "Front",
        "Bureau",
        "Centre",
        "Center",
        "Museum",
        "Library",
        "Hospital",
        "School",
        "Station",
        "Bridge",
        "Tower",
        "Palace",
        "Cathedral",
        "Park",
        "Road",
        "Avenue",
        "Cup",
        "Games",
        "Olympics",
        "Prize",
        "Award",
        "Festival",
        "Crisis",
        "Conflict",
        "Offensive",
        "Operation",
        "Campaign",
        "Massacre",
        "Genocide",
        "Revolt",
        "Uprising",
        "Spring",
        "Pipeline",
        "Studying",
        "Reading",
        "International",
        "Worldwide",
        "Global",
        "Daily",
        "Weekly",
        "Herald",
        "Tribune",
        "Gazette",
        "Reuters",
        "Associated",
        "Sputnik",
        "Christianity",
        "Islam",
        "Orthodox",
        "Catholic",
        "Cross",
        "Crescent",
        "Brothers",
        "Inc",
        "Ltd",
        "Club",
        "Team",
        "City",
        "County",
    }
)

FUNCTION_WORDS = frozenset(
    {
        "The",
        "A",
        "An",
        "In",
        "On",
        "At",
        "When",
        "After",
        "Before",
        "During",
        "Since",
        "Until",
        "While",
        "Although",
        "Though",
        "However",
        "But",
        "And",
        "Or",
        "If",
        "As",
        "By",
        "For",
        "From",
        "To",
        "With",
        "Without",
        "This",
        "That",
        "These",
        "Those",
        "It",
        "Its",
        "His",
        "Her",
        "Their",
        "Our",
        "Your",
        "My",
        "Many",
        "Most",
        "Some",
        "Both",
        "Far",
        "Things",
        "Indeed",
        "Instead",
        "Meanwhile",
        "Yet",
        "Still",
        "So",
        "Then",
        "There",
        "Here",
        "What",
        "Which",
        "Who",
        "Whom",
        "Why",
        "How",
        "Read",
        "Get",
        "Sign",
        "Clearly",
        "Notably",
        "Current",
        "One",
        "Two",
        "Three",
        "Having",
        "Being",
        "Under",
        "Over",
        "Among",
        "Following",
        "Despite",
        "Unlike",
        "Like",
        "Whereas",
        "Whether",
        "Because",
        "Each",
        "Every",
        "All",
        "No",
        "Not",
        "Nor",
        "Also",
        "Only",
        "Even",
        "Just",
        "Much",
        "More",
        "Less",
        "Such",
        "Other",
        "Another",
        "Any",
        "Now",
        "Today",
        "Yesterday",
        "Tomorrow",
        "Recent",
        "Several",
        "We",
        "They",
        "He",
        "She",
        "I",
        "You",
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "Count",
        "Countess",
        "Viscount",
        "Baron",
        "Duke",
        "Earl",
        "Lord",
        "Lady",
        "Cardinal",
        "Archbishop",
        "Bishop",
        "Prof",
        "Sir",
        "St",
        "Saint",
        "Of",
        "Into",
        "Onto",
        "Upon",
        "Through",
        "Across",
        "Against",
        "Toward",
        "Towards",
        "Within",
        "Near",
        "Everyone",
        "Nobody",
        "Someone",
        "Everything",
        "Nothing",
        "Something",
        "Where",
        "Once",
        "Thus",
        "Hence",
        "Therefore",
        "Moreover",
        "Furthermore",
        "Nevertheless",
        "Nonetheless",
        "Otherwise",
        "Perhaps",
        "Probably",
        "Certainly",
        "Surely",
        "Finally",
        "Firstly",
        "Secondly",
        "Lastly",
        "Additional",
        "Further",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Second",
        "First",
        "Third",
        "Fourth",
        "Fifth",
        "Cold",
        "World",
        "Great",
        "Holy",
        "Prime",
        "Minister",
        "President",
        "Premier",
        "Chancellor",
        "King",
        "Queen",
        "General",
        "Secretary",
        "Governor",
        "Mayor",
        "Senator",
        "Foreign",
        "Defence",
        "Defense",
        "State",
        "Supreme",
        "Leader",
        "Tsar",
        "Emperor",
        "Pope",
        "Sheikh",
        "Emir",
        "Sultan",
        "Shah",
    }
)

ROLES = (
    "prime minister",
    "deputy prime minister",
    "president",
    "vice president",
    "vice-president",
    "chancellor",
    "foreign minister",
    "defence minister",
    "defense minister",
    "interior minister",
    "finance minister",
    "minister",
    "secretary of state",
    "secretary-general",
    "secretary general",
    "king",
    "queen",
    "emperor",
    "empress",
    "tsar",
    "czar",
    "sultan",
    "shah",
    "emir",
    "pope",
    "premier",
    "governor",
    "mayor",
    "senator",
    "ambassador",
    "general",
    "commander",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "leader",
    "opposition leader",
    "speaker",
    "chairman",
    "chairwoman",
    "chair",
    "chief executive",
    "ceo",
    "founder",
    "author",
    "writer",
    "journalist",
    "historian",
    "professor",
    "analyst",
    "economist",
    "scientist",
    "physicist",
    "chemist",
    "composer",
    "painter",
    "poet",
    "novelist",
    "philosopher",
    "explorer",
    "inventor",
    "engineer",
    "architect",
    "director",
    "chief engineer",
    "ruler",
    "monarch",
    "prince",
    "princess",
    "khan",
    "pharaoh",
    "viceroy",
    "admiral",
    "marshal",
    "nuncio",
    "papal nuncio",
    "negotiator",
    "chief negotiator",
    "mediator",
    "envoy",
    "delegate",
    "diplomat",
    "foreign secretary",
    "home secretary",
    "attorney general",
    "lecturer",
    "correspondent",
    "reporter",
    "editor",
    "head",
    "son",
    "daughter",
    "wife",
    "husband",
    "brother",
    "sister",
    "heir",
    "widow",
    "missionary",
    "taoiseach",
    "plenipotentiary",
    "commissioner",
    "military governor",
    "general secretary",
    "executive director",
    "astronaut",
    "cosmonaut",
)
DEMONYM_PLURALS = frozenset(
    {
        "Armenians",
        "Azerbaijanis",
        "Azeris",
        "Russians",
        "Georgians",
        "Ukrainians",
        "Turks",
        "Americans",
        "Europeans",
        "Iranians",
        "Persians",
        "Kurds",
        "Chechens",
        "Soviets",
    }
)


def country_of(word: str) -> str | None:
    """The country a name, adjective, short form or capital stands for."""
    word = word.removesuffix("'s")
    return COUNTRY_OF.get(word) or CAPITAL_OF.get(word)
