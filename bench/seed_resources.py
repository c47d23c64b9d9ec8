"""Seed many synthetic knowledge resources (default 100 000) for the search benchmark.

Not demo content: the words come from small per-language vocabularies drawn with a
Zipf-like distribution (a few very common words, a long tail of rare ones), which is
what makes full-text search and facet counting realistic at scale.

    createdb -h 127.0.0.1 -U postgres p2i_bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/p2i_bench \\
        .venv/bin/python bench/seed_resources.py [--count 100000] [--seed 42]

or `make bench-seed`. It migrates, creates the demo network's centres (as
seed_demo does), deletes the previous benchmark rows (slug prefix "bench-"), COPYs
the new rows in, builds their search vectors with one UPDATE per text-search
configuration (services.resource_index), then VACUUM FULL ANALYZEs the
table. tests/knowledge/test_search_explain.py reuses `seed_resources(...)`.
"""

import argparse
import csv
import io
import os
import random
import sys
import time
import uuid
import warnings
from datetime import UTC, datetime, timedelta
from pathlib import Path

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "p2i_portal.settings.local")
    os.environ.setdefault("DJANGO_DEBUG", "false")
    warnings.filterwarnings("ignore", message="No directory at")
    import django

    django.setup()

SLUG_PREFIX = "bench-"

