#include "chat/markers.hpp"

#include "data/embedded_files.hpp"

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

bool is_card(std::string_view body) {
  return waudit::chat::is_omitted_contact_card(body, builtin_markers());
}

bool is_deleted(std::string_view body) {
  return waudit::chat::is_deleted(body, builtin_markers());
}

bool is_call(std::string_view body) {
  return waudit::chat::is_call(body, builtin_markers());
}

bool is_location(std::string_view body) {
  return waudit::chat::is_location(body, builtin_markers());
}

bool is_poll(std::string_view body) {
  return waudit::chat::is_poll(body, builtin_markers());
}

bool is_view_once(std::string_view body) {
  return waudit::chat::is_view_once(body, builtin_markers());
}

// What is left of `body` once the edited suffix is cut, or "<none>".
std::string_view without_edited(std::string_view body) {
  const std::size_t start = waudit::chat::edited_suffix_start(body, builtin_markers());
  return start == std::string_view::npos ? std::string_view("<none>") : body.substr(0, start);
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
  CHECK(has(markers.contact_cards, "Kontaktkarte ausgelassen"));
  CHECK(has(markers.omitted, "image omitted"));
  CHECK(has(markers.deleted, "Diese Nachricht wurde gelöscht"));
  CHECK(has(markers.edited, "This message was edited"));
  CHECK(has(markers.system_phrases, "Messages and calls are end-to-end encrypted"));
  CHECK(has(markers.system_fragments, " created group "));
  CHECK(&builtin_markers() == &markers);
}

TEST_CASE("chat::builtin_markers loads the languages of the research") {
  const MarkerTable& markers = builtin_markers();
  for (const std::string_view language :
       {"cs", "de", "en", "es", "fr", "it", "nl", "pl", "pt-BR", "pt-PT", "ru", "tr"}) {
    CAPTURE(language);
    CHECK(has(markers.languages, language));
  }
  CHECK(has(markers.attached_after_name, "eklendi"));
  CHECK(has(markers.attached_prefixes, "pièce jointe"));
}

TEST_CASE("chat::add_locale loads every compiled-in locale file on its own") {
  const auto files = waudit::data::embedded_files_under("locales/");
  REQUIRE(files.size() >= 12);
  for (const waudit::data::EmbeddedFile& file : files) {
    CAPTURE(file.name);
    MarkerTable table;
    const auto added = add_locale(table, file.content);
    REQUIRE_MESSAGE(added, (added ? "" : added.error().message));
    REQUIRE(table.languages.size() == 1);
    CHECK(has(builtin_markers().languages, table.languages.front()));
    // Every language can at least tell attachments and omitted media.
    CHECK_FALSE(table.attached_suffixes.empty());
    const bool has_ios_form =
        !table.attached_prefixes.empty() || !table.attached_after_name.empty();
    CHECK(has_ios_form);
    CHECK_FALSE(table.omitted.empty());
  }
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
  CHECK(table.deleted.empty());
  CHECK(add_locale(table, "language = \"tr\"\nomitted = [\"Medya\u00A0dahil edilmedi\"]\n"));
  CHECK(table.languages == std::vector<std::string>{"nl", "tr"});
  CHECK(table.omitted == std::vector<std::string>{"Media weggelaten", "Medya dahil edilmedi"});
}

