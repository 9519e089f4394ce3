"""Calls: sentences in which the report asks something of others, or says it needs something from them.

What counts (the same definition is in the schema and on the site's "Over" page): a sentence in which the
writing organisation asks, urges, pleads, advises or says it needs something of another party (politics, the
Tweede Kamer, the kabinet, a bewindspersoon, the wetgever, its opdrachtgever or eigenaar, beleid, partners).

Why a grammar and not a list of phrases: every organisation and every year words its asks anew. So a call is
recognised by its *construction* (who speaks, in which tense, with which verb or noun, to whom), each made of a
few small word classes below, and every construction names no organisation: "we", "wij", "ik" and the report's
own organisation (from the manifest) stand for the writer. The constructions:

- ask      the writer, in the present, with a verb of asking or urging ("wij vragen", "roepen ... op", "doen een
           beroep op", "bevelen ... aan", "geven ... in overweging", "zouden ... willen vragen", "sluiten ons aan
           bij de oproep"); a call noun addressed to a party ("Ons verzoek aan de Kamer is ...", "Aan de
           minister het verzoek om ...", "Ons pleidooi: ..."); a passive ask ("Aan de politiek wordt gevraagd");
           what an addressee must do or what is up to them ("De wetgever moet ...", "Het is aan de Kamer om
           ...", "Wij vinden dat de minister ... moet"); an imperative ("Geef de uitvoering tijd.").
- need     a present need only another party can meet ("we hebben ... nodig", "Er is een besluit van het
           kabinet nodig", "Financiering is een randvoorwaarde", "Het is noodzakelijk dat de minister ...").
- view     "volgens ons vraagt dat ...", "Dit vraagt om een politieke keuze".
- advice   "Het verdient aanbeveling ...", "Het zou goed zijn als gemeenten ..."; under "Wat moet/kan
           anders?" also what "kan helpen" and a normative "moet" of anyone but the writer.
- attention, offer   "is een punt van aandacht"; "we komen graag ... aan tafel".
- indirect the formal and roundabout forms: "Het verdient de voorkeur dat de minister ...", "Het ware te
           overwegen ...", "Het zou ons werk versnellen als ministeries ...", "een afweging die aan de politiek
           toekomt", "dat kan alleen de wetgever regelen", "Van de gemeenten verwachten wij ...", "Graag vernemen
           wij van u ...", "Wij missen een besluit van ...", "daarvoor kijken wij naar de minister".

What is refused, and why it is: a verb in the past ("vroegen", "riepen", "adviseerden") is a past call; a verb
whose subject is not the writer ("De Kamer vroeg ons", "De VNG roept gemeenten op") is a reported or third
party's call; "Op verzoek van", "het verzoek van de Kamer" and motions name no ask of the writer; "we moeten",
"het is aan ons" are the writer's own plans; an ask whose object is the writer's own staff or customers
("Wij vragen studenten ...") is service, not a call; a negated ask ("wij vragen geen extra middelen") asks
nothing unless a "maar" follows.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..model import IdRegistry, slug
from .text import bounded_sentences, enclosing_examples, located, walk


@functools.cache
def _compiled(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """Each pattern compiled once, however many other patterns the re module's shared cache holds meanwhile."""
    return re.compile(pattern, flags)


def _search(pattern: str, text: str, flags: int = 0) -> re.Match[str] | None:
    return _compiled(pattern, flags).search(text)


def _match(pattern: str, text: str, flags: int = 0) -> re.Match[str] | None:
    return _compiled(pattern, flags).match(text)


def _finditer(pattern: str, text: str, flags: int = 0):  # noqa: ANN202 - an iterator of matches
    return _compiled(pattern, flags).finditer(text)


PARTS = ("went_well", "went_wrong", "must_change", "could_change")
ADVICE_PARTS = ("must_change", "could_change")

# Who is asked, in the order the labels are stored. "Kamer" is case-sensitive: a "kamer" is a room.
ADDRESSEES: list[tuple[str, re.Pattern[str]]] = [
    ("politiek", re.compile(r"(?i)\bpolitie?k(?:e|i)?\b|\bpolitici\b|\bDen\s+Haag\b")),
    ("Tweede Kamer", re.compile(r"\b(?:Tweede\s+)?Kamer(?:leden|lid)?\b|(?i:\bvaste\s+commissie\b)")),
    ("kabinet", re.compile(r"(?i:\b(?:kabinet|kabinetsbesluit(?:en)?|regering|rijksbre(?:ed|de))\b)|\bhet\s+Rijk\b")),
    ("bewindspersoon", re.compile(r"(?i)\b(?:bewindspersonen|bewindspersoon|staatssecretaris(?:sen)?|ministers?)\b")),
    ("opdrachtgever", re.compile(r"(?i)\b(?:opdrachtgevers?|ministeries?|departementen)\b")),
    ("eigenaar", re.compile(r"(?i)\beigenaar\b")),
    ("beleid", re.compile(r"(?i)\b(?:beleid|beleidsmakers|beleidsdirecties?|beleidsdepartementen)\b")),
    (
        "wetgever",
        re.compile(
            r"(?i)\b(?:wet|wetgever|wetgeving|wetgevings\w+|wetswijziging(?:en)?|regelgeving|grondslag|wettelijke?)\b"
        ),
    ),
    (
        "ketenpartners",
        re.compile(
            r"(?i)\b(?:ketenpartners?|partners|gemeenten|gemeente|zorgkantoren|uitvoeringsorganisaties|"
            r"overheidsorganisaties|onderwijsinstellingen|hogescholen|universiteiten|scholen|arbodiensten|"
            r"afnemers|schuldhulpverleners|COA|VNG|IPO|provincies|waterschappen|\w*instellingen|politie|"
            r"(?:Koninklijke\s+)?Marechaussee|KMar|(?-i:OM)|Openbaar\s+Ministerie|rechtspraak)\b"
        ),
    ),
    (
        "other",
        re.compile(
            r"(?i)\b(?:\w*leveranciers?|sectororganisaties?|brancheorganisaties?|beroepsorganisaties?|banken|"
            r"marktpartijen|markt|fabrikanten|makers|softwaremakers|Brussel|"
            r"importeurs|"
            r"Europese\s+Commissie|lidstaten)\b"
        ),
    ),
]
# The writer's own staff and customers: asking them is running the service, not a call.
OWN_PEOPLE = re.compile(
    r"(?i)\b(?:\w*medewerkers|bewoners|collega's|collega’s|klantmanagers|personeel|onze\s+mensen|burgers|klanten|studenten|"
    r"ouders|ondernemers|aanvragers|voertuigeigenaren|belastingplichtigen|cliënten|uitkeringsgerechtigden|"
    r"inwoners|gebruikers|werkzoekenden|inburgeraars|budgethouders|pgb-houders|houders)\b"
)

