"""Values that templates insert with {=name}: each returns the text as a person would type it
and the rule it is labelled with (None for a hard negative).

Names, streets and numbers are invented; card numbers are published test numbers.
"""

import datetime

import identifiers as ids

FIRST_NAMES_DE = ["Lena", "Jonas", "Mia", "Lukas", "Hannah", "Felix", "Emilia", "Paul", "Sophie",
                  "Maximilian", "Anna", "Elias", "Marie", "Leon", "Clara", "Jakob", "Greta",
                  "Tobias", "Frieda", "Moritz", "Ida", "Karl", "Ayşe", "Mehmet", "Jana", "Oskar"]
LAST_NAMES_DE = ["Schmidt", "Weber", "Krüger", "Hoffmann", "Becker", "Schulze", "Wagner",
                 "Neumann", "Brandt", "Vogel", "Lorenz", "Keller", "Franke", "Sommer", "Winter",
                 "Kaiser", "Berger", "Scholz", "Yılmaz", "Kowalski", "Hartmann", "Engel"]
FIRST_NAMES_EN = ["Olivia", "Harry", "Amelia", "George", "Isla", "Noah", "Ava", "Jack", "Emily",
                  "Oscar", "Grace", "Leo", "Chloe", "Arthur", "Ruby", "Ethan", "Zoe", "Samuel"]
LAST_NAMES_EN = ["Smith", "Jones", "Taylor", "Brown", "Wilson", "Evans", "Thomas", "Walker",
                 "Wright", "Robinson", "Hughes", "Carter", "Baker", "Turner", "Cooper", "Hill"]

STREETS_DE = ["Lindenstraße", "Goethestraße", "Bahnhofstraße", "Kastanienallee", "Mühlenweg",
              "Schillerplatz", "Birkenweg", "Hauptstraße", "Rosengasse", "Am Stadtgraben",
              "Berliner Straße", "Kaiser-Wilhelm-Allee", "Friedrich-Ebert-Ring", "Fliederweg",
              "Uferstraße", "Marktplatz", "Eichendorffstr.", "Brunnenstr.", "Zur Alten Mühle",
              "Am Sonnenhang", "Parkstraße", "Wiesenweg", "Kirchgasse", "Lessingstraße",
              "Mozartstr.", "Ahornweg", "An der Obermühle", "Gartenstraße", "Talstraße"]
CITIES_DE = ["10115 Berlin", "20095 Hamburg", "80331 München", "50667 Köln",
             "60311 Frankfurt am Main", "70173 Stuttgart", "04109 Leipzig", "01067 Dresden",
             "30159 Hannover", "90402 Nürnberg", "69117 Heidelberg", "79098 Freiburg im Breisgau",
             "06108 Halle (Saale)", "28195 Bremen", "44135 Dortmund", "93047 Regensburg",
             "24103 Kiel", "99084 Erfurt", "55116 Mainz", "34117 Kassel", "76133 Karlsruhe"]
STREETS_AT = ["Mariahilfer Straße", "Herrengasse", "Landstraßer Hauptstraße", "Getreidegasse",
              "Annenstraße", "Museumstraße"]
CITIES_AT = ["1060 Wien", "1010 Wien", "8010 Graz", "5020 Salzburg", "6020 Innsbruck",
             "4020 Linz"]
STREETS_CH = ["Bahnhofstrasse", "Marktgasse", "Seestrasse", "Kramgasse", "Freie Strasse",
              "Rue du Rhône"]
CITIES_CH = ["8001 Zürich", "3011 Bern", "4051 Basel", "6003 Luzern", "9000 St. Gallen",
             "1204 Genève"]
STREETS_UK = ["Station Road", "Mill Lane", "Church Street", "Victoria Road", "Park Avenue",
              "Green Lane", "Manor Road", "Kings Road", "Queensway", "High Street"]
TOWNS_UK = ["Oxford OX1 2JD", "Cambridge CB2 1RX", "Leeds LS1 4AP", "Bristol BS1 5TR",
            "York YO1 7HH", "Norwich NR2 1TF", "Bath BA1 1LT", "London SE1 7PB"]
STREETS_US = ["Maple Avenue", "Oak Street", "Pine Street", "Cedar Lane", "Elm Drive",
              "Washington Boulevard", "Lakeview Road", "Sunset Court", "Hillcrest Way"]
TOWNS_US = ["Springfield, IL 62704", "Portland, OR 97205", "Madison, WI 53703",
            "Austin, TX 78701", "Columbus, OH 43215", "Boise, ID 83702", "Denver, CO 80203"]

