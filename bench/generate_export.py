#!/usr/bin/env python3
"""Write a large synthetic WhatsApp chat export for the throughput benchmark.

The file follows shared/design/research/export-formats.md sections 2-4:

  android  `15.04.23, 14:03 - Name: text` (de) or `4/15/23, 2:03\u202fPM - Name: text` (en),
           LF everywhere, system notices without an author, media as
           `IMG-20230415-WA0007.jpg (Datei angehängt)` or `<Medien ausgeschlossen>`.
  ios      `[18.04.23, 09:41:07] Name: text` (de) or `[4/18/23, 9:41:07\u202fAM] Name: text` (en),
           CR LF after every message, bare LF inside multi-line messages, notices sent as the
           group, U+200E before `[` and at the body start of media lines
           (`\u200e<attached: 00000012-PHOTO-2023-04-18-09-45-12.jpg>`).

Every person, company and number is invented. Planted values (IBANs for DE/AT/NL/GB with
MOD 97-10 check digits, Visa/Mastercard numbers with a Luhn check digit) appear about once per
2,000 messages, near-misses with a wrong checksum about once per 4,000. The counts go to
stderr and, with --stats-json, to a file.

Speed: message bodies are rendered once into a pool; the per-message work is a list
comprehension that glues cached date, time, sender and body strings, and the output is written
in chunks of 50,000 messages. The same arguments always give the same bytes.
"""

import argparse
import datetime
import itertools
import json
import random
import re
import sys
import time

CHUNK_MESSAGES = 50_000
POOL_SIZE = 40_000
LRM = "\u200e"
NNBSP = "\u202f"

FIRST_NAMES = [
    "Almut", "Bendix", "Carlotta", "Dorian", "Elske", "Fenja", "Gisbert", "Hanno", "Ilvy",
    "Jorin", "Kaja", "Lanvin", "Merle", "Nevio", "Oda", "Pirmin", "Quirin", "Rieke", "Silas",
    "Tjorven", "Ulla", "Veit",
]
LAST_NAMES = [
    "Achterberg", "Brünnich", "Carstensen", "Dallmeyer", "Eschweiler", "Faltermaier", "Gößling",
    "Hollerbach", "Ibendorf", "Jürgensmeier", "Kleinholz", "Lüttgenau", "Mörsberger",
    "Nettelbeck", "Oberdiek", "Pfannstiel", "Quandtmann", "Rübenkamp", "Sölling",
]

# ---------------------------------------------------------------------------------------------
# Language data: text fragments, markers and notices (export-formats.md section 4).

