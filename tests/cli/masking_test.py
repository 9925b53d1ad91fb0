"""No report, log line or error message shows a value of samples/README.md unmasked unless
--show-values is given; with it, the reports show every planted value.

The values are read from the README's tables (the planted findings, and the negatives that look
like account, card or phone numbers), so that a value planted later is checked too. A value
counts as shown when it appears as written, or compacted (without spaces and dashes), in any
case, in the output or in the output compacted the same way.

WAUDIT_BIN and WAUDIT_SOURCE_DIR are set by CTest (tests/CMakeLists.txt).
"""

import json
import os
import re
import shutil
import tempfile
import unittest
import zipfile

import sarif_schema
from cli_test import ANDROID, SAMPLES, changed_sample, read_xlsx, run

README = os.path.join(SAMPLES, "README.md")
TEXT_FORMATS = {
    "text": ["--format", "text"],
    "json": ["--format", "json"],
    "jsonl": ["--format", "jsonl"],
    "csv": ["--format", "csv"],
    "csv excel-de": ["--format", "csv", "--csv-dialect", "excel-de"],
    "sarif": ["--format", "sarif"],
}


def table_rows(markdown, heading):
    """The body rows of the first table under `heading`, as lists of cells."""
    section = markdown.split(f"\n{heading}\n", 1)[1]
    table = re.search(r"(?m)^\|.*\|\n\|[- |]+\|\n((?:\|.*\|\n)+)", section).group(1)
    return [[cell.strip() for cell in line.strip("|").split("|")] for line in table.splitlines()]


def readme_values():
    """(planted, other): every planted value, and the negatives with at least eight digits
    (dates, times and prices also occur in the reports' own timestamps)."""
    with open(README, encoding="utf-8") as f:
        markdown = f.read()
    planted = [re.fullmatch(r"`(.+)`", row[5]).group(1)
               for row in table_rows(markdown, "## Planted findings")]
    negatives = [value for row in table_rows(markdown, "## Negatives (must not be reported)")
                 for value in re.findall(r"`([^`]+)`", row[2])
                 if len(re.findall(r"\d", value)) >= 8]
    return planted, negatives


PLANTED, NEGATIVES = readme_values()


def compact(text):
    return re.sub(r"[\s\-]", "", text).lower()


def shown(values, text):
    """The values that `text` shows unmasked."""
    lowered, compacted = text.lower(), compact(text)
    return [v for v in values
            if v.lower() in lowered or compact(v) in lowered or compact(v) in compacted]


def workbook_text(path):
    """Everything a workbook holds: every cell of every sheet, and every XML part as text
    (document properties, shared strings), so that nothing hides in the container."""
    parts = [json.dumps(read_xlsx(path), ensure_ascii=False)]
    with zipfile.ZipFile(path) as archive:
        parts += [archive.read(name).decode("utf-8", errors="replace")
                  for name in archive.namelist()]
    return "\n".join(parts)


