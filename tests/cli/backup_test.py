"""End-to-end tests of phone databases and encrypted backups: the test builds each database with
python3's sqlite3 (backup_fixtures.py), runs the real waudit on it and checks the report.

WAUDIT_BIN and WAUDIT_SOURCE_DIR are set by CTest (tests/CMakeLists.txt).
"""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import unittest
import zipfile

import backup_fixtures as fx
from cli_test import IOS, TempDirTest, run, scan_json

# A real (tiny) photo from samples/: waudit decodes the photos it finds beside a backup, and a
# damaged one is an error.
with zipfile.ZipFile(IOS) as _sample:
    PHOTO = next(_sample.read(n) for n in _sample.namelist() if n.endswith(".jpg"))

BERLIN = ("--timezone", "Europe/Berlin")
KEY_HEX = bytes(range(32)).hex()


def found(report, rules=("iban", "payment-card")):
    """(entry, column, rule, chat, sender, timestamp) of the findings of `rules`."""
    return [(f["location"]["entry"], f["location"]["column"], f["rule"], f["chat"], f["sender"],
             f["timestamp"])
            for f in report["findings"] if f["rule"] in rules]


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


class CurrentSchema(TempDirTest):
    def setUp(self):
        super().setUp()
        self.db = self.path("msgstore.db")
        fx.current_msgstore(self.db)

    def test_every_text_of_a_message_row_is_scanned(self):
        fx.wa_db(self.path("wa.db"))
        code, report, err = scan_json(*BERLIN, "--show-values", self.db)
        self.assertEqual((code, err), (1, ""))
        lena, family, own = "Lena Schmidt", "Familie", "Jonas Weber"
        self.assertEqual(found(report), [
            ("message/10", 16, "iban", lena, lena, "2023-04-15T09:13:00"),       # body
            ("message/11", 8, "iban", family, "+4917612345678", "2023-04-15T09:15:00"),  # caption
            ("message/12", 10, "iban", family, own, "2023-04-15T09:16:30"),      # own, image
            ("message/13", 11, "iban", lena, own, "2023-04-15T10:00:00"),        # quoted copy
            ("message/14", 51, "iban", family, "+4917612345678", "2023-04-15T10:01:00"),  # vCard
            ("message/16", 7, "payment-card", "+4915712345678", "+4915712345678",
             "2023-04-15T10:03:00"),                                              # LID mapped
            ("message/17", 9, "iban", lena, lena, "2023-04-15T10:04:00"),        # invalid UTF-8
        ])
        for finding in report["findings"]:
            self.assertIsNone(finding["location"]["line"])
            self.assertEqual(finding["location"]["path"], self.db)
        self.assertNotIn(fx.WRONG_IBAN, str(report))

    def test_input_counts_chats_and_messages_but_not_the_placeholder(self):
        code, report, _ = scan_json(*BERLIN, self.db)
        self.assertEqual(code, 1)
        # Two media files are named; without a media folder they are counted only.
        self.assertEqual(report["inputs"], [{"path": self.db, "kind": "msgstore", "chats": 3,
                                             "messages": 10, "errors": [],
                                             "media_referenced": 2}])

    def test_without_wa_db_chats_are_named_by_number(self):
        _, report, _ = scan_json(*BERLIN, self.db)
        first = report["findings"][0]
        self.assertEqual((first["chat"], first["sender"]), ("+4915112345678", "+4915112345678"))

    def test_the_database_is_not_modified_and_nothing_is_created_beside_it(self):
        before = digest(self.db)
        stat = os.stat(self.db)
        self.assertEqual(run("scan", *BERLIN, self.db)[0], 1)
        self.assertEqual(digest(self.db), before)
        self.assertEqual(os.stat(self.db).st_mtime_ns, stat.st_mtime_ns)
        self.assertEqual(sorted(os.listdir(self.dir)), ["msgstore.db"])

    def test_values_are_masked_by_default(self):
        _, out, _ = run("scan", *BERLIN, self.db)
        json_out = run("scan", "--format", "json", *BERLIN, self.db)[1]
        for value in (fx.IBAN_DE, fx.IBAN_GB, fx.IBAN_NL, fx.CARD):
            self.assertNotIn(value, out + json_out)

    def test_time_zone_changes_the_timestamp(self):
        _, utc, _ = scan_json("--timezone", "UTC", self.db)
        _, tokyo, _ = scan_json("--timezone", "Asia/Tokyo", self.db)
        self.assertEqual(utc["findings"][0]["timestamp"], "2023-04-15T07:13:00")
        self.assertEqual(tokyo["findings"][0]["timestamp"], "2023-04-15T16:13:00")
        self.assertNotEqual(utc["findings"][0]["fingerprint"], tokyo["findings"][0]["fingerprint"])

    def test_default_zone_is_the_machines(self):
        _, report, _ = scan_json(self.db, env={"TZ": "America/New_York"})
        self.assertEqual(report["findings"][0]["timestamp"], "2023-04-15T03:13:00")

    def test_unknown_time_zone_stops_before_scanning(self):
        for zone in ("Mars/Olympus", "../../etc/passwd", "Europe/Berlin;rm"):
            code, out, err = run("scan", "--timezone", zone, self.db)
            self.assertEqual((code, out), (2, ""), zone)
            self.assertEqual(err, f'waudit: error: --timezone: unknown time zone "{zone}" '
                                  "(an IANA name such as Europe/Berlin or UTC, found under "
                                  "/usr/share/zoneinfo)\n")

    def test_a_wal_beside_the_database_is_read_from_a_private_copy(self):
        live = self.path("live")
        os.mkdir(live)
        db = os.path.join(live, "msgstore.db")
        shutil.copy(self.db, db)
        writer = sqlite3.connect(db)
        writer.execute("PRAGMA journal_mode=WAL")
        writer.execute("PRAGMA wal_autocheckpoint=0")
        writer.execute("INSERT INTO message (_id, chat_row_id, from_me, key_id, timestamp,"
                       f" text_data, sort_id) VALUES (30, 1, 0, 'K30', 0, 'IBAN {fx.IBAN_GB}', 30)")
        writer.commit()
        # A copy taken while WhatsApp runs: database and -wal, rows 30 only in the -wal.
        copy = self.path("copy")
        os.mkdir(copy)
        for name in ("msgstore.db", "msgstore.db-wal"):
            shutil.copy(os.path.join(live, name), os.path.join(copy, name))
        writer.close()
        before = {name: digest(os.path.join(copy, name)) for name in os.listdir(copy)}
        tmp = self.path("tmp")
        os.mkdir(tmp)
        code, report, err = scan_json(*BERLIN, os.path.join(copy, "msgstore.db"),
                                      env={"TMPDIR": tmp})
        self.assertEqual((code, err), (1, ""))
        self.assertIn("message/30", [f["location"]["entry"] for f in report["findings"]])
        self.assertEqual(report["inputs"][0]["messages"], 11)
        after = {name: digest(os.path.join(copy, name)) for name in os.listdir(copy)}
        self.assertEqual(after, before)  # no -shm created, nothing checkpointed
        self.assertEqual(os.listdir(tmp), [])  # the private copy is gone


