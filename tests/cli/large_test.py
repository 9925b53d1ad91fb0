"""Inputs with more findings than waudit keeps in memory (4,096 per input): the rest wait on
disk (report/finding_list.hpp, audit/pending_findings.hpp) and must come back complete, in
report order, with timestamps resolved by the date order the whole file decides.

WAUDIT_BIN and WAUDIT_SOURCE_DIR are set by CTest (tests/CMakeLists.txt).
"""

import json
import unittest
import zipfile

from cli_test import TempDirTest, run

IBAN = "DE89 3704 0044 0532 0130 00"
CARD = "4111 1111 1111 1111"
MESSAGES = 5000  # two findings each: 10,000 findings, more than two batches


def chat_lines(messages, last_date):
    """Messages dated 01.02.23 (day or month first?) with an IBAN and a card each; the last
    line's date decides the order."""
    lines = [f"01.02.23, 09:{i % 60:02d} - Lena: IBAN {IBAN} Karte {CARD}\n"
             for i in range(messages)]
    lines.append(f"{last_date}, 10:00 - Jonas: Danke\n")
    return "".join(lines)


def report_order(finding):
    location = finding["location"]
    return (location["path"], location["entry"] or "", location["line"], location["column"],
            finding["rule"])


class ManyFindings(TempDirTest):
    def scan(self, *args):
        code, out, err = run("scan", "--format", "json", *args)
        self.assertEqual(code, 1, err)
        return json.loads(out)

    def test_a_chat_with_more_findings_than_a_batch_is_reported_whole_and_in_order(self):
        # 02.25.23 can only be month first: the first lines' 01.02.23 is the 2nd of January,
        # though those findings were written to disk long before the last line was read.
        chat = self.write("WhatsApp Chat mit Lena.txt", chat_lines(MESSAGES, "02.25.23"))
        report = self.scan("--jobs", "1", chat)
        findings = report["findings"]
        self.assertEqual(len(findings), 2 * MESSAGES)
        self.assertEqual(report["summary"]["findings"], 2 * MESSAGES)
        self.assertEqual(report["summary"]["by_rule"], {"iban": MESSAGES,
                                                        "payment-card": MESSAGES})
        self.assertEqual(findings, sorted(findings, key=report_order))
        self.assertEqual([f["location"]["line"] for f in findings[:4]], [1, 1, 2, 2])
        self.assertEqual(findings[-1]["location"]["line"], MESSAGES)
        self.assertEqual({f["timestamp"][:10] for f in findings}, {"2023-01-02"})
        self.assertEqual(report["inputs"][0]["date_order"], "mdy")
        # The same bytes whatever the number of threads.
        self.assertEqual(run("scan", "--format", "json", "--jobs", "3", chat)[1],
                         run("scan", "--format", "json", "--jobs", "1", chat)[1])

    def test_chats_of_one_archive_come_out_entry_by_entry(self):
        archive = self.path("WhatsApp Chat - Team.zip")
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
            # Written in the order b, a: the report still puts a.txt first.
            z.writestr("b/_chat.txt", chat_lines(3000, "25.02.23"))
            z.writestr("a/_chat.txt", chat_lines(3000, "25.02.23"))
        findings = self.scan(archive)["findings"]
        self.assertEqual(len(findings), 12000)
        self.assertEqual(findings, sorted(findings, key=report_order))
        entries = [f["location"]["entry"] for f in findings]
        self.assertEqual(entries[0], "a/_chat.txt")
        self.assertEqual(entries[-1], "b/_chat.txt")
        self.assertEqual({f["timestamp"][:10] for f in findings}, {"2023-02-01"})


if __name__ == "__main__":
    unittest.main()