TEST_CASE("chat::add_locale reads the content keys") {
  MarkerTable table;
  const auto added = add_locale(table, R"(
language = "xx"
attached_after_name = ["eklendi"]
contact_cards = ["Card gone"]
deleted = ["Gone"]
edited = ["Changed"]
location_labels = ["where"]
live_locations = ["live where"]
location_urls = ["https://venue.example/"]
calls = ["Missed ring"]
view_once = ["once"]
polls = ["VOTE:"]
poll_options = ["CHOICE:"]
)");
  REQUIRE(added);
  CHECK(table.attached_after_name == std::vector<std::string>{"eklendi"});
  CHECK(table.contact_cards == std::vector<std::string>{"Card gone"});
  CHECK(table.deleted == std::vector<std::string>{"Gone"});
  CHECK(table.edited == std::vector<std::string>{"Changed"});
  CHECK(table.location_labels == std::vector<std::string>{"where"});
  CHECK(table.live_locations == std::vector<std::string>{"live where"});
  CHECK(table.location_urls == std::vector<std::string>{"https://venue.example/"});
  CHECK(table.calls == std::vector<std::string>{"Missed ring"});
  CHECK(table.view_once == std::vector<std::string>{"once"});
  CHECK(table.polls == std::vector<std::string>{"VOTE:"});
  CHECK(table.poll_options == std::vector<std::string>{"CHOICE:"});
  const auto unknown = add_locale(table, "language = \"xx\"\ncalls = [\"a\"]\nedits = [\"b\"]\n");
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().line == 3);
  CHECK(unknown.error().message.find("edits") != std::string::npos);
  const auto not_a_list = add_locale(table, "language = \"xx\"\ndeleted = \"Gone\"\n");
  REQUIRE_FALSE(not_a_list);
  CHECK(not_a_list.error().line == 2);
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
  // Deleted messages and calls are their sender's messages, not notices.
  CHECK_FALSE(is_notice("Diese Nachricht wurde gelöscht"));
  CHECK_FALSE(is_notice("Missed voice call"));
}

TEST_CASE("chat::is_system_notice knows notices in every language") {
  CHECK(is_notice("\u200ELos mensajes y las llamadas están cifrados de extremo a extremo."));
  CHECK(is_notice("\u200ELes messages et les appels sont chiffrés de bout en bout."));
  CHECK(is_notice("\u200EI messaggi e le chiamate sono crittografati end-to-end."));
  CHECK(is_notice("\u200EAs mensagens e chamadas são encriptadas ponto a ponto."));
  CHECK(is_notice("As mensagens e as chamadas são protegidas com a criptografia de ponta a ponta"));
  CHECK(is_notice("Berichten en oproepen worden end-to-end versleuteld."));
  CHECK(is_notice("Mesajlar ve aramalar uçtan uca şifrelidir."));
  CHECK(is_notice("\u200EСообщения и звонки защищены сквозным шифрованием."));
  CHECK(is_notice("\u200EAna creó el grupo \"Viaje\""));
  CHECK(is_notice("\u200EMarie a créé le groupe \"Voyage\""));
  CHECK(is_notice("\u200EHai creato il gruppo \"Viaggio\""));
  CHECK(is_notice("\u200EAna criou o grupo \"Viagem\""));
  CHECK(is_notice("\u200EJan heeft de groep 'Reis' aangemaakt"));
  CHECK(is_notice("\u200EAyşe, \"Gezi\" grubunu oluşturdu"));
  CHECK(is_notice("\u200EИван создал группу \"Поездка\""));
  CHECK(is_notice("\u200E\u200EVotre code de sécurité avec Elon a changé."));
  CHECK(is_notice("\u200E\u200EIl tuo codice di sicurezza con Elon è cambiato."));
  CHECK(is_notice("\u200E\u200ECambió tu código de seguridad con Elon."));
  CHECK(is_notice("\u200E\u200EO seu código de segurança partilhado com Elon mudou."));
  CHECK(is_notice("\u200E\u200EDeine Sicherheitsnummer für Elon hat sich geändert."));
  CHECK(is_notice("\u200E\u200EВаш код безопасности с контактом Elon изменился."));
  CHECK(is_notice("Zprávy a hovory jsou zabezpečeny koncovým šifrováním."));
  CHECK_FALSE(is_notice("Ana creó el grupo ayer"));
}

TEST_CASE("chat::is_deleted matches the whole line in every language") {
  CHECK(is_deleted("This message was deleted"));
  CHECK(is_deleted("\u200EThis message was deleted."));
  CHECK(is_deleted("This message was deleted by an admin."));
  CHECK(is_deleted("This message was deleted by admin Anna."));
  CHECK(is_deleted("\u200EDu hast diese Nachricht gelöscht."));
  CHECK(is_deleted("\u200ESe eliminó este mensaje."));
  CHECK(is_deleted("Este mensaje fue eliminado"));
  CHECK(is_deleted("\u200EVous avez supprimé ce message."));
  CHECK(is_deleted("\u200EQuesto messaggio è stato eliminato."));
  CHECK(is_deleted("\u200EApagou esta mensagem."));
  CHECK(is_deleted("Você apagou esta mensagem"));
  CHECK(is_deleted("U hebt dit bericht verwijderd"));
  CHECK(is_deleted("Bu mesaj silindi"));
  CHECK(is_deleted("Данное сообщение удалено"));
  CHECK_FALSE(is_deleted("This message was deleted because I wanted"));
  CHECK_FALSE(is_deleted("Why? This message was deleted"));
  CHECK_FALSE(is_deleted(""));
}