# Verbs of asking: (present forms, a separable particle or phrase that must follow, or None).
ASK_VERBS: list[tuple[str, str | None]] = [
    ("vraag|vraagt|vragen", None),
    ("verzoek|verzoekt|verzoeken", None),
    ("roep|roept|roepen", r"\bop\b"),
    ("pleit|pleiten|bepleit|bepleiten", None),
    ("adviseer|adviseert|adviseren", None),
    ("beveel|beveelt|bevelen", r"\baan\b"),
    ("raad|raadt|raden", r"\baan\b"),
    ("nodigt|nodigen", r"\buit\b(?!\s+(?:voor|op|bij)\b)"),  # "uit voor een werkbezoek" is an invitation
    ("daag|daagt|dagen", r"\buit\b"),
    ("moedig|moedigt|moedigen", r"\baan\b"),
    ("dring|dringt|dringen", r"\baan\b"),
    ("stel|stelt|stellen", r"\bvoor\b(?=\s*(?:om\b|dat\b|[,.;:]|$))"),
    ("geef|geeft|geven", r"\bin\s+overweging\b|\bmee\b(?=\s*(?:om\b|dat\b|[,.;:]|$))"),
    ("doe|doet|doen", r"\b(?:oproep|beroep|appel|aanbeveling|verzoek|voorstel|suggestie)\b"),
    ("spreek|spreekt|spreken", r"\b(?:hoop|verwachting|wens)\s+uit\b"),
    ("houd|houdt|houden", r"^\s*(?:een|ons|dit)\s+(?:\w+\s+)?pleidooi\b"),
    ("maan|maant|manen", None),
    ("spoor|spoort|sporen", r"\baan\b"),
    ("ontraad|ontraadt|ontraden", None),
    ("waarschuw|waarschuwt|waarschuwen", None),  # only a party named: "Wij waarschuwen de Kamer: ..."
    ("leg|legt|leggen", r"\bter\s+overweging\b|\b(?:vraag|keuze|kwestie)\b[^.;]*\bvoor\b"),
    ("spreek|spreekt|spreken", r"\baan\s+op\b"),
    (
        "houd|houdt|houden",
        r"\baan\s+(?:zijn|haar|hun|de|die|deze)\s+(?:\w+\s+)?(?:toezegging(?:en)?|beloftes?|afspra(?:ak|ken))\b",
    ),
    ("druk|drukt|drukken", r"\bop\s+het\s+hart\b"),
    ("sluit|sluiten", r"\baan\s+bij\s+(?:de|het|die|dat|deze)\s+(?:\w+\s+)?(?:oproep|pleidooi|advies|verzoek)"),
]
# Verbs that ask only when a party is named after them: "wij verwachten van de opdrachtgever", not "wij hopen
# dat deze Stand bijdraagt".
ADDRESSED_VERBS: list[tuple[str, str]] = [
    ("verwacht|verwachten|verlang|verlangt|verlangen|eis|eist|eisen", r"\bvan\b"),
    ("ga|gaat|gaan", r"^\s*(?:er\s*)?van\s+uit\s+dat\b|^\s*ervan\s+uit\s+dat\b"),
    ("reken|rekent|rekenen", r"\b(?:er)?op\b"),
    ("vertrouw|vertrouwt|vertrouwen", r"\berop\s+dat\b"),
    ("zie|ziet|zien", r"\buit\s+naar\b"),
    ("hoop|hoopt|hopen", r"\bdat\b|^\s*op\b"),
    ("zie|ziet|zien", r"\bgraag\s+dat\b"),
    ("wil|willen|wensen|wens", r"\b(?:graag\s+)?dat\b"),
    ("kijk|kijkt|kijken", r"\buit\s+naar\b"),
    ("heb|heeft|hebben", r"\bbehoefte\s+aan\b"),
    ("hecht|hechten", r"\beraan\s+dat\b"),
    (
        "acht|achten|vind|vindt|vinden",
        r"\bhet\s+(?:\w+\s+)?(?:nodig|noodzakelijk|essentieel|wenselijk|belangrijk|cruciaal|van\s+belang)\s+dat\b",
    ),
]
INFINITIVES = (
    r"vragen|verzoeken|oproepen|adviseren|aanbevelen|meegeven|voorstellen|uitnodigen|pleiten|aandringen|"
    r"aanmoedigen|aansporen|ontraden|"
    r"op\s+het\s+hart\s+drukken|in\s+overweging\s+geven"
)
CALL_NOUNS = r"(?:verzoek|oproep|vraag|pleidooi|advies|aanbeveling|boodschap|wens|appel|suggestie|voorstel)(?:en|s)?"
# A request or advice renewed now ("Dat pleidooi herhalen we", "wij doen hem opnieuw").
RENEWAL = r"\b(?:herhaal|herhaalt|herhalen|hernieuwen|doe|doet|doen)\b"
ADVERBS = r"ook|daarom|dan\s+ook|nogmaals|opnieuw|hierbij|nadrukkelijk|dus|zelf|echter|tegelijk"
MODALS = r"moet|moeten|dient|dienen|behoort|behoren"
SHOULD = r"\b(?:moeten|goed\s+aan\s+doen|(?:kunnen\s+)?overwegen)\b"
SUBORDINATORS = r"\b(?:dat|die|wat|als|omdat|waar|wanneer|zodat|of|vindt|vinden|stelt|zegt|meent|verwacht)\b"
# Imperatives officials use when they ask ("Geef de uitvoering tijd."); "Denk aan", "Zie" and "Stel dat" are
# the report's own asides.
IMPERATIVES = (
    r"geef|kies|maak|regel|beperk|schaf|stapel|betrek|investeer|zorg|houd|stop|voorkom|leg|zet|bied|breng|"
    r"bundel|schrap|vereenvoudig|financier|verleng|hanteer|erken|accepteer|neem|sluit|help|durf|luister|"
    r"vermijd|verminder|verhoog|verlaag|toets|weeg|wacht|geef|betaal|stel|laat|richt|kijk|blijf|ga|begin|gun"
)
NOT_IMPERATIVE = re.compile(
    r"^(?:denk|zie|stel\s+dat|laat\s+staan|neem\s+(?:bijvoorbeeld|nu)|kijk\s+maar|begin\s+\d+|let\s+op)\b", re.I
)
# What only another party can give: a need of these is a call even when no one is named.
NEED_OBJECTS = (
    r"\b(?:grondslag|besluit|beslissing|keuze|keuzes|financiering|middelen|geld|budget|investering|investeringen|"
    r"regelgeving|wetgeving|wetswijziging|wet|[A-Z]\w+wet|kabinetsbesluit|duidelijkheid|steun|moed|medewerking|ruimte)\b"
)
PAST = r"\b(?:was|waren|hadden|werd|werden|vroegen|vroeg|gebeurd|geweest)\b"
# After "zonder X", these say the need by themselves ("... blijft achter", "... niet haalbaar").
WITHOUT_ENDS = ("blijft", "blijven", "niet")
FUNDING = r"\b(?:financiering|begroting|middelen|budget|geld|investeringen)\b"
NEEDS = r"nodig|noodzakelijk|onmisbaar|vereist|onontbeerlijk|een\s+(?:rand)?voorwaarde|randvoorwaarde|noodzaak"


@dataclass(frozen=True)
class Found:
    """A call: its kind, the word it was recognised by and who it asks."""

    kind: str
    verb: str
    addressees: list[str]


def addressees(text: str) -> list[str]:
    """Who is asked: the parties ``text`` names, in the stored order.

    >>> addressees(" de politiek en de opdrachtgever om keuzes te maken")
    ['politiek', 'opdrachtgever']
    >>> addressees("u als Kamer en het kabinet")
    ['Tweede Kamer', 'kabinet']
    """
    return [label for label, pattern in ADDRESSEES if pattern.search(text)]


# The writer's own name, put in its place before any construction is tried: every pattern is then the same for
# every organisation (at 67 organisations, compiling them per name took a tenth of extraction).
WRITER_NAME = "Schrijvende_organisatie"


# Who speaks: "we", "wij", "ik" or the organisation itself (by then :data:`WRITER_NAME`).
WRITER = rf"(?:we|wij|ik|{WRITER_NAME})"


def as_writer(sentence: str, organisation: str) -> str:
    """The sentence with the organisation's name as :data:`WRITER_NAME`.

    >>> as_writer("Daarom vraagt UWV de minister ...", "UWV")
    'Daarom vraagt Schrijvende_organisatie de minister ...'
    """
    if not organisation:
        return sentence
    return re.sub(rf"\b{re.escape(organisation)}\b", WRITER_NAME, sentence, flags=re.I)


def _own(text: str) -> bool:
    """Whether ``text`` names the writer: a clause about the writer is its own plan."""
    return bool(_search(rf"\b(?:{WRITER}|ons|onze\s+organisatie)\b", text, re.I))


def _own_subject(subject: str) -> bool:
    """Whether the subject ``subject`` is the writer: "wij", or "onze ..." naming no other party ("De leverancier
    van ons systeem" is the leverancier)."""
    if _search(rf"\b{WRITER}\b|\bonze\s+organisatie\b", subject, re.I):
        return True
    return bool(_match(r"\s*(?:ons|onze)\b", subject, re.I)) and not addressees(subject)


