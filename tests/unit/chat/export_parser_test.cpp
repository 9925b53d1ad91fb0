#include "chat/export_parser.hpp"

#include "chat/markers.hpp"

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

TEST_SUITE_BEGIN("chat");

using waudit::chat::Content;
using waudit::chat::DateOrder;
using waudit::chat::ExportParser;
using waudit::chat::MessageKind;
using waudit::text::Line;

namespace {

// A message copied out of the callback, where its views are still valid.
struct Seen {
  MessageKind kind = MessageKind::user;
  Content content = Content::text;
  bool edited = false;
  std::string sender;
  std::string text;
  std::uint64_t first_line = 0;
  std::uint64_t body_column = 0;
  std::uint64_t sender_column = 0;
  std::string attachment;
  std::size_t attachment_begin = 0;
  std::size_t attachment_end = 0;
  int hour = 0;
  int minute = 0;
  int day_or_month = 0;  // date.first
};

struct Parsed {
  std::vector<Seen> messages;
  std::uint64_t counted = 0;
  std::uint64_t header_lines = 0;
  std::uint64_t truncated = 0;
  waudit::chat::DateOrderDecision order;
};

// Splits `file` the way text::LineReader does: on LF, noting a CR before it; no line after a
// final LF.
std::vector<Line> lines_of(std::string_view file) {
  std::vector<Line> lines;
  std::size_t start = 0;
  while (start < file.size()) {
    std::size_t end = file.find('\n', start);
    const bool has_break = end != std::string_view::npos;
    end = has_break ? end : file.size();
    const bool crlf = has_break && end > start && file[end - 1] == '\r';
    lines.push_back(
        Line{file.substr(start, end - start - (crlf ? 1 : 0)), lines.size() + 1, crlf, false});
    start = end + 1;
  }
  return lines;
}

Parsed parse(std::string_view file, std::size_t max_message = ExportParser::kDefaultMaxMessage) {
  Parsed parsed;
  ExportParser parser(
      waudit::chat::builtin_markers(),
      [&](const waudit::chat::Message& message) {
        parsed.messages.push_back(Seen{
            message.kind, message.content, message.edited, std::string(message.sender),
            std::string(message.text), message.first_line, message.body_column,
            message.sender_column, std::string(message.attachment), message.attachment_begin,
            message.attachment_end, message.time.hour, message.time.minute, message.date.first});
      },
      max_message);
  for (const Line& line : lines_of(file)) {
    parser.feed(line);
  }
  parser.finish();
  parsed.counted = parser.messages();
  parsed.header_lines = parser.header_lines();
  parsed.truncated = parser.truncated_messages();
  parsed.order = parser.date_evidence().decide();
  return parsed;
}

// The one message of an Android export whose first body line is `body`.
Seen message_of(std::string_view body) {
  const auto parsed = parse("15.04.23, 14:03 - Max: " + std::string(body) + "\n");
  REQUIRE(parsed.messages.size() == 1);
  return parsed.messages[0];
}

Content content_of(std::string_view body) {
  return message_of(body).content;
}

std::string attachment_of(std::string_view body) {
  return message_of(body).attachment;
}

}  // namespace

TEST_CASE("chat::ExportParser joins continuation lines into one message") {
  const auto parsed = parse(
      "15.04.23, 14:03 - Max: Hallo\n"
      "zweite Zeile\n"
      "\n"
      "dritte\n"
      "15.04.23, 14:05 - Jürgen: Ok\n");
  REQUIRE(parsed.messages.size() == 2);
  CHECK(parsed.counted == 2);
  CHECK(parsed.header_lines == 2);
  const Seen& first = parsed.messages[0];
  CHECK(first.kind == MessageKind::user);
  CHECK(first.sender == "Max");
  CHECK(first.text == "Hallo\nzweite Zeile\n\ndritte");
  CHECK(first.first_line == 1);
  CHECK(first.body_column == 24);
  CHECK(first.sender_column == 19);
  CHECK(first.hour == 14);
  CHECK(first.minute == 3);
  const Seen& second = parsed.messages[1];
  CHECK(second.sender == "Jürgen");
  CHECK(second.text == "Ok");
  CHECK(second.first_line == 5);
  CHECK(second.body_column == 27);
  CHECK(second.sender_column == 19);  // "Jürgen": columns count code points
  CHECK(second.minute == 5);
}