# Ordered by how common a word is meant to be: function words, "|", then the
# vocabulary of the field. The tail is made of generated words (see Vocabulary).
WORDS = {
    "en": """
the of and to in a for is that on with as by be are this it from or at an
|
public procurement innovation innovative tender contract authority authorities
buyer buyers supplier suppliers market solution solutions award criteria value
pre-commercial dialogue partnership consultation specification specifications
needs challenge challenges quality price cost lifecycle evaluation framework
agreement directive legal risk risks budget funding call phase prototype pilot
testing results lessons learned case study guide checklist template model
digital health hospital energy efficiency mobility transport circular economy
sustainable green climate city municipality region regional national european
small medium enterprises startups competition competitive negotiated procedure
open restricted notice publication joint cross-border cooperation network centre
training workshop expert opinion report practice best strategy policy goal goals
outcome performance functional requirements demand aggregation research
development service services product products supply works construction building
data software cloud platform security water waste recycling food school schools
ambulance emergency care patients elderly housing lighting road roads railway
bus electric vehicles charging heating buildings renovation materials
procurements tenders contracts procurers innovations partnerships dialogues
consultations prototypes pilots evaluations agreements directives municipalities
cities regions hospitals vehicles platforms
""",
    "de": """
der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als
auch es an werden aus er hat dass sie nach wird bei einer um am sind noch wie
|
öffentliche öffentlichen Beschaffung Beschaffungen Vergabe Vergaben Ausschreibung
Ausschreibungen Innovation Innovationen innovative innovativen Auftraggeber
Auftraggebers Auftragnehmer Markt Markterkundung Lösung Lösungen Zuschlag
Zuschlagskriterien Wirtschaftlichkeit Leistungsbeschreibung funktionale
Anforderungen Bedarf Bedarfe Verhandlungsverfahren Wettbewerb Dialog
wettbewerblicher Partnerschaft Vorhaben Projekt Projekte Kommune Kommunen
Gemeinde Land Bund Verwaltung Behörde Behörden Krankenhaus Gesundheit Energie
Mobilität Verkehr Kreislaufwirtschaft Nachhaltigkeit nachhaltige Klimaschutz
Digitalisierung Software Daten Plattform Sicherheit Wasser Abfall Recycling
Lebensmittel Schule Schulen Gebäude Sanierung Beleuchtung Straßen Elektromobilität
Fahrzeuge Ladeinfrastruktur Heizung Baustoffe Rahmenvertrag Rahmenverträge
Vertrag Verträge Preis Kosten Lebenszykluskosten Qualität Bewertung Risiko
Risiken Haushalt Förderung Fördermittel Pilotprojekt Prototyp Erprobung
Ergebnisse Erfahrungen Leitfaden Checkliste Vorlage Mustervertrag Praxisbeispiel
Fallstudie Schulung Seminar Gutachten Bericht Strategie Ziel Ziele Unternehmen
Mittelstand Startups Lieferanten Anbieter Bieter Angebot Angebote Eignung
Nachweis Losaufteilung Bekanntmachung Veröffentlichung gemeinsame
grenzüberschreitende Zusammenarbeit Netzwerk Kompetenzzentrum Forschung
Entwicklung vorkommerzielle Dienstleistung Dienstleistungen Produkt Produkte
Lieferung Bauleistungen Rettungsdienst Pflege Patienten Wohnungsbau Bahn Busse
""",
    "nl": """
de van het een en in is dat op te voor met niet zijn aan er als ook door bij om
maar naar dan wordt worden uit tot over kan deze of meer
|
aanbesteding aanbestedingen inkoop inkopen innovatie innovaties innovatief
innovatieve opdrachtgever opdrachtnemer markt marktconsultatie oplossing
oplossingen gunning gunningscriteria prijs kwaliteit verhouding functioneel
specificeren eisen behoefte behoeften procedure concurrentiegerichte dialoog
innovatiepartnerschap project projecten gemeente gemeenten provincie rijk
overheid overheden ziekenhuis zorg energie mobiliteit vervoer circulaire
economie duurzaam duurzame klimaat digitalisering software gegevens platform
veiligheid water afval recycling voedsel school scholen gebouw gebouwen
renovatie verlichting wegen elektrische voertuigen laadpalen verwarming
materialen raamovereenkomst contract contracten kosten levensduurkosten
beoordeling risico risico's budget subsidie pilot prototype testen resultaten
lessen handreiking checklist sjabloon modelcontract praktijkvoorbeeld casus
training workshop advies rapport strategie doel doelen bedrijven mkb startups
leveranciers inschrijvers inschrijving offerte offertes geschiktheid
aankondiging publicatie gezamenlijke grensoverschrijdende samenwerking netwerk
expertisecentrum onderzoek ontwikkeling precommerciële dienst diensten product
producten levering werken ambulance ouderenzorg patiënten woningbouw spoor
bussen
""",
    "es": """
de la que el en y a los se del las un por con no una su para es al lo como más
pero sus le ya o este sí porque esta entre cuando muy sin sobre
|
contratación contrataciones pública públicas público licitación licitaciones
innovación innovaciones innovadora innovadoras innovador poder adjudicador
adjudicadores contratista mercado consulta preliminar solución soluciones
adjudicación criterios calidad precio coste ciclo vida evaluación necesidades
necesidad reto retos procedimiento diálogo competitivo asociación compra
precomercial proyecto proyectos ayuntamiento ayuntamientos municipio región
comunidad administración administraciones hospital sanidad salud energía
movilidad transporte economía circular sostenible sostenibilidad clima
digitalización software datos plataforma seguridad agua residuos reciclaje
alimentos escuela escuelas edificio edificios rehabilitación alumbrado carreteras
vehículos eléctricos recarga calefacción materiales acuerdo marco contrato
contratos costes riesgo riesgos presupuesto financiación piloto prototipo
pruebas resultados lecciones guía lista plantilla pliego modelo buena práctica
caso estudio formación taller informe estrategia objetivo objetivos empresas
pymes startups proveedores licitadores oferta ofertas solvencia anuncio
publicación conjunta transfronteriza cooperación red centro investigación
desarrollo servicio servicios producto productos suministro obras ambulancias
cuidados pacientes vivienda ferrocarril autobuses
""",
    "sv": """
och i att det som på är av för med till den har de inte om ett han men var jag
sig från vi så kan man när år säger hon under också efter eller nu
|
offentlig offentliga upphandling upphandlingar upphandlande myndighet
myndigheter innovation innovationer innovativ innovativa leverantör leverantörer
marknad marknadsdialog lösning lösningar tilldelning tilldelningskriterier pris
kvalitet livscykelkostnad utvärdering behov utmaning utmaningar förfarande
konkurrenspräglad dialog innovationspartnerskap förkommersiell projekt kommun
kommuner region regioner staten sjukhus vård hälsa energi mobilitet transport
cirkulär ekonomi hållbar hållbarhet klimat digitalisering programvara data
plattform säkerhet vatten avfall återvinning livsmedel skola skolor byggnad
byggnader renovering belysning vägar elfordon laddning uppvärmning material
ramavtal avtal kontrakt kostnader risk risker budget finansiering pilot prototyp
test resultat lärdomar vägledning checklista mall modell exempel fallstudie
utbildning seminarium rapport strategi mål företag småföretag startföretag anbud
anbudsgivare kvalificering annonsering gemensam gränsöverskridande samarbete
nätverk kompetenscentrum forskning utveckling tjänst tjänster produkt produkter
leverans byggentreprenad ambulans äldreomsorg patienter bostäder järnväg bussar
""",
    "it": """
di e il la che in a per un del non è una le si con i da al dei sono della più
come ma anche nel alla se questo delle gli ha lo
|
appalto appalti pubblico pubblici pubblica acquisti acquisto innovazione
innovazioni innovativo innovativi innovativa stazione appaltante stazioni
appaltanti fornitore fornitori mercato consultazione preliminare soluzione
soluzioni aggiudicazione criteri offerta economicamente vantaggiosa qualità
prezzo costo ciclo vita valutazione fabbisogni esigenze sfida procedura dialogo
competitivo partenariato precommerciale progetto progetti comune comuni regione
amministrazione amministrazioni ospedale sanità salute energia mobilità trasporti
economia circolare sostenibile sostenibilità clima digitalizzazione software dati
piattaforma sicurezza acqua rifiuti riciclo alimenti scuola scuole edificio
edifici ristrutturazione illuminazione strade veicoli elettrici ricarica
riscaldamento materiali accordo quadro contratto contratti costi rischio rischi
bilancio finanziamento pilota prototipo sperimentazione risultati lezioni guida
lista modello capitolato buona pratica caso studio formazione seminario rapporto
strategia obiettivo obiettivi imprese piccole medie startup operatori offerte
requisiti bando pubblicazione congiunto transfrontaliero cooperazione rete
centro ricerca sviluppo servizio servizi prodotto prodotti fornitura lavori
ambulanze assistenza pazienti abitazioni ferrovia autobus
""",
    "pt": """
de a o que e do da em um para é com não uma os no se na por mais as dos como mas
foi ao ele das tem à seu sua ou ser quando muito
|
contratação contratações pública públicas público concurso concursos inovação
inovações inovador inovadora inovadores entidade adjudicante entidades
fornecedor fornecedores mercado consulta preliminar solução soluções
adjudicação critérios qualidade preço custo ciclo vida avaliação necessidades
necessidade desafio desafios procedimento diálogo concorrencial parceria
pré-comercial projeto projetos município municípios câmara região administração
hospital saúde energia mobilidade transportes economia circular sustentável
sustentabilidade clima digitalização software dados plataforma segurança água
resíduos reciclagem alimentos escola escolas edifício edifícios reabilitação
iluminação estradas veículos elétricos carregamento aquecimento materiais
acordo quadro contrato contratos custos risco riscos orçamento financiamento
piloto protótipo testes resultados lições guia lista modelo caderno encargos
boa prática caso estudo formação workshop relatório estratégia objetivo
objetivos empresas pme startups operadores propostas proposta requisitos anúncio
publicação conjunta transfronteiriça cooperação rede centro investigação
desenvolvimento serviço serviços produto produtos fornecimento obras
ambulâncias cuidados doentes habitação ferrovia autocarros
""",
    "el": """
και το να του η της την σε με τα που για των τον από ο στο είναι θα δεν οι τη
στην ένα μια στη τις ως στα κατά
|
δημόσιες δημόσια δημόσιων προμήθεια προμήθειες προμηθειών σύμβαση συμβάσεις
καινοτομία καινοτομίες καινοτόμες καινοτόμα αναθέτουσα αρχή αρχές προμηθευτής
προμηθευτές αγορά διαβούλευση λύση λύσεις ανάθεση κριτήρια ποιότητα τιμή κόστος
κύκλος ζωής αξιολόγηση ανάγκες πρόκληση διαδικασία διάλογος ανταγωνιστικός
σύμπραξη προεμπορική έργο έργα δήμος δήμοι περιφέρεια διοίκηση νοσοκομείο υγεία
ενέργεια κινητικότητα μεταφορές κυκλική οικονομία βιώσιμη βιωσιμότητα κλίμα
ψηφιοποίηση λογισμικό δεδομένα πλατφόρμα ασφάλεια νερό απόβλητα ανακύκλωση
τρόφιμα σχολείο σχολεία κτίριο κτίρια ανακαίνιση φωτισμός δρόμοι ηλεκτρικά
οχήματα φόρτιση θέρμανση υλικά συμφωνία πλαίσιο κόστη κίνδυνος κίνδυνοι
προϋπολογισμός χρηματοδότηση πιλοτικό πρωτότυπο δοκιμές αποτελέσματα διδάγματα
οδηγός λίστα υπόδειγμα καλή πρακτική μελέτη περίπτωσης εκπαίδευση εργαστήριο
έκθεση στρατηγική στόχος στόχοι επιχειρήσεις μικρομεσαίες νεοφυείς οικονομικοί
φορείς προσφορά προσφορές απαιτήσεις προκήρυξη δημοσίευση κοινή διασυνοριακή
συνεργασία δίκτυο κέντρο έρευνα ανάπτυξη υπηρεσία υπηρεσίες προϊόν προϊόντα
προμήθειας ασθενοφόρα φροντίδα ασθενείς στέγαση σιδηρόδρομος λεωφορεία
""",
    "et": """
ja on ei et see ka kui oli mis ta aga nii siis või kes seda veel kõik üle oma
mida pärast selle tema nad sest
|
riigihange riigihanked hange hanked hankija hankijad innovatsioon innovatsiooni
uuenduslik uuenduslikud pakkuja pakkujad turg turukonsultatsioon lahendus
lahendused lepingu sõlmimine kriteeriumid kvaliteet hind kulu olelusringi
hindamine vajadus vajadused väljakutse menetlus võistlevdialoog
innovatsioonipartnerlus kommertshankeeelne projekt projektid omavalitsus vald
linn maakond riik haigla tervis energia liikuvus transport ringmajandus
kestlik kliima digitaliseerimine tarkvara andmed platvorm turvalisus vesi
jäätmed ringlussevõtt toit kool koolid hoone hooned renoveerimine valgustus
teed elektrisõidukid laadimine küte materjalid raamleping leping lepingud kulud
risk riskid eelarve rahastus pilootprojekt prototüüp katsetamine tulemused
õppetunnid juhend kontrollnimekiri mall näidisleping hea tava juhtumiuuring
koolitus seminar aruanne strateegia eesmärk ettevõtted väikeettevõtted idufirmad
pakkumus pakkumused kvalifitseerimine hanketeade avaldamine ühishange
piiriülene koostöö võrgustik kompetentsikeskus teadus arendus teenus teenused
toode tooted tarne ehitustööd kiirabi hooldus patsiendid eluasemed raudtee bussid
""",
    "fi": """
ja on ei se että oli hän kun mutta niin kuin myös tai jo sen ovat vain nyt mitä
ole tämä joka hänen siitä sitten ollut
|
julkiset julkinen hankinta hankinnat hankinnan hankintayksikkö hankintayksiköt
innovaatio innovaatiot innovatiivinen innovatiiviset toimittaja toimittajat
markkinat markkinavuoropuhelu ratkaisu ratkaisut valinta vertailuperusteet
laatu hinta kustannus elinkaari arviointi tarve tarpeet haaste menettely
kilpailullinen neuvottelumenettely innovaatiokumppanuus esikaupallinen hanke
hankkeet kunta kunnat maakunta valtio sairaala terveys energia liikkuvuus
liikenne kiertotalous kestävä ilmasto digitalisaatio ohjelmisto tiedot alusta
turvallisuus vesi jätteet kierrätys elintarvikkeet koulu koulut rakennus
rakennukset korjaus valaistus tiet sähköajoneuvot lataus lämmitys materiaalit
puitejärjestely sopimus sopimukset kustannukset riski riskit budjetti rahoitus
pilotti prototyyppi testaus tulokset opit opas tarkistuslista malli
mallisopimus hyvä käytäntö tapaustutkimus koulutus työpaja raportti strategia
tavoite yritykset pk-yritykset startupit tarjous tarjoukset soveltuvuus
hankintailmoitus julkaisu yhteishankinta rajat ylittävä yhteistyö verkosto
osaamiskeskus tutkimus kehitys palvelu palvelut tuote tuotteet toimitus
rakennusurakka ambulanssi hoiva potilaat asuminen rautatie bussit
""",
    "lt": """
ir kad yra į su tai bet kaip jis ne iš ar o buvo dar už apie jo kur kai per nuo
tik mes ji jie taip
|
viešieji viešasis pirkimas pirkimai pirkimų inovacija inovacijos inovatyvūs
inovatyvus perkančioji organizacija organizacijos tiekėjas tiekėjai rinka rinkos
konsultacija sprendimas sprendimai sutarties sudarymas kriterijai kokybė kaina
sąnaudos gyvavimo ciklas vertinimas poreikis poreikiai iššūkis procedūra
konkurencinis dialogas inovacijų partnerystė ikiprekybiniai projektas projektai
savivaldybė savivaldybės regionas valstybė ligoninė sveikata energetika
judumas transportas žiedinė ekonomika tvarus klimatas skaitmeninimas programinė
įranga duomenys platforma saugumas vanduo atliekos perdirbimas maistas mokykla
mokyklos pastatas pastatai renovacija apšvietimas keliai elektromobiliai
įkrovimas šildymas medžiagos preliminarioji sutartis sutartys išlaidos rizika
biudžetas finansavimas bandomasis prototipas bandymai rezultatai pamokos gairės
kontrolinis sąrašas šablonas pavyzdinė gerosios praktikos atvejo analizė
mokymai seminaras ataskaita strategija tikslas įmonės smulkios startuoliai
pasiūlymas pasiūlymai kvalifikacija skelbimas paskelbimas bendras
tarpvalstybinis bendradarbiavimas tinklas kompetencijų centras tyrimai plėtra
paslauga paslaugos produktas produktai tiekimas darbai greitoji priežiūra
pacientai būstas geležinkelis autobusai
""",
    "fr": """
de la le et les des en un une du est que pour dans qui pas par sur au plus avec
ne se ce il sont ou mais comme aux
|
marchés marché public publics publique achat achats achat innovation
innovations innovant innovante innovants acheteur acheteurs pouvoir
adjudicateur fournisseur fournisseurs sourcing consultation préalable solution
solutions attribution critères qualité prix coût cycle vie évaluation besoin
besoins défi procédure dialogue compétitif partenariat d'innovation
précommercial projet projets commune communes région administration hôpital
santé énergie mobilité transports économie circulaire durable durabilité climat
numérique logiciel données plateforme sécurité eau déchets recyclage
alimentation école écoles bâtiment bâtiments rénovation éclairage routes
véhicules électriques recharge chauffage matériaux accord-cadre contrat contrats
coûts risque risques budget financement pilote prototype essais résultats
leçons guide liste modèle cahier charges bonne pratique étude cas formation
atelier rapport stratégie objectif objectifs entreprises pme startups offre
offres candidature avis publication groupement transfrontalier coopération
réseau centre recherche développement service services produit produits
fourniture travaux ambulances soins patients logement ferroviaire autobus
""",
}