def _leads(text: str) -> bool:
    """Whether the clause ``text`` begins with the writer as its subject ("dat wij ...", "dat onze ...")."""
    return bool(_match(rf"\s*(?:{WRITER}|ons|onze)\b", text, re.I))


def _window(rest: str) -> str:
    """The words after an ask's verb up to its complement: where its object, the party asked, stands. A "niet"
    just before a bare infinitive belongs to what is asked ("vragen de minister de regels niet te wijzigen").

    >>> _window(" de minister de regels niet opnieuw te wijzigen.")
    ' de minister de regels '
    """
    window = re.split(r"\b(?:om|te|dat|zodat|omdat|die)\b|[,:;]", rest, maxsplit=1)[0]
    asked = _search(r"\bniet(?:\s+\w+){0,2}\s*$", window, re.I)
    if asked and _match(r"\s*te\b", rest[len(window) :], re.I):
        return window[: asked.start()]
    return window


def _own_people_only(text: str) -> bool:
    """Whether ``text`` names the writer's own staff or customers and no other party: asking them is service."""
    return bool(OWN_PEOPLE.search(text)) and not addressees(text)


def _object_ok(window: str, sentence: str) -> bool:
    """An ask is a call unless it is negated (without "maar") or asks only the writer's own people."""
    if _search(r"\b(?:geen|niet)\b", window, re.I) and not _search(r"\bmaar\b", sentence, re.I):
        return False
    return not _own_people_only(window)


def _inverted(before: str, head: str) -> bool:
    """Whether "vraagt <organisation>" has the organisation as subject ("Daarom vraagt UWV ..."), not as object
    ("De minister vraagt UWV ..."): "wij" and "ik" are always subjects; a name is one only after an adverbial."""
    if _search(r"\b(?:we|wij|ik)\s*$", head, re.I):
        return True
    return not (addressees(before) or _match(r"^\s*(?:de|het|een)\s+\S+(?:\s+\S+)?\s*$", before, re.I))


ASK_WORDS = re.compile(rf"\b(?:{'|'.join(forms for forms, _ in ASK_VERBS)})\b", re.I)


# Each verb of asking with the three places the writer stands to it.
ASK_HEADS: list[tuple[str, str | None, list[re.Pattern[str]]]] = [
    (
        forms,
        particle,
        [
            re.compile(rf"\b{WRITER}\s+(?:{ADVERBS}\s+)?(?P<verb>{forms})\b", re.I),  # wij (daarom) vragen
            re.compile(rf"\b(?P<verb>{forms})\s+{WRITER}\b", re.I),  # daarom vragen wij
            re.compile(rf"^{WRITER}\b[^;:]*?\ben\s+(?:{ADVERBS}\s+)?(?P<verb>{forms})\b", re.I),  # ..., en vragen
        ],
    )
    for forms, particle in ASK_VERBS
]


def _asks(sentence: str) -> Found | None:
    """The writer, in the present, with a verb of asking; inverted ("vragen wij"), coordinated ("..., en vragen
    hen") or after a modal ("zouden ... willen vragen", "blijven ... pleiten")."""
    present = {word.lower() for word in ASK_WORDS.findall(sentence)}  # most sentences hold no verb of asking
    for forms, particle, heads in ASK_HEADS:
        if present.isdisjoint(forms.split("|")):
            continue
        for head in heads:
            for found in head.finditer(sentence):
                if head is heads[1] and not _inverted(sentence[: found.start()], found.group(0)):
                    continue
                rest = sentence[found.end() :]
                if particle and not _search(particle, rest, re.I):
                    continue
                if forms.startswith("vraag") and _search(
                    r"\b(?:op|af|aan)\s*[.;]?$|^\s*(?:ons\s+af|veel)\b|\b(?:gegevens|informatie|stukken)\s+op\b"
                    r"|\b(?:vergoeding|tarief|prijs)\s+(?:per|van\s+€)",
                    rest,
                ):
                    continue  # opvragen, zich afvragen, aanvragen, "vragen veel van" (a burden), a fee charged
                if particle and "pleidooi" in particle:  # "een pleidooi voor X": what is pleaded for, not who
                    return Found("ask", "pleidooi", addressees(sentence))
                window = _window(rest)
                fronted = sentence[: found.start()]
                if head is heads[1] and _match(r"^\s*(?:[\w’'-]+\s+){1,4}$", fronted):
                    window = fronted + window  # "Onze medewerkers vragen wij ...": the object stands first
                if forms.startswith("waarschuw") and not addressees(window):
                    continue  # "wij waarschuwen voor ...", "wij waarschuwen klanten": no one asked
                if _object_ok(window, sentence):
                    return Found("ask", found.group("verb").lower(), addressees(window) or addressees(sentence))
    return _framed_asks(sentence)


def _framed_asks(sentence: str) -> Found | None:
    """An ask framed otherwise: "Laten we samen met de Kamer ...", "Wij zijn voorstander van ...", "Wat wij de
    minister vragen is ...", "Wij zouden de Kamer willen vragen ..."."""
    joint = _match(r"^laten\s+(?:we|wij)\s+(?P<rest>.*)", sentence, re.I)  # "Laten we samen met de Kamer ..."
    if joint and addressees(joint.group("rest")) and not _search(r"\b(?:niet|vergeten)\b", joint.group("rest"), re.I):
        return Found("ask", "laten", addressees(joint.group("rest")))
    advocate = _search(
        rf"\b{WRITER}\s+(?:(?:zijn|ben|is)\s+(?:\w+\s+)?(?P<verb>voorsta?nders?\s+van|vragende\s+partij\s+voor)"
        rf"|maken\s+ons\s+(?:\w+\s+)?(?P<verb2>hard|sterk)\s+voor)\b(?P<rest>.*)",
        sentence,
        re.I,
    )
    if advocate and (addressees(advocate.group("rest")) or _search(NEED_OBJECTS, advocate.group("rest"), re.I)):
        verb = (advocate.group("verb") or advocate.group("verb2")).split()[0].lower()
        return Found("ask", verb, addressees(advocate.group("rest")))  # "Wij zijn voorstander van een wet"
    relative = _search(  # "Wat wij de minister vragen is ...", "..., is waar wij om vragen."
        rf"^wat\s+{WRITER}\s+(?:(?P<to>[^,.;:]{{1,60}}?)\s+)?(?P<verb>vragen|verzoeken)\b"
        rf"|\bis\s+(?:precies\s+)?waar(?:om)?\s+{WRITER}\s+(?:\w+\s+)?(?:om\s+)?(?P<verb2>vragen|verzoeken|pleiten)\b",
        sentence,
        re.I,
    )
    if relative:
        named = addressees(relative.group("to") or "") or addressees(sentence)
        return Found("ask", (relative.group("verb") or relative.group("verb2")).lower(), named)
    modal = (
        rf"\b{WRITER}\s+(?:zou|zouden|wil|willen|blijf|blijven)\b"
        rf"|\b(?:zou|zouden|wil|willen|mogen|blijven)\s+{WRITER}\b"
    )
    found = _search(rf"(?:{modal})(?P<rest>[^,;:]*?)\b(?P<verb>{INFINITIVES})\b", sentence, re.I)
    fronted = sentence[: found.start()] if found else ""
    if found and _object_ok(found.group("rest"), sentence) and not _own_people_only(fronted):
        named = addressees(found.group("rest")) or addressees(sentence)
        return Found("ask", found.group("verb").lower(), named)
    return None


