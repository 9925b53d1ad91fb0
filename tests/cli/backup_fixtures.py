"""Synthetic phone databases and encrypted backups for the end-to-end tests: invented people,
numbers from no real plan, and test IBANs with valid checksums (research: backups.md 8.1).

Schemas keep only the columns waudit reads, named as in the real databases (copied from the
chat-history-manager and whatsapp-viewer fixture schemas). The crypt15 writer follows
research/backups.md 3.7; backup_vectors_test.py checks that it reproduces a backup made by
WhatsApp byte for byte.
"""

import datetime
import hashlib
import hmac
import os
import sqlite3
import struct
import zlib

try:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
except ImportError:  # python3-cryptography (scripts/install-deps); the crypt tests skip without
    AESGCM = None

IBAN_DE = "DE89 3704 0044 0532 0130 00"
IBAN_GB = "GB82 WEST 1234 5698 7654 32"
IBAN_NL = "NL91ABNA0417164300"
IBAN_AT = "AT611904300234573201"
IBAN_CH = "CH93 0076 2011 6238 5295 7"
CARD = "4111 1111 1111 1111"
WRONG_IBAN = "DE88 3704 0044 0532 0130 00"

LENA = "4915112345678@s.whatsapp.net"  # named in wa.db
MAX = "4917612345678@s.whatsapp.net"  # not in the address book
LID = "123456789012345@lid"  # pseudonymous; jid_map names 4915712345678
GROUP = "120363000000000001@g.us"


def utc_ms(text):
    """'2023-04-15T07:13:00' (UTC) as milliseconds since 1970."""
    moment = datetime.datetime.fromisoformat(text).replace(tzinfo=datetime.timezone.utc)
    return int(moment.timestamp() * 1000)


def create(path, script, rows=()):
    """Makes the database at `path` from a schema script and (sql, parameters) rows."""
    db = sqlite3.connect(path)
    db.executescript(script)
    for sql, parameters in rows:
        db.execute(sql, parameters)
    db.commit()
    db.close()


CURRENT_SCHEMA = """
CREATE TABLE jid (_id INTEGER PRIMARY KEY AUTOINCREMENT, user TEXT NOT NULL, server TEXT NOT NULL,
  agent INTEGER, device INTEGER, type INTEGER, raw_string TEXT);
CREATE TABLE jid_map (lid_row_id INTEGER PRIMARY KEY, jid_row_id INTEGER, sort_id INTEGER);
CREATE TABLE chat (_id INTEGER PRIMARY KEY AUTOINCREMENT, jid_row_id INTEGER UNIQUE,
  hidden INTEGER, subject TEXT, created_timestamp INTEGER, archived INTEGER);
CREATE TABLE message (_id INTEGER PRIMARY KEY AUTOINCREMENT, chat_row_id INTEGER NOT NULL,
  from_me INTEGER NOT NULL, key_id TEXT NOT NULL, sender_jid_row_id INTEGER, status INTEGER,
  timestamp INTEGER, received_timestamp INTEGER, message_type INTEGER, text_data TEXT,
  sort_id INTEGER NOT NULL DEFAULT 0, extra_column_from_the_future TEXT);
CREATE TABLE message_media (message_row_id INTEGER PRIMARY KEY, chat_row_id INTEGER,
  file_path TEXT, mime_type TEXT, media_name TEXT, media_caption TEXT,
  raw_transcription_text TEXT);
CREATE TABLE message_quoted (message_row_id INTEGER PRIMARY KEY AUTOINCREMENT,
  chat_row_id INTEGER NOT NULL, from_me INTEGER NOT NULL, sender_jid_row_id INTEGER,
  key_id TEXT NOT NULL, timestamp INTEGER, message_type INTEGER, text_data TEXT);
CREATE TABLE message_vcard (_id INTEGER PRIMARY KEY AUTOINCREMENT, message_row_id INTEGER,
  vcard TEXT);
CREATE TABLE message_location (message_row_id INTEGER PRIMARY KEY, chat_row_id INTEGER,
  latitude REAL, longitude REAL, place_name TEXT, place_address TEXT, url TEXT);
CREATE TABLE props (_id INTEGER PRIMARY KEY AUTOINCREMENT, key TEXT UNIQUE, value TEXT);
"""

VCARD = ("BEGIN:VCARD\nVERSION:3.0\nFN:Erika Muster\n"
         f"NOTE:IBAN {IBAN_CH}\nEND:VCARD")


