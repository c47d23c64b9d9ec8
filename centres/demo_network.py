"""The real network, as demo data. Descriptions are our own words."""

from p2i_portal.vocab import Service as V

ALL_SERVICES = [v.value for v in V]

CENTRES = [
    {
        "slug": "ioeb",
        "short_name": "IÖB",
        "name": "IÖB Service Point for Innovation-Promoting Public Procurement",
        "country": "AT",
        "status": "existing",
        "host_organisation": "Bundesbeschaffung GmbH (BBG), the federal procurement agency",
        "website": "https://www.ioeb.at/",
        "tagline": "Austria's contact point for buying innovation in the public sector.",
        "description": (
            "The IÖB service point sits inside Austria's federal procurement agency. "
            "It helps ministries, regions, municipalities and public companies to "
            "formulate needs as challenges, to talk to the market before tendering "
            "and to find innovative suppliers, and it shares Austrian examples of "
            "innovation procurement with the rest of the network."
        ),
        "services": [
            "training",
            "best_practice",
            "events",
            "counselling",
            "incentives",
        ],
        "sectors": ["ict", "mobility", "energy", "construction"],
        "working_languages": ["de", "en"],
        "contact_email": "ioeb@example.eu",
    },
    {
        "slug": "koinno",
        "short_name": "KOINNO",
        "name": "KOINNO – Competence Centre for Innovative Procurement",
        "country": "DE",
        "status": "existing",
        "is_coordinating": True,
        "host_organisation": "BME, the German association for supply chain management, "
        "procurement and logistics",
        "website": "https://www.koinno-bmwk.de/",
        "tagline": "Germany's centre for innovative public procurement; coordinator of "
        "the network.",
        "description": (
            "KOINNO supports German contracting authorities at federal, state and "
            "local level in buying innovative products and services. It runs "
            "trainings and networking formats, publishes good practice, and advises "
            "procurers on individual projects. Its host association also "
            "coordinates this European network of competence centres."
        ),
        "services": ALL_SERVICES,
        "sectors": ["ict", "health", "mobility", "energy", "security"],
        "working_languages": ["de", "en"],
        "contact_email": "koinno@example.eu",
    },
    {
        "slug": "pianoo",
        "short_name": "PIANOo",
        "name": "PIANOo – Dutch Public Procurement Expertise Centre",
        "country": "NL",
        "status": "existing",
        "host_organisation": "Dutch Ministry of Economic Affairs",
        "website": "https://www.pianoo.nl/",
        "tagline": "The Dutch expertise centre for professional and innovative "
        "procurement.",
        "description": (
            "PIANOo brings Dutch public buyers together to make procurement more "
            "professional. Its innovation team explains market consultation, "
            "pre-commercial procurement and innovation partnerships, collects "
            "cases from Dutch authorities and runs a community of practice for "
            "procurers who want to buy innovation."
        ),
        "services": ["training", "best_practice", "events", "legal", "counselling"],
        "sectors": ["circular", "construction", "mobility", "ict"],
        "working_languages": ["nl", "en"],
        "contact_email": "pianoo@example.eu",
    },
    {
        "slug": "spain",
        "short_name": "CC Spain",
        "name": "Spanish Competence Centre for Innovation Procurement",
        "country": "ES",
        "status": "existing",
        "host_organisation": "",
        "website": "",
        "tagline": "Guidance for Spanish public buyers who procure innovation.",
        "description": (
            "The Spanish centre helps public bodies across the country's levels of "
            "government to use innovation procurement, including pre-commercial "
            "procurement and public procurement of innovative solutions, and points "
            "them to national and European co-funding."
        ),
        "services": ["training", "best_practice", "counselling", "funding"],
        "sectors": ["health", "ict", "energy"],
        "working_languages": ["es", "en"],
        "contact_email": "spain@example.eu",
    },
    {
        "slug": "upphandlingsmyndigheten",
        "short_name": "Upphandlingsmyndigheten",
        "name": "Upphandlingsmyndigheten – National Agency for Public Procurement",
        "country": "SE",
        "status": "existing",
        "host_organisation": "Upphandlingsmyndigheten (Swedish government agency)",
        "website": "https://www.upphandlingsmyndigheten.se/",
        "tagline": "Sweden's national agency for public procurement.",
        "description": (
            "The Swedish agency supports contracting authorities and suppliers with "
            "guidance, criteria and training. Its work on innovation procurement "
            "covers needs analysis, dialogue with the market and follow-up of "
            "contracts, with particular attention to sustainability."
        ),
        "services": ["training", "best_practice", "legal", "counselling"],
        "sectors": ["circular", "food", "health", "energy"],
        "working_languages": ["sv", "en"],
        "contact_email": "upphandlingsmyndigheten@example.eu",
    },
    {
        "slug": "estonia",
        "short_name": "CC Estonia",
        "name": "Estonian Competence Centre for Innovation Procurement",
        "country": "EE",
        "status": "new",
        "buddy": "upphandlingsmyndigheten",
        "tagline": "A new centre helping Estonian buyers to procure innovation.",
        "description": (
            "Set up with the support of the network, the Estonian centre offers "
            "first-line advice and training to public buyers, building on Estonia's "
            "strength in digital public services."
        ),
        "services": ["training", "counselling", "best_practice"],
        "sectors": ["ict", "energy"],
        "working_languages": ["et", "en"],
        "contact_email": "estonia@example.eu",
    },
    {
        "slug": "greece",
        "short_name": "CC Greece",
        "name": "Greek Competence Centre for Innovation Procurement",
        "country": "GR",
        "status": "new",
        "buddy": "pianoo",
        "tagline": "A new centre; co-chair of the network's pilot year.",
        "description": (
            "The Greek centre was created through the network and co-chaired its "
            "pilot year together with the Netherlands. It trains procurers and "
            "collects Greek examples of innovation procurement."
        ),
        "services": ["training", "events", "counselling"],
        "sectors": ["health", "mobility", "ict"],
        "working_languages": ["el", "en"],
        "contact_email": "greece@example.eu",
    },
    {
        "slug": "ireland",
        "short_name": "CC Ireland",
        "name": "Irish Competence Centre for Innovation Procurement",
        "country": "IE",
        "status": "new",
        "buddy": "koinno",
        "tagline": "A new centre for Irish public buyers.",
        "description": (
            "The Irish centre helps public bodies to open their tenders to new "
            "solutions, to run market consultations and to connect with SMEs and "
            "start-ups."
        ),
        "services": ["training", "counselling", "funding"],
        "sectors": ["ict", "health"],
        "working_languages": ["en"],
        "contact_email": "ireland@example.eu",
    },
    {
        "slug": "italy",
        "short_name": "CC Italy",
        "name": "Italian Competence Centre for Innovation Procurement",
        "country": "IT",
        "status": "new",
        "buddy": "ioeb",
        "tagline": "A new centre for innovation procurement in Italy.",
        "description": (
            "The Italian centre supports central and regional buyers with training, "
            "guidance on pre-commercial procurement and examples from Italian "
            "regions."
        ),
        "services": ["training", "best_practice", "legal"],
        "sectors": ["health", "construction", "mobility"],
        "working_languages": ["it", "en"],
        "contact_email": "italy@example.eu",
    },
    {
        "slug": "portugal",
        "short_name": "CC Portugal",
        "name": "Portuguese Competence Centre for Innovation Procurement",
        "country": "PT",
        "status": "new",
        "buddy": "spain",
        "tagline": "A new centre for Portuguese public buyers.",
        "description": (
            "The Portuguese centre helps municipalities and national bodies to buy "
            "innovation, with training, counselling and help in finding funding."
        ),
        "services": ["training", "counselling", "funding"],
        "sectors": ["circular", "energy", "mobility"],
        "working_languages": ["pt", "en"],
        "contact_email": "portugal@example.eu",
    },
    {
        "slug": "keino",
        "short_name": "KEINO",
        "name": "KEINO – Competence Centre for Sustainable and Innovative Public "
        "Procurement",
        "country": "FI",
        "status": "associate",
        "host_organisation": "A consortium led by Motiva",
        "website": "https://www.hankintakeino.fi/",
        "tagline": "Finland's centre for sustainable and innovative procurement.",
        "description": (
            "KEINO helps Finnish public buyers to make procurement more strategic, "
            "sustainable and innovative, through networks of procurers, training "
            "and shared tools. It joined the network as an associate member."
        ),
        "services": ["training", "best_practice", "events", "counselling"],
        "sectors": ["circular", "energy", "food", "construction"],
        "working_languages": ["fi", "sv", "en"],
        "contact_email": "keino@example.eu",
    },
    {
        "slug": "mita",
        "short_name": "MITA",
        "name": "MITA – Innovation Agency Lithuania",
        "country": "LT",
        "status": "associate",
        "host_organisation": "Innovation Agency Lithuania",
        "website": "https://inovacijuagentura.lt/",
        "tagline": "Lithuania's innovation agency; associate member of the network.",
        "description": (
            "The Lithuanian agency advises public bodies on pre-commercial "
            "procurement and innovation procurement and manages national support "
            "for such projects. It joined the network as an associate member."
        ),
        "services": ["counselling", "incentives", "funding"],
        "sectors": ["ict", "health", "energy"],
        "working_languages": ["lt", "en"],
        "contact_email": "mita@example.eu",
    },
    {
        "slug": "procedin",
        "short_name": "PROCEDIN",
        "name": "PROCEDIN",
        "kind": "project",
        "country": "",
        "status": "existing",
        "tagline": "Innovation procurement for cities' sustainability and resilience.",
        "description": (
            "PROCEDIN is an EU project of the Innovation Procurement Task Force. It "
            "helps cities to use procurement of innovation for sustainability and "
            "resilience, with a focus on the circular economy and green mobility."
        ),
        "services": ["training", "events", "best_practice"],
        "sectors": ["circular", "mobility", "energy"],
        "working_languages": ["en"],
        "contact_email": "procedin@example.eu",
    },
    {
        "slug": "build",
        "short_name": "BUILD",
        "name": "BUILD",
        "kind": "project",
        "country": "",
        "status": "existing",
        "tagline": "Training and capacity building for innovation procurement.",
        "description": (
            "BUILD is an EU project of the task force that trains cities, "
            "procurers, SMEs and start-ups: the legal framework, market "
            "consultation, pre-commercial procurement and risk assessment."
        ),
        "services": ["training", "events", "legal"],
        "sectors": ["ict", "construction", "other"],
        "working_languages": ["en"],
        "contact_email": "build@example.eu",
    },
    {
        "slug": "health-innofacilitator",
        "short_name": "Health InnoFacilitator",
        "name": "Health InnoFacilitator",
        "kind": "project",
        "country": "",
        "status": "existing",
        "tagline": "Innovation procurement in healthcare.",
        "description": (
            "Health InnoFacilitator is an EU project of the task force that helps "
            "hospitals and health authorities to procure innovative solutions, and "
            "connects them with suppliers and with each other."
        ),
        "services": ["training", "events", "counselling"],
        "sectors": ["health", "ict"],
        "working_languages": ["en"],
        "contact_email": "health-innofacilitator@example.eu",
    },
]

