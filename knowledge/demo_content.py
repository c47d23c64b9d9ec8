"""Demo content of the knowledge base: what `manage.py seed_knowledge` loads.

Two sources, both written for this portal in our own words:

- CORE: hand-written resources about well-known kinds of European innovation
  procurement (figures and TED links in case studies are illustrative);
- generated resources, assembled from per-language building blocks (BLOCKS) so that
  every centre has a few dozen resources in its own language.

Everything here is plain data plus deterministic builders: the same specs come out
on every run, which is what makes the seeder idempotent by (centre, slug).
"""

import datetime as dt
import random
import zlib
from dataclasses import dataclass, field

from django.utils.text import slugify

# Centre slug → (language of its own resources, country code, published total).
# National centres get about twenty resources, task-force projects about eight;
# generated ones make up what the hand-written core leaves.
PLAN = {
    "ioeb": ("de", "AT", 20),
    "koinno": ("de", "DE", 20),
    "pianoo": ("nl", "NL", 20),
    "spain": ("es", "ES", 20),
    "upphandlingsmyndigheten": ("sv", "SE", 20),
    "estonia": ("et", "EE", 20),
    "greece": ("el", "GR", 20),
    "ireland": ("en", "IE", 20),
    "italy": ("it", "IT", 20),
    "portugal": ("pt", "PT", 20),
    "keino": ("fi", "FI", 20),
    "mita": ("lt", "LT", 20),
    "procedin": ("en", "", 8),
    "build": ("en", "", 8),
    "health-innofacilitator": ("en", "", 8),
}
# Centres whose last generated resources stay in the workflow: two drafts and one
# in review each (their demo editors wrote them).
UNPUBLISHED = {
    "koinno": ["draft", "draft", "in_review"],
    "pianoo": ["draft", "draft", "in_review"],
}

FIRST_DAY = dt.date(2018, 1, 15)
LAST_DAY = dt.date(2026, 10, 30)


@dataclass
class Spec:
    """One resource to create: its owner, address, content and links."""

    centre: str
    slug: str
    data: dict
    status: str = "published"  # or "draft" / "in_review"
    translation_of: str = ""  # slug of the original, same centre
    related: list[tuple[str, str]] = field(default_factory=list)  # (centre, slug)
    attachment: str = ""  # file name of a generated one-page PDF


# ---------------------------------------------------------------------------
# A small, valid one-page PDF, built in code (no binary files in the repository).


def _pdf_text(text: str) -> bytes:
    raw = text.encode("cp1252", "replace")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def pdf_bytes(title: str, lines=()) -> bytes:
    """A one-page A4 PDF showing `title` and a few lines of text (WinAnsi)."""
    ops = [b"BT", b"/F1 18 Tf", b"56 780 Td", b"(" + _pdf_text(title[:80]) + b") Tj"]
    ops += [b"/F1 11 Tf"]
    for line in lines:
        ops += [b"0 -22 Td", b"(" + _pdf_text(line[:95]) + b") Tj"]
    ops.append(b"ET")
    stream = b"\n".join(ops)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
        b"/Encoding /WinAnsiEncoding >>",
        b"<< /Title (" + _pdf_text(title[:120]) + b") /Producer (P2I Portal demo) >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\n" % (
        len(objects) + 1,
        len(objects),
    )
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


# ---------------------------------------------------------------------------
# Hand-written core. Facts about procedures and programmes are public; buyers'
# figures and TED links are illustrative, and the bodies say so.

ILLUSTRATIVE = {
    "de": "*Demo-Inhalt: Zahlen und TED-Link dieses Beispiels sind illustrativ.*",
    "en": "*Demo content: the figures and the TED link of this example are illustrative.*",
    "nl": "*Demo-inhoud: de bedragen en de TED-link van dit voorbeeld zijn illustratief.*",
    "es": "*Contenido de demostración: las cifras y el enlace TED de este ejemplo son ilustrativos.*",
    "sv": "*Demoinnehåll: siffrorna och TED-länken i exemplet är illustrativa.*",
    "et": "*Demosisu: selle näite arvud ja TED-i link on illustratiivsed.*",
    "el": "*Περιεχόμενο επίδειξης: τα ποσά και ο σύνδεσμος TED αυτού του παραδείγματος είναι ενδεικτικά.*",
    "it": "*Contenuto dimostrativo: le cifre e il link TED di questo esempio sono illustrativi.*",
    "pt": "*Conteúdo de demonstração: os valores e a ligação TED deste exemplo são ilustrativos.*",
    "fi": "*Esittelysisältö: esimerkin luvut ja TED-linkki ovat havainnollistavia.*",
    "lt": "*Demonstracinis turinys: šio pavyzdžio skaičiai ir TED nuoroda yra iliustraciniai.*",
}


def _ted(number: int, year: int) -> str:
    return f"https://ted.europa.eu/en/notice/-/detail/{number}-{year}"


def _core(centre, slug, *, language, published_on, **data):
    extra = {
        key: data.pop(key)
        for key in ("status", "translation_of", "related", "attachment")
        if key in data
    }
    data.update(language=language, published_on=dt.date.fromisoformat(published_on))
    if data.get("kind") == "case_study":
        data["body"] = data["body"].rstrip() + "\n\n" + ILLUSTRATIVE[language]
    return Spec(centre=centre, slug=slug, data=data, **extra)


KOINNO_LINKS = [{"title": "KOINNO", "url": "https://www.koinno-bmwk.de/"}]
PIANOO_LINKS = [{"title": "PIANOo", "url": "https://www.pianoo.nl/"}]

CORE = [
    _core(
        "koinno",
        "leitfaden-innovative-beschaffung",
        language="de",
        published_on="2023-03-14",
        kind="tool",
        tool_type="guide",
        title="Leitfaden für die innovative öffentliche Beschaffung",
        summary=(
            "Wie öffentliche Auftraggeber Innovationen einkaufen: vom funktional "
            "beschriebenen Bedarf über die Markterkundung bis zum Vertragsmanagement, "
            "mit einem Überblick über die passenden Vergabeverfahren."
        ),
        body="""\
Innovative Beschaffung heißt nicht, etwas Exotisches zu kaufen. Sie heißt, den
**Bedarf** so zu beschreiben, dass auch Lösungen eine Chance haben, die der
Auftraggeber noch nicht kennt.

## Warum innovativ beschaffen?

- Bessere Leistungen für Bürgerinnen und Bürger zu vergleichbaren Lebenszykluskosten
- Beiträge zu Klimaschutz und Kreislaufwirtschaft
- Neue Marktchancen für kleine und mittlere Unternehmen und Start-ups

Das Vergaberecht lässt ausdrücklich zu, qualitative, innovative, soziale und
umweltbezogene Aspekte zu berücksichtigen (§ 97 Abs. 3 GWB).

## Fünf Schritte

1. **Bedarf funktional beschreiben:** Welches Problem soll gelöst werden? Leistungs-
   und Funktionsanforderungen statt Produktvorgaben.
2. **Markt erkunden:** Eine Markterkundung (§ 28 VgV) zeigt, was möglich ist, und
   schärft die Leistungsbeschreibung.
3. **Verfahren wählen:** siehe Tabelle.
4. **Zuschlagskriterien gewichten:** Qualität, Lebenszykluskosten und Innovationsgrad
   statt allein des Preises.
5. **Vertrag steuern:** Kennzahlen, Meilensteine und regelmäßige Gespräche.

## Welches Verfahren passt?

| Situation | Verfahren |
|---|---|
| Lösung am Markt vorhanden, aber neu für den Auftraggeber | Offenes Verfahren mit funktionaler Leistungsbeschreibung |
| Lösung muss gemeinsam ausgehandelt werden | Verhandlungsverfahren oder wettbewerblicher Dialog (§ 18 VgV) |
| Lösung muss erst entwickelt und dann gekauft werden | Innovationspartnerschaft (§ 19 VgV) |
| Nur Forschung und Entwicklung, ohne Kauf | Vorkommerzielle Auftragsvergabe (PCP) |

Das Kompetenzzentrum berät kostenlos bei einzelnen Vorhaben.
""",
        authors="KOINNO-Team",
        sectors=["ict", "mobility", "energy"],
        approaches=["ppi", "partnership", "pcp", "market_consultation"],
        tags=["Leitfaden", "Vergaberecht", "Innovation"],
        countries=["DE"],
        external_links=KOINNO_LINKS,
        related=[
            ("koinno", "checkliste-markterkundung"),
            ("ioeb", "musterunterlagen-innovationspartnerschaft"),
        ],
        attachment="leitfaden-innovative-beschaffung.pdf",
    ),
    _core(
        "koinno",
        "guide-innovative-public-procurement",
        language="en",
        published_on="2023-05-02",
        kind="tool",
        tool_type="guide",
        title="Guide to innovative public procurement",
        summary=(
            "How public buyers procure innovation: from a need described by its "
            "function, through market consultation, to contract management, with an "
            "overview of the procedures that fit."
        ),
        body="""\
Innovative procurement does not mean buying something exotic. It means describing
the **need** so that solutions the buyer does not yet know about stand a chance.

## Why procure innovation?

- Better services for citizens at comparable life-cycle cost
- Contributions to climate goals and the circular economy
- New market opportunities for SMEs and start-ups

Public procurement law explicitly allows qualitative, innovative, social and
environmental aspects to be taken into account.

## Five steps

1. **Describe the need by its function:** which problem must be solved?
2. **Consult the market:** an open market consultation shows what is possible.
3. **Choose the procedure:** see the table.
4. **Weight the award criteria:** quality, life-cycle cost and innovation, not price alone.
5. **Manage the contract:** indicators, milestones and regular reviews.

## Which procedure fits?

| Situation | Procedure |
|---|---|
| A solution exists but is new to the buyer | Open procedure with functional specifications |
| The solution must be negotiated | Competitive procedure with negotiation or competitive dialogue |
| The solution must first be developed, then bought | Innovation partnership |
| Research and development only, no purchase | Pre-commercial procurement (PCP) |

This is the English version of KOINNO's German guide.
""",
        authors="KOINNO team",
        sectors=["ict", "mobility", "energy"],
        approaches=["ppi", "partnership", "pcp", "market_consultation"],
        tags=["guide", "procurement law", "innovation"],
        countries=["DE"],
        external_links=KOINNO_LINKS,
        translation_of="leitfaden-innovative-beschaffung",
    ),
    _core(
        "koinno",
        "checkliste-markterkundung",
        language="de",
        published_on="2022-09-20",
        kind="tool",
        tool_type="checklist",
        title="Checkliste: Markterkundung vor der Ausschreibung",
        summary=(
            "Zwölf Fragen, die sich Vergabestellen vor, während und nach einer "
            "Markterkundung stellen sollten – damit der Dialog mit Unternehmen fair, "
            "dokumentiert und nützlich bleibt."
        ),
        body="""\
Eine Markterkundung ist erlaubt und erwünscht, solange sie den Wettbewerb nicht
verzerrt. Diese Checkliste hilft bei der Vorbereitung.

## Vorher

- [ ] Ist der Bedarf als Problem oder Funktion beschrieben, nicht als Produkt?
- [ ] Wer im Haus muss beteiligt sein (Fachabteilung, Vergabestelle, Nutzer)?
- [ ] Wie wird die Markterkundung bekannt gemacht (Vorinformation, Plattform, Verbände)?
- [ ] Welche Fragen sollen die Unternehmen beantworten?

## Währenddessen

- [ ] Erhalten alle Unternehmen dieselben Informationen?
- [ ] Werden Gespräche protokolliert?
- [ ] Werden Geschäftsgeheimnisse der Unternehmen geschützt?
- [ ] Bleibt genug Zeit für Rückfragen?

## Danach

- [ ] Sind die Ergebnisse in die Leistungsbeschreibung eingeflossen?
- [ ] Werden Informationen, die Teilnehmende erhalten haben, allen Bietern zugänglich gemacht?
- [ ] Ist die Markterkundung in der Vergabeakte dokumentiert?
- [ ] Wurden die Teilnehmenden über den weiteren Ablauf informiert?
""",
        authors="KOINNO-Team",
        sectors=["ict", "health"],
        approaches=["market_consultation"],
        tags=["Markterkundung", "Checkliste"],
        countries=["DE"],
        external_links=KOINNO_LINKS,
        related=[("pianoo", "marktconsultatie-in-zes-stappen")],
    ),
    _core(
        "koinno",
        "checklist-market-consultation",
        language="en",
        published_on="2022-11-08",
        kind="tool",
        tool_type="checklist",
        title="Checklist: market consultation before the tender",
        summary=(
            "Twelve questions for contracting authorities before, during and after a "
            "market consultation, so that the dialogue with companies stays fair, "
            "documented and useful."
        ),
        body="""\
A market consultation is allowed and welcome as long as it does not distort
competition. This checklist helps to prepare it.

## Before

- [ ] Is the need described as a problem or a function, not as a product?
- [ ] Who in the organisation must take part (users, technical department, procurement)?
- [ ] How will the consultation be announced (prior information notice, platforms, associations)?
- [ ] Which questions should companies answer?

## During

- [ ] Do all companies receive the same information?
- [ ] Are meetings minuted?
- [ ] Are companies' trade secrets protected?
- [ ] Is there enough time for questions?

## After

- [ ] Have the results been used in the specifications?
- [ ] Is information given to participants made available to all bidders?
- [ ] Is the consultation documented in the procurement file?
- [ ] Have participants been told what happens next?
""",
        authors="KOINNO team",
        sectors=["ict", "health"],
        approaches=["market_consultation"],
        tags=["market consultation", "checklist"],
        countries=["DE"],
        external_links=KOINNO_LINKS,
        translation_of="checkliste-markterkundung",
    ),
    _core(
        "koinno",
        "expert-opinion-buddy-exchange",
        language="en",
        published_on="2025-02-11",
        kind="opinion_paper",
        title="Expert opinion paper: buddy exchanges between new and established centres",
        summary=(
            "What the network's knowledge-exchange meeting concluded about pairing each "
            "new competence centre with an established one: what worked, what took "
            "longer than planned, and recommendations for the next round."
        ),
        body="""\
Each new competence centre in the network is paired with an established one. This
paper collects the views of the experts who met at the network's knowledge-exchange
meeting to review the first year of these *buddy exchanges*.

## What worked

- Short, regular calls between the two teams, with a fixed agenda
- Study visits in which new centres joined counselling sessions of their buddy
- Reusing the established centre's templates and translating them early

## What took longer

- Adapting guidance to a different national procurement law
- Finding a stable host organisation and budget for the new centre

## Recommendations

1. Agree a written plan for the first six months of the exchange.
2. Share one real project and follow it together from need to contract.
3. Report the exchange's results at the next knowledge-exchange meeting.

This paper is shared with the network's staff only until the meeting's minutes are
approved.
""",
        authors="Experts of the network's knowledge-exchange meeting",
        sectors=["other"],
        approaches=[],
        tags=["buddy exchange", "network", "capacity building"],
        countries=["DE", "AT", "NL", "ES", "SE", "EE", "GR", "IE", "IT", "PT"],
        visibility="network",
        licence="all-rights-reserved",
    ),
    _core(
        "ioeb",
        "intelligente-strassenbeleuchtung",
        language="de",
        published_on="2022-06-07",
        kind="case_study",
        title="Intelligente LED-Straßenbeleuchtung für eine Marktgemeinde",
        summary=(
            "Eine niederösterreichische Gemeinde ersetzt ihre Straßenbeleuchtung durch "
            "vernetzte LED-Leuchten und schreibt dafür Energieeinsparung und "
            "Lichtqualität statt eines bestimmten Produkts aus."
        ),
        body="""\
Die Gemeinde wollte die Stromkosten ihrer rund 1 800 Lichtpunkte senken, ohne die
Sicherheit auf Straßen und Gehwegen zu verringern.

## Ausgangslage

Die alten Quecksilberdampf- und Natriumdampflampen waren teuer im Betrieb und
mussten ohnehin ersetzt werden. Statt Leuchten nach Katalog auszuschreiben, hat
die Gemeinde **Leistungsziele** vorgegeben: Mindestbeleuchtungsstärken, eine
Einsparung von mindestens 50 % und eine Steuerung, die das Licht nachts dimmt.

## Vorgehen

1. Markterkundung mit Herstellern und Planungsbüros, begleitet vom IÖB-Servicepunkt
2. Verhandlungsverfahren mit vorheriger Bekanntmachung nach dem BVergG 2018
3. Zuschlag nach Lebenszykluskosten über 15 Jahre und Qualität der Lichtplanung

## Warum es ein gutes Beispiel ist

Die funktionale Ausschreibung hat Angebote mit adaptiver Steuerung ermöglicht,
an die die Gemeinde selbst nicht gedacht hatte.
""",
        authors="IÖB-Servicepunkt",
        sectors=["energy"],
        approaches=["ppi", "market_consultation"],
        tags=["Straßenbeleuchtung", "LED", "Energieeffizienz", "Lebenszykluskosten"],
        countries=["AT"],
        buyer="Eine Marktgemeinde in Niederösterreich",
        case_country="AT",
        case_year=2021,
        contract_value_eur="1850000.00",
        procedure="Verhandlungsverfahren mit vorheriger Bekanntmachung",
        cpv_codes=["34928500-3", "34993000-4"],
        ted_url=_ted(312457, 2021),
        outcome=(
            "Der Stromverbrauch der Straßenbeleuchtung sank im ersten Jahr um 62 %. "
            "Die Leuchten melden Störungen selbst, was die Wartung vereinfacht."
        ),
        lessons_learned=(
            "Leistungsziele statt Produktvorgaben öffnen den Wettbewerb. Die "
            "Lebenszykluskosten müssen vorab sauber berechnet werden, sonst gewinnt "
            "doch das billigste Angebot."
        ),
        external_links=[{"title": "IÖB", "url": "https://www.ioeb.at/"}],
        related=[("italy", "scuole-energia-quasi-zero")],
        attachment="strassenbeleuchtung-fallstudie.pdf",
    ),
    _core(
        "ioeb",
        "musterunterlagen-innovationspartnerschaft",
        language="de",
        published_on="2024-01-23",
        kind="tool",
        tool_type="model_tender",
        title="Musterunterlagen: Ausschreibung einer Innovationspartnerschaft",
        summary=(
            "Gliederung und Textbausteine für die Bekanntmachung und die "
            "Ausschreibungsunterlagen einer Innovationspartnerschaft, mit Hinweisen "
            "zu Phasen, Zwischenzielen und geistigem Eigentum."
        ),
        body="""\
Die Innovationspartnerschaft (Artikel 31 der Richtlinie 2014/24/EU, in Österreich im
BVergG 2018 umgesetzt) verbindet Entwicklung und Kauf einer neuen Lösung in einem
Verfahren. Diese Musterunterlagen zeigen, wie die Unterlagen aufgebaut sein können.

## Gliederung

1. **Beschreibung des Bedarfs** – das Problem, nicht die Lösung
2. **Mindestanforderungen** – was jedes Angebot erfüllen muss
3. **Phasen und Zwischenziele** – z. B. Konzept, Prototyp, Pilotbetrieb
4. **Vergütung je Phase** und Voraussetzungen für den Übergang
5. **Kaufoption** – Menge, Preisobergrenze, Laufzeit
6. **Geistiges Eigentum** – Nutzungsrechte des Auftraggebers, Rechte der Partner
7. **Zuschlagskriterien** – Qualität und Innovationsgrad, Kosten, Team

## Textbaustein: Übergang zwischen Phasen

> Der Auftraggeber kann die Partnerschaft nach jeder Phase beenden oder die Zahl der
> Partner verringern, wenn die vereinbarten Zwischenziele nicht erreicht werden.

Die Bausteine sind ein Ausgangspunkt und ersetzen keine Rechtsberatung im Einzelfall.
""",
        authors="IÖB-Servicepunkt",
        sectors=["ict", "construction"],
        approaches=["partnership"],
        tags=["Innovationspartnerschaft", "Musterunterlagen", "Vergabeunterlagen"],
        countries=["AT"],
        external_links=[{"title": "IÖB", "url": "https://www.ioeb.at/"}],
        related=[("koinno", "leitfaden-innovative-beschaffung")],
    ),
    _core(
        "ioeb",
        "model-tender-innovation-partnership",
        language="en",
        published_on="2024-03-05",
        kind="tool",
        tool_type="model_tender",
        title="Model tender documents for an innovation partnership",
        summary=(
            "Structure and model clauses for the notice and tender documents of an "
            "innovation partnership, with notes on phases, milestones and "
            "intellectual property."
        ),
        body="""\
The innovation partnership (Article 31 of Directive 2014/24/EU) combines the
development of a new solution and its purchase in one procedure. These model
documents show how the tender documents can be structured.

## Structure

1. **Description of the need** – the problem, not the solution
2. **Minimum requirements** – what every offer must meet
3. **Phases and milestones** – for example concept, prototype, pilot operation
4. **Payment per phase** and conditions for moving on
5. **Purchase option** – quantity, price ceiling, duration
6. **Intellectual property** – the buyer's rights of use, the partners' rights
7. **Award criteria** – quality and innovation, cost, team

## Model clause: moving between phases

> The contracting authority may end the partnership after any phase, or reduce the
> number of partners, if the agreed milestones are not met.

The clauses are a starting point and do not replace legal advice on a given case.
""",
        authors="IÖB service point",
        sectors=["ict", "construction"],
        approaches=["partnership"],
        tags=["innovation partnership", "model tender", "tender documents"],
        countries=["AT"],
        external_links=[{"title": "IÖB", "url": "https://www.ioeb.at/"}],
        translation_of="musterunterlagen-innovationspartnerschaft",
        related=[("build", "risk-assessment-training-module")],
    ),
]

