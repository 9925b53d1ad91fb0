#include "media/evidence_words.hpp"

#include "data/embedded_files.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <stdexcept>

namespace waudit::media {
namespace {

// Text in the form entries are compared in: ASCII and Ä/Ö/Ü lower-cased, every run of blanks,
// '-' and line breaks one ' '. `origin` maps each folded byte to its offset in the text.
struct Folded {
  std::string text;
  std::vector<std::size_t> origin;
};

bool is_separator(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '-';
}

bool is_word_byte(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return byte >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

Folded fold(std::string_view text) {
  Folded folded;
  folded.text.reserve(text.size());
  folded.origin.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (is_separator(c)) {
      if (!folded.text.empty() && folded.text.back() != ' ') {
        folded.text.push_back(' ');
        folded.origin.push_back(i);
      }
      continue;
    }
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    } else if (c == '\xC3' && i + 1 < text.size() &&
               (text[i + 1] == '\x84' || text[i + 1] == '\x96' || text[i + 1] == '\x9C')) {
      folded.text.push_back(c);
      folded.origin.push_back(i);
      c = static_cast<char>(text[++i] + 0x20);  // Ä Ö Ü -> ä ö ü
    }
    folded.text.push_back(c);
    folded.origin.push_back(i);
  }
  return folded;
}

// An entry in folded form; `open_end` when it ended with '*'.
struct Entry {
  std::string folded;
  bool open_end = false;
};

Entry entry_of(std::string_view word) {
  const bool open_end = word.ends_with('*');
  if (open_end) {
    word.remove_suffix(1);
  }
  Folded folded = fold(word);
  while (!folded.text.empty() && folded.text.back() == ' ') {
    folded.text.pop_back();
  }
  return {std::move(folded.text), open_end};
}

// The first occurrence of `entry` at word boundaries; returns [begin, end) in folded bytes,
// the end moved to the word's end for an open entry.
std::optional<std::pair<std::size_t, std::size_t>> find_entry(const std::string& text,
                                                              std::string_view folded_word,
                                                              bool open_end) {
  if (folded_word.empty()) {
    return std::nullopt;
  }
  for (std::size_t pos = text.find(folded_word); pos != std::string::npos;
       pos = text.find(folded_word, pos + 1)) {
    std::size_t end = pos + folded_word.size();
    const bool starts = pos == 0 || !is_word_byte(text[pos - 1]);
    const bool ends = end == text.size() || !is_word_byte(text[end]);
    if (starts && open_end) {
      // Letters only: a number written straight after the word is no part of it.
      while (end < text.size() && is_word_byte(text[end]) && (text[end] < '0' || text[end] > '9')) {
        ++end;
      }
      return std::pair{pos, end};
    }
    if (starts && ends) {
      return std::pair{pos, end};
    }
  }
  return std::nullopt;
}

std::string written_form(std::string_view text, const Folded& folded, std::size_t begin,
                         std::size_t end) {
  const std::size_t from = folded.origin[begin];
  const std::size_t to = end < folded.origin.size() ? folded.origin[end] : text.size();
  std::string_view written = text.substr(from, to - from);
  while (!written.empty() && is_separator(written.back())) {
    written.remove_suffix(1);
  }
  return std::string(written);
}

Problem problem_at(const toml::node& node, std::string message) {
  return Problem{std::move(message), node.source().begin.line};
}

tl::expected<std::vector<std::string>, Problem> read_words(const toml::node* node,
                                                           std::string_view key) {
  std::vector<std::string> words;
  if (node == nullptr) {
    return words;
  }
  const toml::array* array = node->as_array();
  if (array == nullptr) {
    return tl::unexpected(problem_at(*node, fmt::format("`{}` must be a list of strings", key)));
  }
  for (const toml::node& item : *array) {
    const auto word = item.value<std::string>();
    if (!word || word->empty()) {
      return tl::unexpected(
          problem_at(item, fmt::format("`{}` holds a non-string or empty entry", key)));
    }
    words.push_back(*word);
  }
  return words;
}

tl::expected<DocumentKind, Problem> read_kind(const toml::table& table) {
  DocumentKind kind;
  kind.kind = table["kind"].value_or(std::string());
  kind.category = table["category"].value_or(std::string());
  if (kind.kind.empty() || (kind.category != "financial" && kind.category != "identity")) {
    return tl::unexpected(problem_at(
        table, "a [[kind]] needs `kind` and `category` (\"financial\" or \"identity\")"));
  }
  auto chat = read_words(table.get("chat"), "chat");
  auto image = read_words(table.get("image"), "image");
  if (!chat || !image) {
    return tl::unexpected(chat ? image.error() : chat.error());
  }
  kind.chat_words = std::move(*chat);
  kind.image_words = std::move(*image);
  return kind;
}

bool contains_entry(std::string_view text, const std::vector<std::string>& words) {
  const Folded folded = fold(text);
  return std::any_of(words.begin(), words.end(), [&](const std::string& word) {
    const Entry entry = entry_of(word);
    return find_entry(folded.text, entry.folded, entry.open_end).has_value();
  });
}

}  // namespace

