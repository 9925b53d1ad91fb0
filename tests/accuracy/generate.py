#!/usr/bin/env python3
"""Writes the labelled accuracy corpus: WhatsApp chat exports of small businesses (German and
English) with positives for every rule and hard negatives, plus labels.jsonl.

    generate.py                 # rewrite tests/accuracy/corpus/ and labels.jsonl
    generate.py --out DIR       # write DIR/corpus/ and DIR/labels.jsonl instead
    generate.py --check         # exit 1 unless the committed corpus is what this script writes

The output depends only on SEED and this folder's files (Python's random is stable for a given
seed), so the committed corpus can be checked byte for byte.
"""

import argparse
import datetime
import filecmp
import json
import os
import random
import re
import sys
import tempfile

sys.dont_write_bytecode = True  # keep the source tree clean
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import export_format  # noqa: E402
import phrases_de  # noqa: E402
import phrases_en  # noqa: E402
from values import Values  # noqa: E402

SEED = 20261123
HERE = os.path.dirname(os.path.abspath(__file__))

# Rules whose detectors report one finding per message (the first term) rather than per value.
LEXICON_RULES = ("health", "special-category", "criminal-record", "debt-collection")

PHRASES = {"de": phrases_de, "en": phrases_en}

# (language, layout, chats per domain); every domain gets this many chats per layout.
PLAN = [("de", "android-de", 3), ("de", "ios-de", 2), ("en", "android-en", 2),
        ("en", "ios-en", 1)]

# Share of each message kind in a chat; the rest is filler.
POSITIVE_SHARE = 0.28
NEGATIVE_SHARE = 0.40
SPECIAL_SHARE = 0.07

_PLACEHOLDER = re.compile(r"\{(=)?([a-z_-]+?)(!)?(?::([^}]*))?\}")


class Span:
    """A labelled piece of a message body."""

    def __init__(self, start, text, rule, negated):
        self.start = start
        self.text = text
        self.rule = rule
        self.negated = negated


def expand(template, values):
    """Template text -> (body, spans). A value is text, (text, rule) or (lead-in, text, rule)."""
    body, spans, position = "", [], 0
    for match in _PLACEHOLDER.finditer(template):
        body += template[position:match.start()]
        position = match.end()
        is_value, name, negated, literal = match.groups()
        if is_value:
            produced = values.call(name)
            if isinstance(produced, str):
                produced = (produced, None)
            if len(produced) == 3:  # unlabelled lead-in, then the value
                body += produced[0]
                produced = produced[1:]
            text, rule = produced
        else:
            text, rule = literal, name
        if rule:
            spans.append(Span(len(body), text, rule, bool(negated)))
        body += text
    return body + template[position:], spans


def split_messages(template):
    """'A: x || B: y' -> [('A', 'x'), ('B', 'y')]; a part without a role gets None."""
    parts = []
    for part in template.split(" || "):
        role = None
        if part[:3] in ("A: ", "B: "):
            role, part = part[0], part[3:]
        parts.append((role, part))
    return parts


class ChatWriter:
    """Accumulates the lines of one export file and the labels that point into it."""

    def __init__(self, file_name, layout):
        self.file_name = file_name
        self.layout = layout
        self.lines = []
        self.labels = []
        self.first_line_of_sender = {}

    def system(self, when, text):
        self.lines.append(self.layout.system_line(when, text))

    def message(self, when, sender, body, spans=()):
        first_line = len(self.lines) + 1
        self.first_line_of_sender.setdefault(sender, first_line)
        body_lines = body.split("\n")
        self.lines.append(self.layout.header(when, sender) + body_lines[0])
        self.lines.extend(body_lines[1:])
        self._label(first_line, body, spans, len(body_lines))

    def _label(self, first_line, body, spans, line_count):
        lexicon_labels = {}
        for span in spans:
            line = first_line + body.count("\n", 0, span.start)
            if span.rule in lexicon_labels:
                lexicon_labels[span.rule]["terms"].append(span.text)
                continue
            label = {"file": self.file_name, "line": line, "rule": span.rule, "value": span.text}
            if span.negated:
                label["negated"] = True
            if span.rule in LEXICON_RULES:
                label["terms"] = [span.text]
                if line_count > 1:
                    label["message_lines"] = [first_line, first_line + line_count - 1]
                lexicon_labels[span.rule] = label
            self.labels.append(label)
        for label in lexicon_labels.values():
            if len(label["terms"]) == 1:
                del label["terms"]

    def text(self):
        return self.layout.newline.join(self.lines) + self.layout.newline