class LegacySchema(TempDirTest):
    def test_legacy_messages_table(self):
        db = self.path("msgstore.db")
        fx.legacy_msgstore(db)
        code, report, err = scan_json(*BERLIN, db)
        self.assertEqual((code, err), (1, ""))
        self.assertEqual(found(report), [
            ("message/2", 7, "iban", "+4915112345678", "+4915112345678", "2021-03-01T11:00:00"),
            ("message/3", 7, "iban", "Familie", "+4917612345678", "2021-03-01T12:00:00"),
        ])
        self.assertEqual(report["inputs"][0]["kind"], "msgstore")
        self.assertEqual((report["inputs"][0]["chats"], report["inputs"][0]["messages"]), (2, 3))

    def test_transitional_database_with_an_empty_message_table_reads_messages(self):
        db = self.path("msgstore.db")
        fx.legacy_msgstore(db, with_current_tables=True)
        code, report, _ = scan_json(*BERLIN, db)
        self.assertEqual(code, 1)
        self.assertEqual([f[0] for f in found(report)], ["message/2", "message/3"])


class ChatStorage(TempDirTest):
    def test_ios_chat_storage(self):
        db = self.path("ChatStorage.sqlite")
        fx.chatstorage(db)
        code, report, err = scan_json(*BERLIN, db)
        self.assertEqual((code, err), (1, ""))
        self.assertEqual(found(report), [
            ("message/20", 16, "iban", "Lena Schmidt", "Lena Schmidt", "2023-04-15T09:13:00"),
            ("message/21", 7, "iban", "Familie", "Max Berger", "2023-04-15T09:15:00"),
        ])
        self.assertEqual(report["inputs"], [{"path": db, "kind": "chatstorage", "chats": 2,
                                             "messages": 3, "errors": [],
                                             "media_referenced": 1}])


    def test_media_in_a_message_folder_beside_chat_storage(self):
        db = self.path("ChatStorage.sqlite")
        fx.chatstorage(db)
        os.makedirs(self.path(os.path.join("Message", "Media", "x")))
        self.write(os.path.join("Message", "Media", "x", "1.jpg"), PHOTO)
        _, report, _ = scan_json(*BERLIN, db)
        self.assertEqual((report["inputs"][0]["media"], report["inputs"][0]["media_missing"]),
                         (["Media/x/1.jpg"], []))