LANG = {
    "de": {
        "group": "Werkstatt Sommerfeld",
        "short": [
            "ok", "Ok 👍", "Danke!", "Danke dir 🙏", "Ja", "Nein", "Passt", "Super, danke!",
            "Bin gleich da", "Komme 5 Min später", "😂😂", "👍", "Alles klar", "Gute Nacht 😴",
            "Morgen!", "Guten Morgen ☀️", "Mach ich", "Klar", "Hm, schwierig", "Genau",
            "Stimmt", "Wie immer 🙈", "Bis später", "Läuft", "Prima", "Oh nein 😱", "Jep",
            "Schön 😊", "Sorry!", "Geht klar", "Wer übernimmt?", "Ich", "Erledigt ✅",
        ],
        "sentence": [
            "Kannst du bitte {thing} mitbringen?",
            "Ich hab {thing} für {price} bekommen, war im Angebot.",
            "Der Termin am {date} um {clock} Uhr klappt bei mir.",
            "Das Paket mit der Bestellnummer {order} ist heute gekommen.",
            "Ruf mich einfach unter {phone} an, bin bis {clock} Uhr erreichbar.",
            "Die Rechnung über {price} liegt im Büro auf dem Schreibtisch.",
            "Treffen wir uns am {date} vor der Bäckerei?",
            "Hat jemand {thing} gesehen? Ich finde es nirgends 🙈",
            "Schöne Grüße von {first}, sie kommt später nach.",
            "Die Lieferung verschiebt sich leider auf den {date}.",
            "Habt ihr schon gehört, dass die Straße ab {date} gesperrt ist?",
            "Ich übernehme die Spätschicht, {first} macht die Frühschicht.",
            "Das Ersatzteil kostet {price} plus Versand, Lieferzeit etwa {num} Tage.",
            "Für die Feier brauchen wir noch {num} Stühle und {thing}.",
            "Kurze Info: Der Kühlschrank im Lager ist wieder kaputt.",
            "Ich bin heute im Homeoffice, erreichbar unter {phone}.",
            "Wer kann am Samstag die Schlüssel abholen?",
            "Die Kundin mit Auftrag {order} fragt nach dem Liefertermin.",
            "Bitte denkt an die Inventur am {date} ab {clock} Uhr.",
            "Der neue Drucker steht jetzt im Flur, Zugangscode {num}.",
            "Ich hab {thing} in den Kofferraum gelegt.",
            "Die Größe {num} war leider ausverkauft, ich hab die nächste genommen.",
            "Über Ostern haben wir nur bis {clock} Uhr offen.",
            "Frau {last} hat angerufen, sie braucht das Angebot bis {date}.",
            "Müssen wir die Überstunden noch eintragen?",
            "Das Wetter soll am Wochenende schön werden ☀️",
            "Können wir das nächste Woche besprechen? Heute wird es knapp.",
            "Im Anhang die Fotos von der Baustelle, sieht gut aus.",
            "Gesamtpreis {price}, inklusive Montage und Anfahrt.",
            "Tracking: Sendung {parcel} ist im Zustellfahrzeug.",
            "Ich hab die Rückerstattung über {price} bekommen.",
            "Die Ware für Bestellung {order} ist beschädigt angekommen 😕",
            "Mein Zug hat {num} Minuten Verspätung, fangt ohne mich an.",
            "Grüße aus dem Urlaub! Hier sind es {num} Grad 🌴",
            "Kannst du für mich den Müll rausbringen? Ich schaff es heute nicht.",
            "Termin beim Steuerberater ist am {date}, Unterlagen liegen bereit.",
            "Wir sind zu {num}, reicht der große Tisch?",
            "Hat jemand ein Ladekabel für {thing}?",
            "Angebot Nr. {offer} ist bis {date} gültig.",
            "Zählerstand heute: {meter} kWh.",
        ],
        "things": [
            "die Leiter", "den Akkuschrauber", "zwei Kisten Wasser", "die Schlüssel", "Brötchen",
            "das Ladegerät", "die Ordner", "Kabelbinder", "den Beamer", "Kuchen", "Müllsäcke",
            "die Warnwesten", "Kaffeebohnen", "Klebeband", "das Lastenrad",
        ],
        "bullet": "– ",
        "edited": " <Diese Nachricht wurde bearbeitet>",
        "deleted": ["Diese Nachricht wurde gelöscht", "Du hast diese Nachricht gelöscht"],
        "deleted_ios": [LRM + "Diese Nachricht wurde gelöscht.",
                        LRM + "Du hast diese Nachricht gelöscht."],
        "call": ["Verpasster Sprachanruf", "Verpasster Videoanruf"],
        "location": "Standort: https://maps.google.com/?q={lat},{lon}",
        "location_ios": LRM + "Standort: https://maps.google.com/?q={lat},{lon}",
        "omitted_android": ["<Medien ausgeschlossen>"],
        "omitted_ios": ["Bild weggelassen", "Video weggelassen", "Audio weggelassen",
                        "Sticker weggelassen", "GIF weggelassen"],
        "attached_android": "{file} (Datei angehängt)",
        "attached_ios": "<Anhang: {file}>",
        "captions": ["Das ist der Grundriss", "Schau mal 😍", "Vorher / nachher",
                     "Lieferschein", "Die Stelle meine ich"],
        "e2e": ("Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt. Niemand außerhalb dieses "
                "Chats kann sie lesen oder anhören, nicht einmal WhatsApp."),
        "e2e_android_tail": " Tippe, um mehr zu erfahren.",
        "created": "{a} hat die Gruppe \u201e{g}\u201c erstellt",
        "notices": [
            "{a} hat {b} hinzugefügt",
            "{a} hat die Gruppe verlassen",
            "{a} hat {b} entfernt",
            "{a} hat den Betreff von \u201e{g}\u201c zu \u201e{g} 2\u201c geändert",
            "Die Sicherheitsnummer von {a} hat sich geändert.",
            "{a} ist dieser Gruppe mit dem Einladungslink beigetreten",
        ],
        "iban_ctx": [
            "Meine IBAN: {v}",
            "Bitte überweis das an {v}, danke!",
            "Kontoverbindung für die Kaution:\n{v}\nKontoinhaber {name}",
            "IBAN {v} (Sparkasse)",
            "{v}",
            "Hier die Bankverbindung {v} – Verwendungszweck Rechnung {order}",
            "Die Lastschrift geht vom Konto {v} ab.",
            "Kannst du die {price} auf {v} überweisen?",
        ],
        "card_ctx": [
            "Meine Kreditkarte ist {v}, gültig bis {mm}/{yy}",
            "Karte: {v}",
            "Kannst du mit {v} bezahlen? CVC schick ich separat",
            "Visa {v} ablaufdatum {mm}/{yy}",
            "Hier die Kartennummer für die Buchung:\n{v}\nAuf {name}",
            "{v}",
        ],
    },
    "en": {
        "group": "Sommerfeld Workshop",
        "short": [
            "ok", "Ok 👍", "Thanks!", "Thank you 🙏", "Yes", "No", "Fine", "Great, thanks!",
            "On my way", "5 min late", "😂😂", "👍", "Sure", "Good night 😴", "Morning!",
            "Good morning ☀️", "Will do", "Got it", "Hmm, tricky", "Exactly", "True",
            "As always 🙈", "See you later", "Done ✅", "Nice 😊", "Sorry!", "Oh no 😱", "Yep",
            "Who's taking it?", "Me", "Perfect",
        ],
        "sentence": [
            "Can you please bring {thing}?",
            "Got {thing} for {price}, it was on sale.",
            "The appointment on {date} at {clock} works for me.",
            "The parcel with order number {order} arrived today.",
            "Just call me on {phone}, I'm around until {clock}.",
            "The invoice for {price} is on the desk in the office.",
            "Shall we meet in front of the bakery on {date}?",
            "Has anyone seen {thing}? Can't find it anywhere 🙈",
            "Greetings from {first}, she'll come later.",
            "Delivery has been pushed back to {date}, unfortunately.",
            "Did you hear the road is closed from {date}?",
            "I'll take the late shift, {first} does the early one.",
            "The spare part is {price} plus shipping, about {num} days.",
            "For the party we still need {num} chairs and {thing}.",
            "Quick note: the fridge in the storeroom is broken again.",
            "Working from home today, reachable on {phone}.",
            "Who can pick up the keys on Saturday?",
            "The customer with order {order} is asking about the delivery date.",
            "Please remember the stocktake on {date} from {clock}.",
            "The new printer is in the hallway now, access code {num}.",
            "I put {thing} in the boot.",
            "Size {num} was sold out, I took the next one.",
            "Over Easter we close at {clock}.",
            "Mrs {last} called, she needs the quote by {date}.",
            "Do we still need to log the overtime?",
            "Weather is supposed to be nice at the weekend ☀️",
            "Can we discuss this next week? Today is tight.",
            "Attached the photos from the site, looks good.",
            "Total {price}, including fitting and travel.",
            "Tracking: parcel {parcel} is out for delivery.",
            "I got the refund of {price}.",
            "The goods for order {order} arrived damaged 😕",
            "My train is {num} minutes late, start without me.",
            "Greetings from holiday! It's {num} degrees here 🌴",
            "Could you take the bins out for me? I won't make it today.",
            "Meeting with the accountant is on {date}, documents are ready.",
            "We're {num} people, is the big table enough?",
            "Anyone got a charger for {thing}?",
            "Quote no. {offer} is valid until {date}.",
            "Meter reading today: {meter} kWh.",
        ],
        "things": [
            "the ladder", "the drill", "two crates of water", "the keys", "bread rolls",
            "the charger", "the folders", "cable ties", "the projector", "cake", "bin bags",
            "the hi-vis vests", "coffee beans", "tape", "the cargo bike",
        ],
        "bullet": "- ",
        "edited": " <This message was edited>",
        "deleted": ["This message was deleted", "You deleted this message"],
        "deleted_ios": [LRM + "This message was deleted.", LRM + "You deleted this message."],
        "call": ["Missed voice call", "Missed video call"],
        "location": "location: https://maps.google.com/?q={lat},{lon}",
        "location_ios": LRM + "Location: https://maps.google.com/?q={lat},{lon}",
        "omitted_android": ["<Media omitted>"],
        "omitted_ios": ["image omitted", "video omitted", "audio omitted", "sticker omitted",
                        "GIF omitted"],
        "attached_android": "{file} (file attached)",
        "attached_ios": "<attached: {file}>",
        "captions": ["That's the floor plan", "Look at this 😍", "Before / after",
                     "Delivery note", "This is the spot I mean"],
        "e2e": ("Messages and calls are end-to-end encrypted. No one outside of this chat, not "
                "even WhatsApp, can read or listen to them."),
        "e2e_android_tail": " Tap to learn more.",
        "created": "{a} created group \u201c{g}\u201d",
        "notices": [
            "{a} added {b}",
            "{a} left",
            "{a} removed {b}",
            "{a} changed the subject from \u201c{g}\u201d to \u201c{g} 2\u201d",
            "{a}'s security code changed. Tap for more info.",
            "{a} joined using this group's invite link",
        ],
        "iban_ctx": [
            "My IBAN: {v}",
            "Please transfer it to {v}, thanks!",
            "Bank details for the deposit:\n{v}\nAccount holder {name}",
            "IBAN {v} (savings)",
            "{v}",
            "Here are the bank details {v} - reference invoice {order}",
            "The direct debit comes from account {v}.",
            "Can you send the {price} to {v}?",
        ],
        "card_ctx": [
            "My credit card is {v}, valid until {mm}/{yy}",
            "Card: {v}",
            "Can you pay with {v}? I'll send the CVC separately",
            "Visa {v} expiry {mm}/{yy}",
            "Here's the card number for the booking:\n{v}\nName {name}",
            "{v}",
        ],
    },
}

