#include "media/card_photo.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

TEST_SUITE_BEGIN("media");

using waudit::media::ChatWord;
using waudit::media::EvidenceWords;
using waudit::media::ImageEvidence;
using waudit::media::judge;
using waudit::media::NumberKind;
using waudit::media::Place;
using waudit::media::ShowNumbers;
using waudit::media::WordHit;

namespace {

WordHit hit(std::string_view kind, std::string written) {
  return {EvidenceWords::builtin().kind_index(kind), std::move(written)};
}

ImageEvidence card_image() {
  ImageEvidence image;
  image.card_shape = true;
  image.numbers.push_back({NumberKind::payment_card, "4111 **** **** 1111", "4111 1111 1111 1111"});
  image.words.push_back(hit("payment-card", "VISA"));
  return image;
}

}  // namespace

TEST_CASE("media::judge: a validated number is certain and masked") {
  const ImageEvidence image = card_image();
  const auto verdict = judge({}, &image, ShowNumbers::masked);
  REQUIRE(verdict.has_value());
  CHECK(verdict->kind == "payment-card");
  CHECK(verdict->category == "financial");
  CHECK(verdict->confidence >= 0.95);
  CHECK(verdict->match == "4111 **** **** 1111");
  CHECK(verdict->evidence.find("1111 1111") == std::string::npos);
  CHECK(verdict->evidence.find("4111 **** **** 1111") != std::string::npos);
  const auto shown = judge({}, &image, ShowNumbers::unmasked);
  REQUIRE(shown.has_value());
  CHECK(shown->match == "4111 1111 1111 1111");
}

TEST_CASE("media::judge: an MRZ names the document") {
  ImageEvidence image;
  image.numbers.push_back({NumberKind::mrz_td3, "*******C3", "L898902C3"});
  const auto verdict = judge({}, &image, ShowNumbers::masked);
  REQUIRE(verdict.has_value());
  CHECK(verdict->kind == "passport");
  CHECK(verdict->category == "identity");
  CHECK(verdict->confidence >= 0.95);
}

TEST_CASE("media::judge: words and shape are likely, chat words alone possible") {
  ImageEvidence shaped;
  shaped.card_shape = true;
  shaped.words.push_back(hit("driving-licence", "FÜHRERSCHEIN"));
  const auto likely = judge({}, &shaped, ShowNumbers::masked);
  REQUIRE(likely.has_value());
  CHECK(likely->kind == "driving-licence");
  CHECK(likely->confidence == doctest::Approx(0.7));

  const std::vector<ChatWord> chat{{hit("id-card", "Perso"), Place::before}};
  const auto text_only = judge(chat, nullptr, ShowNumbers::masked);
  REQUIRE(text_only.has_value());
  CHECK(text_only->kind == "id-card");
  CHECK(text_only->confidence == doctest::Approx(0.5));
  CHECK(text_only->evidence == "message before: \"Perso\"");

  ImageEvidence shape_only;
  shape_only.card_shape = true;
  const auto agreeing = judge(chat, &shape_only, ShowNumbers::masked);
  REQUIRE(agreeing.has_value());
  CHECK(agreeing->confidence == doctest::Approx(0.6));
}

TEST_CASE("media::judge: image words without the card shape are not enough") {
  ImageEvidence receipt;
  receipt.words.push_back(hit("payment-card", "VISA"));
  CHECK_FALSE(judge({}, &receipt, ShowNumbers::masked).has_value());
  ImageEvidence nothing;
  nothing.card_shape = true;
  CHECK_FALSE(judge({}, &nothing, ShowNumbers::masked).has_value());
  CHECK_FALSE(judge({}, nullptr, ShowNumbers::masked).has_value());
}

TEST_CASE("media::judge: a general word leaves the kind to a specific one") {
  const std::vector<ChatWord> chat{
      {hit("unknown", "Vorder- und Rückseite"), Place::caption},
      {hit("health-insurance-card", "Versichertenkarte"), Place::after}};
  const auto verdict = judge(chat, nullptr, ShowNumbers::masked);
  REQUIRE(verdict.has_value());
  CHECK(verdict->kind == "health-insurance-card");
  CHECK(verdict->match == "Vorder- und Rückseite");
}

TEST_SUITE_END();
