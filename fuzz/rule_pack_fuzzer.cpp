// Parses arbitrary bytes as a rule pack (TOML). Checked: parsing never throws or crashes; a
// pack that parses has complete rules whose validator names resolve; compiling it into a
// Detector either works or returns an error, and a working Detector scans the pack's own
// examples with every detection inside the example's text.
#include "detect/detector.hpp"
#include "property.hpp"
#include "rules/rule_pack.hpp"
#include "validate/registry.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace waudit::fuzz {
namespace {

constexpr std::string_view kSource = "fuzz.toml";

void check_rule(const rules::Rule& rule) {
  require(!rule.id.empty() && !rule.category.empty() && !rule.pattern.empty() &&
              !rule.description.empty(),
          "a parsed rule has id, category, pattern and description");
  require(rule.source == kSource, "a parsed rule names its pack");
  require((rule.validator == nullptr) == rule.validator_name.empty(),
          "a rule has a validator exactly when it names one");
  require(
      rule.validator == nullptr || rule.validator == validate::find_validator(rule.validator_name),
      "a rule's validator is the registry's function of that name");
}

void scan_examples(const detect::Detector& detector) {
  std::vector<detect::Detection> detections;
  for (const rules::Rule& rule : detector.rules()) {
    for (const auto* examples : {&rule.must_match, &rule.must_not_match}) {
      for (const rules::Example& example : *examples) {
        detections.clear();
        detector.scan(detect::ScanText{example.text, 0, 0, {}}, detections);
        for (const detect::Detection& detection : detections) {
          require(detection.begin < detection.end && detection.end <= example.text.size(),
                  "a detection lies inside the text and is not empty");
          require(detection.rule_index < detector.rules().size(), "a detection names a rule");
        }
      }
    }
  }
}

}  // namespace
}  // namespace waudit::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace waudit;
  // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): libFuzzer hands out bytes
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  auto rules = rules::parse_rule_pack(input, fuzz::kSource);
  if (!rules) {
    fuzz::require(rules.error().starts_with(fuzz::kSource), "a pack error names the pack");
    return 0;
  }
  for (const rules::Rule& rule : *rules) {
    fuzz::check_rule(rule);
  }
  const std::size_t count = rules->size();
  auto detector = detect::Detector::create(std::move(*rules));
  if (!detector) {
    fuzz::require(!detector.error().empty(), "a failed compile says why");
    return 0;
  }
  fuzz::require(detector->rules().size() == count, "the detector keeps every rule");
  fuzz::scan_examples(*detector);
  return 0;
}