def message_row(row_id, chat, from_me, sender, when, kind, text, sort_id=None):
    return ("INSERT INTO message (_id, chat_row_id, from_me, key_id, sender_jid_row_id, status,"
            " timestamp, message_type, text_data, sort_id) VALUES (?,?,?,?,?,0,?,?,?,?)",
            (row_id, chat, from_me, f"K{row_id}", sender, utc_ms(when) if when else None, kind,
             text, sort_id if sort_id is not None else row_id))


def current_msgstore(path):
    """The current schema (2022 on): a one-to-one chat with Lena, a group, a chat keyed by a LID,
    and every side table that holds text. Planted values, by row:
      10 body IBAN_DE (column 16)     11 document caption IBAN_GB     12 image caption in the
      body IBAN_NL (own message)      13 quoted copy IBAN_AT          14 vCard IBAN_CH
      16 body CARD in the LID chat    17 invalid UTF-8 then IBAN_DE   19 WRONG_IBAN (no finding)
    """
    rows = [
        ("INSERT INTO props (key, value) VALUES ('user_push_name', 'Jonas Weber')", ()),
        ("INSERT INTO jid VALUES (1, '4915112345678', 's.whatsapp.net', 0, 0, 0, ?)", (LENA,)),
        ("INSERT INTO jid VALUES (2, '120363000000000001', 'g.us', 0, 0, 1, ?)", (GROUP,)),
        ("INSERT INTO jid VALUES (3, '4917612345678', 's.whatsapp.net', 0, 0, 0, ?)", (MAX,)),
        ("INSERT INTO jid VALUES (4, '123456789012345', 'lid', 0, 0, 0, ?)", (LID,)),
        ("INSERT INTO jid VALUES (5, '4915712345678', 's.whatsapp.net', 0, 0, 0,"
         " '4915712345678@s.whatsapp.net')", ()),
        ("INSERT INTO jid_map VALUES (4, 5, 1)", ()),
        ("INSERT INTO chat VALUES (1, 1, 0, NULL, 0, 0)", ()),
        ("INSERT INTO chat VALUES (2, 2, 0, 'Familie', 0, 0)", ()),
        ("INSERT INTO chat VALUES (3, 4, 0, NULL, 0, 0)", ()),
        # WhatsApp's placeholder row: no chat.
        ("INSERT INTO message (_id, chat_row_id, from_me, key_id, timestamp, text_data, sort_id)"
         f" VALUES (1, -1, 0, '-1', 0, 'IBAN {IBAN_DE}', 0)", ()),
        message_row(10, 1, 0, 0, "2023-04-15T07:13:00", 0, f"Meine IBAN ist {IBAN_DE}"),
        message_row(11, 2, 0, 3, "2023-04-15T07:15:00", 9, None),
        ("INSERT INTO message_media VALUES (11, 2, 'Media/WhatsApp Documents/Rechnung.pdf',"
         f" 'application/pdf', 'Rechnung.pdf', 'Konto: {IBAN_GB}', NULL)", ()),
        message_row(12, 2, 1, 0, "2023-04-15T07:16:30", 1, f"Bitte an {IBAN_NL}"),
        ("INSERT INTO message_media VALUES (12, 2, 'Media/WhatsApp Images/IMG-1.jpg',"
         " 'image/jpeg', NULL, NULL, NULL)", ()),
        message_row(13, 1, 1, 0, "2023-04-15T08:00:00", 0, "Danke, ist angekommen"),
        ("INSERT INTO message_quoted (message_row_id, chat_row_id, from_me, key_id, text_data)"
         f" VALUES (13, 1, 0, 'K0', 'Alte IBAN {IBAN_AT}')", ()),
        message_row(14, 2, 0, 3, "2023-04-15T08:01:00", 4, "Erika Muster"),
        ("INSERT INTO message_vcard (message_row_id, vcard) VALUES (14, ?)", (VCARD,)),
        message_row(15, 2, 0, 3, "2023-04-15T08:02:00", 5, None),
        ("INSERT INTO message_location VALUES (15, 2, 52.5, 13.4, 'Praxis am Markt',"
         " 'Marktplatz 1, 10115 Berlin', NULL)", ()),
        message_row(16, 3, 0, 0, "2023-04-15T08:03:00", 0, f"Karte {CARD}"),
        message_row(17, 1, 0, 0, "2023-04-15T08:04:00", 0, None),
        ("UPDATE message SET text_data = CAST(? AS BLOB) WHERE _id = 17",
         (b"\xff\xfe IBAN DE89370400440532013000",)),
        message_row(18, 2, 0, None, "2023-04-15T08:05:00", 7, None),  # system: no text
        message_row(19, 1, 0, 0, "2023-04-15T08:06:00", 0, f"Falsch: {WRONG_IBAN}"),
    ]
    create(path, CURRENT_SCHEMA, rows)


