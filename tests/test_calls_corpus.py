"""The call detector on sentences it was not tuned on: the development part of the calls corpus.

tests/corpora/calls/development*.yaml were written and labelled before any run of the detector, in the genre's style,
by several organisations and years; its look-alikes (reported requests, third parties' calls, past calls, motions
carried out, own plans, asks of own staff and customers) must be refused. The held-out part is measured by the lead
with :func:`calls_corpus.corpus_figures`, never here.
"""

from __future__ import annotations

import pytest

from calls_corpus import corpus_figures, report
from conftest import ROOT
from stand.derive.calls import judge

DEVELOPMENT = sorted((ROOT / "tests/corpora/calls").glob("development*.yaml"))


@pytest.mark.parametrize("part", DEVELOPMENT, ids=lambda path: path.stem)
def test_development_corpus_recall_and_precision(part):
    figures = corpus_figures(part)
    print(report(figures))
    assert figures["recall"] >= 0.9, report(figures)
    assert figures["precision"] >= 0.9, report(figures)


@pytest.mark.parametrize("part", DEVELOPMENT, ids=lambda path: path.stem)
def test_development_corpus_addressees(part):
    """Who is asked matters as much as that something is: most true calls name exactly the labelled parties."""
    figures = corpus_figures(part)
    assert figures["addressees_exact"] >= 0.8, report(figures)


# One ask to the Kamer in the constructions the genre uses, and look-alikes that are not asks.
ASKS = [
    "Wij verzoeken de Kamer de invoering uit te stellen.",
    "Daarom roepen wij de Kamer op de invoering uit te stellen.",
    "We doen een dringend beroep op de Kamer om de invoering uit te stellen.",
    "Ons verzoek aan de Kamer is om de invoering uit te stellen.",
    "Aan de Kamer het verzoek om de invoering uit te stellen.",
    "Het is aan de Kamer om de invoering uit te stellen.",
    "De Kamer zou de invoering moeten uitstellen.",
    "Wij zouden de Kamer willen vragen de invoering uit te stellen.",
    "Wij geven de Kamer in overweging de invoering uit te stellen.",
    "Wij hopen dat de Kamer de invoering uitstelt.",
    "Daarvoor is een besluit van de Kamer nodig.",
    "Voor een tijdige invoering is het nodig dat de Kamer het voorstel voor de zomer behandelt.",
    "Wat wij van de Kamer nodig hebben, is uitstel van de invoering.",
    "Is uw Kamer bereid de invoering uit te stellen?",
    "Als de Kamer de invoering wil versnellen, dan moet zij eerst het voorstel behandelen.",
    "Wij zijn de Kamer dankbaar en rekenen erop dat zij de invoering uitstelt.",
    "Om dat zo te houden vragen wij de Kamer de invoering niet opnieuw te vervroegen.",
    "De Kamer wordt verzocht de invoering uit te stellen.",
    "Er wordt van de Kamer gevraagd de invoering uit te stellen.",
    "Hierbij het verzoek aan de Kamer om de invoering uit te stellen.",
    "Na een zwaar jaar is onze dringende vraag aan de Kamer om de invoering uit te stellen.",
    "Wat wij de Kamer vragen is eenvoudig: stel de invoering uit.",
    "Dat de Kamer de invoering uitstelt, is waar wij om vragen.",
    "Ons doel is dat de Kamer de invoering uitstelt.",
    "Wij hechten eraan dat de Kamer de invoering uitstelt.",
    "Het is raadzaam dat de Kamer de invoering uitstelt.",
    "Hier ligt een keuze voor de Kamer: de invoering uitstellen of de regels vereenvoudigen.",
    "Het is de hoogste tijd dat de Kamer de invoering uitstelt.",
    "De invoering vraagt om een besluit van de Kamer.",
    "Wij zouden het toejuichen als de Kamer de invoering uitstelt.",
    "Kan de Kamer de invoering uitstellen?",
    "Het zou de uitvoering helpen als de Kamer de invoering uitstelt.",
    "Wij hopen op steun van de Kamer bij het uitstel van de invoering.",
    "Uitstel van de invoering is aan de Kamer.",
    "Het is belangrijk dat de Kamer de invoering uitstelt.",
    "Wat ons betreft stelt de Kamer de invoering uit.",
    "Wij kunnen de regeling alleen uitvoeren als de Kamer de invoering uitstelt.",
    "Het is tijd voor een besluit van de Kamer over het uitstel.",
    "De Kamer kan de uitvoering helpen door de invoering uit te stellen.",
    "Wij zien hier een rol voor de Kamer.",
    "Laten we samen met de Kamer de invoering uitstellen.",
    "Graag zouden wij zien dat de Kamer de invoering uitstelt.",
    "Wij zijn voorstander van uitstel van de invoering door de Kamer.",
]

NOT_ASKS = [
    "De Kamer vroeg ons de invoering uit te stellen.",
    "In 2023 vroegen wij de Kamer de invoering uit te stellen.",
    "De VNG roept de Kamer op de invoering uit te stellen.",
    "Op verzoek van de Kamer hebben we de invoering uitgesteld.",
    "Ter uitvoering van de motie stellen we de invoering uit.",
    "We moeten de invoering uitstellen.",
    "Wij vragen burgers hun adres door te geven.",
    "Wij vragen de Kamer geen extra middelen.",
    "Wij nodigen de Kamer uit voor een werkbezoek aan onze vestiging.",
    "Onze medewerkers vragen wij om klanten op de regeling te wijzen.",
    "Als wij de invoering willen halen, dan moeten wij eerst de systemen aanpassen.",
    "Wij worden verzocht de invoering uit te stellen.",
    "Wij vragen werkgevers gegevens op over het loon van de werknemer.",
    "Er ligt een opgave voor ons om de invoering goed voor te bereiden.",
    "De motie vraagt om een besluit van de Kamer.",
    "Kunnen wij dit jaar alle aanvragen op tijd afhandelen?",
    "Wij hopen op een rustiger jaar.",
    "Wat ons betreft was het een goed jaar.",
    "Het is belangrijk dat wij onze systemen vernieuwen.",
    "Wij kunnen dit alleen als wij meer mensen aannemen.",
    "Laten we niet vergeten dat het een zwaar jaar was.",
    "Wij zien een rol voor onszelf in de keten.",
]


def test_the_same_ask_in_other_words():
    """One ask to the Kamer in the constructions the genre uses, and the look-alikes that are not asks."""
    assert [s for s in ASKS if judge(s, "UWV") != (True, ["Tweede Kamer"])] == []
    assert [s for s in NOT_ASKS if judge(s, "UWV")[0]] == []