class Directories(TempDirTest):
    def test_a_directory_yields_the_message_databases_only(self):
        fx.current_msgstore(self.path("msgstore.db"))
        fx.wa_db(self.path("wa.db"))
        fx.chatstorage(self.path("ChatStorage.sqlite"))
        fx.create(self.path("axolotl.db"), "CREATE TABLE identities (x);")
        code, report, err = scan_json(*BERLIN, self.dir)
        self.assertEqual((code, err), (1, ""))
        self.assertEqual([(os.path.basename(i["path"]), i["kind"]) for i in report["inputs"]],
                         [("ChatStorage.sqlite", "chatstorage"), ("msgstore.db", "msgstore")])

    def test_named_databases_without_messages_are_errors(self):
        fx.wa_db(self.path("wa.db"))
        fx.create(self.path("other.db"), "CREATE TABLE t (x);")
        code, report, err = scan_json(self.path("wa.db"), self.path("other.db"))
        self.assertEqual(code, 2)
        self.assertEqual(len(err.splitlines()), 2, err)
        self.assertIn("contacts database (wa.db)", err)
        self.assertIn("neither a WhatsApp msgstore.db nor a ChatStorage.sqlite", err)
        self.assertEqual([i["kind"] for i in report["inputs"]], ["sqlite", "wadb"])

    def test_a_damaged_database_is_one_error_and_the_rest_is_scanned(self):
        good = self.path("msgstore.db")
        fx.current_msgstore(good)
        with open(good, "rb") as f:
            data = f.read()
        bad = self.write("broken.db", data[:100] + os.urandom(len(data) - 100))
        code, report, err = scan_json(*BERLIN, bad, good)
        self.assertEqual(code, 2)
        self.assertEqual(len(err.splitlines()), 1, err)
        self.assertTrue(err.startswith(f"waudit: error: {bad}: "), err)
        self.assertEqual(len(found(report)), 7)


