// The intended differences from the reference, read from DIFFERENCES.md: a table of reasons
// and a table of `file | message | field | reason` rows. A difference the harness finds is
// justified when a row matches it; a row that matches nothing is stale.
#pragma once

#include <tl/expected.hpp>

#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace waudit::conformance {

struct Justification {
  std::string file;      // relative to the conformance folder; `*` matches any run of characters
  std::string message;   // 0-based message indexes split by commas, or `*`
  std::string field;     // see Difference::field; also finding, read
  std::string reason;    // a key of the reasons table
  std::size_t line = 0;  // in DIFFERENCES.md
  std::size_t uses = 0;
};

class DifferenceList {
 public:
  // An empty list: every difference is unexplained.
  DifferenceList() = default;

  [[nodiscard]] static tl::expected<DifferenceList, std::string> load(
      const std::filesystem::path& path);

  // The reason key of the first row that matches, counting the use; nullopt when none does.
  std::optional<std::string> justify(std::string_view file, std::size_t message,
                                     std::string_view field);

  // Rows that justified nothing in this run.
  std::vector<const Justification*> stale() const;

  const std::map<std::string, std::string>& reasons() const { return reasons_; }

 private:
  std::vector<Justification> rows_;
  std::map<std::string, std::string> reasons_;  // key -> explanation
};

// Whether `text` matches `pattern`, in which only `*` is special (any run, also empty).
bool glob_match(std::string_view pattern, std::string_view text);

}  // namespace waudit::conformance