MONTHS_DE = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
             "Oktober", "November", "Dezember"]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]


class Values:
    """All {=name} generators; a generator returns text, or (text, rule) for a labelled value."""

    def __init__(self, rng, language):
        self.rng = rng
        self.language = language

    def call(self, name):
        return getattr(self, "gen_" + name)()

    # --- helpers ---

    def _pick(self, items):
        return self.rng.choice(items)

    def _chance(self, probability):
        return self.rng.random() < probability

    def birth_date(self):
        start = datetime.date(1950, 1, 1).toordinal()
        end = datetime.date(2006, 12, 31).toordinal()
        return datetime.date.fromordinal(self.rng.randint(start, end))

    def _group(self, text, size, separator=" "):
        return separator.join(text[i:i + size] for i in range(0, len(text), size))

    def _odd_groups(self, text):
        parts, index = [], 0
        while index < len(text):
            step = self.rng.randint(2, 5)
            parts.append(text[index:index + step])
            index += step
        return " ".join(parts)

    # --- names (not labelled: no rule covers names) ---

    def gen_first(self):
        return self._pick(FIRST_NAMES_DE if self.language == "de" else FIRST_NAMES_EN)

    def gen_last(self):
        return self._pick(LAST_NAMES_DE if self.language == "de" else LAST_NAMES_EN)

    def gen_name(self):
        return self.gen_first() + " " + self.gen_last()

    # --- financial ---

    def _iban_text(self, value):
        style = self.rng.random()
        if style < 0.45:
            return self._group(value, 4)
        if style < 0.65:
            return value
        if style < 0.75:
            return self._group(value, 4).lower()
        if style < 0.87:
            return value[:4] + " " + self._odd_groups(value[4:])
        if style < 0.94:
            return self._group(value, 4, "-")
        grouped = self._group(value, 4).split(" ")
        cut = self.rng.randint(2, len(grouped) - 2)
        return " ".join(grouped[:cut]) + "\n" + " ".join(grouped[cut:])

    def gen_iban(self):
        country = self._pick(["DE"] * 6 + ["AT", "CH", "NL", "GB"])
        return self._iban_text(ids.iban(self.rng, country)), "iban"

    def gen_iban_de(self):
        return self._iban_text(ids.iban(self.rng, "DE")), "iban"

    def gen_iban_foreign(self):
        return self._iban_text(ids.iban(self.rng, self._pick(["AT", "CH", "NL", "GB"]))), "iban"

    def gen_iban_gb(self):
        return self._iban_text(ids.iban(self.rng, "GB")), "iban"

    def gen_bad_iban(self):
        country = self._pick(["DE", "DE", "AT", "CH", "NL", "GB"])
        value = ids.iban_with_wrong_check(self.rng, country)
        return self._group(value, 4) if self._chance(0.7) else value

    def gen_bic(self):
        return ids.bic(self.rng, self._pick(["DE", "DE", "DE", "AT", "CH", "NL", "GB"])), "bic"

    def gen_bic_de(self):
        return ids.bic(self.rng, "DE"), "bic"

    def _card_text(self, number):
        if len(number) == 15:
            return number[:4] + " " + number[4:10] + " " + number[10:] if self._chance(0.7) \
                else number
        style = self.rng.random()
        if style < 0.55:
            return self._group(number, 4)
        if style < 0.75:
            return number
        return self._group(number, 4, "-")

    def gen_card(self):
        scheme = self._pick(["visa", "visa", "mastercard", "mastercard", "amex", "maestro"])
        return self._card_text(self._pick(ids.TEST_CARDS[scheme])), "payment-card"

    def gen_girocard(self):
        return self._card_text(ids.girocard_like(self.rng)), "payment-card"

    def gen_bad_card(self):
        return self._card_text(ids.card_with_wrong_check(self.rng))

    def gen_expiry(self):
        return "%02d/%02d" % (self.rng.randint(1, 12), self.rng.randint(25, 31))

    def gen_cvv(self):
        return ids.digits(self.rng, 3)

    # --- identity ---

    def gen_idcard(self):
        number = ids.id_card_number(self.rng)
        if self._chance(0.2):
            number += ids.icao_check_digit(number)
        return number, "id-document"

    def gen_passport(self):
        return ids.passport_number(self.rng), "id-document"

    def _mrz(self, lines):
        return "\n".join(lines), "id-document"

    def gen_mrz_id(self):
        birth = self.birth_date()
        expiry = datetime.date(self.rng.randint(2026, 2034), self.rng.randint(1, 12),
                               self.rng.randint(1, 28))
        surname = self._pick(["Mustermann", "Beispiel", "Probe", "Musterfrau", "Testhuber"])
        return self._mrz(ids.mrz_id_card(self.rng, surname, self._pick(FIRST_NAMES_DE),
                                         birth, expiry, self._pick("MF")))

    def gen_mrz_passport(self):
        birth = self.birth_date()
        expiry = datetime.date(self.rng.randint(2026, 2034), self.rng.randint(1, 12),
                               self.rng.randint(1, 28))
        surname = self._pick(["Mustermann", "Beispiel", "Probe", "Musterfrau", "Testhuber"])
        return self._mrz(ids.mrz_passport(self.rng, surname, self._pick(FIRST_NAMES_DE),
                                          birth, expiry, self._pick("MF")))

    def gen_taxid(self):
        value = ids.tax_id(self.rng)
        if self._chance(0.4):
            value = value[:2] + " " + value[2:5] + " " + value[5:8] + " " + value[8:]
        return value, "de-tax-id"

    def gen_bad_taxid(self):
        value = ids.tax_id_with_wrong_check(self.rng)
        if self._chance(0.4):
            value = value[:2] + " " + value[2:5] + " " + value[5:8] + " " + value[8:]
        return value

    def _ssn_text(self, value):
        style = self.rng.random()
        if style < 0.4:
            return value[:2] + " " + value[2:8] + " " + value[8] + " " + value[9:]
        if style < 0.8:
            return value
        return value[:2] + " " + value[2:8] + " " + value[8:]

    def gen_ssn(self):
        return self._ssn_text(ids.ssn(self.rng, self.birth_date())), "de-social-security-number"

    def gen_bad_ssn(self):
        return self._ssn_text(ids.ssn_with_wrong_check(self.rng, self.birth_date()))

    def _date_de(self, day):
        style = self.rng.random()
        if style < 0.55:
            return day.strftime("%d.%m.%Y")
        if style < 0.7:
            return "%d.%d.%s" % (day.day, day.month, day.strftime("%y"))
        if style < 0.85:
            return "%d. %s %d" % (day.day, MONTHS_DE[day.month - 1], day.year)
        return day.isoformat()

    def _date_en(self, day):
        style = self.rng.random()
        if style < 0.4:
            return "%02d/%02d/%d" % (day.month, day.day, day.year)
        if style < 0.65:
            return "%s %d, %d" % (MONTHS_EN[day.month - 1], day.day, day.year)
        if style < 0.85:
            return "%d %s %d" % (day.day, MONTHS_EN[day.month - 1], day.year)
        return day.isoformat()

    def gen_dob(self):
        day = self.birth_date()
        text = self._date_de(day) if self.language == "de" else self._date_en(day)
        return text, "date-of-birth"

    def gen_date(self):
        """A date that is not a birth date: appointments, deliveries, contracts."""
        start = datetime.date(1980, 1, 1).toordinal()
        end = datetime.date(2026, 12, 31).toordinal()
        day = datetime.date.fromordinal(self.rng.randint(start, end))
        return self._date_de(day) if self.language == "de" else self._date_en(day)

    def gen_day(self):
        day = datetime.date(2025, 1, 1) + datetime.timedelta(days=self.rng.randrange(365))
        if self.language == "de":
            return "%d.%d." % (day.day, day.month) if self._chance(0.5) else \
                day.strftime("%d.%m.")
        return "%d/%d" % (day.month, day.day)

    def gen_date_range(self):
        first = datetime.date(2015, 1, 1) + datetime.timedelta(days=self.rng.randrange(3650))
        last = first + datetime.timedelta(days=self.rng.randint(3, 20))
        if self.language == "de":
            return "%s - %s" % (first.strftime("%d.%m"), last.strftime("%d.%m.%y"))
        return "%d/%d - %d/%d/%s" % (first.month, first.day, last.month, last.day,
                                      last.strftime("%y"))

    # --- contact ---

    def _german_mobile(self):
        prefix = self._pick(["151", "152", "157", "159", "160", "170", "171", "172", "173",
                             "175", "176", "177", "178", "179", "162", "163"])
        length = 7 if prefix in ("170", "171", "175", "160", "179") else 8
        return prefix, ids.digits(self.rng, length, first_nonzero=True)

    def _german_landline(self):
        area = self._pick(["30", "40", "89", "69", "221", "711", "341", "351", "511", "911",
                           "6221", "761", "421", "231", "228"])
        subscriber = self._pick("2345678") + ids.digits(self.rng, 9 - len(area))
        return area, subscriber

    def gen_phone_de(self):
        return self.gen_mobile_de() if self._chance(0.55) else self.gen_landline_de()

    def gen_mobile_de(self):
        prefix, rest = self._german_mobile()
        style = self._pick(["+49 {p} {r}", "0{p} {r}", "0{p}/{r}", "0{p}-{r}", "+49{p}{r}",
                            "0049 {p} {r}", "0{p} {r3} {r5}", "+49 {p} {r3} {r5}", "0{p}{r}"])
        return style.format(p=prefix, r=rest, r3=rest[:3], r5=rest[3:]), "phone"

    def gen_landline_de(self):
        prefix, rest = self._german_landline()
        style = self._pick(["0{p} {r}", "0{p}-{r}", "0{p}/{r}", "+49 {p} {r}", "+49 (0) {p} {r}",
                            "(0{p}) {r}", "0{p} / {r3} {r5}", "+49 {p} {r3}-{r5}"])
        return style.format(p=prefix, r=rest, r3=rest[:3], r5=rest[3:]), "phone"

    def gen_sender_phone(self):
        """How WhatsApp shows an unsaved contact: international format, grouped."""
        if self.language == "de":
            prefix, rest = self._german_mobile()
            return "+49 %s %s" % (prefix, rest)
        return self._pick(["+44 7700 900%s" % ids.digits(self.rng, 3),
                           "+1 (202) 555-01%s" % ids.digits(self.rng, 2),
                           "+1 312-555-01%s" % ids.digits(self.rng, 2)])

    def gen_phone_intl(self):
        style = self._pick([
            "+43 664 {d7}", "+43 1 {d7}", "+41 79 {d3} {d2} {d2b}", "+41 44 {d3} {d2} {d2b}",
            "+44 20 7946 0{d3}", "+44 7700 900{d3}", "+1 202 555 01{d2}", "+1 (312) 555-01{d2}",
            "0043 660 {d7}", "+31 6 {d8}"])
        text = style.format(d7=ids.digits(self.rng, 7, True), d3=ids.digits(self.rng, 3),
                            d2=ids.digits(self.rng, 2), d2b=ids.digits(self.rng, 2),
                            d8=ids.digits(self.rng, 8, True))
        return text, "phone"

    def gen_phone_en(self):
        style = self._pick([
            "+44 20 7946 0{d3}", "020 7946 0{d3}", "07700 900{d3}", "+44 7700 900{d3}",
            "+44 (0)20 7946 0{d3}", "+1 202 555 01{d2}", "(312) 555-01{d2}", "+1 415-555-01{d2}",
            "202-555-01{d2}", "+1 (646) 555 01{d2}", "+49 151 {d8}", "+61 491 570 1{d2}"])
        text = style.format(d3=ids.digits(self.rng, 3), d2=ids.digits(self.rng, 2),
                            d8=ids.digits(self.rng, 8, True))
        return text, "phone"

    def gen_email(self):
        first = self.gen_first().lower().replace("ş", "s").replace("ı", "i")
        last = self.gen_last().lower()
        for umlaut, ascii_form in (("ü", "ue"), ("ö", "oe"), ("ä", "ae"), ("ı", "i"),
                                   ("ş", "s"), ("ß", "ss")):
            last = last.replace(umlaut, ascii_form)
        local = self._pick(["{f}.{l}", "{f0}.{l}", "{l}{n}", "{f}_{l}", "{f}.{l}+rechnung",
                            "{f}{l}", "{l}.{f}"]).format(
                                f=first, l=last, f0=first[0], n=self.rng.randint(1, 99))
        domain = self._pick(["example.com", "example.de", "example.org", "example.net",
                             "mail.example.de", "post.example.com", "example.co.uk",
                             "example.at", "example.ch"])
        text = local + "@" + domain
        if self._chance(0.1):
            text = text.title()
        return text, "email"

    def gen_company_email(self):
        return self._pick(["info", "kontakt", "buero", "service", "praxis", "office"]) + "@" + \
            self._pick(["example.de", "example.com"]), "email"

    def _house_number(self):
        number = str(self.rng.randint(1, 180))
        if self._chance(0.2):
            number += self._pick(["a", "b", " a", "c"])
        return number

    def gen_address_de(self):
        street = self._pick(STREETS_DE) + " " + self._house_number()
        city = self._pick(CITIES_DE)
        separator = self._pick([", ", ", ", "\n", " in ", " - "])
        return street + separator + city, "address"

    def gen_street_de(self):
        return self._pick(STREETS_DE) + " " + self._house_number(), "address"

    def gen_street_in_de(self):
        """'in der Goethestraße 14', 'im Birkenweg 3', 'Am Stadtgraben 7': the preposition
        (unlabelled) agrees with the street's gender."""
        street = self._pick(STREETS_DE)
        if street.split(" ")[0] in ("Am", "An", "Zur", "Zum", "Im"):
            preposition = ""
        elif street.endswith(("weg", "platz", "ring", "markt", "Ring")):
            preposition = "im "
        else:
            preposition = "in der "
        return preposition, street + " " + self._house_number(), "address"

    def gen_address_at(self):
        return self._pick(STREETS_AT) + " " + self._house_number() + ", " + \
            self._pick(CITIES_AT), "address"

    def gen_address_ch(self):
        return self._pick(STREETS_CH) + " " + self._house_number() + ", " + \
            self._pick(CITIES_CH), "address"

    def gen_address_uk(self):
        flat = "Flat %d, " % self.rng.randint(1, 12) if self._chance(0.25) else ""
        separator = self._pick([", ", "\n"])
        return flat + "%d %s%s%s" % (self.rng.randint(1, 220), self._pick(STREETS_UK), separator,
                                     self._pick(TOWNS_UK)), "address"

    def gen_address_us(self):
        unit = ", Apt %d%s" % (self.rng.randint(1, 9), self._pick("ABC")) \
            if self._chance(0.3) else ""
        return "%d %s%s, %s" % (self.rng.randint(10, 9800), self._pick(STREETS_US), unit,
                                self._pick(TOWNS_US)), "address"

    def gen_street_en(self):
        return "%d %s" % (self.rng.randint(1, 220), self._pick(STREETS_UK + STREETS_US)), \
            "address"

    def gen_street_word(self):
        """A street name without a house number: not an address."""
        return self._pick(STREETS_DE if self.language == "de" else STREETS_UK + STREETS_US)

    def gen_postcode(self):
        return self._pick(CITIES_DE)[:5] if self.language == "de" else \
            self._pick(TOWNS_US)[-5:]

    # --- health numbers (labelled as health) ---

    def gen_kvnr(self):
        return ids.kvnr(self.rng), "health"

    def gen_pzn(self):
        return ids.pzn(self.rng), "health"

    def gen_icd(self):
        code = self._pick(["F32.1", "M54.5", "J06.9", "S93.4", "F43.2", "K29.7", "M51.2",
                           "J20.9", "A09.9", "R51", "G43.0", "F41.0", "I10.90", "E11.9"])
        if self._chance(0.6):
            code += " " + self._pick(["G", "V", "Z", "G L", "G R"])
        return code, "health"

    # --- credentials ---

    def gen_pin(self):
        return ids.digits(self.rng, self._pick([4, 4, 4, 5, 6])), "credential"

    def gen_tan(self):
        return ids.digits(self.rng, 6), "credential"

    def gen_door_code(self):
        code = ids.digits(self.rng, self._pick([4, 4, 5, 6]))
        return (code + "#" if self._chance(0.2) else code), "credential"

    def gen_password(self):
        word = self._pick(["Sonnenblume", "Kaffeetasse", "Winterjacke", "Blumenwiese",
                           "Zahnrad", "Hausboot", "Feuerwehr", "Wolke", "Kettle", "Sunflower",
                           "Pinecone", "Lighthouse", "Harbour", "Mango", "Tiger", "Regenbogen"])
        return self._pick(["{w}{n}", "{w}{n}!", "{w}#{n}", "{l}{n}{w}", "{w}_{n}?",
                           "{w}{s}{n}"]).format(
            w=word, n=self.rng.randint(1, 9999), l=word.lower()[:4], s=self._pick("!$%&*")), \
            "credential"

    def gen_wifi_key(self):
        return "-".join(ids.digits(self.rng, 4) for _ in range(4)), "credential"

    def gen_username(self):
        return self._pick(["kunde", "praxis", "buero", "user", "mieter"]) + \
            str(self.rng.randint(100, 9999))

    # --- hard negatives (unlabelled) ---

    def gen_order_no(self):
        return "%03d-%s-%s" % (self.rng.randint(300, 306), ids.digits(self.rng, 7),
                               ids.digits(self.rng, 7))

    def gen_tracking(self):
        kind = self.rng.randrange(5)
        if kind == 0:
            return "JJD" + ids.digits(self.rng, 18)
        if kind == 1:
            return "00340434" + ids.non_card_digits(self.rng, 12)
        if kind == 2:
            return ids.non_card_digits(self.rng, 14)
        if kind == 3:
            return "H" + ids.digits(self.rng, 19)
        return ids.eleven_digit_reference(self.rng)

    def gen_imei(self):
        return ids.imei(self.rng)

    def gen_ean(self):
        return ids.ean13(self.rng)

    def gen_invoice_no(self):
        return self._pick(["RE-{y}-{n5}", "R{y}{n4}", "{n8}", "AR-{n6}", "2024/{n4}"]).format(
            y=self.rng.randint(2022, 2025), n5=ids.digits(self.rng, 5),
            n4=ids.digits(self.rng, 4), n8=ids.non_card_digits(self.rng, 8),
            n6=ids.digits(self.rng, 6))

    def gen_customer_no(self):
        return self._pick(["{n6}", "KD-{n5}", "{n4}-{n4b}", "{n10}"]).format(
            n6=ids.digits(self.rng, 6, True), n5=ids.digits(self.rng, 5),
            n4=ids.digits(self.rng, 4, True), n4b=ids.digits(self.rng, 4),
            n10=ids.eleven_digit_reference(self.rng)[:10])

    def gen_reference(self):
        return ids.eleven_digit_reference(self.rng)

    def gen_price(self):
        euros = self.rng.choice([self.rng.randint(5, 99), self.rng.randint(100, 4999)])
        cents = self._pick(["00", "90", "99", "50", "%02d" % self.rng.randint(0, 99)])
        if self.language == "de":
            whole = "{:,}".format(euros).replace(",", ".")
            return self._pick(["{w},{c} €", "{w},{c}€", "€ {w},{c}", "{w},- €", "{w} Euro"]) \
                .format(w=whole, c=cents)
        return self._pick(["£{w}.{c}", "${w}.{c}", "€{w}.{c}", "{w}.{c} EUR"]).format(
            w="{:,}".format(euros), c=cents)

    def gen_time(self):
        hour, minute = self.rng.randint(7, 19), self._pick([0, 15, 30, 45, 10, 20])
        if self.language == "de":
            return "%d:%02d Uhr" % (hour, minute) if self._chance(0.7) else "%d Uhr" % hour
        return "%d:%02d %s" % (hour % 12 or 12, minute, "am" if hour < 12 else "pm")

    def gen_version(self):
        return "%d.%d.%d" % (self.rng.randint(1, 3), self.rng.randint(0, 30),
                             self.rng.randint(0, 99)) + \
            (".%d" % self.rng.randint(10, 99) if self._chance(0.5) else "")

    def gen_ip(self):
        return self._pick(["192.168.178.%d", "192.168.0.%d", "10.0.0.%d"]) % \
            self.rng.randint(2, 254)

    def gen_percent(self):
        return self._pick(["%d %%", "%d%%", "%d,5 %%"]) % self.rng.randint(2, 95)

    def gen_count(self):
        return str(self.rng.randint(2, 40))

    def gen_year(self):
        return str(self.rng.randint(1995, 2025))

    def gen_km(self):
        return "{:,}".format(self.rng.randint(8000, 240000)).replace(
            ",", "." if self.language == "de" else ",")

    def gen_plate(self):
        return "%s-%s %d" % (self._pick(["M", "B", "HH", "K", "S", "KA", "HD", "F"]),
                             self._pick(["AB", "XY", "KL", "TR", "E", "Q"]),
                             self.rng.randint(1, 9999))

    def gen_shout(self):
        return self._pick(["DRINGEND", "ACHTUNG", "WICHTIG", "ABHOLBEREIT", "DEADLINE",
                           "ABSOLUTE", "ERLEDIGT", "BESTELLT", "STORNIERT", "URGENT",
                           "REMINDER", "FEIERABEND"])

    def gen_url(self):
        return self._pick(["https://www.example.de/termine", "https://example.com/track?id=%s"
                           % ids.digits(self.rng, 10), "https://maps.example.com/place/xyz",
                           "www.example.de/agb", "https://example.org/rechnung/%s.pdf"
                           % ids.digits(self.rng, 6)])