@unittest.skipIf(fx.AESGCM is None, "python3-cryptography is not installed")
class Crypt15(TempDirTest):
    """Backups the test encrypts itself: the round trip and each way it can fail."""

    def setUp(self):
        super().setUp()
        plain_db = self.path("plain.db")
        fx.current_msgstore(plain_db)
        # Incompressible filler so that the ciphertext spans several read chunks.
        filler = sqlite3.connect(plain_db)
        filler.execute("CREATE TABLE filler (b BLOB)")
        filler.executemany("INSERT INTO filler VALUES (?)", [(os.urandom(1000),)] * 300)
        filler.commit()
        filler.close()
        with open(plain_db, "rb") as f:
            self.plain = f.read()
        os.remove(plain_db)
        self.root = bytes(range(32))
        self.backups = self.path("backups")
        os.mkdir(self.backups)
        self.tmp = self.path("tmp")
        os.mkdir(self.tmp)

    def backup(self, data, name="msgstore.db.crypt15"):
        path = os.path.join(self.backups, name)
        with open(path, "wb") as f:
            f.write(data)
        return path

    def scan(self, *args, env=None):
        full_env = {"TMPDIR": self.tmp, **(env or {})}
        result = scan_json(*BERLIN, *args, env=full_env)
        self.assertEqual(os.listdir(self.tmp), [], "decrypted data left behind")
        return result

    def test_round_trip_with_each_form_of_the_key(self):
        path = self.backup(fx.crypt15(self.plain, self.root))
        hex_file = self.write("key.txt", " ".join(KEY_HEX[i:i + 4] for i in range(0, 64, 4))
                              .upper() + "\n")
        java_file = self.write("encrypted_backup.key", fx.java_key_file(self.root))
        for args, env in ((("--key-file", hex_file), None), (("--key-file", java_file), None),
                          ((), {"WAUDIT_BACKUP_KEY": KEY_HEX})):
            code, report, err = self.scan(*args, path, env=env)
            self.assertEqual((code, err), (1, ""), args)
            self.assertEqual(report["inputs"], [{"path": path, "kind": "crypt15", "chats": 3,
                                                 "messages": 10, "errors": [],
                                                 "media_referenced": 2}])
            self.assertEqual(len(found(report)), 7)
            self.assertEqual(report["findings"][0]["location"]["entry"], "message/10")

    def test_backup_without_the_feature_marker(self):
        path = self.backup(fx.crypt15(self.plain, self.root, feature_flag=False))
        code, report, _ = self.scan(path, env={"WAUDIT_BACKUP_KEY": KEY_HEX})
        self.assertEqual((code, report["inputs"][0]["messages"]), (1, 10))

    def expect_error(self, data, expected, env=None, args=()):
        """One error line naming the backup, exit 2, and the good export beside it scanned."""
        path = self.backup(data)
        good = self.write("WhatsApp Chat mit Lena.txt",
                          f"15.04.23, 09:13 - Lena: IBAN {fx.IBAN_DE}\n")
        code, report, err = self.scan(*args, path, good, env=env)
        self.assertEqual(code, 2, err)
        self.assertEqual(len(err.splitlines()), 1, err)
        self.assertTrue(err.startswith(f"waudit: error: {path}: "), err)
        self.assertIn(expected, err)
        self.assertEqual([f["location"]["path"] for f in report["findings"]], [good])
        self.assertNotIn(KEY_HEX, err.lower())
        return err

    def test_no_key_names_the_key_the_header_asks_for(self):
        err = self.expect_error(fx.crypt15(self.plain, self.root), "needs its 64-digit key or "
                                "the encrypted_backup.key file")
        self.assertIn("no key was given", err)

    def test_a_crypt14_key_file_for_a_crypt15_backup(self):
        key_file = self.write("key", fx.java_key_file(fx.classic_key_payload(bytes(32))))
        self.expect_error(fx.crypt15(self.plain, self.root), "crypt12/14 `key` file",
                          args=("--key-file", key_file))

    def test_wrong_key(self):
        self.expect_error(fx.crypt15(self.plain, self.root), "wrong key",
                          env={"WAUDIT_BACKUP_KEY": "ff" * 32})

    def test_truncated_file(self):
        data = fx.crypt15(self.plain, self.root)
        self.expect_error(data[:len(data) // 2], "truncated or damaged",
                          env={"WAUDIT_BACKUP_KEY": KEY_HEX})

    def test_bad_gcm_tag(self):
        data = bytearray(fx.crypt15(self.plain, self.root)[:-16])
        data[-1] ^= 0x01  # the last byte of the tag; the MD5 is made to match again
        self.expect_error(fx.with_md5(bytes(data)), "authentication failed",
                          env={"WAUDIT_BACKUP_KEY": KEY_HEX})

    def test_altered_ciphertext(self):
        data = bytearray(fx.crypt15(self.plain, self.root)[:-16])
        data[len(data) // 2] ^= 0x80
        self.expect_error(fx.with_md5(bytes(data)), "authentication failed",
                          env={"WAUDIT_BACKUP_KEY": KEY_HEX})

    def test_changed_header_fails_the_md5_but_the_data_is_scanned(self):
        data = bytearray(fx.crypt15(self.plain, self.root))
        at = data.index(b"2.25.1.1")
        data[at] = ord("3")  # the app version: unencrypted, covered by the MD5 only
        path = self.backup(bytes(data))
        code, report, err = self.scan(path, env={"WAUDIT_BACKUP_KEY": KEY_HEX})
        self.assertEqual(code, 2)
        self.assertEqual(err, f"waudit: error: {path}: MD5 checksum does not match: the file was "
                              "changed after WhatsApp wrote it (its encrypted data checked out "
                              "and was scanned)\n")
        self.assertEqual(len(found(report)), 7)

    def test_header_longer_than_the_file(self):
        self.expect_error(b"\xf0\x01\x08\x01\x1a", "header runs past the end",
                          env={"WAUDIT_BACKUP_KEY": KEY_HEX})

    def test_not_a_backup_at_all(self):
        self.expect_error(b"\x05\x01hello, this is no backup" * 10, "not a WhatsApp encrypted",
                          env={"WAUDIT_BACKUP_KEY": KEY_HEX})

    def test_zip_payload_is_an_unsupported_incremental_backup(self):
        self.expect_error(fx.crypt15(b"PK\x03\x04" + bytes(5000), self.root),
                          "incremental or multi-file backup", env={"WAUDIT_BACKUP_KEY": KEY_HEX})

    def test_payload_that_is_no_database(self):
        self.expect_error(fx.crypt15(os.urandom(5000), self.root),
                          "decrypted, but not an SQLite database",
                          env={"WAUDIT_BACKUP_KEY": KEY_HEX})

    def test_crypt14_with_its_key_file(self):
        aes = bytes(range(100, 132))
        path = self.backup(fx.crypt14(self.plain, aes), "msgstore.db.crypt14")
        key_file = self.write("key", fx.java_key_file(fx.classic_key_payload(aes)))
        code, report, err = self.scan("--key-file", key_file, path)
        self.assertEqual((code, err), (1, ""))
        self.assertEqual(report["inputs"][0]["kind"], "crypt14")
        self.assertEqual(len(found(report)), 7)

    def test_a_directory_takes_the_msgstore_backups(self):
        self.backup(fx.crypt15(self.plain, self.root))
        self.backup(fx.crypt15(self.plain, self.root), "msgstore-2023-04-15.1.db.crypt15")
        self.backup(b"whatever", "wa.db.crypt15")
        self.backup(b"whatever", "stickers.db.crypt15")
        code, report, _ = self.scan(self.backups, env={"WAUDIT_BACKUP_KEY": KEY_HEX})
        self.assertEqual(code, 1)
        self.assertEqual([os.path.basename(i["path"]) for i in report["inputs"]],
                         ["msgstore-2023-04-15.1.db.crypt15", "msgstore.db.crypt15"])

    def wa_db_bytes(self):
        wa = self.path("wa-plain.db")
        fx.wa_db(wa)
        data = fx.read_bytes(wa)
        os.remove(wa)
        return data

    def test_an_encrypted_wa_db_in_the_backups_folder_names_chats(self):
        # WhatsApp/Databases/msgstore.db.crypt15 and WhatsApp/Backups/wa.db.crypt15
        whatsapp = self.path("WhatsApp")
        for folder in ("Databases", "Backups"):
            os.makedirs(os.path.join(whatsapp, folder))
        path = os.path.join(whatsapp, "Databases", "msgstore.db.crypt15")
        with open(path, "wb") as f:
            f.write(fx.crypt15(self.plain, self.root))
        with open(os.path.join(whatsapp, "Backups", "wa.db.crypt15"), "wb") as f:
            f.write(fx.crypt15(self.wa_db_bytes(), self.root, feature_flag=False))
        code, report, err = self.scan(path, env={"WAUDIT_BACKUP_KEY": KEY_HEX})
        self.assertEqual((code, err), (1, ""))
        self.assertEqual(report["findings"][0]["chat"], "Lena Schmidt")

    def test_an_encrypted_wa_db_with_another_key_leaves_numbers(self):
        path = self.backup(fx.crypt15(self.plain, self.root))
        self.backup(fx.crypt15(self.wa_db_bytes(), bytes(32)), "wa.db.crypt15")
        code, report, err = self.scan(path, env={"WAUDIT_BACKUP_KEY": KEY_HEX})
        self.assertEqual((code, err), (1, ""))
        self.assertEqual(report["findings"][0]["chat"], "+4915112345678")

    def test_media_beside_an_encrypted_backup(self):
        whatsapp = self.path("WhatsApp")
        os.makedirs(os.path.join(whatsapp, "Databases"))
        os.makedirs(os.path.join(whatsapp, "Media", "WhatsApp Images"))
        with open(os.path.join(whatsapp, "Media", "WhatsApp Images", "IMG-1.jpg"), "wb") as f:
            f.write(PHOTO)
        path = os.path.join(whatsapp, "Databases", "msgstore.db.crypt15")
        with open(path, "wb") as f:
            f.write(fx.crypt15(self.plain, self.root))
        _, report, _ = self.scan(path, env={"WAUDIT_BACKUP_KEY": KEY_HEX})
        self.assertEqual((report["inputs"][0]["media"], report["inputs"][0]["media_missing"]),
                         (["Media/WhatsApp Images/IMG-1.jpg"],
                          ["Media/WhatsApp Documents/Rechnung.pdf"]))

    def test_bad_key_material_stops_before_scanning_without_echoing_it(self):
        path = self.backup(fx.crypt15(self.plain, self.root))
        secret = "0123456789abcdef" * 3  # 48 digits: too short
        key_file = self.write("key.txt", secret)
        for args, env in ((("--key-file", key_file), None), ((), {"WAUDIT_BACKUP_KEY": secret})):
            code, out, err = run("scan", *args, path, env=env)
            self.assertEqual((code, out), (2, ""))
            self.assertEqual(len(err.splitlines()), 1, err)
            self.assertIn("not a", err)
            self.assertNotIn(secret, err)


class ExportAndBackup(TempDirTest):
    def test_the_same_message_has_the_same_fingerprint_in_an_export_and_a_backup(self):
        # The Android export writes 09:13; the database of the same phone has the second,
        # 07:13:27 UTC. The fingerprint counts the minute only, so both agree.
        export = self.write("WhatsApp Chat mit Lena Schmidt.txt",
                            "15.04.23, 09:12 - Jonas Weber: Hallo\n"
                            f"15.04.23, 09:13 - Lena Schmidt: Meine IBAN ist {fx.IBAN_DE}\n")
        phone = self.path("phone")
        os.mkdir(phone)
        db = os.path.join(phone, "msgstore.db")
        fx.current_msgstore(db)
        fx.create(db, "", [("UPDATE message SET timestamp = ? WHERE _id = 10",
                            (fx.utc_ms("2023-04-15T07:13:27"),))])
        fx.wa_db(os.path.join(phone, "wa.db"))
        code, report, err = scan_json(*BERLIN, export, db)
        self.assertEqual((code, err), (1, ""))
        by_path = {}
        for finding in report["findings"]:
            by_path.setdefault(finding["location"]["path"], []).append(finding)
        from_export = by_path[export][0]
        from_backup = by_path[db][0]
        self.assertEqual(from_backup["location"]["entry"], "message/10")
        self.assertEqual(from_export["timestamp"], "2023-04-15T09:13:00")
        self.assertEqual(from_backup["timestamp"], "2023-04-15T09:13:27")
        for field in ("rule", "chat", "sender", "match", "fingerprint"):
            self.assertEqual(from_export[field], from_backup[field], field)

    def test_a_message_of_another_minute_has_another_fingerprint(self):
        export = self.write("WhatsApp Chat mit Lena Schmidt.txt",
                            f"15.04.23, 09:14 - Lena Schmidt: Meine IBAN ist {fx.IBAN_DE}\n")
        db = self.path("msgstore.db")
        fx.current_msgstore(db)
        fx.wa_db(self.path("wa.db"))
        _, report, _ = scan_json(*BERLIN, export, db)
        prints = {f["location"]["path"]: f["fingerprint"] for f in report["findings"]
                  if f["location"]["entry"] in (None, "message/10")}
        self.assertNotEqual(prints[export], prints[db])


def add_rows(db, rows):
    fx.create(db, "", rows)


def media_row(row_id, chat, when, path, kind=9):
    return [fx.message_row(row_id, chat, 0, 0, when, kind, None),
            ("INSERT INTO message_media (message_row_id, chat_row_id, file_path) VALUES (?,?,?)",
             (row_id, chat, path))]


LENA_CARD = ("BEGIN:VCARD\nVERSION:3.0\nFN:Lena Schmidt\n"
             f"NOTE:Konto {fx.IBAN_DE}\nEND:VCARD\n")


class AndroidMedia(TempDirTest):
    """A WhatsApp folder copied from the phone: Databases/ and Media/ side by side."""

    def setUp(self):
        super().setUp()
        self.whatsapp = self.path("WhatsApp")
        os.makedirs(os.path.join(self.whatsapp, "Databases"))
        self.db = os.path.join(self.whatsapp, "Databases", "msgstore.db")
        fx.current_msgstore(self.db)
        fx.wa_db(os.path.join(self.whatsapp, "Databases", "wa.db"))
        add_rows(self.db,
                 media_row(40, 1, "2023-04-15T08:10:00", "Media/WhatsApp Documents/Lena.vcf")
                 + media_row(41, 1, "2023-04-15T08:11:00", "Media/../../outside.vcf")
                 + media_row(42, 2, "2023-04-15T08:12:00",
                             "/storage/emulated/0/WhatsApp/Media/WhatsApp Images/IMG-2.jpg", 1)
                 + media_row(43, 2, "2023-04-15T08:13:00", "Media/WhatsApp Images/IMG-1.jpg", 1))
        self.media_file("WhatsApp Images/IMG-1.jpg", PHOTO)
        self.media_file("WhatsApp Images/IMG-2.jpg", PHOTO)
        self.media_file("WhatsApp Documents/Lena.vcf", LENA_CARD.encode())
        # Outside the WhatsApp folder: a path climbing out of it is never followed.
        self.write("outside.vcf", LENA_CARD)

    def media_file(self, name, data):
        path = os.path.join(self.whatsapp, "Media", name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)

    def test_media_found_and_missing_are_listed_and_cards_scanned(self):
        code, report, err = scan_json(*BERLIN, "--show-values", self.db)
        self.assertEqual((code, err), (1, ""))
        listed = report["inputs"][0]
        self.assertEqual(listed["media_referenced"], 5)  # IMG-1.jpg is named twice
        self.assertEqual(listed["media"], [
            "/storage/emulated/0/WhatsApp/Media/WhatsApp Images/IMG-2.jpg",
            "Media/WhatsApp Documents/Lena.vcf",
            "Media/WhatsApp Images/IMG-1.jpg",
        ])
        self.assertEqual(listed["media_missing"], [
            "Media/../../outside.vcf",
            "Media/WhatsApp Documents/Rechnung.pdf",
        ])
        cards = [f for f in report["findings"] if f["attachment"] is not None]
        self.assertEqual([(f["location"]["entry"], f["location"]["line"], f["rule"], f["chat"],
                           f["sender"], f["timestamp"], f["attachment"]) for f in cards], [
            ("Media/WhatsApp Documents/Lena.vcf", 4, "iban", "Lena Schmidt", "Lena Schmidt",
             "2023-04-15T10:10:00", "Lena.vcf"),
        ])
        self.assertEqual(cards[0]["location"]["path"], self.db)

    def test_a_card_photo_beside_the_backup_is_reported_at_its_message(self):
        self.media_file("WhatsApp Images/IMG-1.jpg", self.card_photo())
        code, report, err = scan_json(*BERLIN, "--ocr", "on", "--ocr-cache", "", self.db)
        self.assertEqual((code, err), (1, ""))
        photos = [f for f in report["findings"] if f["rule"] == "card-photo"]
        self.assertEqual([(f["location"]["entry"], f["location"]["line"], f["attachment"],
                           f["kind"], f["timestamp"]) for f in photos],
                         [("message/12", None, "IMG-1.jpg", "payment-card",
                           "2023-04-15T09:16:30")])  # the first message naming it
        self.assertGreaterEqual(photos[0]["confidence"], 0.95)
        self.assertNotIn("4111 1111 1111 1111", json.dumps(report))
        self.assertEqual(report["inputs"][0]["ocr"]["images"], 2)

    def card_photo(self):
        try:
            sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "media"))
            import card_images
        except ImportError as missing:  # Pillow: installed by scripts/install-deps
            self.skipTest(f"cannot draw a card photo: {missing}")
        photo = card_images.on_table(
            card_images.payment_card("4111 1111 1111 1111", "VISA", (20, 60, 140)), "clean", 1)
        return card_images.jpeg(photo)

    def test_ocr_on_without_tesseract_data_is_an_error_for_a_backup_photo(self):
        self.media_file("WhatsApp Images/IMG-1.jpg", self.card_photo())
        missing = {"TESSDATA_PREFIX": self.path("no-tessdata")}
        code, report, err = scan_json(*BERLIN, "--ocr", "on", "--ocr-cache", "", self.db,
                                      env=missing)
        self.assertEqual(code, 2)
        self.assertIn("--ocr on, but", err)
        self.assertIn("IMG-1.jpg", err)
        _, _, quiet = scan_json(*BERLIN, "--ocr-cache", "", self.db, env=missing)
        self.assertNotIn("--ocr on", quiet)

    def test_media_folder_beside_the_database_itself(self):
        flat = self.path("flat")
        os.mkdir(flat)
        shutil.copy(self.db, os.path.join(flat, "msgstore.db"))
        shutil.copytree(os.path.join(self.whatsapp, "Media"), os.path.join(flat, "Media"))
        _, report, _ = scan_json(*BERLIN, os.path.join(flat, "msgstore.db"))
        self.assertIn("Media/WhatsApp Images/IMG-1.jpg", report["inputs"][0]["media"])

    def test_the_media_folder_is_not_modified(self):
        before = {p: digest(p) for p in walk(self.whatsapp)}
        self.assertEqual(run("scan", *BERLIN, self.db)[0], 1)
        self.assertEqual({p: digest(p) for p in walk(self.whatsapp)}, before)