TEST_CASE("chat::is_call matches call records") {
  CHECK(is_call("Missed voice call"));
  CHECK(is_call("\u200EMissed video call. Tap to call back"));
  CHECK(is_call("\u200EVoice call. 12 min"));
  CHECK(is_call("Verpasster Sprachanruf"));
  CHECK(is_call("\u200ESprachanruf. Keine Antwort"));
  CHECK(is_call("Llamada de voz perdida"));
  CHECK(is_call("Appel vidéo manqué"));
  CHECK(is_call("Videochiamata persa"));
  CHECK(is_call("Chamada de voz perdida"));
  CHECK(is_call("Gemiste video-oproep"));
  CHECK(is_call("Cevapsız sesli arama"));
  CHECK(is_call("Пропущенный аудиозвонок"));
  CHECK_FALSE(is_call("Missed voice call from my boss again"));
  CHECK_FALSE(is_call("Voice call"));
}

TEST_CASE("chat::is_location matches labels with a URL, live locations and venues") {
  CHECK(is_location("location: https://maps.google.com/?q=51.50214569326172,-0.12739796972656"));
  CHECK(is_location("\u200ELocation: https://maps.google.com/?q=51.5021456,-0.127397"));
  CHECK(is_location("\u200EStandort: https://maps.google.com/?q=51.5021456,-0.127397"));
  CHECK(is_location("\u200EUbicación: https://maps.google.com/?q=1,2"));
  CHECK(is_location("localisation : https://maps.google.com/?q=1,2"));
  CHECK(is_location("\u200ELocalisation: https://maps.google.com/?q=1,2"));
  CHECK(is_location("\u200EPosizione: https://maps.google.com/?q=1,2"));
  CHECK(is_location("\u200ELocalização: https://maps.google.com/?q=1,2"));
  CHECK(is_location("locatie: https://maps.google.com/?q=1,2"));
  CHECK(is_location("konum: https://maps.google.com/?q=1,2"));
  CHECK(is_location("местоположение: https://maps.google.com/?q=1,2"));
  CHECK(is_location("\u200EМестоположение: https://maps.google.com/?q=1,2"));
  CHECK(is_location("live location shared"));
  CHECK(is_location("Live-Standort wird geteilt."));
  CHECK(
      is_location("Pimlico Gardens (London, United Kingdom): "
                  "https://foursquare.com/v/4e89af95e5fa82ad4c0aa03b"));
  CHECK(
      is_location("Pimlico Gardens\nLondon, United "
                  "Kingdom\nhttps://foursquare.com/v/4e89af95e5fa82ad4c0aa03b"));
  CHECK_FALSE(is_location("Standort: Berlin"));
  CHECK_FALSE(is_location("location: https://example.com and more"));
  CHECK_FALSE(is_location("look https://foursquare.com/v/4e89af95e5fa82ad4c0aa03b"));
  CHECK_FALSE(is_location("a\nb\nc\nhttps://foursquare.com/v/4e89af95e5fa82ad4c0aa03b"));
}

TEST_CASE("chat::is_poll needs the poll line and an option line") {
  CHECK(is_poll("POLL:\nWhen?\nOPTION: Thursday 15 evening (2 votes)\nOPTION: Friday (1 vote)"));
  CHECK(is_poll("\u200EPOLL:\nQuando?\nOPTION: Giovedì (0 votes)"));
  CHECK_FALSE(is_poll("POLL:"));
  CHECK_FALSE(is_poll("POLL:\nWhen?"));
  CHECK_FALSE(is_poll("POLL: who comes?\nOPTION: me"));
}

TEST_CASE("chat::is_view_once matches the whole body") {
  CHECK(is_view_once("null"));
  CHECK_FALSE(is_view_once("null pointer"));
  CHECK_FALSE(is_view_once("null\ncaption"));
  CHECK_FALSE(is_view_once(""));
}

