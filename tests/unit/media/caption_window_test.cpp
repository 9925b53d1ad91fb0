#include "media/caption_window.hpp"

#include "chat/export_parser.hpp"
#include "chat/markers.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

TEST_SUITE_BEGIN("media");

using waudit::media::CaptionWindow;
using waudit::media::EvidenceWords;
using waudit::media::PhotoMention;
using waudit::media::Place;

namespace {

// Runs an export through the parser into a window; lines split on '\n'.
std::vector<PhotoMention> mentions_of(std::string_view file) {
  CaptionWindow window(EvidenceWords::builtin());
  waudit::chat::ExportParser parser(
      waudit::chat::builtin_markers(),
      [&](const waudit::chat::Message& message) { window.add(message); });
  std::uint64_t number = 0;
  std::size_t start = 0;
  while (start < file.size()) {
    const std::size_t end = std::min(file.find('\n', start), file.size());
    parser.feed(waudit::text::Line{file.substr(start, end - start), ++number, false, false});
    start = end + 1;
  }
  parser.finish();
  return window.finish();
}

std::vector<std::string> words_of(const PhotoMention& mention) {
  std::vector<std::string> words;
  for (const auto& word : mention.words) {
    const char* place = word.place == Place::caption  ? "caption"
                        : word.place == Place::before ? "before"
                                                      : "after";
    words.push_back(std::string(place) + ":" + word.hit.written);
  }
  return words;
}

using Words = std::vector<std::string>;

}  // namespace

TEST_CASE("media::CaptionWindow reads the words around an omitted photo") {
  const auto mentions = mentions_of(
      "15.04.23, 14:01 - Erika Musterfrau: Ich schicke Ihnen meine EC-Karte\n"
      "15.04.23, 14:02 - Erika Musterfrau: <Medien ausgeschlossen>\n"
      "15.04.23, 14:02 - Max Beispiel: Danke\n"
      "15.04.23, 14:03 - Erika Musterfrau: Vorder- und Rückseite\n");
  REQUIRE(mentions.size() == 1);
  CHECK(mentions[0].name.empty());
  CHECK(mentions[0].line == 2);
  CHECK(mentions[0].sender == "Erika Musterfrau");
  CHECK(words_of(mentions[0]) ==
        Words{"before:EC-Karte", "after:Vorder- und Rückseite", "after:Rückseite"});
}

TEST_CASE("media::CaptionWindow reads a caption and names the attachment") {
  const auto mentions = mentions_of(
      "15.04.23, 14:02 - Erika Musterfrau: IMG-20230415-WA0007.jpg (Datei angehängt)\n"
      "mein Perso\n");
  REQUIRE(mentions.size() == 1);
  CHECK(mentions[0].name == "IMG-20230415-WA0007.jpg");
  CHECK(words_of(mentions[0]) == Words{"caption:Perso"});
}

TEST_CASE("media::CaptionWindow ignores other senders, late messages and non-photos") {
  CHECK(mentions_of("15.04.23, 14:01 - Max Beispiel: Bitte Ihre EC-Karte\n"
                    "15.04.23, 14:02 - Erika Musterfrau: <Medien ausgeschlossen>\n")
            .empty());
  CHECK(mentions_of("15.04.23, 13:40 - Erika Musterfrau: meine EC-Karte\n"
                    "15.04.23, 14:02 - Erika Musterfrau: <Medien ausgeschlossen>\n"
                    "15.04.23, 14:30 - Erika Musterfrau: Kreditkarte\n")
            .empty());
  CHECK(mentions_of("15.04.23, 14:01 - Erika Musterfrau: meine EC-Karte\n"
                    "15.04.23, 14:02 - Erika Musterfrau: PTT-20230415-WA0002.opus (Datei "
                    "angehängt)\n")
            .empty());
  CHECK(mentions_of("15.04.23, 14:01 - Erika Musterfrau: Meine EC-Karte ist gesperrt\n").empty());
}

TEST_CASE("media::CaptionWindow finds the words before a photo after many messages") {
  // The last messages are kept in a ring of 16 reused slots: after 40 messages it has wrapped
  // around more than twice, and the two messages before the photo must still be the ones read.
  std::string file;
  for (int i = 0; i < 40; ++i) {
    file += "15.04.23, 14:0" + std::to_string(i % 3) + " - Max Beispiel: Nachricht " +
            std::to_string(i) + "\n";
  }
  file += "15.04.23, 14:03 - Erika Musterfrau: Mein Personalausweis\n";
  file += "15.04.23, 14:03 - Max Beispiel: Ok\n";
  file += "15.04.23, 14:04 - Erika Musterfrau: und die EC-Karte\n";
  file += "15.04.23, 14:04 - Erika Musterfrau: <Medien ausgeschlossen>\n";
  const auto mentions = mentions_of(file);
  REQUIRE(mentions.size() == 1);
  CHECK(mentions[0].line == 44);
  CHECK(words_of(mentions[0]) == Words{"before:EC-Karte", "before:Personalausweis"});
}

TEST_SUITE_END();
