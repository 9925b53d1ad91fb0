"""Opens waudit's XLSX and CSV reports in a real spreadsheet program (LibreOffice Calc,
headless), has it save every sheet back as CSV, and checks that every cell reads as written:
umlauts, a sender "+49 170 1234567" (no formula, no number), a sender that looks like a
formula, timestamps as text, and line, column and confidence as numbers.

WAUDIT_BIN is set by CTest (tests/CMakeLists.txt). Without soffice (Debian package
libreoffice-calc-nogui) the test prints "skipped: soffice not found" and exits with 77,
which CTest reports as skipped.
"""

import collections
import csv
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

SKIP = 77
BIN = os.environ.get("WAUDIT_BIN", "")

CHAT_NAME = "Jürgen Müller"
CHAT = (
    "15.04.23, 09:12 - Jürgen Müller: Meine IBAN ist DE89 3704 0044 0532 0130 00\n"
    "15.04.23, 09:13 - +49 170 1234567: Karte 4111 1111 1111 1111\n"
    "15.04.23, 09:14 - =HYPERLINK(1): Überweisung an AT611904300234573201 bitte\n"
)
SENDERS = ["Jürgen Müller", "+49 170 1234567", "=HYPERLINK(1)"]
NUMBER_COLUMNS = {"line", "column", "confidence"}

# LibreOffice's CSV filter options: separator, quote, UTF-8 (76), first line 1, no column
# types, English (US) numbers, no quoted-as-text, no special-number detection (so timestamps
# stay text, as a user's import dialog has it), cells as shown, no formulas, no space
# trimming, and (export) every sheet to its own file.
IMPORT_OPTIONS = "{sep},34,76,1,,1033,false,false"
EXPORT_OPTIONS = "44,34,76,1,,1033,false,false,true,false,false,-1"
CSV_FILTER = "Text - txt - csv (StarCalc)"


def guarded(cell):
    """A text cell as waudit's CSV writes it: a leading quote before what a spreadsheet would
    take for a formula, but not before a phone number such as "+49 170 1234567"."""
    phone = re.fullmatch(r"\+[0-9 ]+", cell) is not None
    return "'" + cell if cell[:1] in ("=", "+", "-", "@", "\t", "\r") and not phone else cell


def soffice_to_csv(source, out_dir, profile, import_options=None):
    """Converts `source` with LibreOffice; returns {sheet name: rows} from the CSV files."""
    command = ["soffice", "--headless", f"-env:UserInstallation=file://{profile}"]
    if import_options:
        command.append(f"--infilter={CSV_FILTER}:{import_options}")
    command += ["--convert-to", f"csv:{CSV_FILTER}:{EXPORT_OPTIONS}", "--outdir", out_dir, source]
    done = subprocess.run(command, capture_output=True, timeout=300)
    if done.returncode != 0:
        raise AssertionError(f"soffice failed: {done.stderr.decode(errors='replace')}")
    stem = os.path.splitext(os.path.basename(source))[0] + "-"
    sheets = {}
    for name in sorted(os.listdir(out_dir)):
        if name.startswith(stem) and name.endswith(".csv"):
            with open(os.path.join(out_dir, name), encoding="utf-8", newline="") as f:
                sheets[name[len(stem):-4]] = list(csv.reader(f))
    return sheets