# ---------------------------------------------------------------------------------------------
# Checksums


def iban_check_digits(country, bban):
    """MOD 97-10 (ISO 7064): the two digits that make the rearranged IBAN = 1 mod 97."""
    rearranged = bban + country + "00"
    number = int("".join(str(int(c, 36)) for c in rearranged))
    return "%02d" % (98 - number % 97)


def luhn_check_digit(payload):
    """The digit that makes payload + digit pass the Luhn check."""
    total = 0
    for i, ch in enumerate(reversed(payload)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def luhn_ok(number):
    return luhn_check_digit(number[:-1]) == number[-1]


def iban_ok(iban):
    compact = iban.replace(" ", "").upper()
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(c, 36)) for c in rearranged)) % 97 == 1


# ---------------------------------------------------------------------------------------------
# Value generators (planted values and noise)

UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def digits(rnd, n):
    return "%0*d" % (n, rnd.randrange(10 ** n))


def make_bban(rnd, country):
    if country == "DE":
        return digits(rnd, 8) + digits(rnd, 10)
    if country == "AT":
        return digits(rnd, 5) + digits(rnd, 11)
    if country == "NL":
        return "".join(rnd.choice(UPPER) for _ in range(4)) + digits(rnd, 10)
    return "".join(rnd.choice(UPPER) for _ in range(4)) + digits(rnd, 6) + digits(rnd, 8)  # GB


