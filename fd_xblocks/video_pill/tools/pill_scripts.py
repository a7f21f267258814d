"""The scripts of the demo pills: slides, Italian narration, English captions, checkpoints.

Each sentence is ``(slide text, Italian narration, English caption)``. Checkpoints name the
sentence after which they pause (``after``) and the sentence a wrong answer sends back to
(``review``). Chapters name the sentence they start at.
"""

WHAT_IS_OPEN_DATA = {
    "title": "Che cosa sono gli open data",
    "footer": "Firenze Digitale · Open data",
    "background": "0x0B3D6E",
    "digcomp": "1.1,1.3,3.3",
    "webm": True,
    "description": "<p>Poco più di un minuto per capire che cosa sono i dati aperti, dove trovarli a Firenze, in "
                   "quali formati e con quale licenza. Con sottotitoli, trascrizione e tre domande lungo il "
                   "percorso.</p>",
    "sentences": [
        ("Che cosa sono\ngli open data?",
         "Ciao! In questa pillola scopriamo che cosa sono gli open data, cioè i dati aperti.",
         "Hello! In this pill we find out what open data are."),
        ("Dati pubblici,\nliberi di essere riusati",
         "Gli open data sono dati pubblici che chiunque può usare, riutilizzare e ridistribuire, "
         "anche per scopi commerciali, citando la fonte.",
         "Open data are public data that anyone can use, reuse and redistribute, even for commercial "
         "purposes, as long as they credit the source."),
        ("Trasporti, aria,\nparcheggi, bilanci",
         "Le pubbliche amministrazioni raccolgono moltissimi dati: orari dei trasporti, qualità dell'aria, "
         "parcheggi, biblioteche, bilanci.",
         "Public administrations collect a great deal of data: transport timetables, air quality, "
         "car parks, libraries, budgets."),
        ("Il portale open data\ndel Comune di Firenze",
         "Il Comune di Firenze li pubblica sul suo portale open data, dove puoi cercarli per argomento "
         "e scaricarli gratuitamente.",
         "The City of Florence publishes them on its open data portal, where you can search them by "
         "topic and download them for free."),
        ("Formati aperti:\nCSV e JSON",
         "Per essere davvero aperti, i dati devono essere in formati leggibili dalle macchine, come CSV, "
         "una semplice tabella, o JSON, usato dalle applicazioni.",
         "To be truly open, data must be in machine-readable formats, such as CSV, a simple table, "
         "or JSON, used by applications."),
        ("PDF e foto\nnon bastano",
         "Un PDF o la foto di una tabella non bastano: un programma non riesce a leggerli facilmente.",
         "A PDF or a photo of a table is not enough: a program cannot read them easily."),
        ("Licenza aperta:\nCC BY",
         "Serve anche una licenza aperta. Molti dati pubblici usano la licenza Creative Commons "
         "Attribuzione, CC BY: puoi riusarli se citi chi li ha prodotti.",
         "An open licence is needed too. Many public data use the Creative Commons Attribution licence, "
         "CC BY: you may reuse them if you credit whoever produced them."),
        ("Mappe, app, inchieste:\ntocca a te!",
         "Con gli open data cittadini, giornalisti e imprese creano mappe, app e inchieste utili a tutti. "
         "Ora prova a rispondere alle domande!",
         "With open data, citizens, journalists and businesses make maps, apps and investigations useful "
         "to everyone. Now try answering the questions!"),
    ],
    "chapters": [(0, "Che cosa sono gli open data"), (3, "Il portale di Firenze"), (4, "Formati aperti"),
                 (6, "Licenze")],
    "checkpoints": [
        {"id": "commercial-use", "after": 1, "review": 1, "kind": "truefalse", "answer": True,
         "question": "Gli open data si possono usare anche per scopi commerciali.",
         "right": "Esatto: basta citare la fonte.",
         "wrong": "In realtà sì: chiunque può riusarli, anche per lavoro, citando la fonte."},
        {"id": "machine-readable", "after": 5, "review": 4, "kind": "single",
         "question": "Quale di questi formati un programma legge facilmente?",
         "options": [("CSV", True), ("La foto di una tabella", False), ("Un PDF scansionato", False)],
         "right": "Sì: il CSV è una tabella di testo che ogni programma sa leggere.",
         "wrong": "Foto e PDF scansionati vanno letti da una persona: riguarda la parte sui formati."},
        {"id": "truly-open", "after": 6, "review": 4, "kind": "multiple",
         "question": "Che cosa serve perché un dato sia davvero aperto? (una o più risposte)",
         "options": [("Un formato leggibile dalle macchine", True), ("Una licenza aperta come CC BY", True),
                     ("Una password per scaricarlo", False)],
         "right": "Proprio così: formato aperto e licenza aperta.",
         "wrong": "Servono un formato leggibile dalle macchine e una licenza aperta; nessuna password."},
    ],
}