# Syllables from which each language's long tail of rare words is made.
SYLLABLES = {
    "en": "ver tion al ing er pro con ment ab ex tra in ly ous ic ate un re de",
    "de": "ver ung keit lich be ge schaft stand werk an auf bar heit zu ein aus",
    "nl": "ver ing heid lijk be ge schap aan op baar zaam ont uit toe af",
    "es": "ción mente dad ar er ir pre con des ante ista able ura ero ado",
    "sv": "het ning lig be för ande skap till upp an ut bar sam lös else",
    "it": "zione mente tà are ere ire pre con dis ante ista abile ura ato",
    "pt": "ção mente dade ar er ir pré con des ante ista ável ura ado",
    "el": "πο λι τι κα νο μι σμα ση ρο τη δο κο πα στο νη",
    "et": "mine lik us ne ja ta ma se ka la va ri ko pa",
    "fi": "inen us minen ta ja sa la kas va ri ko pa lu hi",
    "lt": "imas ybė inis ti ka la va ri ko pa mo ny gi tu",
    "fr": "tion ment ité er ir re con dé pré able eur ance isme ant",
}

# Real words placed deep in the tail: present, but in few resources.
RARE = {
    "en": ["biodiversity", "hydrogen", "cybersecurity", "telemedicine"],
    "de": ["Innovationspartnerschaft", "Wasserstoff", "Telemedizin"],
    "nl": ["waterstof", "biodiversiteit"],
    "es": ["hidrógeno", "telemedicina"],
    "sv": ["vätgas", "telemedicin"],
    "it": ["idrogeno", "telemedicina"],
    "pt": ["hidrogénio", "telemedicina"],
    "el": ["υδρογόνο", "τηλεϊατρική"],
    "et": ["vesinik", "telemeditsiin"],
    "fi": ["vety", "etälääketiede"],
    "lt": ["vandenilis", "telemedicina"],
    "fr": ["hydrogène", "télémédecine"],
}
RARE_RANKS = (1500, 3000, 4500, 6000)
TAIL_SIZE = 8000
ZIPF_S = 1.07

