#include "chat/export_parser.hpp"

#include "chat/markers.hpp"

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

TEST_SUITE_BEGIN("chat");

using waudit::chat::DateOrder;
using waudit::chat::ExportParser;
using waudit::chat::MessageKind;
using waudit::text::Line;

namespace {

// A message copied out of the callback, where its views are still valid.
struct Seen {
  MessageKind kind = MessageKind::user;
  std::string sender;
  std::string text;
  std::uint64_t first_line = 0;
  std::uint64_t body_column = 0;
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
        parsed.messages.push_back(Seen{message.kind, std::string(message.sender),
                                       std::string(message.text), message.first_line,
                                       message.body_column, std::string(message.attachment),
                                       message.attachment_begin, message.attachment_end,
                                       message.time.hour, message.time.minute, message.date.first});
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
  CHECK(first.hour == 14);
  CHECK(first.minute == 3);
  const Seen& second = parsed.messages[1];
  CHECK(second.sender == "Jürgen");
  CHECK(second.text == "Ok");
  CHECK(second.first_line == 5);
  CHECK(second.body_column == 27);
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
  CHECK(parsed.messages[2].kind == MessageKind::system);
  CHECK(parsed.messages[3].kind == MessageKind::user);
  const auto german = parse(
      "15.04.23, 14:03 - Max: Diese Nachricht wurde gelöscht\n"
      "15.04.23, 14:04 - Max: Ich habe Anna hinzugefügt\n");
  REQUIRE(german.messages.size() == 2);
  CHECK(german.messages[0].kind == MessageKind::system);
  CHECK(german.messages[0].sender == "Max");
  CHECK(german.messages[1].kind == MessageKind::user);
}

TEST_CASE("chat::ExportParser finds an Android attachment and its caption") {
  const auto parsed = parse(
      "15.04.23, 14:03 - Max: IMG-20230415-WA0007.jpg (Datei angehängt)\n"
      "Schau mal, meine IBAN steht drauf\n");
  REQUIRE(parsed.messages.size() == 1);
  const Seen& message = parsed.messages[0];
  CHECK(message.kind == MessageKind::user);
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

TEST_SUITE_END();
