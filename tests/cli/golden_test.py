"""Golden files: waudit's report on samples/ in every format, compared with the expected
output committed under tests/golden/ (see the README there).

Two scans, each in every format: `samples` (both sample exports) and `comparison` (the same
after the Android sample lost one finding and gained one, compared with the first scan's JSON
report as --baseline). The XLSX workbook is compared by its cells and sheet layout, not by its
bytes, since the ZIP container may carry times. The tool's version is replaced by @VERSION@,
so a version bump does not touch the golden files. Every run is made with --jobs 1 and
--jobs 4, which must give the same bytes.

WAUDIT_UPDATE_GOLDEN=1 rewrites the golden files from the current binary instead of comparing
(scripts/update-golden BUILD_DIR does that); review the change with `git diff tests/golden`.
WAUDIT_BIN and WAUDIT_SOURCE_DIR are set by CTest (tests/CMakeLists.txt).
"""

import difflib
import json
import os
import re
import shutil
import sys
import tempfile
import unittest

import sarif_schema
from cli_test import ANDROID, BIN, SAMPLES, SOURCE, changed_sample, read_xlsx, run

GOLDEN = os.path.join(SOURCE, "tests", "golden")
UPDATE = os.environ.get("WAUDIT_UPDATE_GOLDEN", "") not in ("", "0")
VERSION_PLACEHOLDER = "@VERSION@"

# Golden file suffix -> the options that make the report (xlsx and csv are written to files).
FORMATS = {
    "txt": ["--format", "text"],
    "json": ["--format", "json"],
    "jsonl": ["--format", "jsonl"],
    "csv": ["--format", "csv"],
    "excel-de.csv": ["--format", "csv", "--csv-dialect", "excel-de"],
    "sarif": ["--format", "sarif"],
    "xlsx.txt": ["--format", "xlsx"],
}


def tool_version():
    code, out, _ = run("--version")
    assert code == 0 and out.startswith("waudit "), out
    return out.split()[1]


def without_version(text, version):
    """The report with the tool's version, wherever it stands as a quoted string (JSON's
    tool.version, SARIF's version and semanticVersion), replaced by @VERSION@."""
    return text.replace(f'"{version}"', f'"{VERSION_PLACEHOLDER}"')