class ChatPlan:
    """Who talks in one chat and what it is about."""

    def __init__(self, rng, language, layout_name, domain, index):
        self.language = language
        self.layout = export_format.LAYOUTS[layout_name]
        self.domain = domain
        self.values = Values(rng, language)
        business, group_title = PHRASES[language].DOMAINS[domain]
        self.business = business
        self.is_group = domain == "hr" and index % 2 == 0
        self.customer_phone = None
        if self.is_group:
            self.customers = [self.values.gen_name() for _ in range(rng.randint(3, 6))]
            self.title = group_title + ("" if index < 2 else " %d" % index)
        elif index % 4 == 1:
            number = self.values.gen_sender_phone()
            self.customer_phone = number
            shown = "\u202a" + number + "\u202c" if layout_name.startswith("ios") else number
            self.customers = [shown]
            self.title = number
        else:
            self.customers = [self.values.gen_name()]
            self.title = self.customers[0]

    def file_name(self, taken):
        base = self.layout.file_name.format(chat=self.title)
        name, counter = base, 2
        while name in taken:
            name = base[:-4] + " (%d).txt" % counter
            counter += 1
        return name


class CorpusGenerator:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.positive_counts = {}
        self.message_counts = {}

    def chats(self):
        taken = set()
        for language, layout_name, per_domain in PLAN:
            for domain in PHRASES[language].DOMAINS:
                for index in range(per_domain):
                    plan = ChatPlan(self.rng, language, layout_name, domain, index)
                    name = plan.file_name(taken)
                    taken.add(name)
                    yield plan, self.write_chat(name, plan)

    def next_rule(self, language):
        rules = list(PHRASES[language].POSITIVES)
        fewest = min(self.positive_counts.get(rule, 0) for rule in rules)
        return self.rng.choice([r for r in rules if self.positive_counts.get(r, 0) == fewest])

    def write_chat(self, name, plan):
        rng = self.rng
        writer = ChatWriter(name, plan.layout)
        when = datetime.datetime(rng.randint(2023, 2025), rng.randint(1, 12), rng.randint(1, 28),
                                 rng.randint(7, 11), rng.randint(0, 59), rng.randint(0, 59))
        self.open_chat(writer, plan, when)
        for _ in range(rng.randint(180, 300)):
            when = self.later(when)
            kind, template = self.pick_template(plan)
            if template is None:
                self.special_line(writer, plan, when)
                continue
            self.message_counts[kind] = self.message_counts.get(kind, 0) + 1
            when = self.write_template(writer, plan, when, template)
        return writer

    def pick_template(self, plan):
        """(kind, template) for the next message; template None means a media, deleted,
        missed-call or group line."""
        phrases = PHRASES[plan.language]
        draw = self.rng.random()
        if draw < POSITIVE_SHARE:
            rule = self.next_rule(plan.language)
            return "positive", self.rng.choice(phrases.POSITIVES[rule])
        draw -= POSITIVE_SHARE
        if draw < NEGATIVE_SHARE:
            return "hard negative", self.rng.choice(phrases.NEGATIVES)
        draw -= NEGATIVE_SHARE
        if draw < SPECIAL_SHARE:
            return "special", None
        return "filler", self.rng.choice(phrases.FILLER["common"] + phrases.FILLER[plan.domain])

    def open_chat(self, writer, plan, when):
        language = plan.language
        writer.system(when, export_format.ENCRYPTION_NOTICE[language])
        if plan.is_group:
            notices = export_format.GROUP_NOTICES[language]
            writer.system(when, notices[0].format(a=plan.business, chat=plan.title))
            for member in plan.customers:
                writer.system(when, notices[1].format(a=plan.business, b=member))

    def special_line(self, writer, plan, when):
        rng = self.rng
        sender = self.sender(plan, rng.choice("AB"))
        choice = rng.randrange(4)
        if choice < 2:
            writer.message(when, sender, plan.layout.media_body(rng, when))
        elif choice == 2:
            writer.message(when, sender, export_format.DELETED[plan.language])
        elif plan.is_group:
            notices = export_format.GROUP_NOTICES[plan.language]
            text = rng.choice(notices[2:]).format(a=plan.business, b=rng.choice(plan.customers))
            writer.system(when, text)
        else:
            writer.message(when, sender, export_format.MISSED_CALL[plan.language])

    def write_template(self, writer, plan, when, template):
        for role, part in split_messages(template):
            body, spans = expand(part, plan.values)
            if plan.layout.name.startswith("android") and self.rng.random() < 0.03:
                body += " " + export_format.EDITED[plan.language]
            writer.message(when, self.sender(plan, role or self.rng.choice("AAB")), body, spans)
            counted = [s.rule for s in spans if s.rule not in LEXICON_RULES]
            counted += sorted({s.rule for s in spans if s.rule in LEXICON_RULES})
            for rule in counted:
                self.positive_counts[rule] = self.positive_counts.get(rule, 0) + 1
            when += datetime.timedelta(minutes=self.rng.randint(0, 4))
        return when

    def sender(self, plan, role):
        return plan.business if role == "B" else self.rng.choice(plan.customers)

    def later(self, when):
        step = self.rng.random()
        if step < 0.7:
            minutes = self.rng.randint(0, 30)
        elif step < 0.9:
            minutes = self.rng.randint(30, 300)
        else:
            minutes = self.rng.randint(60 * 14, 60 * 24 * 6)
        when += datetime.timedelta(minutes=minutes, seconds=self.rng.randint(0, 59))
        if not 7 <= when.hour < 22:  # nobody writes to a business at night: next morning
            when = (when + datetime.timedelta(hours=10)).replace(hour=self.rng.randint(7, 9))
        return when