TEST_CASE("chat::ExportParser reads English Android and iOS exports") {
  const auto android = parse(
      "1/4/23, 7:02\u202FPM - Anna Lee: See you at 8\n"
      "1/4/23, 7:03\u202FPM - Bob: ok\n");
  REQUIRE(android.messages.size() == 2);
  CHECK(android.messages[0].sender == "Anna Lee");
  CHECK(android.messages[0].text == "See you at 8");
  CHECK(android.messages[0].hour == 19);
  CHECK(android.messages[0].body_column == 29);
  CHECK(android.messages[0].sender_column == 19);
  const auto ios = parse(
      "[3/27/22, 21:41:35] Elon Musk: Hi\r\n"
      "[3/27/22, 21:41:40] Anna: Hello\n"
      "there\r\n");
  REQUIRE(ios.messages.size() == 2);
  CHECK(ios.messages[1].text == "Hello\nthere");
  CHECK(ios.messages[1].body_column == 27);
  CHECK(ios.order.order == DateOrder::mdy);
  CHECK_FALSE(ios.order.assumed);
  const auto legacy = parse("7/1/16, 5:13:36 PM: Anna: Hi there\n");
  REQUIRE(legacy.messages.size() == 1);
  CHECK(legacy.messages[0].sender == "Anna");
  CHECK(legacy.messages[0].hour == 17);
}

TEST_CASE("chat::ExportParser keeps an empty body as a user message") {
  const auto parsed = parse("03/02/17, 18:42 - Luke: \n03/02/17, 18:43 - Carol:\n");
  REQUIRE(parsed.messages.size() == 2);
  CHECK(parsed.messages[0].kind == MessageKind::user);
  CHECK(parsed.messages[0].text == "");
  CHECK(parsed.messages[1].kind == MessageKind::user);
  CHECK(parsed.messages[1].sender == "Carol");
  CHECK(parsed.messages[1].text == "");
}

TEST_CASE("chat::ExportParser marks notices without author as system") {
  const auto parsed = parse(
      "15.04.23, 14:03 - Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt. Tippe, um mehr "
      "zu erfahren.\n"
      "15.04.23, 14:04 - Max hat die Gruppe \u201EUrlaub\u201C erstellt\n"
      "15.04.23, 14:05 - Max hat den Betreff von \u201EPlan: A\u201C zu \u201EB\u201C "
      "ge\u00E4ndert\n");
  REQUIRE(parsed.messages.size() == 3);
  CHECK(parsed.messages[0].kind == MessageKind::system);
  CHECK(parsed.messages[0].sender_column == 0);
  CHECK(parsed.messages[0].sender == "");
  CHECK(parsed.messages[0].body_column == 19);
  CHECK(parsed.messages[1].kind == MessageKind::system);
  CHECK(parsed.messages[1].text == "Max hat die Gruppe \u201EUrlaub\u201C erstellt");
  // The notice holds ": ", which must not make "Max hat den Betreff ..." an author.
  CHECK(parsed.messages[2].kind == MessageKind::system);
  CHECK(parsed.messages[2].sender == "");
  CHECK(parsed.messages[2].text ==
        "Max hat den Betreff von \u201EPlan: A\u201C zu \u201EB\u201C ge\u00E4ndert");
  CHECK(parsed.messages[2].body_column == 19);
}

TEST_CASE("chat::ExportParser marks notices with an author as system") {
  const auto parsed = parse(
      "[3/18/22, 14:56:01] Elon Musk: \u200EMessages and calls are end-to-end encrypted. No one "
      "outside of this chat, not even WhatsApp, can read or listen to them.\r\n"
      "[3/18/22, 14:57:01] Team: \u200EBoris created group \u201CTrip\u201D\r\n"
      "[3/18/22, 14:58:01] Boris: You deleted this message.\r\n"
      "[3/18/22, 14:59:01] Boris: I created group chats before\r\n");
  REQUIRE(parsed.messages.size() == 4);
  CHECK(parsed.messages[0].kind == MessageKind::system);
  CHECK(parsed.messages[0].sender == "Elon Musk");
  CHECK(parsed.messages[1].kind == MessageKind::system);
  CHECK(parsed.messages[1].sender == "Team");
  // A deleted message stays its sender's (issue 3).
  CHECK(parsed.messages[2].kind == MessageKind::user);
  CHECK(parsed.messages[2].content == Content::deleted);
  CHECK(parsed.messages[3].kind == MessageKind::user);
  CHECK(parsed.messages[3].content == Content::text);
  const auto german = parse(
      "15.04.23, 14:03 - Max: Diese Nachricht wurde gelöscht\n"
      "15.04.23, 14:04 - Max: Ich habe Anna hinzugefügt\n");
  REQUIRE(german.messages.size() == 2);
  CHECK(german.messages[0].kind == MessageKind::user);
  CHECK(german.messages[0].content == Content::deleted);
  CHECK(german.messages[0].sender == "Max");
  CHECK(german.messages[1].kind == MessageKind::user);
}