# The payment-card pattern of patterns/financial.toml (ASCII boundaries), to keep card numbers
# out of IBANs: "AT10 4413 1755 6688 9476" holds a 4-4-4-4 digit run that may pass Luhn.
CARD_CANDIDATE = re.compile(r"(?:^|(?<=[^0-9A-Za-z+]))"
                            r"([0-9]{4}(?:[ \-][0-9]{4}){3}(?:[ \-][0-9]{1,3})?"
                            r"|[0-9]{4}[ \-][0-9]{6}[ \-][0-9]{5}|[0-9]{12,19})"
                            r"(?=$|[^0-9A-Za-z])")


def hides_card(text):
    """True if a card-pattern match in text, or one cut before a separator, passes Luhn."""
    for m in CARD_CANDIDATE.finditer(text):
        value = m.group(1)
        cuts = [value] + [value[:i] for i in range(len(value) - 1, 0, -1) if value[i] in " -"]
        for cut in cuts:
            number = cut.replace(" ", "").replace("-", "")
            if 12 <= len(number) <= 19 and luhn_ok(number):
                return True
    return False


def make_iban(rnd, valid):
    while True:
        text = make_iban_text(rnd, valid)
        if not hides_card(text):
            return text


def make_iban_text(rnd, valid):
    country = rnd.choice(("DE", "DE", "DE", "AT", "NL", "GB"))
    bban = make_bban(rnd, country)
    check = iban_check_digits(country, bban)
    if not valid:
        wrong = check
        while wrong == check:
            wrong = "%02d" % rnd.randint(2, 98)
        check = wrong
    compact = country + check + bban
    style = rnd.random()
    if style < 0.60:
        text = " ".join(compact[i:i + 4] for i in range(0, len(compact), 4))
    elif style < 0.95:
        text = compact
    else:
        text = " ".join(compact[i:i + 4] for i in range(0, len(compact), 4)).lower()
    assert iban_ok(text) == valid
    return text