def _addressed(sentence: str) -> Found | None:
    """A verb that asks only when a party is named after it: hopes, expectations, wishes, a need of more."""
    polite = _search(
        rf"\b{WRITER}\s+(?:zou|zouden)\s+(?:het\s+)?(?:graag\s+zien|(?:zeer\s+)?op\s+prijs\s+stellen|"
        rf"(?:zeer\s+)?(?:toejuichen|verwelkomen|waarderen))\s+"
        rf"(?:dat|als|wanneer|indien)\b(?P<rest>.*)"
        rf"|\bgraag\s+(?:zien\s+{WRITER}|(?:zou|zouden)\s+{WRITER}\s+(?:het\s+)?zien)\s+dat\b(?P<rest2>.*)",
        sentence,
        re.I,
    )
    if polite and addressees(polite.group("rest") or polite.group("rest2") or ""):
        return Found("ask", "zien", addressees(polite.group("rest") or polite.group("rest2")))
    view = _match(  # "Wat ons betreft kiest het kabinet voor ...": the writer's wish of a party
        r"^wat\s+(?:ons|mij)\s+betreft\s+(?P<verb>\w+)\s+(?P<to>(?:de|het|uw)\s+\w+(?:\s+\w+)?)", sentence, re.I
    )
    if view and addressees(view.group("to")) and not _search(r"^(?:is|was|zijn|waren|had|hadden)$", view.group("verb")):
        return Found("ask", view.group("verb").lower(), addressees(view.group("to")))
    aim = _match(
        r"^(?:ons|onze)\s+(?P<verb>doel|wens|inzet|streven)\s+is\s+dat\s+(?P<to>(?:\w+\s+){1,5})", sentence, re.I
    )
    if aim and addressees(aim.group("to")) and not _leads(aim.group("to")):
        return Found("ask", aim.group("verb").lower(), addressees(aim.group("to")))  # "Ons doel is dat het kabinet"
    for forms, complement in ADDRESSED_VERBS:
        coordinated = rf"^{WRITER}\b[^;:]*?\ben\s+(?:{ADVERBS}\s+)?(?P<verb>{forms})\b"  # "Wij ... en rekenen erop"
        for head in (rf"\b{WRITER}\s+(?P<verb>{forms})\b", rf"\b(?P<verb>{forms})\s+{WRITER}\b", coordinated):
            found = _search(head, sentence, re.I)
            if not found:
                continue
            after = _search(complement, sentence[found.end() :], re.I)
            if not after:
                continue
            rest = sentence[found.end() + after.end() :]
            named = addressees(rest)
            if not named and _match(r"\s*(?:dat\s+)?(?:zij|hij|ze)\b", rest, re.I):
                named = addressees(sentence[: found.start("verb")])  # "zij": the party named before
            if complement == r"\bbehoefte\s+aan\b":
                return Found("need", "behoefte", named)
            if named and not _match(rf"\s*{WRITER}\b", rest, re.I):
                return Found("ask", found.group("verb").lower(), named)
    return None


def _nouns(sentence: str) -> Found | None:
    """A call as a noun: "Ons verzoek aan de Kamer is ...", "Aan de minister het verzoek om ...", "Ons pleidooi:
    ...", "Aan de politiek wordt gevraagd ...", and a renewed one ("Dat pleidooi herhalen we")."""
    copula = r"(?::|\s+(?:is|luidt|blijft|zijn|luiden|blijven)\b(?!\s+(?:door|in\s+\d|nog\s+niet|overgenomen)))"
    lead = r"^(?:\w+\s+){0,2}?"  # "Tot slot", "Daarom": at most two words before the noun phrase
    patterns = [
        rf"{lead}(?:ons|onze|de|het|een)\s+(?:\w+\s+)?(?P<verb>{CALL_NOUNS})(?P<to>\s+aan\s+[^:.;]{{1,80}}?)?{copula}",
        rf"{lead}(?:een|ons|onze)\s+(?:\w+\s+)?(?P<verb>{CALL_NOUNS})(?P<to>\s+aan\s+[^:.;]{{1,80}}?)\s+om\b",
        rf"{lead}(?P<to>aan\s+[^:.;]{{1,60}}?)\s+(?:het|de|ons|onze|een)\s+(?:\w+\s+)?(?P<verb>{CALL_NOUNS})\b",
        r"(?P<to>\baan\s+[^:.;]{1,60}?)\s+(?:wordt|worden)\s+(?:\w+\s+){0,2}?"
        r"(?P<verb>gevraagd|verzocht|aanbevolen|geadviseerd)\b",
        # a party asked in the passive: "Het kabinet wordt verzocht ...", "Er wordt van de wetgever gevraagd ..."
        r"^(?:\w+\s+){0,2}?(?P<to>(?:de|het|uw)\s+[^:.;,]{1,60}?)\s+(?:wordt|worden)\s+(?:\w+\s+){0,2}?"
        r"(?P<verb>gevraagd|verzocht|opgeroepen)\b",
        r"\ber\s+wordt\s+(?:\w+\s+){0,2}?(?P<to>van\s+[^:.;,]{1,60}?)\s+(?P<verb>gevraagd|verwacht)\b",
        # "Hierbij het verzoek aan de minister om ...", "... is onze dringende vraag aan het ministerie om ..."
        rf"^(?:hierbij|bij\s+dezen|daarom|dus)\s+het\s+(?P<verb>{CALL_NOUNS})(?P<to>\s+aan\s+[^:.;]{{1,80}}?)\s+om\b",
        rf"\b(?:is|blijft)\s+(?:ons|onze)\s+(?:\w+\s+)?(?P<verb>{CALL_NOUNS})(?P<to>\s+aan\s+[^:.;]{{1,80}}?)\s+om\b",
    ]
    for pattern in patterns:
        found = _search(pattern, sentence, re.I)
        if not found:
            continue
        to = found.group("to") or ""
        possessive = _match(r"^(?:\w+\s+){0,2}?(?:ons|onze)\b", sentence, re.I)
        if to and (_search(r"\b(?:aan|van)\s+ons\b", to, re.I) or not addressees(to)):
            continue
        if not to and not possessive:
            continue  # "De vraag is ..." asks no one; "Onze wens is ..." is the writer's
        return Found("ask", found.group("verb").lower(), addressees(to) or addressees(sentence))
    if _search(RENEWAL, sentence, re.I) and _search(rf"\b{CALL_NOUNS}\b", sentence, re.I):
        if _search(r"\b(?:herhaal|herhaalt|herhalen|hernieuwen)\b|\bopnieuw\b", sentence, re.I):
            return Found("ask", "herhalen", addressees(sentence))
    return None


def _up_to_them(sentence: str, part: str | None) -> Found | None:
    """What an addressee must do or what is theirs to do (:func:`_must`, :func:`_theirs`); under a must- or
    could-change part, also a normative "moet" of anyone but the writer ("Er moet een einde komen aan ...")."""
    found = _must(sentence) or _theirs(sentence)
    if found or part not in ADVICE_PARTS:
        return found
    normative = _search(rf"^(?P<subject>[^,;:]*?)\b(?P<verb>{MODALS})\b(?P<after>(?:\s+\w+){{0,2}})", sentence, re.I)
    if normative and not _own(normative.group("subject") + (normative.group("after") or "")):
        return Found("advice", normative.group("verb").lower(), addressees(sentence))
    return None


def _must(sentence: str) -> Found | None:
    """A party with a modal: "De wetgever moet ...", "Moet de Kamer ...", "Als de Kamer X wil, dan moet zij ...",
    "Wij vinden dat de minister ... moet"."""
    clauses = [c for c in re.split(r"[:;]\s*|,\s*(?:en|maar)\s+", sentence) if c]
    for clause in clauses:
        if _match(r"volgens\s+(?!ons\b)", clause, re.I):
            continue  # "Volgens het contract dient de leverancier ...": what a rule says, not an ask
        head = _match(rf"^(?P<subject>(?:[\w’'\-]+,?\s+){{1,8}}?)(?P<verb>{MODALS}|zou|zouden)\b", clause, re.I)
        plain = head and not _search(SUBORDINATORS, head.group("subject"), re.I)
        if plain and addressees(head.group("subject")) and not _own_subject(head.group("subject")):
            if head.group("verb").lower() not in ("zou", "zouden") or _search(SHOULD, clause, re.I):
                return Found("ask", head.group("verb").lower(), addressees(head.group("subject")))
        inverted = _match(
            rf"^(?:\w+\s+){{1,3}}?(?P<verb>{MODALS})\s+"
            r"(?P<subject>(?:de|het|onze?)\s+\w+(?:\s+\w+)?(?:\s+en\s+(?:de|het)\s+\w+)?)",
            clause,
            re.I,
        )
        if inverted and addressees(inverted.group("subject")):
            return Found("ask", inverted.group("verb").lower(), addressees(inverted.group("subject")))
    conditional = _match(
        rf"^(?:als|wanneer|indien)\s+(?P<condition>[^,;:]{{1,120}}),\s*(?:dan\s+)?(?P<verb>{MODALS})\s+"
        r"(?P<subject>zij|hij|ze|(?:de|het)\s+\w+)\b",
        sentence,
        re.I,
    )
    if conditional and not _own(conditional.group("subject")):
        named = addressees(conditional.group("subject")) or addressees(conditional.group("condition"))
        if named and not _leads(conditional.group("condition")):
            return Found("ask", conditional.group("verb").lower(), named)  # "Als de politiek X wil, dan moet zij"
    opinion = _search(
        rf"\bdat\s+(?P<subject>(?:de|het|onze?|u)?\s*[^,.;]{{0,140}}?)\b(?P<verb>{MODALS}|zou\b[^,.;]*\bmoeten)\b",
        sentence,
        re.I,
    )
    if opinion and _own(sentence[: opinion.start()]):
        subject = _match(r"(?:de|het|onze?|u)?\s*(?:\w+\s+){0,2}", opinion.group("subject"), re.I).group(0)
        if addressees(subject) and not _own(subject):
            return Found("view", "moet", addressees(subject))
    return None