DEMO_PASSWORD = "p2i-demo-2026"  # noqa: S105 - a public demo password, local only
# A fixed TOTP secret (base32) for the demo staff, so that `manage.py demo_totp`
# can print the current code; never used outside the demo network.
DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"  # noqa: S105

USERS = [
    {
        "email": "coordinator@p2i.example.eu",
        "full_name": "Clara Coordinator",
        "organisation": "Network coordination office",
        "country": "DE",
        "is_coordinator": True,
        "totp": True,
    },
    {
        "email": "manager@koinno.example.eu",
        "full_name": "Max Manager",
        "organisation": "KOINNO",
        "country": "DE",
        "memberships": [("koinno", "manager")],
        "title": "Head of the competence centre",
        "totp": True,
    },
    {
        "email": "editor@koinno.example.eu",
        "full_name": "Emma Editor",
        "organisation": "KOINNO",
        "country": "DE",
        "memberships": [("koinno", "editor")],
        "title": "Innovation procurement adviser",
    },
    {
        "email": "manager@pianoo.example.eu",
        "full_name": "Pieter de Vries",
        "organisation": "PIANOo",
        "country": "NL",
        "memberships": [("pianoo", "manager")],
        "title": "Team lead innovation",
        "totp": True,
    },
    {
        "email": "editor@pianoo.example.eu",
        "full_name": "Sanne Jansen",
        "organisation": "PIANOo",
        "country": "NL",
        "memberships": [("pianoo", "editor")],
        "title": "Adviser, market consultation",
    },
    {
        "email": "procurer@example.eu",
        "full_name": "Paula Procurer",
        "organisation": "City of Ghent (demo)",
        "country": "BE",
        "profile_role": "procurer",
    },
]