KIND_WEIGHTS = {
    "tool": 30,
    "best_practice": 20,
    "case_study": 20,
    "report": 15,
    "opinion_paper": 5,
    "training": 10,
}
SECTORS = [
    "ict",
    "health",
    "mobility",
    "circular",
    "energy",
    "construction",
    "food",
    "security",
    "other",
]
APPROACHES = [
    "pcp",
    "ppi",
    "partnership",
    "dialogue",
    "market_consultation",
    "design_contest",
    "joint",
]
COUNTRIES = "AT BE DE DK EE EL ES FI FR GR IE IT LT LV NL PL PT SE SI SK"
AUTHORS = [
    "A. Berger",
    "M. de Vries",
    "L. García",
    "K. Lindqvist",
    "G. Rossi",
    "P. Costa",
    "E. Papadopoulou",
    "T. Tamm",
    "J. Virtanen",
    "R. Kazlauskas",
    "C. Dupont",
    "S. Murphy",
]
START = datetime(2015, 1, 1, tzinfo=UTC)
NULL = "\\N"  # COPY's marker for NULL (an empty string stays an empty string)

COLUMNS = [
    "created_at",
    "updated_at",
    "kind",
    "tool_type",
    "title",
    "slug",
    "summary",
    "body",
    "body_html",
    "language",
    "authors",
    "published_on",
    "sectors",
    "approaches",
    "tags",
    "countries",
    "licence",
    "visibility",
    "status",
    "published_at",
    "review_comment",
    "external_links",
    "translation_group",
    "buyer",
    "case_country",
    "case_year",
    "contract_value_eur",
    "procedure",
    "cpv_codes",
    "ted_url",
    "outcome",
    "lessons_learned",
    "search_config",
    "centre_id",
]