CORE += [
    _core(
        "pianoo",
        "rijkswaterstaat-sbir-wegen",
        language="nl",
        published_on="2020-10-13",
        kind="case_study",
        title="Rijkswaterstaat: innovaties voor de weg via SBIR",
        summary=(
            "Hoe Rijkswaterstaat met het SBIR-instrument (precommerciële inkoop) de "
            "markt uitdaagt om oplossingen te ontwikkelen voor duurzamer, stiller en "
            "veiliger beheer van wegen – in fasen, met meerdere bedrijven tegelijk."
        ),
        body="""\
Rijkswaterstaat beheert de Nederlandse rijkswegen en vaarwegen en is een van de
grootste publieke opdrachtgevers van het land. Voor vragen waarvoor nog geen
oplossing op de markt bestaat, gebruikt Rijkswaterstaat **SBIR** (Small Business
Innovation Research): de Nederlandse vorm van precommerciële inkoop, uitgevoerd
met de Rijksdienst voor Ondernemend Nederland (RVO).

## Hoe een SBIR-traject verloopt

1. **Maatschappelijke uitdaging** – Rijkswaterstaat beschrijft het probleem, niet
   de oplossing, bijvoorbeeld: hoe verlengen we de levensduur van asfalt met minder
   CO₂-uitstoot?
2. **Fase 1: haalbaarheid** – meerdere bedrijven krijgen een opdracht voor een
   haalbaarheidsstudie.
3. **Fase 2: ontwikkeling en test** – de beste ideeën worden uitgewerkt tot een
   prototype en getest op of langs de weg.
4. **Daarna** – voor het kopen van de oplossing volgt een gewone aanbesteding.

## Waarom het werkt

- Bedrijven houden hun intellectueel eigendom, zodat ze de oplossing ook elders
  kunnen verkopen.
- De opdrachtgever leert in korte tijd wat technisch mogelijk is.
- Kleine en jonge bedrijven krijgen een eerlijke kans naast grote aannemers.
""",
        authors="PIANOo, team innovatiegericht inkopen",
        sectors=["construction", "mobility"],
        approaches=["pcp"],
        tags=["SBIR", "precommerciële inkoop", "wegen", "Rijkswaterstaat"],
        countries=["NL"],
        buyer="Rijkswaterstaat",
        case_country="NL",
        case_year=2019,
        contract_value_eur="1500000.00",
        procedure="SBIR – precommerciële inkoop in twee fasen",
        cpv_codes=["73100000-3", "45233120-6"],
        ted_url=_ted(204183, 2019),
        outcome=(
            "Zes bedrijven werkten in fase 1 een idee uit; drie daarvan testten in "
            "fase 2 een prototype op een proefvak. Twee oplossingen zijn daarna in "
            "reguliere aanbestedingen meegenomen."
        ),
        lessons_learned=(
            "Een scherp geformuleerde uitdaging trekt ook bedrijven van buiten de "
            "wegenbouw aan. Plan de test op de weg vroeg: vergunningen en "
            "verkeersmaatregelen kosten tijd."
        ),
        external_links=PIANOO_LINKS,
        related=[("mita", "ikiprekybiniu-pirkimu-vadovas")],
        attachment="rijkswaterstaat-sbir.pdf",
    ),
    _core(
        "pianoo",
        "rijkswaterstaat-sbir-roads",
        language="en",
        published_on="2021-01-19",
        kind="case_study",
        title="Rijkswaterstaat: road innovations through SBIR",
        summary=(
            "How Rijkswaterstaat uses the SBIR instrument (pre-commercial procurement) "
            "to challenge the market to develop solutions for more sustainable, "
            "quieter and safer roads – in phases, with several companies at once."
        ),
        body="""\
Rijkswaterstaat manages the Dutch national roads and waterways and is one of the
largest public buyers in the Netherlands. For needs that no product on the market
meets yet, it uses **SBIR** (Small Business Innovation Research), the Dutch form of
pre-commercial procurement, run with the Netherlands Enterprise Agency (RVO).

## How an SBIR challenge works

1. **A societal challenge** – Rijkswaterstaat describes the problem, not the
   solution: for example, how can asphalt last longer with lower CO₂ emissions?
2. **Phase 1: feasibility** – several companies are paid for a feasibility study.
3. **Phase 2: development and testing** – the best ideas become prototypes,
   tested on or beside the road.
4. **Afterwards** – buying the solution takes a regular tender.

## Why it works

- Companies keep their intellectual property and can sell the solution elsewhere.
- The buyer learns quickly what is technically possible.
- Small and young companies get a fair chance next to large contractors.
""",
        authors="PIANOo innovation procurement team",
        sectors=["construction", "mobility"],
        approaches=["pcp"],
        tags=["SBIR", "pre-commercial procurement", "roads", "Rijkswaterstaat"],
        countries=["NL"],
        buyer="Rijkswaterstaat",
        case_country="NL",
        case_year=2019,
        contract_value_eur="1500000.00",
        procedure="SBIR – pre-commercial procurement in two phases",
        cpv_codes=["73100000-3", "45233120-6"],
        ted_url=_ted(204183, 2019),
        outcome=(
            "Six companies worked out an idea in phase 1; three of them tested a "
            "prototype on a trial section in phase 2. Two solutions were later "
            "included in regular tenders."
        ),
        lessons_learned=(
            "A sharply worded challenge also attracts companies from outside road "
            "building. Plan the road test early: permits and traffic measures take time."
        ),
        external_links=PIANOO_LINKS,
        translation_of="rijkswaterstaat-sbir-wegen",
    ),
    _core(
        "pianoo",
        "circulair-kantoormeubilair-rijksoverheid",
        language="nl",
        published_on="2019-04-02",
        kind="case_study",
        title="Circulair kantoormeubilair voor de rijksoverheid",
        summary=(
            "De rijksoverheid koopt kantoormeubilair circulair in: eerst hergebruiken "
            "en opknappen wat er al is, pas daarna nieuw – en nieuw meubilair moet "
            "repareerbaar zijn en teruggenomen worden."
        ),
        body="""\
De rijksoverheid heeft zich ten doel gesteld circulair in te kopen. Kantoor-
meubilair is daarvoor een goed begin: er staat veel van in de kantoren, het gaat
lang mee en het kan worden opgeknapt.

## De aanpak

- **Hergebruik eerst:** bestaand meubilair wordt geïnventariseerd, opgeknapt en
  opnieuw ingezet, ook tussen ministeries.
- **Dan pas nieuw:** nieuw meubilair moet demontabel en repareerbaar zijn, met
  onderdelen die jaren leverbaar blijven.
- **Terugname:** de leverancier neemt meubilair aan het einde van de gebruiksduur
  terug voor hergebruik of hoogwaardige recycling.
- **Gunnen op waarde:** de gunningscriteria belonen circulariteit, niet alleen de
  laagste prijs.

## Wat andere organisaties kunnen overnemen

Begin met een inventarisatie van wat je al hebt. Vaak blijkt een groot deel van het
meubilair na een opknapbeurt nog jaren bruikbaar.
""",
        authors="PIANOo",
        sectors=["circular"],
        approaches=["ppi", "market_consultation"],
        tags=["circulair inkopen", "kantoormeubilair", "hergebruik"],
        countries=["NL"],
        buyer="Rijksoverheid (categoriemanagement kantoorinrichting)",
        case_country="NL",
        case_year=2018,
        contract_value_eur="9600000.00",
        procedure="Europese openbare aanbesteding na marktconsultatie",
        cpv_codes=["39130000-2", "39100000-3"],
        ted_url=_ted(118520, 2018),
        outcome=(
            "Het grootste deel van het gevraagde meubilair werd geleverd uit "
            "opgeknapte bestaande voorraad; nieuw meubilair valt onder een "
            "terugnameregeling."
        ),
        lessons_learned=(
            "Een goede inventarisatie vooraf is het halve werk. Facilitaire "
            "medewerkers en gebruikers moeten vroeg betrokken zijn, anders wint de "
            "wens naar 'nieuw'."
        ),
        external_links=PIANOO_LINKS,
        related=[("keino", "kiertotalous-rakentamisessa-purkumateriaalit")],
        attachment="circulair-kantoormeubilair.pdf",
    ),
    _core(
        "pianoo",
        "marktconsultatie-in-zes-stappen",
        language="nl",
        published_on="2021-06-15",
        kind="tool",
        tool_type="checklist",
        title="Marktconsultatie in zes stappen",
        summary=(
            "Een checklist voor inkopers die voor het eerst een marktconsultatie "
            "organiseren: van de vraag aan de markt tot het verwerken van de "
            "antwoorden in de aanbestedingsstukken."
        ),
        body="""\
Een marktconsultatie helpt je te ontdekken wat de markt kan. Deze zes stappen
houden het proces eerlijk en nuttig.

1. **Formuleer je vraag** als een probleem of ambitie, niet als een product.
2. **Kies de vorm:** een schriftelijke vragenlijst, een marktdag, een-op-een-
   gesprekken of een combinatie.
3. **Maak het openbaar** via TenderNed, zodat iedere geïnteresseerde partij kan
   meedoen.
4. **Behandel iedereen gelijk:** dezelfde informatie voor alle partijen, en verslag
   van elk gesprek.
5. **Bescherm bedrijfsgeheimen:** vertel vooraf wat je wel en niet deelt.
6. **Koppel terug:** laat deelnemers weten wat je met hun inbreng doet en wanneer de
   aanbesteding volgt.

| Vorm | Geschikt voor |
|---|---|
| Vragenlijst | Een eerste verkenning met veel partijen |
| Marktdag | Uitleg van de vraag en netwerken |
| Een-op-een-gesprek | Diepgang over oplossingsrichtingen |
""",
        authors="Sanne Jansen, PIANOo",
        sectors=["ict", "construction"],
        approaches=["market_consultation"],
        tags=["marktconsultatie", "checklist", "TenderNed"],
        countries=["NL"],
        external_links=PIANOO_LINKS,
        related=[("ireland", "open-market-consultation-smes-start-ups")],
    ),
    _core(
        "spain",
        "hospital-compra-precomercial-cuidados",
        language="es",
        published_on="2021-03-09",
        kind="case_study",
        title="Un servicio de salud compra innovación en cuidados mediante compra pública precomercial",
        summary=(
            "Un servicio regional de salud usa la compra pública precomercial para que "
            "varias empresas desarrollen, por fases, soluciones de cuidado a pacientes "
            "crónicos en casa, siguiendo el camino abierto por programas como Innova "
            "Saúde y Hospital 2050 en Galicia."
        ),
        body="""\
La compra pública de innovación tiene en España una trayectoria notable en la
sanidad: el Servizo Galego de Saúde impulsó a comienzos de la década de 2010 los
programas **Innova Saúde** y **Hospital 2050**, cofinanciados con fondos FEDER, que
sirvieron de referencia a otros servicios de salud.

## El reto

Un hospital universitario quería reducir los reingresos de pacientes crónicos y
permitirles seguir su tratamiento en casa. No existía en el mercado una solución
que integrara sensores, seguimiento clínico y atención de enfermería.

## El procedimiento

1. **Consulta preliminar al mercado** con empresas, centros de investigación y
   asociaciones de pacientes.
2. **Compra pública precomercial en tres fases:** diseño de la solución, prototipo
   y prueba con pacientes reales. Los servicios de I+D quedan fuera de la Ley de
   Contratos del Sector Público cuando el comprador no se reserva todos los
   beneficios.
3. **Compra pública de tecnología innovadora** posterior para adquirir la solución
   a escala.

## Claves

- Médicos, enfermeras y pacientes participaron desde la definición del reto.
- Las empresas conservaron los derechos de propiedad intelectual, con una licencia
  de uso para el servicio de salud.
""",
        authors="Lucía García, Javier Fernández",
        sectors=["health", "ict"],
        approaches=["pcp", "market_consultation"],
        tags=[
            "compra pública precomercial",
            "hospital",
            "pacientes crónicos",
            "telemonitorización",
        ],
        countries=["ES"],
        buyer="Un servicio regional de salud (hospital universitario)",
        case_country="ES",
        case_year=2020,
        contract_value_eur="3200000.00",
        procedure="Compra pública precomercial en tres fases",
        cpv_codes=["73100000-3", "48814000-7", "85100000-0"],
        ted_url=_ted(451207, 2020),
        outcome=(
            "Tres empresas llegaron a la fase de prueba con 200 pacientes. La solución "
            "ganadora redujo los reingresos en el grupo piloto y se adquirió después "
            "para todo el área sanitaria."
        ),
        lessons_learned=(
            "Implicar a los profesionales sanitarios desde el principio evita "
            "soluciones que nadie usa. La fase de prueba necesita el visto bueno del "
            "comité de ética: hay que preverlo en el calendario."
        ),
        related=[("health-innofacilitator", "procuring-innovation-in-hospitals")],
        attachment="compra-precomercial-cuidados.pdf",
    ),
    _core(
        "spain",
        "health-service-pcp-innovative-care",
        language="en",
        published_on="2021-05-04",
        kind="case_study",
        title="A health service buys innovative care through pre-commercial procurement",
        summary=(
            "A regional health service uses pre-commercial procurement so that several "
            "companies develop, in phases, home-care solutions for chronic patients – "
            "following the path opened by programmes such as Innova Saúde and "
            "Hospital 2050 in Galicia."
        ),
        body="""\
Spain has a notable track record of innovation procurement in health care: in the
early 2010s the Galician health service launched the **Innova Saúde** and
**Hospital 2050** programmes, co-funded by the ERDF, which became a reference for
other health services.

## The challenge

A university hospital wanted fewer readmissions of chronic patients and to let them
follow their treatment at home. No solution on the market combined sensors,
clinical follow-up and nursing care.

## The procedure

1. **Open market consultation** with companies, research centres and patient
   associations.
2. **Pre-commercial procurement in three phases:** solution design, prototype, and
   a test with real patients.
3. **Public procurement of innovative solutions** afterwards, to buy at scale.

## Key points

- Doctors, nurses and patients were involved from the definition of the challenge.
- Companies kept their intellectual property; the health service has a licence to use it.
""",
        authors="Lucía García, Javier Fernández",
        sectors=["health", "ict"],
        approaches=["pcp", "market_consultation"],
        tags=[
            "pre-commercial procurement",
            "hospital",
            "chronic patients",
            "remote monitoring",
        ],
        countries=["ES"],
        buyer="A regional health service (university hospital)",
        case_country="ES",
        case_year=2020,
        contract_value_eur="3200000.00",
        procedure="Pre-commercial procurement in three phases",
        cpv_codes=["73100000-3", "48814000-7", "85100000-0"],
        ted_url=_ted(451207, 2020),
        outcome=(
            "Three companies reached the test phase with 200 patients. The winning "
            "solution reduced readmissions in the pilot group and was then bought for "
            "the whole health area."
        ),
        lessons_learned=(
            "Involving health professionals from the start avoids solutions nobody "
            "uses. The test phase needs the ethics committee's approval: plan for it."
        ),
        translation_of="hospital-compra-precomercial-cuidados",
    ),
    _core(
        "upphandlingsmyndigheten",
        "hallbara-skolmaltider",
        language="sv",
        published_on="2020-02-18",
        kind="case_study",
        title="Hållbara skolmåltider: mer grönt, mindre svinn och krav på produktionen",
        summary=(
            "Hur en kommun upphandlar livsmedel till skolmåltider med krav på "
            "djurskydd, ekologisk produktion och säsong – och samtidigt minskar "
            "klimatpåverkan genom menyn, i Södertäljes anda."
        ),
        body="""\
Svenska kommuner serverar varje dag skolmåltider till över en miljon elever.
Upphandlingen av livsmedel är därför ett kraftfullt verktyg för hållbarhet.
Södertälje kommun blev tidigt känd för sitt arbete med klimatsmarta måltider
(konceptet *Diet for a Green Planet*), som inspirerat många andra.

## Så gick kommunen till väga

1. **Menyn först:** mer baljväxter och grönsaker, mindre men bättre kött.
2. **Krav i upphandlingen:** Upphandlingsmyndighetens hållbarhetskriterier för
   livsmedel användes för djurskydd, antibiotika och ekologisk produktion.
3. **Uppdelning:** livsmedel delades i mindre delområden, så att lokala producenter
   kunde lämna anbud.
4. **Uppföljning:** leverantörerna redovisar hur kraven uppfylls, och kommunen gör
   stickprov.

## Resultat

Andelen ekologiska livsmedel ökade kraftigt, och matsvinnet minskade när eleverna
fick vara med och tycka till om menyn.
""",
        authors="Anna Lindqvist, Upphandlingsmyndigheten",
        sectors=["food"],
        approaches=["ppi", "market_consultation"],
        tags=["skolmåltider", "livsmedel", "hållbarhetskriterier", "matsvinn"],
        countries=["SE"],
        buyer="En kommun i Stockholms län",
        case_country="SE",
        case_year=2019,
        contract_value_eur="4800000.00",
        procedure="Öppet förfarande med hållbarhetskriterier, uppdelat i delområden",
        cpv_codes=["15000000-8", "55524000-9"],
        ted_url=_ted(38804, 2019),
        outcome=(
            "Andelen ekologiska livsmedel steg till över hälften på två år och "
            "klimatpåverkan per portion sjönk tydligt. Tre lokala producenter fick "
            "avtal för första gången."
        ),
        lessons_learned=(
            "Kraven måste gå att följa upp, annars blir de ord på papper. Kockar och "
            "elever ska vara med när menyn ändras."
        ),
        related=[("procedin", "circular-procurement-in-cities")],
        attachment="hallbara-skolmaltider.pdf",
    ),
    _core(
        "upphandlingsmyndigheten",
        "sustainable-school-meals",
        language="en",
        published_on="2020-04-21",
        kind="case_study",
        title="Sustainable school meals: more greens, less waste and demands on production",
        summary=(
            "How a municipality buys food for school meals with requirements on animal "
            "welfare, organic production and seasonality – and cuts climate impact "
            "through the menu, in the spirit of Södertälje."
        ),
        body="""\
Swedish municipalities serve school meals to more than a million pupils every day,
which makes food procurement a powerful lever for sustainability. The municipality
of Södertälje became known early for its climate-smart meals (the *Diet for a Green
Planet* concept), which inspired many others.

## How the municipality went about it

1. **Menu first:** more pulses and vegetables, less but better meat.
2. **Requirements in the tender:** the National Agency for Public Procurement's
   sustainability criteria for food, on animal welfare, antibiotics and organic
   production.
3. **Lots:** food was split into smaller lots so that local producers could bid.
4. **Follow-up:** suppliers report how they meet the requirements; the
   municipality checks samples.

## Results

The share of organic food rose sharply, and food waste fell once pupils had a say
in the menu.
""",
        authors="Anna Lindqvist, Upphandlingsmyndigheten",
        sectors=["food"],
        approaches=["ppi", "market_consultation"],
        tags=["school meals", "food", "sustainability criteria", "food waste"],
        countries=["SE"],
        buyer="A municipality in Stockholm County",
        case_country="SE",
        case_year=2019,
        contract_value_eur="4800000.00",
        procedure="Open procedure with sustainability criteria, in lots",
        cpv_codes=["15000000-8", "55524000-9"],
        ted_url=_ted(38804, 2019),
        outcome=(
            "The share of organic food passed one half within two years and the "
            "climate impact per portion fell clearly. Three local producers won a "
            "contract for the first time."
        ),
        lessons_learned=(
            "Requirements must be verifiable or they stay words on paper. Cooks and "
            "pupils must be involved when the menu changes."
        ),
        translation_of="hallbara-skolmaltider",
    ),
    _core(
        "keino",
        "kiertotalous-rakentamisessa-purkumateriaalit",
        language="fi",
        published_on="2022-11-29",
        kind="case_study",
        title="Kiertotalous rakentamisessa: purkumateriaalit uuden koulun rakennushankkeessa",
        summary=(
            "Kaupunki hyödynsi vanhan koulun purkumateriaaleja uuden koulun "
            "rakentamisessa ja asetti hankinnassa vaatimuksia materiaalien "
            "uudelleenkäytölle ja työmaan päästöille."
        ),
        body="""\
Rakentaminen tuottaa suuren osan Suomen jätteistä ja päästöistä. Julkiset
rakennuttajat voivat hankinnoillaan vauhdittaa kiertotaloutta, ja KEINO-
osaamiskeskus kokoaa hyviä esimerkkejä kuntien käyttöön.

## Lähtötilanne

Vanha koulurakennus purettiin sisäilmaongelmien vuoksi. Kaupunki halusi, että
mahdollisimman suuri osa materiaaleista päätyy uudelleenkäyttöön.

## Näin hankinta tehtiin

1. **Purkukartoitus** tehtiin ennen purkua, ja uudelleenkäytettävät osat
   (tiilet, teräspalkit, kalusteet) merkittiin.
2. **Markkinavuoropuhelussa** urakoitsijoiden kanssa selvitettiin, mitä
   materiaaleja voidaan käyttää uudessa rakennuksessa.
3. **Tarjouspyynnössä** asetettiin vähimmäisvaatimus uudelleenkäytölle ja
   laatupisteitä päästöttömästä työmaasta.
4. **Seuranta:** urakoitsija raportoi materiaalivirrat kuukausittain.

Hanke tukee myös kansallisia tavoitteita, kuten päästöttömiä työmaita koskevaa
Green Deal -sopimusta.
""",
        authors="Aino Virtanen, KEINO",
        sectors=["construction", "circular"],
        approaches=["market_consultation", "ppi"],
        tags=["kiertotalous", "purkumateriaalit", "rakentaminen", "päästötön työmaa"],
        countries=["FI"],
        buyer="Keskisuuri suomalainen kaupunki",
        case_country="FI",
        case_year=2022,
        contract_value_eur="14500000.00",
        procedure="Avoin menettely markkinavuoropuhelun jälkeen",
        cpv_codes=["45214200-2", "45000000-7"],
        ted_url=_ted(587310, 2022),
        outcome=(
            "Noin 70 % purkumateriaaleista ohjattiin uudelleenkäyttöön tai "
            "kierrätykseen, ja työmaan polttoaineenkulutus laski sähkökoneiden ansiosta."
        ),
        lessons_learned=(
            "Purkukartoitus on tehtävä ajoissa, jotta materiaalit ehditään huomioida "
            "suunnittelussa. Uudelleenkäytön laatuvaatimukset on sovittava "
            "rakennesuunnittelijan kanssa."
        ),
        external_links=[{"title": "KEINO", "url": "https://www.hankintakeino.fi/"}],
        attachment="kiertotalous-rakentamisessa.pdf",
    ),
    _core(
        "portugal",
        "autocarros-emissoes-zero",
        language="pt",
        published_on="2023-05-16",
        kind="case_study",
        title="Autocarros de emissões zero para o transporte urbano",
        summary=(
            "Uma empresa municipal de transportes substitui autocarros a gasóleo por "
            "autocarros elétricos e compra, no mesmo procedimento, o carregamento e a "
            "manutenção, avaliando as propostas pelo custo do ciclo de vida."
        ),
        body="""\
A Diretiva Veículos Limpos (Diretiva (UE) 2019/1161) fixa percentagens mínimas de
veículos limpos nas compras públicas de autocarros. Muitas cidades portuguesas
aproveitaram para renovar as frotas com apoio de fundos europeus.

## O desafio

A empresa precisava de substituir 40 autocarros antigos sem aumentar os custos de
operação e sem perder fiabilidade nas linhas mais exigentes.

## O procedimento

1. **Consulta preliminar ao mercado** com fabricantes e fornecedores de energia.
2. **Concurso público** por lotes: veículos, postos de carregamento no depósito e
   contrato de manutenção.
3. **Critérios de adjudicação:** custo do ciclo de vida a 12 anos, autonomia
   garantida no inverno e no verão, e prazos de entrega.

## O que mudou

Os motoristas receberam formação em condução eficiente, e o depósito passou a
carregar os autocarros durante a noite, quando a eletricidade é mais barata.
""",
        authors="Ana Ferreira, Rui Pereira",
        sectors=["mobility", "energy"],
        approaches=["market_consultation", "ppi"],
        tags=["autocarros elétricos", "emissões zero", "Diretiva Veículos Limpos"],
        countries=["PT"],
        buyer="Uma empresa municipal de transportes",
        case_country="PT",
        case_year=2022,
        contract_value_eur="21000000.00",
        procedure="Concurso público por lotes, após consulta preliminar ao mercado",
        cpv_codes=["34144900-7", "34121400-5"],
        ted_url=_ted(612984, 2022),
        outcome=(
            "Os 40 autocarros entraram em serviço em 2023. O custo por quilómetro "
            "ficou abaixo do dos autocarros a gasóleo, e as emissões locais nas linhas "
            "servidas desapareceram."
        ),
        lessons_learned=(
            "Comprar veículos, carregamento e manutenção em conjunto evita "
            "interfaces sem dono. Testar a autonomia em condições reais antes da "
            "adjudicação."
        ),
        related=[("procedin", "green-mobility-procurement-guide")],
        attachment="autocarros-emissoes-zero.pdf",
    ),
    _core(
        "italy",
        "scuole-energia-quasi-zero",
        language="it",
        published_on="2021-09-28",
        kind="case_study",
        title="Scuole a energia quasi zero con il dialogo competitivo",
        summary=(
            "Un comune lombardo usa il dialogo competitivo per progettare e costruire "
            "due scuole a energia quasi zero, lasciando agli operatori la scelta delle "
            "soluzioni tecniche."
        ),
        body="""\
In Italia i nuovi edifici pubblici devono essere a energia quasi zero (NZEB). Un
comune della Lombardia ha scelto di non prescrivere le soluzioni tecniche, ma di
confrontarsi con il mercato.

## Perché il dialogo competitivo

Il comune conosceva l'obiettivo – scuole confortevoli, a consumo quasi nullo e con
costi di gestione bassi – ma non la soluzione migliore. Il dialogo competitivo
(articolo 30 della direttiva 2014/24/UE) permette di discutere le soluzioni con più
operatori prima delle offerte finali.

## Le fasi

1. **Documento descrittivo** con le esigenze funzionali e i requisiti minimi.
2. **Dialogo** con tre raggruppamenti di progettisti e imprese.
3. **Offerte finali** valutate su qualità architettonica, prestazioni energetiche
   garantite e costo del ciclo di vita.
""",
        authors="Giulia Rossi, Marco Bianchi",
        sectors=["construction", "energy"],
        approaches=["dialogue"],
        tags=["NZEB", "edilizia scolastica", "dialogo competitivo"],
        countries=["IT"],
        buyer="Un comune della Lombardia",
        case_country="IT",
        case_year=2021,
        contract_value_eur="12800000.00",
        procedure="Dialogo competitivo",
        cpv_codes=["45214200-2", "09332000-5"],
        ted_url=_ted(498112, 2021),
        outcome=(
            "Le due scuole producono con il fotovoltaico gran parte dell'energia che "
            "consumano; i costi energetici sono scesi di oltre metà rispetto agli "
            "edifici sostituiti."
        ),
        lessons_learned=(
            "Il dialogo richiede un gruppo di lavoro interno stabile e preparato. "
            "Le prestazioni energetiche vanno garantite nel contratto e misurate."
        ),
        related=[("ioeb", "intelligente-strassenbeleuchtung")],
        attachment="scuole-energia-quasi-zero.pdf",
    ),
    _core(
        "greece",
        "diavoulefsi-agoras-psifiakes-ypiresies",
        language="el",
        published_on="2024-04-10",
        kind="best_practice",
        title="Διαβούλευση με την αγορά για ψηφιακές υπηρεσίες δήμων",
        summary=(
            "Πώς ένα δίκτυο ελληνικών δήμων οργάνωσε ανοικτή διαβούλευση με την αγορά "
            "πριν από την προμήθεια ψηφιακών υπηρεσιών για τους πολίτες, και τι "
            "έμαθαν οι προμηθευτές και οι δήμοι."
        ),
        body="""\
Οι ελληνικοί δήμοι ψηφιοποιούν γρήγορα τις υπηρεσίες τους. Πριν από μια κοινή
προμήθεια, ένα δίκτυο δήμων ζήτησε τη γνώμη της αγοράς, με τη στήριξη του
ελληνικού κέντρου ικανοτήτων.

## Τα βήματα

1. **Περιγραφή των αναγκών** των πολιτών, όχι της τεχνολογίας.
2. **Δημόσια πρόσκληση** σε εταιρείες, νεοφυείς επιχειρήσεις και πανεπιστήμια.
3. **Ημερίδα** με παρουσίαση των αναγκών και συναντήσεις ένας προς έναν.
4. **Δημοσίευση των συμπερασμάτων**, ώστε όλοι οι ενδιαφερόμενοι να έχουν την
   ίδια πληροφόρηση.

## Τι κέρδισαν οι δήμοι

- Ρεαλιστικό προϋπολογισμό και χρονοδιάγραμμα.
- Προδιαγραφές που επιτρέπουν τη συμμετοχή μικρότερων εταιρειών.
- Απαιτήσεις διαλειτουργικότητας, ώστε τα δεδομένα να μη «κλειδώνουν» σε έναν προμηθευτή.
""",
        authors="Μαρία Παπαδοπούλου",
        sectors=["ict", "other"],
        approaches=["market_consultation", "joint"],
        tags=["διαβούλευση", "ψηφιακές υπηρεσίες", "δήμοι"],
        countries=["GR"],
        related=[("estonia", "digitaalsete-teenuste-innovatsioonihange")],
    ),
    _core(
        "greece",
        "market-consultation-municipal-digital-services",
        language="en",
        published_on="2024-05-07",
        kind="best_practice",
        title="Market consultation for municipalities' digital services",
        summary=(
            "How a network of Greek municipalities ran an open market consultation "
            "before buying digital services for citizens, and what suppliers and "
            "municipalities learnt."
        ),
        body="""\
Greek municipalities are digitising their services quickly. Before a joint
procurement, a network of municipalities asked the market for its views, supported
by the Greek competence centre.

## The steps

1. **Describe citizens' needs**, not the technology.
2. **A public call** to companies, start-ups and universities.
3. **An information day** presenting the needs, plus one-to-one meetings.
4. **Publish the conclusions**, so that every interested party has the same information.

## What the municipalities gained

- A realistic budget and timetable.
- Specifications that let smaller companies take part.
- Interoperability requirements, so that data is not locked in with one supplier.
""",
        authors="Maria Papadopoulou",
        sectors=["ict", "other"],
        approaches=["market_consultation", "joint"],
        tags=["market consultation", "digital services", "municipalities"],
        countries=["GR"],
        translation_of="diavoulefsi-agoras-psifiakes-ypiresies",
    ),
    _core(
        "estonia",
        "digitaalsete-teenuste-innovatsioonihange",
        language="et",
        published_on="2025-01-21",
        kind="best_practice",
        title="Digitaalsete avalike teenuste innovatsioonihange: dialoog turuga enne hanget",
        summary=(
            "Kuidas Eesti avalik sektor saab oma tugevust digiteenustes kasutada "
            "innovatsioonihangetes: vajaduse kirjeldamine, turukonsultatsioon ja "
            "väikeste ettevõtete kaasamine."
        ),
        body="""\
Eesti on tuntud oma digitaalsete avalike teenuste poolest. Uute teenuste
hankimisel tasub seda kogemust kasutada ka hankeprotsessis.

## Soovitused

1. **Kirjelda probleemi**, mitte tehnilist lahendust: millist muret kodanik või
   ametnik täna kogeb?
2. **Korralda turukonsultatsioon** enne hanke väljakuulutamist ja avalda selle
   kokkuvõte kõigile.
3. **Jaga hange osadeks**, et ka väikesed ettevõtted ja idufirmad saaksid osaleda.
4. **Nõua koosvõimet** olemasolevate riigi infosüsteemidega.
5. **Katseta enne suurt ostu** – näiteks pilootprojektiga ühes asutuses.

Riiklik kompetentsikeskus nõustab hankijaid nende sammude planeerimisel.
""",
        authors="Kadri Tamm",
        sectors=["ict"],
        approaches=["market_consultation", "ppi"],
        tags=["digiteenused", "turukonsultatsioon", "innovatsioonihange"],
        countries=["EE"],
    ),
    _core(
        "mita",
        "ikiprekybiniu-pirkimu-vadovas",
        language="lt",
        published_on="2023-10-03",
        kind="tool",
        tool_type="guide",
        title="Ikiprekybinių pirkimų vadovas perkančiosioms organizacijoms",
        summary=(
            "Kas yra ikiprekybiniai pirkimai, kada jie tinka ir kaip juos "
            "organizuoti etapais – nuo poreikio aprašymo iki prototipų bandymo."
        ),
        body="""\
Ikiprekybiniai pirkimai (angl. *pre-commercial procurement*, PCP) – tai mokslinių
tyrimų ir eksperimentinės plėtros paslaugų pirkimas, kai rinkoje dar nėra tinkamo
sprendimo. Lietuvoje tokius pirkimus konsultuoja ir remia Inovacijų agentūra.

## Kada tinka ikiprekybinis pirkimas

- Poreikis aiškus, tačiau rinkoje nėra jį tenkinančio produkto.
- Sprendimui sukurti reikia mokslinių tyrimų ir eksperimentinės plėtros.
- Perkančioji organizacija pasirengusi dalytis rizika ir rezultatais.

## Etapai

1. **Sprendimo koncepcija** – kelios įmonės parengia idėjas.
2. **Prototipas** – geriausios idėjos virsta prototipais.
3. **Bandymas** – sprendimai išbandomi realiomis sąlygomis.

Po ikiprekybinio pirkimo, norint įsigyti sprendimą dideliu mastu, rengiamas
atskiras inovacijų pirkimas.
""",
        authors="Rūta Kazlauskienė, Tomas Petrauskas",
        sectors=["ict", "health", "energy"],
        approaches=["pcp"],
        tags=["ikiprekybiniai pirkimai", "vadovas", "MTEP"],
        countries=["LT"],
        external_links=[
            {"title": "Inovacijų agentūra", "url": "https://inovacijuagentura.lt/"}
        ],
    ),
    _core(
        "ireland",
        "open-market-consultation-smes-start-ups",
        language="en",
        published_on="2024-09-17",
        kind="best_practice",
        title="Opening tenders to SMEs and start-ups: an open market consultation in practice",
        summary=(
            "How Irish public bodies use open market consultation and challenge-based "
            "calls, such as those of SBIR Ireland, to reach SMEs and start-ups that "
            "rarely bid for public contracts."
        ),
        body="""\
Most Irish companies are small, yet many never bid for public contracts. Challenge-
based calls – for example those run under **SBIR Ireland**, supported by Enterprise
Ireland – show how public bodies can reach them.

## What works

1. **Publish the challenge in plain language** and explain why it matters.
2. **Hold an open information session**, online and recorded, so that everyone gets
   the same information.
3. **Keep the first stage light:** a short application, not a full tender.
4. **Pay for feasibility work**, so that small companies can afford to take part.
5. **Tell participants what happens next**, even if they are not selected.

## Common mistakes

- Turnover requirements far above what the contract needs.
- One large lot where several smaller ones would do.
- Deadlines over holiday periods.
""",
        authors="Aoife Byrne, Liam O'Connor",
        sectors=["ict", "health"],
        approaches=["market_consultation", "pcp"],
        tags=["SMEs", "start-ups", "market consultation", "SBIR Ireland"],
        countries=["IE"],
        related=[("koinno", "checklist-market-consultation")],
    ),
    _core(
        "build",
        "risk-assessment-training-module",
        language="en",
        published_on="2025-03-25",
        kind="training",
        title="Risk assessment in innovation procurement – training module",
        summary=(
            "A half-day BUILD training module for cities, procurers, SMEs and "
            "start-ups: how to identify, share and monitor the risks of buying "
            "something new, with a risk register template and a case exercise."
        ),
        body="""\
Innovation procurement is often avoided because of risk. This module helps
participants to name the risks and to manage them instead.

## Learning goals

- Tell technical, commercial, legal and organisational risks apart.
- Decide who should carry each risk: the buyer, the supplier, or both.
- Use the procedure (phases, milestones, options) to limit risk.

## Programme

| Time | Session |
|---|---|
| 09:00 | Why risk is not a reason to avoid innovation |
| 09:45 | Building a risk register (exercise) |
| 10:45 | Sharing risk in the contract: milestones, break clauses, IPR |
| 11:30 | Case exercise: a city buys smart waste collection |
| 12:15 | What suppliers need from buyers to take part |

## Material

The attached handout contains the risk register template used in the exercise.
""",
        authors="BUILD project team",
        sectors=["other", "ict", "construction"],
        approaches=["pcp", "partnership"],
        tags=["risk assessment", "training", "risk register"],
        countries=["BE", "DE", "ES", "IT", "NL", "PL"],
        licence="cc-by-4.0",
        attachment="build-risk-assessment-handout.pdf",
    ),
    _core(
        "build",
        "legal-basics-innovation-procurement",
        language="en",
        published_on="2025-06-10",
        kind="training",
        title="Legal basics of innovation procurement for cities – webinar",
        summary=(
            "Slides and notes of a BUILD webinar on the legal framework: the 2014 "
            "procurement directives, the procedures that support innovation, and "
            "where pre-commercial procurement fits."
        ),
        body="""\
The webinar walks through the EU legal framework for buying innovation, for city
officials and for companies that want to sell to them.

## Contents

1. **The 2014 directives** and what they allow: market consultation (Article 40 of
   Directive 2014/24/EU), functional requirements, award on best price–quality ratio.
2. **Procedures:** competitive procedure with negotiation, competitive dialogue and
   innovation partnership.
3. **Pre-commercial procurement:** research and development services outside the
   directives, under the conditions of the Commission's communication on PCP.
4. **State aid:** when paying for development is not aid.

## Questions from participants

- *May we talk to suppliers before the tender?* Yes, if everyone is treated equally
  and what you share is documented.
- *Can an SME that took part in the consultation still bid?* Yes, as long as its
  participation does not distort competition.
""",
        authors="BUILD project team",
        sectors=["other"],
        approaches=["market_consultation", "dialogue", "partnership", "pcp"],
        tags=["procurement law", "webinar", "directive 2014/24/EU"],
        countries=["BE", "DE", "ES", "IT", "NL", "PL"],
        licence="cc-by-4.0",
        related=[("koinno", "guide-innovative-public-procurement")],
    ),
    _core(
        "procedin",
        "green-mobility-procurement-guide",
        language="en",
        published_on="2025-01-14",
        kind="tool",
        tool_type="guide",
        title="Green mobility through procurement of innovation: a guide for cities",
        summary=(
            "A PROCEDIN guide for cities that want to use procurement to make urban "
            "transport cleaner: zero-emission buses, charging, shared mobility and "
            "smart traffic management."
        ),
        body="""\
Transport is one of the largest sources of emissions in cities, and public buyers
control much of it: buses, municipal fleets, road works and traffic systems.

## Where procurement makes a difference

- **Buses and fleets:** the Clean Vehicles Directive sets minimum shares of clean
  vehicles in public purchases.
- **Charging infrastructure:** buy it together with vehicles, or plan the interfaces.
- **Shared mobility:** concessions for bike and scooter sharing with data-sharing terms.
- **Traffic management:** functional requirements for signals that favour buses,
  cyclists and pedestrians.

## A five-step approach

1. Map the city's mobility goals and the contracts that expire in the next years.
2. Consult the market on what is possible and at what cost.
3. Choose award criteria on life-cycle cost and emissions.
4. Consider joint procurement with neighbouring cities.
5. Measure and publish results.
""",
        authors="PROCEDIN project team",
        sectors=["mobility", "energy"],
        approaches=["ppi", "market_consultation", "joint"],
        tags=["green mobility", "cities", "Clean Vehicles Directive"],
        countries=["BE", "ES", "IT", "PT", "SE", "FI"],
        licence="cc-by-4.0",
    ),
    _core(
        "procedin",
        "circular-procurement-in-cities",
        language="en",
        published_on="2025-08-26",
        kind="opinion_paper",
        title="Expert opinion paper: circular procurement in cities",
        summary=(
            "What experts from PROCEDIN's partner cities and the competence centres "
            "see as the main barriers to circular procurement in cities, and how to "
            "overcome them."
        ),
        body="""\
Cities buy furniture, textiles, construction materials, food and IT equipment in
large quantities. Circular procurement keeps these products and materials in use for
longer. Experts from partner cities and competence centres discussed what holds it
back.

## Barriers

- Budgets split between investment and operation, so life-cycle savings are invisible.
- Little data on what the city already owns.
- Fear that reused or refurbished products are of lower quality.

## Recommendations

1. Start with categories where circular offers exist: furniture, IT, textiles.
2. Keep an inventory and reuse internally before buying new.
3. Award on life-cycle cost and ask for take-back and repair.
4. Share tender documents between cities through the network.
""",
        authors="PROCEDIN expert group",
        sectors=["circular"],
        approaches=["ppi", "dialogue"],
        tags=["circular procurement", "cities", "reuse"],
        countries=["BE", "ES", "IT", "PT", "SE", "FI"],
        related=[("pianoo", "circulair-kantoormeubilair-rijksoverheid")],
    ),
    _core(
        "health-innofacilitator",
        "procuring-innovation-in-hospitals",
        language="en",
        published_on="2025-04-29",
        kind="tool",
        tool_type="guide",
        title="Procuring innovation in hospitals: from unmet need to contract",
        summary=(
            "A Health InnoFacilitator guide for hospitals and health authorities: "
            "how to turn a clinical unmet need into a tender that suppliers of "
            "innovative solutions can answer."
        ),
        body="""\
Hospitals are under pressure to do more with less, yet procurement often focuses on
the lowest price for known products. This guide shows a different path.

## 1. Start from the unmet need

Bring clinicians, nurses, patients, IT and procurement together to describe the
problem: what happens today, what it costs, and what would be better.

## 2. Look at the market

Run an open market consultation. Suppliers, start-ups and research groups often
have solutions the hospital does not know about.

## 3. Choose the route

| Situation | Route |
|---|---|
| A solution exists | Tender with functional requirements and value-based award criteria |
| A solution needs adaptation | Competitive dialogue or negotiation |
| No solution exists yet | Pre-commercial procurement, alone or with other hospitals |

## 4. Measure value

Agree outcome indicators (readmissions, length of stay, patient-reported outcomes)
and review them with the supplier.
""",
        authors="Health InnoFacilitator project team",
        sectors=["health"],
        approaches=["market_consultation", "pcp", "dialogue", "ppi"],
        tags=["hospitals", "unmet need", "value-based procurement"],
        countries=["ES", "IT", "PL", "BE"],
        licence="cc-by-4.0",
    ),
]