def sender_phone_labels(writer, plan):
    """A sender shown as a phone number is reported once per chat, at its first message."""
    if not plan.customer_phone:
        return []
    shown = plan.customers[0]
    if shown not in writer.first_line_of_sender:
        return []
    return [{"file": writer.file_name, "line": writer.first_line_of_sender[shown],
             "rule": "phone", "value": plan.customer_phone}]


def generate(out_dir):
    corpus_dir = os.path.join(out_dir, "corpus")
    os.makedirs(corpus_dir, exist_ok=True)
    generator = CorpusGenerator(SEED)
    labels = []
    for plan, writer in generator.chats():
        name = writer.file_name
        with open(os.path.join(corpus_dir, name), "w", encoding="utf-8", newline="") as out:
            out.write(writer.text())
        writer.labels.extend(sender_phone_labels(writer, plan))
        check_labels_point_at_values(writer)
        labels.extend(writer.labels)
    labels.sort(key=lambda label: (label["file"], label["line"], label["rule"], label["value"]))
    with open(os.path.join(out_dir, "labels.jsonl"), "w", encoding="utf-8", newline="\n") as out:
        for label in labels:
            out.write(json.dumps(label, ensure_ascii=False, sort_keys=False) + "\n")
    return labels, generator.message_counts


def check_labels_point_at_values(writer):
    """Guards the line arithmetic: each label's value (its first line) is on its line."""
    lines = writer.lines
    for label in writer.labels:
        line = lines[label["line"] - 1].replace("\u202a", "").replace("\u202c", "")
        assert label["value"].split("\n")[0] in line, (writer.file_name, label)


def differences(expected_dir, actual_dir):
    """Files that differ between two generated trees (corpus/ and labels.jsonl)."""
    found = []
    for sub in ("corpus",):
        left = set(os.listdir(os.path.join(expected_dir, sub)))
        right = set(os.listdir(os.path.join(actual_dir, sub)))
        found += ["%s/%s (only one side)" % (sub, n) for n in sorted(left ^ right)]
        for name in sorted(left & right):
            if not filecmp.cmp(os.path.join(expected_dir, sub, name),
                               os.path.join(actual_dir, sub, name), shallow=False):
                found.append("%s/%s" % (sub, name))
    if not filecmp.cmp(os.path.join(expected_dir, "labels.jsonl"),
                       os.path.join(actual_dir, "labels.jsonl"), shallow=False):
        found.append("labels.jsonl")
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=HERE, help="folder for corpus/ and labels.jsonl")
    parser.add_argument("--check", action="store_true",
                        help="compare a fresh generation with the committed corpus")
    args = parser.parse_args()
    if args.check:
        with tempfile.TemporaryDirectory() as scratch:
            generate(scratch)
            changed = differences(HERE, scratch)
        for name in changed:
            print("differs from what generate.py writes: tests/accuracy/%s" % name)
        if changed:
            print("run tests/accuracy/generate.py and commit the result; never edit the corpus")
            return 1
        print("corpus and labels are what generate.py writes")
        return 0
    if os.path.isdir(os.path.join(args.out, "corpus")):
        for name in os.listdir(os.path.join(args.out, "corpus")):
            os.remove(os.path.join(args.out, "corpus", name))
    labels, message_counts = generate(args.out)
    counts = {}
    for label in labels:
        counts[label["rule"]] = counts.get(label["rule"], 0) + 1
    for rule in sorted(counts):
        print("%-28s %5d labels" % (rule, counts[rule]))
    for kind in sorted(message_counts):
        print("%-28s %5d templates (a template may be several messages)" % (
            kind, message_counts[kind]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
