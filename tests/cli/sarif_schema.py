"""The official SARIF 2.1.0 JSON schema (OASIS, sarif-schema-2.1.0.json), fetched at test time
and checked with python3-jsonschema.

No Debian package ships the schema. The npm package @datadog/datadog-ci (version pinned below,
Apache-2.0) carries an unchanged copy, so the tests fetch that package's tarball with
`npm pack` (nothing is installed or run from it), take the one file out, check its SHA-256 and
keep it in a cache folder outside the repository: $WAUDIT_TEST_CACHE, else
$XDG_CACHE_HOME/waudit, else ~/.cache/waudit. Later runs use the cached copy without the
network. Nothing is downloaded during the build.

Run as a script (CTest's cli.sarif_schema, on tests/golden/), it fetches the schema, proves
that the validator rejects broken logs, and validates the SARIF files named on the command line
(or the *.sarif files of a folder named there); it exits 77 (skipped), saying why, only when
the schema cannot be fetched.
"""

import copy
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile

PACKAGE = "@datadog/datadog-ci@2.48.0"
MEMBER = "package/dist/commands/sarif/json-schema/sarif-schema-2.1.0.json"
SHA256 = "10666d46649b52e262001e70d43e6c52f7c0279ca3dbdfe9a7dc2e4071556454"
SCHEMA_ID = "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json"
SKIP = 77


class SchemaUnavailable(Exception):
    """The schema is not cached and npm cannot fetch it (no npm, no network)."""


def cache_folder():
    base = os.environ.get("WAUDIT_TEST_CACHE")
    if not base:
        xdg = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        base = os.path.join(xdg, "waudit")
    return base


def sha256_of(data):
    return hashlib.sha256(data).hexdigest()


def fetch(destination):
    """Fetches the package tarball with npm and writes the schema to `destination`
    atomically. A copy that is not the pinned one is an error, not a skip."""
    npm = shutil.which("npm")
    if npm is None:
        raise SchemaUnavailable("npm not found (Node.js's npm fetches the SARIF schema)")
    with tempfile.TemporaryDirectory(prefix="waudit-sarif-schema-") as work:
        done = subprocess.run([npm, "pack", PACKAGE, "--loglevel=error", "--pack-destination", work],
                              capture_output=True, timeout=300, cwd=work)
        if done.returncode != 0:
            lines = [line for line in done.stderr.decode(errors="replace").splitlines()
                     if line.strip() and "complete log" not in line] or ["no message"]
            raise SchemaUnavailable(f"npm pack {PACKAGE} failed: {lines[0]}")
        tarballs = [name for name in os.listdir(work) if name.endswith(".tgz")]
        with tarfile.open(os.path.join(work, tarballs[0])) as archive:
            data = archive.extractfile(MEMBER).read()
    if sha256_of(data) != SHA256:
        raise AssertionError(f"{MEMBER} of {PACKAGE} has SHA-256 {sha256_of(data)}, "
                             f"expected {SHA256}")
    os.makedirs(os.path.dirname(destination), exist_ok=True)
    temporary = f"{destination}.{os.getpid()}.tmp"
    with open(temporary, "wb") as f:
        f.write(data)
    os.replace(temporary, destination)  # parallel tests may fetch at once; both write the same


def schema_path():
    """The cached schema, fetched first when missing or not the pinned copy."""
    path = os.path.join(cache_folder(), "sarif-schema-2.1.0.json")
    if os.path.exists(path):
        with open(path, "rb") as f:
            if sha256_of(f.read()) == SHA256:
                return path
    fetch(path)
    return path


_validator = None


def validator():
    """A jsonschema validator for SARIF 2.1.0 logs; raises SchemaUnavailable."""
    global _validator
    if _validator is None:
        try:
            import jsonschema  # python3-jsonschema
        except ImportError as error:
            raise AssertionError(f"python3-jsonschema is missing for {sys.executable} "
                                 "(scripts/install-deps installs it)") from error
        with open(schema_path(), encoding="utf-8") as f:
            schema = json.load(f)
        if schema.get("$id") != SCHEMA_ID:
            raise AssertionError(f"not the OASIS SARIF 2.1.0 schema: $id {schema.get('$id')}")
        cls = jsonschema.validators.validator_for(schema)
        cls.check_schema(schema)
        _validator = cls(schema, format_checker=jsonschema.FormatChecker())
    return _validator


def errors(log):
    """The schema violations of the SARIF log `log` (parsed JSON), as readable lines."""
    return [f"{'/'.join(str(p) for p in error.absolute_path) or '(root)'}: {error.message}"
            for error in validator().iter_errors(log)]


_skip_announced = False


def check(test, text, what):
    """Fails `test` unless the SARIF text validates. Where the schema cannot be fetched, says so
    once on stderr and checks nothing (cli.sarif_schema reports that as a skipped test)."""
    global _skip_announced
    try:
        problems = errors(json.loads(text))
    except SchemaUnavailable as why:
        if not _skip_announced:
            print(f"\nSARIF schema validation skipped: {why}", file=sys.stderr)
            _skip_announced = True
        return
    test.assertEqual(problems, [], f"{what} is not valid SARIF 2.1.0")


def broken_copies(log):
    """Logs that break the schema in ways a careless writer might: each must be rejected."""
    missing_version = copy.deepcopy(log)
    del missing_version["version"]
    yield "no version", missing_version
    column_zero = copy.deepcopy(log)
    column_zero["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"][
        "startColumn"] = 0
    yield "startColumn 0", column_zero
    unknown_level = copy.deepcopy(log)
    unknown_level["runs"][0]["results"][0]["level"] = "high"
    yield "level high", unknown_level
    stray_key = copy.deepcopy(log)
    stray_key["runs"][0]["tool"]["driver"]["ruleset"] = []
    yield "unknown driver property", stray_key


def sarif_files(paths):
    """The files named, with a folder standing for the *.sarif files in it."""
    files = []
    for path in paths:
        if os.path.isdir(path):
            files += [os.path.join(path, name) for name in sorted(os.listdir(path))
                      if name.endswith(".sarif")]
        else:
            files.append(path)
    return files


def main(paths):
    try:
        validator()
    except SchemaUnavailable as why:
        print(f"skipped: SARIF schema validation: {why}")
        return SKIP
    print(f"schema: {schema_path()} (from {PACKAGE})")
    paths = sarif_files(paths)
    failed = 0
    for path in paths:
        with open(path, encoding="utf-8") as f:
            log = json.load(f)
        problems = errors(log)
        if log["runs"][0]["results"]:
            problems += [f"the validator accepted a copy with {why}"
                         for why, broken in broken_copies(log) if not errors(broken)]
        print(f"{path}: {'valid' if not problems else 'FAILED'}")
        for problem in problems:
            print(f"  {problem}")
        failed += bool(problems)
    print(f"{len(paths) - failed} passed, {failed} failed")
    return 1 if failed or not paths else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
