// NFC as UAX #15 defines it: canonical decomposition, canonical ordering of marks, canonical
// composition; restricted to the data in nfc_table.cpp plus the Hangul arithmetic.
#include "text/nfc.hpp"

#include "text/nfc_table.hpp"
#include "text/utf8.hpp"

#include <algorithm>
#include <optional>
#include <vector>

namespace waudit::text {
namespace {

// An invalid byte b travels as kRawByte + b: beyond Unicode, class 0, never composed.
constexpr char32_t kRawByte = 0x110000;

// Hangul syllables (Unicode chapter 3.12).
constexpr char32_t kSBase = 0xAC00;
constexpr char32_t kLBase = 0x1100;
constexpr char32_t kVBase = 0x1161;
constexpr char32_t kTBase = 0x11A7;
constexpr char32_t kLCount = 19;
constexpr char32_t kVCount = 21;
constexpr char32_t kTCount = 28;
constexpr char32_t kSCount = kLCount * kVCount * kTCount;

std::uint8_t combining_class(char32_t c) {
  if (c >= 0x300 && c < 0x370) {
    return nfc_table::mark_classes()[c - 0x300];
  }
  return c == 0x3099 || c == 0x309A ? 8 : 0;
}

const std::vector<nfc_table::Composition>& by_composite() {
  static const std::vector<nfc_table::Composition> sorted = [] {
    const auto table = nfc_table::compositions();
    std::vector<nfc_table::Composition> copy(table.begin(), table.end());
    std::sort(copy.begin(), copy.end(),
              [](const auto& a, const auto& b) { return a.composite < b.composite; });
    return copy;
  }();
  return sorted;
}

void decompose(char32_t c, std::vector<char32_t>& out) {
  if (c >= kSBase && c < kSBase + kSCount) {
    const char32_t index = c - kSBase;
    out.push_back(kLBase + index / (kVCount * kTCount));
    out.push_back(kVBase + (index % (kVCount * kTCount)) / kTCount);
    if (index % kTCount != 0) {
      out.push_back(kTBase + index % kTCount);
    }
    return;
  }
  const auto& table = by_composite();
  const auto found =
      std::lower_bound(table.begin(), table.end(), c,
                       [](const auto& entry, char32_t key) { return entry.composite < key; });
  if (found != table.end() && found->composite == c) {
    decompose(found->base, out);
    out.push_back(found->mark);
    return;
  }
  out.push_back(c);
}

std::optional<char32_t> compose(char32_t first, char32_t second) {
  if (first >= kLBase && first < kLBase + kLCount && second >= kVBase &&
      second < kVBase + kVCount) {
    return kSBase + ((first - kLBase) * kVCount + (second - kVBase)) * kTCount;
  }
  if (first >= kSBase && first < kSBase + kSCount && (first - kSBase) % kTCount == 0 &&
      second > kTBase && second < kTBase + kTCount) {
    return first + (second - kTBase);
  }
  const auto table = nfc_table::compositions();
  const auto found = std::lower_bound(
      table.begin(), table.end(), std::pair{first, second}, [](const auto& entry, const auto& key) {
        return std::pair<char32_t, char32_t>{entry.base, entry.mark} < key;
      });
  if (found != table.end() && found->base == first && found->mark == second) {
    return found->composite;
  }
  return std::nullopt;
}

// Sorts each run of marks by combining class, keeping the order of equal classes.
void order_marks(std::vector<char32_t>& text) {
  auto run = text.begin();
  while (run != text.end()) {
    run = std::find_if(run, text.end(), [](char32_t c) { return combining_class(c) != 0; });
    const auto end =
        std::find_if(run, text.end(), [](char32_t c) { return combining_class(c) == 0; });
    std::stable_sort(
        run, end, [](char32_t a, char32_t b) { return combining_class(a) < combining_class(b); });
    run = end;
  }
}

// Canonical composition (UAX #15, "Detailed Algorithm"), in place.
void compose_all(std::vector<char32_t>& text) {
  if (text.empty()) {
    return;
  }
  std::size_t starter = 0;
  int last_class = combining_class(text[0]) == 0 ? 0 : 256;
  std::size_t kept = 1;
  for (std::size_t i = 1; i < text.size(); ++i) {
    const char32_t c = text[i];
    const int c_class = combining_class(c);
    const auto composite = last_class == 256 ? std::nullopt : compose(text[starter], c);
    if (composite && (last_class < c_class || last_class == 0)) {
      text[starter] = *composite;
      continue;
    }
    if (c_class == 0) {
      starter = kept;
    }
    last_class = c_class;
    text[kept++] = c;
  }
  text.resize(kept);
}

}  // namespace

std::string to_nfc(std::string_view utf8) {
  if (std::all_of(utf8.begin(), utf8.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    return std::string(utf8);
  }
  std::vector<char32_t> text;
  for (std::size_t i = 0; i < utf8.size();) {
    const std::size_t length = sequence_length(utf8.substr(i));
    if (length == 0) {
      text.push_back(kRawByte + static_cast<unsigned char>(utf8[i]));
      ++i;
      continue;
    }
    decompose(decode(utf8.substr(i)), text);
    i += length;
  }
  order_marks(text);
  compose_all(text);
  std::string out;
  out.reserve(utf8.size());
  for (const char32_t c : text) {
    if (c >= kRawByte) {
      out += static_cast<char>(c - kRawByte);
    } else {
      append_utf8(out, c);
    }
  }
  return out;
}

}  // namespace waudit::text