# ---------------------------------------------------------------------------
# Building blocks for generated resources, one set per language.
#
# Placeholders: {topic} {topic_l} (lower-case start where the language allows),
# {sector}, {subject} {subject_l}, {buyer}, {procedure}, {tool_type}, {year}, {n}.

TOPICS = [
    "market-consultation",
    "pcp",
    "partnership",
    "functional",
    "lcc",
    "sme",
    "circular",
    "digital",
    "risk",
    "award",
    "joint",
    "contract",
]
TOPIC_APPROACHES = {
    "market-consultation": ["market_consultation"],
    "pcp": ["pcp"],
    "partnership": ["partnership"],
    "functional": ["ppi"],
    "lcc": ["ppi"],
    "sme": ["market_consultation", "ppi"],
    "circular": ["ppi", "dialogue"],
    "digital": ["dialogue", "pcp"],
    "risk": ["pcp", "partnership"],
    "award": ["ppi"],
    "joint": ["joint"],
    "contract": ["partnership"],
}
KIND_ORDER = [
    "case_study",
    "tool",
    "best_practice",
    "report",
    "case_study",
    "training",
    "tool",
    "opinion_paper",
    "best_practice",
    "case_study",
]
TOOL_TYPES = ["guide", "checklist", "template", "model_tender"]
# Real CPV codes per sector, for generated case studies.
CPV = {
    "ict": ["72000000-5", "48000000-8", "72212000-4"],
    "health": ["33100000-1", "48814000-7", "85100000-0"],
    "mobility": ["34144900-7", "34121400-5", "34121000-1"],
    "circular": ["39130000-2", "90500000-2", "39100000-3"],
    "energy": ["34928500-3", "09332000-5", "09310000-5"],
    "construction": ["45000000-7", "45214200-2", "71000000-8"],
    "food": ["55524000-9", "15000000-8", "55321000-6"],
    "security": ["35000000-4", "79710000-4"],
    "other": ["79400000-8", "80500000-9"],
}
SECTORS = list(CPV)
PROJECT_COUNTRIES = ["BE", "ES", "IT", "PL", "SE", "PT", "FR", "FI"]  # as "" buyers

BLOCKS = {}

BLOCKS["en"] = {
    "lower": True,
    "sectors": {
        "ict": "ICT",
        "health": "health care",
        "mobility": "mobility and transport",
        "circular": "the circular economy",
        "energy": "energy",
        "construction": "construction",
        "food": "food and catering",
        "security": "security",
        "other": "public services",
    },
    "subjects": {
        "ict": ["Digital citizen-services platform", "AI assistant for case handling"],
        "health": [
            "Remote monitoring of patients at home",
            "Hospital logistics robots",
        ],
        "mobility": ["Zero-emission buses", "Smart traffic management"],
        "circular": ["Circular office furniture", "Reusable catering packaging"],
        "energy": ["Smart LED street lighting", "Solar power for public buildings"],
        "construction": ["Low-carbon concrete for bridges", "Modular school buildings"],
        "food": ["Sustainable school meals", "Local, seasonal food for care homes"],
        "security": ["Drone inspection of infrastructure", "Flood early warning"],
        "other": ["Accessible public spaces", "Smart waste collection"],
    },
    "topics": {
        "market-consultation": (
            "Open market consultation",
            "Talking to suppliers before the tender shows what the market can offer and lets the buyer sharpen the need.",
        ),
        "pcp": (
            "Pre-commercial procurement",
            "Pre-commercial procurement buys research and development in phases, so that several suppliers compete to develop solutions that do not exist yet.",
        ),
        "partnership": (
            "Innovation partnership",
            "An innovation partnership combines the development of a new solution and its purchase in one procedure.",
        ),
        "functional": (
            "Functional specifications",
            "Describing the result you need instead of a product leaves room for solutions you did not know about.",
        ),
        "lcc": (
            "Life-cycle costing",
            "Life-cycle costing compares offers on what they cost over their whole life, not only on the purchase price.",
        ),
        "sme": (
            "Access for SMEs and start-ups",
            "Lots, proportionate requirements and early dialogue make it easier for small and young companies to take part.",
        ),
        "circular": (
            "Circular procurement",
            "Circular procurement keeps products and materials in use for longer, through reuse, repair, leasing and take-back.",
        ),
        "digital": (
            "Procuring digital and AI solutions",
            "Digital solutions need attention to data ownership, interoperability, security and the ethics of automated decisions.",
        ),
        "risk": (
            "Risk management",
            "Innovation carries risk; naming, sharing and monitoring it makes the project manageable for buyer and supplier.",
        ),
        "award": (
            "Award criteria for innovation",
            "Quality criteria with real weight reward the offers that bring the most value, not merely the cheapest.",
        ),
        "joint": (
            "Joint and cross-border procurement",
            "Buying together gives smaller authorities market power and spreads the cost and risk of innovation.",
        ),
        "contract": (
            "Contract management and follow-up",
            "Innovation does not end with the award: performance indicators and regular reviews keep the project on track.",
        ),
    },
    "tool_types": {
        "guide": "guide",
        "checklist": "checklist",
        "template": "template",
        "model_tender": "model tender document",
    },
    "titles": {
        "tool": {
            "guide": ["Guide: {topic} in {sector}", "A practical guide to {topic_l}"],
            "checklist": ["Checklist: {topic} in {sector}", "Checklist for {topic_l}"],
            "template": [
                "Template: {topic} for {subject_l}",
                "Templates for {topic_l} in {sector}",
            ],
            "model_tender": [
                "Model tender documents: {subject}",
                "Model clauses: {topic} in {sector}",
            ],
        },
        "best_practice": ["Good practice: {subject}", "{topic} in practice: {subject}"],
        "case_study": ["{buyer}: {subject}", "{subject} through {topic_l}"],
        "report": [
            "Report: {topic} in {sector} ({year})",
            "{topic}: lessons from {n} projects",
        ],
        "opinion_paper": [
            "Expert opinion: {topic}",
            "Opinion paper: {topic} in {sector}",
        ],
        "training": ["Training module: {topic}", "Webinar: {topic} in {sector}"],
    },
    "summaries": {
        "tool": "A practical {tool_type} for public buyers on {topic_l} in {sector}, with the steps, the pitfalls and the questions to ask.",
        "best_practice": "How a public buyer approached {subject_l} with {topic_l}, and what others can reuse.",
        "case_study": "{buyer} procured {subject_l} through {procedure}. What was bought, how, and what came of it.",
        "report": "Findings from {n} projects across Europe on {topic_l} in {sector}, with figures and recommendations.",
        "opinion_paper": "Experts from the network's knowledge-exchange meeting set out their view on {topic_l} in {sector}.",
        "training": "Material for a half-day training on {topic_l}, with exercises and examples from {sector}.",
    },
    "leads": {
        "tool": "This {tool_type} helps procurers to prepare and run {topic_l} step by step.",
        "best_practice": "A short account of how a public buyer tackled {subject_l}, and what others can reuse.",
        "case_study": "How {buyer_l} procured {subject_l} using {procedure}.",
        "report": "This report brings together what {n} projects learnt about {topic_l}.",
        "opinion_paper": "The experts who met at the network's knowledge-exchange meeting agreed on the following points.",
        "training": "The module is designed for procurers and budget holders who are new to {topic_l}.",
    },
    "headings": ["Why it matters", "Step by step", "Good to know"],
    "sector_sentence": "The examples come from {sector}, where buyers face rising demand and tight budgets.",
    "steps": [
        "Describe the problem to solve and the result you need, not a product.",
        "Involve the future users and the budget holder from the start.",
        "Announce your plans early, for example with a prior information notice.",
        "Give suppliers time and a fair, documented chance to ask questions.",
        "Weight quality and life-cycle cost, not only the price.",
        "Agree indicators and review them with the supplier during the contract.",
    ],
    "closing": [
        "Your national competence centre can advise on your own project free of charge.",
        "Share your experience with the network: other buyers learn most from real cases.",
        "Start small, measure the results and scale up what works.",
    ],
    "articles": {"A", "An", "The"},
    "sector_buyers": {
        "ict": "A national shared-services agency",
        "health": "A university hospital",
        "mobility": "A regional transport authority",
        "circular": "A central purchasing body",
        "energy": "A municipal energy company",
        "construction": "A regional public-works department",
        "food": "A municipal catering service",
        "security": "A civil-protection agency",
        "other": "A city council",
    },
    "buyers": {
        "IE": [
            "A county council in the Midlands",
            "A city council in the south-west",
            "A central government department",
            "A group of rural local authorities",
            "A city council in Dublin",
            "A regional assembly",
        ],
        # Task-force projects work with buyers across Europe.
        "": [
            "A city in Flanders",
            "A regional government in Catalonia",
            "A municipality in Lombardy",
            "A city in Poland",
            "A Swedish municipality",
            "A city in northern Portugal",
            "A metropolitan area in France",
            "A Finnish city",
        ],
    },
    "procedures": {
        "market_consultation": "an open market consultation followed by an open procedure",
        "pcp": "pre-commercial procurement in three phases",
        "partnership": "an innovation partnership",
        "ppi": "an open procedure with functional specifications",
        "dialogue": "a competitive dialogue",
        "joint": "a joint procurement with neighbouring authorities",
    },
    "procedure_names": {
        "market_consultation": "Open market consultation, then open procedure",
        "pcp": "Pre-commercial procurement in three phases",
        "partnership": "Innovation partnership",
        "ppi": "Open procedure with functional specifications",
        "dialogue": "Competitive dialogue",
        "joint": "Joint procurement",
    },
    "outcomes": [
        "{n} offers were received, several of them from SMEs. The solution has been in use since {year} and costs less to run than the one it replaced.",
        "The pilot met all agreed indicators and the buyer used its option to buy at scale in {year}.",
        "Running costs fell by about {pct} % compared with the previous solution.",
        "Users rate the new service clearly better than the old one; {n} other authorities have asked for the documents.",
    ],
    "lessons": [
        "Talk to the market before writing the specifications.",
        "Involve users early: they know where the real problem lies.",
        "Plan time for the procedure; a dialogue takes longer than a standard tender.",
        "Keep the budget holder on board with clear milestones.",
        "Functional requirements brought in solutions no one had thought of.",
        "Life-cycle costing changed which offer won.",
    ],
    "authors": [
        "Aoife Byrne",
        "Liam O'Connor",
        "Siobhán Walsh",
        "Daniel Murphy",
        "Grace Kelly-Doyle",
        "Sean Brennan",
        "Ruth Fitzgerald",
    ],
}