def wa_db(path, contacts=((LENA, "Lena Schmidt"),)):
    create(path, """
CREATE TABLE wa_contacts (_id INTEGER PRIMARY KEY AUTOINCREMENT, jid TEXT NOT NULL,
  is_whatsapp_user BOOLEAN NOT NULL, status TEXT, number TEXT, display_name TEXT, wa_name TEXT);
""", [("INSERT INTO wa_contacts (jid, is_whatsapp_user, display_name) VALUES (?, 1, ?)", c)
      for c in contacts])


LEGACY_SCHEMA = """
CREATE TABLE messages (_id INTEGER PRIMARY KEY AUTOINCREMENT, key_remote_jid TEXT NOT NULL,
  key_from_me INTEGER, key_id TEXT NOT NULL, status INTEGER, needs_push INTEGER, data TEXT,
  timestamp INTEGER, media_url TEXT, media_mime_type TEXT, media_wa_type TEXT, media_size INTEGER,
  media_name TEXT, media_caption TEXT, latitude REAL, longitude REAL, remote_resource TEXT,
  quoted_row_id INTEGER);
CREATE TABLE messages_quotes (_id INTEGER PRIMARY KEY AUTOINCREMENT, key_remote_jid TEXT NOT NULL,
  key_from_me INTEGER, key_id TEXT NOT NULL, data TEXT, timestamp INTEGER);
CREATE TABLE messages_vcards (_id INTEGER PRIMARY KEY AUTOINCREMENT, message_row_id INTEGER,
  sender_jid TEXT, chat_jid TEXT, vcard TEXT);
CREATE TABLE chat_list (_id INTEGER PRIMARY KEY AUTOINCREMENT, key_remote_jid TEXT UNIQUE,
  message_table_id INTEGER, subject TEXT, creation INTEGER);
"""


def legacy_row(row_id, chat, from_me, member, when, text, caption=None, kind="0", quoted=0):
    return ("INSERT INTO messages (_id, key_remote_jid, key_from_me, key_id, status, data,"
            " timestamp, media_wa_type, media_caption, remote_resource, quoted_row_id)"
            " VALUES (?,?,?,?,0,?,?,?,?,?,?)",
            (row_id, chat, from_me, f"K{row_id}", text, utc_ms(when), kind, caption, member,
             quoted))


def legacy_msgstore(path, with_current_tables=False):
    """The legacy schema (to 2021): IBAN_DE in the body of row 2 (from Lena), IBAN_GB in the
    caption of row 3 (Max, in the group). With `with_current_tables`, also the empty `message`,
    `chat` and `jid` tables of a transitional database (2021-22), holding only the placeholder."""
    script = LEGACY_SCHEMA
    rows = [
        ("INSERT INTO messages (_id, key_remote_jid, key_id, data, timestamp)"
         " VALUES (1, '-1', '-1', NULL, 0)", ()),
        ("INSERT INTO chat_list (key_remote_jid, subject) VALUES (?, NULL)", (LENA,)),
        ("INSERT INTO chat_list (key_remote_jid, subject) VALUES (?, 'Familie')", (GROUP,)),
        legacy_row(2, LENA, 0, "", "2021-03-01T10:00:00", f"IBAN: {IBAN_DE}"),
        legacy_row(3, GROUP, 0, MAX, "2021-03-01T11:00:00", None,
                   caption=f"Konto {IBAN_GB}", kind="1"),
        legacy_row(4, GROUP, 1, None, "2021-03-01T11:05:00", "Danke"),
    ]
    if with_current_tables:
        script += CURRENT_SCHEMA
        rows.append(("INSERT INTO message (_id, chat_row_id, from_me, key_id, timestamp, sort_id)"
                     " VALUES (1, -1, 0, '-1', 0, 0)", ()))
    create(path, script, rows)


CORE_DATA_EPOCH = 978307200