def _theirs(sentence: str) -> Found | None:
    """What is up to a party: "Het is aan de Kamer om ...", "Hier ligt een keuze voor het kabinet", "Het wordt tijd
    dat gemeenten ...", "De Kamer kan de uitvoering helpen door ..."."""
    up = (
        _search(
            r"\b(?:het\s+is|is\s+het|het\s+ligt|ligt\s+het|de\s+bal\s+ligt)\s+(?:nu\s+|dan\s+ook\s+)?"
            r"(?P<verb>aan|bij|op\s+de\s+weg\s+van)\s+(?P<to>[^,.;:]{1,60}?)\s*(?:\b(?:om|te|dat)\b|[,.;:]|$)",
            sentence,
            re.I,
        )
        or _search(r"(?P<to>^[^,.;]{1,60}?)\s+(?:is|zijn)\s+(?:nu\s+)?(?P<verb>aan\s+zet)\b", sentence, re.I)
        or _search(  # "Keuzes maken is aan de politiek"
            r"\s(?:is|ligt)\s+(?:nu\s+|echt\s+)?(?P<verb>aan)\s+(?P<to>(?:de|het|uw)\s+[^,.;:]{1,40}?)\s*(?:om\b|[,.;:]|$)",
            sentence,
            re.I,
        )
        or _search(  # "Hier ligt een keuze voor het kabinet", "Wij zien het als een opgave voor de politiek om ..."
            r"\b(?:ligt|liggen|als|zien|zie)\s+(?:hier\s+|daar\s+|nu\s+|dus\s+|er\s+)?(?:een|de)\s+(?:\w+\s+)?"
            r"(?P<verb>opgave|keuze|taak|rol)\s+(?:voor|bij)\s+(?P<to>[^,.;:]{1,60}?)\s*(?:(?:om|te|dat|in)\b|[,.;:]|$)",
            sentence,
            re.I,
        )
        or _search(
            r"\b(?:keuze|beslissing|afweging|besluit|verantwoordelijkheid|zet|initiatief|bal|taak)\s+(?:\w+\s+)?"
            r"(?:is|ligt)\s+(?:nu\s+|dan\s+ook\s+|wat\s+ons\s+betreft\s+)?"
            r"(?P<verb>aan|bij)\s+(?P<to>[^,.;]{1,60}?)\s*(?:om|te|dat|[,.;]|$)",
            sentence,
            re.I,
        )
    )
    if up and addressees(up.group("to")) and not _own(up.group("to")):
        return Found("ask", up.group("verb").lower(), addressees(up.group("to")))
    time = _search(
        r"\b(?:wordt|is)\s+(?:het\s+|de\s+)?(?:hoog(?:ste)?\s+)?(?P<verb>tijd|zaak)\s+dat\s+(?P<to>(?:\w+\s+){1,5})",
        sentence,
        re.I,
    )
    if time and addressees(time.group("to")) and not _leads(time.group("to")):
        return Found("ask", time.group("verb").lower(), addressees(time.group("to")))
    time = _search(
        r"\b(?:het\s+is|is\s+het)\s+(?:nu\s+|hoog\s+)?(?P<verb>tijd)\s+voor\s+(?P<to>[^.;:]{1,80})", sentence, re.I
    )
    if time and _search(NEED_OBJECTS, time.group("to"), re.I) and addressees(time.group("to")):
        return Found("ask", "tijd", addressees(time.group("to")))  # "Het is tijd voor een besluit van het kabinet"
    can = _match(  # "De Kamer kan de uitvoering helpen door ...": what a party can do for it
        r"^(?P<to>u|(?:de|het|uw)\s+\w+(?:\s+en\s+(?:de|het)\s+\w+)?)\s+(?:kan|kunt|kunnen|zou|zouden)\b[^.;:]*\b"
        r"(?P<verb>helpen|bijdragen|ondersteunen|dienst\s+bewijzen)\b",
        sentence,
        re.I,
    )
    if can and (addressees(can.group("to")) or can.group("to").lower() == "u"):
        return Found("advice", can.group("verb").split()[-1].lower(), addressees(can.group("to")) or ["Tweede Kamer"])
    return None


def _imperative(sentence: str) -> Found | None:
    """An imperative at the start of the sentence or after a colon: in this genre an ask of the reader."""
    if sentence.rstrip().endswith("?"):
        return None
    reported = _search(r"^[^:]*\b(?:(?:aan|van)\s+ons|was|waren|had|hadden)\b[^:]*:", sentence, re.I)
    for clause in [sentence, *([] if reported else (m.group(1) for m in _finditer(r":\s+(.+)", sentence)))]:
        if NOT_IMPERATIVE.match(clause):
            continue
        found = _match(rf"(?P<verb>{IMPERATIVES})\s+(?!(?:is|zijn|was|waren|van|en)\b)\w", clause, re.I)
        if found:
            return Found("ask", found.group("verb").lower(), addressees(clause) or addressees(sentence))
    return None


def _question(sentence: str) -> Found | None:
    """A polite question to a party: "Zou het ministerie willen overwegen ...?", "Mogen wij de minister vragen?",
    "Is uw Kamer bereid ...?"."""
    found = _match(
        r"^(?P<verb>zou|zouden|wil|wilt|willen|mogen|mag|kan|kunt|kunnen)\s+(?P<to>[^?]*)\?$", sentence.strip(), re.I
    )
    found = found or _match(
        r"^(?:is|zijn|bent)\s+(?P<to>[^?]{1,80}?)\s+(?P<verb>bereid)\b[^?]*\?$", sentence.strip(), re.I
    )
    found = found or _match(r"^is\s+het\s+niet\s+(?:hoog\s+)?(?P<verb>tijd)\s+dat\s+(?P<to>[^?]{1,80})", sentence, re.I)
    if found and addressees(found.group("to")):
        return Found("ask", found.group("verb").lower(), addressees(found.group("to")))
    return None


