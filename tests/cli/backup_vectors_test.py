"""Conformance of the backup readers with files made by others (../shared/conformance/backups,
see SOURCES.md there): the wa-crypt-tools vectors (crypt12, crypt14 with and without the
feature marker, crypt15, and both key files), the legacy-schema database of whatsapp-viewer and
the current-schema databases of chat-history-manager (2023-10, 2026-01, 2026-05).

Exits 77 (CTest: skipped) with a message when the folder is absent; WAUDIT_BACKUP_VECTORS_DIR
names it (tests/CMakeLists.txt). WAUDIT_BIN is the binary under test.
"""

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import unittest
import zlib

import backup_fixtures as fx

ROOT = os.environ.get("WAUDIT_BACKUP_VECTORS_DIR", "")
CRYPT = os.path.join(ROOT, "ElDavoo-wa-crypt-tools")
LEGACY = os.path.join(ROOT, "andreas-mausch-whatsapp-viewer")
CURRENT = os.path.join(ROOT, "frozenspider-chat-history-manager")
PLAINTEXT_SHA256 = "1425b944a2e3885fc936a7bb82f6548c5cc09523a2f61f02aa836c4ed8bbd16e"
ROOT_KEY = bytes.fromhex("6730a595a1484d0c39c101dc0ac82ec5e401bb6f0e1b8ee2dc104a6b3687f017")


def scan(*args):
    env = {k: v for k, v in os.environ.items() if k not in ("WAUDIT_BACKUP_KEY", "TZ")}
    done = subprocess.run([os.environ["WAUDIT_BIN"], "scan", "--format", "json",
                           "--timezone", "UTC", *args], capture_output=True, env=env,
                          timeout=300)
    return done.returncode, json.loads(done.stdout), done.stderr.decode()


class CryptVectors(unittest.TestCase):
    def test_each_vector_decrypts_with_its_key(self):
        for name, key in (("msgstore.db.crypt15", "encrypted_backup.key"),
                          ("msgstore.db.crypt14", "key"),
                          ("msgstore-noexpiry.db.crypt14", "key"),
                          ("msgstore.db.crypt12", "key")):
            with self.subTest(name):
                code, report, err = scan("--key-file", os.path.join(CRYPT, key),
                                         os.path.join(CRYPT, name))
                self.assertEqual((code, err), (0, ""))
                kind = name.rsplit(".", 1)[1]
                # WhatsApp 2.22.5.13 right after installing: its own status chat, 9 rows.
                self.assertEqual(report["inputs"], [{"path": os.path.join(CRYPT, name),
                                                     "kind": kind, "chats": 1, "messages": 9,
                                                     "errors": []}])

    def test_the_wrong_kind_of_key_is_named(self):
        code, _, err = scan("--key-file", os.path.join(CRYPT, "key"),
                            os.path.join(CRYPT, "msgstore.db.crypt15"))
        self.assertEqual(code, 2)
        self.assertIn("crypt12/14 `key` file", err)

    @unittest.skipIf(fx.AESGCM is None, "python3-cryptography is not installed")
    def test_the_test_writer_reproduces_the_crypt15_vector(self):
        with open(os.path.join(CRYPT, "msgstore.db.crypt15"), "rb") as f:
            backup = f.read()
        header, iv = backup[:131], backup[8:24]  # after n, 0x01 and 08 01 1a 12 0a 10
        self.assertEqual(iv.hex(), "c395ee009cf8b68ac0ea760550f6559c")
        aes = fx.crypt15_key(ROOT_KEY)
        compressed = fx.AESGCM(aes).decrypt(iv, backup[131:-16], None)
        plain = zlib.decompress(compressed)
        self.assertEqual(hashlib.sha256(plain).hexdigest(), PLAINTEXT_SHA256)
        self.assertEqual(fx.seal(header, aes, iv, zlib.compress(plain, 1)), backup)


def load_sql(path, *scripts):
    db = sqlite3.connect(path)
    for script in scripts:
        with open(script, encoding="utf-8", errors="surrogateescape") as f:
            db.executescript(f.read())
    db.commit()
    db.close()


class SchemaFixtures(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory(prefix="waudit-vectors-")

    def tearDown(self):
        self.dir.cleanup()

    def test_legacy_schema_of_whatsapp_viewer(self):
        db = os.path.join(self.dir.name, "msgstore.db")
        load_sql(db, os.path.join(LEGACY, "msgstore.db.schema.sql"),
                 os.path.join(LEGACY, "test-database.sql"))
        code, report, err = scan(db)
        self.assertIn(code, (0, 1), err)
        counted = sqlite3.connect(db).execute(
            "SELECT count(*), count(DISTINCT key_remote_jid) FROM messages"
            " WHERE key_remote_jid <> '-1'").fetchone()
        entry = report["inputs"][0]
        self.assertEqual((entry["kind"], entry["messages"], entry["chats"], entry["errors"]),
                         ("msgstore", counted[0], counted[1], []))

    def test_current_schemas_of_chat_history_manager(self):
        for era in ("whatsapp-android_2023-10", "whatsapp-android_2026-01",
                    "whatsapp-android_2026-05"):
            with self.subTest(era):
                folder = os.path.join(self.dir.name, era)
                os.mkdir(folder)
                db = os.path.join(folder, "msgstore.db")
                load_sql(db, os.path.join(CURRENT, era, "msgstore.sql"))
                load_sql(os.path.join(folder, "wa.db"), os.path.join(CURRENT, era, "wa.sql"))
                code, report, err = scan(db)
                self.assertIn(code, (0, 1), err)
                counted = sqlite3.connect(db).execute(
                    "SELECT count(*), count(DISTINCT m.chat_row_id) FROM message m"
                    " JOIN chat c ON c._id = m.chat_row_id").fetchone()
                entry = report["inputs"][0]
                self.assertEqual((entry["kind"], entry["messages"], entry["chats"],
                                  entry["errors"]), ("msgstore", counted[0], counted[1], []))


if __name__ == "__main__":
    if not os.path.isdir(CRYPT) or not os.path.isdir(LEGACY) or not os.path.isdir(CURRENT):
        print(f"skipped: backup fixtures not found in {ROOT or '(WAUDIT_BACKUP_VECTORS_DIR unset)'}")
        sys.exit(77)
    sys.exit(0 if unittest.main(exit=False, verbosity=2).result.wasSuccessful() else 1)
