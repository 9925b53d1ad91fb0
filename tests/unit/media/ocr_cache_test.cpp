#include "media/ocr_cache.hpp"

#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

TEST_SUITE_BEGIN("media");

using waudit::media::content_hash;
using waudit::media::EvidenceWords;
using waudit::media::ImageEvidence;
using waudit::media::NumberKind;
using waudit::media::OcrCache;

namespace {

// A fresh folder under the system's temporary one, removed at the end.
struct TemporaryFolder {
  std::filesystem::path path;

  TemporaryFolder()
      : path(std::filesystem::temp_directory_path() /
             ("waudit-ocr-cache-test-" + std::to_string(::getpid()) + "-" +
              std::to_string(++count))) {}

  static inline int count = 0;

  ~TemporaryFolder() { std::filesystem::remove_all(path); }

  TemporaryFolder(const TemporaryFolder&) = delete;
  TemporaryFolder& operator=(const TemporaryFolder&) = delete;
  TemporaryFolder(TemporaryFolder&&) = delete;
  TemporaryFolder& operator=(TemporaryFolder&&) = delete;
};

}  // namespace

TEST_CASE("media::content_hash") {
  CHECK(content_hash("abc").size() == 64);
  CHECK(content_hash("abc") == content_hash("abc"));
  CHECK(content_hash("abc") != content_hash("abd"));
}

TEST_CASE("media::OcrCache keeps masked evidence only") {
  const TemporaryFolder folder;
  const OcrCache cache(folder.path);
  ImageEvidence evidence;
  evidence.card_shape = true;
  evidence.numbers.push_back(
      {NumberKind::payment_card, "4111 **** **** 1111", "4111 1111 1111 1111"});
  evidence.words.push_back({EvidenceWords::builtin().kind_index("payment-card"), "VISA"});
  const std::string hash = content_hash("image bytes");
  CHECK_FALSE(cache.find(hash).has_value());
  cache.store(hash, evidence);
  const auto found = cache.find(hash);
  REQUIRE(found.has_value());
  CHECK(found->cached);
  CHECK(found->card_shape);
  REQUIRE(found->numbers.size() == 1);
  CHECK(found->numbers[0].masked == "4111 **** **** 1111");
  CHECK(found->numbers[0].value.empty());
  REQUIRE(found->words.size() == 1);
  CHECK(found->words[0].written == "VISA");
  std::ifstream file(folder.path / (hash + ".json"));
  const std::string stored((std::istreambuf_iterator<char>(file)),
                           std::istreambuf_iterator<char>());
  CHECK(stored.find("1111 1111") == std::string::npos);
}

TEST_CASE("media::OcrCache skips cut-short and damaged entries") {
  const TemporaryFolder folder;
  const OcrCache cache(folder.path);
  ImageEvidence cut;
  cut.timed_out = true;
  cache.store(content_hash("a"), cut);
  CHECK_FALSE(cache.find(content_hash("a")).has_value());
  std::filesystem::create_directories(folder.path);
  std::ofstream(folder.path / (content_hash("b") + ".json")) << "{\"card_shape\": tr";
  CHECK_FALSE(cache.find(content_hash("b")).has_value());
}

TEST_SUITE_END();
