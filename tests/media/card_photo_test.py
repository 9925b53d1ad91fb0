"""End-to-end tests of the rule card-photo: the real waudit binary on ZIP exports with
synthetic card, ID document and ordinary photos (tests/media/card_images.py), and on exports
without media. Run by CTest with WAUDIT_BIN set; exits 77 (skipped) without Pillow or without
Tesseract's language data.
"""

import json
import os
import subprocess
import sys
import tempfile
import unittest
import zipfile


def _reexec_with_debian_python():
    """Pillow comes from Debian (python3-pil): when this interpreter lacks it, Debian's has it."""
    debian = "/usr/bin/python3"
    if os.path.realpath(sys.executable) != os.path.realpath(debian) and os.path.exists(debian):
        os.execv(debian, [debian, *sys.argv])
    print("skipped: Pillow (python3-pil) is not installed")
    sys.exit(77)


try:
    import card_images
except ImportError:
    _reexec_with_debian_python()

BIN = os.environ.get("WAUDIT_BIN", "waudit")
TESSDATA = "/usr/share/tesseract-ocr/5/tessdata"


def run(*args, env=None):
    """Runs waudit; returns (exit code, stdout, stderr)."""
    full_env = dict(os.environ)
    full_env.pop("WAUDIT_CONFIG", None)
    full_env.update(env or {})
    done = subprocess.run([BIN, *args], capture_output=True, env=full_env, timeout=600)
    return done.returncode, done.stdout.decode(), done.stderr.decode()


def photo_name(index):
    return f"{index:08d}-PHOTO-2023-04-15-10-{index // 60:02d}-{index % 60:02d}.jpg"


def ios_line(index, sender, body):
    return f"[15.04.23, 10:{index // 60:02d}:{index % 60:02d}] {sender}: {body}"


def write_export(path, photos, captions=None, extra=None):
    """A German iOS export: one message per photo by Erika Musterfrau, then a reply by Max
    Beispiel; `captions` maps a photo's index to a message sent just before it."""
    captions = captions or {}
    lines = ["[15.04.23, 09:59:00] Max Beispiel: Bitte schicken Sie mir die Unterlagen."]
    with zipfile.ZipFile(path, "w") as archive:
        for index, (_, data) in enumerate(photos, start=1):
            if index in captions:
                lines.append(ios_line(index, "Erika Musterfrau", captions[index]))
            lines.append(ios_line(index, "Erika Musterfrau", f"\u200e<Anhang: {photo_name(index)}>"))
            lines.append(ios_line(index, "Max Beispiel", "Danke"))
            archive.writestr(photo_name(index), data)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
        archive.writestr("_chat.txt", "\n".join(lines) + "\n")


def card_photo_findings(report):
    return {f["attachment"]: f for f in report["findings"] if f["rule"] == "card-photo"}