class Masking(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="waudit-masking-")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir)

    def path(self, name):
        return os.path.join(self.dir, name)

    def write(self, name, text):
        with open(self.path(name), "w", encoding="utf-8", newline="") as f:
            f.write(text)
        return self.path(name)

    def reports(self, *options, expected_code=1):
        """{format: (report, stderr)} for every format, the workbook's contents included."""
        reports = {}
        for name, format_options in TEXT_FORMATS.items():
            code, out, err = run("scan", *format_options, *options)
            self.assertEqual(code, expected_code, f"{name}: {err}")
            if name == "sarif":
                sarif_schema.check(self, out, f"sarif {options}")
            reports[name] = (out, err)
        workbook = self.path("report.xlsx")
        code, out, err = run("scan", "--output", f"xlsx={workbook}", *options)
        self.assertEqual((code, out), (expected_code, ""), err)
        reports["xlsx"] = (workbook_text(workbook), err)
        return reports

    def assert_nothing_shown(self, reports):
        for name, (out, err) in reports.items():
            with self.subTest(format=name):
                self.assertEqual(shown(PLANTED + NEGATIVES, out), [], f"{name} report")
                self.assertEqual(shown(PLANTED + NEGATIVES, err), [], f"{name} stderr")

    def test_readme_tables_are_read(self):
        self.assertIn("DE89 3704 0044 0532 0130 00", PLANTED)
        self.assertIn("3782 822463 10005", PLANTED)
        self.assertGreaterEqual(len(PLANTED), 8)
        self.assertIn("+49 170 1234567", PLANTED)
        self.assertIn("DE88 3704 0044 0532 0130 00", NEGATIVES)
        self.assertNotIn("10:30", NEGATIVES)

    def test_the_check_finds_a_value_in_any_spelling(self):
        for text in ("IBAN DE89 3704 0044 0532 0130 00.", "de89370400440532013000",
                     '"DE89-3704-0044-0532-0130-00"', "DE89\u00a03704 0044 0532 0130 00"):
            self.assertEqual(shown(PLANTED, text), ["DE89 3704 0044 0532 0130 00"], text)
        self.assertEqual(shown(PLANTED, "DE89 **** **** **** **30 00"), [])

    def test_reports_in_every_format_mask_every_value(self):
        reports = self.reports(SAMPLES)
        self.assert_nothing_shown(reports)
        for name, (out, _) in reports.items():
            self.assertIn("DE89 **** **** **** **30 00", out, name)  # the findings are there

    def test_shown_values_appear_in_every_format(self):
        for name, (out, _) in self.reports("--show-values", SAMPLES).items():
            with self.subTest(format=name):
                self.assertEqual([v for v in PLANTED if v not in out], [])

    def test_comparison_with_a_baseline_that_shows_values_masks_them(self):
        with open(ANDROID, encoding="utf-8", newline="") as f:
            chat = self.write(os.path.basename(ANDROID), changed_sample(f.read()))
        baseline = self.path("baseline.json")
        code, _, err = run("scan", "--format", "json", "--show-values", "--output", baseline,
                           ANDROID)
        self.assertEqual((code, err), (1, ""))
        with open(baseline, encoding="utf-8") as f:
            self.assertIn("DE89 3704 0044 0532 0130 00", f.read())
        reports = self.reports("--baseline", baseline, chat)
        self.assert_nothing_shown(reports)
        fixed = json.loads(reports["json"][0])["fixed"]
        self.assertEqual([f["match"] for f in fixed], ["DE89 **** **** **** **30 00"])

    def test_warnings_and_errors_name_no_value(self):
        """Inputs and settings that make waudit warn or fail, each holding the values: chats
        whose lines are cut, a text file that is not an export, a broken archive, a stale
        ignore entry, a baseline of another key, and baselines, ignore and configuration files
        that are broken where the values stand."""
        values = "\n".join(PLANTED + NEGATIVES)
        not_export = self.write("notes.txt", values + "\n")
        broken_zip = self.write("WhatsApp Chat mit X.zip", "PK\x03\x04" + values)
        stale = self.write("ignore.txt", f"{'0' * 32} {PLANTED[0]}\n")
        other_key = self.path("other-key.json")
        run("scan", "--format", "json", "--show-values", "--output", other_key, ANDROID,
            env={"WAUDIT_FINGERPRINT_KEY": "another key"})
        warnings = [
            ["--max-line", "100", SAMPLES, not_export, broken_zip],
            ["--ignore-file", stale, SAMPLES],
            ["--baseline", other_key, SAMPLES],
        ]
        for options in warnings:
            with self.subTest(options=options):
                code, out, err = run("scan", "--format", "json", *options)
                self.assertIn(code, (1, 2))
                self.assertNotEqual(err, "")
                self.assertEqual(shown(PLANTED + NEGATIVES, out + err), [])
        errors = [
            ["--baseline", self.write("bad.json", '{"schema": "waudit-findings/1", "findings": '
                                                  f'[{{"match": "{PLANTED[0]}"}}')],
            ["--baseline", self.write("bad2.json", f"{values} is no JSON")],
            ["--ignore-file", self.write("bad-ignore.txt", f"{PLANTED[0]} reason\n")],
            ["--config", self.write("bad.toml", f'[allow]\nvalues = ["{PLANTED[0]}", 1]\n')],
            ["--config", self.write("bad2.toml", f'[allow]\nvalues = "{PLANTED[1]}"\n')],
            ["--config", self.write("bad3.toml", f'owners = ["{PLANTED[2]}"]\n{PLANTED[3]}\n')],
        ]
        for options in errors:
            with self.subTest(options=options):
                code, out, err = run("scan", *options, ANDROID)
                self.assertEqual((code, out), (2, ""), err)
                self.assertEqual(len(err.splitlines()), 1, err)
                self.assertEqual(shown(PLANTED + NEGATIVES, err), [], err)


if __name__ == "__main__":
    unittest.main()
