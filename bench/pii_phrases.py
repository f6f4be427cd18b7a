"""Sentences for the synthetic drafts: ``{}`` marks where a value goes.

``PII_PHRASES[(kind, language)]`` carry personal data, ``LOOKALIKE_PHRASES[(label,
language)]`` carry look-alikes, and ``OPENERS`` / ``CLOSERS`` frame a draft by genre.
Norwegian ("nb") and Danish ("da") have the few kinds their drafts use.
"""

from __future__ import annotations

PII_PHRASES: dict[tuple[str, str], list[str]] = {
    ("personnummer", "sv"): [
        "Min pappas personnummer är {} om ni behöver söka upp ärendet.",
        "Skicka beslutet till {}, det är min dotters personnummer.",
        "Jag har skrivit {} på blanketten men fått fel svar två gånger.",
        "Kan någon kolla {}? Systemet säger att jag inte finns.",
        "Pnr: {} (gäller anmälan till simskolan)",
        "Hon heter Astrid Berg, {}, och har väntat i tre veckor.",
        "Registrerad på {} sedan i våras men inget kort har kommit.",
    ],
    ("personnummer", "en"): [
        "My Swedish personal identity number is {} if that helps.",
        "Booking reference is under {} (my personnummer).",
        "Could you check {}? Your site says the number is unknown.",
        "Patient: Erik Holm, {}, admitted Monday.",
    ],
    ("samordningsnummer", "sv"): [
        "Jag har samordningsnummer {} och kan inte logga in med BankID.",
        "Min kollega fick {} i går men Skatteverket har inte registrerat det.",
        "Samordningsnr {}, kan ni uppdatera min adress?",
        "Anmälan gjordes på {} men ingen bekräftelse har kommit.",
    ],
    ("samordningsnummer", "en"): [
        "I only have a coordination number, {}, so the form rejects me.",
        "My samordningsnummer is {} and the app will not accept it.",
    ],
    ("fodselsnummer", "nb"): [
        "Fødselsnummeret mitt er {} hvis dere trenger det.",
        "Kan dere sjekke saken på {}? Jeg har ikke fått svar.",
        "Sønnen min, {}, står fortsatt ikke på listen.",
    ],
    ("fodselsnummer", "sv"): ["Min norska kollega har fødselsnummer {} och behöver hjälp."],
    ("fodselsnummer", "en"): [
        "My Norwegian national ID number is {} in case you need it.",
        "Registered in Bergen under {} but the letter never arrived.",
    ],
    ("cpr", "da"): [
        "Mit CPR-nummer er {}, kan I tjekke sagen?",
        "Min datter har CPR-nr. {} og står ikke på listen.",
        "Sagen er oprettet på {} men jeg har ikke hørt noget.",
    ],
    ("cpr", "sv"): ["Hans danska CPR-nummer är {} om det behövs."],
    ("cpr", "en"): [
        "My Danish CPR number is {} and the portal rejects it.",
        "She is registered in Copenhagen, CPR {}.",
    ],
    ("phone", "sv"): [
        "Ring mig på {} så löser vi det.",
        "Du når Karin direkt på {} mellan nio och tolv.",
        "Frågor? Slå en signal till {}!",
        "Mitt nummer är {}, sms:a gärna.",
        "Kontakta växeln ({}) om du inte kommer fram.",
        "Tel {}",
        "Hör av dig till Johan, {}.",
    ],
    ("phone", "en"): [
        "Call me on {} and we can sort it out.",
        "You can reach our Stockholm desk at {} on weekdays.",
        "Text {} if the link does not work.",
        "My mobile is {}, ring any time after five.",
        "Phone: {}",
    ],
    ("phone", "nb"): ["Ring meg på {} så ordner vi det.", "Du når oss på {} hverdager."],
    ("phone", "da"): ["Ring til mig på {} så finder vi ud af det.", "I kan fange mig på {}."],
    ("email", "sv"): [
        "Mejla mig på {} så skickar jag underlagen.",
        "Skicka ansökan till {} senast på fredag.",
        "Frågor om schemat besvaras av {}.",
        "Min privata mejl är {}, använd den hellre.",
    ],
    ("email", "en"): [
        "Drop me a line at {} and I will send the slides.",
        "Send your application to {} by Friday.",
        "Questions go to {} (not the general inbox).",
    ],
    ("email", "nb"): ["Send en e-post til {} så hjelper vi deg."],
    ("email", "da"): ["Skriv til {} så vender vi tilbage."],
    ("iban", "sv"): [
        "Sätt in pengarna på IBAN {} så ordnar vi resten.",
        "Gåvor från utlandet går till {}.",
        "Kontonummer för återbetalningen: {}",
        "Betala till {} och märk betalningen med ditt namn.",
    ],
    ("iban", "en"): [
        "Please transfer the refund to {}.",
        "Our IBAN is {} for payments from abroad.",
        "Wire the deposit to {} before Monday.",
    ],
    ("iban", "nb"): ["Betal til kontonummer {} innen fredag."],
    ("iban", "da"): ["Indbetal beløbet på {} senest fredag."],
    ("bankgiro", "sv"): [
        "Swisha eller sätt in på bankgiro {}.",
        "Medlemsavgiften betalas till bg {} senast 31 januari.",
        "Bankgironummer: {}",
        "Stöd insamlingen via Bankgiro {}!",
        "Betala till BG {} och ange ditt namn.",
    ],
    ("bankgiro", "en"): ["Donations can be paid to bankgiro {}."],
    ("plusgiro", "sv"): [
        "Ge en gåva på plusgiro {}.",
        "Avgiften betalas in på pg {}.",
        "PlusGiro: {} (märk med Vårfest)",
        "Insamlingen har plusgironummer {}.",
    ],
    ("plusgiro", "en"): ["Donate via plusgiro {} in Sweden."],
    ("payment_card", "sv"): [
        "Jag betalade med kortet {} och blev dragen två gånger.",
        "Kortnummer {}, kan ni spärra det?",
        "Beloppet drogs från {} trots att ordern avbröts.",
    ],
    ("payment_card", "en"): [
        "I paid with card {} and was charged twice.",
        "The charge on {} still has not been refunded.",
        "Card number {} - can you cancel the duplicate payment?",
    ],
    ("payment_card", "nb"): ["Jeg betalte med kortet {} og ble trukket to ganger."],
    ("payment_card", "da"): ["Jeg betalte med kortet {} og blev trukket to gange."],
    ("address", "sv"): [
        "Paketet ska till {}, inte till kontoret.",
        "Vi bor på {} och sophämtningen har missat oss igen.",
        "Skicka fakturan till {}.",
        "Hämta nyckeln hos Lena på {}.",
        "Ny adress från 1 mars: {}",
    ],
    ("address", "en"): [
        "Please send the parcel to {} instead.",
        "The flat at {} has had no hot water since Sunday.",
        "Our new office is at {}.",
    ],
}