class Vocabulary:
    """One language's words with Zipf-like cumulative weights: the real words
    (most common first) carry 90 % of the text, a long tail of generated words
    with a few real rare ones the other 10 %."""

    HEAD_SHARE = 0.9

    def __init__(self, language: str, rng: random.Random):
        function_words, field_words = WORDS[language].split("|")
        head = function_words.split() + field_words.split()
        seen = set(head)
        syllables = SYLLABLES[language].split()
        tail = []
        while len(tail) < TAIL_SIZE:
            word = "".join(rng.choice(syllables) for _ in range(rng.randint(3, 5)))
            if word not in seen:
                seen.add(word)
                tail.append(word)
        for rank, word in zip(RARE_RANKS, RARE[language], strict=False):
            tail.insert(rank, word)
        self.words, self.cum = self._weighted(head, tail)
        self.content, self.content_cum = self._weighted(field_words.split(), tail)

    def _weighted(self, head, tail):
        cum, total = [], 0.0
        for part, share in ((head, self.HEAD_SHARE), (tail, 1 - self.HEAD_SHARE)):
            weights = [1 / rank**ZIPF_S for rank in range(1, len(part) + 1)]
            norm = share / sum(weights)
            for w in weights:
                total += w * norm
                cum.append(total)
        return head + tail, cum

    def text(self, rng, n, *, content=False) -> list[str]:
        if content:
            return rng.choices(self.content, cum_weights=self.content_cum, k=n)
        return rng.choices(self.words, cum_weights=self.cum, k=n)