TEST_CASE("chat::ExportParser marks iOS notices under the chat name as system in every language") {
  const auto parsed = parse(
      "[3/18/22, 14:56:00] Elon Musk: \u200ELos mensajes y las llamadas están cifrados de extremo "
      "a extremo.\r\n"
      "[3/18/22, 14:56:00] Elon Musk: \u200ELes messages et les appels sont chiffrés de bout en "
      "bout.\r\n"
      "[3/18/22, 14:56:00] Elon Musk: \u200EСообщения и звонки защищены сквозным "
      "шифрованием.\r\n"
      "[3/18/22, 14:57:00] Viagem: \u200EAna criou o grupo \"Viagem\"\r\n"
      "[4/28/22, 20:17:30] Elon Musk: \u200E\u200EYour security code with Elon changed. "
      "\u200ETap to learn more.\r\n");
  REQUIRE(parsed.messages.size() == 5);
  for (const Seen& message : parsed.messages) {
    CAPTURE(message.text);
    CHECK(message.kind == MessageKind::system);
    CHECK(message.content == Content::text);
  }
}

TEST_CASE("chat::ExportParser finds an Android attachment and its caption") {
  const auto parsed = parse(
      "15.04.23, 14:03 - Max: IMG-20230415-WA0007.jpg (Datei angehängt)\n"
      "Schau mal, meine IBAN steht drauf\n");
  REQUIRE(parsed.messages.size() == 1);
  const Seen& message = parsed.messages[0];
  CHECK(message.kind == MessageKind::user);
  CHECK(message.content == Content::attachment);
  CHECK(message.attachment == "IMG-20230415-WA0007.jpg");
  CHECK(message.attachment_begin == 0);
  CHECK(message.attachment_end ==
        std::string_view("IMG-20230415-WA0007.jpg (Datei angehängt)").size());
  CHECK(message.text.substr(message.attachment_end) == "\nSchau mal, meine IBAN steht drauf");
}

TEST_CASE("chat::ExportParser finds iOS attachments") {
  const auto parsed = parse(
      "\u200E[15.04.23, 14:03:12] Max: \u200E<Anhang: 00000012-PHOTO-2023-04-15-14-03-12.jpg>\r\n"
      "\u200E[15.04.23, 14:03:20] Max: Some file.txt \u200E<attached: 00000046-Some file.txt>\r\n"
      "[15.04.23, 14:03:30] Max: Hallo\r\n");
  REQUIRE(parsed.messages.size() == 3);
  CHECK(parsed.messages[0].attachment == "00000012-PHOTO-2023-04-15-14-03-12.jpg");
  CHECK(parsed.messages[0].attachment_end == parsed.messages[0].text.size());
  CHECK(parsed.messages[0].body_column == 28);  // LRM counts
  CHECK(parsed.messages[1].attachment == "00000046-Some file.txt");
  CHECK(parsed.messages[1].attachment_end == parsed.messages[1].text.size());
  CHECK(parsed.messages[2].attachment == "");
  CHECK(parsed.messages[2].attachment_end == 0);
}

TEST_CASE("chat::ExportParser keeps omitted media with a document name as user messages") {
  const auto parsed = parse(
      "[15.04.23, 14:03:12] Max: \u200EBoris created group.pdf \u2022 \u200E2 pages "
      "\u200Edocument omitted\r\n");
  REQUIRE(parsed.messages.size() == 1);
  CHECK(parsed.messages[0].kind == MessageKind::user);
  CHECK(parsed.messages[0].content == Content::omitted_media);
}

