#include "report/spooled_json.hpp"

#include <cstddef>

namespace waudit::report {
namespace {

std::string indentation(int depth) {
  return std::string(static_cast<std::size_t>(depth) * 2, ' ');
}

}  // namespace

// JSON strings never hold a raw line break (dump_json escapes it), so every '\n' of the
// rendered text starts a line of the layout.
std::string indented_json(const Json& value, int depth) {
  const std::string text = dump_json(value, 2);
  const std::string prefix = indentation(depth);
  std::string indented;
  indented.reserve(text.size() + text.size() / 4);
  std::size_t begin = 0;
  for (std::size_t end = text.find('\n'); end != std::string::npos;
       begin = end + 1, end = text.find('\n', begin)) {
    indented.append(text, begin, end + 1 - begin);
    indented += prefix;
  }
  indented.append(text, begin);
  return indented;
}

std::string json_member(std::string_view key, const Json& value, int depth) {
  return indentation(depth) + dump_json(Json(key), -1) + ": " + indented_json(value, depth);
}

void SpooledJsonArray::add(const Json& element) {
  if (!elements_) {
    elements_.emplace();
  }
  elements_->append(size_ == 0 ? "" : ",\n");
  elements_->append(indentation(depth_));
  elements_->append(indented_json(element, depth_));
  ++size_;
}

void SpooledJsonArray::write(std::ostream& out) {
  if (size_ == 0) {
    out << "[]";
    return;
  }
  out << "[\n";
  elements_->copy_to(out);
  out << '\n' << indentation(depth_ - 1) << ']';
}

}  // namespace waudit::report
