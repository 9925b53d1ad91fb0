"""End-to-end tests of what the detectors report as a user sees it: phone numbers that are a
sender's name, negated mentions, --min-confidence, and the `waudit rules` command.

WAUDIT_BIN and WAUDIT_SOURCE_DIR are set by CTest (tests/CMakeLists.txt).
"""

import json
import unittest

from cli_test import TempDirTest, run


def jsonl(text):
    return [json.loads(line) for line in text.splitlines() if line]


class SenderPhoneNumbers(TempDirTest):
    CHAT = (
        "15.04.23, 14:03 - +49 151 23456789: Hallo, hier ist Erika\n"
        "15.04.23, 14:04 - Max Mustermann: Hallo Erika\n"
        "15.04.23, 14:05 - +49 151 23456789: Danke!\n"
        "15.04.23, 14:06 - +49 151 23456789: Bis morgen\n"
        "16.04.23, 09:00 - +44 7700 900123: Hi there\n"
    )

    def phones(self, *options):
        path = self.write("WhatsApp Chat mit Erika.txt", self.CHAT)
        code, out, err = run("scan", "--format", "jsonl", "--show-values", *options, path)
        self.assertEqual(err, "")
        return code, [f for f in jsonl(out) if f["rule"] == "phone"]

    def test_each_number_is_reported_once_per_chat_at_its_first_message(self):
        code, phones = self.phones()
        self.assertEqual(code, 1)
        self.assertEqual(
            [(f["location"]["line"], f["location"]["column"], f["match"], f["sender"]) for f in phones],
            [(1, 19, "+49 151 23456789", "+49 151 23456789"),
             (5, 19, "+44 7700 900123", "+44 7700 900123")])
        self.assertEqual(phones[0]["timestamp"], "2023-04-15T14:03:00")

    def test_a_number_in_notices_is_reported_once_and_not_again_as_a_sender(self):
        chat = (
            "15.04.23, 14:00 - +49 151 23456789 ist über den Einladungslink dieser Gruppe beigetreten\n"
            "15.04.23, 14:01 - Max Mustermann hat +44 7700 900123 hinzugefügt\n"
            "15.04.23, 14:02 - Max Mustermann hat +44 7700 900123 entfernt\n"
            "15.04.23, 14:03 - +49 151 23456789: Hallo\n"
        )
        path = self.write("WhatsApp Chat mit Team.txt", chat)
        _, out, err = run("scan", "--format", "jsonl", "--show-values", path)
        self.assertEqual(err, "")
        phones = [f for f in jsonl(out) if f["rule"] == "phone"]
        self.assertEqual([(f["location"]["line"], f["match"]) for f in phones],
                         [(1, "+49 151 23456789"), (2, "+44 7700 900123")])

    def test_a_number_the_user_allows_is_not_reported(self):
        config = self.write("waudit.toml", '[allow]\nvalues = ["+49 151 2345 6789"]\n')
        _, phones = self.phones("--config", config)
        self.assertEqual([f["location"]["line"] for f in phones], [5])

    def test_the_value_is_masked_unless_asked(self):
        path = self.write("WhatsApp Chat mit Erika.txt", self.CHAT)
        _, out, _ = run("scan", "--format", "jsonl", path)
        self.assertNotIn("23456789", out.replace('"sender":"+49 151 23456789"', ""))


class NegationAndConfidence(TempDirTest):
    def findings(self, text, *options):
        path = self.write("WhatsApp Chat mit Erika.txt", "15.04.23, 14:03 - Erika: " + text + "\n")
        code, out, err = run("scan", "--format", "jsonl", "--fail-on", "never", *options, path)
        self.assertEqual((code, err), (0, ""))
        return jsonl(out)

    def test_a_negated_health_mention_is_reported_one_severity_lower(self):
        plain = [f for f in self.findings("Leider hat sich der Verdacht auf Krebs bestätigt") if f["rule"] == "health"]
        negated = [f for f in self.findings("Zum Glück kein Krebs, nur eine Zyste") if f["rule"] == "health"]
        self.assertEqual(len(plain), 1)
        self.assertEqual(len(negated), 1)
        self.assertFalse(plain[0]["negated"])
        self.assertTrue(negated[0]["negated"])
        order = ["info", "low", "medium", "high", "critical"]
        self.assertEqual(order.index(negated[0]["severity"]), order.index(plain[0]["severity"]) - 1)

    def test_min_confidence_leaves_out_findings_below_it(self):
        text = "IBAN DE89 3704 0044 0532 0130 00"
        self.assertEqual([f["confidence"] for f in self.findings(text)], [1.0])
        self.assertEqual(self.findings(text, "--min-confidence", "1"), self.findings(text))
        code, _, err = run("scan", "--min-confidence", "1.5", self.dir)
        self.assertEqual(code, 2)
        self.assertIn("--min-confidence", err)


