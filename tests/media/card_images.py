"""Synthetic card, ID and ordinary photos for the card-photo tests and bench/ocr_bench.py.

Every number is a published test number (card networks' and payment providers' test cards,
the ICAO Doc 9303 and German BMI specimen MRZs) and every name is invented. Images are drawn
with Pillow and the DejaVu fonts (Debian: python3-pil, fonts-dejavu-core).
"""

import io
import random

from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT_DIR = "/usr/share/fonts/truetype/dejavu/"

# ID-1 at 10 pixels per millimetre: 85.6 x 54 mm.
CARD_SIZE = (856, 540)

# (number as printed, brand word, card colour)
PAYMENT_CARDS = [
    ("4111 1111 1111 1111", "VISA", (20, 40, 110)),
    ("5555 5555 5555 4444", "mastercard", (60, 60, 60)),
    ("4242 4242 4242 4242", "VISA", (120, 20, 30)),
    ("3782 822463 10005", "AMERICAN EXPRESS", (40, 110, 130)),
]

# (MRZ lines, document title lines); ICAO's TD1 specimen and the BMI's ID card specimen.
ID_CARDS = [
    (["I<UTOD231458907<<<<<<<<<<<<<<<",
      "7408122F1204159UTO<<<<<<<<<<<6",
      "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"], ["IDENTITY CARD", "UTOPIA"]),
    (["IDD<<T220001293<<<<<<<<<<<<<<<",
      "6408125<2010315D<<<<<<<<<<<<<4",
      "MUSTERMANN<<ERIKA<<<<<<<<<<<<<"], ["BUNDESREPUBLIK DEUTSCHLAND", "PERSONALAUSWEIS"]),
]

# ICAO's TD3 specimen (passport data page).
PASSPORT_MRZ = ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
                "L898902C36UTO7408122F1204159ZE184226B<<<<<10"]

VARIANTS = ["clean", "rotated", "noisy", "small"]


def font(size, name="DejaVuSans-Bold.ttf"):
    return ImageFont.truetype(FONT_DIR + name, size)


def payment_card(number, brand, colour, holder="ERIKA MUSTERFRAU"):
    card = Image.new("RGB", CARD_SIZE, colour)
    draw = ImageDraw.Draw(card)
    draw.text((50, 40), "Musterbank", fill="white", font=font(44))
    draw.text((560, 40), brand, fill="white", font=font(40 if len(brand) < 12 else 26))
    draw.rounded_rectangle((60, 160, 170, 240), radius=12, fill=(210, 180, 90))
    draw.text((50, 290), number, fill="white", font=font(56, "DejaVuSansMono-Bold.ttf"))
    draw.text((330, 385), "VALID THRU 12/29", fill="white", font=font(28))
    draw.text((50, 450), holder, fill="white", font=font(36))
    return card


def id_card(mrz, titles):
    card = Image.new("RGB", CARD_SIZE, (225, 232, 222))
    draw = ImageDraw.Draw(card)
    draw.text((40, 25), titles[0], fill=(30, 30, 30), font=font(34))
    draw.text((40, 70), titles[1], fill=(30, 30, 30), font=font(30))
    draw.rectangle((40, 120, 230, 330), fill=(170, 175, 185))
    draw.text((260, 130), "ERIKA MUSTERFRAU", fill=(20, 20, 20), font=font(30))
    draw.text((260, 180), "12.08.1974", fill=(20, 20, 20), font=font(28))
    mono = font(36, "DejaVuSansMono.ttf")
    for i, line in enumerate(mrz):
        draw.text((34, 362 + i * 56), line, fill="black", font=mono)
    return card


def passport_page(mrz):
    page = Image.new("RGB", (1250, 880), (235, 228, 240))
    draw = ImageDraw.Draw(page)
    draw.text((50, 40), "PASSPORT  REISEPASS", fill=(40, 30, 60), font=font(44))
    draw.rectangle((50, 130, 330, 500), fill=(170, 170, 185))
    draw.text((380, 150), "ERIKSSON", fill="black", font=font(36))
    draw.text((380, 210), "ANNA MARIA", fill="black", font=font(36))
    mono = font(40, "DejaVuSansMono.ttf")
    for i, line in enumerate(mrz):
        draw.text((40, 690 + i * 70), line, fill="black", font=mono)
    return page