TEST_CASE("chat::edited_suffix_start finds the suffix at the end of the body") {
  CHECK(without_edited("sample message <This message was edited>") == "sample message");
  CHECK(without_edited("Hallo\nzweite Zeile <Diese Nachricht wurde bearbeitet.>") ==
        "Hallo\nzweite Zeile");
  CHECK(without_edited("Hallo <Diese Nachricht wurde bearbeitet>") == "Hallo");
  CHECK(without_edited("Hola \u200E<Se editó este mensaje.>") == "Hola");
  CHECK(without_edited("Salut <Ce message a été modifié>") == "Salut");
  CHECK(without_edited("Ciao <Questo messaggio è stato modificato>") == "Ciao");
  CHECK(without_edited("Oi <Mensagem editada>") == "Oi");
  CHECK(without_edited("Hoi <Dit bericht is bewerkt>") == "Hoi");
  CHECK(without_edited("<This message was edited>") == "");
  CHECK(without_edited("x <This message was edited> ") == "x");
  CHECK(without_edited("<This message was edited> and more") == "<none>");
  CHECK(without_edited("This message was edited>") == "<none>");
  CHECK(without_edited("x <That message was edited>") == "<none>");
  CHECK(without_edited("") == "<none>");
}

TEST_CASE("chat::is_omitted_media matches markers at the end of the first line") {
  CHECK(is_omitted("<Medien ausgeschlossen>"));
  CHECK(is_omitted("<Media omitted>\nResume.pdf"));
  CHECK(is_omitted("\u200EBild weggelassen"));
  CHECK(is_omitted("\u200Eimage omitted"));
  CHECK(is_omitted("<\u200Eimage omitted>"));
  CHECK(is_omitted("Lebenslauf.pdf \u2022 \u200E2 Seiten \u200EDokument weggelassen"));
  CHECK(is_omitted("Kontaktkarte ausgelassen."));
  CHECK(is_card("Kontaktkarte ausgelassen."));
  CHECK(is_card("\u200EContact card omitted"));
  CHECK_FALSE(is_card("\u200Eimage omitted"));
  CHECK_FALSE(is_omitted("Das Bild weggelassen? Warum"));
  CHECK_FALSE(is_omitted("Hello\n<Media omitted>"));
  CHECK_FALSE(is_omitted("Xmedia omitted"));
  CHECK_FALSE(is_omitted(""));
}

TEST_CASE("chat::is_omitted_media knows every language") {
  CHECK(is_omitted("<Multimedia omitido>"));
  CHECK(is_omitted("<Archivo omitido>"));
  CHECK(is_omitted("\u200Eimagen omitida"));
  CHECK(is_omitted("<Médias omis>"));
  CHECK(is_omitted("\u200EGIF retiré"));
  CHECK(is_omitted("Resume.pdf \u2022 \u200E2 pages \u200Edocument manquant"));
  CHECK(is_omitted("<Media omessi>"));
  CHECK(is_omitted("\u200Esticker non incluso"));
  CHECK(is_omitted("<Mídia oculta>"));
  CHECK(is_omitted("\u200Efigurinha omitida"));
  CHECK(is_omitted("<Ficheiro não revelado>"));
  CHECK(is_omitted("\u200Eficheiro de áudio não revelado"));
  CHECK(is_omitted("<Media weggelaten>"));
  CHECK(is_omitted("\u200Eafbeelding weggelaten"));
  CHECK(is_omitted("<Medya dahil edilmedi>"));
  CHECK(is_omitted("\u200EÇıkartma dahil edilmedi"));
  CHECK(is_omitted("<Без медиафайлов>"));
  CHECK(is_omitted("\u200Eизображение отсутствует"));
  CHECK(is_omitted("<pominięto multimedia>"));
  CHECK(is_omitted("<pliki pominięto>"));
  CHECK(is_card("\u200ETarjeta de contacto omitida"));
  CHECK(is_card("\u200EFiche contact manquante"));
  CHECK(is_card("\u200EScheda contatto omessa"));
  CHECK(is_card("\u200ECartão do contato omitido"));
  CHECK(is_card("\u200EContacto não revelado"));
  CHECK(is_card("\u200EVisitekaartje weggelaten"));
  CHECK(is_card("\u200EKişi kartı dahil edilmedi"));
  CHECK(is_card("\u200EКарточка контакта отсутствует"));
}

TEST_SUITE_END();
