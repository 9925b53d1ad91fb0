#!/usr/bin/env python3
"""Compare waudit's JSON report with the counts generate_export.py planted.

Usage: check_findings.py FINDINGS.json STATS.json   (prints one line; exit 0 either way)
"""

import json
import sys


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        found = json.load(f)
    with open(sys.argv[2], encoding="utf-8") as f:
        planted = json.load(f)
    by_rule = found.get("summary", {}).get("by_rule", {})
    read = sum(i.get("messages", 0) for i in found.get("inputs", []))
    parts = ["%s %d of %d planted" % (rule, by_rule.get(rule, 0), n)
             for rule, n in planted["planted"].items()]
    others = {rule: n for rule, n in by_rule.items() if rule not in planted["planted"]}
    if others:
        parts.append("other rules %s" % others)
    ok = all(by_rule.get(r, 0) == n for r, n in planted["planted"].items()) \
        and read == planted["messages"]
    print("waudit: %s; messages %d of %d%s" % (
        ", ".join(parts), read, planted["messages"], "" if ok else "  << MISMATCH"))


if __name__ == "__main__":
    main()