def make_card(rnd, valid):
    prefix = "4" if rnd.random() < 0.6 else "5" + rnd.choice("12345")
    payload = prefix + digits(rnd, 15 - len(prefix))
    check = luhn_check_digit(payload)
    if not valid:
        check = str((int(check) + rnd.randint(1, 9)) % 10)
    number = payload + check
    style = rnd.random()
    if style < 0.5:
        text = " ".join(number[i:i + 4] for i in range(0, 16, 4))
    elif style < 0.8:
        text = number
    else:
        text = "-".join(number[i:i + 4] for i in range(0, 16, 4))
    assert luhn_ok(number) == valid
    return text


class NoiseValues(dict):
    """Slot fillers for ordinary messages: prices, dates, phone-like and order numbers, made
    on first use (str.format_map looks up only the slots a template has).

    None of them can pass the IBAN or card validators: phone numbers start with + or 0 and are
    grouped unlike cards, order numbers are dash-grouped 3-7-7 or start with letters that are
    no IBAN country (AB, KD, RX), parcel numbers have 20 digits."""

    def __init__(self, rnd, lang, extra=None):
        super().__init__(extra or {})
        self.rnd = rnd
        self.de = lang == "de"

    def __missing__(self, key):
        value = getattr(self, "_" + key)()
        self[key] = value
        return value

    def _price(self):
        rnd = self.rnd
        euros = rnd.randint(1, 99) if rnd.random() < 0.5 else rnd.randint(100, 2500)
        cents = rnd.choice((0, 0, 50, 99, rnd.randint(1, 99)))
        if self.de:
            return "{:,}".format(euros).replace(",", ".") + ",%02d €" % cents
        return "£{:,}.{:02d}".format(euros, cents)

    def _date(self):
        rnd = self.rnd
        day, month = rnd.randint(1, 28), rnd.randint(1, 12)
        if rnd.random() < 0.3:
            year = rnd.randint(16, 25)
            return ("%02d.%02d.20%02d" % (day, month, year)) if self.de else \
                   ("%d/%d/20%02d" % (month, day, year))
        return ("%d.%d." % (day, month)) if self.de else ("%d/%d" % (month, day))

    def _clock(self):
        return "%d:%02d" % (self.rnd.randint(7, 19), self.rnd.choice((0, 15, 30, 45)))

    def _phone(self):
        rnd = self.rnd
        kind = rnd.randrange(4)
        if kind == 0:
            return "+49 1%d%d %s" % (rnd.randint(5, 7), rnd.randint(0, 9), digits(rnd, 7))
        if kind == 1:
            return "01%d%d %s" % (rnd.randint(5, 7), rnd.randint(0, 9), digits(rnd, 8))
        if kind == 2:
            return "+44 7700 900%s" % digits(rnd, 3)
        return "030 %s %s" % (digits(rnd, 3), digits(rnd, 4))

    def _order(self):
        rnd = self.rnd
        kind = rnd.randrange(3)
        if kind == 0:
            return "%s-%s-%s" % (digits(rnd, 3), digits(rnd, 7), digits(rnd, 7))
        if kind == 1:
            return "%s%s %s %s %s" % (rnd.choice(("AB", "KD", "RX")), digits(rnd, 2),
                                      digits(rnd, 4), digits(rnd, 4), digits(rnd, 4))
        return "#%s" % digits(rnd, 6)

    def _parcel(self):
        return "00340434%s" % digits(self.rnd, 12)

    def _offer(self):
        return "%s/%s" % (digits(self.rnd, 4), digits(self.rnd, 3))

    def _meter(self):
        return str(self.rnd.randint(1000, 99999))

    def _num(self):
        rnd = self.rnd
        return str(rnd.randint(2, 12) if rnd.random() < 0.5 else rnd.randint(13, 99))


# ---------------------------------------------------------------------------------------------
# Message pool


def fill(rnd, template, data, names):
    values = NoiseValues(rnd, data["lang"], {
        "thing": rnd.choice(data["things"]), "first": rnd.choice(FIRST_NAMES),
        "last": rnd.choice(LAST_NAMES), "name": rnd.choice(names)})
    return template.format_map(values)