def _sentences(rng, words: list[str]) -> str:
    out, i = [], 0
    while i < len(words):
        n = rng.randint(7, 16)
        chunk = words[i : i + n]
        i += n
        out.append(chunk[0][:1].upper() + chunk[0][1:] + " " + " ".join(chunk[1:]))
    return ". ".join(out) + "."


def _array(values) -> str:
    return "{" + ",".join(values) + "}"


def _rows(*, count, centres, rng, now, vocabularies, first, body_words):
    kinds = list(KIND_WEIGHTS)
    kind_weights = list(KIND_WEIGHTS.values())
    span = (now - START).total_seconds()
    for i in range(first, first + count):
        centre_id, country, languages = rng.choice(centres)
        # A centre writes mostly in its own language(s), sometimes in English.
        language = rng.choice(languages)
        vocab = vocabularies[language]
        kind = rng.choices(kinds, kind_weights)[0]
        title_words = vocab.text(rng, rng.randint(5, 10), content=True)
        title = " ".join(title_words)
        title = title[:1].upper() + title[1:]
        summary = _sentences(rng, vocab.text(rng, rng.randint(30, 60)))
        paragraphs, remaining = [], rng.randint(*body_words)
        while remaining > 0:
            n = min(remaining, rng.randint(40, 90))
            paragraphs.append(_sentences(rng, vocab.text(rng, n)))
            remaining -= n
        body = "\n\n".join(paragraphs)
        body_html = "".join(f"<p>{p}</p>\n" for p in paragraphs)
        roll = rng.random()
        if roll < 0.90:
            status, visibility = "published", "public"
        elif roll < 0.95:
            status, visibility = "published", "network"
        else:
            status, visibility = "draft", "public"
        moment = START + timedelta(seconds=rng.random() * span)
        published_at = moment if status == "published" else None
        countries = [country] if country else []
        if not countries or rng.random() < 0.35:
            countries.append(rng.choice(COUNTRIES.split()))
        countries = list(dict.fromkeys(countries))
        case = kind == "case_study"
        yield [
            moment.isoformat(),
            moment.isoformat(),
            kind,
            "guide" if kind == "tool" else "",
            title[:250],
            f"{SLUG_PREFIX}{i}",
            summary[:1000],
            body,
            body_html,
            language,
            rng.choice(AUTHORS),
            moment.date().isoformat() if published_at else NULL,
            _array(rng.sample(SECTORS, rng.choices((1, 2, 3), (50, 35, 15))[0])),
            _array(rng.sample(APPROACHES, rng.choices((0, 1, 2), (30, 50, 20))[0])),
            _array(vocab.text(rng, rng.randint(0, 3), content=True)[:3]),
            _array(countries),
            "cc-by-sa-4.0",
            visibility,
            status,
            published_at.isoformat() if published_at else NULL,
            "",
            "[]",
            str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            " ".join(vocab.text(rng, 3, content=True)) if case else "",
            countries[0] if case else "",
            str(moment.year) if case else NULL,
            str(rng.randint(50, 50_000) * 1000) if case else NULL,
            "",
            "{}",
            "",
            _sentences(rng, vocab.text(rng, 25)) if case else "",
            _sentences(rng, vocab.text(rng, 25)) if case else "",
            "p2i_simple",
            centre_id,
        ]