TEST_CASE("chat::ExportParser reads English media markers") {
  CHECK(content_of("IMG-20220323-WA0002.jpg (file attached)") == Content::attachment);
  CHECK(attachment_of("\u200E<attached: 00000035-PHOTO-2022-03-27-21-41-55.jpg>") ==
        "00000035-PHOTO-2022-03-27-21-41-55.jpg");
  CHECK(content_of("<Media omitted>") == Content::omitted_media);
  CHECK(content_of("\u200Eimage omitted") == Content::omitted_media);
}

TEST_CASE("chat::ExportParser reads German media markers") {
  CHECK(content_of("IMG-20230415-WA0007.jpg (Datei angehängt)") == Content::attachment);
  CHECK(attachment_of("\u200E<Anhang: 00000012-PHOTO.jpg>") == "00000012-PHOTO.jpg");
  CHECK(content_of("<Medien ausgeschlossen>") == Content::omitted_media);
  CHECK(content_of("\u200EBild weggelassen") == Content::omitted_media);
}

TEST_CASE("chat::ExportParser reads Spanish media markers") {
  CHECK(attachment_of("IMG-1.jpg (archivo adjunto)") == "IMG-1.jpg");
  CHECK(attachment_of("\u200E<adjunto: 00000012-PHOTO.jpg>") == "00000012-PHOTO.jpg");
  CHECK(content_of("<Multimedia omitido>") == Content::omitted_media);
  CHECK(content_of("\u200Eimagen omitida") == Content::omitted_media);
}

TEST_CASE("chat::ExportParser reads French media markers") {
  CHECK(attachment_of("IMG-1.jpg (fichier joint)") == "IMG-1.jpg");
  CHECK(attachment_of("\u200E< pièce jointe : 00000012-PHOTO.jpg >") == "00000012-PHOTO.jpg");
  CHECK(content_of("<Médias omis>") == Content::omitted_media);
  CHECK(content_of("\u200Eimage absente") == Content::omitted_media);
}

TEST_CASE("chat::ExportParser reads Italian media markers") {
  CHECK(attachment_of("IMG-1.jpg (file allegato)") == "IMG-1.jpg");
  CHECK(attachment_of("\u200E<allegato: 00000012-PHOTO.jpg>") == "00000012-PHOTO.jpg");
  CHECK(content_of("<Media omessi>") == Content::omitted_media);
  CHECK(content_of("\u200Eimmagine omessa") == Content::omitted_media);
}

TEST_CASE("chat::ExportParser reads Brazilian Portuguese media markers") {
  CHECK(attachment_of("IMG-1.jpg (arquivo anexado)") == "IMG-1.jpg");
  CHECK(attachment_of("\u200E<anexado: 00000012-PHOTO.jpg>") == "00000012-PHOTO.jpg");
  CHECK(content_of("<Mídia oculta>") == Content::omitted_media);
  CHECK(content_of("\u200Eimagem ocultada") == Content::omitted_media);
}

TEST_CASE("chat::ExportParser reads European Portuguese media markers") {
  CHECK(attachment_of("IMG-1.jpg (ficheiro anexado)") == "IMG-1.jpg");
  CHECK(attachment_of("\u200E<anexo: 00000012-PHOTO.jpg>") == "00000012-PHOTO.jpg");
  CHECK(content_of("<Ficheiro não revelado>") == Content::omitted_media);
  CHECK(content_of("\u200Eimagem não revelada") == Content::omitted_media);
}

TEST_CASE("chat::ExportParser reads Dutch media markers") {
  CHECK(attachment_of("IMG-1.jpg (bestand bijgevoegd)") == "IMG-1.jpg");
  CHECK(attachment_of("\u200E<bijgevoegd: 00000012-PHOTO.jpg>") == "00000012-PHOTO.jpg");
  CHECK(content_of("<Media weggelaten>") == Content::omitted_media);
  CHECK(content_of("\u200Eafbeelding weggelaten") == Content::omitted_media);
}

TEST_CASE("chat::ExportParser reads Turkish media markers") {
  CHECK(attachment_of("IMG-1.jpg (dosya ekli)") == "IMG-1.jpg");
  CHECK(attachment_of("\u200E<00000012-PHOTO.jpg eklendi>") == "00000012-PHOTO.jpg");
  CHECK(content_of("<Medya dahil edilmedi>") == Content::omitted_media);
  CHECK(content_of("\u200Egörüntü dahil edilmedi") == Content::omitted_media);
}