class ImageEvidenceTest(unittest.TestCase):
    """One scan of every synthetic photo, shared by the tests of this class."""

    @classmethod
    def setUpClass(cls):
        if not os.path.exists(os.path.join(TESSDATA, "eng.traineddata")):
            raise unittest.SkipTest("Tesseract's English data is not installed")
        cls.folder = tempfile.TemporaryDirectory()
        cls.cards = card_images.card_set()
        cls.ordinary = card_images.ordinary_set(6)
        photos = [(name, data) for name, _, _, data in cls.cards] + cls.ordinary
        cls.export = os.path.join(cls.folder.name, "WhatsApp Chat - Erika.zip")
        write_export(cls.export, photos, extra={"broken-PHOTO.jpg": b"\xff\xd8\xff\xe0 cut"})
        cls.cache = os.path.join(cls.folder.name, "cache")
        cls.code, out, cls.stderr = run("scan", "--format", "json", "--jobs", "2", "--ocr", "on",
                                        "--ocr-cache", cls.cache, cls.export)
        cls.report = json.loads(out)
        cls.found = card_photo_findings(cls.report)

    @classmethod
    def tearDownClass(cls):
        cls.folder.cleanup()

    def test_every_card_and_document_is_found_with_its_kind(self):
        for index, (name, kind, variant, _) in enumerate(self.cards, start=1):
            with self.subTest(photo=name):
                finding = self.found.get(photo_name(index))
                self.assertIsNotNone(finding, f"{name} ({variant}) not found")
                self.assertEqual(finding["kind"], kind)
                self.assertGreaterEqual(finding["confidence"], 0.95)
                self.assertEqual(finding["severity"], "high")
                self.assertEqual(finding["category"],
                                 "financial" if kind == "payment-card" else "identity")
                self.assertEqual(finding["location"]["entry"], "_chat.txt")
                self.assertEqual(finding["sender"], "Erika Musterfrau")

    def test_no_ordinary_photo_is_reported(self):
        first = len(self.cards) + 1
        for index in range(first, first + len(self.ordinary)):
            self.assertNotIn(photo_name(index), self.found)

    def test_numbers_are_masked_everywhere(self):
        text = json.dumps(self.report)
        for number in ("4111111111111111", "4111 1111 1111 1111", "5555 5555 5555 4444",
                       "D23145890", "T22000129", "L898902C3"):
            self.assertNotIn(number, text)
        visa = self.found[photo_name(1)]
        self.assertEqual(visa["match"], "4111 **** **** 1111")
        self.assertIn("payment card number 4111 **** **** 1111", visa["evidence"])

    def test_a_damaged_image_is_an_error_and_the_scan_goes_on(self):
        self.assertEqual(self.code, 2)
        errors = self.report["inputs"][0]["errors"]
        self.assertEqual(len(errors), 1)
        self.assertIn("broken-PHOTO.jpg", errors[0])
        self.assertIn("broken-PHOTO.jpg", self.stderr)

    def test_ocr_counts_and_time_are_reported(self):
        ocr = self.report["inputs"][0]["ocr"]
        photos = len(self.cards) + len(self.ordinary) + 1
        self.assertEqual(ocr["images"], photos)
        self.assertEqual(ocr["read"], photos - 1)
        self.assertRegex(self.stderr, r"waudit: notice: .*: OCR read %d photos \(0 from the cache\) in [0-9]+\.[0-9] s\n" % (photos - 1))

    def test_a_rescan_reads_from_the_cache_and_reports_the_same(self):
        code, out, err = run("scan", "--format", "json", "--jobs", "2", "--ocr-cache", self.cache,
                             self.export)
        self.assertEqual(code, 2)
        photos = len(self.cards) + len(self.ordinary)
        self.assertIn("OCR read %d photos (%d from the cache)" % (photos, photos), err)
        report = json.loads(out)
        self.assertEqual(report, self.report)  # the reports of both runs are the same
        for entry in os.listdir(self.cache):
            with open(os.path.join(self.cache, entry), encoding="utf-8") as f:
                self.assertNotIn("4111 1111", f.read())

    def test_show_values_shows_the_number(self):
        export = os.path.join(self.folder.name, "one.zip")
        write_export(export, [(n, d) for n, _, _, d in self.cards[:1]])
        code, out, _ = run("scan", "--format", "json", "--show-values", "--ocr-cache",
                           self.cache, export)
        self.assertEqual(code, 1)
        finding = card_photo_findings(json.loads(out))[photo_name(1)]
        self.assertEqual(finding["match"], "4111 1111 1111 1111")