def seed_resources(
    count: int,
    *,
    seed: int = 42,
    centres=None,
    body_words=(150, 400),
    batch: int = 5000,
    analyze: bool = True,
    drop_indexes: bool = False,
    progress=None,
) -> dict[str, int]:
    """Delete earlier benchmark rows, COPY `count` new ones, index them, ANALYZE.

    `centres` defaults to every centre in the database (at least one must exist).
    Runs on Django's default connection, in the caller's transaction if there is
    one (the tests), so ANALYZE (not VACUUM) is used. With `drop_indexes` the
    table's secondary indexes are dropped first and built again at the end (much
    faster than maintaining them row by row); call it inside a transaction so that
    a failure gives them back, and commit before searching: an index built after
    the UPDATEs in the same transaction is unusable until then (broken HOT chains,
    pg_index.indcheckxmin). Returns rows per language.
    """
    from django.db import connection

    from centres.models import Centre
    from knowledge.services import resource_index

    rng = random.Random(seed)
    vocabularies = {lang: Vocabulary(lang, rng) for lang in WORDS}
    if centres is None:
        centres = list(Centre.objects.all())
    if not centres:
        raise RuntimeError("No centres: run seed_demo first.")
    pool = []
    for c in centres:
        own = [lang for lang in (c.working_languages or []) if lang in WORDS]
        native = [lang for lang in own if lang != "en"]
        # Two thirds in the centre's own language(s), one third in English.
        languages = (native * 2 + ["en"]) if native else (own or list(WORDS))
        pool.append((c.pk, str(c.country or ""), languages))

    now = datetime.now(UTC)
    done = 0
    with connection.cursor() as cursor:
        # In SQL: Django's cascade would load 100 000 rows to delete them.
        bench = "SELECT id FROM knowledge_resource WHERE slug LIKE %(prefix)s"
        for table, column in (
            ("knowledge_resource_related", "from_resource_id"),
            ("knowledge_resource_related", "to_resource_id"),
            ("knowledge_revision", "resource_id"),
            ("knowledge_attachment", "resource_id"),
        ):
            cursor.execute(
                f"DELETE FROM {table} WHERE {column} IN ({bench})",  # noqa: S608
                {"prefix": SLUG_PREFIX + "%"},
            )
        cursor.execute(
            "DELETE FROM knowledge_resource WHERE slug LIKE %(prefix)s",
            {"prefix": SLUG_PREFIX + "%"},
        )
        if progress:
            progress(f"  deleted {cursor.rowcount:,} earlier rows")
        indexes = []
        if drop_indexes:
            # Every index but those backing the primary key and unique constraints.
            cursor.execute(
                "SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) "
                "FROM pg_index i WHERE i.indrelid = 'knowledge_resource'::regclass "
                "AND NOT i.indisunique"
            )
            indexes = cursor.fetchall()
            for name, _definition in indexes:
                cursor.execute(f"DROP INDEX {name}")
        while done < count:
            n = min(batch, count - done)
            buffer = io.StringIO()
            writer = csv.writer(buffer)
            writer.writerows(
                _rows(
                    count=n,
                    centres=pool,
                    rng=rng,
                    now=now,
                    vocabularies=vocabularies,
                    first=done,
                    body_words=body_words,
                )
            )
            buffer.seek(0)
            cursor.copy_expert(
                f"COPY knowledge_resource ({', '.join(COLUMNS)}) "
                "FROM STDIN WITH (FORMAT csv, NULL '\\N')",
                buffer,
            )
            done += n
            if progress:
                progress(f"  inserted {done:,} rows")
        cursor.execute(
            "SELECT array_agg(id) FROM knowledge_resource WHERE slug LIKE %s",
            [SLUG_PREFIX + "%"],
        )
        ids = cursor.fetchone()[0] or []
        resource_index(resource_ids=ids)
        if progress:
            progress(f"  indexed {len(ids):,} rows")
        cursor.execute(
            "SELECT language, count(*) FROM knowledge_resource "
            "WHERE slug LIKE %s GROUP BY language",
            [SLUG_PREFIX + "%"],
        )
        per_language = dict(cursor.fetchall())
        if indexes:
            # CREATE INDEX refuses to run while deferred foreign-key checks wait.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
            started = time.perf_counter()
            for _name, definition in indexes:
                cursor.execute(definition)
            if progress:
                progress(
                    f"  rebuilt {len(indexes)} indexes in "
                    f"{time.perf_counter() - started:.1f} s"
                )
        if analyze:
            cursor.execute("ANALYZE knowledge_resource")
    # Rows written in SQL send no signals: drop cached search results ourselves.
    from knowledge.search_cache import search_cache_invalidate

    search_cache_invalidate()
    return per_language


