"""How reports reach their reader: a reader that stops early (`waudit scan ... | head`) is no
error, and --output files are replaced atomically, with the permissions a shell redirection
would give or the replaced report's own.

WAUDIT_BIN and WAUDIT_SOURCE_DIR are set by CTest (tests/CMakeLists.txt).
"""

import os
import signal
import stat
import subprocess
import threading
import time
import unittest

from cli_test import ANDROID_CHAT, BIN, SAMPLES, TempDirTest, run

FORMATS = ("text", "json", "jsonl", "csv", "sarif")


def scan_into_closed_pipe(*args):
    """Runs waudit with a standard output whose reader has gone; returns (code, stderr)."""
    with subprocess.Popen([BIN, "scan", *args], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE) as process:
        process.stdout.close()  # before waudit writes anything: its first write fails
        err = process.stderr.read().decode("utf-8")
        return process.wait(timeout=120), err


class BrokenPipe(TempDirTest):
    def test_a_reader_that_stops_early_is_not_an_error(self):
        for fmt in FORMATS:
            with self.subTest(format=fmt):
                self.assertEqual(scan_into_closed_pipe("--format", fmt, SAMPLES), (1, ""))
        chat = self.write("WhatsApp Chat mit Max.txt", "15.04.23, 09:12 - Max: Hallo\n")
        self.assertEqual(scan_into_closed_pipe(chat), (0, ""))

    def test_the_exit_status_still_reports_unread_inputs(self):
        code, err = scan_into_closed_pipe(SAMPLES, self.path("missing.txt"))
        self.assertEqual(code, 2)
        self.assertEqual(len(err.splitlines()), 1, err)
        self.assertIn("missing.txt", err)


class AtomicOutput(TempDirTest):
    def make_long_chat(self):
        """A chat that takes a moment to scan: one finding, then plain messages."""
        line = "15.04.23, 09:13 - Lena: Wir sehen uns morgen in der Werkstatt, bis dann\n"
        return self.write("WhatsApp Chat mit Lena.txt", ANDROID_CHAT + line * 40000)

    def temporary_files(self):
        return [name for name in os.listdir(self.dir) if ".tmp-" in name]

    def test_the_old_report_stays_whole_until_the_new_one_is_complete(self):
        chat = self.make_long_chat()
        report = self.write("report.json", "the previous report\n")
        process = subprocess.Popen([BIN, "scan", "--format", "json", "--output", report, chat],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 60
        while not self.temporary_files() and process.poll() is None:
            self.assertLess(time.monotonic(), deadline)
            time.sleep(0.002)
        process.send_signal(signal.SIGSTOP)  # mid-scan: the report is being written elsewhere
        try:
            self.assertEqual(len(self.temporary_files()), 1, "waudit finished before the check")
            with open(report, encoding="utf-8") as f:
                self.assertEqual(f.read(), "the previous report\n")
        finally:
            process.send_signal(signal.SIGCONT)
        self.assertEqual(process.wait(timeout=120), 1, process.stderr.read())
        process.stderr.close()
        with open(report, encoding="utf-8") as f:
            self.assertIn('"schema": "waudit-findings/1"', f.read())
        self.assertEqual(self.temporary_files(), [])

    def test_a_failed_run_keeps_every_old_report_and_leaves_no_temporary_file(self):
        report = self.write("report.json", "the previous report\n")
        code, out, err = run("scan", "--output", f"json={report}", "--output",
                             f"csv={self.path('missing/findings.csv')}", SAMPLES)
        self.assertEqual((code, out), (2, ""))
        self.assertIn("findings.csv: cannot create output file", err)
        with open(report, encoding="utf-8") as f:
            self.assertEqual(f.read(), "the previous report\n")
        self.assertEqual(self.temporary_files(), [])

    def test_a_new_report_gets_the_permissions_of_a_redirection(self):
        previous = os.umask(0o027)
        try:
            code, _, err = run("scan", "--output", f"json={self.path('r.json')}", "--output",
                               f"xlsx={self.path('r.xlsx')}", SAMPLES)
        finally:
            os.umask(previous)
        self.assertEqual(code, 1, err)
        for name in ("r.json", "r.xlsx"):
            self.assertEqual(stat.S_IMODE(os.stat(self.path(name)).st_mode), 0o640, name)

    def test_a_replaced_report_keeps_its_permissions(self):
        for mode in (0o600, 0o644):
            with self.subTest(mode=oct(mode)):
                report = self.write("report.csv", "old\n")
                os.chmod(report, mode)
                code, _, err = run("scan", "--format", "csv", "--output", report, SAMPLES)
                self.assertEqual(code, 1, err)
                self.assertEqual(stat.S_IMODE(os.stat(report).st_mode), mode)
                with open(report, encoding="utf-8") as f:
                    self.assertTrue(f.read().startswith("path,entry,line,column"))


class WrittenThrough(TempDirTest):
    """A destination that is no regular file is written through, as `>` does, never replaced:
    renaming over it made `-o /dev/null` (run as root) replace the system's /dev/null with a
    regular file. A pipe stands in for /dev/null here, so that a regression cannot break the
    machine that runs the test."""

    def test_a_named_pipe_gets_the_report_and_stays_a_pipe(self):
        fifo = self.path("report.fifo")
        os.mkfifo(fifo)
        received = []
        reader = threading.Thread(target=lambda: received.append(open(fifo, "rb").read()))
        reader.start()
        code, _, err = run("scan", "--format", "json", "--output", fifo, SAMPLES)
        reader.join(timeout=60)
        self.assertEqual(code, 1, err)
        self.assertTrue(stat.S_ISFIFO(os.lstat(fifo).st_mode))
        self.assertIn(b'"schema": "waudit-findings/1"', received[0])
        self.assertEqual(os.listdir(self.dir), ["report.fifo"])  # no temporary file left

    def test_a_symbolic_link_stays_a_link_to_the_new_report(self):
        target = self.write("report-2026-11.csv", "old\n")
        link = self.path("latest.csv")
        os.symlink(target, link)
        code, _, err = run("scan", "--format", "csv", "--output", link, SAMPLES)
        self.assertEqual(code, 1, err)
        self.assertTrue(os.path.islink(link))
        with open(target, encoding="utf-8") as f:
            self.assertTrue(f.read().startswith("path,entry,line,column"))


if __name__ == "__main__":
    unittest.main()