BLOCKS["de"] = {
    "lower": False,
    "sectors": {
        "ict": "IKT",
        "health": "Gesundheit",
        "mobility": "Mobilität",
        "circular": "Kreislaufwirtschaft",
        "energy": "Energie",
        "construction": "Bau",
        "food": "Lebensmittel",
        "security": "Sicherheit",
        "other": "Verwaltung",
    },
    "subjects": {
        "ict": [
            "Digitales Bürgerserviceportal",
            "KI-Assistent für die Sachbearbeitung",
        ],
        "health": [
            "Telemonitoring für Patienten zu Hause",
            "Logistikroboter im Krankenhaus",
        ],
        "mobility": ["Emissionsfreie Busse", "Intelligente Verkehrssteuerung"],
        "circular": ["Kreislauffähige Büromöbel", "Mehrweggeschirr für Kantinen"],
        "energy": ["Photovoltaik auf Schuldächern", "Energiesparende Gebäudetechnik"],
        "construction": ["Brücken aus CO₂-armem Beton", "Modulare Schulgebäude"],
        "food": [
            "Nachhaltige Schulverpflegung",
            "Regionale Lebensmittel für Pflegeheime",
        ],
        "security": [
            "Drohnen zur Inspektion von Infrastruktur",
            "Hochwasser-Frühwarnsystem",
        ],
        "other": ["Barrierefreie öffentliche Räume", "Digitale Akte für Bauanträge"],
    },
    "topics": {
        "market-consultation": (
            "Markterkundung",
            "Gespräche mit Unternehmen vor der Ausschreibung zeigen, was der Markt bieten kann, und schärfen den Bedarf.",
        ),
        "pcp": (
            "Vorkommerzielle Auftragsvergabe",
            "Bei der vorkommerziellen Auftragsvergabe entwickeln mehrere Unternehmen im Wettbewerb und in Phasen Lösungen, die es noch nicht gibt.",
        ),
        "partnership": (
            "Innovationspartnerschaft",
            "Die Innovationspartnerschaft verbindet die Entwicklung einer neuen Lösung und ihren Kauf in einem Verfahren.",
        ),
        "functional": (
            "Funktionale Leistungsbeschreibung",
            "Wer das gewünschte Ergebnis statt eines Produkts beschreibt, lässt Raum für unbekannte Lösungen.",
        ),
        "lcc": (
            "Lebenszykluskosten",
            "Die Lebenszykluskostenrechnung vergleicht Angebote nach ihren Kosten über die gesamte Nutzungsdauer, nicht nur nach dem Kaufpreis.",
        ),
        "sme": (
            "Zugang für KMU und Start-ups",
            "Lose, angemessene Eignungskriterien und frühe Gespräche erleichtern kleinen und jungen Unternehmen die Teilnahme.",
        ),
        "circular": (
            "Zirkuläre Beschaffung",
            "Zirkuläre Beschaffung hält Produkte und Materialien länger im Kreislauf – durch Wiederverwendung, Reparatur, Miete und Rücknahme.",
        ),
        "digital": (
            "Beschaffung digitaler und KI-Lösungen",
            "Bei digitalen Lösungen zählen Datenhoheit, Interoperabilität, IT-Sicherheit und die Ethik automatisierter Entscheidungen.",
        ),
        "risk": (
            "Risikomanagement",
            "Innovation birgt Risiken; wer sie benennt, fair verteilt und überwacht, macht das Vorhaben für beide Seiten beherrschbar.",
        ),
        "award": (
            "Zuschlagskriterien für Innovation",
            "Qualitätskriterien mit echtem Gewicht belohnen die Angebote mit dem größten Nutzen, nicht bloß die billigsten.",
        ),
        "joint": (
            "Gemeinsame und grenzüberschreitende Beschaffung",
            "Gemeinsam einkaufen gibt kleineren Auftraggebern Marktmacht und verteilt Kosten und Risiken der Innovation.",
        ),
        "contract": (
            "Vertragsmanagement",
            "Innovation endet nicht mit dem Zuschlag: Kennzahlen und regelmäßige Gespräche halten das Vorhaben auf Kurs.",
        ),
    },
    "tool_types": {
        "guide": "Leitfaden",
        "checklist": "Checkliste",
        "template": "Vorlage",
        "model_tender": "Musterunterlage",
    },
    "titles": {
        "tool": {
            "guide": [
                "Leitfaden: {topic} im Bereich {sector}",
                "Praxisleitfaden {topic}",
            ],
            "checklist": [
                "Checkliste: {topic} im Bereich {sector}",
                "Checkliste {topic}",
            ],
            "template": [
                "Vorlage: {topic} – {subject}",
                "Vorlagen: {topic} im Bereich {sector}",
            ],
            "model_tender": [
                "Musterunterlagen: {subject}",
                "Mustervertrag: {topic} im Bereich {sector}",
            ],
        },
        "best_practice": ["Gute Praxis: {subject}", "{topic} in der Praxis: {subject}"],
        "case_study": ["{buyer}: {subject}", "{subject} – Fallbeispiel {topic}"],
        "report": [
            "Bericht: {topic} im Bereich {sector} ({year})",
            "{topic}: Erfahrungen aus {n} Projekten",
        ],
        "opinion_paper": [
            "Expertenpapier: {topic}",
            "Positionspapier: {topic} im Bereich {sector}",
        ],
        "training": ["Schulungsmodul: {topic}", "Webinar: {topic} im Bereich {sector}"],
    },
    "summaries": {
        "tool": "Praktische Arbeitshilfe ({tool_type}) für öffentliche Auftraggeber zum Thema {topic} im Bereich {sector} – mit Schritten, Stolpersteinen und Leitfragen.",
        "best_practice": "Wie ein öffentlicher Auftraggeber das Vorhaben „{subject}“ angegangen ist (Schwerpunkt: {topic}) und was andere übernehmen können.",
        "case_study": "{buyer} hat „{subject}“ beschafft – Verfahren: {procedure}. Was gekauft wurde, wie, und mit welchem Ergebnis.",
        "report": "Ergebnisse aus {n} europäischen Projekten zum Thema {topic} im Bereich {sector}, mit Zahlen und Empfehlungen.",
        "opinion_paper": "Expertinnen und Experten des Wissensaustauschs im Netzwerk beziehen Stellung zum Thema {topic} im Bereich {sector}.",
        "training": "Unterlagen für eine halbtägige Schulung zum Thema {topic}, mit Übungen und Beispielen aus dem Bereich {sector}.",
    },
    "leads": {
        "tool": "Die Arbeitshilfe ({tool_type}) führt Schritt für Schritt durch das Thema {topic}.",
        "best_practice": "Ein kurzer Bericht darüber, wie ein Auftraggeber das Vorhaben „{subject}“ umgesetzt hat.",
        "case_study": "Wie {buyer_l} das Vorhaben „{subject}“ umgesetzt hat.",
        "report": "Der Bericht bündelt, was {n} Projekte zum Thema {topic} gelernt haben.",
        "opinion_paper": "Die Fachleute des Wissensaustauschs im Netzwerk haben sich auf folgende Punkte verständigt.",
        "training": "Das Modul richtet sich an Beschafferinnen, Beschaffer und Fachabteilungen, die neu beim Thema {topic} sind.",
    },
    "headings": ["Worum es geht", "Schritt für Schritt", "Gut zu wissen"],
    "sector_sentence": "Die Beispiele stammen aus dem Bereich {sector}, in dem Auftraggeber steigende Anforderungen mit knappen Budgets vereinbaren müssen.",
    "steps": [
        "Das zu lösende Problem und das gewünschte Ergebnis beschreiben, nicht ein Produkt.",
        "Künftige Nutzerinnen und Nutzer und die Haushaltsverantwortlichen von Anfang an einbinden.",
        "Das Vorhaben früh bekannt machen, etwa mit einer Vorinformation.",
        "Unternehmen Zeit und eine faire, dokumentierte Gelegenheit für Fragen geben.",
        "Qualität und Lebenszykluskosten gewichten, nicht nur den Preis.",
        "Kennzahlen vereinbaren und während der Vertragslaufzeit gemeinsam prüfen.",
    ],
    "closing": [
        "Das nationale Kompetenzzentrum berät kostenlos zu Ihrem eigenen Vorhaben.",
        "Teilen Sie Ihre Erfahrungen im Netzwerk: Andere lernen am meisten aus echten Fällen.",
        "Klein anfangen, Ergebnisse messen und ausweiten, was funktioniert.",
    ],
    "articles": {"Ein", "Eine", "Der", "Die", "Das"},
    "sector_buyers": {
        "ict": "Ein IT-Dienstleister der öffentlichen Hand",
        "health": "Ein Universitätsklinikum",
        "mobility": "Ein kommunales Verkehrsunternehmen",
        "circular": "Eine zentrale Beschaffungsstelle",
        "energy": "Ein städtischer Energieversorger",
        "construction": "Ein Landesbetrieb für Bau und Liegenschaften",
        "food": "Ein städtischer Verpflegungsbetrieb",
        "security": "Eine Katastrophenschutzbehörde",
        "other": "Eine Stadtverwaltung",
    },
    "buyers": {
        "AT": [
            "Eine Landeshauptstadt",
            "Ein Bundesland",
            "Eine Marktgemeinde in der Steiermark",
            "Ein Bundesministerium",
            "Eine Bezirkshauptmannschaft",
            "Die Bundesbeschaffung",
        ],
        "DE": [
            "Eine Großstadt in Nordrhein-Westfalen",
            "Ein Landkreis in Bayern",
            "Eine Bundesbehörde",
            "Ein Landesministerium",
            "Eine mittelgroße Stadt in Sachsen",
            "Ein kommunaler Zweckverband",
        ],
    },
    "procedures": {
        "market_consultation": "Markterkundung mit anschließendem offenen Verfahren",
        "pcp": "Vorkommerzielle Auftragsvergabe in drei Phasen",
        "partnership": "Innovationspartnerschaft",
        "ppi": "Offenes Verfahren mit funktionaler Leistungsbeschreibung",
        "dialogue": "Wettbewerblicher Dialog",
        "joint": "Gemeinsame Beschaffung mehrerer Auftraggeber",
    },
    "outcomes": [
        "Es gingen {n} Angebote ein, mehrere davon von KMU. Die Lösung ist seit {year} im Einsatz und im Betrieb günstiger als die alte.",
        "Der Pilotbetrieb hat alle vereinbarten Kennzahlen erreicht; {year} wurde die Kaufoption gezogen.",
        "Die Betriebskosten sanken gegenüber der alten Lösung um rund {pct} %.",
        "Die Nutzerinnen und Nutzer bewerten den neuen Dienst deutlich besser; {n} weitere Auftraggeber haben die Unterlagen angefragt.",
    ],
    "lessons": [
        "Vor der Leistungsbeschreibung mit dem Markt sprechen.",
        "Nutzerinnen und Nutzer früh einbinden: Sie wissen, wo das eigentliche Problem liegt.",
        "Zeit einplanen; ein Dialog dauert länger als eine Standardausschreibung.",
        "Die Haushaltsverantwortlichen mit klaren Meilensteinen mitnehmen.",
        "Funktionale Anforderungen brachten Lösungen, an die niemand gedacht hatte.",
        "Die Lebenszykluskosten haben entschieden, welches Angebot gewann.",
    ],
    "authors": [
        "Anna Huber",
        "Lukas Gruber",
        "Katharina Wagner",
        "Thomas Müller",
        "Julia Schneider",
        "Stefan Berger",
        "Sabine Hofmann",
        "Markus Weber",
    ],
}

BLOCKS["nl"] = {
    "lower": True,
    "articles": {"Een", "De", "Het"},
    "sectors": {
        "ict": "ICT",
        "health": "zorg",
        "mobility": "mobiliteit",
        "circular": "circulaire economie",
        "energy": "energie",
        "construction": "bouw",
        "food": "voedsel",
        "security": "veiligheid",
        "other": "publieke dienstverlening",
    },
    "subjects": {
        "ict": [
            "Digitaal loket voor inwoners",
            "AI-assistent voor vergunningverlening",
        ],
        "health": [
            "Zorg op afstand voor thuiswonende ouderen",
            "Logistieke robots in het ziekenhuis",
        ],
        "mobility": ["Emissievrije bussen", "Slimme verkeerslichten"],
        "circular": [
            "Circulair kantoormeubilair",
            "Herbruikbare bekers voor evenementen",
        ],
        "energy": ["Zonnepanelen op scholen", "Energiezuinige openbare verlichting"],
        "construction": ["Circulaire viaducten", "Modulaire schoolgebouwen"],
        "food": ["Duurzame schoolmaaltijden", "Lokaal voedsel voor zorginstellingen"],
        "security": [
            "Drones voor inspectie van infrastructuur",
            "Vroegtijdige waarschuwing bij hoogwater",
        ],
        "other": ["Toegankelijke openbare ruimte", "Slimme afvalinzameling"],
    },
    "topics": {
        "market-consultation": (
            "Marktconsultatie",
            "Met leveranciers praten vóór de aanbesteding laat zien wat de markt kan bieden en helpt de opdrachtgever de vraag aan te scherpen.",
        ),
        "pcp": (
            "Precommerciële inkoop",
            "Bij precommerciële inkoop ontwikkelen meerdere bedrijven in fasen en in concurrentie oplossingen die nog niet bestaan.",
        ),
        "partnership": (
            "Innovatiepartnerschap",
            "Een innovatiepartnerschap combineert de ontwikkeling van een nieuwe oplossing en de aankoop ervan in één procedure.",
        ),
        "functional": (
            "Functioneel specificeren",
            "Wie het gewenste resultaat beschrijft in plaats van een product, laat ruimte voor oplossingen die je nog niet kende.",
        ),
        "lcc": (
            "Levensduurkosten",
            "Met levensduurkosten (total cost of ownership) vergelijk je inschrijvingen op wat ze over hun hele levensduur kosten, niet alleen op de aanschafprijs.",
        ),
        "sme": (
            "Kansen voor mkb en start-ups",
            "Percelen, proportionele eisen en vroege dialoog maken het kleine en jonge bedrijven makkelijker om mee te doen.",
        ),
        "circular": (
            "Circulair inkopen",
            "Circulair inkopen houdt producten en materialen langer in gebruik, door hergebruik, reparatie, lease en terugname.",
        ),
        "digital": (
            "Digitale en AI-oplossingen inkopen",
            "Bij digitale oplossingen tellen eigendom van data, interoperabiliteit, informatiebeveiliging en de ethiek van geautomatiseerde besluiten.",
        ),
        "risk": (
            "Risicomanagement",
            "Innovatie brengt risico's mee; wie ze benoemt, eerlijk verdeelt en bewaakt, maakt het project beheersbaar voor opdrachtgever en opdrachtnemer.",
        ),
        "award": (
            "Gunningscriteria voor innovatie",
            "Kwaliteitscriteria met echt gewicht belonen de inschrijvingen met de meeste waarde, niet alleen de goedkoopste.",
        ),
        "joint": (
            "Gezamenlijk en grensoverschrijdend inkopen",
            "Samen inkopen geeft kleinere overheden marktmacht en spreidt de kosten en risico's van innovatie.",
        ),
        "contract": (
            "Contractmanagement",
            "Innovatie stopt niet bij de gunning: prestatie-indicatoren en regelmatige gesprekken houden het project op koers.",
        ),
    },
    "tool_types": {
        "guide": "handreiking",
        "checklist": "checklist",
        "template": "sjabloon",
        "model_tender": "modelaanbestedingsdocument",
    },
    "titles": {
        "tool": {
            "guide": [
                "Handreiking: {topic} ({sector})",
                "Praktische handreiking: {topic}",
            ],
            "checklist": ["Checklist: {topic} ({sector})", "Checklist {topic_l}"],
            "template": [
                "Sjabloon: {topic} – {subject_l}",
                "Sjablonen voor {topic_l} ({sector})",
            ],
            "model_tender": [
                "Modelaanbestedingsdocumenten: {subject_l}",
                "Modelbepalingen: {topic} ({sector})",
            ],
        },
        "best_practice": [
            "Goed voorbeeld: {subject_l}",
            "{topic} in de praktijk: {subject_l}",
        ],
        "case_study": ["{buyer}: {subject_l}", "{subject} via {topic_l}"],
        "report": [
            "Rapport: {topic} ({sector}, {year})",
            "{topic}: lessen uit {n} projecten",
        ],
        "opinion_paper": ["Expertvisie: {topic}", "Position paper: {topic} ({sector})"],
        "training": ["Trainingsmodule: {topic}", "Webinar: {topic} ({sector})"],
    },
    "summaries": {
        "tool": "Een praktisch hulpmiddel ({tool_type}) voor publieke inkopers over {topic_l} ({sector}), met stappen, valkuilen en vragen om te stellen.",
        "best_practice": "Hoe een publieke opdrachtgever {subject_l} aanpakte met {topic_l}, en wat anderen kunnen overnemen.",
        "case_study": "{buyer} kocht {subject_l} in via {procedure}: wat er is ingekocht, hoe, en wat het opleverde.",
        "report": "Bevindingen uit {n} Europese projecten over {topic_l} ({sector}), met cijfers en aanbevelingen.",
        "opinion_paper": "Experts van de kennisuitwisseling in het netwerk geven hun visie op {topic_l} ({sector}).",
        "training": "Materiaal voor een training van een halve dag over {topic_l}, met oefeningen en voorbeelden uit de sector {sector}.",
    },
    "leads": {
        "tool": "Dit hulpmiddel ({tool_type}) helpt inkopers om {topic_l} stap voor stap voor te bereiden en uit te voeren.",
        "best_practice": "Een kort verslag van hoe een opdrachtgever {subject_l} aanpakte, en wat anderen kunnen hergebruiken.",
        "case_study": "Hoe {buyer_l} {subject_l} inkocht via {procedure}.",
        "report": "Dit rapport bundelt wat {n} projecten leerden over {topic_l}.",
        "opinion_paper": "De experts van de kennisuitwisseling in het netwerk werden het over de volgende punten eens.",
        "training": "De module is bedoeld voor inkopers en budgethouders die nieuw zijn in {topic_l}.",
    },
    "headings": ["Waarom het ertoe doet", "Stap voor stap", "Goed om te weten"],
    "sector_sentence": "De voorbeelden komen uit de sector {sector}, waar opdrachtgevers met een stijgende vraag en krappe budgetten te maken hebben.",
    "steps": [
        "Beschrijf het probleem en het gewenste resultaat, niet een product.",
        "Betrek de toekomstige gebruikers en de budgethouder vanaf het begin.",
        "Maak je plannen vroeg bekend, bijvoorbeeld met een vooraankondiging.",
        "Geef leveranciers tijd en een eerlijke, gedocumenteerde kans om vragen te stellen.",
        "Weeg kwaliteit en levensduurkosten mee, niet alleen de prijs.",
        "Spreek indicatoren af en bespreek ze tijdens het contract met de leverancier.",
    ],
    "closing": [
        "Het nationale expertisecentrum denkt gratis mee over je eigen project.",
        "Deel je ervaring in het netwerk: andere inkopers leren het meest van echte cases.",
        "Begin klein, meet de resultaten en schaal op wat werkt.",
    ],
    "sector_buyers": {
        "ict": "Een uitvoeringsorganisatie van het Rijk",
        "health": "Een academisch ziekenhuis",
        "mobility": "Een vervoerregio",
        "circular": "Een inkoopuitvoeringscentrum van het Rijk",
        "energy": "Een waterschap",
        "construction": "Een provincie",
        "food": "Een zorginstelling",
        "security": "Een veiligheidsregio",
        "other": "Een gemeente",
    },
    "buyers": {
        "NL": [
            "Een middelgrote gemeente in Brabant",
            "Een provincie in het oosten",
            "Een ministerie",
            "Een samenwerkingsverband van gemeenten",
            "Een grote gemeente in de Randstad",
            "Een waterschap in Zeeland",
        ],
    },
    "procedures": {
        "market_consultation": "een marktconsultatie gevolgd door een openbare procedure",
        "pcp": "precommerciële inkoop (SBIR) in drie fasen",
        "partnership": "een innovatiepartnerschap",
        "ppi": "een openbare procedure met functionele specificaties",
        "dialogue": "een concurrentiegerichte dialoog",
        "joint": "een gezamenlijke aanbesteding met buurgemeenten",
    },
    "procedure_names": {
        "market_consultation": "Marktconsultatie en openbare procedure",
        "pcp": "Precommerciële inkoop (SBIR) in drie fasen",
        "partnership": "Innovatiepartnerschap",
        "ppi": "Openbare procedure met functionele specificaties",
        "dialogue": "Concurrentiegerichte dialoog",
        "joint": "Gezamenlijke aanbesteding",
    },
    "outcomes": [
        "Er kwamen {n} inschrijvingen binnen, een aantal van mkb-bedrijven. De oplossing is sinds {year} in gebruik en goedkoper in beheer dan de oude.",
        "De pilot haalde alle afgesproken indicatoren; in {year} is de optie tot grootschalige aankoop gelicht.",
        "De beheerkosten daalden met ongeveer {pct} % ten opzichte van de vorige oplossing.",
        "Gebruikers waarderen de nieuwe dienst duidelijk hoger; {n} andere overheden vroegen de stukken op.",
    ],
    "lessons": [
        "Praat met de markt voordat je de specificaties schrijft.",
        "Betrek gebruikers vroeg: zij weten waar het echte probleem zit.",
        "Plan tijd in: een dialoog duurt langer dan een standaardaanbesteding.",
        "Houd de budgethouder aan boord met duidelijke mijlpalen.",
        "Functionele eisen leverden oplossingen op waar niemand aan had gedacht.",
        "De levensduurkosten bepaalden welke inschrijving won.",
    ],
    "authors": [
        "Sanne de Boer",
        "Jeroen Bakker",
        "Fleur Visser",
        "Maarten Smit",
        "Lotte Mulder",
        "Bas van Dijk",
        "Eva Meijer",
    ],
}

