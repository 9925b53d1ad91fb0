#include "report/jsonl_sink.hpp"

#include "report/finding_json.hpp"

namespace waudit::report {

void JsonlSink::input(const InputReport& /*input*/, std::span<const Finding> findings) {
  for (const Finding& finding : findings) {
    out_ << dump_json(finding_json(finding), -1) << '\n';
  }
}

void JsonlSink::finish(const Summary& /*summary*/) {
  out_.flush();
}

}  // namespace waudit::report
