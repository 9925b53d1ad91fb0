#!/usr/bin/env python3
"""OCR benchmark of the rule card-photo (issue #5): recall per variant and OCR time per image.

Usage: bench/ocr_bench.py [--waudit PATH] [--ordinary N] [--jobs N]   (Debian's python3 with
python3-pil; default waudit: build-photo/cli/waudit, else build/cli/waudit)

1. Recall: the synthetic card and ID photos of tests/media/card_images.py (4 payment cards and
   2 ID cards in the variants clean, rotated, noisy and small, and one passport page) in one
   ZIP export, scanned with a fresh OCR cache; recall per variant.
2. Cost: N ordinary photos (default 200: landscapes, building sites, receipts) in one export,
   scanned with a fresh cache, then again with the filled one. Reports wall time, the OCR time
   per image that waudit reports (inputs[].ocr), the peak memory (max RSS from
   /usr/bin/time or getrusage) and false positives.

Results are printed as a Markdown table and written to bench/results/ocr-<date>.md.
"""

import argparse
import datetime
import json
import os
import resource
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(ROOT, "tests", "media"))

import card_images  # noqa: E402  (needs Pillow: Debian's python3-pil)
from card_photo_test import photo_name, write_export  # noqa: E402


def scan(waudit, export, cache, jobs):
    """Runs one scan; returns (report, wall seconds, max RSS in MiB of the child)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.monotonic()
    done = subprocess.run([waudit, "scan", "--format", "json", "--fail-on", "never", "--jobs",
                           str(jobs), "--ocr", "on", "--ocr-cache", cache, export],
                          capture_output=True, check=False)
    wall = time.monotonic() - start
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if done.returncode not in (0, 1):
        sys.exit(f"waudit failed ({done.returncode}): {done.stderr.decode()}")
    return json.loads(done.stdout), wall, max(rss, before) / 1024


def recall(waudit, folder, jobs):
    cards = card_images.card_set()
    export = os.path.join(folder, "cards.zip")
    write_export(export, [(name, data) for name, _, _, data in cards])
    report, wall, rss = scan(waudit, export, os.path.join(folder, "cache-cards"), jobs)
    found = {f["attachment"]: f for f in report["findings"] if f["rule"] == "card-photo"}
    rows = {}
    for index, (_, kind, variant, _) in enumerate(cards, start=1):
        finding = found.get(photo_name(index))
        hit = finding is not None and finding["kind"] == kind and finding["confidence"] >= 0.95
        total, hits = rows.get(variant, (0, 0))
        rows[variant] = (total + 1, hits + hit)
    ocr = report["inputs"][0]["ocr"]
    return rows, ocr, wall, rss, len(cards)


def cost(waudit, folder, count, jobs):
    export = os.path.join(folder, "ordinary.zip")
    write_export(export, card_images.ordinary_set(count))
    cache = os.path.join(folder, "cache-ordinary")
    runs = []
    for label in ("fresh cache", "filled cache"):
        report, wall, rss = scan(waudit, export, cache, jobs)
        false_positives = sum(1 for f in report["findings"] if f["rule"] == "card-photo")
        runs.append((label, report["inputs"][0]["ocr"], wall, rss, false_positives))
    return runs, os.path.getsize(export)


def main():
    parser = argparse.ArgumentParser()
    default = os.path.join(ROOT, "build-photo", "cli", "waudit")
    parser.add_argument("--waudit", default=default if os.path.exists(default)
                        else os.path.join(ROOT, "build", "cli", "waudit"))
    parser.add_argument("--ordinary", type=int, default=200)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    lines = [f"# OCR benchmark, {datetime.date.today()}", "",
             f"waudit: `{args.waudit}`, --jobs {args.jobs}, {os.cpu_count()} cores, "
             f"load average {os.getloadavg()[0]:.1f} at the start", ""]
    with tempfile.TemporaryDirectory() as folder:
        rows, ocr, wall, rss, count = recall(args.waudit, folder, args.jobs)
        lines += ["## Recall (validated number or MRZ, right kind)", "",
                  "| variant | photos | found | recall |", "|---|---|---|---|"]
        for variant in card_images.VARIANTS:
            total, hits = rows.get(variant, (0, 0))
            lines.append(f"| {variant} | {total} | {hits} | {hits / total:.0%} |")
        lines += ["", f"{count} photos: wall {wall:.1f} s, OCR {ocr['milliseconds'] / 1000:.1f} s "
                  f"summed over threads, {ocr['milliseconds'] / max(1, ocr['read']):.0f} ms OCR "
                  f"per image, max RSS {rss:.0f} MiB", ""]
        runs, size = cost(args.waudit, folder, args.ordinary, args.jobs)
        lines += [f"## {args.ordinary} ordinary photos ({size / 2**20:.1f} MiB export)", "",
                  "| run | read | cached | wall s | OCR ms/image | max RSS MiB | card-photo "
                  "findings |", "|---|---|---|---|---|---|---|"]
        for label, ocr, wall, rss, false_positives in runs:
            per_image = ocr["milliseconds"] / max(1, ocr["read"])
            lines.append(f"| {label} | {ocr['read']} | {ocr['cached']} | {wall:.1f} | "
                         f"{per_image:.0f} | {rss:.0f} | {false_positives} |")
    text = "\n".join(lines) + "\n"
    print(text)
    os.makedirs(os.path.join(HERE, "results"), exist_ok=True)
    with open(os.path.join(HERE, "results", f"ocr-{datetime.date.today()}.md"), "w",
              encoding="utf-8") as f:
        f.write(text)


if __name__ == "__main__":
    main()