def make_body(rnd, data, names, layout):
    """One ordinary message body (no EOL). About 10 % are multi-line."""
    r = rnd.random()
    if r < 0.30:
        body = rnd.choice(data["short"])
    elif r < 0.75:
        body = fill(rnd, rnd.choice(data["sentence"]), data, names)
    elif r < 0.90:
        body = " ".join(fill(rnd, rnd.choice(data["sentence"]), data, names)
                        for _ in range(rnd.randint(2, 4)))
    elif r < 0.93:
        body = " ".join(fill(rnd, rnd.choice(data["sentence"]), data, names)
                        for _ in range(rnd.randint(5, 14)))
    elif r < 0.995:
        # multi-line: paragraphs, a list, or a blank line inside the message
        lines = [fill(rnd, rnd.choice(data["sentence"]), data, names)
                 for _ in range(rnd.randint(2, 5))]
        kind = rnd.random()
        if kind < 0.35:
            lines = [lines[0], ""] + lines[1:]
        elif kind < 0.65:
            lines = [lines[0]] + [data["bullet"] + rnd.choice(data["things"])
                                  for _ in range(rnd.randint(2, 5))]
        body = "\n".join(lines)
    else:
        # static specials: deleted, missed call, location
        kind = rnd.random()
        if kind < 0.5:
            body = rnd.choice(data["deleted_ios" if layout == "ios" else "deleted"])
        elif kind < 0.8:
            body = rnd.choice(data["call"])
        else:
            body = data["location_ios" if layout == "ios" else "location"].format(
                lat="%.6f" % rnd.uniform(47.3, 54.9), lon="%.6f" % rnd.uniform(5.9, 15.0))
    if rnd.random() < 0.01 and not body.startswith(LRM):
        body += data["edited"]
    return body


# ---------------------------------------------------------------------------------------------
# Header formatting


def date_string(day_ordinal, layout, lang):
    d = datetime.date.fromordinal(day_ordinal)
    if lang == "de":
        s = "%02d.%02d.%02d" % (d.day, d.month, d.year % 100)
    else:
        s = "%d/%d/%02d" % (d.month, d.day, d.year % 100)
    return ("[" + s + ", ") if layout == "ios" else (s + ", ")


def time_table(layout, lang):
    """86,400 strings indexed by second of day, each ending where the author begins."""
    table = []
    for sod in range(86400):
        h, m, s = sod // 3600, sod // 60 % 60, sod % 60
        if lang == "de":
            t = "%02d:%02d" % (h, m)
        else:
            t = "%d:%02d" % ((h + 11) % 12 + 1, m)
        if layout == "ios":
            t += ":%02d" % s
        if lang == "en":
            t += NNBSP + ("AM" if h < 12 else "PM")
        table.append(t + ("] " if layout == "ios" else " - "))
    return table


# ---------------------------------------------------------------------------------------------


def parse_size(text):
    units = {"": 1, "K": 10**3, "M": 10**6, "G": 10**9}
    text = text.strip().upper().rstrip("B")
    unit = text[-1] if text and text[-1] in "KMG" else ""
    return int(float(text[:-1] if unit else text) * units[unit])


