"""Identifiers for the accuracy corpus: valid ones (check digits computed here) and near misses.

Every check is written out from the published algorithm (ISO 7064 MOD 97-10 for IBANs, Luhn for
cards, ISO 7064 MOD 11,10 plus the BZSt repetition rule for the Steuer-ID, the DRV weights for
the Rentenversicherungsnummer, ICAO 9303 7-3-1 for passports and ID cards, the GKV rule for the
KVNR, MOD 11 for the PZN). A generator of a near miss changes a valid value until the check fails,
so a hard negative is never valid by accident.
"""

import string

# --- Checks ---------------------------------------------------------------------------------


def iban_is_valid(iban):
    compact = iban.replace(" ", "").replace("-", "").upper()
    moved = compact[4:] + compact[:4]
    digits = "".join(str(int(c, 36)) for c in moved)
    return int(digits) % 97 == 1 and compact[2:4] not in ("00", "01", "99")


def iban_check_digits(country, bban):
    digits = "".join(str(int(c, 36)) for c in bban + country + "00")
    return "%02d" % (98 - int(digits) % 97)


def luhn_is_valid(number):
    total = 0
    for position, char in enumerate(reversed(number)):
        digit = int(char)
        if position % 2 == 1:
            digit = digit * 2 - 9 if digit > 4 else digit * 2
        total += digit
    return total % 10 == 0


def luhn_check_digit(payload):
    for digit in "0123456789":
        if luhn_is_valid(payload + digit):
            return digit
    raise AssertionError("no Luhn digit")


def tax_id_check_digit(first_ten):
    product = 10
    for char in first_ten:
        total = (int(char) + product) % 10
        if total == 0:
            total = 10
        product = (2 * total) % 11
    check = 11 - product
    return "0" if check == 10 else str(check)


def tax_id_repetition_ok(first_ten):
    counts = [first_ten.count(d) for d in "0123456789"]
    repeated = [c for c in counts if c > 1]
    if len(repeated) != 1 or repeated[0] > 3:
        return False
    return not any(first_ten[i] == first_ten[i + 1] == first_ten[i + 2] for i in range(8))


def tax_id_is_valid(number):
    return (len(number) == 11 and number.isdigit() and number[0] != "0"
            and tax_id_repetition_ok(number[:10]) and tax_id_check_digit(number[:10]) == number[10])


_SSN_WEIGHTS = (2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1)


def ssn_check_digit(first_eleven):
    digits = first_eleven[:8] + "%02d" % (ord(first_eleven[8]) - 64) + first_eleven[9:11]
    total = 0
    for digit, weight in zip(digits, _SSN_WEIGHTS):
        product = int(digit) * weight
        total += product // 10 + product % 10
    return str(total % 10)


def icao_check_digit(field):
    weights = (7, 3, 1)
    total = 0
    for index, char in enumerate(field):
        value = 0 if char == "<" else int(char, 36)
        total += value * weights[index % 3]
    return str(total % 10)


def kvnr_check_digit(first_nine):
    digits = "%02d" % (ord(first_nine[0]) - 64) + first_nine[1:]
    total = 0
    for index, char in enumerate(digits):
        product = int(char) * (1 if index % 2 == 0 else 2)
        total += product // 10 + product % 10
    return str(total % 10)


def pzn_check_digit(first_seven):
    return sum(int(d) * (i + 1) for i, d in enumerate(first_seven)) % 11


# --- Valid values ---------------------------------------------------------------------------

_IBAN_LAYOUT = {  # country: (length of the BBAN, characters of its bank part)
    "DE": 18, "AT": 16, "CH": 17, "NL": 14, "GB": 18,
}
_NL_BANKS = ("ABNA", "RABO", "INGB", "SNSB", "TRIO", "KNAB")
_GB_BANKS = ("NWBK", "BARC", "MIDL", "LOYD", "HBUK", "MONZ")