STRONG_PASSWORDS = {
    "title": "Password sicure",
    "footer": "Firenze Digitale · Sicurezza",
    "background": "0x5A1E1E",
    "digcomp": "4.1,4.2",
    "webm": False,
    "description": "<p>Come creare password difficili da indovinare, ricordarle senza fatica e proteggere i tuoi "
                   "account con la verifica in due passaggi.</p>",
    "sentences": [
        ("Password sicure",
         "In questa pillola impariamo a creare password sicure e a proteggerle.",
         "In this pill we learn how to create strong passwords and keep them safe."),
        ("Lunga è meglio",
         "Una buona password è lunga: almeno dodici caratteri. Una frase di quattro parole a caso è facile "
         "da ricordare e difficile da indovinare.",
         "A good password is long: at least twelve characters. A phrase of four random words is easy to "
         "remember and hard to guess."),
        ("Mai nomi e date",
         "Evita nomi, date di nascita e sequenze come uno, due, tre, quattro: sono le prime che un "
         "malintenzionato prova.",
         "Avoid names, birth dates and sequences like one, two, three, four: they are the first ones an "
         "attacker tries."),
        ("Una password\nper ogni servizio",
         "Usa una password diversa per ogni servizio: se un sito viene violato, gli altri account restano "
         "al sicuro.",
         "Use a different password for every service: if one site is breached, your other accounts stay "
         "safe."),
        ("Il gestore\ndi password",
         "Per ricordarle tutte puoi usare un gestore di password, che le conserva cifrate al posto tuo.",
         "To remember them all you can use a password manager, which keeps them encrypted for you."),
        ("Verifica\nin due passaggi",
         "Attiva anche la verifica in due passaggi: oltre alla password serve un codice che arriva sul "
         "telefono.",
         "Also turn on two-step verification: besides the password you need a code sent to your phone."),
        ("Non condividerla",
         "E ricorda: nessun ente serio ti chiederà mai la password per email o per telefono.",
         "And remember: no trustworthy organisation will ever ask for your password by email or phone."),
    ],
    "chapters": [(0, "Password lunghe"), (3, "Una per servizio"), (5, "Verifica in due passaggi")],
    "checkpoints": [
        {"id": "strongest", "after": 2, "review": 1, "kind": "single",
         "question": "Quale di queste password è più sicura?",
         "options": [("gatto-treno-nuvola-limone", True), ("Mario1980", False), ("12345678", False)],
         "right": "Sì: quattro parole a caso fanno una password lunga e difficile da indovinare.",
         "wrong": "Nomi, date e sequenze sono i primi tentativi di chi attacca: riguarda la parte iniziale."},
        {"id": "same-password", "after": 3, "review": 3, "kind": "truefalse", "answer": False,
         "question": "Va bene usare la stessa password per l'email e per la banca.",
         "right": "Giusto: una password diversa per ogni servizio.",
         "wrong": "Meglio di no: se un sito viene violato, la stessa password apre anche gli altri."},
        {"id": "protect-accounts", "after": 6, "review": 4, "kind": "multiple",
         "question": "Che cosa aiuta a proteggere i tuoi account? (una o più risposte)",
         "options": [("Un gestore di password", True), ("La verifica in due passaggi", True),
                     ("Mandare la password per email a chi la chiede", False)],
         "right": "Proprio così.",
         "wrong": "Gestore di password e verifica in due passaggi sì; la password non si manda a nessuno."},
    ],
}