def on_table(card, variant, seed):
    """The card photographed: on a table, in one of VARIANTS."""
    rng = random.Random(seed)
    if variant == "rotated":
        card = card.convert("RGBA").rotate(rng.choice([-5, 4, 90]), expand=True,
                                           resample=Image.BICUBIC)
    width, height = card.size
    canvas = Image.new("RGB", (width + 300, height + 260), (200, 190, 170))
    canvas.paste(card, (150, 130), card if card.mode == "RGBA" else None)
    if variant == "noisy":
        noise = Image.effect_noise(canvas.size, 40).convert("RGB")
        canvas = Image.blend(canvas, noise, 0.18).filter(ImageFilter.GaussianBlur(1))
    if variant == "small":
        canvas = canvas.resize((canvas.width * 45 // 100, canvas.height * 45 // 100),
                               Image.LANCZOS)
    return canvas


def landscape(seed):
    rng = random.Random(seed)
    image = Image.new("RGB", (1600, 1200))
    draw = ImageDraw.Draw(image)
    for y in range(700):
        draw.line((0, y, 1600, y), fill=(90 + y // 10, 150 + y // 12, 230))
    draw.ellipse((1200, 100, 1380, 280), fill=(250, 220, 120))
    for i in range(4):
        top = 600 + i * 120
        points = [(0, top + rng.randint(0, 80))]
        points += [(x, top + rng.randint(-60, 60)) for x in range(100, 1700, 200)]
        points += [(1600, 1200), (0, 1200)]
        draw.polygon(points, fill=(40 + i * 20, 120 + i * 15, 50))
    return image


def construction_site(seed):
    rng = random.Random(seed)
    image = Image.new("RGB", (1600, 1200), (160, 170, 180))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 800, 1600, 1200), fill=(130, 110, 80))
    for _ in range(12):
        x, y = rng.randint(0, 1400), rng.randint(500, 1000)
        draw.rectangle((x, y, x + rng.randint(60, 300), y + rng.randint(40, 200)),
                       fill=(rng.randint(100, 250), rng.randint(100, 200), 40))
    draw.line((300, 900, 300, 150, 1200, 150), fill=(230, 180, 20), width=24)
    draw.rectangle((900, 560, 1400, 760), fill="white")
    draw.text((930, 590), "BAUSTELLE", fill="red", font=font(70))
    draw.text((930, 680), "Betreten verboten", fill="black", font=font(40))
    return image


def receipt(seed):
    rng = random.Random(seed)
    image = Image.new("RGB", (700, 1500), (250, 250, 246))
    draw = ImageDraw.Draw(image)
    mono = font(30, "DejaVuSansMono.ttf")
    lines = ["   Musterbaeckerei", "  Hauptstrasse 1", "", "2 Broetchen        0,80",
             "1 Kuchen           3,20", "Kaffee             2,50", "",
             "SUMME EUR          6,50", "", "Kartenzahlung VISA", "Karte ************1111",
             f"Beleg-Nr. {rng.randint(1000, 9999)}", "Terminal-ID 12345678",
             "15.04.2023 14:03", "", "Vielen Dank!"]
    for i, line in enumerate(lines):
        draw.text((40, 60 + i * 52), line, fill="black", font=mono)
    return image.rotate(2, expand=True, fillcolor=(90, 80, 70))


def jpeg(image, quality=88):
    out = io.BytesIO()
    image.convert("RGB").save(out, "JPEG", quality=quality)
    return out.getvalue()


def card_set():
    """(name, kind, variant, JPEG bytes) of every synthetic card and ID document photo."""
    images = []
    seed = 1
    for number, brand, colour in PAYMENT_CARDS:
        for variant in VARIANTS:
            quality = 40 if variant == "noisy" else 88
            photo = on_table(payment_card(number, brand, colour), variant, seed)
            images.append((f"card-{seed:02d}-{variant}", "payment-card", variant,
                           jpeg(photo, quality)))
            seed += 1
    for mrz, titles in ID_CARDS:
        for variant in VARIANTS:
            quality = 40 if variant == "noisy" else 88
            photo = on_table(id_card(mrz, titles), variant, seed)
            images.append((f"id-{seed:02d}-{variant}", "id-card", variant, jpeg(photo, quality)))
            seed += 1
    images.append(("passport-clean", "passport", "clean",
                   jpeg(on_table(passport_page(PASSPORT_MRZ), "clean", seed))))
    return images


def ordinary_set(count=3):
    """(name, JPEG bytes) of photos without any card: landscapes, building sites, receipts."""
    makers = [landscape, construction_site, receipt]
    return [(f"ordinary-{i:03d}-{makers[i % 3].__name__}", jpeg(makers[i % 3](i)))
            for i in range(count)]
