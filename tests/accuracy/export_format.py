"""How WhatsApp writes a chat export, per platform and language (see the export-formats research).

A layout turns (timestamp, sender, body lines) into the lines of the .txt file. System notices,
omitted media and attachments differ per platform and language, so they live here too.
"""

LRM = "\u200e"
NNBSP = "\u202f"


class Layout:
    def __init__(self, name, language, newline, file_name):
        self.name = name
        self.language = language
        self.newline = newline
        self.file_name = file_name

    def header(self, when, sender):
        raise NotImplementedError

    def system_line(self, when, text):
        raise NotImplementedError

    def media_body(self, rng, when):
        raise NotImplementedError


def _twelve_hour(when, seconds):
    hour = when.hour % 12 or 12
    suffix = "AM" if when.hour < 12 else "PM"
    clock = "%d:%02d" % (hour, when.minute) + (":%02d" % when.second if seconds else "")
    return clock + NNBSP + suffix


class AndroidGerman(Layout):
    def __init__(self):
        super().__init__("android-de", "de", "\n", "WhatsApp Chat mit {chat}.txt")

    def stamp(self, when):
        return when.strftime("%d.%m.%y, %H:%M")

    def header(self, when, sender):
        return "%s - %s: " % (self.stamp(when), sender)

    def system_line(self, when, text):
        return "%s - %s" % (self.stamp(when), text)

    def media_body(self, rng, when):
        kind = rng.randrange(3)
        if kind == 0:
            return "<Medien ausgeschlossen>"
        if kind == 1:
            return "IMG-%s-WA%04d.jpg (Datei angehängt)" % (when.strftime("%Y%m%d"),
                                                         rng.randrange(1, 60))
        return "PTT-%s-WA%04d.opus (Datei angehängt)" % (when.strftime("%Y%m%d"),
                                                       rng.randrange(1, 60))


class AndroidEnglish(Layout):
    def __init__(self):
        super().__init__("android-en", "en", "\n", "WhatsApp Chat with {chat}.txt")

    def stamp(self, when):
        return "%d/%d/%s, %s" % (when.month, when.day, when.strftime("%y"),
                                 _twelve_hour(when, seconds=False))

    def header(self, when, sender):
        return "%s - %s: " % (self.stamp(when), sender)

    def system_line(self, when, text):
        return "%s - %s" % (self.stamp(when), text)

    def media_body(self, rng, when):
        kind = rng.randrange(3)
        if kind == 0:
            return "<Media omitted>"
        if kind == 1:
            return "IMG-%s-WA%04d.jpg (file attached)" % (when.strftime("%Y%m%d"),
                                                       rng.randrange(1, 60))
        return "VID-%s-WA%04d.mp4 (file attached)" % (when.strftime("%Y%m%d"),
                                                    rng.randrange(1, 60))


class IosGerman(Layout):
    """iOS, German: brackets, seconds, CRLF, LRM before media and notices."""

    def __init__(self):
        super().__init__("ios-de", "de", "\r\n", "WhatsApp Chat - {chat}.txt")

    def stamp(self, when):
        return when.strftime("[%d.%m.%y, %H:%M:%S]")

    def header(self, when, sender):
        return "%s %s: " % (self.stamp(when), sender)

    def system_line(self, when, text):
        return "%s%s %s" % (LRM, self.stamp(when), text)

    def media_body(self, rng, when):
        marker = rng.choice(("Bild weggelassen", "Audio weggelassen", "Video weggelassen",
                             "Sticker weggelassen"))
        return LRM + marker


class IosEnglish(Layout):
    def __init__(self):
        super().__init__("ios-en", "en", "\r\n", "WhatsApp Chat - {chat}.txt")

    def stamp(self, when):
        return "[%d/%d/%s, %s]" % (when.month, when.day, when.strftime("%y"),
                                   _twelve_hour(when, seconds=True))

    def header(self, when, sender):
        return "%s %s: " % (self.stamp(when), sender)

    def system_line(self, when, text):
        return "%s%s %s" % (LRM, self.stamp(when), text)

    def media_body(self, rng, when):
        marker = rng.choice(("image omitted", "audio omitted", "video omitted",
                             "sticker omitted", "GIF omitted"))
        return LRM + marker


LAYOUTS = {layout.name: layout for layout in
           (AndroidGerman(), AndroidEnglish(), IosGerman(), IosEnglish())}

ENCRYPTION_NOTICE = {
    "de": "Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt. Niemand außerhalb dieses "
          "Chats kann sie lesen oder anhören, nicht einmal WhatsApp. Tippe, um mehr zu erfahren.",
    "en": "Messages and calls are end-to-end encrypted. No one outside of this chat, not even "
          "WhatsApp, can read or listen to them. Tap to learn more.",
}

GROUP_NOTICES = {
    "de": ["{a} hat die Gruppe \u201e{chat}\u201c erstellt", "{a} hat {b} hinzugefügt",
           "{a} hat das Gruppenbild geändert", "{b} hat die Gruppe verlassen",
           "Die Sicherheitsnummer von {b} hat sich geändert. Tippe, um mehr zu erfahren."],
    "en": ["{a} created group \"{chat}\"", "{a} added {b}", "{a} changed this group's icon",
           "{b} left", "{b}'s security code changed. Tap for more info."],
}

DELETED = {"de": "Diese Nachricht wurde gelöscht", "en": "This message was deleted"}
MISSED_CALL = {"de": "Verpasster Sprachanruf", "en": "Missed voice call"}
EDITED = {"de": "<Diese Nachricht wurde bearbeitet>", "en": "<This message was edited>"}
