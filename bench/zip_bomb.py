#!/usr/bin/env python3
"""Zip-bomb benchmark for issue #7: a ZIP of about 8 KB whose chat entry inflates to 10 GB.

Issue #7's target: "A 10 KB ZIP that inflates to 10 GB is refused within a second using under
64 MB". This script writes such an archive, puts a small, normal chat export with one IBAN next
to it, runs `/usr/bin/time -v waudit scan --format json BOMB GOOD` and reports what happened.

How the archive is built. Deflate cannot do it: it never compresses better than about 1032:1,
so 10 GB would take about 10 MB. bzip2 (ZIP method 12, which Debian's libzip 1.7.3 reads; its
LZMA, method 14, is "not supported") first run-length encodes, so one 900 kB block holds 45 MB
of a repeated byte and compresses to about 36 bytes. Compressing 10 GB would still take about
100 s, so the stream is assembled instead: bzip2 blocks are independent and carry their own CRC,
so three blocks are compressed once (the first with a chat line, the full filler block, the
shorter last one) and the filler block is repeated bit by bit. The entry's CRC-32 is combined
arithmetically from the blocks' CRCs, so the archive is valid and nothing ever holds 10 GB.

Two variants are measured:
  declared  the headers state the real sizes (10 GB from about 8 KB), as any zip tool writes;
  lying     both headers claim 100 KB, as a hand-made bomb can, so only the count of the bytes
            that really come out can stop the inflation.

Usage: zip_bomb.py [--waudit PATH] [--runs N] [--dir DIR] [--csv FILE] [--verify]
Prints the details to stderr and one summary line per variant to stdout. Exit 0 when every
variant is refused (exit 2, an error naming the archive and entry, the good input's IBAN in the
JSON), 1 otherwise.
"""

import argparse
import bz2
import functools
import json
import os
import statistics
import struct
import subprocess
import sys
import tempfile
import time
import zipfile
import zlib

INFLATED_BYTES = 10**10
ENTRY_NAME = "WhatsApp Chat mit Max.txt"
ARCHIVE_NAME = "WhatsApp Chat mit Max.zip"
FIRST_LINE = b"15.04.23, 09:12 - Max Mustermann: Hier ist der ganze Verlauf\n"
FILLER = b"\n"  # the rest is blank continuation lines of that message
# Fits one bzip2 block: run-length encoding stores 255 equal bytes in 5, and a block holds
# 899,981 bytes after it, so 45.9 MB is the most; a round number leaves room for FIRST_LINE.
BLOCK_BYTES = 45_000_000
LYING_BYTES = 100_000  # below waudit's 1 MiB grace, so no declared-size check can fire

GOOD_NAME = "WhatsApp Chat mit Erika.txt"
GOOD_IBAN = "DE89 3704 0044 0532 0130 00"  # the published test IBAN
GOOD_CHAT = ("15.04.23, 09:12 - Erika Musterfrau: Hallo Max!\n"
             "15.04.23, 09:13 - Erika Musterfrau: Meine IBAN ist " + GOOD_IBAN + "\n")

TARGET_SECONDS = 1.0
TARGET_RSS_MB = 64.0