def digits(rng, count, first_nonzero=False):
    text = "".join(rng.choice(string.digits) for _ in range(count))
    if first_nonzero and text[0] == "0":
        text = rng.choice("123456789") + text[1:]
    return text


def iban(rng, country):
    if country == "NL":
        bban = rng.choice(_NL_BANKS) + digits(rng, 10)
    elif country == "GB":
        bban = rng.choice(_GB_BANKS) + digits(rng, 14)
    else:
        bban = digits(rng, _IBAN_LAYOUT[country], first_nonzero=True)
    value = country + iban_check_digits(country, bban) + bban
    assert iban_is_valid(value)
    return value


def iban_with_wrong_check(rng, country):
    valid = iban(rng, country)
    while True:
        position = rng.randrange(4, len(valid))
        if not valid[position].isdigit():
            continue
        changed = valid[:position] + str((int(valid[position]) + rng.randint(1, 9)) % 10) + \
            valid[position + 1:]
        if not iban_is_valid(changed):
            return changed


# Published test card numbers (payment providers' sandbox documentation). Only those whose Luhn
# check passes are kept; the assertion below guards the list.
TEST_CARDS = {
    "visa": ["4111111111111111", "4242424242424242", "4012888888881881", "4000056655665556",
             "4000002760003184", "4000000000003220", "4988438843884305"],
    "mastercard": ["5555555555554444", "5105105105105100", "2223003122003222",
                   "5200828282828210", "2221000000000009", "5454545454545454"],
    "amex": ["378282246310005", "371449635398431", "378734493671000", "340000000000009"],
    "maestro": ["6759649826438453", "6799990100000000019", "5000550000000029"],
}
for _scheme, _numbers in TEST_CARDS.items():
    for _number in _numbers:
        assert luhn_is_valid(_number), (_scheme, _number)


def girocard_like(rng):
    payload = "672" + digits(rng, 5) + digits(rng, 10)
    return payload + luhn_check_digit(payload)


def card_with_wrong_check(rng):
    number = rng.choice(TEST_CARDS["visa"] + TEST_CARDS["mastercard"])
    last = int(number[-1])
    return number[:-1] + str((last + rng.randint(1, 9)) % 10)


def tax_id(rng):
    while True:
        pool = list("0123456789")
        rng.shuffle(pool)
        repeated = pool[0]
        times = rng.choice((2, 3))
        chosen = pool[1:11 - times] + [repeated] * times
        rng.shuffle(chosen)
        first_ten = "".join(chosen)
        if first_ten[0] != "0" and tax_id_repetition_ok(first_ten):
            value = first_ten + tax_id_check_digit(first_ten)
            assert tax_id_is_valid(value)
            return value


def tax_id_with_wrong_check(rng):
    valid = tax_id(rng)
    return valid[:10] + str((int(valid[10]) + rng.randint(1, 9)) % 10)


_SSN_AREAS = ("02", "04", "08", "09", "10", "11", "12", "13", "15", "16", "17", "18", "23", "24",
              "25", "26", "28", "29", "38", "39", "42", "43", "44", "46", "53", "55", "56", "65")


def ssn(rng, birth):
    letter = rng.choice(string.ascii_uppercase)
    first = rng.choice(_SSN_AREAS) + birth.strftime("%d%m%y") + letter + digits(rng, 2)
    return first + ssn_check_digit(first)


def ssn_with_wrong_check(rng, birth):
    valid = ssn(rng, birth)
    return valid[:11] + str((int(valid[11]) + rng.randint(1, 9)) % 10)


ID_ALPHABET = "CFGHJKLMNPRTVWXYZ0123456789"


def _document_number(rng, first_letters):
    """First letter, then 8 characters of which at least three are digits, as on issued
    documents (authority code + serial, e.g. the specimen L01X00T47)."""
    while True:
        rest = "".join(rng.choice(ID_ALPHABET) for _ in range(8))
        if sum(c.isdigit() for c in rest) >= 3:
            return rng.choice(first_letters) + rest


