#include "media/ocr_cache.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <openssl/evp.h>

#include <unistd.h>

#include <array>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <system_error>
#include <thread>

namespace waudit::media {
namespace {

// Changing what an entry means (the OCR passes, the words, the format) changes this tag, so
// old entries are simply not found.
constexpr std::string_view kVersionTag = "waudit-ocr-cache-1";

using Json = nlohmann::json;

std::string_view kind_name(NumberKind kind) {
  switch (kind) {
    case NumberKind::iban:
      return "iban";
    case NumberKind::mrz_td1:
      return "mrz-td1";
    case NumberKind::mrz_td2:
      return "mrz-td2";
    case NumberKind::mrz_td3:
      return "mrz-td3";
    case NumberKind::payment_card:
      break;
  }
  return "payment-card";
}

std::optional<NumberKind> kind_of(std::string_view name) {
  for (const NumberKind kind : {NumberKind::payment_card, NumberKind::iban, NumberKind::mrz_td1,
                                NumberKind::mrz_td2, NumberKind::mrz_td3}) {
    if (kind_name(kind) == name) {
      return kind;
    }
  }
  return std::nullopt;
}

Json to_json(const ImageEvidence& evidence) {
  Json numbers = Json::array();
  for (const NumberEvidence& number : evidence.numbers) {
    numbers.push_back({{"kind", kind_name(number.kind)}, {"masked", number.masked}});
  }
  Json words = Json::array();
  const auto& kinds = EvidenceWords::builtin().kinds();
  for (const WordHit& hit : evidence.words) {
    words.push_back({{"kind", kinds[hit.kind].kind}, {"written", hit.written}});
  }
  return {{"card_shape", evidence.card_shape},
          {"numbers", numbers},
          {"words", words},
          {"ocr_ms", evidence.ocr_time.count()}};
}

ImageEvidence from_json(const Json& json) {
  ImageEvidence evidence;
  evidence.cached = true;
  evidence.card_shape = json.at("card_shape").get<bool>();
  for (const Json& number : json.at("numbers")) {
    const auto kind = kind_of(number.at("kind").get<std::string>());
    if (kind) {
      evidence.numbers.push_back({*kind, number.at("masked").get<std::string>(), ""});
    }
  }
  const EvidenceWords& words = EvidenceWords::builtin();
  for (const Json& word : json.at("words")) {
    const std::size_t index = words.kind_index(word.at("kind").get<std::string>());
    if (index < words.kinds().size()) {
      evidence.words.push_back({index, word.at("written").get<std::string>()});
    }
  }
  return evidence;
}

}  // namespace

std::string content_hash(std::string_view bytes) {
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(),
                                                                  &EVP_MD_CTX_free);
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  if (!context || EVP_DigestInit_ex(context.get(), EVP_sha256(), nullptr) != 1 ||
      EVP_DigestUpdate(context.get(), kVersionTag.data(), kVersionTag.size()) != 1 ||
      EVP_DigestUpdate(context.get(), bytes.data(), bytes.size()) != 1 ||
      EVP_DigestFinal_ex(context.get(), digest.data(), &length) != 1) {
    return {};
  }
  std::string hex;
  for (unsigned int i = 0; i < length; ++i) {
    hex += fmt::format("{:02x}", digest[i]);
  }
  return hex;
}

std::optional<std::filesystem::path> default_cache_folder() {
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg != nullptr && *xdg == '/') {
    return std::filesystem::path(xdg) / "waudit" / "ocr";
  }
  if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
    return std::filesystem::path(home) / ".cache" / "waudit" / "ocr";
  }
  return std::nullopt;
}

std::optional<ImageEvidence> OcrCache::find(const std::string& hash) const {
  if (hash.empty()) {
    return std::nullopt;
  }
  std::ifstream file(folder_ / (hash + ".json"), std::ios::binary);
  if (!file) {
    return std::nullopt;
  }
  try {
    return from_json(Json::parse(file));
  } catch (const Json::exception&) {
    return std::nullopt;  // a damaged entry is read again and overwritten
  }
}

void OcrCache::store(const std::string& hash, const ImageEvidence& evidence) const {
  if (hash.empty() || evidence.timed_out) {
    return;
  }
  std::error_code error;
  std::filesystem::create_directories(folder_, error);
  if (error) {
    return;
  }
  std::ostringstream thread;
  thread << ::getpid() << '.' << std::this_thread::get_id();
  const std::filesystem::path final_path = folder_ / (hash + ".json");
  const std::filesystem::path temporary = folder_ / fmt::format(".{}.{}.tmp", hash, thread.str());
  {
    std::ofstream file(temporary, std::ios::binary | std::ios::trunc);
    file << to_json(evidence).dump();
    if (!file.good()) {
      std::filesystem::remove(temporary, error);
      return;
    }
  }
  std::filesystem::rename(temporary, final_path, error);
  if (error) {
    std::filesystem::remove(temporary, error);
  }
}

}  // namespace waudit::media
