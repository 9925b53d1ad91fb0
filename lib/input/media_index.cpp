#include "input/media_index.hpp"

#include "text/nfc.hpp"

#include <algorithm>

namespace waudit::input {
namespace {

std::string fold_ascii(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  });
  return text;
}

}  // namespace

std::string_view folder_of(std::string_view entry_name) {
  const std::size_t slash = entry_name.rfind('/');
  return slash == std::string_view::npos ? std::string_view() : entry_name.substr(0, slash + 1);
}

std::string_view base_name(std::string_view entry_name) {
  const std::size_t slash = entry_name.rfind('/');
  return slash == std::string_view::npos ? entry_name : entry_name.substr(slash + 1);
}

MediaIndex::MediaIndex(std::vector<std::string> names)
    : names_(std::move(names)), referenced_(names_.size(), false) {
  for (std::size_t i = 0; i < names_.size(); ++i) {
    std::string key = text::to_nfc(base_name(names_[i]));
    folded_[fold_ascii(key)].push_back(i);
    exact_[std::move(key)].push_back(i);
  }
}

std::optional<std::size_t> MediaIndex::pick(const std::vector<std::size_t>& candidates,
                                            std::string_view folder) const {
  for (const std::size_t i : candidates) {
    if (folder_of(names_[i]) == folder) {
      return i;
    }
  }
  return candidates.empty() ? std::nullopt : std::optional<std::size_t>(candidates.front());
}

std::optional<std::size_t> MediaIndex::resolve(std::string_view reference,
                                               std::string_view folder) {
  const std::string key = text::to_nfc(reference);
  std::optional<std::size_t> found;
  if (const auto exact = exact_.find(key); exact != exact_.end()) {
    found = pick(exact->second, folder);
  } else if (const auto folded = folded_.find(fold_ascii(key)); folded != folded_.end()) {
    found = pick(folded->second, folder);
  }
  if (found) {
    referenced_[*found] = true;
  }
  return found;
}

std::vector<std::string> MediaIndex::unreferenced() const {
  std::vector<std::string> names;
  for (std::size_t i = 0; i < names_.size(); ++i) {
    if (!referenced_[i]) {
      names.push_back(names_[i]);
    }
  }
  return names;
}

}  // namespace waudit::input