def _needs(sentence: str) -> Found | None:
    """A present need another party must meet: "we hebben ... nodig", "Er is een besluit van het kabinet nodig",
    "Het is nodig dat politiek en beleid ...", "Financiering is een randvoorwaarde voor ..."."""
    if _match(r"\s*mocht\b", sentence, re.I):
        return None  # "Mocht de minister besluiten ..., dan hebben wij ... nodig": what a decision would take
    have = (
        rf"\b(?:{WRITER}\s+(?:hebben|heb|heeft)|(?:hebben|heb|heeft)\s+{WRITER}|^{WRITER}\b[^;:]*?\ben\s+hebben)\b"
        rf"(?P<what>[^.;]*?)\b(?P<verb>nodig)(?=\s*(?:[.!;,]|$)|\s+(?:die|om|voor|zodat|bij|van|over|uiterlijk)\b)"
    )
    found = _search(have, sentence, re.I)
    if found and not _search(r"\belkaar\b", found.group("what"), re.I):
        return Found("need", "nodig", addressees(sentence))
    found = _search(rf"\b{WRITER}\s+(?P<what>[^.;:]*?)\b(?P<verb>nodig)\s+(?:hebben|heb|heeft)\b", sentence, re.I)
    if found and addressees(found.group("what")) and not _own(found.group("what")):
        return Found("need", "nodig", addressees(found.group("what")))  # "wat wij van het ministerie nodig hebben"
    found = _search(r"\bhet\s+is\s+(?:\w+\s+)?(?P<verb>nodig)\s+(?:om|dat)\b", sentence, re.I)
    if found and not _own(sentence[found.end() : found.end() + 12]):
        return Found("need", "nodig", addressees(sentence))
    found = _search(
        r"(?:\b(?:het\s+is|is\s+het|is)\s+(?:\w+\s+){0,3}?|^)"
        r"(?P<verb>nodig|noodzakelijk|essentieel|cruciaal|belangrijk|wenselijk|gewenst|raadzaam|verstandig|"
        r"van\s+(?:groot\s+)?belang)(?:\s+is)?"
        r"\s+dat\s+(?P<to>(?:\w+[\s,]+){1,6})",
        sentence,
        re.I,
    )
    if found and addressees(found.group("to")) and not _leads(found.group("to")):
        return Found("need", found.group("verb").lower(), addressees(found.group("to")))
    return _conditional_needs(sentence)


def _conditional_needs(sentence: str) -> Found | None:
    """A need put as a condition or a lack, in the present: "Zonder een besluit van het kabinet kunnen wij niet
    ...", "Dat kan pas als de wetgever ...", "X is voor ons geen luxe maar een noodzaak", "Er is behoefte aan ..."."""
    if _search(PAST, sentence, re.I):
        return None
    without = _search(  # "Zonder een besluit van het kabinet kunnen wij niet ...", "... blijft X zonder Y"
        r"\bzonder\s+(?P<what>[^,.;:]{1,100}?)\s+(?P<verb>lukt|kunnen|kan|is|zijn|blijft|blijven|niet)\b(?P<after>[^.;:]*)",
        sentence,
        re.I,
    )
    if without and (
        _search(r"\b(?:niet|geen)\b", without.group("after"), re.I) or without.group("verb") in WITHOUT_ENDS
    ):
        if addressees(without.group("what")) or _search(NEED_OBJECTS, without.group("what"), re.I):
            return Found("need", "zonder", addressees(without.group("what")))
    only_if = _search(  # "Wij kunnen dit alleen als de wetgever ...", "Dat kan pas als het kabinet ..."
        rf"(?:\b{WRITER}\s+(?:kunnen|kan)\b|\b(?:kunnen|kan)\s+{WRITER}\b|\b(?:dat|dit)\s+kan\b|^)[^.;:]*?"
        r"\b(?P<verb>alleen|pas)\s+"
        r"(?:\w+\s+){0,2}?(?:als|wanneer|indien)\s+(?P<to>(?:[\w’'-]+\s+){1,5})",
        sentence,
        re.I,
    )
    if only_if and addressees(only_if.group("to")) and not _leads(only_if.group("to")):
        return Found("need", only_if.group("verb").lower(), addressees(only_if.group("to")))
    luxury = _match(  # "Een vaste voet in de begroting is voor ons geen luxe maar een bittere noodzaak."
        r"(?P<what>[^.;:]{1,120}?)\s+is\s+(?:voor\s+ons\s+)?(?:geen\s+luxe\s+maar\s+)?(?:een\s+)?(?:\w+\s+)?noodzaak\b",
        sentence,
        re.I,
    )
    if luxury and (_search(FUNDING, luxury.group("what"), re.I) or _search(NEED_OBJECTS, luxury.group("what"), re.I)):
        return Found("need", "noodzaak", addressees(luxury.group("what")))
    for pattern in (
        r"\ber\s+is\s+(?:\w+\s+)?(?P<verb>behoefte)\s+aan\s+(?P<what>[^.;:]{1,100})",
        r"\ber\s+(?:moet|moeten)\s+(?P<what>[^.;:]{1,80}?)\s+"
        r"(?P<verb>komen|worden\s+(?:genomen|gemaakt)|(?:genomen|gemaakt)\s+worden)\b",
        rf"\b(?:is|zijn)\s+(?P<what>[^.;:]{{1,100}}?\s+(?:\w+\s+)?)(?P<verb>{NEEDS})\b",
        rf"(?:^|,\s*)(?P<what>[^,.;:]{{1,100}}?)\s+(?:is|zijn)\s+(?:\w+\s+)?(?P<verb>{NEEDS})\b",
        r"\b(?P<verb>(?:rand)?voorwaarde)\s+is\s+dat\s+(?P<what>[^,.;:]{1,60})",
        r"\b(?P<what>\w+)\s+(?:moet|moeten)\s+er\s+(?:[^.;:]{0,40}?\s+)?(?P<verb>komen)\b",  # "X moet er komen"
        rf"^wat\s+{WRITER}\s+(?:\w+\s+){{0,4}}?(?P<verb>nodig)\s+(?:hebben|heb|heeft)\s*,?\s*is\s+(?P<what>[^.;:]+)",
    ):
        for found in _finditer(pattern, sentence, re.I):
            what = found.group("what")
            if _search(r"\b(?:om|waar|als|indien|wanneer|dat|die|omdat|niet|geen)\b", what, re.I):
                continue  # "waar dat nodig is": a condition, not a need; "niet nodig": none
            if _search(NEED_OBJECTS, what, re.I) or (addressees(what) and not _own(what)):
                if not _match(r"\s*(?:het\s+)?(?:nuttig|fijn|goed|belangrijk)\b", what, re.I):
                    return Found("need", found.group("verb").split()[-1].lower(), addressees(sentence))
    return None


def _views(sentence: str) -> Found | None:
    """What something asks of another party, in the writer's view: "volgens ons vraagt dat ...", "Dit vraagt om
    een politieke keuze"; not "vraagt veel van onze mensen" (a burden) nor "vroeg" (past)."""
    found = _search(r"\bvolgens\s+ons\b[^.]*\b(?P<verb>vraagt)\b", sentence, re.I)
    if found:
        return Found("view", "vraagt", addressees(sentence))
    found = _search(
        r"(?:^|[,;:]\s*|\b(?:en|maar|dus)\s+)(?:dit|dat|het|deze\s+\w+|die\s+\w+)\s+(?P<verb>vraagt|vergt|vereist)\s+"
        r"(?:dus\s+|daarom\s+|echt\s+|wel\s+)?(?:om\s+)?(?P<what>[^,.;]*)",
        sentence,
        re.I,
    )
    if found and not _match(r"(?:ook\s+)?(?:veel|iets|tijd)\b", found.group("what"), re.I):
        named = addressees(found.group("what"))
        if named:
            return Found("view", found.group("verb").lower(), named)
    found = _search(  # "De registratie vraagt om een besluit van de minister": what only another party can give
        rf"^(?P<subject>[^,;:]{{1,80}}?)\s+(?P<verb>vraagt|vragen|vergt|vereist)\s+(?:om\s+)?(?:een\s+|de\s+)?"
        rf"(?:\w+\s+)?(?P<what>{NEED_OBJECTS}\s+(?:van|door)\s+[^,.;]{{1,60}})",
        sentence,
        re.I,
    )
    if found and addressees(found.group("what")) and not _search(r"\bmoties?\b", found.group("subject"), re.I):
        if not addressees(found.group("subject")):
            return Found("view", found.group("verb").lower(), addressees(found.group("what")))
    return None


