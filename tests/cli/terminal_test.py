"""Colour and the progress line as a user sees them: waudit runs on a pseudo-terminal (python's
pty module), and the tests check the bytes the terminal receives and what it then shows.

The progress line appears only after a second; to make a scan last that long whatever the
build's speed, the test stops the process (SIGSTOP) for 1.5 s once the first input is in the
report, and lets it go on with the others.

WAUDIT_BIN and WAUDIT_SOURCE_DIR are set by CTest (tests/CMakeLists.txt).
"""

import fcntl
import os
import re
import select
import signal
import struct
import subprocess
import termios
import time
import unittest

from cli_test import ANDROID, BIN, TempDirTest, run

ESCAPE = "\x1b["
PROGRESS = re.compile(r"waudit: \d+/\d+ inputs, ")
REDRAW = re.compile(r"\r(?!\n)")  # a carriage return that is not part of a line end
COLUMNS = 100


def terminal_env(**changes):
    """The test's environment as on a developer's terminal, without CI, NO_COLOR or a
    configuration; `changes` add variables."""
    env = dict(os.environ)
    for name in ("CI", "NO_COLOR", "WAUDIT_CONFIG", "WAUDIT_FINGERPRINT_KEY"):
        env.pop(name, None)
    env["TERM"] = "xterm-256color"
    env.update(changes)
    return env


def run_on_terminal(*args, env=None, stdout_terminal=True, pause_at=None, cwd=None):
    """Runs waudit with standard error, and standard output unless `stdout_terminal` is false,
    on a new pseudo-terminal. Returns (exit code, what the terminal received, standard output
    if piped). With `pause_at`, the process is stopped for 1.5 s once the terminal or the pipe
    has received that text."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, COLUMNS, 0, 0))
    process = subprocess.Popen([BIN, *args], stdin=slave, stderr=slave,
                               stdout=slave if stdout_terminal else subprocess.PIPE,
                               env=env if env is not None else terminal_env(), cwd=cwd)
    os.close(slave)
    received = {master: b"", process.stdout: b""}
    open_ends = [master] + ([] if stdout_terminal else [process.stdout])
    paused = pause_at is None
    deadline = time.monotonic() + 300
    while open_ends and time.monotonic() < deadline:
        for end in select.select(open_ends, [], [], 1)[0]:
            try:
                data = os.read(end if end == master else end.fileno(), 65536)
            except OSError:  # EIO: the terminal's last writer has gone
                data = b""
            if not data:
                open_ends.remove(end)
            received[end] += data
        if not paused and pause_at.encode() in received[master] + received[process.stdout]:
            os.kill(process.pid, signal.SIGSTOP)
            time.sleep(1.5)
            os.kill(process.pid, signal.SIGCONT)
            paused = True
    code = process.wait(timeout=60)
    os.close(master)
    if process.stdout:
        process.stdout.close()
    return code, received[master].decode("utf-8"), received[process.stdout].decode("utf-8")


def screen_lines(received):
    """The lines a terminal shows for `received`: each \\r returns to the start of the line
    and what follows overwrites it."""
    lines = []
    for line in received.split("\r\n"):
        shown = ""
        for part in line.split("\r"):
            shown = part + shown[len(part):]
        lines.append(shown.rstrip(" "))
    return lines


class ProgressLine(TempDirTest):
    def make_inputs(self, count=6, messages=20000):
        """`count` chats of about 1.5 MB each, every one with one IBAN."""
        lines = [f"15.04.23, 09:{i % 60:02d} - Jonas: Nachricht {i}, nur etwas Text ohne Daten\n"
                 for i in range(messages)]
        lines.append("15.04.23, 10:00 - Lena: IBAN DE89 3704 0044 0532 0130 00\n")
        folder = self.path("exports")
        os.mkdir(folder)
        for n in range(count):
            with open(os.path.join(folder, f"chat{n}.txt"), "w", encoding="utf-8") as f:
                f.writelines(lines)
        return folder

    def long_scan(self, *options, env=None):
        folder = self.make_inputs()
        return run_on_terminal("scan", "--jobs", "1", "--color", "never", *options, folder,
                               env=env, pause_at="chat0.txt [txt]")

    def test_long_scan_shows_progress_and_the_report_stays_whole(self):
        code, received, _ = self.long_scan()
        self.assertEqual(code, 1)
        self.assertRegex(received, PROGRESS)
        self.assertRegex(received, REDRAW)
        self.assertNotIn(ESCAPE, received)  # spaces, not escape codes, clear the line
        for line in screen_lines(received):
            self.assertLess(len(line), COLUMNS)
        # What stays on the screen is the report alone: the line is taken away before each
        # part of the report and at the end.
        _, report, _ = run("scan", "--jobs", "1", self.path("exports"))
        self.assertEqual(screen_lines(received), report.split("\n"))

    def test_no_progress_in_ci(self):
        code, received, _ = self.long_scan(env=terminal_env(CI="true"))
        self.assertEqual(code, 1)
        self.assertNotRegex(received, PROGRESS)
        self.assertNotRegex(received, REDRAW)

    def test_no_progress_when_quiet_but_errors_still_shown(self):
        code, received, _ = self.long_scan("--quiet", self.path("missing.txt"))
        self.assertEqual(code, 2)
        self.assertNotRegex(received, PROGRESS)
        self.assertIn("waudit: error: " + self.path("missing.txt"), received)

    def test_no_progress_for_a_quick_scan(self):
        code, received, _ = run_on_terminal("scan", ANDROID)
        self.assertEqual(code, 1)
        self.assertNotRegex(received, PROGRESS)


class Colour(TempDirTest):
    RED_HIGH = ESCAPE + "31mhigh" + ESCAPE + "0m"

    def test_no_escape_codes_when_piped(self):
        code, out, err = run("scan", ANDROID)
        self.assertEqual(code, 1)
        self.assertNotIn("\x1b", out + err)

    def test_colour_when_piped_with_color_always(self):
        _, out, _ = run("scan", "--color", "always", ANDROID, env={"NO_COLOR": "1"})
        self.assertIn(self.RED_HIGH, out)
        self.assertIn("    8:90      " + self.RED_HIGH + "     iban ", out)

    def test_colour_on_a_terminal(self):
        code, received, _ = run_on_terminal("scan", ANDROID)
        self.assertEqual(code, 1)
        self.assertIn(self.RED_HIGH, received)

    def test_no_colour_on_a_terminal_when_told(self):
        for env, options in [(terminal_env(NO_COLOR="1"), ()), (terminal_env(TERM="dumb"), ()),
                             (terminal_env(), ("--color", "never"))]:
            _, received, _ = run_on_terminal("scan", *options, ANDROID, env=env)
            self.assertNotIn(ESCAPE, received, options or env.get("NO_COLOR") or env["TERM"])

    def test_no_colour_when_only_standard_error_is_a_terminal(self):
        _, received, out = run_on_terminal("scan", ANDROID, stdout_terminal=False)
        self.assertIn("iban", out)
        self.assertNotIn("\x1b", out + received)

    def test_machine_formats_and_report_files_never_coloured(self):
        report = self.path("report.txt")
        _, received, _ = run_on_terminal("scan", "--color", "always", "--format", "json", ANDROID)
        self.assertNotIn("\x1b", received)
        run_on_terminal("scan", "--color", "always", "--output", report, ANDROID)
        with open(report, encoding="utf-8") as f:
            self.assertNotIn("\x1b", f.read())


if __name__ == "__main__":
    unittest.main()
