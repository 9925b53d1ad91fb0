#include "media/evidence_words.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

TEST_SUITE_BEGIN("media");

using waudit::media::EvidenceWords;
using waudit::media::WordSource;

namespace {

// The kinds and words found, as "kind:written".
std::vector<std::string> found(std::string_view text, WordSource source = WordSource::chat) {
  const EvidenceWords& words = EvidenceWords::builtin();
  std::vector<std::string> out;
  for (const auto& hit : words.find(text, source)) {
    out.push_back(words.kinds()[hit.kind].kind + ":" + hit.written);
  }
  return out;
}

using Found = std::vector<std::string>;

}  // namespace

TEST_CASE("media::EvidenceWords finds card and document words in chat text") {
  CHECK(found("Hier meine EC-Karte") == Found{"payment-card:EC-Karte"});
  CHECK(found("hier meine ec karte") == Found{"payment-card:ec karte"});
  CHECK(found("Kreditkartennummer anbei") == Found{"payment-card:Kreditkartennummer"});
  CHECK(found("FÜHRERSCHEIN") == Found{"driving-licence:FÜHRERSCHEIN"});
  CHECK(found("Vorder- und Rückseite vom Perso") ==
        Found{"id-card:Perso", "unknown:Vorder- und Rückseite", "unknown:Rückseite"});
  CHECK(found("Here is the card front") == Found{"payment-card:card front"});
}

TEST_CASE("media::EvidenceWords matches at word boundaries only") {
  CHECK(found("Die Person kommt morgen").empty());  // "Perso" inside "Person"
  CHECK(found("Die Speisekarte ist neu").empty());
  CHECK(found("persönlich").empty());
  // An open entry does not run into a number written straight after it.
  CHECK(found("Kreditkarte4111111111111111") == Found{"payment-card:Kreditkarte"});
}

TEST_CASE("media::EvidenceWords keeps chat and image words apart") {
  CHECK(found("BUNDESREPUBLIK DEUTSCHLAND\nPERSONALAUSWEIS", WordSource::image) ==
        Found{"id-card:PERSONALAUSWEIS", "id-card:BUNDESREPUBLIK DEUTSCHLAND"});
  CHECK(found("VALID THRU 12/29", WordSource::image) == Found{"payment-card:VALID THRU"});
  CHECK(found("VALID THRU 12/29", WordSource::chat).empty());
}

TEST_CASE("media::EvidenceWords::is_photo_file") {
  const EvidenceWords& words = EvidenceWords::builtin();
  CHECK(words.is_photo_file("IMG-20230415-WA0007.jpg"));
  CHECK(words.is_photo_file("00000012-PHOTO-2023-04-15-14-03-12.JPG"));
  CHECK(words.is_photo_file("scan.png"));
  CHECK_FALSE(words.is_photo_file("STK-20230415-WA0003.webp"));
  CHECK_FALSE(words.is_photo_file("00000015-STICKER-2023-04-15-14-03-12.webp"));
  CHECK_FALSE(words.is_photo_file("PTT-20230415-WA0002.opus"));
  CHECK_FALSE(words.is_photo_file("Vertrag.pdf"));
}

TEST_CASE("media::EvidenceWords::names_other_media") {
  const EvidenceWords& words = EvidenceWords::builtin();
  CHECK(words.names_other_media("Sticker weggelassen"));
  CHECK(words.names_other_media("audio omitted"));
  CHECK_FALSE(words.names_other_media("<Medien ausgeschlossen>"));
  CHECK_FALSE(words.names_other_media("Bild weggelassen"));
}

TEST_CASE("media::EvidenceWords::parse reports bad data with its line") {
  const auto no_kinds = EvidenceWords::parse("not_photo = []\n");
  REQUIRE_FALSE(no_kinds.has_value());
  const auto bad_category =
      EvidenceWords::parse("[[kind]]\nkind = \"x\"\ncategory = \"health\"\nchat = []\n");
  REQUIRE_FALSE(bad_category.has_value());
  CHECK(bad_category.error().line == 1);
  const auto bad_word = EvidenceWords::parse(
      "[[kind]]\nkind = \"x\"\ncategory = \"identity\"\nchat = [\"a\",\n  3]\n");
  REQUIRE_FALSE(bad_word.has_value());
  CHECK(bad_word.error().line == 5);
}

TEST_SUITE_END();