TEST_CASE("chat::ExportParser reads Russian media markers") {
  CHECK(attachment_of("IMG-1.jpg (файл добавлен)") == "IMG-1.jpg");
  CHECK(attachment_of("\u200E<прикреплено: 00000012-PHOTO.jpg>") == "00000012-PHOTO.jpg");
  CHECK(content_of("<Без медиафайлов>") == Content::omitted_media);
  CHECK(content_of("\u200Eизображение отсутствует") == Content::omitted_media);
}

TEST_CASE("chat::ExportParser reads Polish media markers") {
  CHECK(attachment_of("IMG-1.jpg (załączony plik)") == "IMG-1.jpg");
  CHECK(attachment_of("\u200E<załączono: 00000012-PHOTO.jpg>") == "00000012-PHOTO.jpg");
  CHECK(content_of("<pominięto multimedia>") == Content::omitted_media);
  CHECK(content_of("<pliki pominięto>") == Content::omitted_media);
}

TEST_CASE("chat::ExportParser reads Czech media markers") {
  CHECK(attachment_of("\u200EAlex.vcf (soubor byl přiložen)") == "Alex.vcf");
  CHECK(attachment_of("\u200E<příloha: 00000012-PHOTO.jpg>") == "00000012-PHOTO.jpg");
  CHECK(content_of("<Média vynechány>") == Content::omitted_media);
  CHECK(content_of("< Média vynechána >") == Content::omitted_media);
  CHECK(content_of("\u200Eobrázek vynechán") == Content::omitted_media);
}

TEST_CASE("chat::ExportParser marks a deleted message in Spanish") {
  const Seen theirs = message_of("\u200ESe eliminó este mensaje.");
  CHECK(theirs.kind == MessageKind::user);
  CHECK(theirs.sender == "Max");
  CHECK(theirs.content == Content::deleted);
  CHECK(content_of("Este mensaje fue eliminado") == Content::deleted);
  CHECK(content_of("\u200EEliminaste este mensaje.") == Content::deleted);
}

TEST_CASE("chat::ExportParser marks deleted messages in every language") {
  CHECK(content_of("This message was deleted") == Content::deleted);
  CHECK(content_of("\u200EDiese Nachricht wurde gelöscht.") == Content::deleted);
  CHECK(content_of("\u200ECe message a été supprimé.") == Content::deleted);
  CHECK(content_of("\u200EHai eliminato questo messaggio.") == Content::deleted);
  CHECK(content_of("Mensagem apagada") == Content::deleted);
  CHECK(content_of("\u200EEsta mensagem foi apagada.") == Content::deleted);
  CHECK(content_of("Dit bericht is verwijderd") == Content::deleted);
  CHECK(content_of("Bu mesajı sildiniz") == Content::deleted);
  CHECK(content_of("Вы удалили данное сообщение") == Content::deleted);
  CHECK(content_of("This message was deleted, right?") == Content::text);
}

TEST_CASE("chat::ExportParser marks an edited message and cuts the suffix off its text") {
  const auto parsed = parse(
      "03/06/2023, 6:12 am - author: sample message <This message was edited>\n"
      "15.04.23, 14:03 - Max: Hallo\n"
      "zweite Zeile <Diese Nachricht wurde bearbeitet.>\n"
      "15.04.23, 14:04 - Max: IMG-1.jpg (Datei angehängt)\n"
      "neue Bildunterschrift <Diese Nachricht wurde bearbeitet>\n"
      "15.04.23, 14:05 - Max: not <edited>\n");
  REQUIRE(parsed.messages.size() == 4);
  CHECK(parsed.messages[0].edited);
  CHECK(parsed.messages[0].text == "sample message");
  CHECK(parsed.messages[0].content == Content::text);
  CHECK(parsed.messages[1].edited);
  CHECK(parsed.messages[1].text == "Hallo\nzweite Zeile");
  CHECK(parsed.messages[2].edited);
  CHECK(parsed.messages[2].content == Content::attachment);
  CHECK(parsed.messages[2].text == "IMG-1.jpg (Datei angehängt)\nneue Bildunterschrift");
  CHECK(parsed.messages[2].attachment_end ==
        std::string_view("IMG-1.jpg (Datei angehängt)").size());
  CHECK_FALSE(parsed.messages[3].edited);
  CHECK(parsed.messages[3].text == "not <edited>");
}