def main():
    args = parse_arguments()
    waudit = args.waudit or os.environ.get("WAUDIT") or default_waudit()
    with tempfile.TemporaryDirectory(prefix="waudit-zip-bomb.", dir=args.dir) as work:
        good = os.path.join(work, GOOD_NAME)
        with open(good, "w", encoding="utf-8") as f:
            f.write(GOOD_CHAT)
        started = time.perf_counter()
        stream, crc = bzip2_bomb_stream()
        log("built a %d-byte bzip2 stream for %s bytes in %.2f s" % (
            len(stream), f"{INFLATED_BYTES:,}", time.perf_counter() - started))
        # What waudit costs anyway (start-up, rule packs), to read the bomb's figures against.
        alone = run_waudit(waudit, [good], args.runs, work)
        log("waudit on the good input alone: %.3f s wall, %.1f MB peak RSS, exit %d" % (
            alone["seconds"], alone["rss_mb"], alone["exit"]))
        all_refused = True
        for variant, declared in (("declared", INFLATED_BYTES), ("lying", LYING_BYTES)):
            bomb = os.path.join(work, variant, ARCHIVE_NAME)
            os.makedirs(os.path.dirname(bomb))
            write_zip(bomb, stream, crc, declared)
            if args.verify and declared == INFLATED_BYTES:
                verify(bomb)  # the lying variant has the same stream, but would fail the size
            result = measure_bomb(waudit, bomb, good, args.runs, work)
            report(variant, bomb, declared, result)
            if args.csv:
                append_csv(args.csv, variant, result)
            all_refused = all_refused and result["refused"]
    return 0 if all_refused else 1


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--waudit", help="binary (default: $WAUDIT, else build-bench/cli/waudit)")
    parser.add_argument("--runs", type=int, default=1,
                        help="timed runs per variant; the median wall time is reported")
    parser.add_argument("--dir", help="where the archives are written (a temporary directory "
                                      "inside it, removed afterwards)")
    parser.add_argument("--csv", help="append one row per variant in bench/results/latest.csv's "
                                      "columns to this file")
    parser.add_argument("--verify", action="store_true",
                        help="inflate the declared variant completely with Python first "
                             "(one to two minutes) to check its size and CRC")
    return parser.parse_args()


def default_waudit():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    return os.path.join(root, "build-bench", "cli", "waudit")


def log(text):
    print(text, file=sys.stderr)


# --- the bzip2 stream -----------------------------------------------------------------------

BZIP2_HEADER = b"BZh9"
BLOCK_MAGIC = 0x314159265359  # 48 bits, pi
END_MAGIC = 0x177245385090  # 48 bits, sqrt(pi)