LOOKALIKE_PHRASES: dict[tuple[str, str], list[str]] = {
    ("date", "sv"): ["Sista anmälningsdag är {}.", "Beslutet fattades {} i nämnden.",
                     "Uppdaterad {}"],
    ("date", "en"): ["The deadline is {}.", "Updated on {} after your feedback."],
    ("date_range", "sv"): ["Utställningen pågår {}.", "Vägen är avstängd {} på grund av arbete."],
    ("date_range", "en"): ["The exhibition runs {}.", "Roadworks are planned for {}."],
    ("order_number", "sv"): ["Gäller ordernummer {}.", "Ditt ordernr är {}, spara det.",
                             "Referens: {}"],
    ("order_number", "en"): ["Your order number is {}.", "Reference {} - keep it for returns."],
    ("ticket_number", "sv"): ["Vi har lagt upp ärende {} åt dig.", "Ärendenummer: {}"],
    ("ticket_number", "en"): ["We have opened ticket {} for you.", "Case {} is now closed."],
    ("register_number", "sv"): ["Beslutet har diarienummer {}.", "Se handlingen {} i diariet.",
                                "Ange {} när du hör av dig."],
    ("register_number", "en"): ["The decision is filed as {}.", "Quote {} when you write."],
    ("sfs", "sv"): ["Enligt offentlighets- och sekretesslagen ({}) gäller sekretess.",
                    "Reglerna finns i {}."],
    ("sfs", "en"): ["This follows the Swedish act {}."],
    ("isbn", "sv"): ["Boken har ISBN {} och finns på biblioteket.", "Beställ ISBN {} i kassan."],
    ("isbn", "en"): ["The book is ISBN {} if you want to order it."],
    ("money", "sv"): ["Biljetten kostar {}.", "Projektet har fått {} i stöd.",
                      "Insamlingen har nått {}!"],
    ("money", "en"): ["Tickets cost {}.", "We raised {} this year!"],
    ("version", "sv"): ["Uppdatera appen till {} så försvinner felet.",
                        "Felet gäller {} och äldre."],
    ("version", "en"): ["Please update to {} to fix the bug.", "This affects {} only."],
    ("orgnr", "sv"): ["Föreningen har organisationsnummer {}.", "Org.nr {}",
                      "Fakturera Norrviken AB, {}."],
    ("orgnr", "en"): ["Our company registration number is {}."],
    ("invalid_personnummer", "sv"): ["Kundnumret {} finns inte i systemet.",
                                     "Avtalsnummer {} har upphört."],
    ("invalid_personnummer", "en"): ["Customer number {} was not found."],
    ("time", "sv"): ["Vi har öppet {} i dag.", "Mötet börjar {}.", "Receptionen är bemannad {}."],
    ("time", "en"): ["The meeting starts at {}.", "Doors open {}."],
    ("postcode", "sv"): ["Alla hushåll med postnummer {} berörs.", "Gäller postnummer {} och {}."],
    ("postcode", "en"): ["Households in postcode {} are affected."],
    ("percent", "sv"): ["Andelen ökade med {} förra året.", "Hela {} svarade ja!"],
    ("percent", "en"): ["Turnout rose by {}.", "Only {} said no."],
    ("count", "sv"): ["I år kom {} till festivalen.", "Vi har passerat {}!"],
    ("count", "en"): ["We passed {} this week!", "Last year {} joined us."],
    ("date", "nb"): ["Fristen er {}."], ("date", "da"): ["Fristen er {}."],
    ("time", "nb"): ["Vi har åpent {} i dag."], ("time", "da"): ["Vi har åbent {} i dag."],
    ("money", "nb"): ["Billetten koster {}."], ("money", "da"): ["Billetten koster {}."],
    ("count", "nb"): ["I fjor kom {}."], ("count", "da"): ["Sidste år kom {}."],
}