def walk(folder):
    return sorted(os.path.join(d, name) for d, _, names in os.walk(folder) for name in names)


class IosBackupFolder(TempDirTest):
    """Finder/iTunes backup folders that the test lays out itself: Manifest.db, plists and
    every file under the SHA-1 of its domain and path."""

    def setUp(self):
        super().setUp()
        chat = self.path("ChatStorage.sqlite")
        fx.chatstorage(chat)
        self.chat = fx.read_bytes(chat)
        os.remove(chat)
        self.root = self.path("Backup")
        self.backup = os.path.join(self.root, "00008030-000A1B2C3D4E5F60")

    def lay_out(self, group=fx.WHATSAPP_GROUP, media=True, **options):
        files = {(group, "ChatStorage.sqlite"): self.chat}
        if media:
            files[(group, "Message/Media/x/1.jpg")] = PHOTO
        fx.ios_backup(self.backup, files, **options)

    def test_a_backup_folder_is_scanned_through_its_manifest(self):
        self.lay_out()
        before = {p: digest(p) for p in walk(self.backup)}
        code, report, err = scan_json(*BERLIN, self.backup)
        self.assertEqual((code, err), (1, ""))
        self.assertEqual(found(report), [
            ("message/20", 16, "iban", "Lena Schmidt", "Lena Schmidt", "2023-04-15T09:13:00"),
            ("message/21", 7, "iban", "Familie", "Max Berger", "2023-04-15T09:15:00"),
        ])
        self.assertEqual({f["location"]["path"] for f in report["findings"]}, {self.backup})
        self.assertEqual(report["inputs"], [{
            "path": self.backup, "kind": "iosbackup", "chats": 2, "messages": 3, "errors": [],
            "media_referenced": 1, "media": ["Media/x/1.jpg"], "media_missing": [],
            "ocr": {"images": 1, "read": 0, "skipped": 1}}])  # the photo: a thumbnail
        self.assertEqual({p: digest(p) for p in walk(self.backup)}, before)

    def test_a_backup_folder_found_under_a_directory_is_one_input(self):
        self.lay_out()
        code, report, _ = scan_json(*BERLIN, self.root)
        self.assertEqual(code, 1)
        self.assertEqual([(i["path"], i["kind"]) for i in report["inputs"]],
                         [(self.backup, "iosbackup")])

    def test_the_manifest_named_explicitly(self):
        self.lay_out()
        manifest = os.path.join(self.backup, "Manifest.db")
        code, report, _ = scan_json(*BERLIN, manifest)
        self.assertEqual(code, 1)
        self.assertEqual(report["inputs"][0]["kind"], "iosbackup")
        self.assertEqual(len(found(report)), 2)

    def test_media_the_manifest_does_not_list_is_missing(self):
        self.lay_out(media=False)
        _, report, _ = scan_json(*BERLIN, self.backup)
        self.assertEqual((report["inputs"][0]["media"], report["inputs"][0]["media_missing"]),
                         ([], ["Media/x/1.jpg"]))

    def test_whatsapp_business_findings_are_told_apart(self):
        fx.ios_backup(self.backup, {(fx.WHATSAPP_GROUP, "ChatStorage.sqlite"): self.chat,
                                    (fx.BUSINESS_GROUP, "ChatStorage.sqlite"): self.chat})
        code, report, _ = scan_json(*BERLIN, self.backup)
        self.assertEqual(code, 1)
        self.assertEqual([f[0] for f in found(report)], [
            "business/message/20", "business/message/21", "message/20", "message/21"])
        self.assertEqual((report["inputs"][0]["chats"], report["inputs"][0]["messages"]), (4, 6))
        self.assertEqual(report["inputs"][0]["media_missing"],
                         ["Media/x/1.jpg", "business/Media/x/1.jpg"])

    def test_whatsapp_business_alone(self):
        self.lay_out(group=fx.BUSINESS_GROUP)
        code, report, _ = scan_json(*BERLIN, self.backup)
        self.assertEqual(code, 1)
        self.assertEqual([f[0] for f in found(report)],
                         ["business/message/20", "business/message/21"])

    def expect_error(self, expected):
        good = self.write("WhatsApp Chat mit Lena.txt",
                          f"15.04.23, 09:13 - Lena: IBAN {fx.IBAN_DE}\n")
        code, report, err = scan_json(*BERLIN, self.backup, good)
        self.assertEqual(code, 2, err)
        self.assertEqual(len(err.splitlines()), 1, err)
        self.assertTrue(err.startswith(f"waudit: error: {self.backup}: "), err)
        self.assertIn(expected, err)
        self.assertEqual([f["location"]["path"] for f in report["findings"]], [good])
        return report

    def test_a_backup_without_whatsapp(self):
        fx.ios_backup(self.backup, {("HomeDomain", "Library/Notes/notes.sqlite"): b"x"})
        report = self.expect_error("no WhatsApp data in this iPhone backup")
        self.assertEqual(report["inputs"][0]["kind"], "iosbackup")

    def test_a_chat_storage_listed_but_not_copied(self):
        fx.ios_backup(self.backup, {},
                      listed_only=[(fx.WHATSAPP_GROUP, "ChatStorage.sqlite")])
        self.expect_error("is not in the backup folder")

    def test_an_encrypted_backup(self):
        self.lay_out()
        with open(os.path.join(self.backup, "Manifest.db"), "wb") as f:
            f.write(os.urandom(4096))
        self.expect_error("encrypted iPhone backup (Manifest.db is encrypted)")

    def test_an_encrypted_chat_storage(self):
        fx.ios_backup(self.backup, {(fx.WHATSAPP_GROUP, "ChatStorage.sqlite"): os.urandom(4096)})
        self.expect_error("the ChatStorage.sqlite of WhatsApp is encrypted")

    def test_a_wal_listed_beside_the_chat_storage_is_read(self):
        live = self.path("live.sqlite")
        with open(live, "wb") as f:
            f.write(self.chat)
        writer = sqlite3.connect(live)
        writer.execute("PRAGMA journal_mode=WAL")
        writer.execute("PRAGMA wal_autocheckpoint=0")
        writer.execute("INSERT INTO ZWAMESSAGE (Z_PK, ZCHATSESSION, ZISFROMME, ZMESSAGEDATE, ZTEXT)"
                       f" VALUES (30, 1, 0, 703000000, 'IBAN {fx.IBAN_GB}')")
        writer.commit()
        files = {(fx.WHATSAPP_GROUP, "ChatStorage.sqlite"): fx.read_bytes(live),
                 (fx.WHATSAPP_GROUP, "ChatStorage.sqlite-wal"): fx.read_bytes(live + "-wal")}
        writer.close()
        fx.ios_backup(self.backup, files)
        tmp = self.path("tmp")
        os.mkdir(tmp)
        code, report, err = scan_json(*BERLIN, self.backup, env={"TMPDIR": tmp})
        self.assertEqual((code, err), (1, ""))
        self.assertIn("message/30", [f[0] for f in found(report)])
        self.assertEqual(os.listdir(tmp), [])


if __name__ == "__main__":
    unittest.main()