class TextEvidenceTest(unittest.TestCase):
    """Exports without media, and --ocr off: the words around a photo still count."""

    def setUp(self):
        self.folder = tempfile.TemporaryDirectory()

    def tearDown(self):
        self.folder.cleanup()

    def test_an_export_without_media_gets_text_findings(self):
        path = os.path.join(self.folder.name, "WhatsApp Chat mit Erika.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write("15.04.23, 14:01 - Max Beispiel: Bitte Ihre Bankkarte für das Lastschriftmandat\n"
                    "15.04.23, 14:02 - Erika Musterfrau: Hier ist meine EC-Karte\n"
                    "15.04.23, 14:02 - Erika Musterfrau: <Medien ausgeschlossen>\n"
                    "15.04.23, 14:03 - Erika Musterfrau: <Medien ausgeschlossen>\n"
                    "15.04.23, 14:03 - Erika Musterfrau: Vorder- und Rückseite vom Perso\n"
                    "15.04.23, 14:30 - Max Beispiel: <Medien ausgeschlossen>\n"
                    "15.04.23, 14:06 - Erika Musterfrau: Sticker weggelassen\n")
        code, out, _ = run("scan", "--format", "json", path)
        self.assertEqual(code, 1)
        findings = [f for f in json.loads(out)["findings"] if f["rule"] == "card-photo"]
        self.assertEqual([f["location"]["line"] for f in findings], [3, 4])
        first, second = findings
        self.assertEqual(first["kind"], "payment-card")
        self.assertEqual(first["category"], "financial")
        self.assertEqual(first["confidence"], 0.5)
        self.assertIsNone(first["attachment"])
        self.assertIn('message before: "EC-Karte"', first["evidence"])
        self.assertEqual(second["kind"], "payment-card")  # the EC card was named first
        self.assertIn('message after: "Perso"', second["evidence"])
        self.assertNotEqual(first["fingerprint"], "")

    def test_ocr_off_keeps_the_caption_evidence_of_a_zip(self):
        path = os.path.join(self.folder.name, "WhatsApp Chat - Erika.zip")
        landscape = card_images.jpeg(card_images.landscape(1))
        write_export(path, [("landscape", landscape), ("landscape", landscape)],
                     captions={1: "Mein Führerschein, vorne"})
        code, out, _ = run("scan", "--format", "json", "--ocr", "off", path)
        self.assertEqual(code, 1)
        report = json.loads(out)
        self.assertNotIn("ocr", report["inputs"][0])
        # Both photos follow the words within minutes: front and back.
        findings = card_photo_findings(report)
        self.assertEqual(sorted(findings), [photo_name(1), photo_name(2)])
        for finding in findings.values():
            self.assertEqual(finding["kind"], "driving-licence")
            self.assertEqual(finding["confidence"], 0.5)
        self.assertIn('message before: "Führerschein"', findings[photo_name(1)]["evidence"])

    def test_without_tesseract_data_auto_says_so_once_and_on_is_an_error(self):
        path = os.path.join(self.folder.name, "WhatsApp Chat - Erika.zip")
        landscape = card_images.jpeg(card_images.landscape(1))
        write_export(path, [("landscape", landscape), ("landscape", landscape)],
                     captions={1: "Mein Perso"})
        second = os.path.join(self.folder.name, "WhatsApp Chat - Erika 2.zip")
        with open(path, "rb") as source, open(second, "wb") as copy:
            copy.write(source.read())
        missing = {"TESSDATA_PREFIX": os.path.join(self.folder.name, "no-tessdata")}
        code, out, err = run("scan", "--format", "json", "--ocr-cache", "", path, second,
                             env=missing)
        self.assertEqual(code, 1)
        notices = [line for line in err.splitlines()
                   if line.startswith("waudit: notice: OCR is off")]
        self.assertEqual(len(notices), 1, err)
        kinds = [f["kind"] for f in json.loads(out)["findings"] if f["rule"] == "card-photo"]
        self.assertEqual(kinds, ["id-card"] * 4)
        code, _, err = run("scan", "--ocr", "on", "--ocr-cache", "", path, env=missing)
        self.assertEqual(code, 2)
        self.assertIn("--ocr on, but Tesseract cannot load", err)


if __name__ == "__main__":
    unittest.main(verbosity=2)
