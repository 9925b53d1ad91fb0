// A JSON document written in pieces, byte for byte as dump_json(document, 2) would write it
// whole: the small members are rendered at once, the long arrays (findings, results) one
// element at a time into a SpillFile, so that a report's memory does not grow with its
// findings. dump_json's layout is simple enough to follow by hand: a value nested at depth d
// has its lines after the first indented by 2 * d spaces, members and elements are separated
// by ",\n", and an empty array is `[]`.
#pragma once

#include "report/finding_json.hpp"
#include "report/spill_file.hpp"

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

namespace waudit::report {

// `value` as dump_json(value, 2) writes it where it stands at `depth` (the document's own
// members are at depth 1): its first line as is, the others indented by 2 * depth spaces.
std::string indented_json(const Json& value, int depth);

// One member of an object at `depth`: its indentation, the quoted key, ": " and the value.
std::string json_member(std::string_view key, const Json& value, int depth);

// An array whose elements stand at `depth`, rendered as they come and written at the end. The
// spill file is made with the first element: an empty array costs none.
class SpooledJsonArray {
 public:
  explicit SpooledJsonArray(int depth) : depth_(depth) {}

  void add(const Json& element);

  // `[]`, or `[`, the elements one per line and `]` indented to the array's own depth.
  void write(std::ostream& out);

  std::uint64_t size() const { return size_; }

 private:
  int depth_;
  std::uint64_t size_ = 0;
  std::optional<SpillFile> elements_;
};

}  // namespace waudit::report
