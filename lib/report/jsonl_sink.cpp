#include "report/jsonl_sink.hpp"

#include "report/finding_json.hpp"

namespace waudit::report {
namespace {

void write_lines(std::ostream& out, std::span<const Finding> findings) {
  for (const Finding& finding : findings) {
    out << dump_json(finding_json(finding), -1) << '\n';
  }
}

}  // namespace

void JsonlSink::input(const InputReport& /*input*/) {}

void JsonlSink::findings(std::span<const Finding> batch) {
  write_lines(out_, batch);
}

// Fixed findings follow the last input's, with status "fixed".
void JsonlSink::fixed(std::span<const Finding> findings) {
  write_lines(out_, findings);
}

void JsonlSink::finish(const Summary& /*summary*/) {
  out_.flush();
}

}  // namespace waudit::report