TEST_CASE("chat::ExportParser marks edited messages in every language") {
  CHECK(message_of("Hola <Se editó este mensaje.>").edited);
  CHECK(message_of("Salut <Ce message a été modifié>").edited);
  CHECK(message_of("Ciao <Questo messaggio è stato modificato>").edited);
  CHECK(message_of("Oi <Mensagem editada>").edited);
  CHECK(message_of("Hoi <Dit bericht is bewerkt>").edited);
  CHECK_FALSE(message_of("Hoi").edited);
}

TEST_CASE("chat::ExportParser marks shared locations") {
  const auto android = parse(
      "18/03/2022, 15:13 - Dmitry S: location: "
      "https://maps.google.com/?q=51.50214569326172,-0.12739796972656\n"
      "27/03/2022, 21:46 - Dmitry S: Pimlico Gardens\n"
      "London, United Kingdom\n"
      "https://foursquare.com/v/4e89af95e5fa82ad4c0aa03b\n");
  REQUIRE(android.messages.size() == 2);
  CHECK(android.messages[0].content == Content::location);
  CHECK(android.messages[0].kind == MessageKind::user);
  CHECK(android.messages[1].content == Content::location);
  CHECK(content_of("\u200EStandort: https://maps.google.com/?q=51.5021456,-0.127397") ==
        Content::location);
  CHECK(content_of("\u200ELocalisation: https://maps.google.com/?q=1,2") == Content::location);
  CHECK(content_of("Live-Standort wird geteilt") == Content::location);
  CHECK(content_of("Standort: Berlin") == Content::text);
}

TEST_CASE("chat::ExportParser marks calls") {
  CHECK(content_of("Missed voice call") == Content::call);
  CHECK(content_of("\u200EVoice call. No answer") == Content::call);
  CHECK(content_of("Verpasster Videoanruf") == Content::call);
  CHECK(content_of("Videollamada perdida") == Content::call);
  CHECK(content_of("Пропущенный видеозвонок") == Content::call);
  CHECK(message_of("Missed voice call").kind == MessageKind::user);
}

TEST_CASE("chat::ExportParser marks polls") {
  const auto parsed = parse(
      "15.04.23, 14:03 - Anna: POLL:\n"
      "Wann?\n"
      "OPTION: Donnerstag (2 votes)\n"
      "OPTION: Freitag (1 vote)\n"
      "15.04.23, 14:04 - Anna: POLL:\n");
  REQUIRE(parsed.messages.size() == 2);
  CHECK(parsed.messages[0].content == Content::poll);
  CHECK(parsed.messages[0].kind == MessageKind::user);
  CHECK(parsed.messages[1].content == Content::text);
}

TEST_CASE("chat::ExportParser marks view-once media") {
  CHECK(content_of("null") == Content::view_once);
  CHECK(content_of("null and void") == Content::text);
}

TEST_CASE("chat::ExportParser marks contact cards") {
  CHECK(content_of("\u200EAlex.vcf (file attached)") == Content::contact_card);
  CHECK(attachment_of("\u200EAlex.vcf (file attached)") == "Alex.vcf");
  CHECK(content_of("\u200E<attached: 00000042-TR.vcf>") == Content::contact_card);
  CHECK(content_of("\u200EContact card omitted") == Content::contact_card);
  CHECK(content_of("\u200EKontaktkarte ausgelassen") == Content::contact_card);
  CHECK(content_of("\u200ETarjeta de contacto omitida") == Content::contact_card);
  CHECK(content_of("\u200EКарточка контакта отсутствует") == Content::contact_card);
}

TEST_CASE("chat::ExportParser leaves typed text as text") {
  CHECK(content_of("Hello World") == Content::text);
  CHECK(content_of("") == Content::text);
  CHECK(message_of("Hello World").kind == MessageKind::user);
  CHECK_FALSE(message_of("Hello World").edited);
}