def cell_text(value):
    """A cell as JSON: text quoted, whole numbers without a fraction."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return json.dumps(value, ensure_ascii=False)


def workbook_text(path):
    """Every sheet of the workbook as text: a heading with its layout, then one JSON array a
    row, so that a changed cell is one changed line in a diff."""
    lines = []
    for name, sheet in read_xlsx(path).items():
        layout = [f"autofilter {sheet['autofilter']}" if sheet["autofilter"] else "no autofilter",
                  "top row frozen" if sheet["frozen_top_row"] else "no frozen row",
                  "column widths set" if sheet["column_widths"] else "default column widths"]
        lines.append(f"# sheet {name}: {', '.join(layout)}")
        lines += ["[" + ", ".join(cell_text(cell) for cell in row) + "]" for row in sheet["rows"]]
    return "\n".join(lines) + "\n"


class GoldenFiles(unittest.TestCase):
    """Runs happen in a scratch folder holding a copy of samples/, so the reports name
    "samples/..." whatever the checkout's path, and no .waudit.toml or .wauditignore of the
    working directory can change them."""

    @classmethod
    def setUpClass(cls):
        cls.version = tool_version()
        cls.dir = tempfile.mkdtemp(prefix="waudit-golden-")
        cls.samples = os.path.join(cls.dir, "samples")
        shutil.copytree(SAMPLES, cls.samples, ignore=shutil.ignore_patterns("README.md"))
        cls.updated = []

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir)
        if cls.updated:
            print(f"\nwrote {len(cls.updated)} golden files in {GOLDEN}:", file=sys.stderr)
            for name in cls.updated:
                print(f"  {name}", file=sys.stderr)

    def report(self, suffix, *options, expected_code=1):
        """The report in the format of `suffix`, made with --jobs 1 and --jobs 4 (which must
        agree), with the version replaced."""
        reports = []
        for jobs in ("1", "4"):
            target = os.path.join(self.dir, f"report-{jobs}.{suffix}")
            args = [*FORMATS[suffix], "--jobs", jobs, *options, "samples"]
            if suffix in ("xlsx.txt", "csv", "excel-de.csv"):  # also the file path of --output
                args[:0] = ["--output", target]
            code, out, err = run("scan", *args, cwd=self.dir)
            self.assertEqual((code, err), (expected_code, ""), f"{suffix} {options}")
            if suffix == "xlsx.txt":
                out = workbook_text(target)
            elif suffix.endswith("csv"):
                with open(target, encoding="utf-8", newline="") as f:
                    self.assertEqual(out, "")
                    out = f.read()
            reports.append(without_version(out, self.version))
        self.assertEqual(reports[0], reports[1], f"{suffix}: --jobs 1 and --jobs 4 differ")
        if suffix == "sarif":
            sarif_schema.check(self, reports[0], f"{suffix} {options}")
        return reports[0]

    def compare_with_golden(self, name, actual):
        path = os.path.join(GOLDEN, name)
        if UPDATE:
            with open(path, "w", encoding="utf-8", newline="") as f:
                f.write(actual)
            type(self).updated.append(name)
            return
        if not os.path.exists(path):
            self.fail(f"{path} is missing; run scripts/update-golden BUILD_DIR to write it")
        with open(path, encoding="utf-8", newline="") as f:
            expected = f.read()
        if actual != expected:
            diff = difflib.unified_diff(expected.splitlines(keepends=True),
                                        actual.splitlines(keepends=True),
                                        f"tests/golden/{name}", "waudit's output", n=2)
            self.fail(f"the report differs from tests/golden/{name}; if the change is intended, "
                      f"run scripts/update-golden BUILD_DIR and review `git diff tests/golden`"
                      f"\n{''.join(list(diff)[:200])}")

    def test_samples_in_every_format(self):
        for suffix in FORMATS:
            with self.subTest(format=suffix):
                self.compare_with_golden(f"samples.{suffix}", self.report(suffix))

    def test_comparison_with_a_baseline_in_every_format(self):
        code, _, err = run("scan", "--format", "json", "--output", "baseline.json", "samples",
                           cwd=self.dir)
        self.assertEqual((code, err), (1, ""))
        android = os.path.join(self.samples, os.path.basename(ANDROID))
        with open(android, encoding="utf-8", newline="") as f:
            original = f.read()
        try:
            with open(android, "w", encoding="utf-8", newline="") as f:
                f.write(changed_sample(original))
            statuses = json.loads(self.report("json", "--baseline", "baseline.json"))["summary"]
            self.assertEqual((statuses["new"], statuses["fixed"]), (1, 1))
            for suffix in FORMATS:
                with self.subTest(format=suffix):
                    self.compare_with_golden(f"comparison.{suffix}",
                                             self.report(suffix, "--baseline", "baseline.json"))
        finally:
            with open(android, "w", encoding="utf-8", newline="") as f:
                f.write(original)

    def test_no_golden_file_is_left_over(self):
        """A golden file that no test writes any more (a format renamed) must go; the update
        removes it."""
        expected = {f"{scan}.{suffix}" for scan in ("samples", "comparison") for suffix in FORMATS}
        present = {name for name in os.listdir(GOLDEN)
                   if not name.startswith(".") and name != "README.md"}
        if UPDATE:
            for name in present - expected:
                os.remove(os.path.join(GOLDEN, name))
                type(self).updated.append(f"{name} (removed)")
            return
        self.assertEqual(present - expected, set())


if __name__ == "__main__":
    unittest.main()
