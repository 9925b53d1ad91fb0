"""Shell completion (completions/): bash's function is called as bash calls it, with COMP_WORDS
and COMP_CWORD set; zsh's is typed into a real zsh in tmux when both are installed. Both
scripts must know every option of `waudit scan --help`.

WAUDIT_BIN and WAUDIT_SOURCE_DIR are set by CTest (tests/CMakeLists.txt).
"""

import os
import re
import shlex
import shutil
import subprocess
import time
import unittest

from cli_test import SAMPLES, TempDirTest, run

COMPLETIONS = os.path.join(os.environ["WAUDIT_SOURCE_DIR"], "completions")
BASH_SCRIPT = os.path.join(COMPLETIONS, "waudit.bash")
ZSH_SCRIPT = os.path.join(COMPLETIONS, "_waudit")


def bash_complete(*words, cwd=None):
    """The candidates bash offers for the command line `words`, the last being completed."""
    script = (f"source {shlex.quote(BASH_SCRIPT)}\n"
              f"COMP_WORDS=({' '.join(shlex.quote(w) for w in words)})\n"
              f"COMP_CWORD={len(words) - 1}\n"
              "_waudit\n"
              'printf "%s\\n" "${COMPREPLY[@]}"\n')
    done = subprocess.run(["bash", "--norc", "--noprofile", "-c", script], capture_output=True,
                          text=True, cwd=cwd, timeout=30, check=True)
    return [line for line in done.stdout.split("\n") if line]


class BashCompletion(TempDirTest):
    def test_option_prefix_completes_to_the_option(self):
        self.assertEqual(bash_complete("waudit", "scan", "--for"), ["--format"])
        self.assertEqual(bash_complete("waudit", "scan", "--max-e"),
                         ["--max-entry-size", "--max-entries"])

    def test_subcommand(self):
        self.assertEqual(bash_complete("waudit", "s"), ["scan"])
        self.assertEqual(bash_complete("waudit", "r"), ["rules"])

    def test_rules_command(self):
        self.assertEqual(bash_complete("waudit", "rules", ""), ["check"])
        self.assertEqual(bash_complete("waudit", "rules", "--format", "j"), ["json"])
        self.assertEqual(bash_complete("waudit", "rules", "check", "WhatsApp Chat m",
                                       cwd=SAMPLES), ["WhatsApp Chat mit Lena Schmidt.txt"])

    def test_values_of_options(self):
        self.assertEqual(bash_complete("waudit", "scan", "--format", "js"), ["json", "jsonl"])
        self.assertEqual(bash_complete("waudit", "scan", "-f", "c"), ["csv"])
        self.assertEqual(bash_complete("waudit", "scan", "--fail-on", "h"), ["high"])
        self.assertEqual(bash_complete("waudit", "scan", "--color", "a"), ["auto", "always"])
        # bash splits --format=j at the '=' into three words.
        self.assertEqual(bash_complete("waudit", "scan", "--format", "=", "x"), ["xlsx"])

    def test_paths_keep_their_spaces(self):
        found = bash_complete("waudit", "scan", "WhatsApp Chat m", cwd=SAMPLES)
        self.assertEqual(found, ["WhatsApp Chat mit Lena Schmidt.txt"])
        self.write("company.toml", "")
        self.assertEqual(bash_complete("waudit", "scan", "--config", "comp", cwd=self.dir),
                         ["company.toml"])

    def test_time_zones(self):
        if not os.path.isfile("/usr/share/zoneinfo/Europe/Berlin"):
            self.skipTest("no zoneinfo")
        self.assertEqual(bash_complete("waudit", "scan", "--timezone", "Europe/Berl"),
                         ["Europe/Berlin"])


class ScriptsKnowEveryOption(unittest.TestCase):
    def test_every_option_of_scan_help_is_completed(self):
        _, help_text, _ = run("scan", "--help")
        _, rules_help, _ = run("rules", "--help")
        options = set(re.findall(r"--[a-z][a-z-]+", help_text + rules_help))
        self.assertIn("--format", options)
        for path in (BASH_SCRIPT, ZSH_SCRIPT):
            with open(path, encoding="utf-8") as f:
                script = f.read()
            for option in options:
                self.assertRegex(script, re.escape(option) + r"\b",
                                 f"{option} is not in {os.path.basename(path)}")


class Installation(TempDirTest):
    def test_cmake_install_puts_the_scripts_where_the_shells_look(self):
        build = os.environ.get("WAUDIT_BUILD_DIR")
        if not build:
            self.skipTest("WAUDIT_BUILD_DIR is not set")
        cmake = os.environ.get("CMAKE_COMMAND", "cmake")
        subprocess.run([cmake, "--install", build, "--prefix", self.dir], capture_output=True,
                       check=True, timeout=120)
        for installed, source in [
            ("share/bash-completion/completions/waudit", BASH_SCRIPT),
            ("share/zsh/site-functions/_waudit", ZSH_SCRIPT),
        ]:
            with open(self.path(installed), "rb") as copy, open(source, "rb") as original:
                self.assertEqual(copy.read(), original.read(), installed)


@unittest.skipUnless(shutil.which("zsh") and shutil.which("tmux"), "needs zsh and tmux")
class ZshCompletion(unittest.TestCase):
    """zsh completes only in an interactive shell: one runs in a detached tmux session."""

    def setUp(self):
        # A server of its own per test: a server still shutting down refuses a new session.
        self.tmux = ["tmux", "-L", f"waudit-test-{os.getpid()}-{self._testMethodName}"]
        env = "env -i HOME=/tmp TERM=xterm PATH=/usr/bin:/bin"
        subprocess.run([*self.tmux, "new-session", "-d", "-x", "150", "-y", "20",
                        f"{env} zsh -f"], check=True)
        self.type(f"fpath=({shlex.quote(COMPLETIONS)} $fpath); autoload -U compinit; "
                  "compinit -u; PS1='> '", "Enter")

    def tearDown(self):
        subprocess.run([*self.tmux, "kill-server"], check=False)

    def type(self, *keys):
        subprocess.run([*self.tmux, "send-keys", *keys], check=True)

    def screen_after(self, expected, seconds=10):
        """The screen once it shows `expected`, or after `seconds`."""
        deadline = time.monotonic() + seconds
        while True:
            screen = subprocess.run([*self.tmux, "capture-pane", "-p"], capture_output=True,
                                    text=True, check=True).stdout
            if expected in screen or time.monotonic() > deadline:
                return screen
            time.sleep(0.1)

    def test_option_prefix_completes_to_the_option(self):
        self.type("waudit scan --for", "Tab")
        self.assertIn("> waudit scan --format=", self.screen_after("--format="))

    def test_values_of_an_option(self):
        self.type("waudit scan --fail-on=cr", "Tab")
        self.assertIn("--fail-on=critical", self.screen_after("critical"))


if __name__ == "__main__":
    unittest.main()