OPENERS: dict[tuple[str, str], list[str]] = {
    ("service", "sv"): ["Hej och tack för att du hörde av dig!", "Hej Anna! Vi beklagar strulet.",
                        "Tack för ditt meddelande."],
    ("service", "en"): ["Hi, thanks for reaching out!", "Hello Mark, sorry for the trouble.",
                        "Thanks for your message."],
    ("municipality", "sv"): ["Information från kommunen:", "Viktigt för boende i centrum!",
                             "Nu är det dags igen."],
    ("municipality", "en"): ["A notice from the council:", "Important for residents:"],
    ("colleague", "sv"): ["Grattis till hela teamet!", "Så roligt att vara tillbaka på jobbet.",
                          "Tack alla som kom i går!"],
    ("colleague", "en"): ["Huge thanks to the whole team!", "Great to be back at work."],
    ("event", "sv"): ["Välkommen till höstens stora träff!", "Boka in kvällen redan nu!"],
    ("event", "en"): ["Join us for our autumn meetup!", "Save the date!"],
    ("any", "nb"): ["Hei, takk for at du tok kontakt!", "Velkommen til høstmøtet!"],
    ("any", "da"): ["Hej, tak fordi du skrev!", "Velkommen til efterårsmødet!"],
}

CLOSERS: dict[str, list[str]] = {
    "sv": ["Ha en fin dag!", "Vänliga hälsningar, kundtjänst", "Välkomna!", "/Maria",
           "Hör av dig om något är oklart.", "#kommun #information", ""],
    "en": ["Have a great day!", "Best, the support team", "See you there!", "#teamwork", ""],
    "nb": ["Ha en fin dag!", "Hilsen kundeservice", ""],
    "da": ["Hav en god dag!", "Venlig hilsen kundeservice", ""],
}

# Names, domains and places for e-mail addresses and street addresses.
FIRST = ["anna", "erik", "karin", "lars", "maria", "johan", "sara", "per", "emma", "ali",
         "fatima", "mikael", "linnea", "oskar", "ingrid", "james", "sophie", "olav", "mette"]
LAST = ["svensson", "lindqvist", "andersson", "berg", "nilsson", "hassan", "johansson",
        "karlsson", "ek", "smith", "taylor", "hansen", "nielsen", "holm", "oberg"]
DOMAINS = ["gmail.com", "hotmail.com", "outlook.com", "telia.com", "live.se", "bredband.net",
           "norrviken.se", "kommun.example.se", "vardcentralen-ost.se", "firma.co.uk",
           "post.example.org", "online.no", "mail.dk", "icloud.com", "foretaget.nu"]
STREETS = ["Storgatan", "Kungsvägen", "Drottninggatan", "Lilla Nygatan", "Östra Hamngatan",
           "Vasagatan", "Sveavägen", "Södra Förstadsgatan", "Järnvägsgatan", "Skolgatan",
           "Kyrkogatan", "Björkvägen", "Tallstigen", "Stora Nygatan", "Hantverkargatan",
           "Norra Vallgatan", "Ringvägen", "Åsgränd", "Ekbacken", "Sjöviksvägen"]
TOWNS = [("Stockholm", "1"), ("Göteborg", "4"), ("Malmö", "2"), ("Uppsala", "75"),
         ("Linköping", "58"), ("Umeå", "90"), ("Lund", "22"), ("Västerås", "72"),
         ("Örebro", "70"), ("Sundsvall", "85"), ("Luleå", "97"), ("Kalmar", "39")]
