#!/usr/bin/env python3
"""Scores waudit's findings on the labelled corpus: precision and recall per rule.

    score.py [--waudit BIN] [--show-errors N] [--findings FILE] [--corpus DIR]
             [--labels FILE] [--thresholds FILE]

Runs `waudit scan --format jsonl --show-values --fail-on never` on the corpus (from an empty
temporary folder with an empty configuration, so no .waudit.toml interferes), matches each finding
to a label by file, rule, line and value, prints a table, and exits 1 if a rule listed in the
thresholds file is below its minimum precision or recall (2 if waudit could not be run).
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))

# Detectors of these rules report one finding per message: the line may be any line of the
# message and the value any of the labelled terms.
LEXICON_RULES = ("health", "special-category", "criminal-record", "debt-collection")
# Values that may legitimately be reported a little wider or narrower than labelled.
LOOSE_RULES = LEXICON_RULES + ("address", "credential")
IGNORED_RULES = ("card-photo",)

_DROPPED = set(" \t\r\n-./\u00a0\u202f\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
               "\u2066\u2067\u2068\u2069")


def normalise(value):
    return "".join(c for c in value.casefold() if c not in _DROPPED)


def longest_common_run(left, right):
    best = 0
    previous = [0] * (len(right) + 1)
    for a in left:
        current = [0] * (len(right) + 1)
        for j, b in enumerate(right):
            if a == b:
                current[j + 1] = previous[j] + 1
                best = max(best, current[j + 1])
        previous = current
    return best


def values_match(label, found, loose):
    """Equal after normalising; for loose rules also one inside the other or half overlapping."""
    found = normalise(found)
    for wanted in [label["value"]] + label.get("terms", []):
        wanted = normalise(wanted)
        if wanted == found:
            return True
        if loose and wanted and found and (wanted in found or found in wanted or
                                           2 * longest_common_run(wanted, found) >=
                                           max(len(wanted), len(found))):
            return True
    return False


def is_loose(label):
    # An MRZ block is labelled whole; a detector may report one of its lines or fields.
    return label["rule"] in LOOSE_RULES or (label["rule"] == "id-document" and "<" in
                                            label["value"])


def lines_match(label, line):
    first, last = label.get("message_lines", [label["line"], label["line"]])
    if label["rule"] in LEXICON_RULES:
        return first <= line <= last
    return line == label["line"]


class RuleScore:
    def __init__(self, rule):
        self.rule = rule
        self.labels = 0
        self.findings = 0
        self.true_positives = 0
        self.false_positives = []
        self.misses = []
        self.negated_labels = 0
        self.negated_found = 0

    @property
    def precision(self):
        return self.true_positives / self.findings if self.findings else None

    @property
    def recall(self):
        return self.true_positives / self.labels if self.labels else None


def match(labels, findings):
    """Pairs findings with labels; returns {rule: RuleScore}."""
    scores = {}

    def score(rule):
        return scores.setdefault(rule, RuleScore(rule))

    open_labels = {}
    for label in labels:
        open_labels.setdefault((label["file"], label["rule"]), []).append(label)
        score(label["rule"]).labels += 1
        score(label["rule"]).negated_labels += bool(label.get("negated"))
    for finding in sorted(findings, key=lambda f: (f["file"], f["line"], f["column"])):
        rule_score = score(finding["rule"])
        rule_score.findings += 1
        candidates = [label for label in open_labels.get((finding["file"], finding["rule"]), [])
                      if lines_match(label, finding["line"])]
        chosen = next((label for label in candidates
                       if values_match(label, finding["value"], loose=False)), None)
        if chosen is None:
            chosen = next((label for label in candidates
                           if values_match(label, finding["value"], is_loose(label))), None)
        if chosen is None:
            rule_score.false_positives.append(finding)
            continue
        open_labels[(finding["file"], finding["rule"])].remove(chosen)
        rule_score.true_positives += 1
        rule_score.negated_found += bool(chosen.get("negated"))
    for remaining in open_labels.values():
        for label in remaining:
            score(label["rule"]).misses.append(label)
    return scores


# --- Inputs ---------------------------------------------------------------------------------


def read_labels(path):
    with open(path, encoding="utf-8") as source:
        return [json.loads(line) for line in source if line.strip()]


def finding_from_json(record, corpus_dir):
    location = record.get("location") or {}
    path = location.get("path") or ""
    if os.path.isabs(path) or os.path.exists(path):
        path = os.path.relpath(os.path.abspath(path), corpus_dir)
    return {"file": path.replace(os.sep, "/"), "line": location.get("line") or 0,
            "column": location.get("column") or 0, "rule": record.get("rule", ""),
            "value": record.get("match") or ""}


def read_findings(lines, corpus_dir):
    findings = []
    for line in lines:
        if line.strip():
            finding = finding_from_json(json.loads(line), corpus_dir)
            if finding["rule"] not in IGNORED_RULES:
                findings.append(finding)
    return findings


def run_waudit(binary, corpus_dir):
    """The JSONL lines of a scan of corpus_dir, or raises RuntimeError naming the problem."""
    environment = dict(os.environ)
    environment.pop("WAUDIT_CONFIG", None)
    with tempfile.TemporaryDirectory() as scratch:
        empty_config = os.path.join(scratch, "empty.toml")
        open(empty_config, "w").close()
        command = [binary, "scan", "--format", "jsonl", "--show-values", "--fail-on", "never",
                   "--config", empty_config, corpus_dir]
        try:
            result = subprocess.run(command, cwd=scratch, env=environment, capture_output=True,
                                    text=True, encoding="utf-8", check=False)
        except OSError as error:
            raise RuntimeError("cannot run %s: %s" % (binary, error)) from error
    if result.returncode != 0:
        raise RuntimeError("waudit exited with %d: %s" % (result.returncode,
                                                          result.stderr.strip()[:2000]))
    return result.stdout.splitlines()


def read_thresholds(path):
    """{rule: (min precision, min recall)} for every rule listed under [rules]."""
    try:
        import tomllib
    except ImportError:  # Python < 3.11
        tomllib = None
    with open(path, "rb") as source:
        data = tomllib.load(source) if tomllib else _tiny_toml(source.read().decode("utf-8"))
    default = data.get("default", {})
    thresholds = {}
    for rule, own in data.get("rules", {}).items():
        thresholds[rule] = (float(own.get("precision", default.get("precision", 0.98))),
                            float(own.get("recall", default.get("recall", 0.95))))
    return thresholds


def _tiny_toml(text):
    """Just enough TOML for thresholds.toml: [section], key = number, key = { k = number }."""
    data = {}
    section = data
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("["):
            section = data.setdefault(line.strip("[]").strip(), {})
            continue
        key, value = (part.strip() for part in line.split("=", 1))
        if value.startswith("{"):
            inner = {}
            for pair in value.strip("{}").split(","):
                if "=" in pair:
                    k, v = (p.strip() for p in pair.split("=", 1))
                    inner[k] = float(v)
            section[key] = inner
        else:
            section[key] = float(value)
    return data


# --- Report ---------------------------------------------------------------------------------


def ratio(value):
    return "-" if value is None else "%.3f" % value


def verdict(rule_score, threshold):
    if threshold is None:
        return "not enforced"
    min_precision, min_recall = threshold
    problems = []
    precision = rule_score.precision if rule_score.precision is not None else 1.0
    recall = rule_score.recall if rule_score.recall is not None else 1.0
    if precision < min_precision:
        problems.append("precision < %.2f" % min_precision)
    if recall < min_recall:
        problems.append("recall < %.2f" % min_recall)
    return "FAIL " + ", ".join(problems) if problems else "ok"


def print_table(scores, thresholds, out):
    header = ("rule", "labels", "findings", "TP", "FP", "FN", "precision", "recall", "verdict")
    rows = []
    failed = []
    for rule in sorted(set(scores) | set(thresholds)):
        rule_score = scores.get(rule, RuleScore(rule))
        status = verdict(rule_score, thresholds.get(rule))
        if status.startswith("FAIL"):
            failed.append(rule)
        rows.append((rule, rule_score.labels, rule_score.findings, rule_score.true_positives,
                     len(rule_score.false_positives), len(rule_score.misses),
                     ratio(rule_score.precision), ratio(rule_score.recall), status))
    totals = [sum(s.labels for s in scores.values()), sum(s.findings for s in scores.values()),
              sum(s.true_positives for s in scores.values())]
    rows.append(("all rules", totals[0], totals[1], totals[2], totals[1] - totals[2],
                 totals[0] - totals[2], ratio(totals[2] / totals[1] if totals[1] else None),
                 ratio(totals[2] / totals[0] if totals[0] else None), ""))
    widths = [max(len(str(row[i])) for row in rows + [header]) for i in range(len(header))]
    for index, row in enumerate([header] + rows):
        cells = [str(cell).ljust(widths[i]) if i in (0, 8) else str(cell).rjust(widths[i])
                 for i, cell in enumerate(row)]
        print("  ".join(cells).rstrip(), file=out)
        if index == 0 or index == len(rows) - 1:
            print("  ".join("-" * w for w in widths), file=out)
    negated = [(s.negated_found, s.negated_labels) for s in scores.values() if s.negated_labels]
    if negated:
        print("negated mentions found: %d of %d" % (sum(n[0] for n in negated),
                                                     sum(n[1] for n in negated)), file=out)
    return failed


def print_errors(scores, limit, out):
    for rule in sorted(scores):
        rule_score = scores[rule]
        if not rule_score.false_positives and not rule_score.misses:
            continue
        print("\n%s:" % rule, file=out)
        for finding in rule_score.false_positives[:limit]:
            print("  false positive  %s:%d  %r" % (finding["file"], finding["line"],
                                                   finding["value"]), file=out)
        for label in rule_score.misses[:limit]:
            print("  missed          %s:%d  %r" % (label["file"], label["line"], label["value"]),
                  file=out)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--waudit", default=os.environ.get("WAUDIT_BIN"),
                        help="waudit binary (default: $WAUDIT_BIN)")
    parser.add_argument("waudit_positional", nargs="?", metavar="WAUDIT",
                        help="waudit binary, as an alternative to --waudit")
    parser.add_argument("--corpus", default=os.path.join(HERE, "corpus"))
    parser.add_argument("--labels", default=os.path.join(HERE, "labels.jsonl"))
    parser.add_argument("--thresholds", default=os.path.join(HERE, "thresholds.toml"))
    parser.add_argument("--findings", help="score this JSONL file instead of running waudit")
    parser.add_argument("--show-errors", type=int, default=0, metavar="N",
                        help="print up to N false positives and N misses per rule")
    args = parser.parse_args()
    corpus_dir = os.path.abspath(args.corpus)
    try:
        if args.findings:
            with open(args.findings, encoding="utf-8") as source:
                lines = source.read().splitlines()
        else:
            binary = args.waudit_positional or args.waudit
            if not binary:
                raise RuntimeError("no waudit binary: pass --waudit BIN or set WAUDIT_BIN")
            lines = run_waudit(binary, corpus_dir)
        findings = read_findings(lines, corpus_dir)
        labels = read_labels(args.labels)
        thresholds = read_thresholds(args.thresholds)
    except (OSError, RuntimeError, ValueError) as error:
        print("score.py: %s" % error, file=sys.stderr)
        return 2
    scores = match(labels, findings)
    failed = print_table(scores, thresholds, sys.stdout)
    if args.show_errors:
        print_errors(scores, args.show_errors, sys.stdout)
    if failed:
        print("\nbelow threshold: %s" % ", ".join(failed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