class Generator:
    def __init__(self, args):
        self.rnd = random.Random(args.seed)
        self.layout = args.layout
        self.lang = args.language
        self.eol = "\r\n" if args.layout == "ios" else "\n"
        self.data = dict(LANG[args.language], lang=args.language)
        rnd = self.rnd
        combos = [f + " " + l for f in FIRST_NAMES for l in LAST_NAMES]
        self.names = rnd.sample(combos, 12)
        self.names[3] += " (Büro)" if self.lang == "de" else " (Office)"
        self.group = self.data["group"]
        self.pool = [make_body(rnd, self.data, self.names, self.layout) + self.eol
                     for _ in range(POOL_SIZE)]
        self.senders = [n + ": " for n in self.names]
        # Senders are skewed like a real group: a few people write most messages.
        self.sender_weights = list(itertools.accumulate(1.0 / (i + 1)
                                                        for i in range(len(self.names))))
        self.times = time_table(self.layout, self.lang)
        self.dates = {}
        self.start = datetime.datetime(2016 + rnd.randint(0, 2), rnd.randint(1, 12),
                                       rnd.randint(1, 28), 8, 0)
        def mean_bytes(strings):
            return sum(len(x.encode()) for x in strings) / len(strings)

        header_len = (len(date_string(738000, self.layout, self.lang).encode())
                      + len(self.times[50000].encode()) + mean_bytes(self.senders) + 2)
        self.mean_message_bytes = header_len + mean_bytes(self.pool)
        # Message gaps: bursts of quick replies and long quiet stretches (mean 1.0, scaled).
        est_messages = max(1.0, args.size_bytes / self.mean_message_bytes)
        mean_gap = args.years * 365.25 * 86400 / est_messages
        self.gaps = [int(rnd.expovariate(1 / (0.25 * mean_gap)) if rnd.random() < 0.8
                         else rnd.expovariate(1 / (4.0 * mean_gap))) for _ in range(8192)]
        self.counts = {}
        self.attach_seq = 0       # iOS: running number of the attachment
        self.android_seq = {}     # Android: WA number per day
        # Next message index of each kind of special message (geometric gaps).
        self.rates = {
            "omitted": 1 / 40, "attachment": 1 / 60, "notice": 1 / 900,
            "iban": 1 / 4000, "card": 1 / 4000,
            "iban_near_miss": 1 / 8000, "card_near_miss": 1 / 8000,
        }
        self.next_at = {k: self._gap(k) for k in self.rates}

    def _gap(self, kind, base=0):
        return base + 1 + int(self.rnd.expovariate(self.rates[kind]))

    def date(self, day):
        s = self.dates.get(day)
        if s is None:
            s = self.dates[day] = date_string(day, self.layout, self.lang)
        return s

    # -- special lines ------------------------------------------------------------------------

    def header(self, t):
        return self.date(t // 86400) + self.times[t % 86400]

    def user_line(self, t, sender, body, media=False):
        lead = LRM if (media and self.layout == "ios") else ""
        return lead + self.header(t) + sender + ": " + body + self.eol

    def notice_line(self, t, text):
        if self.layout == "ios":  # current iOS: sent as the group, body starts with LRM
            return self.header(t) + self.group + ": " + LRM + text + self.eol
        return self.header(t) + text + self.eol

    def special_line(self, kind, t, sender):
        rnd, data = self.rnd, self.data
        if kind == "omitted":
            if self.layout == "ios":
                return self.user_line(t, sender, LRM + rnd.choice(data["omitted_ios"]), media=True)
            return self.user_line(t, sender, data["omitted_android"][0])
        if kind == "attachment":
            return self.user_line(t, sender, self.attachment(t), media=True)
        if kind == "notice":
            a, b = rnd.sample(self.names, 2)
            return self.notice_line(t, rnd.choice(data["notices"]).format(a=a, b=b, g=self.group))
        valid = not kind.endswith("near_miss")
        if kind.startswith("iban"):
            value, templates = make_iban(rnd, valid), data["iban_ctx"]
        else:
            value, templates = make_card(rnd, valid), data["card_ctx"]
        body = rnd.choice(templates).format_map(NoiseValues(rnd, self.lang, {
            "v": value, "name": rnd.choice(self.names),
            "mm": "%02d" % rnd.randint(1, 12), "yy": "%02d" % rnd.randint(24, 30)}))
        return self.user_line(t, sender, body)

    def attachment(self, t):
        rnd, data = self.rnd, self.data
        dt = datetime.datetime.fromordinal(t // 86400) + datetime.timedelta(seconds=t % 86400)
        kind = rnd.random()
        if self.layout == "ios":
            self.attach_seq += 1
            typ, ext = (("PHOTO", "jpg") if kind < 0.7 else ("VIDEO", "mp4") if kind < 0.85
                        else ("AUDIO", "opus"))
            name = "%08d-%s-%s.%s" % (self.attach_seq, typ, dt.strftime("%Y-%m-%d-%H-%M-%S"), ext)
            body = LRM + data["attached_ios"].format(file=name)
        else:
            day = t // 86400
            seq = self.android_seq.get(day, 0)
            self.android_seq = {day: seq + 1}
            typ, ext = (("IMG", "jpg") if kind < 0.7 else ("VID", "mp4") if kind < 0.85
                        else ("PTT", "opus"))
            name = "%s-%s-WA%04d.%s" % (typ, dt.strftime("%Y%m%d"), seq, ext)
            body = data["attached_android"].format(file=name)
        if rnd.random() < 0.3 and self.layout == "android":
            body += "\n" + rnd.choice(data["captions"])
        return body

    # -- main loop ----------------------------------------------------------------------------

    def first_lines(self, t):
        data = self.data
        a = self.names[0]
        e2e = data["e2e"] + ("" if self.layout == "ios" else data["e2e_android_tail"])
        lines = [self.notice_line(t, e2e),
                 self.notice_line(t, data["created"].format(a=a, g=self.group))]
        for b in self.names[1:]:
            lines.append(self.notice_line(t, data["notices"][0].format(a=a, b=b)))
        return lines

    def chunk(self, base, n, t):
        """Lines for messages base..base+n-1 starting after time t; returns (lines, kinds, t)."""
        rnd = self.rnd
        ts = list(itertools.accumulate(rnd.choices(self.gaps, k=n), initial=t))[1:]
        senders = rnd.choices(self.names, cum_weights=self.sender_weights, k=n)
        bodies = rnd.choices(self.pool, k=n)
        dates, times = self.date, self.times
        sep = ": "
        lines = [dates(x // 86400) + times[x % 86400] + s + sep + b
                 for x, s, b in zip(ts, senders, bodies)]
        kinds = {}
        end = base + n
        for kind in self.rates:  # planted kinds last, so they win a collision
            at = self.next_at[kind]
            while at < end:
                kinds[at - base] = kind
                at = self._gap(kind, at)
            self.next_at[kind] = at
        for i, kind in kinds.items():
            lines[i] = self.special_line(kind, ts[i], senders[i])
        return lines, kinds, ts[-1]

    def run(self, out, size):
        written = 0
        messages = 0
        t = self.start.toordinal() * 86400 + 8 * 3600
        head = self.first_lines(t)
        self.add_count("notice", len(head))
        buf = "".join(head).encode("utf-8")
        out.write(buf)
        written += len(buf)
        messages += len(head)
        while written < size:
            lines, kinds, t = self.chunk(messages, CHUNK_MESSAGES, t)
            buf = "".join(lines).encode("utf-8")
            if written + len(buf) > size:  # last chunk: stop at the first message boundary >= size
                need = size - written
                acc = 0
                for cut, line in enumerate(lines):
                    acc += len(line.encode("utf-8"))
                    if acc >= need:
                        break
                lines = lines[:cut + 1]
                kinds = {i: k for i, k in kinds.items() if i <= cut}
                buf = "".join(lines).encode("utf-8")
            out.write(buf)
            written += len(buf)
            messages += len(lines)
            for k in kinds.values():
                self.add_count(k, 1)
        return written, messages, t

    def add_count(self, kind, n):
        self.counts[kind] = self.counts.get(kind, 0) + n


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("output", help="path of the .txt to write ('-' for stdout)")
    ap.add_argument("--size", default="20M", help="target size, e.g. 500K, 20M, 1G (decimal units)")
    ap.add_argument("--layout", choices=("android", "ios"), default="android")
    ap.add_argument("--language", choices=("de", "en"), default="de")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--years", type=float, default=6.0, help="time span the messages cover")
    ap.add_argument("--stats-json", help="also write the counts as JSON to this file")
    args = ap.parse_args()
    args.size_bytes = parse_size(args.size)

    started = time.monotonic()
    gen = Generator(args)
    if args.output == "-":
        written, messages, t_end = gen.run(sys.stdout.buffer, args.size_bytes)
    else:
        with open(args.output, "wb", buffering=1 << 22) as out:
            written, messages, t_end = gen.run(out, args.size_bytes)
    elapsed = time.monotonic() - started

    c = gen.counts
    first = gen.start.date().isoformat()
    last = datetime.date.fromordinal(t_end // 86400).isoformat()
    stats = {
        "bytes": written, "messages": messages, "layout": args.layout,
        "language": args.language, "seed": args.seed, "first_day": first, "last_day": last,
        "planted": {"iban": c.get("iban", 0), "payment-card": c.get("card", 0)},
        "near_misses": {"iban": c.get("iban_near_miss", 0),
                        "payment-card": c.get("card_near_miss", 0)},
        "other": {"omitted_media": c.get("omitted", 0), "attachments": c.get("attachment", 0),
                  "system_notices": c.get("notice", 0)},
        "seconds": round(elapsed, 2),
    }
    print("generate_export: %s bytes, %d messages, %s .. %s, %.1f s (%.1f s per 100 MB)" % (
        format(written, ","), messages, first, last, elapsed, elapsed * 1e8 / max(written, 1)),
        file=sys.stderr)
    print("  planted valid:  iban %d, payment-card %d" % (
        stats["planted"]["iban"], stats["planted"]["payment-card"]), file=sys.stderr)
    print("  near-misses:    iban %d, payment-card %d (wrong checksum, must not be reported)" % (
        stats["near_misses"]["iban"], stats["near_misses"]["payment-card"]), file=sys.stderr)
    print("  other:          omitted media %d, attachments %d, system notices %d" % (
        c.get("omitted", 0), c.get("attachment", 0), c.get("notice", 0)), file=sys.stderr)
    if args.stats_json:
        with open(args.stats_json, "w", encoding="utf-8") as f:
            json.dump(stats, f, indent=2)
            f.write("\n")


if __name__ == "__main__":
    main()