BLOCKS["es"] = {
    "lower": True,
    "articles": {"Un", "Una", "El", "La", "Los", "Las"},
    "sectors": {
        "ict": "TIC",
        "health": "sanidad",
        "mobility": "movilidad",
        "circular": "economía circular",
        "energy": "energía",
        "construction": "construcción",
        "food": "alimentación",
        "security": "seguridad",
        "other": "servicios públicos",
    },
    "subjects": {
        "ict": [
            "Plataforma digital de atención ciudadana",
            "Asistente de IA para la tramitación de expedientes",
        ],
        "health": [
            "Telemonitorización de pacientes en su domicilio",
            "Robots logísticos en el hospital",
        ],
        "mobility": ["Autobuses de cero emisiones", "Gestión inteligente del tráfico"],
        "circular": [
            "Mobiliario de oficina circular",
            "Envases reutilizables para comedores",
        ],
        "energy": [
            "Alumbrado público LED inteligente",
            "Energía solar en edificios públicos",
        ],
        "construction": ["Hormigón bajo en carbono para puentes", "Colegios modulares"],
        "food": [
            "Comedores escolares sostenibles",
            "Alimentos locales y de temporada para residencias",
        ],
        "security": [
            "Inspección de infraestructuras con drones",
            "Alerta temprana de inundaciones",
        ],
        "other": ["Espacios públicos accesibles", "Recogida inteligente de residuos"],
    },
    "topics": {
        "market-consultation": (
            "Consulta preliminar al mercado",
            "Hablar con los proveedores antes de la licitación muestra lo que el mercado puede ofrecer y ayuda a precisar la necesidad.",
        ),
        "pcp": (
            "Compra pública precomercial",
            "En la compra pública precomercial varias empresas compiten por fases para desarrollar soluciones que aún no existen.",
        ),
        "partnership": (
            "Asociación para la innovación",
            "La asociación para la innovación combina el desarrollo de una solución nueva y su adquisición en un solo procedimiento.",
        ),
        "functional": (
            "Especificaciones funcionales",
            "Describir el resultado que se necesita, y no un producto, deja espacio a soluciones que no se conocían.",
        ),
        "lcc": (
            "Coste del ciclo de vida",
            "El coste del ciclo de vida compara las ofertas por lo que cuestan durante toda su vida útil, no solo por el precio de compra.",
        ),
        "sme": (
            "Acceso de pymes y start-ups",
            "Los lotes, los requisitos proporcionados y el diálogo temprano facilitan la participación de empresas pequeñas y jóvenes.",
        ),
        "circular": (
            "Compra pública circular",
            "La compra circular mantiene productos y materiales en uso durante más tiempo mediante reutilización, reparación, alquiler y recogida.",
        ),
        "digital": (
            "Compra de soluciones digitales y de IA",
            "Las soluciones digitales exigen atención a la propiedad de los datos, la interoperabilidad, la seguridad y la ética de las decisiones automatizadas.",
        ),
        "risk": (
            "Gestión de riesgos",
            "La innovación conlleva riesgos; identificarlos, repartirlos y vigilarlos hace el proyecto manejable para comprador y proveedor.",
        ),
        "award": (
            "Criterios de adjudicación para la innovación",
            "Los criterios de calidad con peso real premian las ofertas que aportan más valor, no solo las más baratas.",
        ),
        "joint": (
            "Compra conjunta y transfronteriza",
            "Comprar juntos da poder de mercado a los compradores pequeños y reparte el coste y el riesgo de la innovación.",
        ),
        "contract": (
            "Gestión del contrato",
            "La innovación no termina con la adjudicación: los indicadores y las revisiones periódicas mantienen el proyecto en marcha.",
        ),
    },
    "tool_types": {
        "guide": "guía",
        "checklist": "lista de comprobación",
        "template": "plantilla",
        "model_tender": "pliego modelo",
    },
    "titles": {
        "tool": {
            "guide": ["Guía: {topic} en {sector}", "Guía práctica: {topic}"],
            "checklist": [
                "Lista de comprobación: {topic} en {sector}",
                "Lista de comprobación: {topic}",
            ],
            "template": [
                "Plantilla: {topic} – {subject_l}",
                "Plantillas: {topic} en {sector}",
            ],
            "model_tender": [
                "Pliegos modelo: {subject_l}",
                "Cláusulas modelo: {topic} en {sector}",
            ],
        },
        "best_practice": [
            "Buena práctica: {subject_l}",
            "{topic} en la práctica: {subject_l}",
        ],
        "case_study": ["{buyer}: {subject_l}", "{subject} – {topic_l}"],
        "report": [
            "Informe: {topic} en {sector} ({year})",
            "{topic}: lecciones de {n} proyectos",
        ],
        "opinion_paper": [
            "Opinión de expertos: {topic}",
            "Documento de posición: {topic} en {sector}",
        ],
        "training": ["Módulo formativo: {topic}", "Seminario web: {topic} en {sector}"],
    },
    "summaries": {
        "tool": "Herramienta práctica ({tool_type}) para compradores públicos sobre {topic_l} en {sector}, con los pasos, los errores frecuentes y las preguntas clave.",
        "best_practice": "Cómo un comprador público abordó el proyecto «{subject}» con {topic_l}, y qué pueden reutilizar otros.",
        "case_study": "{buyer} adquirió «{subject}» mediante {procedure}: qué se compró, cómo y con qué resultado.",
        "report": "Resultados de {n} proyectos europeos sobre {topic_l} en {sector}, con cifras y recomendaciones.",
        "opinion_paper": "Los expertos del encuentro de intercambio de conocimiento de la red exponen su visión sobre {topic_l} en {sector}.",
        "training": "Material para una formación de media jornada sobre {topic_l}, con ejercicios y ejemplos de {sector}.",
    },
    "leads": {
        "tool": "Esta herramienta ({tool_type}) acompaña paso a paso en materia de {topic_l}.",
        "best_practice": "Un breve relato de cómo un comprador público llevó a cabo el proyecto «{subject}» y qué pueden reutilizar otros.",
        "case_study": "Cómo {buyer_l} llevó a cabo el proyecto «{subject}» mediante {procedure}.",
        "report": "Este informe reúne lo que {n} proyectos aprendieron sobre {topic_l}.",
        "opinion_paper": "Los expertos reunidos en el encuentro de intercambio de conocimiento de la red coincidieron en los siguientes puntos.",
        "training": "El módulo está pensado para compradores y responsables de presupuesto que se inician en {topic_l}.",
    },
    "headings": ["Por qué es importante", "Paso a paso", "Conviene saber"],
    "sector_sentence": "Los ejemplos proceden del ámbito «{sector}», donde los compradores afrontan una demanda creciente con presupuestos ajustados.",
    "steps": [
        "Describir el problema que hay que resolver y el resultado esperado, no un producto.",
        "Implicar desde el principio a los futuros usuarios y a quien gestiona el presupuesto.",
        "Anunciar pronto los planes, por ejemplo con un anuncio de información previa.",
        "Dar a los proveedores tiempo y una oportunidad justa y documentada de preguntar.",
        "Ponderar la calidad y el coste del ciclo de vida, no solo el precio.",
        "Acordar indicadores y revisarlos con el proveedor durante el contrato.",
    ],
    "closing": [
        "El centro de competencia nacional asesora gratuitamente sobre su propio proyecto.",
        "Comparta su experiencia con la red: otros compradores aprenden sobre todo de casos reales.",
        "Empiece en pequeño, mida los resultados y amplíe lo que funciona.",
    ],
    "sector_buyers": {
        "ict": "Una agencia autonómica de administración digital",
        "health": "Un hospital universitario",
        "mobility": "Una empresa municipal de transporte",
        "circular": "Una central de contratación",
        "energy": "Una agencia local de la energía",
        "construction": "Una consejería de obras públicas",
        "food": "Un servicio municipal de comedores escolares",
        "security": "Un servicio de protección civil",
        "other": "Un ayuntamiento",
    },
    "buyers": {
        "ES": [
            "Un ayuntamiento de tamaño medio en Andalucía",
            "Una diputación provincial",
            "Un gobierno autonómico",
            "Un ministerio",
            "Un área metropolitana",
            "Una mancomunidad de municipios",
        ],
    },
    "procedures": {
        "market_consultation": "una consulta preliminar al mercado seguida de un procedimiento abierto",
        "pcp": "compra pública precomercial en tres fases",
        "partnership": "una asociación para la innovación",
        "ppi": "un procedimiento abierto con especificaciones funcionales",
        "dialogue": "un diálogo competitivo",
        "joint": "una compra conjunta con otros municipios",
    },
    "procedure_names": {
        "market_consultation": "Consulta preliminar al mercado y procedimiento abierto",
        "pcp": "Compra pública precomercial en tres fases",
        "partnership": "Asociación para la innovación",
        "ppi": "Procedimiento abierto con especificaciones funcionales",
        "dialogue": "Diálogo competitivo",
        "joint": "Compra conjunta",
    },
    "outcomes": [
        "Se recibieron {n} ofertas, varias de pymes. La solución está en uso desde {year} y su mantenimiento cuesta menos que el de la anterior.",
        "El piloto cumplió todos los indicadores acordados y en {year} se ejerció la opción de compra a gran escala.",
        "Los costes de funcionamiento bajaron en torno a un {pct} % respecto a la solución anterior.",
        "Los usuarios valoran el nuevo servicio claramente mejor; {n} administraciones han pedido los pliegos.",
    ],
    "lessons": [
        "Hablar con el mercado antes de redactar los pliegos.",
        "Implicar pronto a los usuarios: saben dónde está el problema real.",
        "Prever tiempo: un diálogo dura más que una licitación estándar.",
        "Mantener a bordo a quien gestiona el presupuesto con hitos claros.",
        "Los requisitos funcionales trajeron soluciones en las que nadie había pensado.",
        "El coste del ciclo de vida cambió la oferta ganadora.",
    ],
    "authors": [
        "Lucía García",
        "Javier Fernández",
        "Marta López",
        "Carlos Sánchez",
        "Elena Romero",
        "Pablo Navarro",
        "Irene Torres",
    ],
}

BLOCKS["sv"] = {
    "lower": True,
    "articles": {"En", "Ett"},
    "sectors": {
        "ict": "it",
        "health": "hälso- och sjukvård",
        "mobility": "transporter",
        "circular": "cirkulär ekonomi",
        "energy": "energi",
        "construction": "bygg",
        "food": "livsmedel",
        "security": "säkerhet",
        "other": "offentlig service",
    },
    "subjects": {
        "ict": ["Digital e-tjänst för invånare", "AI-stöd för handläggning"],
        "health": [
            "Distansövervakning av patienter i hemmet",
            "Logistikrobotar på sjukhus",
        ],
        "mobility": ["Utsläppsfria bussar", "Smart trafikstyrning"],
        "circular": [
            "Cirkulära kontorsmöbler",
            "Återanvändbara förpackningar i storkök",
        ],
        "energy": ["Smart LED-gatubelysning", "Solceller på offentliga byggnader"],
        "construction": ["Klimatförbättrad betong i broar", "Modulära skolbyggnader"],
        "food": [
            "Hållbara skolmåltider",
            "Lokala livsmedel efter säsong för äldreboenden",
        ],
        "security": [
            "Drönarinspektion av infrastruktur",
            "Tidig varning för översvämningar",
        ],
        "other": ["Tillgängliga offentliga miljöer", "Smart avfallsinsamling"],
    },
    "topics": {
        "market-consultation": (
            "Marknadsdialog",
            "Att tala med leverantörer före upphandlingen visar vad marknaden kan erbjuda och gör behovet skarpare.",
        ),
        "pcp": (
            "Förkommersiell upphandling",
            "Vid förkommersiell upphandling tävlar flera företag i etapper om att utveckla lösningar som ännu inte finns.",
        ),
        "partnership": (
            "Innovationspartnerskap",
            "Ett innovationspartnerskap förenar utvecklingen av en ny lösning och köpet av den i ett och samma förfarande.",
        ),
        "functional": (
            "Funktionskrav",
            "Den som beskriver det resultat som behövs i stället för en produkt ger utrymme för lösningar man inte kände till.",
        ),
        "lcc": (
            "Livscykelkostnad",
            "Med livscykelkostnad jämförs anbud efter vad de kostar under hela livslängden, inte bara efter inköpspriset.",
        ),
        "sme": (
            "Små företag och startups",
            "Uppdelning i delområden, proportionerliga krav och tidig dialog gör det lättare för små och unga företag att delta.",
        ),
        "circular": (
            "Cirkulär upphandling",
            "Cirkulär upphandling håller produkter och material i bruk längre genom återbruk, reparation, leasing och återtag.",
        ),
        "digital": (
            "Upphandling av digitala lösningar och AI",
            "Digitala lösningar kräver uppmärksamhet på dataägande, interoperabilitet, informationssäkerhet och etiken i automatiserade beslut.",
        ),
        "risk": (
            "Riskhantering",
            "Innovation innebär risker; att namnge, fördela och följa upp dem gör projektet hanterbart för både köpare och leverantör.",
        ),
        "award": (
            "Tilldelningskriterier för innovation",
            "Kvalitetskriterier med verklig vikt belönar de anbud som ger mest värde, inte bara de billigaste.",
        ),
        "joint": (
            "Samordnad och gränsöverskridande upphandling",
            "Att upphandla tillsammans ger mindre organisationer marknadskraft och sprider kostnad och risk.",
        ),
        "contract": (
            "Avtalsuppföljning",
            "Innovationen slutar inte vid tilldelningen: nyckeltal och regelbundna avstämningar håller projektet på rätt kurs.",
        ),
    },
    "tool_types": {
        "guide": "vägledning",
        "checklist": "checklista",
        "template": "mall",
        "model_tender": "mall för upphandlingsdokument",
    },
    "titles": {
        "tool": {
            "guide": [
                "Vägledning: {topic} inom {sector}",
                "Praktisk vägledning om {topic_l}",
            ],
            "checklist": [
                "Checklista: {topic} inom {sector}",
                "Checklista för {topic_l}",
            ],
            "template": [
                "Mall: {topic} – {subject_l}",
                "Mallar för {topic_l} inom {sector}",
            ],
            "model_tender": [
                "Mall för upphandlingsdokument: {subject_l}",
                "Mallvillkor: {topic} inom {sector}",
            ],
        },
        "best_practice": [
            "Gott exempel: {subject_l}",
            "{topic} i praktiken: {subject_l}",
        ],
        "case_study": ["{buyer}: {subject_l}", "{subject} genom {topic_l}"],
        "report": [
            "Rapport: {topic} inom {sector} ({year})",
            "{topic}: lärdomar från {n} projekt",
        ],
        "opinion_paper": [
            "Expertutlåtande: {topic}",
            "Ståndpunkt: {topic} inom {sector}",
        ],
        "training": ["Utbildningsmodul: {topic}", "Webbinarium: {topic} inom {sector}"],
    },
    "summaries": {
        "tool": "Ett praktiskt stöd ({tool_type}) för offentliga inköpare om {topic_l} inom {sector}, med steg, fallgropar och frågor att ställa.",
        "best_practice": "Hur en offentlig köpare tog sig an {subject_l} med {topic_l}, och vad andra kan återanvända.",
        "case_study": "{buyer} upphandlade {subject_l} genom {procedure}: vad som köptes, hur och med vilket resultat.",
        "report": "Resultat från {n} europeiska projekt om {topic_l} inom {sector}, med siffror och rekommendationer.",
        "opinion_paper": "Experter från nätverkets kunskapsutbytesmöte ger sin syn på {topic_l} inom {sector}.",
        "training": "Material för en halvdagsutbildning om {topic_l}, med övningar och exempel från {sector}.",
    },
    "leads": {
        "tool": "Detta stöd ({tool_type}) hjälper inköpare att steg för steg förbereda och genomföra arbetet med {topic_l}.",
        "best_practice": "En kort berättelse om hur en offentlig köpare tog sig an {subject_l}, och vad andra kan återanvända.",
        "case_study": "Så upphandlade {buyer_l} {subject_l} genom {procedure}.",
        "report": "Rapporten samlar vad {n} projekt har lärt sig om {topic_l}.",
        "opinion_paper": "Experterna vid nätverkets kunskapsutbytesmöte enades om följande punkter.",
        "training": "Modulen riktar sig till inköpare och budgetansvariga som är nya inom {topic_l}.",
    },
    "headings": ["Varför det är viktigt", "Steg för steg", "Bra att veta"],
    "sector_sentence": "Exemplen kommer från området {sector}, där köpare möter ökande behov med knappa budgetar.",
    "steps": [
        "Beskriv problemet som ska lösas och resultatet som behövs, inte en produkt.",
        "Involvera framtida användare och budgetansvariga från början.",
        "Berätta tidigt om planerna, till exempel med ett förhandsmeddelande.",
        "Ge leverantörerna tid och en rättvis, dokumenterad möjlighet att ställa frågor.",
        "Vikta kvalitet och livscykelkostnad, inte bara pris.",
        "Kom överens om nyckeltal och följ upp dem med leverantören under avtalstiden.",
    ],
    "closing": [
        "Det nationella kompetenscentret ger kostnadsfri rådgivning om ert eget projekt.",
        "Dela era erfarenheter i nätverket: andra köpare lär sig mest av verkliga fall.",
        "Börja i liten skala, mät resultaten och skala upp det som fungerar.",
    ],
    "sector_buyers": {
        "ict": "En statlig myndighet",
        "health": "En region (hälso- och sjukvården)",
        "mobility": "Ett regionalt kollektivtrafikbolag",
        "circular": "En inköpscentral",
        "energy": "Ett kommunalt energibolag",
        "construction": "En kommunal teknisk förvaltning",
        "food": "En kommunal kostenhet",
        "security": "En räddningstjänst",
        "other": "En kommun",
    },
    "buyers": {
        "SE": [
            "En medelstor kommun i Norrland",
            "En region i Götaland",
            "En kommun i Stockholms län",
            "En statlig myndighet",
            "En grupp kommuner i Västra Götaland",
            "Ett kommunalförbund",
        ],
    },
    "procedures": {
        "market_consultation": "marknadsdialog följd av ett öppet förfarande",
        "pcp": "förkommersiell upphandling i tre faser",
        "partnership": "innovationspartnerskap",
        "ppi": "ett öppet förfarande med funktionskrav",
        "dialogue": "konkurrenspräglad dialog",
        "joint": "samordnad upphandling med grannkommuner",
    },
    "outcomes": [
        "{n} anbud kom in, flera från små och medelstora företag. Lösningen har använts sedan {year} och är billigare i drift än den gamla.",
        "Piloten uppnådde alla överenskomna nyckeltal och {year} utnyttjades optionen att köpa i större skala.",
        "Driftskostnaderna sjönk med omkring {pct} % jämfört med den tidigare lösningen.",
        "Användarna ger den nya tjänsten klart bättre betyg; {n} andra organisationer har bett om underlagen.",
    ],
    "lessons": [
        "Tala med marknaden innan kraven skrivs.",
        "Involvera användarna tidigt: de vet var det verkliga problemet finns.",
        "Planera in tid; en dialog tar längre tid än en vanlig upphandling.",
        "Håll budgetansvariga med genom tydliga delmål.",
        "Funktionskraven gav lösningar som ingen hade tänkt på.",
        "Livscykelkostnaden avgjorde vilket anbud som vann.",
    ],
    "authors": [
        "Anna Lindqvist",
        "Erik Johansson",
        "Maria Nilsson",
        "Johan Berg",
        "Karin Ström",
        "Lars Eriksson",
        "Sara Holm",
    ],
}