def _advice(sentence: str, part: str | None) -> Found | None:
    """A recommendation: "Het verdient aanbeveling ...", "Het zou goed zijn als gemeenten ...", "Het helpt als
    Kamerleden ..."; under "Wat moet/kan anders?" also what "kan helpen"."""
    found = _search(r"\bverdient\s+(?P<verb>aanbeveling)\b(?P<rest>.*)", sentence, re.I)
    if found and not _own_people_only(found.group("rest")):
        return Found("advice", "aanbeveling", addressees(sentence))
    found = _search(
        r"\bhet\s+(?P<verb>zou\s+(?:(?:\w+\s+){0,3}?helpen|(?:goed|verstandig|wenselijk|beter)\s+zijn)|helpt(?:\s+\w+)?|"
        r"is\s+(?:wenselijk|verstandig))\s+"
        r"(?:als|dat|wanneer|indien)\s+(?P<to>(?:\w+[\s,]+){1,6})",
        sentence,
        re.I,
    )
    if found and addressees(found.group("to")):
        return Found("advice", found.group("verb").split()[-1].lower(), addressees(found.group("to")))
    if part in ADVICE_PARTS:
        found = _search(r"\bkan\b[^.]*\b(?P<verb>handvatten|helpen|bijdragen)\b", sentence, re.I)
        if found:
            return Found("advice", found.group("verb").lower(), addressees(sentence))
    return None


def _recommends(sentence: str) -> Found | None:
    """A recommendation naming a party ("Het verdient de voorkeur dat de minister", "Het ware te overwegen", "lijkt
    ons op zijn plaats"), and what would help ("Het zou ons werk versnellen als ministeries ...")."""
    for pattern in (
        r"\b(?:verdient|verdienen)\s+(?P<verb>overweging|de\s+voorkeur)\b(?P<rest>.*)",
        r"\b(?P<verb>aanbeveling)\s+verdient\b(?P<rest>.*)",
        r"\bhet\s+(?:ware|valt|is)\s+te\s+(?P<verb>overwegen)\b(?P<rest>.*)",
        r"\bhet\s+(?:ligt|lijkt)\s+(?P<verb>in\s+de\s+rede|voor\s+de\s+hand)\s+dat\b(?P<rest>.*)",
        r"^(?:misschien|wellicht)\s+(?:is\s+het\s+een\s+(?P<verb>idee)|kan\s+(?P<to>[^,.;:]{1,60}?)\s+"
        r"(?P<verb2>overwegen))\b(?P<rest>.*)",
        r"\b(?:is|zijn|zou|zouden)\s+(?:\w+\s+)?(?P<verb>gebaat)\s+(?:zijn\s+)?bij\b(?P<rest>.*)",
        r"\b(?:lijkt|lijken)\s+ons\s+(?:\w+\s+)?(?P<verb>op\s+zijn\s+plaats|verstandig|raadzaam|wenselijk)(?P<rest>)",
    ):
        found = _search(pattern, sentence, re.I)
        if not found:
            continue
        rest = found.group("rest")
        if _match(r"\s*(?:,\s*)?(?:dat\s+|om\s+)?(?:we|wij|ons|onze)\b", rest, re.I):
            continue  # "Het verdient de voorkeur dat wij ...": the writer's own plan
        named = addressees(found.groupdict().get("to") or "") or addressees(sentence)
        if named:  # a recommendation naming no party is the writer's own consideration
            verb = found.group("verb") or found.groupdict().get("verb2")
            return Found("advice", verb.split()[-1].lower(), named)
    helped = _search(  # "Het zou ons werk eenvoudiger maken als ...", "Wij zouden er zeer mee geholpen zijn als ..."
        rf"(?:\bhet|\b{WRITER})\s+(?:zou|zouden)\s+(?P<what>[^,.;:]{{0,80}}?)\b(?:als|wanneer|indien)\s+"
        r"(?P<to>(?:[\w’'-]+[\s,]+){1,6})",
        sentence,
        re.I,
    )
    if helped and addressees(helped.group("to")) and not _leads(helped.group("to")):
        if not _search(r"\b(?:geweest|hebben|had|hadden)\b", helped.group("what"), re.I):
            return Found("advice", "zou", addressees(helped.group("to")))
    return None


def _choices_and_expectations(sentence: str) -> Found | None:
    """A choice that is another's ("een afweging die aan de politiek toekomt"), what only a party can do ("dat kan
    alleen de wetgever regelen"), an expectation put first ("Van de gemeenten verwachten wij ...")."""
    theirs = _search(  # "een afweging die aan de politiek toekomt", "een dilemma dat de Kamer moet beslechten"
        r"\b(?:(?P<verb>keuze|afweging|beslissing|besluit|vraag|dilemma|kwestie)\s+(?:\w+\s+)?|is\s+er\s+(?:een|één)\s+)"
        r"(?:die|dat)\s+(?P<to>[^.;:]{1,80}?)\s+(?P<act>toekomt|moet|moeten|dient|neerleggen|voorleggen)\b",
        sentence,
        re.I,
    ) or _search(  # "en dat is een besluit van het kabinet"
        r"\b(?:dat|dit)\s+is\s+(?:een|de)\s+(?:\w+\s+)?(?P<verb>keuze|besluit|beslissing|afweging|zaak)\s+"
        r"(?:van|voor)\s+(?P<to>[^,.;:]{1,60})",
        sentence,
        re.I,
    )
    laid = theirs and theirs.groupdict().get("act") in ("neerleggen", "voorleggen")  # "die wij bij u neerleggen"
    if theirs and addressees(theirs.group("to")) and (laid or not _leads(theirs.group("to"))):
        return Found("ask", (theirs.group("verb") or "keuze").lower(), addressees(theirs.group("to")))
    only = _search(  # "dat kan alleen de wetgever regelen", "die alleen het ministerie en de Kamer kunnen regelen"
        r"\b(?:kan|kunnen)\s+alleen\s+(?P<to>(?:de|het|uw)\s+\w+(?:\s+en\s+(?:de|het)\s+\w+)?)"
        r"|\balleen\s+(?P<to2>(?:de|het|uw)\s+\w+(?:\s+en\s+(?:de|het)\s+\w+)?)\s+(?:\w+\s+)?(?:kan|kunnen)\b",
        sentence,
        re.I,
    )
    if only and addressees(only.group("to") or only.group("to2")) and not _search(PAST, sentence, re.I):
        return Found("need", "alleen", addressees(only.group("to") or only.group("to2")))
    fronted = _match(  # "Van de gemeenten verwachten wij dat ...", "Van de makers mogen wij verwachten dat ..."
        rf"^(?:\w+\s+){{0,2}}?van\s+(?P<to>[^,.;:]{{1,80}}?)\s+(?P<verb>verwachten|verlangen|eisen|vragen|mogen)\s+"
        rf"{WRITER}\b",
        sentence,
        re.I,
    ) or _search(  # "dan mag van de wetgever ook worden verwacht dat ..."
        r"\b(?:mag|mogen|wordt|worden)\s+van\s+(?P<to>[^,.;:]{1,60}?)\s+(?:\w+\s+)?(?:worden\s+)?(?P<verb>verwacht)\b",
        sentence,
        re.I,
    )
    if fronted and addressees(fronted.group("to")) and not _search(r"\bons\b", fronted.group("to"), re.I):
        return Found("ask", fronted.group("verb").lower(), addressees(fronted.group("to")))
    return None