def bzip2_bomb_stream():
    """Returns the bzip2 stream of FIRST_LINE and filler up to INFLATED_BYTES, and the CRC-32
    of those inflated bytes."""
    first = FIRST_LINE + FILLER * (BLOCK_BYTES - len(FIRST_LINE))
    middle_count, last_bytes = divmod(INFLATED_BYTES - BLOCK_BYTES, BLOCK_BYTES)
    pieces = [(first, 1), (FILLER * BLOCK_BYTES, middle_count)]
    if last_bytes:
        pieces.append((FILLER * last_bytes, 1))
    bits = bit_count = stream_crc = entry_crc = 0
    for content, repeat in pieces:
        block, block_bits, block_crc = compressed_block(content)
        content_crc = zlib.crc32(content)
        for _ in range(repeat):
            bits = (bits << block_bits) | block
            bit_count += block_bits
            # The stream's CRC folds in each block's: rotate left by one, then xor.
            stream_crc = (((stream_crc << 1) | (stream_crc >> 31)) & 0xFFFFFFFF) ^ block_crc
            entry_crc = crc32_concat(entry_crc, content_crc, len(content))
    bits = (((bits << 48) | END_MAGIC) << 32) | stream_crc
    bit_count += 80
    padding = -bit_count % 8
    body = (bits << padding).to_bytes((bit_count + padding) // 8, "big")
    return BZIP2_HEADER + body, entry_crc


def compressed_block(content):
    """Compresses `content` into a one-block bzip2 stream and cuts that block out of it.
    Returns the block as an integer, its length in bits and its CRC."""
    stream = bz2.compress(content, 9)
    value = int.from_bytes(stream, "big")
    total_bits = len(stream) * 8
    # The stream ends with END_MAGIC, the stream CRC and 0-7 zero bits of padding.
    for padding in range(8):
        tail = value >> padding
        if (tail >> 32) & (2**48 - 1) == END_MAGIC and value & (2**padding - 1) == 0:
            break
    else:
        raise RuntimeError("no bzip2 end-of-stream marker found")
    block_bits = total_bits - 32 - 80 - padding
    block = (value >> (80 + padding)) & (2**block_bits - 1)
    block_crc = (block >> (block_bits - 80)) & 0xFFFFFFFF
    stream_crc = (value >> padding) & 0xFFFFFFFF
    # One block: its CRC is the stream's, and it starts with the block magic.
    if block >> (block_bits - 48) != BLOCK_MAGIC or block_crc != stream_crc:
        raise RuntimeError("%d bytes did not fit one bzip2 block" % len(content))
    return block, block_bits, block_crc


# --- CRC-32 of repeated content -------------------------------------------------------------

CRC32_POLYNOMIAL = 0xEDB88320  # reflected


def crc32_concat(crc_a, crc_b, length_b):
    """CRC-32 of A followed by B from the CRCs of A and B and the length of B.

    zlib.crc32(B, crc_a) runs the CRC register over B starting from crc_a; the register is
    linear, so that equals crc(B) xor (crc_a carried through length_b zero bytes)."""
    return apply_matrix(zero_bytes_matrix(length_b), crc_a) ^ crc_b


@functools.lru_cache(maxsize=None)
def zero_bytes_matrix(count):
    """The 32x32 GF(2) matrix (a tuple of column images) that carries the CRC register
    through `count` zero bytes, by squaring the one-byte matrix."""
    result = tuple(1 << bit for bit in range(32))
    power = tuple(register_after_zero_byte(1 << bit) for bit in range(32))
    while count:
        if count & 1:
            result = tuple(apply_matrix(power, column) for column in result)
        power = tuple(apply_matrix(power, column) for column in power)
        count >>= 1
    return result


def register_after_zero_byte(register):
    for _ in range(8):
        register = (register >> 1) ^ (CRC32_POLYNOMIAL if register & 1 else 0)
    return register


def apply_matrix(matrix, vector):
    result = 0
    bit = 0
    while vector:
        if vector & 1:
            result ^= matrix[bit]
        vector >>= 1
        bit += 1
    return result


# --- the ZIP archive ------------------------------------------------------------------------

METHOD_BZIP2 = 12
VERSION_NEEDED = 46  # bzip2 (4.6); ZIP64 needs 4.5
DOS_TIME = (9 << 11) | (12 << 5)  # 09:12:00
DOS_DATE = ((2023 - 1980) << 9) | (4 << 5) | 15  # 2023-04-15
ZIP64_EXTRA_ID = 0x0001


def write_zip(path, compressed, crc, declared_size):
    """Writes a one-entry archive by hand: zipfile would have to inflate-compress 10 GB.
    Sizes of 4 GiB and more go into a ZIP64 extra field (in both headers, which must agree);
    offsets stay small, so no ZIP64 end record is needed."""
    name = ENTRY_NAME.encode("ascii")
    zip64 = declared_size >= 0xFFFFFFFF
    if zip64:
        extra = struct.pack("<HHQQ", ZIP64_EXTRA_ID, 16, declared_size, len(compressed))
        size_fields = (0xFFFFFFFF, 0xFFFFFFFF)
    else:
        extra = b""
        size_fields = (len(compressed), declared_size)
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, VERSION_NEEDED, 0, METHOD_BZIP2, DOS_TIME,
                        DOS_DATE, crc, *size_fields, len(name), len(extra)) + name + extra
    central = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, (3 << 8) | 63, VERSION_NEEDED, 0,
                          METHOD_BZIP2, DOS_TIME, DOS_DATE, crc, *size_fields, len(name),
                          len(extra), 0, 0, 0, 0o100644 << 16, 0) + name + extra
    central_offset = len(local) + len(compressed)
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 1, 1, len(central), central_offset, 0)
    with open(path, "wb") as f:
        f.write(local + compressed + central + end)


def verify(path):
    """Inflates the entry with Python's zipfile, which checks the size and CRC at the end."""
    log("verifying %s (inflating it all)" % path)
    started = time.perf_counter()
    inflated = 0
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(ENTRY_NAME)
        with archive.open(info) as entry:
            if entry.read(len(FIRST_LINE)) != FIRST_LINE:
                raise RuntimeError("%s: the entry does not start with the chat line" % path)
            inflated = len(FIRST_LINE)
            while True:
                chunk = entry.read(1 << 24)
                if not chunk:
                    break
                inflated += len(chunk)
    log("  inflated %s bytes in %.1f s, CRC ok" % (f"{inflated:,}", time.perf_counter() - started))
    if inflated != INFLATED_BYTES:
        raise RuntimeError("%s inflates to %d bytes, not %d" % (path, inflated, INFLATED_BYTES))


# --- the measurement ------------------------------------------------------------------------