BLOCKS["et"] = {
    "lower": True,
    "articles": set(),
    "sectors": {
        "ict": "IKT",
        "health": "tervishoid",
        "mobility": "liikuvus",
        "circular": "ringmajandus",
        "energy": "energeetika",
        "construction": "ehitus",
        "food": "toit",
        "security": "turvalisus",
        "other": "avalikud teenused",
    },
    "subjects": {
        "ict": ["Digitaalne e-teenus elanikele", "Tehisintellekti abiline menetlustes"],
        "health": ["Patsientide kaugjälgimine kodus", "Logistikarobotid haiglas"],
        "mobility": ["Heitevabad bussid", "Nutikas liikluskorraldus"],
        "circular": [
            "Ringmajanduslik kontorimööbel",
            "Korduskasutatavad nõud sööklates",
        ],
        "energy": ["Nutikas LED-tänavavalgustus", "Päikesepaneelid avalikel hoonetel"],
        "construction": [
            "Vähese süsinikujalajäljega betoon sildadele",
            "Moodulkoolihooned",
        ],
        "food": ["Kestlik koolitoit", "Kohalik hooajaline toit hooldekodudele"],
        "security": ["Taristu kontroll droonidega", "Üleujutuste varajane hoiatus"],
        "other": ["Ligipääsetav avalik ruum", "Nutikas jäätmekogumine"],
    },
    "topics": {
        "market-consultation": (
            "Turukonsultatsioon",
            "Tarnijatega enne hanget rääkimine näitab, mida turg pakkuda suudab, ja aitab vajadust täpsustada.",
        ),
        "pcp": (
            "Eelkommertshange",
            "Eelkommertshankes arendavad mitu ettevõtet etapiviisiliselt ja konkurentsis lahendusi, mida veel ei ole.",
        ),
        "partnership": (
            "Innovatsioonipartnerlus",
            "Innovatsioonipartnerlus ühendab uue lahenduse arendamise ja ostmise üheks menetluseks.",
        ),
        "functional": (
            "Funktsionaalne lähteülesanne",
            "Kui kirjeldada soovitud tulemust, mitte toodet, jääb ruumi lahendustele, mida tellija veel ei tunne.",
        ),
        "lcc": (
            "Olelusringi kulud",
            "Olelusringi kulude arvestus võrdleb pakkumusi nende kogukulu järgi kogu kasutusaja jooksul, mitte ainult ostuhinna järgi.",
        ),
        "sme": (
            "VKEde ja idufirmade osalus",
            "Osadeks jagamine, proportsionaalsed nõuded ja varane dialoog lihtsustavad väikeste ja noorte ettevõtete osalemist.",
        ),
        "circular": (
            "Ringmajanduslik hange",
            "Ringmajanduslik hange hoiab tooteid ja materjale kauem kasutuses korduskasutuse, parandamise, rendi ja tagasivõtu kaudu.",
        ),
        "digital": (
            "Digi- ja tehisintellektilahenduste hankimine",
            "Digilahenduste puhul on olulised andmete omandiõigus, koosvõime, infoturve ja automatiseeritud otsuste eetika.",
        ),
        "risk": (
            "Riskijuhtimine",
            "Innovatsiooniga kaasnevad riskid; nende nimetamine, jagamine ja jälgimine muudab projekti juhitavaks.",
        ),
        "award": (
            "Innovatsiooni hindamiskriteeriumid",
            "Tegeliku kaaluga kvaliteedikriteeriumid premeerivad suurima väärtusega pakkumusi, mitte ainult odavaimaid.",
        ),
        "joint": (
            "Ühis- ja piiriülene hange",
            "Ühiselt hankimine annab väiksematele tellijatele turujõudu ning jagab innovatsiooni kulusid ja riske.",
        ),
        "contract": (
            "Lepingu haldamine",
            "Innovatsioon ei lõpe lepingu sõlmimisega: näitajad ja regulaarsed ülevaatused hoiavad projekti õigel kursil.",
        ),
    },
    "tool_types": {
        "guide": "juhend",
        "checklist": "kontrollnimekiri",
        "template": "mall",
        "model_tender": "näidishankedokument",
    },
    "titles": {
        "tool": {
            "guide": ["Juhend: {topic} – {sector}", "Praktiline juhend: {topic}"],
            "checklist": [
                "Kontrollnimekiri: {topic} – {sector}",
                "Kontrollnimekiri: {topic}",
            ],
            "template": ["Mall: {topic} – {subject_l}", "Mallid: {topic} – {sector}"],
            "model_tender": [
                "Näidishankedokumendid: {subject_l}",
                "Näidistingimused: {topic} – {sector}",
            ],
        },
        "best_practice": ["Hea tava: {subject_l}", "{topic} praktikas: {subject_l}"],
        "case_study": ["{buyer}: {subject_l}", "{subject} – {topic_l}"],
        "report": [
            "Aruanne: {topic} – {sector} ({year})",
            "{topic}: {n} projekti kogemused",
        ],
        "opinion_paper": [
            "Ekspertarvamus: {topic}",
            "Seisukohadokument: {topic} – {sector}",
        ],
        "training": ["Koolitusmoodul: {topic}", "Veebiseminar: {topic} – {sector}"],
    },
    "summaries": {
        "tool": "Praktiline abivahend ({tool_type}) avaliku sektori hankijatele teemal „{topic}“ (valdkond: {sector}), koos sammude, levinud vigade ja küsimustega.",
        "best_practice": "Kuidas üks avaliku sektori tellija viis ellu projekti „{subject}“ ja mida teised saavad sellest üle võtta.",
        "case_study": "{buyer} hankis lahenduse „{subject}“ (menetlus: {procedure}): mida osteti, kuidas ja mis tulemusega.",
        "report": "{n} Euroopa projekti tulemused teemal „{topic}“ (valdkond: {sector}), arvude ja soovitustega.",
        "opinion_paper": "Võrgustiku teadmiste vahetamise kohtumise eksperdid esitavad oma seisukoha teemal „{topic}“ (valdkond: {sector}).",
        "training": "Poolepäevase koolituse materjal teemal „{topic}“, harjutuste ja näidetega (valdkond: {sector}).",
    },
    "leads": {
        "tool": "See abivahend ({tool_type}) juhatab hankijat samm-sammult teemal „{topic}“.",
        "best_practice": "Lühike ülevaade sellest, kuidas tellija viis ellu projekti „{subject}“.",
        "case_study": "Juhtumi kirjeldus: lahendus „{subject}“ ({buyer_l}).",
        "report": "Aruanne koondab, mida {n} projekti on õppinud teemal „{topic}“.",
        "opinion_paper": "Võrgustiku teadmiste vahetamise kohtumise eksperdid leppisid kokku järgmistes punktides.",
        "training": "Moodul on mõeldud hankijatele ja eelarve eest vastutajatele, kellele teema „{topic}“ on uus.",
    },
    "headings": ["Miks see on oluline", "Samm-sammult", "Hea teada"],
    "sector_sentence": "Näited pärinevad valdkonnast „{sector}“, kus tellijad peavad kasvavaid vajadusi katma piiratud eelarvega.",
    "steps": [
        "Kirjelda lahendamist vajavat probleemi ja soovitud tulemust, mitte toodet.",
        "Kaasa tulevased kasutajad ja eelarve eest vastutaja algusest peale.",
        "Teavita oma plaanidest varakult, näiteks eelteatega.",
        "Anna tarnijatele aega ning õiglane ja dokumenteeritud võimalus küsimusi esitada.",
        "Arvesta kvaliteeti ja olelusringi kulusid, mitte ainult hinda.",
        "Lepi kokku näitajad ja vaata need lepingu ajal koos tarnijaga üle.",
    ],
    "closing": [
        "Riiklik kompetentsikeskus nõustab teie projekti tasuta.",
        "Jagage oma kogemust võrgustikus: teised hankijad õpivad kõige rohkem päris juhtumitest.",
        "Alusta väikeselt, mõõda tulemusi ja laienda seda, mis toimib.",
    ],
    "sector_buyers": {
        "ict": "Riiklik IT-teenuste asutus",
        "health": "Piirkondlik haigla",
        "mobility": "Maakondlik ühistranspordikeskus",
        "circular": "Riigi keskne hankija",
        "energy": "Omavalitsuse energiaettevõte",
        "construction": "Omavalitsuse ehitusamet",
        "food": "Linna koolitoiduteenistus",
        "security": "Päästeasutus",
        "other": "Linnavalitsus",
    },
    "buyers": {
        "EE": [
            "Keskmise suurusega vald Tartumaal",
            "Harjumaa omavalitsus",
            "Ministeerium",
            "Omavalitsuste liit",
            "Pealinna linnaosa",
            "Saarevald",
        ],
    },
    "procedures": {
        "market_consultation": "turukonsultatsioon, seejärel avatud hankemenetlus",
        "pcp": "kolmeetapiline eelkommertshange",
        "partnership": "innovatsioonipartnerlus",
        "ppi": "avatud hankemenetlus funktsionaalsete nõuetega",
        "dialogue": "võistlev dialoog",
        "joint": "ühishange naaberomavalitsustega",
    },
    "outcomes": [
        "Laekus {n} pakkumust, mitu neist VKEdelt. Lahendus on kasutusel alates {year}. aastast ja selle ülalpidamine on odavam kui varem.",
        "Pilootprojekt saavutas kõik kokkulepitud näitajad ja {year}. aastal kasutati suuremahulise ostu optsiooni.",
        "Tegevuskulud vähenesid eelmise lahendusega võrreldes umbes {pct}%.",
        "Kasutajad hindavad uut teenust selgelt paremaks; {n} teist tellijat on küsinud hankedokumente.",
    ],
    "lessons": [
        "Räägi turuga enne nõuete kirjutamist.",
        "Kaasa kasutajad varakult: nad teavad, kus on tegelik probleem.",
        "Planeeri aega; dialoog võtab kauem kui tavaline hange.",
        "Hoia eelarve eest vastutaja kursis selgete vahe-eesmärkidega.",
        "Funktsionaalsed nõuded tõid lahendusi, millele keegi polnud mõelnud.",
        "Olelusringi kulud otsustasid, milline pakkumus võitis.",
    ],
    "authors": [
        "Kadri Tamm",
        "Märt Saar",
        "Liis Kask",
        "Andres Mägi",
        "Triin Sepp",
        "Rasmus Kull",
        "Kertu Lepp",
    ],
}

BLOCKS["el"] = {
    "lower": True,
    "articles": set(),
    "sectors": {
        "ict": "ΤΠΕ",
        "health": "υγεία",
        "mobility": "κινητικότητα",
        "circular": "κυκλική οικονομία",
        "energy": "ενέργεια",
        "construction": "κατασκευές",
        "food": "τρόφιμα",
        "security": "ασφάλεια",
        "other": "δημόσιες υπηρεσίες",
    },
    "subjects": {
        "ict": [
            "Ψηφιακή πλατφόρμα εξυπηρέτησης πολιτών",
            "Βοηθός τεχνητής νοημοσύνης για τη διεκπεραίωση αιτήσεων",
        ],
        "health": [
            "Απομακρυσμένη παρακολούθηση ασθενών στο σπίτι",
            "Ρομπότ εφοδιαστικής στο νοσοκομείο",
        ],
        "mobility": ["Λεωφορεία μηδενικών εκπομπών", "Έξυπνη διαχείριση κυκλοφορίας"],
        "circular": [
            "Κυκλικά έπιπλα γραφείου",
            "Επαναχρησιμοποιήσιμα σκεύη για την εστίαση",
        ],
        "energy": ["Έξυπνος οδικός φωτισμός LED", "Φωτοβολταϊκά σε δημόσια κτίρια"],
        "construction": [
            "Σκυρόδεμα χαμηλού άνθρακα για γέφυρες",
            "Αρθρωτά σχολικά κτίρια",
        ],
        "food": [
            "Βιώσιμα σχολικά γεύματα",
            "Τοπικά εποχικά τρόφιμα για μονάδες φροντίδας",
        ],
        "security": [
            "Επιθεώρηση υποδομών με drones",
            "Έγκαιρη προειδοποίηση για πλημμύρες",
        ],
        "other": ["Προσβάσιμοι δημόσιοι χώροι", "Έξυπνη αποκομιδή απορριμμάτων"],
    },
    "topics": {
        "market-consultation": (
            "Διαβούλευση με την αγορά",
            "Η συζήτηση με τους προμηθευτές πριν από τον διαγωνισμό δείχνει τι μπορεί να προσφέρει η αγορά και βοηθά να οριστεί καλύτερα η ανάγκη.",
        ),
        "pcp": (
            "Προεμπορικές προμήθειες",
            "Στις προεμπορικές προμήθειες πολλές εταιρείες αναπτύσσουν σε φάσεις και ανταγωνιστικά λύσεις που δεν υπάρχουν ακόμη.",
        ),
        "partnership": (
            "Σύμπραξη καινοτομίας",
            "Η σύμπραξη καινοτομίας συνδυάζει την ανάπτυξη μιας νέας λύσης και την αγορά της σε μία διαδικασία.",
        ),
        "functional": (
            "Λειτουργικές προδιαγραφές",
            "Όταν περιγράφεται το επιθυμητό αποτέλεσμα αντί για ένα προϊόν, μένει χώρος για λύσεις που δεν ήταν γνωστές.",
        ),
        "lcc": (
            "Κόστος κύκλου ζωής",
            "Το κόστος κύκλου ζωής συγκρίνει τις προσφορές με βάση το συνολικό τους κόστος σε όλη τη διάρκεια ζωής, όχι μόνο την τιμή αγοράς.",
        ),
        "sme": (
            "Πρόσβαση ΜμΕ και νεοφυών επιχειρήσεων",
            "Τα τμήματα, οι αναλογικές απαιτήσεις και ο έγκαιρος διάλογος διευκολύνουν τη συμμετοχή μικρών και νέων επιχειρήσεων.",
        ),
        "circular": (
            "Κυκλικές προμήθειες",
            "Οι κυκλικές προμήθειες κρατούν προϊόντα και υλικά σε χρήση περισσότερο, μέσω επαναχρησιμοποίησης, επισκευής, μίσθωσης και επιστροφής.",
        ),
        "digital": (
            "Προμήθεια ψηφιακών λύσεων και τεχνητής νοημοσύνης",
            "Οι ψηφιακές λύσεις απαιτούν προσοχή στην κυριότητα των δεδομένων, τη διαλειτουργικότητα, την ασφάλεια και την ηθική των αυτοματοποιημένων αποφάσεων.",
        ),
        "risk": (
            "Διαχείριση κινδύνων",
            "Η καινοτομία ενέχει κινδύνους· η αναγνώριση, ο επιμερισμός και η παρακολούθησή τους κάνουν το έργο διαχειρίσιμο.",
        ),
        "award": (
            "Κριτήρια ανάθεσης για την καινοτομία",
            "Κριτήρια ποιότητας με πραγματικό βάρος επιβραβεύουν τις προσφορές με τη μεγαλύτερη αξία, όχι απλώς τις φθηνότερες.",
        ),
        "joint": (
            "Κοινές και διασυνοριακές προμήθειες",
            "Οι κοινές προμήθειες δίνουν στους μικρότερους αγοραστές διαπραγματευτική δύναμη και μοιράζουν το κόστος και τον κίνδυνο.",
        ),
        "contract": (
            "Διαχείριση σύμβασης",
            "Η καινοτομία δεν τελειώνει με την ανάθεση: δείκτες και τακτικές αξιολογήσεις κρατούν το έργο σε τροχιά.",
        ),
    },
    "tool_types": {
        "guide": "οδηγός",
        "checklist": "λίστα ελέγχου",
        "template": "υπόδειγμα",
        "model_tender": "πρότυπα τεύχη διαγωνισμού",
    },
    "titles": {
        "tool": {
            "guide": ["Οδηγός: {topic} – {sector}", "Πρακτικός οδηγός: {topic}"],
            "checklist": [
                "Λίστα ελέγχου: {topic} – {sector}",
                "Λίστα ελέγχου: {topic}",
            ],
            "template": [
                "Υπόδειγμα: {topic} – {subject_l}",
                "Υποδείγματα: {topic} – {sector}",
            ],
            "model_tender": [
                "Πρότυπα τεύχη διαγωνισμού: {subject_l}",
                "Πρότυποι όροι: {topic} – {sector}",
            ],
        },
        "best_practice": [
            "Καλή πρακτική: {subject_l}",
            "{topic} στην πράξη: {subject_l}",
        ],
        "case_study": ["{buyer}: {subject_l}", "{subject} – {topic_l}"],
        "report": [
            "Έκθεση: {topic} – {sector} ({year})",
            "{topic}: διδάγματα από {n} έργα",
        ],
        "opinion_paper": [
            "Γνώμη εμπειρογνωμόνων: {topic}",
            "Έγγραφο θέσεων: {topic} – {sector}",
        ],
        "training": [
            "Εκπαιδευτική ενότητα: {topic}",
            "Διαδικτυακό σεμινάριο: {topic} – {sector}",
        ],
    },
    "summaries": {
        "tool": "Πρακτικό εργαλείο ({tool_type}) για δημόσιους αγοραστές με θέμα «{topic}» (τομέας: {sector}), με βήματα, παγίδες και ερωτήσεις.",
        "best_practice": "Πώς ένας δημόσιος φορέας υλοποίησε το έργο «{subject}» και τι μπορούν να αξιοποιήσουν άλλοι.",
        "case_study": "{buyer}: προμήθεια «{subject}» με {procedure} – τι αγοράστηκε, πώς και με ποιο αποτέλεσμα.",
        "report": "Ευρήματα από {n} ευρωπαϊκά έργα με θέμα «{topic}» (τομέας: {sector}), με αριθμούς και συστάσεις.",
        "opinion_paper": "Οι εμπειρογνώμονες της συνάντησης ανταλλαγής γνώσεων του δικτύου διατυπώνουν τη θέση τους για το θέμα «{topic}» (τομέας: {sector}).",
        "training": "Υλικό για εκπαίδευση μισής ημέρας με θέμα «{topic}», με ασκήσεις και παραδείγματα (τομέας: {sector}).",
    },
    "leads": {
        "tool": "Το εργαλείο αυτό ({tool_type}) καθοδηγεί βήμα προς βήμα στο θέμα «{topic}».",
        "best_practice": "Σύντομη περιγραφή του πώς ένας φορέας υλοποίησε το έργο «{subject}».",
        "case_study": "Πώς υλοποιήθηκε το έργο «{subject}» ({buyer_l}).",
        "report": "Η έκθεση συγκεντρώνει όσα έμαθαν {n} έργα για το θέμα «{topic}».",
        "opinion_paper": "Οι εμπειρογνώμονες της συνάντησης ανταλλαγής γνώσεων του δικτύου συμφώνησαν στα εξής.",
        "training": "Η ενότητα απευθύνεται σε υπευθύνους προμηθειών και προϋπολογισμού που ασχολούνται για πρώτη φορά με το θέμα «{topic}».",
    },
    "headings": ["Γιατί έχει σημασία", "Βήμα προς βήμα", "Χρήσιμο να γνωρίζετε"],
    "sector_sentence": "Τα παραδείγματα προέρχονται από τον τομέα «{sector}», όπου οι αγοραστές αντιμετωπίζουν αυξανόμενες ανάγκες με περιορισμένους προϋπολογισμούς.",
    "steps": [
        "Περιγράψτε το πρόβλημα και το αποτέλεσμα που χρειάζεστε, όχι ένα προϊόν.",
        "Εμπλέξτε από την αρχή τους μελλοντικούς χρήστες και τον υπεύθυνο του προϋπολογισμού.",
        "Ανακοινώστε νωρίς τα σχέδιά σας, για παράδειγμα με προκαταρκτική προκήρυξη.",
        "Δώστε στους προμηθευτές χρόνο και δίκαιη, τεκμηριωμένη ευκαιρία να κάνουν ερωτήσεις.",
        "Σταθμίστε την ποιότητα και το κόστος κύκλου ζωής, όχι μόνο την τιμή.",
        "Συμφωνήστε δείκτες και αξιολογήστε τους μαζί με τον ανάδοχο κατά τη διάρκεια της σύμβασης.",
    ],
    "closing": [
        "Το εθνικό κέντρο ικανοτήτων συμβουλεύει δωρεάν για το δικό σας έργο.",
        "Μοιραστείτε την εμπειρία σας με το δίκτυο: οι άλλοι αγοραστές μαθαίνουν περισσότερο από πραγματικές περιπτώσεις.",
        "Ξεκινήστε μικρά, μετρήστε τα αποτελέσματα και επεκτείνετε ό,τι λειτουργεί.",
    ],
    "sector_buyers": {
        "ict": "Εθνικός φορέας ψηφιακής διακυβέρνησης",
        "health": "Πανεπιστημιακό νοσοκομείο",
        "mobility": "Οργανισμός αστικών συγκοινωνιών",
        "circular": "Κεντρική αρχή αγορών",
        "energy": "Δημοτική επιχείρηση ενέργειας",
        "construction": "Περιφερειακή διεύθυνση τεχνικών έργων",
        "food": "Δημοτική υπηρεσία σίτισης",
        "security": "Υπηρεσία πολιτικής προστασίας",
        "other": "Δήμος",
    },
    "buyers": {
        "GR": [
            "Δήμος της Κεντρικής Μακεδονίας",
            "Περιφέρεια της νησιωτικής Ελλάδας",
            "Υπουργείο",
            "Δήμος της Αττικής",
            "Δίκτυο δήμων",
            "Νησιωτικός δήμος στις Κυκλάδες",
        ],
    },
    "procedures": {
        "market_consultation": "διαβούλευση με την αγορά και ανοικτή διαδικασία",
        "pcp": "προεμπορική προμήθεια σε τρεις φάσεις",
        "partnership": "σύμπραξη καινοτομίας",
        "ppi": "ανοικτή διαδικασία με λειτουργικές προδιαγραφές",
        "dialogue": "ανταγωνιστικό διάλογο",
        "joint": "κοινή προμήθεια με γειτονικούς δήμους",
    },
    "procedure_names": {
        "market_consultation": "Διαβούλευση με την αγορά και ανοικτή διαδικασία",
        "pcp": "Προεμπορική προμήθεια σε τρεις φάσεις",
        "partnership": "Σύμπραξη καινοτομίας",
        "ppi": "Ανοικτή διαδικασία με λειτουργικές προδιαγραφές",
        "dialogue": "Ανταγωνιστικός διάλογος",
        "joint": "Κοινή προμήθεια",
    },
    "outcomes": [
        "Υποβλήθηκαν {n} προσφορές, αρκετές από ΜμΕ. Η λύση χρησιμοποιείται από το {year} και κοστίζει λιγότερο στη λειτουργία από την προηγούμενη.",
        "Το πιλοτικό πέτυχε όλους τους συμφωνημένους δείκτες και το {year} ασκήθηκε το δικαίωμα προαίρεσης για αγορά σε μεγάλη κλίμακα.",
        "Το λειτουργικό κόστος μειώθηκε κατά περίπου {pct}% σε σχέση με την προηγούμενη λύση.",
        "Οι χρήστες αξιολογούν τη νέα υπηρεσία σαφώς καλύτερα· {n} ακόμη φορείς ζήτησαν τα τεύχη.",
    ],
    "lessons": [
        "Συζητήστε με την αγορά πριν γράψετε τις προδιαγραφές.",
        "Εμπλέξτε νωρίς τους χρήστες: ξέρουν πού βρίσκεται το πραγματικό πρόβλημα.",
        "Προβλέψτε χρόνο· ο διάλογος διαρκεί περισσότερο από έναν συνηθισμένο διαγωνισμό.",
        "Κρατήστε τον υπεύθυνο του προϋπολογισμού ενήμερο με σαφή ορόσημα.",
        "Οι λειτουργικές απαιτήσεις έφεραν λύσεις που δεν είχε σκεφτεί κανείς.",
        "Το κόστος κύκλου ζωής άλλαξε τη νικήτρια προσφορά.",
    ],
    "authors": [
        "Μαρία Παπαδοπούλου",
        "Γιώργος Νικολάου",
        "Ελένη Γεωργίου",
        "Δημήτρης Κωνσταντίνου",
        "Κατερίνα Ιωάννου",
        "Νίκος Αλεξίου",
    ],
}