TEST_CASE("chat::ExportParser collects lines before the first header as headless") {
  const auto parsed = parse(
      "Hallo\n"
      "noch was\n"
      "15.04.23, 14:03 - Max: Hi\n");
  REQUIRE(parsed.messages.size() == 2);
  CHECK(parsed.counted == 2);
  CHECK(parsed.header_lines == 1);
  CHECK(parsed.messages[0].kind == MessageKind::headless);
  CHECK(parsed.messages[0].text == "Hallo\nnoch was");
  CHECK(parsed.messages[0].first_line == 1);
  CHECK(parsed.messages[0].body_column == 1);
  CHECK(parsed.messages[0].sender == "");
  CHECK(parsed.messages[1].first_line == 3);
  const auto blank_start = parse("\n\n15.04.23, 14:03 - Max: Hi\n");
  REQUIRE(blank_start.messages.size() == 1);
  CHECK(blank_start.messages[0].first_line == 3);
}

TEST_CASE("chat::ExportParser drops blank lines at the end of the file") {
  const auto parsed = parse("15.04.23, 14:03 - Max: Hi\n\nda\n\n\n");
  REQUIRE(parsed.messages.size() == 1);
  CHECK(parsed.messages[0].text == "Hi\n\nda");
}

TEST_CASE("chat::ExportParser takes a header after a bare LF in a CR LF file as text") {
  const auto parsed = parse(
      "[15.04.23, 14:03:12] Max: Hallo\r\n"
      "[15.04.23, 14:04:00] Anna: Schau was ich gefunden habe:\n"
      "[14.04.23, 10:00:00] Max: alt\n"
      "Ende\r\n"
      "[15.04.23, 14:05:00] Max: Ok\r\n");
  REQUIRE(parsed.messages.size() == 3);
  CHECK(parsed.header_lines == 3);
  CHECK(parsed.messages[1].text ==
        "Schau was ich gefunden habe:\n[14.04.23, 10:00:00] Max: alt\nEnde");
  CHECK(parsed.messages[2].first_line == 5);
  // With LF everywhere (Android) the rule is off and a header-looking line starts a message.
  const auto android = parse(
      "15.04.23, 14:03 - Max: Hallo\n"
      "15.04.23, 14:04 - Anna: Schau:\n"
      "14.04.23, 10:00 - Max: alt\n");
  CHECK(android.messages.size() == 3);
}

TEST_CASE("chat::ExportParser gathers date order evidence from every header") {
  const auto day_first = parse(
      "03.04.23, 10:00 - Max: a\n"
      "15.04.23, 10:00 - Max: b\n");
  CHECK(day_first.order.order == DateOrder::dmy);
  CHECK_FALSE(day_first.order.assumed);
  const auto year_first = parse("2019/02/13, 4:38 am - Raj: x\n");
  CHECK(year_first.order.order == DateOrder::ymd);
  const auto unknown = parse("03.04.23, 10:00 - Max: a\n");
  CHECK(unknown.order.assumed);
}

TEST_CASE("chat::ExportParser cuts messages longer than the limit") {
  const auto parsed = parse(
      "15.04.23, 14:03 - Max: 0123456789abc\n"
      "more\n"
      "15.04.23, 14:04 - Max: short\n",
      10);
  REQUIRE(parsed.messages.size() == 2);
  CHECK(parsed.messages[0].text == "0123456789");
  CHECK(parsed.messages[1].text == "short");
  CHECK(parsed.truncated == 1);
  // The cut keeps whole characters: "é" would straddle the limit.
  const auto multibyte = parse("15.04.23, 14:03 - Max: abcd\u00E9\n", 5);
  REQUIRE(multibyte.messages.size() == 1);
  CHECK(multibyte.messages[0].text == "abcd");
  CHECK(multibyte.truncated == 1);
}

TEST_CASE("chat::ExportParser does not count a dropped blank preamble as cut") {
  // Found by export_parser_fuzzer: blank lines past the limit before the first header were
  // counted as a cut message although no message was handed out.
  const auto parsed = parse(std::string(20, '\n') + "15.04.23, 14:03 - Max: hi\n", 16);
  REQUIRE(parsed.messages.size() == 1);
  CHECK(parsed.truncated == 0);
}