def chatstorage(path):
    """An iOS ChatStorage.sqlite: IBAN_DE in the text of a one-to-one message (Z_PK 20, at
    07:13:00.250 UTC), IBAN_GB in the caption (ZTITLE) of a group member's photo (Z_PK 21)."""
    def apple(when):
        return utc_ms(when) / 1000 - CORE_DATA_EPOCH

    create(path, """
CREATE TABLE ZWACHATSESSION (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, ZCONTACTJID VARCHAR,
  ZPARTNERNAME VARCHAR, ZGROUPINFO INTEGER, ZSESSIONTYPE INTEGER, ZLASTMESSAGEDATE TIMESTAMP);
CREATE TABLE ZWAGROUPMEMBER (Z_PK INTEGER PRIMARY KEY, ZCHATSESSION INTEGER, ZMEMBERJID VARCHAR,
  ZCONTACTNAME VARCHAR, ZFIRSTNAME VARCHAR);
CREATE TABLE ZWAPROFILEPUSHNAME (Z_PK INTEGER PRIMARY KEY, ZJID VARCHAR, ZPUSHNAME VARCHAR);
CREATE TABLE ZWAMEDIAITEM (Z_PK INTEGER PRIMARY KEY, ZMESSAGE INTEGER, ZMEDIALOCALPATH VARCHAR,
  ZTITLE VARCHAR, ZVCARDSTRING VARCHAR, ZVCARDNAME VARCHAR, ZLATITUDE FLOAT, ZLONGITUDE FLOAT);
CREATE TABLE ZWAMESSAGE (Z_PK INTEGER PRIMARY KEY, ZCHATSESSION INTEGER, ZISFROMME INTEGER,
  ZFROMJID VARCHAR, ZTOJID VARCHAR, ZGROUPMEMBER INTEGER, ZMESSAGEDATE TIMESTAMP,
  ZSENTDATE TIMESTAMP, ZTEXT VARCHAR, ZMESSAGETYPE INTEGER, ZMEDIAITEM INTEGER,
  ZSTANZAID VARCHAR);
""", [
        ("INSERT INTO ZWACHATSESSION VALUES (1, 1, ?, 'Lena Schmidt', NULL, 0, NULL)", (LENA,)),
        ("INSERT INTO ZWACHATSESSION VALUES (2, 1, ?, 'Familie', 1, 1, NULL)", (GROUP,)),
        ("INSERT INTO ZWAGROUPMEMBER VALUES (1, 2, ?, 'Max Berger', NULL)", (MAX,)),
        ("INSERT INTO ZWAMEDIAITEM VALUES (1, 21, 'Media/x/1.jpg', ?, 'image/jpeg', NULL,"
         " NULL, NULL)", (f"Konto {IBAN_GB}",)),
        ("INSERT INTO ZWAMESSAGE VALUES (20, 1, 0, ?, NULL, NULL, ?, NULL, ?, 0, NULL, 'S20')",
         (LENA, apple("2023-04-15T07:13:00") + 0.25, f"Meine IBAN ist {IBAN_DE}")),
        ("INSERT INTO ZWAMESSAGE VALUES (21, 2, 0, ?, NULL, 1, ?, NULL, NULL, 1, 1, 'S21')",
         (GROUP, apple("2023-04-15T07:15:00"))),
        ("INSERT INTO ZWAMESSAGE VALUES (22, 2, 1, NULL, ?, NULL, ?, NULL, 'Danke', 0, NULL,"
         " 'S22')", (GROUP, apple("2023-04-15T07:16:00"))),
    ])


# --- Encrypted backups (research 3.2-3.4, 3.7) ---------------------------------------------

JAVA_BYTE_ARRAY = bytes.fromhex("aced0005757200025b42acf317f8060854e002000078 70".replace(" ", ""))


def java_key_file(payload):
    """A key file: Java-serialised byte[] (encrypted_backup.key for 32 bytes, key for 131)."""
    return JAVA_BYTE_ARRAY + struct.pack(">I", len(payload)) + payload


def classic_key_payload(aes_key, server_salt=bytes(range(32)), google_salt=bytes(16)):
    """The 131 bytes of a crypt12/14 `key` file."""
    return (b"\x00\x01" + b"2" + server_salt + google_salt + hashlib.sha256(google_salt).digest()
            + bytes(16) + aes_key)