def _looks_to(sentence: str) -> Found | None:
    """The writer looking to a party ("daarvoor kijken wij naar de minister", "Rest ons de Kamer te vragen", "Wij
    zijn benieuwd of de minister bereid is"), a wish "wat ons betreft", a letter's request ("Graag vernemen wij van
    u ..."), a lack ("Wij missen een besluit van ...", "staat of valt met een kabinetsbesluit")."""
    for pattern in (
        rf"\b(?:daarvoor|hiervoor|voor\s+(?:dat|die|deze|dit)\b[^,.;:]{{0,20}}?)\s+(?P<verb>kijken|kijk)\s+{WRITER}\s+"
        r"(?:\w+\s+)?naar\s+(?P<to>[^,.;:]{1,40})",
        r"^(?:\w+\s+)?rest\s+(?:ons|mij)\s+(?P<to>[^.;:]{0,60}?)\s*(?:nog\s+)?(?:te\s+)?(?P<verb>vragen|verzoeken)\b",
        rf"\b{WRITER}\s+(?:zijn|ben)\s+(?:\w+\s+)?(?P<verb>benieuwd)\s+of\s+(?P<to>[^,.;:]{{1,60}}?)\s+bereid\b",
        rf"\b{WRITER}\b[^.;:]*\b(?:zouden|zou)\s+(?:dat|dit|het)\s+(?:\w+\s+){{0,2}}?(?P<verb>verwelkomen|toejuichen|waarderen)"
        r"(?P<to>)",
    ):
        found = _search(pattern, sentence, re.I)
        named = found and (addressees(found.group("to")) or addressees(sentence))
        if named:
            return Found("ask", found.group("verb").lower(), named)
    mine = _search(  # "daarom moet de kwijtschelding wat ons betreft bij wet worden uitgebreid"
        r"(?:^|[,;:]\s*(?:en\s+|maar\s+)?)(?P<subject>[^,;:]{0,60}?)\b(?P<verb>moet|moeten|mag|mogen|dient|dienen)\b"
        r"[^.;:]{0,80}?\bwat\s+ons\s+betreft\b",
        sentence,
        re.I,
    )
    if mine and not _own_subject(mine.group("subject")) and not _search(PAST, sentence, re.I):
        return Found("advice", mine.group("verb").lower(), addressees(sentence))
    letter = _match(rf"^graag\s+(?P<verb>vernemen|ontvangen|horen|krijgen)\s+{WRITER}\s+(?P<to>.*)", sentence, re.I)
    if letter and (addressees(letter.group("to")) or _match(r"van\s+u\b", letter.group("to"), re.I)):
        return Found("ask", letter.group("verb").lower(), addressees(letter.group("to")) or ["Tweede Kamer"])
    lack = _search(
        rf"\b{WRITER}\s+(?P<verb>missen)\s+(?P<what>[^.;:]{{1,100}})"
        r"|\b(?P<verb2>staat\s+of\s+valt|wachten\s+is)\s+(?:met|op)\s+(?P<what2>[^.;:]{1,100})",
        sentence,
        re.I,
    )
    if lack:
        what = lack.group("what") or lack.group("what2")
        if _search(NEED_OBJECTS, what, re.I) and addressees(what):
            return Found("need", (lack.group("verb") or lack.group("verb2")).split()[-1].lower(), addressees(what))
    return None


def _other_forms(sentence: str) -> Found | None:
    """A point for attention, and an offer to come to the table."""
    found = _search(r"\b(?P<verb>punt\s+van\s+aandacht)\b", sentence, re.I)
    if found:
        return Found("attention", "punt van aandacht", addressees(sentence))
    found = _search(rf"\b{WRITER}\s+(?P<verb>komen)\b[^.]*\bgraag\b", sentence, re.I)
    if found:
        return Found("offer", "komen", addressees(sentence))
    return None


def detect(sentence: str, organisation: str, part: str | None = None) -> Found | None:
    """The call in ``sentence`` (written by ``organisation``, under the example part ``part``), or None.

    >>> detect("Wij doen een dringend beroep op de Kamer om de termijn te verlengen.", "UWV")
    Found(kind='ask', verb='doen', addressees=['Tweede Kamer'])
    >>> detect("Onze vraag aan de wetgever is eenvoudig: schrap de uitzondering.", "SVB").addressees
    ['wetgever']
    >>> detect("Het is aan het kabinet om hierover te beslissen.", "IND").addressees
    ['kabinet']
    >>> detect("Daarvoor hebben we een besluit van de staatssecretaris nodig.", "CJIB").kind
    'need'
    >>> [detect(s, "UWV") for s in ("In 2021 vroegen we de Kamer om geld.", "De Kamer vraagt ons om haast.",
    ...  "De VNG roept gemeenten op te investeren.", "Wij vragen klanten hun adres door te geven.",
    ...  "Ter uitvoering van de motie hebben we de regels aangepast.", "We moeten onze planning verbeteren.")]
    [None, None, None, None, None, None]
    """
    return _detect(as_writer(sentence.replace("\u00ad", ""), organisation), part)


def _detect(sentence: str, part: str | None) -> Found | None:
    """:func:`detect` once the writer's name is :data:`WRITER_NAME`."""
    if _search(r"\b(?:ter\s+uitvoering\s+van|op\s+verzoek\s+van)\b", sentence, re.I) and not _search(
        rf"\b{WRITER}\s+(?:vragen|verzoeken|roepen|pleiten)\b", sentence, re.I
    ):
        return None
    if sentence.rstrip().endswith("?"):
        statement = sentence.split(":", 1)[0] + "." if ":" in sentence else None  # "Het gaat om een keuze ...: ...?"
        return _question(sentence) or _nouns(sentence) or (_detect(statement, part) if statement else None)
    for rule in (
        lambda: _asks(sentence),
        lambda: _addressed(sentence),
        lambda: _nouns(sentence),
        lambda: _views(sentence),
        lambda: _needs(sentence),
        lambda: _up_to_them(sentence, part),
        lambda: _imperative(sentence),
        lambda: _advice(sentence, part),
        lambda: _recommends(sentence),
        lambda: _choices_and_expectations(sentence),
        lambda: _looks_to(sentence),
        lambda: _other_forms(sentence),
    ):
        found = rule()
        if found is not None:
            return _unnamed(found, sentence)
    return None


def _unnamed(found: Found, sentence: str) -> Found:
    """A need of money names no one, but only the opdrachtgever and politics can meet it (the corpus's rule)."""
    if found.addressees or not _search(FUNDING, sentence, re.I):
        return found
    return Found(found.kind, found.verb, ["politiek", "opdrachtgever"])


def judge(sentence: str, organisation: str, part: str | None = None) -> tuple[bool, list[str]]:
    """Whether ``sentence`` is a call and whom it asks: the one decision the detector makes for every sentence
    of a report, and the one the corpus tests measure.

    >>> judge("Wij verzoeken de minister om de invoering uit te stellen.", "SVB")
    (True, ['bewindspersoon'])
    >>> judge("De minister verzocht ons om de invoering uit te stellen.", "SVB")
    (False, [])
    """
    found = detect(sentence, organisation, part)
    return (True, found.addressees) if found else (False, [])


def calls(report: dict) -> list[dict]:
    """Every sentence with a call, with its kind, verb, addressees and provenance."""
    registry = IdRegistry()
    records = []
    examples = enclosing_examples(report)
    for section, paragraph in walk(report):
        part = section["kind"] if section["kind"] in PARTS else None
        for sentence in bounded_sentences(paragraph["text"]):
            found = detect(sentence, report["organisation"], part)
            if found is None:
                continue
            records.append(
                {
                    "id": registry.claim(f"{report['id']}-oproep-{slug(sentence, 6)}"),
                    **located(report, section, paragraph, examples),
                    "kind": found.kind,
                    "verb": found.verb,
                    "addressees": found.addressees,
                    "text": sentence,
                }
            )
    return records


def call_contexts(report: dict) -> dict[str, str | None]:
    """The sentence before each call (it often names who or what the call is about), None where the call opens
    its section: stored for the site's tracker, which shows it and splits no sentences of its own. Each
    paragraph's sentences are found once, however many calls it has."""
    places = {p["id"]: (s, p) for s, p in walk(report)}
    split: dict[str, tuple[list[str], dict[str, int]]] = {}

    def of(paragraph: dict) -> tuple[list[str], dict[str, int]]:
        if paragraph["id"] not in split:
            own = bounded_sentences(paragraph["text"])
            split[paragraph["id"]] = own, {sentence: i for i, sentence in reversed(list(enumerate(own)))}
        return split[paragraph["id"]]

    found: dict[str, str | None] = {}
    for call in report["calls"]:
        section, paragraph = places[call["paragraph"]]
        own, index = of(paragraph)
        if index.get(call["text"], 0) > 0:
            found[call["id"]] = own[index[call["text"]] - 1]
        else:
            position = section["paragraphs"].index(paragraph)
            before = of(section["paragraphs"][position - 1])[0] if position > 0 else []
            found[call["id"]] = before[-1] if before else None
    return found
