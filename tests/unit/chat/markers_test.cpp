#include "chat/markers.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

TEST_SUITE_BEGIN("chat");

using waudit::chat::add_locale;
using waudit::chat::builtin_markers;
using waudit::chat::MarkerTable;
using waudit::chat::strip_marks;

namespace {

bool has(const std::vector<std::string>& list, std::string_view entry) {
  return std::find(list.begin(), list.end(), entry) != list.end();
}

bool is_notice(std::string_view body) {
  return waudit::chat::is_system_notice(body, builtin_markers());
}

bool is_omitted(std::string_view body) {
  return waudit::chat::is_omitted_media(body, builtin_markers());
}

}  // namespace

TEST_CASE("chat::builtin_markers loads German and English") {
  const MarkerTable& markers = builtin_markers();
  CHECK(has(markers.languages, "de"));
  CHECK(has(markers.languages, "en"));
  CHECK(has(markers.attached_suffixes, "Datei angehängt"));
  CHECK(has(markers.attached_suffixes, "file attached"));
  CHECK(has(markers.attached_prefixes, "Anhang"));
  CHECK(has(markers.attached_prefixes, "attached"));
  CHECK(has(markers.omitted, "Medien ausgeschlossen"));
  CHECK(has(markers.omitted, "Kontaktkarte ausgelassen"));
  CHECK(has(markers.omitted, "image omitted"));
  CHECK(has(markers.system_phrases, "Diese Nachricht wurde gelöscht"));
  CHECK(has(markers.system_phrases, "Messages and calls are end-to-end encrypted"));
  CHECK(has(markers.system_fragments, " created group "));
  CHECK(&builtin_markers() == &markers);
}

TEST_CASE("chat::add_locale merges a locale file") {
  MarkerTable table;
  const auto added = add_locale(table, R"(
language = "nl"
attached_suffixes = ["bestand bijgevoegd"]
attached_prefixes = ["bijgevoegd"]
omitted = ["Media weggelaten"]
system_phrases = ["Dit bericht is verwijderd"]
system_fragments = [" heeft de groep "]
)");
  REQUIRE(added);
  CHECK(table.languages == std::vector<std::string>{"nl"});
  CHECK(table.attached_suffixes == std::vector<std::string>{"bestand bijgevoegd"});
  CHECK(table.attached_prefixes == std::vector<std::string>{"bijgevoegd"});
  CHECK(table.omitted == std::vector<std::string>{"Media weggelaten"});
  CHECK(table.system_phrases == std::vector<std::string>{"Dit bericht is verwijderd"});
  CHECK(table.system_fragments == std::vector<std::string>{" heeft de groep "});
  CHECK(add_locale(table, "language = \"tr\"\nomitted = [\"Medya\u00A0dahil edilmedi\"]\n"));
  CHECK(table.languages == std::vector<std::string>{"nl", "tr"});
  CHECK(table.omitted == std::vector<std::string>{"Media weggelaten", "Medya dahil edilmedi"});
}

TEST_CASE("chat::add_locale names the line of a broken file and keeps the table") {
  MarkerTable table;
  const auto syntax = add_locale(table, "language = \"xx\"\nomitted = [\"a\",, ]\n");
  REQUIRE_FALSE(syntax);
  CHECK(syntax.error().line == 2);
  const auto wrong_type = add_locale(table, "language = \"xx\"\n\nomitted = \"a\"\n");
  REQUIRE_FALSE(wrong_type);
  CHECK(wrong_type.error().line == 3);
  const auto unknown = add_locale(table, "language = \"xx\"\nommitted = [\"a\"]\n");
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().line == 2);
  CHECK(unknown.error().message.find("ommitted") != std::string::npos);
  const auto empty_entry = add_locale(table, "language = \"xx\"\nomitted = [\"\"]\n");
  REQUIRE_FALSE(empty_entry);
  CHECK(empty_entry.error().line == 2);
  CHECK_FALSE(add_locale(table, "omitted = [\"a\"]\n"));
  CHECK(table.languages.empty());
  CHECK(table.omitted.empty());
}

TEST_CASE("chat::strip_marks drops invisible marks and plains no-break spaces") {
  CHECK(strip_marks("\u200EBild weggelassen") == "Bild weggelassen");
  CHECK(strip_marks("\u200E\u200Fa\u202Ab\u202Ec\u2066d\u2069e\uFEFF") == "abcde");
  CHECK(strip_marks("p.\u00A0m.") == "p. m.");
  CHECK(strip_marks("7:02\u202FPM") == "7:02 PM");
  CHECK(strip_marks("Grüße \u2068Max\u2069") == "Grüße Max");
  CHECK(strip_marks("") == "");
}

TEST_CASE("chat::match_marker compares in stripped form") {
  using waudit::chat::match_marker;
  CHECK(match_marker("Media omitted", 0, "media omitted") == 13);
  CHECK(match_marker("\u200EMedia\u00A0omitted", 0, "Media omitted") == 17);
  CHECK(match_marker("<Media omitted>", 1, "Media omitted") == 13);
  CHECK(match_marker("Media omit", 0, "Media omitted") == 0);
  CHECK(match_marker("Mädchen", 0, "MÄDCHEN") == 0);
  CHECK(match_marker("abc", 0, "") == 0);
}

TEST_CASE("chat::is_system_notice matches phrases at the start and fragments after a mark") {
  CHECK(is_notice("Diese Nachricht wurde gelöscht"));
  CHECK(is_notice("\u200EDiese Nachricht wurde gelöscht."));
  CHECK(is_notice("You deleted this message"));
  CHECK(is_notice("This message was deleted by an admin."));
  CHECK(
      is_notice("\u200EMessages and calls are end-to-end encrypted. No one outside of this "
                "chat, not even WhatsApp, can read or listen to them."));
  CHECK(
      is_notice("Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt. Tippe, um mehr zu "
                "erfahren."));
  CHECK(is_notice("\u200EBoris created group \u201CTrip\u201D"));
  CHECK(is_notice("\u200EMax hat Anna hinzugefügt"));
  CHECK(is_notice("\u200EDie Sicherheitsnummer von Anna hat sich geändert."));
  CHECK_FALSE(is_notice("Max hat Anna hinzugefügt"));
  CHECK_FALSE(is_notice("I created group chats before"));
  CHECK_FALSE(is_notice("Hallo\n\u200EMax hat Anna hinzugefügt"));
  CHECK_FALSE(is_notice("Kannst du die Nachricht löschen?"));
  CHECK_FALSE(is_notice(""));
}

TEST_CASE("chat::is_omitted_media matches markers at the end of the first line") {
  CHECK(is_omitted("<Medien ausgeschlossen>"));
  CHECK(is_omitted("<Media omitted>\nResume.pdf"));
  CHECK(is_omitted("\u200EBild weggelassen"));
  CHECK(is_omitted("\u200Eimage omitted"));
  CHECK(is_omitted("<\u200Eimage omitted>"));
  CHECK(is_omitted("Lebenslauf.pdf \u2022 \u200E2 Seiten \u200EDokument weggelassen"));
  CHECK(is_omitted("Kontaktkarte ausgelassen."));
  CHECK_FALSE(is_omitted("Das Bild weggelassen? Warum"));
  CHECK_FALSE(is_omitted("Hello\n<Media omitted>"));
  CHECK_FALSE(is_omitted("Xmedia omitted"));
  CHECK_FALSE(is_omitted(""));
}

TEST_SUITE_END();