def crypt15_key(root):
    """HKDF-SHA256(root, zero salt, 'backup encryption', 32 bytes): one block, two HMACs."""
    prk = hmac.new(bytes(32), root, hashlib.sha256).digest()
    return hmac.new(prk, b"backup encryption\x01", hashlib.sha256).digest()


def crypt15_header(iv, app_version=b"2.25.1.1", feature_flag=True):
    info = b"\x0a" + bytes([len(app_version)]) + app_version + b"\x1a\x02" + b"00"
    proto = b"\x08\x01" + b"\x1a\x12\x0a\x10" + iv + b"\x22" + bytes([len(info)]) + info
    return bytes([len(proto)]) + (b"\x01" if feature_flag else b"") + proto


def seal(header, aes_key, iv, payload):
    """header + AES-256-GCM(payload) + tag + MD5 of everything before."""
    body = header + AESGCM(aes_key).encrypt(iv, payload, None)
    return body + hashlib.md5(body).digest()


def crypt15(plain, root, iv=bytes(range(16)), compress=True, **header_options):
    payload = zlib.compress(plain, 1) if compress else plain
    return seal(crypt15_header(iv, **header_options), crypt15_key(root), iv, payload)


def crypt14(plain, aes_key, server_salt=bytes(range(32)), iv=bytes(range(16, 32))):
    sub = (b"\x0a\x02\x00\x01" + b"\x12\x01" + b"2" + b"\x1a\x20" + server_salt
           + b"\x22\x10" + bytes(16) + b"\x2a\x10" + iv)
    info = b"\x0a\x08" + b"2.21.8.1" + b"\x1a\x02" + b"00"
    proto = b"\x08\x00" + b"\x12" + bytes([len(sub)]) + sub + b"\x22" + bytes([len(info)]) + info
    header = bytes([len(proto)]) + b"\x01" + proto
    return seal(header, aes_key, iv, zlib.compress(plain, 1))


def with_md5(data):
    """`data` (without its old MD5 trailer) with a fresh one: a change the checksum misses."""
    return data + hashlib.md5(data).digest()


# --- iPhone backup folders (research 4.5) --------------------------------------------------

WHATSAPP_GROUP = "AppDomainGroup-group.net.whatsapp.WhatsApp.shared"
BUSINESS_GROUP = "AppDomainGroup-group.net.whatsapp.WhatsAppSMB.shared"


def file_id(domain, relative_path):
    """A backup's name for a file: the SHA-1 of 'domain-relativePath'."""
    return hashlib.sha1(f"{domain}-{relative_path}".encode()).hexdigest()


def ios_backup(folder, files, listed_only=()):
    """An unencrypted Finder backup in `folder`: the three plists, Manifest.db listing `files`
    ({(domain, relativePath): bytes}) and each stored as <aa>/<fileID>. `listed_only`: more
    (domain, relativePath) pairs that the manifest lists but the folder lacks."""
    os.makedirs(folder, exist_ok=True)
    for plist in ("Info.plist", "Manifest.plist", "Status.plist"):
        with open(os.path.join(folder, plist), "wb") as f:
            f.write(b"<?xml version=\"1.0\"?><plist version=\"1.0\"><dict>"
                    b"<key>IsEncrypted</key><false/></dict></plist>")
    rows = []
    for (domain, relative), data in files.items():
        fid = file_id(domain, relative)
        os.makedirs(os.path.join(folder, fid[:2]), exist_ok=True)
        with open(os.path.join(folder, fid[:2], fid), "wb") as f:
            f.write(data)
        rows.append((fid, domain, relative))
    rows += [(file_id(d, r), d, r) for d, r in listed_only]
    # A directory row, as real manifests have (flags 2), that must not be taken for a file.
    rows.append((file_id(WHATSAPP_GROUP, "Message"), WHATSAPP_GROUP, "Message"))
    create(os.path.join(folder, "Manifest.db"), """
CREATE TABLE Files (fileID TEXT PRIMARY KEY, domain TEXT, relativePath TEXT, flags INTEGER,
  file BLOB);
CREATE TABLE Properties (key TEXT PRIMARY KEY, value BLOB);
""", [("INSERT INTO Files VALUES (?, ?, ?, ?, x'62706c6973743030')",
       (fid, d, r, 2 if r == "Message" else 1)) for fid, d, r in rows])


def read_bytes(path):
    with open(path, "rb") as f:
        return f.read()