def run_waudit(waudit, inputs, runs, work):
    """Runs `waudit scan --format json INPUTS` `runs` times; returns the median wall time, the
    highest peak RSS, and the exit code, stderr and JSON report of the last run. The wall
    time includes starting /usr/bin/time, as in run.sh."""
    time_file = os.path.join(work, "time.txt")
    report_file = os.path.join(work, "report.json")
    command = ["/usr/bin/time", "-v", "-o", time_file, waudit, "scan", "--format", "json",
               *inputs]
    seconds, rss_kb = [], 0
    for _ in range(max(runs, 1)):
        with open(report_file, "wb") as stdout:
            started = time.perf_counter()
            run = subprocess.run(command, stdout=stdout, stderr=subprocess.PIPE, check=False)
            seconds.append(time.perf_counter() - started)
        rss_kb = max(rss_kb, peak_rss_kb(time_file))
    return {
        "seconds": statistics.median(seconds),
        "rss_mb": rss_kb * 1024 / 1e6,
        "exit": run.returncode,
        "stderr": run.stderr.decode("utf-8", "replace"),
        "findings": reported_findings(report_file),
    }


def measure_bomb(waudit, bomb, good, runs, work):
    """Scans the bomb and the good input together and judges the outcome: refused means exit
    2, an error line naming the archive and its entry, and the good input still scanned."""
    result = run_waudit(waudit, [bomb, good], runs, work)
    result["errors"] = [line for line in result["stderr"].splitlines() if bomb in line]
    result["good_found"] = any(
        f.get("rule") == "iban" and f.get("location", {}).get("path") == good
        for f in result["findings"])
    named = any(ENTRY_NAME in line for line in result["errors"])
    result["archive_bytes"] = os.path.getsize(bomb)
    result["refused"] = result["exit"] == 2 and named and result["good_found"]
    return result


def peak_rss_kb(time_file):
    with open(time_file, encoding="utf-8") as f:
        for line in f:
            if "Maximum resident set size" in line:
                return int(line.rsplit(":", 1)[1])
    return 0


def reported_findings(report_file):
    try:
        with open(report_file, encoding="utf-8") as f:
            return json.load(f).get("findings", [])
    except (OSError, ValueError):
        return []


def report(variant, bomb, declared, result):
    with zipfile.ZipFile(bomb) as archive:
        info = archive.getinfo(ENTRY_NAME)
    log("[%s] %s" % (variant, bomb))
    log("  archive %s bytes; entry %r, bzip2, declares %s bytes, inflates to %s bytes" % (
        f"{result['archive_bytes']:,}", ENTRY_NAME, f"{info.file_size:,}",
        f"{INFLATED_BYTES:,}"))
    log("  waudit: %.3f s wall, %.1f MB peak RSS, exit %d" % (
        result["seconds"], result["rss_mb"], result["exit"]))
    for line in result["errors"] or result["stderr"].splitlines() or ["(no error printed)"]:
        log("  stderr: " + line)
    log("  good input's IBAN in the JSON: %s" % ("yes" if result["good_found"] else "NO"))
    target_met = result["refused"] and result["seconds"] < TARGET_SECONDS \
        and result["rss_mb"] < TARGET_RSS_MB
    log("  issue #7's target (refused, < %.0f s, < %.0f MB): %s" % (
        TARGET_SECONDS, TARGET_RSS_MB, "met" if target_met else "NOT met"))
    label = "zip bomb" if variant == "declared" else \
        "zip bomb, sizes declared as %d KB" % (declared // 1000)
    outcome = "refused in" if result["refused"] else "NOT refused, ran"
    print("%s: %.1f KB -> %d GB, %s %.3f s, %.1f MB peak RSS, exit %d" % (
        label, result["archive_bytes"] / 1000, INFLATED_BYTES // 10**9, outcome,
        result["seconds"], result["rss_mb"], result["exit"]), flush=True)


def append_csv(path, variant, result):
    """size,bytes,messages,tool,seconds,mb_per_s,ratio_rg,ratio_cat,peak_rss_mb,msgs_per_s:
    the inflated size as the size, the archive's bytes, and no throughput or ratios."""
    with open(path, "a", encoding="utf-8") as f:
        f.write("%dG,%d,,zip-bomb-%s,%.6f,,,,%.1f,\n" % (
            INFLATED_BYTES // 10**9, result["archive_bytes"], variant, result["seconds"],
            result["rss_mb"]))


if __name__ == "__main__":
    sys.exit(main())