class OversizedPattern(TempDirTest):
    """A rule's own pattern is compiled when a message first needs it (detect/scanner.cpp). One
    that parses but needs more memory than RE2 allows must stop the scan with its name, not
    silently match nothing."""

    def test_a_pattern_too_large_to_compile_stops_the_scan_naming_the_rule(self):
        alternatives = "|".join(a + b + r"[\p{L}\p{N}]{1000}" for a in "abcde" for b in "ab")
        pack = self.write("huge.toml", (
            '[[rule]]\n'
            'id = "huge"\n'
            'category = "identity"\n'
            'description = "Needs a very large program"\n'
            f"pattern = '(?:^|\\s)({alternatives})'\n"))
        chat = self.write("WhatsApp Chat mit Anna.txt",
                          "01.02.23, 10:00 - Anna: aa" + "x" * 1000 + "\n")
        code, out, err = run("scan", "--rules", pack, chat)
        self.assertEqual(code, 2, out)
        self.assertIn("huge.toml: rule huge: the pattern needs more memory than the matcher "
                      "allows", err)


class RulesCommand(TempDirTest):
    def test_lists_every_rule_with_category_severity_and_description(self):
        code, out, err = run("rules")
        self.assertEqual((code, err), (0, ""))
        lines = out.splitlines()
        self.assertEqual(lines[0].split(), ["ID", "NAME", "CATEGORY", "SEVERITY", "DESCRIPTION"])
        ids = {line.split()[0] for line in lines[1:]}
        for rule in ("iban", "phone", "email", "address", "health", "credential"):
            self.assertIn(rule, ids)

    def test_json_list_has_the_remediation_and_a_users_pack(self):
        pack = self.write("company.toml", RulesCommand.PACK)
        code, out, _ = run("rules", "--format", "json", "--rules", pack)
        self.assertEqual(code, 0)
        rules = json.loads(out)
        self.assertTrue(all(r["remediation"] for r in rules if r["source"].startswith("patterns/")))
        self.assertIn("customer-number", [r["id"] for r in rules])

    PACK = (
        '[[rule]]\n'
        'id = "customer-number"\n'
        'category = "identity"\n'
        'description = "Customer number"\n'
        'pattern = \'(?:^|[^0-9])(KD-[0-9]{6})(?:$|[^0-9])\'\n'
        'examples.match = [{ text = "Kundennr. KD-123456", value = "KD-123456" }]\n'
        'examples.no_match = ["KD-12345"]\n'
    )

    def test_check_passes_a_pack_whose_examples_hold(self):
        pack = self.write("company.toml", self.PACK)
        code, out, err = run("rules", "check", pack)
        self.assertEqual((code, err), (0, ""))
        self.assertEqual(out, f"{pack}: 1 rules, 2 examples, 0 failed\n")

    def test_check_names_the_example_that_fails(self):
        pack = self.write("company.toml", self.PACK.replace('"KD-12345"', '"KD-654321"'))
        code, out, _ = run("rules", "check", pack)
        self.assertEqual(code, 1)
        self.assertIn('rule customer-number: no_match example "KD-654321" gives ["KD-654321"]', out)
        self.assertTrue(out.endswith("1 failed\n"))

    def test_check_names_the_line_of_an_error_in_the_pack(self):
        pack = self.write("company.toml", self.PACK.replace("description", "descripton"))
        code, out, err = run("rules", "check", pack)
        self.assertEqual((code, out), (2, ""))
        self.assertEqual(err, f"waudit: error: {pack}:4: unknown key `descripton` in rule\n")


if __name__ == "__main__":
    unittest.main()
