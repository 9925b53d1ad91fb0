#include "audit/detection_pipeline.hpp"

#include "rules/rule_pack.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using waudit::audit::DetectionPipeline;
using waudit::audit::MessageBatch;

namespace {

waudit::detect::Detector builtin_detector() {
  auto rules = waudit::rules::load_builtin_rules();
  REQUIRE(rules);
  auto detector = waudit::detect::Detector::create(std::move(*rules));
  REQUIRE(detector);
  return std::move(*detector);
}

// A batch of `count` messages numbered from `first`; every third one holds an IBAN, at a
// position that tells the messages apart.
MessageBatch numbered_batch(int first, int count) {
  MessageBatch batch;
  for (int number = first; number < first + count; ++number) {
    const std::string text = number % 3 == 0
                                 ? std::string(static_cast<std::size_t>(number % 7), 'x') +
                                       " DE89 3704 0044 0532 0130 00"
                                 : "Nachricht " + std::to_string(number);
    waudit::chat::Message message;
    message.sender = "Lena";
    message.text = text;
    message.first_line = static_cast<std::uint64_t>(number);
    batch.add(message, "", "");
  }
  return batch;
}

}  // namespace

TEST_CASE(
    "audit::DetectionPipeline hands batches back detected and in order, whatever the threads") {
  const waudit::detect::Detector detector = builtin_detector();
  for (const unsigned threads : {0U, 1U, 3U}) {
    CAPTURE(threads);
    std::vector<std::uint64_t> lines;
    std::vector<std::size_t> iban_begins;
    DetectionPipeline pipeline(detector, threads, [&](const MessageBatch& batch) {
      batch.for_each([&](const waudit::chat::Message& message,
                         std::span<const waudit::detect::Detection> detections) {
        lines.push_back(message.first_line);
        CHECK(message.sender == "Lena");
        for (const auto& detection : detections) {
          iban_begins.push_back(detection.begin);
        }
      });
    });
    for (int first = 0; first < 600; first += 50) {
      pipeline.send(numbered_batch(first, 50));
    }
    pipeline.finish();
    REQUIRE(lines.size() == 600);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      CHECK(lines[i] == i);
    }
    REQUIRE(iban_begins.size() == 200);  // numbers 0, 3, 6, ...: one IBAN each
    for (std::size_t i = 0; i < iban_begins.size(); ++i) {
      CHECK(iban_begins[i] == (3 * i) % 7 + 1);  // after the x's and the blank
    }
  }
}