def id_card_number(rng):
    return _document_number(rng, "LMNPRTVWXY")


def passport_number(rng):
    return _document_number(rng, "CFGHJK")


_MRZ_TRANSLITERATION = {"Ä": "AE", "Ö": "OE", "Ü": "UE", "ß": "SS", "Ş": "S", "İ": "I",
                        "Ç": "C", "Ğ": "G", "-": "<", " ": "<"}


def _mrz_name(surname, given, width):
    """ICAO 9303 writes names in A-Z only (Ä as AE, Ş as S) with < for spaces and hyphens."""
    name = surname + "<<" + given
    name = "".join(_MRZ_TRANSLITERATION.get(c, c) for c in name.upper().replace("ı", "I"))
    assert all(c == "<" or "A" <= c <= "Z" for c in name), name
    return (name + "<" * width)[:width]


def mrz_id_card(rng, surname, given, birth, expiry, sex):
    """TD1, three lines of 30, as on the back of a German ID card."""
    number = id_card_number(rng)
    line1 = "IDD<<" + number + icao_check_digit(number) + "<" * 15
    born = birth.strftime("%y%m%d")
    until = expiry.strftime("%y%m%d")
    line2 = born + icao_check_digit(born) + sex + until + icao_check_digit(until) + "D<<" + "<" * 11
    composite = line1[5:30] + line2[0:7] + line2[8:15] + line2[18:29]
    line2 += icao_check_digit(composite)
    line3 = _mrz_name(surname, given, 30)
    assert len(line1) == len(line2) == len(line3) == 30
    return [line1, line2, line3]


def mrz_passport(rng, surname, given, birth, expiry, sex):
    """TD3, two lines of 44, as on a German passport's data page."""
    number = passport_number(rng)
    line1 = _mrz_name("P<D<<" + surname, given, 44)
    born = birth.strftime("%y%m%d")
    until = expiry.strftime("%y%m%d")
    personal = "<" * 14
    line2 = (number + icao_check_digit(number) + "D<<" + born + icao_check_digit(born) + sex +
             until + icao_check_digit(until) + personal + "<")
    composite = line2[0:10] + line2[13:20] + line2[21:43]
    line2 += icao_check_digit(composite)
    assert len(line1) == len(line2) == 44
    return [line1, line2]


def kvnr(rng):
    first = rng.choice(string.ascii_uppercase) + digits(rng, 8, first_nonzero=True)
    return first + kvnr_check_digit(first)


def pzn(rng):
    while True:
        first = digits(rng, 7)
        check = pzn_check_digit(first)
        if check != 10:
            return first + str(check)


def bic(rng, country):
    bank = "".join(rng.choice(string.ascii_uppercase) for _ in range(4))
    location = rng.choice(string.ascii_uppercase) + rng.choice("123456789ABCDEFGHJKLMNPQRSTUVWXYZ")
    branch = rng.choice(("", "", "XXX", digits(rng, 3)))
    return bank + country + location + branch


# --- Numbers that only look like identifiers ------------------------------------------------


def imei(rng):
    payload = rng.choice(("35", "86", "01")) + digits(rng, 12)
    return payload + luhn_check_digit(payload)


def ean13(rng):
    """A German EAN-13 (prefix 400-440) with its own GS1 check digit."""
    payload = str(rng.randint(400, 440)) + digits(rng, 9)
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(payload))
    return payload + str((10 - total % 10) % 10)


def eleven_digit_reference(rng):
    """An 11-digit reference number that is no valid Steuer-ID."""
    while True:
        value = digits(rng, 11, first_nonzero=True)
        if not tax_id_is_valid(value):
            return value


def non_card_digits(rng, count):
    """A run of digits that fails the Luhn check, for invoice and tracking numbers."""
    while True:
        value = digits(rng, count, first_nonzero=True)
        if not luhn_is_valid(value):
            return value