BLOCKS["it"] = {
    "lower": True,
    "articles": {"Un", "Una", "Un'", "Il", "La", "Lo", "Le", "Gli", "I", "L'"},
    "sectors": {
        "ict": "ICT",
        "health": "sanità",
        "mobility": "mobilità",
        "circular": "economia circolare",
        "energy": "energia",
        "construction": "edilizia",
        "food": "alimentazione",
        "security": "sicurezza",
        "other": "servizi pubblici",
    },
    "subjects": {
        "ict": [
            "Piattaforma digitale per i servizi ai cittadini",
            "Assistente di IA per le pratiche amministrative",
        ],
        "health": [
            "Telemonitoraggio dei pazienti a domicilio",
            "Robot logistici in ospedale",
        ],
        "mobility": ["Autobus a emissioni zero", "Gestione intelligente del traffico"],
        "circular": [
            "Arredi per ufficio circolari",
            "Stoviglie riutilizzabili per le mense",
        ],
        "energy": [
            "Illuminazione pubblica LED intelligente",
            "Fotovoltaico sugli edifici pubblici",
        ],
        "construction": [
            "Calcestruzzo a basse emissioni per i ponti",
            "Edifici scolastici modulari",
        ],
        "food": [
            "Mense scolastiche sostenibili",
            "Cibo locale e di stagione per le residenze per anziani",
        ],
        "security": [
            "Ispezione delle infrastrutture con droni",
            "Allerta precoce per le alluvioni",
        ],
        "other": ["Spazi pubblici accessibili", "Raccolta intelligente dei rifiuti"],
    },
    "topics": {
        "market-consultation": (
            "Consultazione preliminare di mercato",
            "Parlare con i fornitori prima della gara mostra cosa il mercato può offrire e aiuta a precisare il fabbisogno.",
        ),
        "pcp": (
            "Appalto pre-commerciale",
            "Nell'appalto pre-commerciale più imprese sviluppano, per fasi e in concorrenza, soluzioni che ancora non esistono.",
        ),
        "partnership": (
            "Partenariato per l'innovazione",
            "Il partenariato per l'innovazione unisce lo sviluppo di una soluzione nuova e il suo acquisto in un'unica procedura.",
        ),
        "functional": (
            "Specifiche funzionali",
            "Descrivere il risultato richiesto invece di un prodotto lascia spazio a soluzioni che non si conoscevano.",
        ),
        "lcc": (
            "Costo del ciclo di vita",
            "Il costo del ciclo di vita confronta le offerte su quanto costano lungo tutta la vita utile, non solo sul prezzo d'acquisto.",
        ),
        "sme": (
            "Accesso di PMI e start-up",
            "Lotti, requisiti proporzionati e dialogo precoce facilitano la partecipazione di imprese piccole e giovani.",
        ),
        "circular": (
            "Appalti circolari",
            "Gli appalti circolari mantengono prodotti e materiali in uso più a lungo grazie a riuso, riparazione, noleggio e ritiro.",
        ),
        "digital": (
            "Acquisto di soluzioni digitali e di IA",
            "Le soluzioni digitali richiedono attenzione a proprietà dei dati, interoperabilità, sicurezza ed etica delle decisioni automatizzate.",
        ),
        "risk": (
            "Gestione del rischio",
            "L'innovazione comporta rischi; individuarli, ripartirli e monitorarli rende il progetto gestibile per committente e fornitore.",
        ),
        "award": (
            "Criteri di aggiudicazione per l'innovazione",
            "Criteri di qualità con un peso reale premiano le offerte di maggior valore, non solo le più economiche.",
        ),
        "joint": (
            "Appalti congiunti e transfrontalieri",
            "Acquistare insieme dà potere di mercato alle amministrazioni più piccole e ripartisce costi e rischi dell'innovazione.",
        ),
        "contract": (
            "Gestione del contratto",
            "L'innovazione non finisce con l'aggiudicazione: indicatori e verifiche periodiche tengono il progetto sulla rotta giusta.",
        ),
    },
    "tool_types": {
        "guide": "guida",
        "checklist": "lista di controllo",
        "template": "modello",
        "model_tender": "documentazione di gara tipo",
    },
    "titles": {
        "tool": {
            "guide": ["Guida: {topic} ({sector})", "Guida pratica: {topic}"],
            "checklist": [
                "Lista di controllo: {topic} ({sector})",
                "Lista di controllo: {topic}",
            ],
            "template": [
                "Modello: {topic} – {subject_l}",
                "Modelli: {topic} ({sector})",
            ],
            "model_tender": [
                "Documentazione di gara tipo: {subject_l}",
                "Clausole tipo: {topic} ({sector})",
            ],
        },
        "best_practice": [
            "Buona pratica: {subject_l}",
            "{topic} in pratica: {subject_l}",
        ],
        "case_study": ["{buyer}: {subject_l}", "{subject} – {topic_l}"],
        "report": [
            "Rapporto: {topic} ({sector}, {year})",
            "{topic}: lezioni da {n} progetti",
        ],
        "opinion_paper": [
            "Parere degli esperti: {topic}",
            "Documento di posizione: {topic} ({sector})",
        ],
        "training": ["Modulo formativo: {topic}", "Webinar: {topic} ({sector})"],
    },
    "summaries": {
        "tool": "Strumento pratico ({tool_type}) per le stazioni appaltanti sul tema «{topic}» (settore: {sector}), con passaggi, errori frequenti e domande chiave.",
        "best_practice": "Come un'amministrazione ha affrontato il progetto «{subject}» e cosa possono riutilizzare gli altri.",
        "case_study": "{buyer} ha acquistato «{subject}» con {procedure}: cosa è stato comprato, come e con quali risultati.",
        "report": "Risultati di {n} progetti europei sul tema «{topic}» (settore: {sector}), con dati e raccomandazioni.",
        "opinion_paper": "Gli esperti dell'incontro di scambio di conoscenze della rete esprimono il loro parere sul tema «{topic}» (settore: {sector}).",
        "training": "Materiale per una formazione di mezza giornata sul tema «{topic}», con esercizi ed esempi (settore: {sector}).",
    },
    "leads": {
        "tool": "Questo strumento ({tool_type}) accompagna passo dopo passo sul tema «{topic}».",
        "best_practice": "Un breve resoconto di come un'amministrazione ha realizzato il progetto «{subject}».",
        "case_study": "Come {buyer_l} ha realizzato il progetto «{subject}».",
        "report": "Il rapporto raccoglie ciò che {n} progetti hanno imparato sul tema «{topic}».",
        "opinion_paper": "Gli esperti riuniti all'incontro di scambio di conoscenze della rete hanno concordato i punti seguenti.",
        "training": "Il modulo è pensato per buyer pubblici e responsabili di bilancio alle prime armi con il tema «{topic}».",
    },
    "headings": ["Perché è importante", "Passo dopo passo", "Da sapere"],
    "sector_sentence": "Gli esempi provengono dal settore «{sector}», dove le amministrazioni devono rispondere a una domanda crescente con bilanci limitati.",
    "steps": [
        "Descrivere il problema da risolvere e il risultato atteso, non un prodotto.",
        "Coinvolgere fin dall'inizio i futuri utenti e chi gestisce il bilancio.",
        "Annunciare presto i propri piani, ad esempio con un avviso di preinformazione.",
        "Dare ai fornitori tempo e un'occasione equa e documentata per porre domande.",
        "Ponderare qualità e costo del ciclo di vita, non solo il prezzo.",
        "Concordare indicatori e verificarli con il fornitore durante il contratto.",
    ],
    "closing": [
        "Il centro di competenza nazionale offre consulenza gratuita sul vostro progetto.",
        "Condividete la vostra esperienza con la rete: gli altri imparano soprattutto dai casi reali.",
        "Iniziare in piccolo, misurare i risultati ed estendere ciò che funziona.",
    ],
    "sector_buyers": {
        "ict": "Una società in house per i servizi digitali",
        "health": "Un'azienda ospedaliera universitaria",
        "mobility": "Un'azienda di trasporto pubblico locale",
        "circular": "Una centrale di committenza regionale",
        "energy": "Una multiutility comunale",
        "construction": "Una provincia",
        "food": "Un servizio comunale di ristorazione scolastica",
        "security": "La protezione civile regionale",
        "other": "Un comune",
    },
    "buyers": {
        "IT": [
            "Un comune della Lombardia",
            "Una regione del Mezzogiorno",
            "Un comune capoluogo in Emilia-Romagna",
            "Un ministero",
            "Un'unione di comuni in Toscana",
            "Una città metropolitana",
        ],
    },
    "procedures": {
        "market_consultation": "una consultazione preliminare di mercato seguita da una procedura aperta",
        "pcp": "un appalto pre-commerciale in tre fasi",
        "partnership": "un partenariato per l'innovazione",
        "ppi": "una procedura aperta con specifiche funzionali",
        "dialogue": "un dialogo competitivo",
        "joint": "un appalto congiunto con i comuni vicini",
    },
    "procedure_names": {
        "market_consultation": "Consultazione preliminare di mercato e procedura aperta",
        "pcp": "Appalto pre-commerciale in tre fasi",
        "partnership": "Partenariato per l'innovazione",
        "ppi": "Procedura aperta con specifiche funzionali",
        "dialogue": "Dialogo competitivo",
        "joint": "Appalto congiunto",
    },
    "outcomes": [
        "Sono arrivate {n} offerte, diverse da PMI. La soluzione è in uso dal {year} e costa meno da gestire della precedente.",
        "Il progetto pilota ha raggiunto tutti gli indicatori concordati e nel {year} è stata esercitata l'opzione di acquisto su larga scala.",
        "I costi di esercizio sono scesi di circa il {pct}% rispetto alla soluzione precedente.",
        "Gli utenti valutano il nuovo servizio nettamente meglio; altre {n} amministrazioni hanno chiesto i documenti di gara.",
    ],
    "lessons": [
        "Parlare con il mercato prima di scrivere il capitolato.",
        "Coinvolgere presto gli utenti: sanno dov'è il vero problema.",
        "Prevedere tempo: un dialogo dura più di una gara ordinaria.",
        "Tenere a bordo chi gestisce il bilancio con tappe chiare.",
        "I requisiti funzionali hanno portato soluzioni a cui nessuno aveva pensato.",
        "Il costo del ciclo di vita ha cambiato l'offerta vincente.",
    ],
    "authors": [
        "Giulia Rossi",
        "Marco Bianchi",
        "Francesca Romano",
        "Luca Colombo",
        "Chiara Ricci",
        "Alessandro Greco",
        "Sara Marino",
    ],
}

BLOCKS["pt"] = {
    "lower": True,
    "articles": {"Um", "Uma", "O", "A", "Os", "As"},
    "sectors": {
        "ict": "TIC",
        "health": "saúde",
        "mobility": "mobilidade",
        "circular": "economia circular",
        "energy": "energia",
        "construction": "construção",
        "food": "alimentação",
        "security": "segurança",
        "other": "serviços públicos",
    },
    "subjects": {
        "ict": [
            "Plataforma digital de atendimento ao cidadão",
            "Assistente de IA para a tramitação de processos",
        ],
        "health": [
            "Monitorização remota de doentes em casa",
            "Robôs logísticos no hospital",
        ],
        "mobility": ["Autocarros de emissões zero", "Gestão inteligente do tráfego"],
        "circular": [
            "Mobiliário de escritório circular",
            "Loiça reutilizável nas cantinas",
        ],
        "energy": [
            "Iluminação pública LED inteligente",
            "Energia solar em edifícios públicos",
        ],
        "construction": ["Betão de baixo carbono para pontes", "Escolas modulares"],
        "food": [
            "Refeições escolares sustentáveis",
            "Alimentos locais e da época para lares",
        ],
        "security": [
            "Inspeção de infraestruturas com drones",
            "Alerta precoce de cheias",
        ],
        "other": ["Espaços públicos acessíveis", "Recolha inteligente de resíduos"],
    },
    "topics": {
        "market-consultation": (
            "Consulta preliminar ao mercado",
            "Falar com os fornecedores antes do concurso mostra o que o mercado pode oferecer e ajuda a precisar a necessidade.",
        ),
        "pcp": (
            "Contratação pré-comercial",
            "Na contratação pré-comercial, várias empresas desenvolvem, por fases e em concorrência, soluções que ainda não existem.",
        ),
        "partnership": (
            "Parceria para a inovação",
            "A parceria para a inovação junta o desenvolvimento de uma solução nova e a sua aquisição num único procedimento.",
        ),
        "functional": (
            "Especificações funcionais",
            "Descrever o resultado pretendido, e não um produto, deixa espaço para soluções que não se conheciam.",
        ),
        "lcc": (
            "Custo do ciclo de vida",
            "O custo do ciclo de vida compara as propostas pelo que custam durante toda a vida útil, não só pelo preço de compra.",
        ),
        "sme": (
            "Acesso de PME e startups",
            "Lotes, requisitos proporcionais e diálogo precoce facilitam a participação de empresas pequenas e jovens.",
        ),
        "circular": (
            "Contratação pública circular",
            "A contratação circular mantém produtos e materiais em uso durante mais tempo, através de reutilização, reparação, aluguer e recolha.",
        ),
        "digital": (
            "Aquisição de soluções digitais e de IA",
            "As soluções digitais exigem atenção à propriedade dos dados, à interoperabilidade, à segurança e à ética das decisões automatizadas.",
        ),
        "risk": (
            "Gestão do risco",
            "A inovação traz riscos; identificá-los, reparti-los e acompanhá-los torna o projeto gerível para comprador e fornecedor.",
        ),
        "award": (
            "Critérios de adjudicação para a inovação",
            "Critérios de qualidade com peso real premeiam as propostas com mais valor, não apenas as mais baratas.",
        ),
        "joint": (
            "Contratação conjunta e transfronteiriça",
            "Comprar em conjunto dá poder de mercado às entidades mais pequenas e reparte o custo e o risco da inovação.",
        ),
        "contract": (
            "Gestão do contrato",
            "A inovação não acaba com a adjudicação: indicadores e revisões regulares mantêm o projeto no rumo certo.",
        ),
    },
    "tool_types": {
        "guide": "guia",
        "checklist": "lista de verificação",
        "template": "modelo",
        "model_tender": "caderno de encargos tipo",
    },
    "titles": {
        "tool": {
            "guide": ["Guia: {topic} ({sector})", "Guia prático: {topic}"],
            "checklist": [
                "Lista de verificação: {topic} ({sector})",
                "Lista de verificação: {topic}",
            ],
            "template": [
                "Modelo: {topic} – {subject_l}",
                "Modelos: {topic} ({sector})",
            ],
            "model_tender": [
                "Peças do procedimento tipo: {subject_l}",
                "Cláusulas tipo: {topic} ({sector})",
            ],
        },
        "best_practice": [
            "Boa prática: {subject_l}",
            "{topic} na prática: {subject_l}",
        ],
        "case_study": ["{buyer}: {subject_l}", "{subject} – {topic_l}"],
        "report": [
            "Relatório: {topic} ({sector}, {year})",
            "{topic}: lições de {n} projetos",
        ],
        "opinion_paper": [
            "Parecer de peritos: {topic}",
            "Documento de posição: {topic} ({sector})",
        ],
        "training": ["Módulo de formação: {topic}", "Webinar: {topic} ({sector})"],
    },
    "summaries": {
        "tool": "Ferramenta prática ({tool_type}) para compradores públicos sobre «{topic}» (setor: {sector}), com passos, erros frequentes e perguntas a fazer.",
        "best_practice": "Como uma entidade pública abordou o projeto «{subject}» e o que outros podem reutilizar.",
        "case_study": "{buyer} adquiriu «{subject}» através de {procedure}: o que se comprou, como e com que resultado.",
        "report": "Resultados de {n} projetos europeus sobre «{topic}» (setor: {sector}), com números e recomendações.",
        "opinion_paper": "Os peritos da reunião de intercâmbio de conhecimento da rede apresentam a sua posição sobre «{topic}» (setor: {sector}).",
        "training": "Material para uma formação de meio dia sobre «{topic}», com exercícios e exemplos (setor: {sector}).",
    },
    "leads": {
        "tool": "Esta ferramenta ({tool_type}) acompanha passo a passo o tema «{topic}».",
        "best_practice": "Um breve relato de como uma entidade pública concretizou o projeto «{subject}».",
        "case_study": "Como {buyer_l} concretizou o projeto «{subject}».",
        "report": "O relatório reúne o que {n} projetos aprenderam sobre «{topic}».",
        "opinion_paper": "Os peritos presentes na reunião de intercâmbio de conhecimento da rede acordaram os pontos seguintes.",
        "training": "O módulo destina-se a compradores públicos e responsáveis orçamentais que começam a trabalhar em «{topic}».",
    },
    "headings": ["Porque é importante", "Passo a passo", "Bom saber"],
    "sector_sentence": "Os exemplos vêm do setor «{sector}», onde as entidades enfrentam uma procura crescente com orçamentos apertados.",
    "steps": [
        "Descrever o problema a resolver e o resultado pretendido, não um produto.",
        "Envolver desde o início os futuros utilizadores e o responsável pelo orçamento.",
        "Anunciar cedo os planos, por exemplo com um anúncio de pré-informação.",
        "Dar aos fornecedores tempo e uma oportunidade justa e documentada para colocar questões.",
        "Ponderar a qualidade e o custo do ciclo de vida, não só o preço.",
        "Acordar indicadores e revê-los com o fornecedor durante o contrato.",
    ],
    "closing": [
        "O centro de competências nacional aconselha gratuitamente sobre o seu projeto.",
        "Partilhe a sua experiência com a rede: os outros compradores aprendem sobretudo com casos reais.",
        "Comece pequeno, meça os resultados e alargue o que funciona.",
    ],
    "sector_buyers": {
        "ict": "Uma entidade pública de serviços partilhados",
        "health": "Um centro hospitalar universitário",
        "mobility": "Uma empresa municipal de transportes",
        "circular": "Uma central de compras",
        "energy": "Uma agência municipal de energia",
        "construction": "Uma direção municipal de obras",
        "food": "Um serviço municipal de refeições escolares",
        "security": "Um serviço municipal de proteção civil",
        "other": "Uma câmara municipal",
    },
    "buyers": {
        "PT": [
            "Um município do Norte",
            "Uma comunidade intermunicipal",
            "Um município do Alentejo",
            "Um ministério",
            "Uma área metropolitana",
            "Um município dos Açores",
        ],
    },
    "procedures": {
        "market_consultation": "uma consulta preliminar ao mercado seguida de concurso público",
        "pcp": "contratação pré-comercial em três fases",
        "partnership": "uma parceria para a inovação",
        "ppi": "um concurso público com especificações funcionais",
        "dialogue": "um diálogo concorrencial",
        "joint": "uma contratação conjunta com municípios vizinhos",
    },
    "procedure_names": {
        "market_consultation": "Consulta preliminar ao mercado e concurso público",
        "pcp": "Contratação pré-comercial em três fases",
        "partnership": "Parceria para a inovação",
        "ppi": "Concurso público com especificações funcionais",
        "dialogue": "Diálogo concorrencial",
        "joint": "Contratação conjunta",
    },
    "outcomes": [
        "Foram recebidas {n} propostas, várias de PME. A solução está em uso desde {year} e custa menos a manter do que a anterior.",
        "O piloto cumpriu todos os indicadores acordados e em {year} foi exercida a opção de compra em grande escala.",
        "Os custos de funcionamento baixaram cerca de {pct} % face à solução anterior.",
        "Os utilizadores avaliam o novo serviço claramente melhor; {n} outras entidades pediram as peças do procedimento.",
    ],
    "lessons": [
        "Falar com o mercado antes de escrever o caderno de encargos.",
        "Envolver cedo os utilizadores: sabem onde está o verdadeiro problema.",
        "Prever tempo: um diálogo demora mais do que um concurso normal.",
        "Manter o responsável pelo orçamento a bordo com marcos claros.",
        "Os requisitos funcionais trouxeram soluções em que ninguém tinha pensado.",
        "O custo do ciclo de vida mudou a proposta vencedora.",
    ],
    "authors": [
        "Ana Ferreira",
        "João Silva",
        "Inês Costa",
        "Pedro Santos",
        "Mariana Oliveira",
        "Rui Pereira",
        "Catarina Almeida",
    ],
}