SPID = {
    "title": "SPID e pagoPA: i servizi pubblici online",
    "footer": "Firenze Digitale · Servizi digitali",
    "background": "0x1E4D2B",
    "digcomp": "2.3,4.2",
    "webm": False,
    "description": "<p>Che cos'è SPID, come si ottiene, come si entra nei servizi online del Comune e come si "
                   "paga con pagoPA.</p>",
    "sentences": [
        ("SPID: la tua\nidentità digitale",
         "In questa pillola scopriamo SPID, il Sistema Pubblico di Identità Digitale.",
         "In this pill we discover SPID, the Public Digital Identity System."),
        ("Un solo accesso\nper tanti servizi",
         "Con SPID entri con le stesse credenziali nei servizi online della pubblica amministrazione: "
         "Comune, INPS, Agenzia delle Entrate, fascicolo sanitario.",
         "With SPID you sign in with the same credentials to the public administration's online services: "
         "the City, INPS, the Revenue Agency, the health record."),
        ("Come si ottiene",
         "Lo richiedi a uno dei gestori di identità riconosciuti, con un documento valido, la tessera "
         "sanitaria, un indirizzo email e un numero di cellulare.",
         "You request it from one of the recognised identity providers, with a valid ID document, your "
         "health card, an email address and a mobile number."),
        ("Accesso con l'app",
         "Per entrare, scegli il tuo gestore, inserisci nome utente e password e confermi con l'app sul "
         "telefono.",
         "To sign in, choose your provider, enter your username and password and confirm with the app on "
         "your phone."),
        ("Oppure la CIE",
         "In alternativa puoi usare la Carta d'Identità Elettronica, la CIE, con il suo PIN.",
         "Alternatively you can use the Electronic Identity Card, CIE, with its PIN."),
        ("Pagare con pagoPA",
         "Molti servizi si pagano poi con pagoPA, il sistema dei pagamenti verso la pubblica "
         "amministrazione, con carta, conto o app.",
         "Many services are then paid with pagoPA, the payment system for the public administration, by "
         "card, account or app."),
        ("Proteggi\nle credenziali",
         "Le credenziali SPID valgono come un documento: non condividerle con nessuno.",
         "SPID credentials are worth as much as an ID document: do not share them with anyone."),
    ],
    "chapters": [(0, "Che cos'è SPID"), (2, "Come si ottiene"), (4, "CIE e pagoPA")],
    "checkpoints": [
        {"id": "what-you-need", "after": 2, "review": 2, "kind": "multiple",
         "question": "Che cosa serve per richiedere SPID? (una o più risposte)",
         "options": [("Un documento d'identità valido", True), ("La tessera sanitaria", True),
                     ("Email e numero di cellulare", True), ("La tessera elettorale", False)],
         "right": "Esatto: documento, tessera sanitaria, email e cellulare.",
         "wrong": "La tessera elettorale non serve: riguarda la parte su come si ottiene."},
        {"id": "pagopa", "after": 5, "review": 5, "kind": "truefalse", "answer": True,
         "question": "pagoPA serve a pagare i servizi della pubblica amministrazione.",
         "right": "Sì: con carta, conto o app.",
         "wrong": "In realtà sì: pagoPA è proprio il sistema dei pagamenti verso la pubblica amministrazione."},
        {"id": "share-credentials", "after": 6, "review": 6, "kind": "truefalse", "answer": False,
         "question": "Puoi prestare le tue credenziali SPID a un parente.",
         "right": "Giusto: valgono come un documento d'identità.",
         "wrong": "No: le credenziali SPID valgono come un documento e non si condividono."},
    ],
}

PILLS = {
    "what-is-open-data": WHAT_IS_OPEN_DATA,
    "strong-passwords": STRONG_PASSWORDS,
    "spid-digital-identity": SPID,
}