tl::expected<EvidenceWords, Problem> EvidenceWords::parse(std::string_view toml) {
  toml::table document;
  try {
    document = toml::parse(toml);
  } catch (const toml::parse_error& error) {
    return tl::unexpected(Problem{std::string(error.description()), error.source().begin.line});
  }
  EvidenceWords words;
  auto not_photo = read_words(document.get("not_photo"), "not_photo");
  auto extensions = read_words(document.get("image_extensions"), "image_extensions");
  if (!not_photo || !extensions) {
    return tl::unexpected(not_photo ? extensions.error() : not_photo.error());
  }
  words.not_photo_ = std::move(*not_photo);
  words.image_extensions_ = std::move(*extensions);
  const toml::array* kinds = document["kind"].as_array();
  if (kinds == nullptr) {
    return tl::unexpected(Problem{"no [[kind]] tables", std::nullopt});
  }
  for (const toml::node& node : *kinds) {
    const toml::table* table = node.as_table();
    if (table == nullptr) {
      return tl::unexpected(problem_at(node, "`kind` must be a list of tables"));
    }
    auto kind = read_kind(*table);
    if (!kind) {
      return tl::unexpected(kind.error());
    }
    words.kinds_.push_back(std::move(*kind));
  }
  words.fold_words();
  return words;
}

const EvidenceWords& EvidenceWords::builtin() {
  static const EvidenceWords words = [] {
    for (const data::EmbeddedFile& file : data::embedded_files_under("evidence/")) {
      if (file.name == "evidence/card_photo.toml") {
        auto parsed = parse(file.content);
        if (!parsed) {
          throw std::logic_error(fmt::format("built-in patterns/{}:{}: {}", file.name,
                                             parsed.error().line.value_or(0),
                                             parsed.error().message));
        }
        return std::move(*parsed);
      }
    }
    throw std::logic_error("built-in patterns/evidence/card_photo.toml is missing");
  }();
  return words;
}

std::vector<WordHit> EvidenceWords::find(std::string_view text, WordSource source) const {
  std::vector<WordHit> hits;
  const Folded folded = fold(text);
  for (std::size_t index = 0; index < kinds_.size(); ++index) {
    const auto& entries = source == WordSource::chat ? chat_entries_[index] : image_entries_[index];
    for (const FoldedWord& word : entries) {
      if (const auto found = find_entry(folded.text, word.text, word.open_end)) {
        hits.push_back({index, written_form(text, folded, found->first, found->second)});
      }
    }
  }
  return hits;
}

void EvidenceWords::fold_words() {
  const auto folded = [](const std::vector<std::string>& words) {
    std::vector<FoldedWord> out;
    for (const std::string& word : words) {
      Entry entry = entry_of(word);
      out.push_back(FoldedWord{std::move(entry.folded), entry.open_end});
    }
    return out;
  };
  chat_entries_.clear();
  image_entries_.clear();
  for (const DocumentKind& kind : kinds_) {
    chat_entries_.push_back(folded(kind.chat_words));
    image_entries_.push_back(folded(kind.image_words));
  }
}

bool EvidenceWords::names_other_media(std::string_view marker) const {
  return contains_entry(marker, not_photo_);
}

bool EvidenceWords::is_photo_file(std::string_view file_name) const {
  std::string lower(file_name);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  });
  const std::string_view base = std::string_view(lower).substr(lower.find_last_of('/') + 1);
  if (base.starts_with("stk-") || base.find("-sticker-") != std::string_view::npos) {
    return false;
  }
  return std::any_of(image_extensions_.begin(), image_extensions_.end(),
                     [&](const std::string& extension) { return base.ends_with(extension); });
}

std::size_t EvidenceWords::kind_index(std::string_view kind) const {
  const auto found = std::find_if(kinds_.begin(), kinds_.end(),
                                  [&](const DocumentKind& known) { return known.kind == kind; });
  return static_cast<std::size_t>(found - kinds_.begin());
}

}  // namespace waudit::media