BLOCKS["fi"] = {
    "lower": True,
    "articles": set(),
    "sectors": {
        "ict": "tieto- ja viestintätekniikka",
        "health": "terveydenhuolto",
        "mobility": "liikenne",
        "circular": "kiertotalous",
        "energy": "energia",
        "construction": "rakentaminen",
        "food": "elintarvikkeet",
        "security": "turvallisuus",
        "other": "julkiset palvelut",
    },
    "subjects": {
        "ict": [
            "Digitaalinen asiointipalvelu asukkaille",
            "Tekoälyavustaja asioiden käsittelyyn",
        ],
        "health": ["Potilaiden etäseuranta kotona", "Logistiikkarobotit sairaalassa"],
        "mobility": ["Päästöttömät linja-autot", "Älykäs liikenteenohjaus"],
        "circular": [
            "Kiertotalouden toimistokalusteet",
            "Uudelleenkäytettävät astiat ruokapalveluihin",
        ],
        "energy": ["Älykäs LED-katuvalaistus", "Aurinkosähkö julkisiin rakennuksiin"],
        "construction": ["Vähähiilinen betoni silloissa", "Moduulikoulurakennukset"],
        "food": ["Kestävät kouluateriat", "Paikallinen sesonkiruoka hoivakoteihin"],
        "security": ["Infrastruktuurin tarkastus droneilla", "Tulvien ennakkovaroitus"],
        "other": ["Esteettömät julkiset tilat", "Älykäs jätteenkeräys"],
    },
    "topics": {
        "market-consultation": (
            "Markkinavuoropuhelu",
            "Keskustelu toimittajien kanssa ennen kilpailutusta näyttää, mitä markkinat voivat tarjota, ja auttaa tarkentamaan tarvetta.",
        ),
        "pcp": (
            "Esikaupallinen hankinta",
            "Esikaupallisessa hankinnassa useat yritykset kehittävät vaiheittain ja kilpaillen ratkaisuja, joita ei vielä ole olemassa.",
        ),
        "partnership": (
            "Innovaatiokumppanuus",
            "Innovaatiokumppanuus yhdistää uuden ratkaisun kehittämisen ja hankinnan yhteen menettelyyn.",
        ),
        "functional": (
            "Toiminnalliset vaatimukset",
            "Kun kuvataan tarvittava lopputulos eikä tuotetta, jää tilaa ratkaisuille, joita hankkija ei vielä tunne.",
        ),
        "lcc": (
            "Elinkaarikustannukset",
            "Elinkaarikustannuslaskenta vertaa tarjouksia koko käyttöiän kustannusten perusteella, ei pelkän hankintahinnan.",
        ),
        "sme": (
            "Pk-yritysten ja startupien osallistuminen",
            "Osiin jakaminen, oikeasuhtaiset vaatimukset ja varhainen vuoropuhelu helpottavat pienten ja nuorten yritysten osallistumista.",
        ),
        "circular": (
            "Kiertotalouden hankinnat",
            "Kiertotalouden hankinnat pitävät tuotteet ja materiaalit pidempään käytössä uudelleenkäytön, korjaamisen, leasingin ja takaisinoton avulla.",
        ),
        "digital": (
            "Digitaalisten ja tekoälyratkaisujen hankinta",
            "Digitaalisissa ratkaisuissa on huomioitava datan omistajuus, yhteentoimivuus, tietoturva ja automatisoitujen päätösten etiikka.",
        ),
        "risk": (
            "Riskienhallinta",
            "Innovaatioon liittyy riskejä; niiden tunnistaminen, jakaminen ja seuraaminen tekee hankkeesta hallittavan.",
        ),
        "award": (
            "Innovaatiota tukevat vertailuperusteet",
            "Laatuperusteet, joilla on todellinen painoarvo, palkitsevat arvokkaimmat tarjoukset eivätkä vain halvimpia.",
        ),
        "joint": (
            "Yhteis- ja rajat ylittävät hankinnat",
            "Yhteishankinta antaa pienemmille hankkijoille markkinavoimaa ja jakaa innovaation kustannuksia ja riskejä.",
        ),
        "contract": (
            "Sopimushallinta",
            "Innovaatio ei pääty hankintapäätökseen: mittarit ja säännölliset katselmoinnit pitävät hankkeen raiteillaan.",
        ),
    },
    "tool_types": {
        "guide": "opas",
        "checklist": "tarkistuslista",
        "template": "malli",
        "model_tender": "mallitarjouspyyntö",
    },
    "titles": {
        "tool": {
            "guide": ["Opas: {topic} – {sector}", "Käytännön opas: {topic}"],
            "checklist": [
                "Tarkistuslista: {topic} – {sector}",
                "Tarkistuslista: {topic}",
            ],
            "template": ["Malli: {topic} – {subject_l}", "Mallit: {topic} – {sector}"],
            "model_tender": [
                "Mallitarjouspyyntö: {subject_l}",
                "Mallisopimusehdot: {topic} – {sector}",
            ],
        },
        "best_practice": [
            "Hyvä käytäntö: {subject_l}",
            "{topic} käytännössä: {subject_l}",
        ],
        "case_study": ["{buyer}: {subject_l}", "{subject} – {topic_l}"],
        "report": [
            "Raportti: {topic} – {sector} ({year})",
            "{topic}: opit {n} hankkeesta",
        ],
        "opinion_paper": [
            "Asiantuntijalausunto: {topic}",
            "Kannanotto: {topic} – {sector}",
        ],
        "training": ["Koulutusmoduuli: {topic}", "Webinaari: {topic} – {sector}"],
    },
    "summaries": {
        "tool": "Käytännön työkalu ({tool_type}) julkisille hankkijoille aiheesta ”{topic}” (toimiala: {sector}): vaiheet, sudenkuopat ja kysymykset.",
        "best_practice": "Miten julkinen hankkija toteutti hankkeen ”{subject}” ja mitä muut voivat hyödyntää.",
        "case_study": "{buyer} hankki ratkaisun ”{subject}” (menettely: {procedure}): mitä hankittiin, miten ja millä tuloksella.",
        "report": "Tuloksia {n} eurooppalaisesta hankkeesta aiheesta ”{topic}” (toimiala: {sector}) lukuineen ja suosituksineen.",
        "opinion_paper": "Verkoston tiedonvaihtotapaamisen asiantuntijat esittävät näkemyksensä aiheesta ”{topic}” (toimiala: {sector}).",
        "training": "Puolen päivän koulutuksen materiaali aiheesta ”{topic}” harjoituksineen ja esimerkkeineen (toimiala: {sector}).",
    },
    "leads": {
        "tool": "Tämä työkalu ({tool_type}) opastaa vaihe vaiheelta aiheessa ”{topic}”.",
        "best_practice": "Lyhyt kuvaus siitä, miten hankkija toteutti hankkeen ”{subject}”.",
        "case_study": "Näin hanke ”{subject}” toteutettiin ({buyer_l}).",
        "report": "Raportti kokoaa, mitä {n} hanketta ovat oppineet aiheesta ”{topic}”.",
        "opinion_paper": "Verkoston tiedonvaihtotapaamisen asiantuntijat sopivat seuraavista kohdista.",
        "training": "Moduuli on tarkoitettu hankkijoille ja budjettivastaaville, joille aihe ”{topic}” on uusi.",
    },
    "headings": ["Miksi tällä on väliä", "Vaihe vaiheelta", "Hyvä tietää"],
    "sector_sentence": "Esimerkit ovat toimialalta ”{sector}”, jolla hankkijat vastaavat kasvaviin tarpeisiin niukoin budjetein.",
    "steps": [
        "Kuvaa ratkaistava ongelma ja tarvittava lopputulos, älä tuotetta.",
        "Ota tulevat käyttäjät ja budjettivastaava mukaan alusta asti.",
        "Kerro suunnitelmista ajoissa, esimerkiksi ennakkoilmoituksella.",
        "Anna toimittajille aikaa ja reilu, dokumentoitu mahdollisuus esittää kysymyksiä.",
        "Painota laatua ja elinkaarikustannuksia, älä pelkkää hintaa.",
        "Sovi mittareista ja käy ne läpi toimittajan kanssa sopimuskauden aikana.",
    ],
    "closing": [
        "Kansallinen osaamiskeskus neuvoo maksutta omassa hankkeessanne.",
        "Jakakaa kokemuksenne verkostossa: muut hankkijat oppivat eniten todellisista tapauksista.",
        "Aloita pienesti, mittaa tulokset ja laajenna sitä, mikä toimii.",
    ],
    "sector_buyers": {
        "ict": "Valtion palvelukeskus",
        "health": "Hyvinvointialue",
        "mobility": "Seudullinen joukkoliikenneviranomainen",
        "circular": "Yhteishankintayksikkö",
        "energy": "Kaupungin energiayhtiö",
        "construction": "Kaupungin rakennuttajayksikkö",
        "food": "Kunnan ruokapalvelut",
        "security": "Pelastuslaitos",
        "other": "Kaupunki",
    },
    "buyers": {
        "FI": [
            "Keskisuuri kaupunki Pirkanmaalla",
            "Kunta Pohjois-Savossa",
            "Ministeriö",
            "Pääkaupunkiseudun kaupunki",
            "Kuntayhtymä",
            "Rannikkokaupunki Pohjanmaalla",
        ],
    },
    "procedures": {
        "market_consultation": "markkinavuoropuhelu ja sen jälkeen avoin menettely",
        "pcp": "kolmivaiheinen esikaupallinen hankinta",
        "partnership": "innovaatiokumppanuus",
        "ppi": "avoin menettely toiminnallisin vaatimuksin",
        "dialogue": "kilpailullinen neuvottelumenettely",
        "joint": "yhteishankinta naapurikuntien kanssa",
    },
    "outcomes": [
        "Tarjouksia saatiin {n}, useita pk-yrityksiltä. Ratkaisu on ollut käytössä vuodesta {year}, ja sen ylläpito on edullisempaa kuin aiemman.",
        "Pilotti saavutti kaikki sovitut mittarit, ja vuonna {year} käytettiin optio laajempaan hankintaan.",
        "Käyttökustannukset laskivat noin {pct} % aiempaan ratkaisuun verrattuna.",
        "Käyttäjät arvioivat uuden palvelun selvästi paremmaksi; {n} muuta hankkijaa on pyytänyt asiakirjat.",
    ],
    "lessons": [
        "Keskustele markkinoiden kanssa ennen vaatimusten kirjoittamista.",
        "Ota käyttäjät mukaan ajoissa: he tietävät, missä todellinen ongelma on.",
        "Varaa aikaa; vuoropuhelu kestää pidempään kuin tavallinen kilpailutus.",
        "Pidä budjettivastaava mukana selkeillä välitavoitteilla.",
        "Toiminnalliset vaatimukset toivat ratkaisuja, joita kukaan ei ollut ajatellut.",
        "Elinkaarikustannukset ratkaisivat voittaneen tarjouksen.",
    ],
    "authors": [
        "Aino Virtanen",
        "Mikko Korhonen",
        "Laura Nieminen",
        "Juha Mäkinen",
        "Sanna Heikkinen",
        "Antti Laine",
        "Elina Koskinen",
    ],
}

BLOCKS["lt"] = {
    "lower": True,
    "articles": set(),
    "sectors": {
        "ict": "IRT",
        "health": "sveikatos priežiūra",
        "mobility": "judumas",
        "circular": "žiedinė ekonomika",
        "energy": "energetika",
        "construction": "statyba",
        "food": "maistas",
        "security": "saugumas",
        "other": "viešosios paslaugos",
    },
    "subjects": {
        "ict": [
            "Skaitmeninė gyventojų aptarnavimo platforma",
            "Dirbtinio intelekto asistentas prašymams nagrinėti",
        ],
        "health": [
            "Nuotolinė pacientų stebėsena namuose",
            "Logistikos robotai ligoninėje",
        ],
        "mobility": ["Netaršūs autobusai", "Išmanusis eismo valdymas"],
        "circular": [
            "Žiedinės ekonomikos biuro baldai",
            "Daugkartiniai indai valgyklose",
        ],
        "energy": [
            "Išmanusis LED gatvių apšvietimas",
            "Saulės elektrinės ant viešųjų pastatų",
        ],
        "construction": ["Mažaanglis betonas tiltams", "Moduliniai mokyklų pastatai"],
        "food": [
            "Tvarus maitinimas mokyklose",
            "Vietinis sezoninis maistas globos namams",
        ],
        "security": [
            "Infrastruktūros patikra dronais",
            "Ankstyvasis perspėjimas apie potvynius",
        ],
        "other": ["Prieinamos viešosios erdvės", "Išmanusis atliekų surinkimas"],
    },
    "topics": {
        "market-consultation": (
            "Rinkos konsultacijos",
            "Pokalbiai su tiekėjais prieš pirkimą parodo, ką gali pasiūlyti rinka, ir padeda tiksliau apibrėžti poreikį.",
        ),
        "pcp": (
            "Ikiprekybiniai pirkimai",
            "Ikiprekybiniuose pirkimuose kelios įmonės etapais ir konkuruodamos kuria sprendimus, kurių dar nėra.",
        ),
        "partnership": (
            "Inovacijų partnerystė",
            "Inovacijų partnerystė sujungia naujo sprendimo kūrimą ir jo pirkimą į vieną procedūrą.",
        ),
        "functional": (
            "Funkciniai reikalavimai",
            "Aprašius reikiamą rezultatą, o ne produktą, lieka vietos sprendimams, kurių perkančioji organizacija dar nežino.",
        ),
        "lcc": (
            "Gyvavimo ciklo sąnaudos",
            "Gyvavimo ciklo sąnaudos leidžia palyginti pasiūlymus pagal visų naudojimo metų kainą, o ne tik pagal pirkimo kainą.",
        ),
        "sme": (
            "MVĮ ir startuolių dalyvavimas",
            "Pirkimo dalys, proporcingi reikalavimai ir ankstyvas dialogas palengvina mažų ir jaunų įmonių dalyvavimą.",
        ),
        "circular": (
            "Žiedinės ekonomikos pirkimai",
            "Žiedinės ekonomikos pirkimai ilgiau išlaiko gaminius ir medžiagas naudojimo cikle – pakartotinai naudojant, taisant, nuomojant ir surenkant.",
        ),
        "digital": (
            "Skaitmeninių ir dirbtinio intelekto sprendimų pirkimas",
            "Skaitmeniniams sprendimams svarbu duomenų nuosavybė, sąveikumas, saugumas ir automatizuotų sprendimų etika.",
        ),
        "risk": (
            "Rizikos valdymas",
            "Inovacijos susijusios su rizika; ją įvardijus, paskirsčius ir stebint projektas tampa valdomas.",
        ),
        "award": (
            "Inovacijas skatinantys vertinimo kriterijai",
            "Tikrą svorį turintys kokybės kriterijai apdovanoja vertingiausius, o ne tik pigiausius pasiūlymus.",
        ),
        "joint": (
            "Bendrieji ir tarpvalstybiniai pirkimai",
            "Perkant kartu mažesnės organizacijos įgyja derybinės galios ir pasidalija inovacijų kaštus bei riziką.",
        ),
        "contract": (
            "Sutarties valdymas",
            "Inovacija nesibaigia sutarties sudarymu: rodikliai ir reguliarios peržiūros padeda projektui išlikti teisingoje vėžėje.",
        ),
    },
    "tool_types": {
        "guide": "vadovas",
        "checklist": "kontrolinis sąrašas",
        "template": "šablonas",
        "model_tender": "pavyzdiniai pirkimo dokumentai",
    },
    "titles": {
        "tool": {
            "guide": ["Vadovas: {topic} – {sector}", "Praktinis vadovas: {topic}"],
            "checklist": [
                "Kontrolinis sąrašas: {topic} – {sector}",
                "Kontrolinis sąrašas: {topic}",
            ],
            "template": [
                "Šablonas: {topic} – {subject_l}",
                "Šablonai: {topic} – {sector}",
            ],
            "model_tender": [
                "Pavyzdiniai pirkimo dokumentai: {subject_l}",
                "Pavyzdinės sutarties sąlygos: {topic} – {sector}",
            ],
        },
        "best_practice": [
            "Geroji praktika: {subject_l}",
            "{topic} praktikoje: {subject_l}",
        ],
        "case_study": ["{buyer}: {subject_l}", "{subject} – {topic_l}"],
        "report": [
            "Ataskaita: {topic} – {sector} ({year})",
            "{topic}: {n} projektų pamokos",
        ],
        "opinion_paper": [
            "Ekspertų nuomonė: {topic}",
            "Pozicijos dokumentas: {topic} – {sector}",
        ],
        "training": [
            "Mokymų modulis: {topic}",
            "Internetinis seminaras: {topic} – {sector}",
        ],
    },
    "summaries": {
        "tool": "Praktinė priemonė ({tool_type}) perkančiosioms organizacijoms tema „{topic}“ (sritis: {sector}): žingsniai, spąstai ir klausimai.",
        "best_practice": "Kaip viešoji įstaiga įgyvendino projektą „{subject}“ ir ką gali pritaikyti kiti.",
        "case_study": "{buyer} įsigijo sprendimą „{subject}“ (procedūra: {procedure}): kas pirkta, kaip ir kokie rezultatai.",
        "report": "{n} Europos projektų rezultatai tema „{topic}“ (sritis: {sector}) su skaičiais ir rekomendacijomis.",
        "opinion_paper": "Tinklo žinių mainų susitikimo ekspertai pateikia savo poziciją tema „{topic}“ (sritis: {sector}).",
        "training": "Pusės dienos mokymų medžiaga tema „{topic}“ su pratimais ir pavyzdžiais (sritis: {sector}).",
    },
    "leads": {
        "tool": "Ši priemonė ({tool_type}) žingsnis po žingsnio padeda tema „{topic}“.",
        "best_practice": "Trumpas aprašymas, kaip perkančioji organizacija įgyvendino projektą „{subject}“.",
        "case_study": "Kaip buvo įgyvendintas projektas „{subject}“ ({buyer_l}).",
        "report": "Ataskaitoje apibendrinta, ko {n} projektai išmoko tema „{topic}“.",
        "opinion_paper": "Tinklo žinių mainų susitikimo ekspertai sutarė dėl šių punktų.",
        "training": "Modulis skirtas pirkimų specialistams ir biudžeto valdytojams, kuriems tema „{topic}“ nauja.",
    },
    "headings": ["Kodėl tai svarbu", "Žingsnis po žingsnio", "Naudinga žinoti"],
    "sector_sentence": "Pavyzdžiai iš srities „{sector}“, kurioje perkančiosios organizacijos susiduria su augančiais poreikiais ir ribotu biudžetu.",
    "steps": [
        "Aprašykite sprendžiamą problemą ir reikiamą rezultatą, o ne produktą.",
        "Nuo pat pradžių įtraukite būsimus naudotojus ir biudžeto valdytoją.",
        "Anksti paskelbkite apie planus, pavyzdžiui, išankstiniu informaciniu skelbimu.",
        "Suteikite tiekėjams laiko ir sąžiningą, dokumentuotą galimybę užduoti klausimus.",
        "Vertinkite kokybę ir gyvavimo ciklo sąnaudas, ne tik kainą.",
        "Susitarkite dėl rodiklių ir sutarties metu juos peržiūrėkite su tiekėju.",
    ],
    "closing": [
        "Nacionalinis kompetencijų centras nemokamai konsultuoja dėl jūsų projekto.",
        "Pasidalykite patirtimi tinkle: kiti pirkėjai daugiausia išmoksta iš tikrų atvejų.",
        "Pradėkite nuo mažo, matuokite rezultatus ir plėskite tai, kas veikia.",
    ],
    "sector_buyers": {
        "ict": "Valstybės skaitmeninių paslaugų įstaiga",
        "health": "Universitetinė ligoninė",
        "mobility": "Miesto viešojo transporto bendrovė",
        "circular": "Centrinė perkančioji organizacija",
        "energy": "Savivaldybės energetikos įmonė",
        "construction": "Savivaldybės statybos skyrius",
        "food": "Savivaldybės mokyklų maitinimo tarnyba",
        "security": "Priešgaisrinė gelbėjimo tarnyba",
        "other": "Miesto savivaldybė",
    },
    "buyers": {
        "LT": [
            "Vidutinio dydžio savivaldybė Aukštaitijoje",
            "Regiono plėtros taryba",
            "Ministerija",
            "Didmiesčio savivaldybė",
            "Kelių savivaldybių grupė",
            "Pajūrio savivaldybė",
        ],
    },
    "procedures": {
        "market_consultation": "rinkos konsultacijos ir atviras konkursas",
        "pcp": "trijų etapų ikiprekybinis pirkimas",
        "partnership": "inovacijų partnerystė",
        "ppi": "atviras konkursas su funkciniais reikalavimais",
        "dialogue": "konkurencinis dialogas",
        "joint": "bendrasis pirkimas su kaimyninėmis savivaldybėmis",
    },
    "outcomes": [
        "Gauta {n} pasiūlymų, keli iš jų – iš MVĮ. Sprendimas naudojamas nuo {year} m., jo priežiūra pigesnė nei ankstesnio.",
        "Bandomasis projektas pasiekė visus sutartus rodiklius, o {year} m. pasinaudota galimybe pirkti didesniu mastu.",
        "Eksploatavimo sąnaudos, palyginti su ankstesniu sprendimu, sumažėjo maždaug {pct} %.",
        "Naudotojai naują paslaugą vertina aiškiai geriau; dar {n} organizacijų paprašė pirkimo dokumentų.",
    ],
    "lessons": [
        "Pasikalbėkite su rinka prieš rašydami reikalavimus.",
        "Anksti įtraukite naudotojus: jie žino, kur tikroji problema.",
        "Numatykite laiko – dialogas trunka ilgiau nei įprastas pirkimas.",
        "Biudžeto valdytoją informuokite aiškiais tarpiniais tikslais.",
        "Funkciniai reikalavimai atnešė sprendimų, apie kuriuos niekas negalvojo.",
        "Gyvavimo ciklo sąnaudos nulėmė, kuris pasiūlymas laimėjo.",
    ],
    "authors": [
        "Rūta Kazlauskienė",
        "Tomas Petrauskas",
        "Agnė Jankauskaitė",
        "Mantas Stankevičius",
        "Eglė Vasiliauskienė",
        "Darius Žukauskas",
    ],
}


# ---------------------------------------------------------------------------
# Builders


def _lower(text: str, allowed: bool) -> str:
    """Lower the first letter for use mid-sentence, but keep acronyms (AI, LED)."""
    if allowed and len(text) > 1 and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def _mid(name: str, articles: set[str]) -> str:
    """`name` as it reads mid-sentence: "Eine Stadt" → "eine Stadt"."""
    first = name.split(" ", 1)[0]
    elided = first.split("'", 1)[0] + "'" if "'" in first else ""
    if first in articles or elided in articles:
        return name[0].lower() + name[1:]
    return name


def _procedure_name(block: dict, approach: str) -> str:
    """The procedure as a label (the case-study field), not as a phrase."""
    name = block.get("procedure_names", block["procedures"])[approach]
    return name[:1].upper() + name[1:]


def _centre_sectors(slug: str) -> list[str]:
    from centres.demo_network import CENTRES

    for centre in CENTRES:
        if centre["slug"] == slug:
            return list(centre.get("sectors") or SECTORS)
    return list(SECTORS)


def _slug_for(title: str, language: str, fallback: str, used: set[str]) -> str:
    base = slugify(title)
    if len(base) > 80:
        base = base[:80].rsplit("-", 1)[0]
    # Greek titles have no ASCII letters to slugify; the fallback is built from keys.
    if language == "el" or len(base) < 8:
        base = fallback
    slug, n = base, 2
    while slug in used:
        slug = f"{base}-{n}"
        n += 1
    used.add(slug)
    return slug


def _generated(centre: str, count: int, used_slugs: set[str]) -> list[Spec]:
    """`count` resources for `centre` in its language, the same on every run."""
    language, country, _total = PLAN[centre]
    block = BLOCKS[language]
    rng = random.Random(zlib.crc32(centre.encode()))  # noqa: S311 - demo data, not security
    lower = block["lower"]
    topics = list(TOPICS)
    rng.shuffle(topics)
    own_sectors = _centre_sectors(centre)
    buyers = block["buyers"].get(country) or BLOCKS["en"]["buyers"][""]
    articles = block.get("articles", set())
    days = (LAST_DAY - FIRST_DAY).days
    statuses = UNPUBLISHED.get(centre, [])
    used_titles: set[str] = set()
    specs = []
    for i in range(count):
        kind = KIND_ORDER[i % len(KIND_ORDER)]
        topic = topics[i % len(topics)]
        sector = (
            own_sectors[i % len(own_sectors)]
            if rng.random() < 0.75
            else rng.choice(SECTORS)
        )
        tool_type = (
            TOOL_TYPES[(i // len(KIND_ORDER) + i) % len(TOOL_TYPES)]
            if kind == "tool"
            else ""
        )
        approaches = TOPIC_APPROACHES[topic]
        published_on = FIRST_DAY + dt.timedelta(days=rng.randrange(days))
        buyer_index = rng.randrange(len(buyers))
        buyer = buyers[buyer_index]
        # Hospitals buy for hospitals: health cases always name a health buyer.
        if sector == "health" or rng.random() < 0.5:
            buyer = block["sector_buyers"][sector]
        topic_name, topic_sentence = block["topics"][topic]
        subject = rng.choice(block["subjects"][sector])
        values = {
            "topic": topic_name,
            "topic_l": _lower(topic_name, lower),
            "sector": block["sectors"][sector],
            "subject": subject,
            "subject_l": _lower(subject, lower),
            "buyer": buyer,
            "buyer_l": _mid(buyer, articles),
            "procedure": block["procedures"][approaches[0]],
            "tool_type": block["tool_types"].get(tool_type, ""),
            "year": published_on.year,
            "n": rng.randrange(5, 40),
            "pct": rng.choice([18, 25, 31, 40, 47, 55, 63]),
        }
        templates = block["titles"][kind]
        if kind == "tool":
            templates = templates[tool_type]
        title = ""
        for attempt in range(len(templates) * 4):
            candidate = templates[(i + attempt) % len(templates)].format(**values)
            if candidate not in used_titles:
                title = candidate
                break
            values["subject"] = block["subjects"][sector][attempt % 2]
            values["subject_l"] = _lower(values["subject"], lower)
            values["year"] = published_on.year - attempt // 2
        title = title or f"{candidate} ({i + 1})"
        used_titles.add(title)
        steps = rng.sample(block["steps"], 4)
        body = "\n\n".join(
            [
                block["leads"][kind].format(**values),
                f"## {block['headings'][0]}",
                f"{topic_sentence} {block['sector_sentence'].format(**values)}",
                f"## {block['headings'][1]}",
                "\n".join(f"{n}. {step}" for n, step in enumerate(steps, start=1)),
                f"## {block['headings'][2]}",
                rng.choice(block["closing"]),
            ]
        )
        data = {
            "kind": kind,
            "tool_type": tool_type,
            "title": title,
            "summary": block["summaries"][kind].format(**values),
            "body": body,
            "language": language,
            "authors": ", ".join(rng.sample(block["authors"], rng.choice([1, 1, 2]))),
            "published_on": published_on,
            "sectors": [sector],
            "approaches": list(approaches),
            "tags": [topic_name[:50], block["sectors"][sector][:50]],
            "countries": [country] if country else rng.sample(PROJECT_COUNTRIES, 2),
            "visibility": "network" if i % 9 == 4 else "public",
        }
        if kind == "case_study":
            case_year = max(2017, published_on.year - rng.choice([0, 1, 1, 2]))
            data.update(
                buyer=values["buyer"],
                case_country=country or PROJECT_COUNTRIES[buyer_index],
                case_year=case_year,
                contract_value_eur=f"{rng.choice([85, 240, 450, 780, 1200, 2500, 4800, 9600]) * 1000}.00",
                procedure=_procedure_name(block, approaches[0]),
                cpv_codes=rng.sample(CPV[sector], min(2, len(CPV[sector]))),
                ted_url=_ted(rng.randrange(100000, 799999), case_year),
                outcome=rng.choice(block["outcomes"]).format(
                    **{**values, "year": min(case_year + 1, LAST_DAY.year)}
                ),
                lessons_learned=" ".join(rng.sample(block["lessons"], 2)),
            )
            data["body"] += "\n\n" + ILLUSTRATIVE[language]
        fallback = f"{kind.replace('_', '-')}-{topic}-{sector}"
        status = "published"
        if i >= count - len(statuses):
            status = statuses[i - (count - len(statuses))]
        specs.append(
            Spec(
                centre=centre,
                slug=_slug_for(title, language, fallback, used_slugs),
                data=data,
                status=status,
            )
        )
    return specs


def demo_specs() -> list[Spec]:
    """Every demo resource, each original before its translations and links."""
    used: dict[str, set[str]] = {centre: set() for centre in PLAN}
    for spec in CORE:
        used[spec.centre].add(spec.slug)
    specs = list(CORE)
    for centre, (_language, _country, total) in PLAN.items():
        core = len(used[centre])
        extra = len(UNPUBLISHED.get(centre, []))
        specs += _generated(centre, max(0, total - core) + extra, used[centre])
    return specs
