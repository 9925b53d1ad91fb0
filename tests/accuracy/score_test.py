#!/usr/bin/env python3
"""Tests of the scorer's matching rules (score.py), on hand-made labels and findings."""

import io
import os
import sys
import tempfile
import unittest

sys.dont_write_bytecode = True  # keep the source tree clean
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import score  # noqa: E402


def label(rule, line, value, **extra):
    return dict({"file": "chat.txt", "rule": rule, "line": line, "value": value}, **extra)


def finding(rule, line, value, file="chat.txt"):
    return {"file": file, "rule": rule, "line": line, "column": 1, "value": value}


def counts(scores, rule):
    rule_score = scores[rule]
    return rule_score.true_positives, len(rule_score.false_positives), len(rule_score.misses)


class MatchTest(unittest.TestCase):
    def test_same_value_written_differently_matches(self):
        scores = score.match([label("iban", 3, "DE89 3704 0044 0532 0130 00")],
                             [finding("iban", 3, "de89-3704-0044-0532-0130-00")])
        self.assertEqual(counts(scores, "iban"), (1, 0, 0))

    def test_other_line_is_a_false_positive_and_a_miss(self):
        scores = score.match([label("iban", 3, "DE89370400440532013000")],
                             [finding("iban", 4, "DE89370400440532013000")])
        self.assertEqual(counts(scores, "iban"), (0, 1, 1))

    def test_structured_value_must_be_whole(self):
        scores = score.match([label("phone", 2, "+49 151 23456789")],
                             [finding("phone", 2, "151 23456789")])
        self.assertEqual(counts(scores, "phone"), (0, 1, 1))

    def test_address_may_be_reported_wider(self):
        scores = score.match([label("address", 5, "Lindenstraße 12")],
                             [finding("address", 5, "Lindenstraße 12, 10115 Berlin")])
        self.assertEqual(counts(scores, "address"), (1, 0, 0))

    def test_lexicon_finding_may_name_another_term_on_another_line_of_the_message(self):
        labels = [label("health", 7, "krankgeschrieben", terms=["krankgeschrieben", "Grippe"],
                        message_lines=[7, 8])]
        scores = score.match(labels, [finding("health", 8, "Grippe")])
        self.assertEqual(counts(scores, "health"), (1, 0, 0))

    def test_lexicon_finding_outside_the_message_does_not_match(self):
        scores = score.match([label("health", 7, "Migräne")], [finding("health", 9, "Migräne")])
        self.assertEqual(counts(scores, "health"), (0, 1, 1))

    def test_second_finding_for_one_label_is_a_false_positive(self):
        scores = score.match([label("email", 1, "a@example.com")],
                             [finding("email", 1, "a@example.com"),
                              finding("email", 1, "a@example.com")])
        self.assertEqual(counts(scores, "email"), (1, 1, 0))

    def test_mrz_block_matches_one_of_its_lines(self):
        block = "IDD<<T22000129<<<<<<<<<<<<<<<\n8301014F2408125D<<<<<<<<<<<<4"
        scores = score.match([label("id-document", 4, block)],
                             [finding("id-document", 4, "IDD<<T22000129<<<<<<<<<<<<<<<")])
        self.assertEqual(counts(scores, "id-document"), (1, 0, 0))

    def test_negated_labels_found_are_counted(self):
        scores = score.match([label("health", 2, "Krebs", negated=True)],
                             [finding("health", 2, "kein Krebs")])
        self.assertEqual(scores["health"].negated_found, 1)


class FindingsTest(unittest.TestCase):
    def test_card_photo_findings_are_ignored(self):
        lines = ['{"rule": "card-photo", "location": {"path": "x.txt", "line": 3, "column": 1},'
                 ' "match": "IMG-1.jpg"}',
                 '{"rule": "iban", "location": {"path": "/c/x.txt", "line": 4, "column": 2},'
                 ' "match": "DE89"}']
        findings = score.read_findings(lines, "/c")
        self.assertEqual([(f["rule"], f["file"], f["line"]) for f in findings],
                         [("iban", "x.txt", 4)])


class ThresholdTest(unittest.TestCase):
    def thresholds(self, text):
        with tempfile.NamedTemporaryFile("w", suffix=".toml", delete=False) as out:
            out.write(text)
        try:
            return score.read_thresholds(out.name)
        finally:
            os.remove(out.name)

    def test_defaults_and_overrides(self):
        thresholds = self.thresholds("[default]\nprecision = 0.9\nrecall = 0.8\n[rules]\n"
                                     "iban = {}\nhealth = { recall = 0.5 }\n")
        self.assertEqual(thresholds, {"iban": (0.9, 0.8), "health": (0.9, 0.5)})
        self.assertEqual(score._tiny_toml("[default]\nprecision = 0.9\nrecall = 0.8\n[rules]\n"
                                          "iban = {}\nhealth = { recall = 0.5 }\n")["rules"],
                         {"iban": {}, "health": {"recall": 0.5}})

    def test_rule_below_threshold_fails_and_unlisted_rule_does_not(self):
        scores = score.match([label("iban", 1, "DE89370400440532013000"),
                              label("bic", 1, "COBADEFFXXX")], [])
        failed = score.print_table(scores, {"iban": (0.98, 0.95)}, io.StringIO())
        self.assertEqual(failed, ["iban"])


if __name__ == "__main__":
    unittest.main()