def centres_ensure() -> None:
    """The demo network's centres, as seed_demo creates them (without its users
    and demo content, which the benchmark does not need). Idempotent."""
    from centres.demo_network import CENTRES
    from centres.models import Centre

    for raw in CENTRES:
        data = {k: v for k, v in raw.items() if k not in ("slug", "buddy")}
        data.setdefault("kind", Centre.Kind.NATIONAL)
        Centre.objects.update_or_create(slug=raw["slug"], defaults=data)


def main():
    from django.core.management import call_command
    from django.db import connection, transaction

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    centres_ensure()
    print(f"migrate + demo centres: {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()

    def progress(message):
        print(f"{time.perf_counter() - started:6.1f} s {message}")

    with transaction.atomic():
        per_language = seed_resources(
            args.count,
            seed=args.seed,
            analyze=False,
            drop_indexes=True,
            progress=progress,
        )
    # Outside the transaction: the UPDATEs left a dead version of every row;
    # VACUUM FULL compacts the table (a steady state, not one twice its size);
    # it leaves the visibility map empty, which a plain VACUUM then sets, as
    # autovacuum keeps it on a running portal (index-only scans rely on it).
    with connection.cursor() as cursor:
        cursor.execute("VACUUM FULL ANALYZE knowledge_resource")
        cursor.execute("VACUUM knowledge_resource")
    progress("vacuumed (FULL, then to set the visibility map) and analysed")
    took = time.perf_counter() - started
    print(
        "per language: "
        + ", ".join(f"{k} {v:,}" for k, v in sorted(per_language.items()))
    )
    print(f"Seeded {sum(per_language.values()):,} resources in {took:.1f} s.")


if __name__ == "__main__":
    main()