TEST_CASE("chat::ExportParser keeps a pasted header of another shape in the message") {
  // Messages copied on Android and pasted into a chat are written "[date, time] Name: text".
  const auto parsed = parse(
      "15.04.23, 14:03 - Max: a\n"
      "15.04.23, 14:04 - Anna: b\n"
      "15.04.23, 14:05 - Max: Schau, was du geschrieben hast:\n"
      "[14.04.23, 10:00] Anna: Meine Nummer ist neu\n"
      "[14.04.23, 10:01] Anna: ab morgen\n"
      "15.04.23, 14:06 - Anna: Ah, danke\n");
  REQUIRE(parsed.messages.size() == 4);
  CHECK(parsed.header_lines == 4);
  CHECK(parsed.messages[2].sender == "Max");
  CHECK(parsed.messages[2].text ==
        "Schau, was du geschrieben hast:\n[14.04.23, 10:00] Anna: Meine Nummer ist neu\n"
        "[14.04.23, 10:01] Anna: ab morgen");
  CHECK(parsed.messages[3].sender == "Anna");
  CHECK(parsed.messages[3].first_line == 6);
}

TEST_CASE("chat::ExportParser reads any header shape before a template is known") {
  const auto parsed = parse(
      "15.04.23, 14:03 - Max: a\n"
      "[15.04.23, 14:04:00] Anna: b\n"
      "15.04.23, 14:05 - Max: c\n");
  REQUIRE(parsed.messages.size() == 3);
  CHECK(parsed.messages[1].sender == "Anna");
}

TEST_CASE("chat::ExportParser reads a file of mixed header shapes as headers after all") {
  // Hand-edited or concatenated files: after kMaxHeldBack lines of other shapes in one
  // message, the held-back lines start messages again, with their own line numbers.
  const auto parsed = parse(
      "1/17/20, 20:49 - Jahn: a\n"
      "1/18/20, 14:53 - Jahn: b\n"
      "1/19/20, 14:53 - Jahn: c\n"
      "9/24/2019 11:30 p.m. - John: d\n"
      "more of d\n"
      "9/24/2019 11:31 a.m. - John: e\n"
      "[09/10/22 10:37:00 p.m.] John: f\n"
      "09-10-2022 10:37:00 p.m. - John: g\n"
      "2022/12/24, 13:01. - John: h\n"
      "2022/12/24, 13:02. - Eve: i\n");
  REQUIRE(parsed.messages.size() == 9);
  CHECK(parsed.header_lines == 9);
  CHECK(parsed.messages[2].text == "c");
  CHECK(parsed.messages[3].sender == "John");
  CHECK(parsed.messages[3].text == "d\nmore of d");
  CHECK(parsed.messages[3].first_line == 4);
  CHECK(parsed.messages[3].hour == 23);
  CHECK(parsed.messages[4].first_line == 6);
  CHECK(parsed.messages[4].text == "e");
  CHECK(parsed.messages[7].text == "h");
  CHECK(parsed.messages[7].first_line == 9);
  CHECK(parsed.messages[8].sender == "Eve");
  CHECK(parsed.messages[8].text == "i");
  CHECK(parsed.messages[8].first_line == 10);
}

TEST_CASE("chat::ExportParser reads era, Arabic and time-first exports") {
  const auto japanese = parse(
      "[3/18/R4, 14:56:01] Elon: a\r\n"
      "[3/27/R4, 21:41:35] Dmitry: b\r\n");
  REQUIRE(japanese.messages.size() == 2);
  CHECK(japanese.order.order == DateOrder::mdy);
  const auto vietnamese = parse(
      "[14:56:01, 3/18/22] Musk Elon: a\r\n"
      "[21:41:35, 3/27/22] Dmitry S: b\r\n");
  REQUIRE(vietnamese.messages.size() == 2);
  CHECK(vietnamese.messages[1].sender == "Dmitry S");
  CHECK(vietnamese.messages[1].hour == 21);
  const auto arabic = parse(
      "[\u0661\u0668\u200F/\u0663\u200F/\u0662\u0660\u0662\u0662\u060C "
      "\u0662:\u0665\u0666:\u0660\u0660\u00A0\u0645] Omar: a\r\n"
      "[\u0662\u0667\u200F/\u0663\u200F/\u0662\u0660\u0662\u0662\u060C "
      "\u0669:\u0664\u0661:\u0663\u0665\u00A0\u0645] Dmitry: b\r\n");
  REQUIRE(arabic.messages.size() == 2);
  CHECK(arabic.messages[1].hour == 21);
  CHECK(arabic.messages[1].day_or_month == 27);
  CHECK(arabic.order.order == DateOrder::dmy);
}

TEST_SUITE_END();