class LibreOfficeReadsReports(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="waudit-spreadsheet-")
        cls.profile = os.path.join(cls.dir, "profile")
        cls.chat = os.path.join(cls.dir, f"WhatsApp Chat mit {CHAT_NAME}.txt")
        with open(cls.chat, "w", encoding="utf-8") as f:
            f.write(CHAT)
        outputs = {"json": "report.json", "xlsx": "report.xlsx", "csv": "report.csv"}
        args = [a for fmt, name in outputs.items()
                for a in ("--output", f"{fmt}={os.path.join(cls.dir, name)}")]
        done = subprocess.run([BIN, "scan", *args, cls.chat], capture_output=True, timeout=120)
        if done.returncode != 1:
            raise AssertionError(f"waudit exited {done.returncode}: {done.stderr!r}")
        with open(os.path.join(cls.dir, "report.json"), encoding="utf-8") as f:
            cls.report = json.load(f)
        excel_de = os.path.join(cls.dir, "report-de.csv")
        done = subprocess.run([BIN, "scan", "--format", "csv", "--csv-dialect", "excel-de",
                               "--output", excel_de, cls.chat], capture_output=True, timeout=120)
        if done.returncode != 1:
            raise AssertionError(f"waudit exited {done.returncode}: {done.stderr!r}")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir)

    def convert(self, name, import_options=None):
        out_dir = tempfile.mkdtemp(dir=self.dir)
        return soffice_to_csv(os.path.join(self.dir, name), out_dir, self.profile,
                              import_options)

    def expected_rows(self, formula_guard):
        """The report's findings as the CSV header names them, from the JSON report; with
        `formula_guard`, text cells as the CSV guards them."""
        rows = []
        for f in self.report["findings"]:
            location = f["location"]
            rows.append({
                "path": location["path"], "entry": location["entry"] or "",
                "line": location["line"], "column": location["column"], "chat": f["chat"],
                "sender": f["sender"], "timestamp": f["timestamp"], "rule": f["rule"],
                "category": f["category"], "severity": f["severity"], "match": f["match"],
                "attachment": f["attachment"] or "", "fingerprint": f["fingerprint"],
                "confidence": f["confidence"],
            })
        if formula_guard:
            rows = [{name: guarded(cell) if isinstance(cell, str) else cell
                     for name, cell in row.items()} for row in rows]
        return rows

    def check_findings(self, rows, formula_guard):
        header = rows[0]
        expected = self.expected_rows(formula_guard)
        self.assertEqual(header, list(expected[0].keys()))
        self.assertEqual(len(rows) - 1, len(expected))
        for row, want in zip(rows[1:], expected):
            for name, cell in zip(header, row):
                if name in NUMBER_COLUMNS:
                    self.assertAlmostEqual(float(cell), want[name], places=2, msg=name)
                else:
                    self.assertEqual(cell, want[name], name)
        self.assertEqual({row[header.index("sender")] for row in rows[1:]},
                         {guarded(s) if formula_guard else s for s in SENDERS})
        self.assertEqual({row[header.index("chat")] for row in rows[1:]}, {CHAT_NAME})

    def test_xlsx_every_sheet_reads_as_written(self):
        sheets = self.convert("report.xlsx")
        self.assertEqual(sorted(sheets), ["Findings", "Inputs", "Summary"])
        self.check_findings(sheets["Findings"], formula_guard=False)
        summary = sheets["Summary"]
        self.assertEqual(summary[0], ["path", "chat", "rule", "severity", "findings"])
        counts = collections.Counter((f["location"]["path"], f["chat"], f["rule"], f["severity"])
                                     for f in self.report["findings"])
        self.assertEqual(sorted(summary[1:]),
                         sorted([*key, str(count)] for key, count in counts.items()))
        self.assertIn([self.chat, CHAT_NAME, "iban", "high", "2"], summary)
        self.assertEqual(sheets["Inputs"], [
            ["path", "kind", "chats", "messages", "errors"],
            [self.chat, "txt", "1", "3", ""],
        ])

    def test_csv_reads_as_written(self):
        sheets = self.convert("report.csv", IMPORT_OPTIONS.format(sep=44))
        self.assertEqual(len(sheets), 1)
        self.check_findings(next(iter(sheets.values())), formula_guard=True)

    def test_csv_excel_de_reads_as_written(self):
        sheets = self.convert("report-de.csv", IMPORT_OPTIONS.format(sep=59))
        self.assertEqual(len(sheets), 1)
        self.check_findings(next(iter(sheets.values())), formula_guard=True)


if __name__ == "__main__":
    if shutil.which("soffice") is None:
        print("skipped: soffice not found")
        sys.exit(SKIP)
    if not BIN:
        print("WAUDIT_BIN is not set", file=sys.stderr)
        sys.exit(2)
    unittest.main(verbosity=2)
