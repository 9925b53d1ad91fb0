"""End-to-end tests: run the real waudit binary on samples/ and on broken inputs that the
tests make themselves, and check exit codes, stderr lines and the JSON report.

WAUDIT_BIN and WAUDIT_SOURCE_DIR are set by CTest (tests/CMakeLists.txt).
"""

import collections
import csv
import importlib.util
import io
import json
import os
import re
import shutil
import struct
import subprocess
import tempfile
import unittest
import zipfile
from xml.etree import ElementTree

BIN = os.environ["WAUDIT_BIN"]
SOURCE = os.environ["WAUDIT_SOURCE_DIR"]
SAMPLES = os.path.join(SOURCE, "samples")
ANDROID = os.path.join(SAMPLES, "WhatsApp Chat mit Lena Schmidt.txt")
IOS = os.path.join(SAMPLES, "WhatsApp Chat - Bakery Team.zip")

# The values planted in samples/ (samples/README.md): path, entry, line, column, rule, value.
A = "WhatsApp Chat mit Lena Schmidt.txt"
Z = "WhatsApp Chat - Bakery Team.zip"
PLANTED = [
    (A, None, 8, 90, "iban", "DE89 3704 0044 0532 0130 00"),
    (A, None, 14, 87, "phone", "+49 170 1234567"),
    (A, None, 17, 6, "iban", "AT611904300234573201"),
    (A, None, 26, 111, "iban", "ch93-0076-2011-6238-5295-7"),
    (A, None, 28, 115, "payment-card", "4111 1111 1111 1111"),
    (A, None, 32, 71, "payment-card", "5555-5555-5555-4444"),
    (A, None, 37, 59, "address", "Lindenstraße 12, 10115 Berlin"),
    (A, None, 37, 127, "email", "lena.schmidt@example.org"),
    (A, None, 39, 49, "credential", "4711"),
    (A, None, 40, 62, "health", "krankgeschrieben"),
    (A, None, 42, 44, "date-of-birth", "14.02.1988"),
    (Z, "_chat.txt", 5, 75, "phone", "+44 7700 900123"),
    (Z, "_chat.txt", 10, 60, "iban", "GB82 WEST 1234 5698 7654 32"),
    (Z, "_chat.txt", 15, 9, "iban", "NL91ABNA0417164300"),
    (Z, "_chat.txt", 18, 121, "payment-card", "3782 822463 10005"),
]
PLANTED_VALUES = [p[5] for p in PLANTED]
NEGATIVES = [
    "DE88 3704 0044 0532 0130 00",
    "4111 1111 1111 1112",
    "GB82 WEST 1234 5698 7654 33",
    "5555 5555 5555 4445",
]

ANDROID_CHAT = (
    "15.04.23, 09:12 - Jonas Weber: Guten Morgen\n"
    "15.04.23, 09:13 - Lena Schmidt: Meine IBAN ist DE89 3704 0044 0532 0130 00\n"
)


def run(*args, env=None, cwd=None):
    """Runs waudit; returns (exit code, stdout, stderr) as text."""
    full_env = dict(os.environ)
    full_env.pop("WAUDIT_FINGERPRINT_KEY", None)
    full_env.pop("WAUDIT_CONFIG", None)
    full_env.update(env or {})
    done = subprocess.run([BIN, *args], capture_output=True, env=full_env, timeout=120, cwd=cwd)
    return done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8")


def scan_json(*args, env=None):
    code, out, err = run("scan", "--format", "json", *args, env=env)
    return code, json.loads(out), err


def finding_keys(report):
    return [
        (f["location"]["path"], f["location"]["entry"], f["location"]["line"],
         f["location"]["column"], f["rule"])
        for f in report["findings"]
    ]


def write_zip(path, entries, **kwargs):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, **kwargs) as archive:
        for name, data in entries:
            archive.writestr(name, data)


SARIF_LEVELS = {"critical": "error", "high": "error", "medium": "warning", "low": "note",
                "info": "note"}
SECURITY_SEVERITIES = {"critical": "9.0", "high": "7.5", "medium": "5.0", "low": "3.0",
                       "info": "1.0"}
# RFC 3986 URI reference characters; anything else (a space, a non-ASCII letter) must be
# percent-encoded, or GitHub rejects the upload.
URI_REFERENCE = re.compile(r"^[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+$")


def check_sarif_structure(test, sarif, report):
    """The SARIF 2.1.0 parts GitHub code scanning requires, checked explicitly (the schema
    check is validate_against_sarif_schema below)."""
    test.assertEqual(sarif["version"], "2.1.0")
    test.assertRegex(sarif["$schema"], r"^https://.*sarif-schema-2\.1\.0\.json$")
    test.assertEqual(len(sarif["runs"]), 1)
    run_ = sarif["runs"][0]
    test.assertEqual(run_["columnKind"], "unicodeCodePoints")
    driver = run_["tool"]["driver"]
    test.assertEqual(driver["name"], "waudit")
    test.assertRegex(driver["version"], r"^\d+\.\d+\.\d+")
    rules = driver["rules"]
    ids = [rule["id"] for rule in rules]
    test.assertEqual(len(ids), len(set(ids)))
    for rule in rules:
        test.assertTrue(rule["shortDescription"]["text"])
        test.assertTrue(rule["fullDescription"]["text"])
        test.assertIn(rule["properties"]["security-severity"], SECURITY_SEVERITIES.values())
        test.assertIn("security", rule["properties"]["tags"])
    test.assertEqual(len(run_["results"]), len(report["findings"]))
    for result, finding in zip(run_["results"], report["findings"]):
        test.assertEqual(result["ruleId"], finding["rule"])
        rule = rules[result["ruleIndex"]]
        test.assertEqual(rule["id"], finding["rule"])
        test.assertEqual(rule["properties"]["tags"][-1], finding["category"])
        test.assertEqual(rule["properties"]["security-severity"],
                         SECURITY_SEVERITIES[finding["severity"]])
        test.assertEqual(result["level"], SARIF_LEVELS[finding["severity"]])
        test.assertEqual(result["message"]["text"],
                         f"{rule['shortDescription']['text']}: {finding['match']}")
        test.assertEqual(len(result["locations"]), 1)
        physical = result["locations"][0]["physicalLocation"]
        test.assertRegex(physical["artifactLocation"]["uri"], URI_REFERENCE)
        test.assertEqual(physical["region"], {"startLine": finding["location"]["line"],
                                              "startColumn": finding["location"]["column"]})
        test.assertEqual(result["partialFingerprints"],
                         {"wauditFingerprint/v1": finding["fingerprint"]})
        test.assertEqual(result["properties"]["path"], finding["location"]["path"])


def validate_against_sarif_schema(test, sarif):
    """Validates with python3-jsonschema against the official SARIF 2.1.0 schema, fetched with
    npm at test time (sarif_schema.py; says so on stderr where it cannot be fetched)."""
    import sarif_schema
    sarif_schema.check(test, json.dumps(sarif), "the SARIF report")


XLSX_NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
           "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}


def column_number(reference):
    letters = re.match(r"[A-Z]+", reference).group(0)
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - ord("A") + 1
    return number - 1


def read_xlsx(path):
    """Sheets of an XLSX file by name, in order: rows of cell values (str for text, float for
    numbers, "" for empty cells), the autofilter range, and whether the top row is frozen.
    Text cells may be shared strings or inline strings (libxlsxwriter's constant_memory mode)."""

    def text(element):
        return "".join(t.text or "" for t in element.iter(f"{{{XLSX_NS['m']}}}t"))

    with zipfile.ZipFile(path) as archive:
        strings = []
        if "xl/sharedStrings.xml" in archive.namelist():
            shared = ElementTree.fromstring(archive.read("xl/sharedStrings.xml"))
            strings = [text(si) for si in shared]
        book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        relations = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
        targets = {r.get("Id"): r.get("Target") for r in relations}
        sheets = {}
        for sheet in book.find("m:sheets", XLSX_NS):
            target = targets[sheet.get(f"{{{XLSX_NS['r']}}}id")]
            xml = ElementTree.fromstring(archive.read("xl/" + target))
            rows = []
            for row in xml.find("m:sheetData", XLSX_NS):
                cells = []
                for cell in row:
                    column = column_number(cell.get("r"))
                    cells.extend([""] * (column - len(cells)))
                    if cell.get("t") == "inlineStr":
                        cells.append(text(cell.find("m:is", XLSX_NS)))
                        continue
                    value = cell.find("m:v", XLSX_NS).text
                    cells.append(strings[int(value)] if cell.get("t") == "s" else float(value))
                rows.append(cells)
            width = max(len(r) for r in rows)
            rows = [r + [""] * (width - len(r)) for r in rows]
            pane = xml.find("m:sheetViews/m:sheetView/m:pane", XLSX_NS)
            autofilter = xml.find("m:autoFilter", XLSX_NS)
            sheets[sheet.get("name")] = {
                "rows": rows,
                "autofilter": autofilter.get("ref") if autofilter is not None else None,
                "frozen_top_row": pane is not None and pane.get("state") == "frozen"
                and pane.get("ySplit") == "1",
                "column_widths": xml.find("m:cols", XLSX_NS) is not None,
            }
        return sheets


class TempDirTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="waudit-cli-")

    def tearDown(self):
        shutil.rmtree(self.dir)

    def path(self, name):
        return os.path.join(self.dir, name)

    def write(self, name, data):
        path = self.path(name)
        with open(path, "wb") as f:
            f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
        return path


class SampleScan(unittest.TestCase):
    def test_json_report_has_exactly_the_planted_findings(self):
        code, report, err = scan_json(SAMPLES)
        self.assertEqual(code, 1, err)
        self.assertEqual(err, "")
        self.assertEqual(report["schema"], "waudit-findings/1")
        expected = sorted((os.path.join(SAMPLES, p[0]), p[1], p[2], p[3], p[4]) for p in PLANTED)
        self.assertEqual(finding_keys(report), expected)
        self.assertEqual(report["summary"]["findings"], len(PLANTED))
        self.assertEqual(report["summary"]["errors"], 0)

    def test_findings_carry_chat_sender_and_time(self):
        _, report, _ = scan_json(SAMPLES)
        for finding in report["findings"]:
            self.assertTrue(finding["chat"])
            self.assertTrue(finding["sender"])
            self.assertRegex(finding["timestamp"], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$")
            self.assertRegex(finding["fingerprint"], r"^[0-9a-f]{32}$")
        chats = {f["chat"] for f in report["findings"]}
        self.assertEqual(chats, {"Lena Schmidt", "Bakery Team"})

    def test_inputs_list_both_samples_with_their_kind(self):
        _, report, _ = scan_json(SAMPLES)
        kinds = {os.path.basename(i["path"]): i["kind"] for i in report["inputs"]}
        self.assertEqual(kinds, {"WhatsApp Chat - Bakery Team.zip": "zip",
                                 "WhatsApp Chat mit Lena Schmidt.txt": "txt"})
        for entry in report["inputs"]:
            self.assertEqual(entry["chats"], 1)
            self.assertGreater(entry["messages"], 10)
            self.assertEqual(entry["errors"], [])
        ios = [i for i in report["inputs"] if i["kind"] == "zip"][0]
        self.assertEqual(len(ios["media"]), 2)

    def test_values_are_masked_everywhere_unless_asked(self):
        code, out, err = run("scan", SAMPLES)
        json_code, json_out, _ = run("scan", "--format", "json", SAMPLES)
        self.assertEqual((code, json_code), (1, 1))
        for value in PLANTED_VALUES:
            self.assertNotIn(value, out + err + json_out)
            compact = re.sub(r"[ -]", "", value)
            self.assertNotIn(compact, out + json_out)
        _, shown, _ = run("scan", "--format", "json", "--show-values", SAMPLES)
        for value in PLANTED_VALUES:
            self.assertIn(value, shown)

    def test_wrong_checksums_are_not_reported(self):
        _, shown, _ = run("scan", "--format", "json", "--show-values", SAMPLES)
        for value in NEGATIVES:
            self.assertNotIn(value, shown)

    def test_output_is_deterministic_and_independent_of_argument_order(self):
        first = run("scan", "--format", "json", IOS, ANDROID)[1]
        second = run("scan", "--format", "json", ANDROID, IOS)[1]
        self.assertEqual(first, second)

    def test_text_report_groups_by_input_and_chat(self):
        code, out, _ = run("scan", SAMPLES)
        self.assertEqual(code, 1)
        self.assertIn('chat "Lena Schmidt"', out)
        self.assertIn('chat "Bakery Team" in _chat.txt', out)
        self.assertRegex(out, r"\n\d+ findings \(")

    def test_fail_on_controls_the_exit_code(self):
        self.assertEqual(run("scan", "--fail-on", "never", SAMPLES)[0], 0)
        self.assertEqual(run("scan", "--fail-on", "critical", SAMPLES)[0], 0)
        self.assertEqual(run("scan", "--fail-on", "high", SAMPLES)[0], 1)
        self.assertEqual(run("scan", "--fail-on", "HIGH", SAMPLES)[0], 1)

    def test_fingerprints_depend_on_the_key(self):
        _, default, _ = scan_json(ANDROID)
        _, keyed, _ = scan_json(ANDROID, env={"WAUDIT_FINGERPRINT_KEY": "company secret"})
        self.assertNotEqual(default["findings"][0]["fingerprint"],
                            keyed["findings"][0]["fingerprint"])
        self.assertEqual(finding_keys(default), finding_keys(keyed))


class Arguments(TempDirTest):
    def test_version(self):
        code, out, _ = run("--version")
        self.assertEqual(code, 0)
        self.assertRegex(out, r"^waudit \d+\.\d+\.\d+")

    def test_usage_errors_exit_2_with_one_line(self):
        code, _, err = run("scan")
        self.assertEqual(code, 2)
        self.assertTrue(err.startswith("waudit: error: "))
        self.assertEqual(run("scan", "--format", "xml", ANDROID)[0], 2)
        self.assertEqual(run("frobnicate")[0], 2)

    def test_unexpected_arguments_are_not_repeated(self):
        key = "0123456789abcdef" * 4
        code, _, err = run("scan", ANDROID, "--key", key)
        self.assertEqual(code, 2)
        self.assertNotIn(key, err)
        self.assertIn("--key", err)

    def test_broken_rule_pack_names_file_and_line(self):
        pack = self.write("bad.toml", '[[rule]]\nid = "x"\ncategory = "c"\ndescription = "d"\n'
                                      'pattern = "x"\nvalidator = "nope"\n')
        code, out, err = run("scan", "--rules", pack, ANDROID)
        self.assertEqual(code, 2)
        self.assertEqual(out, "")
        self.assertEqual(err, f'waudit: error: {pack}:6: unknown validator "nope"\n')

    def test_user_rule_pack_adds_a_rule(self):
        pack = self.write("extra.toml", '[[rule]]\nid = "greeting"\ncategory = "test"\n'
                                        'severity = "low"\ndescription = "d"\n'
                                        "pattern = '(Guten Morgen)'\n")
        chat = self.write("WhatsApp Chat mit Lena.txt", ANDROID_CHAT)
        code, report, _ = scan_json("--rules", pack, chat)
        self.assertEqual(code, 1)
        self.assertEqual([f["rule"] for f in report["findings"]], ["greeting", "iban"])

    def test_man_page_documents_every_scan_option(self):
        _, help_text, _ = run("scan", "--help")
        with open(os.path.join(SOURCE, "man", "waudit.1"), encoding="utf-8") as f:
            man = f.read().replace("\\-", "-")
        options = set(re.findall(r"--[a-z][a-z-]+", help_text))
        self.assertIn("--fail-on", options)
        for option in options:
            self.assertTrue(option in man, f"{option} is not in man/waudit.1")


class OutputFile(TempDirTest):
    def test_output_file_gets_the_report_and_stdout_stays_empty(self):
        target = self.path("report.json")
        code, out, _ = run("scan", "--format", "json", "--output", target, ANDROID)
        self.assertEqual((code, out), (1, ""))
        with open(target, encoding="utf-8") as f:
            self.assertEqual(json.load(f)["schema"], "waudit-findings/1")
        self.assertEqual(os.listdir(self.dir), ["report.json"])  # no temporary file left

    def test_paths_after_output_are_inputs_and_never_overwritten(self):
        first = self.write("WhatsApp Chat mit A.txt", ANDROID_CHAT)
        second = self.write("WhatsApp Chat mit B.txt", ANDROID_CHAT)
        target = self.path("report.json")
        code, _, err = run("scan", "--output", target, "--format", "json", first, second)
        self.assertEqual(code, 1, err)
        with open(target, encoding="utf-8") as f:
            self.assertEqual(len(json.load(f)["inputs"]), 2)
        for path in (first, second):
            with open(path, encoding="utf-8") as f:
                self.assertEqual(f.read(), ANDROID_CHAT)

    def test_unwritable_output_fails_before_scanning(self):
        code, _, err = run("scan", "--output", self.path("missing/dir/report.json"), ANDROID)
        self.assertEqual(code, 2)
        self.assertIn("cannot create output file", err)


class Jobs(TempDirTest):
    def test_output_and_errors_are_the_same_for_any_number_of_jobs(self):
        bad = self.write("broken.zip", b"PK\x03\x04" + b"\x00" * 100)
        missing = self.path("missing.txt")
        for fmt in ("json", "text", "csv"):
            runs = [run("scan", "--format", fmt, "--jobs", str(jobs), SAMPLES, bad, missing)
                    for jobs in (1, 2, 5)]
            self.assertEqual(runs[0][0], 2)
            self.assertEqual(runs[1], runs[0])
            self.assertEqual(runs[2], runs[0])
            self.assertEqual(len(runs[0][2].splitlines()), 2)


class Limits(TempDirTest):
    """Hostile archives and texts: refused with one clear error, the other input still read."""

    def test_zip_bomb_is_refused_by_the_compression_ratio(self):
        bomb = self.path("bomb.zip")
        with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
            with archive.open("_chat.txt", "w") as entry:
                entry.write(b"15.04.23, 09:12 - Max: hi\n")
                chunk = (b"15.04.23, 09:12 - Max: " + b"a" * 1000 + b"\n") * 1024
                for _ in range(100):
                    entry.write(chunk)
        self.assertLess(os.path.getsize(bomb), 1 << 20)
        BadInput.scan_with_good(self, bomb, "zip bomb")

    def test_bzip2_bomb_of_10_gb_in_8_kb_is_refused_whatever_its_headers_say(self):
        # bench/zip_bomb.py builds the stream without inflating anything (about a second).
        spec = importlib.util.spec_from_file_location(
            "zip_bomb", os.path.join(SOURCE, "bench", "zip_bomb.py"))
        zip_bomb = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(zip_bomb)
        stream, crc = zip_bomb.bzip2_bomb_stream()
        declared = {"true": (zip_bomb.INFLATED_BYTES, "would inflate"),
                    "understated": (zip_bomb.LYING_BYTES, "inflates more than 200 times")}
        for variant, (size, message) in declared.items():
            with self.subTest(headers=variant):
                os.makedirs(self.path(variant))
                bomb = self.path(os.path.join(variant, "WhatsApp Chat mit Max.zip"))
                zip_bomb.write_zip(bomb, stream, crc, size)
                self.assertLess(os.path.getsize(bomb), 10_000)
                line = BadInput.scan_with_good(self, bomb, message)
                self.assertIn("(--max-ratio; a zip bomb?)", line)

    def test_entry_size_limit(self):
        archive = self.path("WhatsApp Chat - Big.zip")
        write_zip(archive, [("_chat.txt", ANDROID_CHAT * 2000)])
        good = self.write("WhatsApp Chat mit Lena.txt", ANDROID_CHAT)
        code, _, err = run("scan", "--max-entry-size", "64KiB", archive, good)
        self.assertEqual(code, 2)
        self.assertIn("inflates to more than 65536 bytes (--max-entry-size)", err)

    def test_entry_count_limit(self):
        archive = self.path("many.zip")
        write_zip(archive, [("_chat.txt", ANDROID_CHAT)] +
                  [(f"IMG-{i}.jpg", b"x") for i in range(5)])
        good = self.write("WhatsApp Chat mit Lena.txt", ANDROID_CHAT)
        code, report, err = scan_json("--max-entries", "3", archive, good)
        self.assertEqual(code, 2)
        self.assertEqual(len(err.splitlines()), 1)
        self.assertIn("more than 3 (--max-entries)", err)
        self.assertEqual([f["rule"] for f in report["findings"]], ["iban"])

    def test_long_lines_are_cut_and_counted_once(self):
        long_line = "x" * 5000 + "\n"
        chat = self.write("WhatsApp Chat mit X.txt",
                          ANDROID_CHAT + "15.04.23, 09:14 - X: a\n" + long_line * 3)
        code, report, err = scan_json("--max-line", "1KiB", chat)
        self.assertEqual(code, 2)
        lines = err.splitlines()
        self.assertEqual(len(lines), 2)
        self.assertIn(":4: line longer than 1024 bytes (--max-line)", lines[0])
        self.assertIn("2 more lines longer than 1024 bytes", lines[1])
        self.assertEqual([f["rule"] for f in report["findings"]], ["iban"])

    def test_depth_limit_option(self):
        inner = io.BytesIO()
        with zipfile.ZipFile(inner, "w") as archive:
            archive.writestr("_chat.txt", ANDROID_CHAT)
        outer = self.path("outer.zip")
        write_zip(outer, [("inner.zip", inner.getvalue())])
        code, _, err = run("scan", "--max-depth", "1", outer)
        self.assertEqual(code, 2)
        self.assertIn("nested more than 1 levels deep (--max-depth)", err)


class Formats(TempDirTest):
    def test_jsonl_has_one_contract_finding_per_line(self):
        code, out, _ = run("scan", "--format", "jsonl", SAMPLES)
        _, report, _ = scan_json(SAMPLES)
        self.assertEqual(code, 1)
        lines = out.splitlines()
        self.assertEqual([json.loads(line) for line in lines], report["findings"])

    def test_csv_has_a_header_and_one_row_per_finding(self):
        code, out, _ = run("scan", "--format", "csv", SAMPLES)
        self.assertEqual(code, 1)
        rows = list(csv.reader(io.StringIO(out, newline="")))
        self.assertEqual(rows[0][:4], ["path", "entry", "line", "column"])
        self.assertEqual(len(rows) - 1, len(PLANTED))
        self.assertIn("\r\n", out)
        keys = [(r[0], r[1] or None, int(r[2]), int(r[3]), r[7]) for r in rows[1:]]
        _, report, _ = scan_json(SAMPLES)
        self.assertEqual(keys, finding_keys(report))

    def test_csv_excel_de_dialect_and_formula_guard(self):
        chat = self.write("WhatsApp Chat mit X.txt",
                          "15.04.23, 09:12 - =HYPERLINK(1): IBAN DE89370400440532013000\n"
                          "15.04.23, 09:13 - +49 170 1234567: 4111 1111 1111 1111\n")
        _, out, _ = run("scan", "--format", "csv", "--csv-dialect", "excel-de", chat)
        self.assertTrue(out.startswith("\ufeffpath;entry;line;column"))
        rows = list(csv.reader(io.StringIO(out.lstrip("\ufeff"), newline=""), delimiter=";"))
        self.assertEqual(rows[1][5], "'=HYPERLINK(1)")
        self.assertEqual(rows[2][5], "+49 170 1234567")

    def test_several_outputs_in_one_run(self):
        report_path, csv_path = self.path("r.json"), self.path("f.csv")
        code, out, _ = run("scan", "--output", f"json={report_path}", "--output",
                           f"csv={csv_path}", SAMPLES)
        self.assertEqual((code, out), (1, ""))
        with open(report_path, encoding="utf-8") as f:
            self.assertEqual(len(json.load(f)["findings"]), len(PLANTED))
        with open(csv_path, encoding="utf-8", newline="") as f:
            self.assertEqual(len(list(csv.reader(f))), len(PLANTED) + 1)

    def test_sarif_has_the_structure_github_code_scanning_reads(self):
        code, out, err = run("scan", "--format", "sarif", SAMPLES)
        self.assertEqual(code, 1, err)
        sarif = json.loads(out)
        _, report, _ = scan_json(SAMPLES)
        check_sarif_structure(self, sarif, report)
        validate_against_sarif_schema(self, sarif)
        for value in PLANTED_VALUES:
            self.assertNotIn(value, out)
            self.assertNotIn(re.sub(r"[ -]", "", value), out)
        _, shown, _ = run("scan", "--format", "sarif", "--show-values", SAMPLES)
        for value in PLANTED_VALUES:
            self.assertIn(value, shown)

    def test_sarif_names_zip_entries_and_lists_every_rule(self):
        _, out, _ = run("scan", "--format", "sarif", IOS)
        run_ = json.loads(out)["runs"][0]
        rule_ids = [rule["id"] for rule in run_["tool"]["driver"]["rules"]]
        self.assertIn("iban", rule_ids)
        self.assertIn("payment-card", rule_ids)
        location = run_["results"][0]["locations"][0]["physicalLocation"]
        uri = location["artifactLocation"]["uri"]
        self.assertTrue(uri.startswith("file:///"), uri)
        self.assertTrue(uri.endswith("/WhatsApp%20Chat%20-%20Bakery%20Team.zip/_chat.txt"), uri)
        self.assertEqual(run_["results"][0]["properties"]["entry"], "_chat.txt")

    def test_xlsx_needs_an_output_file(self):
        code, out, err = run("scan", "--format", "xlsx", ANDROID)
        self.assertEqual((code, out), (2, ""))
        self.assertTrue(err.startswith("waudit: error: --format xlsx: "), err)
        self.assertIn("--output FILE", err.splitlines()[0])

    def test_xlsx_workbook_holds_the_csv_cells_as_text_and_numbers(self):
        chat = self.write("WhatsApp Chat mit Jürgen Müller.txt",
                          "15.04.23, 09:12 - =HYPERLINK(1): IBAN DE89370400440532013000\n"
                          "15.04.23, 09:13 - +49 170 1234567: 4111 1111 1111 1111\n")
        workbook, csv_path = self.path("f.xlsx"), self.path("f.csv")
        code, out, _ = run("scan", "--output", f"xlsx={workbook}", "--output",
                           f"csv={csv_path}", chat, SAMPLES)
        self.assertEqual((code, out), (1, ""))
        self.assertEqual(sorted(os.listdir(self.dir)), sorted([
            "WhatsApp Chat mit Jürgen Müller.txt", "f.csv", "f.xlsx"]))  # no temporary file
        sheets = read_xlsx(workbook)
        self.assertEqual(list(sheets), ["Findings", "Summary", "Inputs"])
        with open(csv_path, encoding="utf-8", newline="") as f:
            csv_rows = list(csv.reader(f))
        findings = sheets["Findings"]
        self.assertEqual(findings["rows"][0], csv_rows[0])
        self.assertEqual(len(findings["rows"]), len(csv_rows))
        self.assertGreaterEqual(len(findings["rows"]), len(PLANTED) + 3)
        for xlsx_row, csv_row in zip(findings["rows"][1:], csv_rows[1:]):
            # Numbers are numbers, and a text cell needs no formula guard.
            expected = [float(cell) if column in (2, 3, 13) and cell else
                        cell[1:] if re.match(r"'[=+\-@\t\r]", cell) else cell
                        for column, cell in enumerate(csv_row)]
            self.assertEqual(xlsx_row, expected)
        # Rows are sorted by path: where the temporary chat lands depends on where the
        # checkout is, so pick its rows by chat name.
        ours = [row for row in findings["rows"][1:] if row[4] == "Jürgen Müller"]
        self.assertEqual({row[5] for row in ours}, {"=HYPERLINK(1)", "+49 170 1234567"})
        self.assertTrue(findings["frozen_top_row"])
        self.assertEqual(findings["autofilter"], f"A1:N{len(csv_rows)}")
        self.assertTrue(findings["column_widths"])
        summary = sheets["Summary"]["rows"]
        self.assertEqual(summary[0], ["path", "chat", "rule", "severity", "findings"])
        self.assertIn([chat, "Jürgen Müller", "iban", "high", 1.0], summary)
        self.assertEqual(sum(row[4] for row in summary[1:]), len(csv_rows) - 1)
        inputs = sheets["Inputs"]["rows"]
        self.assertEqual(inputs[0], ["path", "kind", "chats", "messages", "errors"])
        self.assertEqual(len(inputs), 4)


class BadInput(TempDirTest):
    """Each broken input: one error line naming it, exit 2, the good input still scanned."""

    def scan_with_good(self, bad, expected_error):
        good = self.write("WhatsApp Chat mit Lena.txt", ANDROID_CHAT)
        code, report, err = scan_json(bad, good)
        self.assertEqual(code, 2, err)
        lines = err.splitlines()
        self.assertEqual(len(lines), 1, err)
        self.assertTrue(lines[0].startswith(f"waudit: error: {bad}"), lines[0])
        self.assertIn(expected_error, lines[0])
        self.assertEqual([f["rule"] for f in report["findings"]], ["iban"])
        bad_input = [i for i in report["inputs"] if i["path"] == bad][0]
        self.assertEqual(len(bad_input["errors"]), 1)
        self.assertEqual(report["summary"]["errors"], 1)
        return lines[0]

    def test_missing_file(self):
        self.scan_with_good(self.path("nope.txt"), "no such file or directory")

    def test_corrupt_zip(self):
        bad = self.write("broken.zip", b"PK\x03\x04" + os.urandom(300))
        self.scan_with_good(bad, "ZIP")

    def test_truncated_zip(self):
        with open(IOS, "rb") as f:
            data = f.read()
        bad = self.write("truncated.zip", data[: len(data) // 2])
        self.scan_with_good(bad, "ZIP")

    def test_zip_without_chat_text(self):
        bad = self.path("media-only.zip")
        write_zip(bad, [("IMG-20230415-WA0007.jpg", b"\xff\xd8\xff")])
        self.scan_with_good(bad, "no chat text in archive")

    def test_encrypted_chat_entry(self):
        source = self.write("_chat.txt", ANDROID_CHAT)
        bad = self.path("encrypted.zip")
        subprocess.run(["zip", "-q", "-j", "-P", "secret", bad, source], check=True)
        os.remove(source)
        line = self.scan_with_good(bad, "entry is encrypted")
        self.assertIn(": _chat.txt: ", line)

    def test_text_that_is_not_an_export(self):
        bad = self.write("notes.txt", "Einkaufsliste\nMilch\nDE89 3704 0044 0532 0130 00\n")
        self.scan_with_good(bad, "not a WhatsApp chat export")

    def test_binary_file_named_txt(self):
        bad = self.write("photo.txt", bytes(range(256)) * 64)
        self.scan_with_good(bad, "not a WhatsApp chat export")

    def test_empty_file(self):
        bad = self.write("empty.txt", b"")
        self.scan_with_good(bad, "empty")

    def test_entry_names_are_never_used_as_paths(self):
        bad = self.path("traversal.zip")
        write_zip(bad, [("../../evil\nname.txt", "x"), ("a.txt", "y"), ("b.txt", "z")])
        line = self.scan_with_good(bad, "no chat text")
        self.assertNotIn("\nname", line)
        self.assertFalse(os.path.exists(os.path.join(self.dir, "..", "evil\nname.txt")))


class Text(TempDirTest):
    def test_invalid_utf8_is_kept_for_columns(self):
        chat = self.write("WhatsApp Chat mit X.txt",
                          b"15.04.23, 09:12 - X\xff: \xff\xfe IBAN DE89370400440532013000\n")
        code, report, err = scan_json(chat)
        self.assertEqual(code, 1, err)
        finding = report["findings"][0]
        self.assertEqual((finding["location"]["line"], finding["location"]["column"]), (1, 31))
        self.assertEqual(finding["sender"], "X\ufffd")

    def test_zip_entry_locations(self):
        archive = self.path("WhatsApp Chat - Team.zip")
        chat = ("[18.04.23, 09:41:07] Ann: hi\r\n"
                "[18.04.23, 09:42:00] Bob: Konto:\nGB82 WEST 1234 5698 7654 32\r\n")
        write_zip(archive, [("_chat.txt", chat)])
        code, report, _ = scan_json(archive)
        self.assertEqual(code, 1)
        self.assertEqual(finding_keys(report), [(archive, "_chat.txt", 3, 1, "iban")])
        self.assertEqual(report["findings"][0]["chat"], "Team")
        self.assertEqual(report["findings"][0]["sender"], "Bob")
        self.assertEqual(report["findings"][0]["timestamp"], "2023-04-18T09:42:00")


IOS_MEDIA_CHAT = (
    "[18.04.23, 09:41:07] Ann: hi\r\n"
    "[18.04.23, 09:42:00] Bob: \u200e<Anhang: 00000001-PHOTO-2023-04-18-09-42-00.jpg>\r\n"
    "[18.04.23, 09:43:00] Bob: \u200e<Anhang: 00000002-PHOTO-2023-04-18-09-43-00.jpg>\r\n"
    "[18.04.23, 09:44:00] Ann: \u200e<Anhang: 00000003-Max.vcf>\r\n"
)
VCARD = ("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Max\r\n"
         "NOTE:IBAN DE89 3704 0044 0532 0130 00\r\nEND:VCARD\r\n")


def input_of(report, path):
    return [i for i in report["inputs"] if i["path"] == path][0]


def zip_bytes(entries, compression=zipfile.ZIP_DEFLATED):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in entries:
            archive.writestr(name, data)
    return buffer.getvalue()


class Encodings(TempDirTest):
    """Chat texts in UTF-16 or with a BOM: same findings, same lines and columns as UTF-8."""

    def expect_iban_at_line_2(self, path, entry=None):
        code, report, err = scan_json(path)
        self.assertEqual((code, err), (1, ""))
        self.assertEqual(finding_keys(report), [(path, entry, 2, 48, "iban")])
        self.assertEqual(report["findings"][0]["sender"], "Lena Schmidt")
        self.assertEqual(report["findings"][0]["timestamp"], "2023-04-15T09:13:00")
        return report

    def test_utf16le_export_with_bom(self):
        chat = self.write("WhatsApp Chat mit Lena.txt",
                          b"\xff\xfe" + ANDROID_CHAT.encode("utf-16-le"))
        report = self.expect_iban_at_line_2(chat)
        self.assertEqual(report["inputs"][0]["encoding"], "utf-16le")
        self.assertEqual(report["findings"][0]["chat"], "Lena")

    def test_utf16be_export_without_bom(self):
        chat = self.write("WhatsApp Chat mit Lena.txt", ANDROID_CHAT.encode("utf-16-be"))
        report = self.expect_iban_at_line_2(chat)
        self.assertEqual(report["inputs"][0]["encoding"], "utf-16be")

    def test_utf16_chat_text_in_zip(self):
        archive = self.path("WhatsApp Chat - Team.zip")
        write_zip(archive, [("_chat.txt", b"\xff\xfe" + ANDROID_CHAT.encode("utf-16-le"))])
        report = self.expect_iban_at_line_2(archive, "_chat.txt")
        self.assertEqual(report["inputs"][0]["encoding"], "utf-16le")

    def test_utf8_bom_is_skipped_and_columns_start_after_it(self):
        chat = self.write("WhatsApp Chat mit Lena.txt",
                          "\ufeff15.04.23, 09:13 - Lena Schmidt: DE89 3704 0044 0532 0130 00\n")
        code, report, err = scan_json(chat)
        self.assertEqual((code, err), (1, ""))
        self.assertEqual(finding_keys(report), [(chat, None, 1, 33, "iban")])
        self.assertNotIn("encoding", report["inputs"][0])
        self.assertEqual(report["inputs"][0]["messages"], 1)


class NestedArchives(TempDirTest):
    """ZIPs inside the ZIP: scanned from memory, entries reported as outer/inner paths."""

    def test_nested_export_finding_has_entry_path(self):
        inner = zip_bytes([("_chat.txt", IOS_MEDIA_CHAT + "[18.04.23, 09:45:00] Ann: "
                                         "GB82 WEST 1234 5698 7654 32\r\n")])
        archive = self.path("exports.zip")
        write_zip(archive, [("WhatsApp Chat - Team.zip", inner)])
        code, report, err = scan_json(archive)
        self.assertEqual((code, err), (1, ""))
        self.assertEqual(finding_keys(report),
                         [(archive, "WhatsApp Chat - Team.zip/_chat.txt", 5, 27, "iban")])
        self.assertEqual(report["findings"][0]["chat"], "Team")
        entry = report["inputs"][0]
        self.assertEqual((entry["chats"], entry["errors"]), (1, []))
        self.assertNotIn("WhatsApp Chat - Team.zip", entry["media"])  # an export, not media

    def test_several_chat_texts_get_their_own_chat_names(self):
        archive = self.path("exports.zip")
        write_zip(archive, [
            ("WhatsApp Chat - Anna/_chat.txt",
             "[18.04.23, 09:41:07] Ann: DE89370400440532013000\r\n"),
            ("WhatsApp Chat - Ben/_chat.txt",
             "[18.04.23, 09:41:07] Ben: NL91ABNA0417164300\r\n"),
        ])
        code, report, _ = scan_json(archive)
        self.assertEqual(code, 1)
        chats = {f["location"]["entry"]: f["chat"] for f in report["findings"]}
        self.assertEqual(chats, {"WhatsApp Chat - Anna/_chat.txt": "Anna",
                                 "WhatsApp Chat - Ben/_chat.txt": "Ben"})
        self.assertEqual(report["inputs"][0]["chats"], 2)

    def test_macos_archive_utility_zip_is_read(self):
        # Archive Utility keeps the size in the local header beside a data descriptor, which
        # libzip 1.7.3's consistency check rejects (nih-at/libzip#341).
        class Unseekable(io.RawIOBase):
            def __init__(self):
                self.data = bytearray()

            def writable(self):
                return True

            def write(self, b):
                self.data += b
                return len(b)

        stream = Unseekable()
        with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("_chat.txt", "[18.04.23, 09:41:07] Ann: NL91ABNA0417164300\r\n")
        data = stream.data
        for info in zipfile.ZipFile(io.BytesIO(bytes(data))).infolist():
            offset = info.header_offset + 22  # the local header's uncompressed size
            data[offset:offset + 4] = struct.pack("<I", info.file_size)
        archive = self.write("WhatsApp Chat - Mac.zip", bytes(data))
        code, report, err = scan_json(archive)
        self.assertEqual((code, err), (1, ""))
        self.assertEqual(finding_keys(report), [(archive, "_chat.txt", 1, 27, "iban")])

    def test_archive_nested_too_deep_is_skipped(self):
        deepest = zip_bytes([("_chat.txt", ANDROID_CHAT)])
        middle = zip_bytes([("b.zip", deepest)])
        bad = self.path("deep.zip")
        write_zip(bad, [("a.zip", middle)])
        line = BadInput.scan_with_good(self, bad, "nested more than 2 levels deep (--max-depth); skipped")
        self.assertIn(": a.zip/b.zip: ", line)

    def test_nested_archive_too_large_is_skipped(self):
        big = zip_bytes([("_chat.txt", ANDROID_CHAT), ("video.mp4", bytes(65 << 20))],
                        zipfile.ZIP_STORED)
        bad = self.path("big.zip")
        write_zip(bad, [("WhatsApp Chat - Big.zip", big)])
        line = BadInput.scan_with_good(self, bad, "nested archive larger than 67108864 bytes (--max-nested-size); skipped")
        self.assertIn(": WhatsApp Chat - Big.zip: ", line)

    def test_corrupt_nested_archive(self):
        bad = self.path("outer.zip")
        write_zip(bad, [("_chat.txt", "[18.04.23, 09:41:07] Ann: hi\r\n"),
                        ("inner.zip", b"PK\x03\x04" + bytes(100))])
        line = BadInput.scan_with_good(self, bad, "not a ZIP archive; skipped")
        self.assertIn(": inner.zip: ", line)


class Media(TempDirTest):
    """Attachment references matched to the archive's entries."""

    def test_missing_and_unreferenced_media_are_listed(self):
        archive = self.path("WhatsApp Chat - Team.zip")
        # A real (tiny) photo: waudit decodes photos, and a damaged one is an error.
        with zipfile.ZipFile(IOS) as sample:
            photo = next(sample.read(n) for n in sample.namelist() if n.endswith(".jpg"))
        write_zip(archive, [("_chat.txt", IOS_MEDIA_CHAT),
                            ("00000001-PHOTO-2023-04-18-09-42-00.jpg", photo),
                            ("00000003-Max.vcf", "BEGIN:VCARD\r\nEND:VCARD\r\n"),
                            ("notes.pdf", b"%PDF"),
                            ("__MACOSX/._notes.pdf", b"x")])
        code, report, err = scan_json(archive)
        self.assertEqual((code, err), (0, ""))
        entry = report["inputs"][0]
        self.assertEqual(entry["media"], ["00000001-PHOTO-2023-04-18-09-42-00.jpg",
                                          "00000003-Max.vcf", "notes.pdf"])
        self.assertEqual(entry["media_missing"], ["00000002-PHOTO-2023-04-18-09-43-00.jpg"])
        self.assertEqual(entry["media_unreferenced"], ["notes.pdf"])
        self.assertEqual(entry["media_referenced"], 3)

    def test_decomposed_entry_name_matches_composed_reference(self):
        chat = ("[18.04.23, 09:42:00] Bob: "
                "\u200e<Anhang: 00000004-Gr\u00fc\u00dfe an J\u00f6rg.pdf>\r\n")
        archive = self.path("WhatsApp Chat - Team.zip")
        write_zip(archive, [("_chat.txt", chat),
                            ("00000004-Gru\u0308\u00dfe an Jo\u0308rg.pdf", b"%PDF")])
        code, report, _ = scan_json(archive)
        self.assertEqual(code, 0)
        entry = report["inputs"][0]
        self.assertEqual((entry["media_missing"], entry["media_unreferenced"]), ([], []))

    MANY_MEDIA = "".join(
        f"15.04.23, 09:12 - Jonas: IMG-20230415-WA{i:06d}.jpg (Datei angeh\u00e4ngt)\n"
        for i in range(100003))

    def test_too_many_media_names_is_said_once(self):
        # Past 100000 distinct names an archive's media lists stop growing; that is one error
        # line, not one per further name (a 1 GB export repeated it for every message).
        archive = self.path("WhatsApp Chat - Team.zip")
        write_zip(archive, [("_chat.txt", self.MANY_MEDIA)])
        code, report, err = scan_json(archive)
        self.assertEqual(code, 2)
        self.assertEqual(err.count("more than 100000 media file names"), 1, err[:500])
        self.assertEqual(len(report["inputs"][0]["errors"]), 1)
        self.assertEqual(report["inputs"][0]["messages"], 100003)

    def test_a_plain_text_counts_any_number_of_media_names(self):
        # Without media in hand only the number is reported, and only hashes are kept: a
        # year of a busy group is no error (it was, past 100000 names, before).
        chat = self.write("WhatsApp Chat mit Lena.txt", self.MANY_MEDIA + self.MANY_MEDIA)
        code, report, err = scan_json(chat)
        self.assertEqual((code, err), (0, ""))
        self.assertEqual(report["inputs"][0]["media_referenced"], 100003)
        self.assertEqual(report["inputs"][0]["errors"], [])

    def test_plain_text_counts_references_without_media_lists(self):
        line = "15.04.23, 09:1{} - Jonas: IMG-20230415-WA000{}.jpg (Datei angeh\u00e4ngt)\n"
        chat = self.write("WhatsApp Chat mit Lena.txt",
                          line.format(2, 7) + line.format(3, 8) + line.format(4, 7))
        code, report, _ = scan_json(chat)
        self.assertEqual(code, 0)
        entry = report["inputs"][0]
        self.assertEqual(entry["media_referenced"], 2)
        for key in ("media", "media_missing", "media_unreferenced"):
            self.assertNotIn(key, entry)


class ContactCards(TempDirTest):
    """.vcf entries are scanned line by line; findings carry the card's entry and lines."""

    def test_iban_in_referenced_card(self):
        archive = self.path("WhatsApp Chat - Team.zip")
        write_zip(archive, [("_chat.txt", IOS_MEDIA_CHAT), ("00000003-Max.vcf", VCARD)])
        code, report, err = scan_json(archive)
        self.assertEqual((code, err), (1, ""))
        self.assertEqual(finding_keys(report), [(archive, "00000003-Max.vcf", 4, 11, "iban")])
        finding = report["findings"][0]
        self.assertEqual((finding["chat"], finding["sender"], finding["timestamp"]),
                         ("Team", "Ann", "2023-04-18T09:44:00"))
        self.assertEqual(finding["attachment"], "00000003-Max.vcf")
        self.assertEqual(finding["match"], "DE89 **** **** **** **30 00")

    def test_payment_card_in_unreferenced_card(self):
        archive = self.path("WhatsApp Chat - Team.zip")
        write_zip(archive, [("_chat.txt", "[18.04.23, 09:41:07] Ann: hi\r\n"),
                            ("Kontakte/Lena.VCF",
                             "BEGIN:VCARD\nNOTE:Karte 4111 1111 1111 1111\nEND:VCARD\n")])
        code, report, _ = scan_json(archive)
        self.assertEqual(code, 1)
        self.assertEqual(finding_keys(report),
                         [(archive, "Kontakte/Lena.VCF", 2, 12, "payment-card")])
        finding = report["findings"][0]
        self.assertEqual((finding["chat"], finding["sender"], finding["timestamp"]),
                         ("Team", None, None))


class Configuration(TempDirTest):
    """.waudit.toml in the working directory, --config FILE or $WAUDIT_CONFIG: defaults for
    options (the command line wins), rule settings, allowed values and owners."""

    def scan_in_dir(self, config, *args, env=None):
        """Runs `waudit scan --format json ... ANDROID` in a folder holding `config` as
        .waudit.toml; returns (exit code, report or None, stderr)."""
        self.write(".waudit.toml", config)
        code, out, err = run("scan", *args, ANDROID, env=env, cwd=self.dir)
        return code, (json.loads(out) if out.startswith("{") else out), err

    def test_file_in_working_directory_sets_defaults(self):
        code, report, err = self.scan_in_dir('format = "json"\nfail_on = "never"\n')
        self.assertEqual((code, err), (0, ""))
        self.assertEqual(report["summary"]["findings"], len(scan_json(ANDROID)[1]["findings"]))

    def test_command_line_wins_over_the_file(self):
        config = 'format = "json"\nfail_on = "never"\ntimezone = "Nowhere/Zone"\n'
        self.write(".waudit.toml", config)
        code, out, err = run("scan", "--format", "csv", "--fail-on", "low", "--timezone", "UTC",
                             ANDROID, cwd=self.dir)
        self.assertEqual((code, err), (1, ""))
        self.assertTrue(out.startswith("path,entry,line,"))

    def test_settings_for_options_are_checked_with_file_and_line(self):
        for config, message in [
            ('\nformat = "xml"\n', ':2: unknown format "xml" (expected csv, json, jsonl, '),
            ('fail_on = "sometimes"\n', ':1: unknown fail_on "sometimes"'),
            ('timezone = "Nowhere/Zone"\n', ':1: unknown time zone "Nowhere/Zone"'),
        ]:
            code, out, err = self.scan_in_dir(config)
            self.assertEqual((code, out), (2, ""), config)
            self.assertTrue(err.startswith("waudit: error: .waudit.toml" + message), err)

    def test_unknown_key_names_file_and_line(self):
        code, out, err = self.scan_in_dir('format = "json"\n[rules]\ndisable = ["bic"]\n')
        self.assertEqual((code, out), (2, ""))
        self.assertEqual(err, "waudit: error: .waudit.toml:3: unknown key `disable` in [rules]\n")

    def test_unknown_rule_names_file_and_line(self):
        code, out, err = self.scan_in_dir('[rules.severity]\nibna = "low"\n')
        self.assertEqual((code, out), (2, ""))
        self.assertEqual(err, 'waudit: error: .waudit.toml:2: unknown rule "ibna"\n')

    def test_rules_disabled_and_severities_set(self):
        code, report, _ = self.scan_in_dir(
            '[rules]\ndisabled = ["payment-card"]\n[rules.severity]\niban = "critical"\n',
            "--format", "json")
        self.assertEqual(code, 1)
        rules = {(f["rule"], f["severity"]) for f in report["findings"]}
        self.assertIn(("iban", "critical"), rules)
        self.assertEqual({rule for rule, severity in rules if rule in ("iban", "payment-card")
                          or severity == "critical"}, {"iban"})
        self.assertEqual(report["summary"]["by_severity"]["critical"], 3)

    def test_allowed_values_are_left_out_and_counted(self):
        # Written differently from the export: compared after the detectors' normalisation.
        config = '[allow]\nvalues = ["de89370400440532013000", "AT61-1904-3002-3457-3201"]\n'
        _, report, _ = self.scan_in_dir(config, "--format", "json", "--show-values")
        values = [f["match"] for f in report["findings"]]
        self.assertNotIn("DE89 3704 0044 0532 0130 00", values)
        self.assertNotIn("AT611904300234573201", values)
        _, plain, _ = self.scan_in_dir("", "--format", "json")
        self.assertEqual(len(values), len(plain["findings"]) - 2)
        self.assertEqual(report["summary"]["allowlisted"], 2)
        _, text, _ = self.scan_in_dir(config)
        self.assertRegex(text, rf"\n{len(values)} findings \(.*\), 2 allowlisted, 0 errors\n$")
        self.assertNotIn("allowlisted", plain["summary"])

    def test_owners_are_marked_in_json(self):
        _, report, _ = self.scan_in_dir('owners = ["lena schmidt", "Jonas Weber"]\n',
                                        "--format", "json")
        owned = [f["sender_is_owner"] for f in report["findings"]]
        self.assertEqual(owned, [f["sender"] in ("Lena Schmidt", "Jonas Weber")
                                 for f in report["findings"]])
        self.assertIn(True, owned)
        self.assertIn(False, owned)
        _, plain, _ = self.scan_in_dir("", "--format", "json")
        self.assertNotIn("sender_is_owner", plain["findings"][0])

    def test_config_option_and_environment_variable(self):
        config = self.write("audit.toml", 'fail_on = "never"\n')
        self.assertEqual(run("scan", "--config", config, ANDROID)[0], 0)
        self.assertEqual(run("scan", ANDROID, env={"WAUDIT_CONFIG": config})[0], 0)
        # --config wins over $WAUDIT_CONFIG, which wins over ./.waudit.toml.
        other = self.write("other.toml", 'fail_on = "low"\n')
        self.write(".waudit.toml", 'fail_on = "low"\n')
        self.assertEqual(run("scan", ANDROID, env={"WAUDIT_CONFIG": config}, cwd=self.dir)[0], 0)
        self.assertEqual(
            run("scan", "--config", other, ANDROID, env={"WAUDIT_CONFIG": config})[0], 1)

    def test_missing_config_file_is_an_error(self):
        missing = self.path("none.toml")
        code, out, err = run("scan", "--config", missing, ANDROID)
        self.assertEqual((code, out), (2, ""))
        self.assertEqual(err, f"waudit: error: {missing}: cannot read configuration file\n")


class DateOrderOption(TempDirTest):
    """--date-order replaces the per-file decision; the report says which order was used."""

    # 03.04.23 and 05.04.23 fit both orders: auto assumes day first.
    CHAT = ("03.04.23, 09:12 - Jonas: Hallo\n"
            "05.04.23, 09:13 - Lena: Meine IBAN ist DE89 3704 0044 0532 0130 00\n")

    def scan_with(self, *options):
        chat = self.write("WhatsApp Chat mit Lena.txt", self.CHAT)
        code, report, err = scan_json(*options, chat)
        self.assertEqual((code, err), (1, ""))
        only_input = report["inputs"][0]
        return (only_input["date_order"], only_input["date_order_assumed"],
                report["findings"][0]["timestamp"])

    def test_auto_decides_per_file_and_says_when_it_assumed(self):
        self.assertEqual(self.scan_with(), ("dmy", True, "2023-04-05T09:13:00"))
        self.assertEqual(self.scan_with("--date-order", "auto"),
                         ("dmy", True, "2023-04-05T09:13:00"))

    def test_given_order_is_used_and_not_assumed(self):
        self.assertEqual(self.scan_with("--date-order", "mdy"),
                         ("mdy", False, "2023-05-04T09:13:00"))
        self.assertEqual(self.scan_with("--date-order", "DMY"),
                         ("dmy", False, "2023-04-05T09:13:00"))

    def test_given_order_overrides_evidence(self):
        chat = self.write("WhatsApp Chat mit Lena.txt",
                          "25.04.23, 09:12 - Jonas: IBAN DE89 3704 0044 0532 0130 00\n")
        code, report, _ = scan_json("--date-order", "mdy", chat)
        self.assertEqual(code, 1)
        self.assertEqual(report["inputs"][0]["date_order"], "mdy")
        self.assertIsNone(report["findings"][0]["timestamp"])  # there is no 25th month

    def test_unknown_order_is_a_usage_error(self):
        chat = self.write("WhatsApp Chat mit Lena.txt", self.CHAT)
        code, out, err = run("scan", "--date-order", "dym", chat)
        self.assertEqual((code, out), (2, ""))
        self.assertIn("--date-order", err)


def changed_sample(text):
    """The Android sample with one finding removed (the IBAN of line 8) and one added (a new
    message at line 3, which moves every later finding one line down)."""
    lines = text.split("\n")
    lines.insert(2, "15.04.23, 09:13 - Lena Schmidt: Meine neue IBAN ist NL91ABNA0417164300")
    return "\n".join(lines).replace("unser Konto DE89 3704 0044 0532 0130 00",
                                    "unser Konto (siehe Rechnung)")


class Baselines(TempDirTest):
    """--baseline: this scan compared with an earlier JSON report by fingerprint; findings are
    new or existing, and the baseline's missing ones are fixed, in every format."""

    def setUp(self):
        super().setUp()
        with open(ANDROID, encoding="utf-8") as f:
            self.original = f.read()
        self.chat = self.write(A, self.original)
        self.base = self.path("base.json")

    def make_baseline(self, *args, env=None):
        code, _, err = run("scan", "--format", "json", "--output", self.base, *args, self.chat,
                           env=env)
        self.assertEqual((code, err), (1, ""))
        with open(self.base, encoding="utf-8") as f:
            return json.load(f)

    def test_one_new_and_one_fixed_finding_in_json(self):
        baseline = self.make_baseline()
        self.write(A, changed_sample(self.original))
        code, report, err = scan_json("--baseline", self.base, self.chat)
        self.assertEqual((code, err), (1, ""))
        kept = len(baseline["findings"]) - 1  # every rule's findings but the IBAN of line 8
        statuses = [f["status"] for f in report["findings"]]
        self.assertEqual(sorted(statuses), ["existing"] * kept + ["new"])
        new = [f for f in report["findings"] if f["status"] == "new"]
        self.assertEqual([(f["rule"], f["location"]["line"], f["match"]) for f in new],
                         [("iban", 3, "NL91**********4300")])
        # The ones that stayed moved one line down and still match by fingerprint.
        existing = [f for f in report["findings"] if f["status"] == "existing"]
        self.assertEqual([f["location"]["line"] for f in existing],
                         [f["location"]["line"] + 1 for f in baseline["findings"]
                          if f["location"]["line"] != 8])
        gone = [f for f in baseline["findings"] if f["location"]["line"] == 8]
        self.assertEqual(report["fixed"], [dict(gone[0], status="fixed")])
        self.assertEqual(report["fixed"][0]["match"], "DE89 **** **** **** **30 00")
        summary = report["summary"]
        self.assertEqual((summary["findings"], summary["new"], summary["existing"],
                          summary["fixed"]), (kept + 1, 1, kept, 1))
        self.assertEqual(list(report), ["schema", "tool", "inputs", "findings", "fixed",
                                        "summary"])

    def test_one_new_and_one_fixed_finding_in_text(self):
        kept = len(self.make_baseline()["findings"]) - 1
        self.write(A, changed_sample(self.original))
        code, out, err = run("scan", "--baseline", self.base, self.chat)
        self.assertEqual((code, err), (1, ""))
        new_lines = [line for line in out.splitlines() if line.endswith("  [new]")]
        self.assertEqual(len(new_lines), 1)
        self.assertIn("3:", new_lines[0])
        self.assertIn("NL91**********4300", new_lines[0])
        self.assertEqual(out.count("Fixed since the baseline: "), 1)
        fixed = out.split(f"\nFixed since the baseline: {self.chat}\n")[1].splitlines()
        self.assertEqual(fixed[0], f'  chat "Lena Schmidt"')
        self.assertRegex(fixed[1], r"^    8:90 +high +iban +DE89 \*{4} \*{4} \*{4} \*\*30 00  \(")
        self.assertEqual(fixed[2], "")
        self.assertRegex(fixed[3], rf"^{kept + 1} findings \((.*, )?3 iban, 2 payment-card(, .*)?\), "
                                   rf"1 new, {kept} existing, 1 fixed, 0 errors$")
        self.assertEqual(len(fixed), 4)

    def test_fail_on_counts_new_findings_only(self):
        self.make_baseline()
        self.assertEqual(run("scan", "--baseline", self.base, self.chat)[0], 0)
        self.write(A, changed_sample(self.original))
        self.assertEqual(run("scan", "--baseline", self.base, self.chat)[0], 1)
        self.assertEqual(run("scan", "--baseline", self.base, "--fail-on", "critical",
                             self.chat)[0], 0)

    def test_every_format_reports_the_comparison(self):
        kept = len(self.make_baseline()["findings"]) - 1
        self.write(A, changed_sample(self.original))
        expected = {"new": 1, "existing": kept, "fixed": 1}

        _, out, _ = run("scan", "--baseline", self.base, "--format", "jsonl", self.chat)
        lines = [json.loads(line) for line in out.splitlines()]
        self.assertEqual(collections.Counter(f["status"] for f in lines), expected)
        self.assertEqual(lines[-1]["status"], "fixed")

        _, out, _ = run("scan", "--baseline", self.base, "--format", "csv", self.chat)
        rows = list(csv.reader(io.StringIO(out, newline="")))
        self.assertEqual(rows[0][-2:], ["confidence", "status"])
        self.assertEqual(collections.Counter(r[-1] for r in rows[1:]), expected)
        self.assertEqual(rows[-1][-1], "fixed")

        _, out, _ = run("scan", "--baseline", self.base, "--format", "sarif", self.chat)
        results = json.loads(out)["runs"][0]["results"]
        self.assertEqual(collections.Counter(r["baselineState"] for r in results),
                         {"new": 1, "unchanged": kept, "absent": 1})
        self.assertEqual(results[-1]["baselineState"], "absent")
        self.assertEqual(results[-1]["locations"][0]["physicalLocation"]["region"],
                         {"startLine": 8, "startColumn": 90})

        workbook = self.path("f.xlsx")
        run("scan", "--baseline", self.base, "--output", f"xlsx={workbook}", self.chat)
        rows = read_xlsx(workbook)["Findings"]["rows"]
        self.assertEqual(rows[0][-2:], ["confidence", "status"])
        self.assertEqual(collections.Counter(r[-1] for r in rows[1:]), expected)

    def test_without_a_baseline_no_report_has_a_status(self):
        _, report, _ = scan_json(self.chat)
        self.assertNotIn("fixed", report)
        self.assertNotIn("status", report["findings"][0])
        for key in ("new", "existing", "fixed", "ignored"):
            self.assertNotIn(key, report["summary"])
        _, out, _ = run("scan", "--format", "csv", self.chat)
        self.assertEqual(out.splitlines()[0].split(",")[-1], "confidence")
        _, out, _ = run("scan", self.chat)
        self.assertNotIn("[new]", out)
        self.assertNotIn("Fixed since", out)

    def test_values_of_a_baseline_with_shown_values_are_masked(self):
        baseline = self.make_baseline("--show-values")
        self.assertIn("DE89 3704 0044 0532 0130 00", json.dumps(baseline))
        self.write(A, changed_sample(self.original))
        for fmt in ("json", "text", "csv", "sarif"):
            _, out, _ = run("scan", "--baseline", self.base, "--format", fmt, self.chat)
            self.assertNotIn("DE89 3704 0044 0532 0130 00", out)
            self.assertIn("DE89 **** **** **** **30 00", out)

    def test_baseline_of_another_key_matches_nothing_and_says_so(self):
        n = len(self.make_baseline(env={"WAUDIT_FINGERPRINT_KEY": "another key"})["findings"])
        code, report, err = scan_json("--baseline", self.base, self.chat)
        self.assertEqual(code, 1)
        self.assertEqual((report["summary"]["new"], report["summary"]["fixed"]), (n, n))
        self.assertEqual(err, f"waudit: warning: {self.base}: none of this scan's {n} findings "
                              f"is among the baseline's {n}; was the baseline made with another "
                              "fingerprint key?\n")

    def test_a_file_that_is_not_a_report_is_one_error(self):
        _, jsonl, _ = run("scan", "--format", "jsonl", self.chat)
        _, sarif, _ = run("scan", "--format", "sarif", self.chat)
        cases = [
            ("", "the file is empty"),
            ("{\"schema\": ", "invalid JSON at byte 12"),
            (jsonl, f"invalid JSON at byte {len(jsonl.splitlines()[0].encode()) + 2}"),
            (sarif, 'no "schema": "waudit-findings/1"'),
            ('{"schema": "waudit-findings/1", "findings": [{"rule": "iban"}]}',
             'findings[0] has no "location"'),
        ]
        for content, why in cases:
            bad = self.write("bad.json", content)
            code, out, err = run("scan", "--baseline", bad, self.chat)
            self.assertEqual((code, out), (2, ""), why)
            self.assertEqual(err, f"waudit: error: {bad}: not a waudit JSON report ({why})\n")
        code, out, err = run("scan", "--baseline", self.path("missing.json"), self.chat)
        self.assertEqual((code, out), (2, ""))
        self.assertIn("--baseline", err)


class IgnoreFiles(TempDirTest):
    """.wauditignore or --ignore-file: accepted findings by fingerprint, with a reason and an
    optional expiry date; left out and counted, with warnings about stale entries."""

    def setUp(self):
        super().setUp()
        _, self.report, _ = scan_json(ANDROID)
        self.by_line = {f["location"]["line"]: f["fingerprint"] for f in self.report["findings"]}
        self.count = len(self.report["findings"])  # whatever the rules find besides the planted

    def test_listed_findings_are_left_out_and_counted(self):
        ignore = self.write("accepted.txt",
                            "# accepted by the DPO\n"
                            f"{self.by_line[8]} 2999-12-31 our own account on invoices\n"
                            "\n"
                            f"{self.by_line[17].upper()}\ttest data # ticket 12\n")
        code, report, err = scan_json("--ignore-file", ignore, ANDROID)
        self.assertEqual((code, err), (1, ""))
        left = [f for f in self.report["findings"] if f["location"]["line"] not in (8, 17)]
        self.assertEqual(report["findings"], left)
        self.assertEqual((report["summary"]["findings"], report["summary"]["ignored"]),
                         (self.count - 2, 2))
        by_rule = dict(self.report["summary"]["by_rule"], iban=1)
        self.assertEqual(report["summary"]["by_rule"], by_rule)
        _, out, _ = run("scan", "--ignore-file", ignore, ANDROID)
        self.assertRegex(out, rf"\n{self.count - 2} findings \((.*, )?1 iban, 2 payment-card(, .*)?\), "
                              r"2 ignored, 0 errors\n$")

    def test_wauditignore_in_the_working_directory_is_read(self):
        self.write(".wauditignore",
                   "".join(f"{f['fingerprint']} accepted\n" for f in self.report["findings"]))
        code, out, err = run("scan", "--format", "json", ANDROID, cwd=self.dir)
        self.assertEqual((code, err), (0, ""))
        report = json.loads(out)
        self.assertEqual((report["findings"], report["summary"]["ignored"]), ([], self.count))
        _, elsewhere, _ = scan_json(ANDROID)
        self.assertNotIn("ignored", elsewhere["summary"])

    def test_expired_entry_no_longer_applies_and_is_warned_about(self):
        ignore = self.write("accepted.txt", f"# old\n{self.by_line[8]} 2000-01-31 until January\n")
        code, report, err = scan_json("--ignore-file", ignore, ANDROID)
        self.assertEqual(code, 1)
        self.assertEqual(err, f"waudit: warning: {ignore}:2: entry expired on 2000-01-31 and no "
                              "longer applies\n")
        self.assertEqual((report["summary"]["findings"], report["summary"]["ignored"]),
                         (self.count, 0))
        self.assertEqual(run("scan", "--quiet", "--ignore-file", ignore, ANDROID)[2], "")

    def test_entry_that_matches_nothing_is_warned_about_without_changing_the_exit_code(self):
        ignore = self.write("accepted.txt", f"{self.by_line[8]} ours\n{'0' * 32} gone since May\n")
        code, report, err = scan_json("--ignore-file", ignore, "--fail-on", "never", ANDROID)
        self.assertEqual(code, 0)
        self.assertEqual(err, f"waudit: warning: {ignore}:2: entry matches no finding of this "
                              "scan\n")
        self.assertEqual(report["summary"]["ignored"], 1)
        chat = self.write("WhatsApp Chat mit Max.txt", "15.04.23, 09:12 - Max: Hallo\n")
        code, _, err = run("scan", "--ignore-file", ignore, chat)
        self.assertEqual(code, 0)
        self.assertEqual(len(err.splitlines()), 2)

    def test_malformed_ignore_file_is_a_configuration_error(self):
        for content, why in [
            ("not a fingerprint\n", "expected a fingerprint (32 hexadecimal digits) at the start"),
            (f"{'a' * 32}\n", "a reason is required"),
            (f"{'a' * 32} 2027-02-30 reason\n", "the expiry date is not a valid YYYY-MM-DD date"),
        ]:
            ignore = self.write("accepted.txt", "# header\n" + content)
            code, out, err = run("scan", "--ignore-file", ignore, ANDROID)
            self.assertEqual((code, out), (2, ""))
            self.assertEqual(err, f"waudit: error: {ignore}:2: {why}\n")

    def test_ignored_finding_is_not_fixed_against_a_baseline(self):
        base = self.path("base.json")
        run("scan", "--format", "json", "--output", base, ANDROID)
        ignore = self.write("accepted.txt", f"{self.by_line[8]} our own account\n")
        code, report, err = scan_json("--baseline", base, "--ignore-file", ignore, ANDROID)
        self.assertEqual((code, err), (0, ""))
        self.assertEqual(report["fixed"], [])
        summary = report["summary"]
        self.assertEqual((summary["new"], summary["existing"], summary["fixed"],
                          summary["ignored"]), (0, self.count - 1, 0, 1))


if __name__ == "__main__":
    unittest.main()
