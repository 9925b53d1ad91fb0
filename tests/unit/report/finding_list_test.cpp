#include "report/finding_list.hpp"

#include "report/finding_record.hpp"
#include "sample_finding.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

using waudit::report::Finding;
using waudit::report::FindingList;

namespace {

// A finding at `line` of entry `entry`; `tag` tells equal-keyed findings apart.
Finding at(const std::string& entry, std::uint64_t line, const std::string& tag) {
  Finding finding = sample_finding();
  finding.location.entry = entry;
  finding.location.line = line;
  finding.fingerprint = tag;
  return finding;
}

// Findings in a shuffled order, with many equal keys (entry, line) to test that equal ones
// keep the order they were added in.
std::vector<Finding> shuffled(std::size_t count) {
  std::mt19937 random(7);
  std::vector<Finding> findings;
  for (std::size_t i = 0; i < count; ++i) {
    findings.push_back(at(random() % 2 == 0 ? "a.txt" : "message/" + std::to_string(random() % 12),
                          random() % 9, std::to_string(i)));
  }
  return findings;
}

std::vector<std::string> tags(const std::vector<Finding>& findings) {
  std::vector<std::string> result;
  for (const Finding& finding : findings) {
    result.push_back(finding.fingerprint);
  }
  return result;
}

// What the list hands out, and the largest batch it used.
std::vector<Finding> drained(FindingList& list, std::size_t& largest_batch) {
  std::vector<Finding> all;
  largest_batch = 0;
  list.drain([&](std::vector<Finding>& batch) {
    largest_batch = std::max(largest_batch, batch.size());
    all.insert(all.end(), batch.begin(), batch.end());
  });
  return all;
}

}  // namespace

TEST_CASE("report::FindingList hands findings out as a stable sort would, spilled or not") {
  // 5000: everything in memory; 7: runs on disk; 2: more runs than one merge takes, so
  // runs are first merged into bigger ones.
  for (const std::size_t batch : {std::size_t{5000}, std::size_t{7}, std::size_t{2}}) {
    CAPTURE(batch);
    const std::vector<Finding> findings = shuffled(1000);
    std::vector<Finding> expected = findings;
    waudit::report::sort_findings(expected);
    FindingList list(batch);
    for (const Finding& finding : findings) {
      list.add(finding);
    }
    std::size_t largest = 0;
    const std::vector<Finding> all = drained(list, largest);
    CHECK(tags(all) == tags(expected));
    CHECK(largest <= batch);
    std::size_t again = 0;
    CHECK(drained(list, again).empty());  // drained means empty
  }
}

TEST_CASE("report::FindingList leaves out removed findings, in memory and on disk") {
  // 4: a few runs; 2: so many runs that merging first merges the runs the removal applies to
  // with runs it does not apply to.
  for (const std::size_t batch : {std::size_t{4}, std::size_t{2}}) {
    CAPTURE(batch);
    const std::vector<Finding> findings = shuffled(300);
    const auto on_line_3 = [](const Finding& finding) { return finding.location.line == 3; };
    FindingList list(batch);
    std::vector<Finding> expected;
    for (std::size_t i = 0; i < findings.size(); ++i) {
      if (i == 201) {  // findings added after the removal are kept, whatever their line
        list.remove_if(on_line_3);
        std::erase_if(expected, on_line_3);
      }
      list.add(findings[i]);
      expected.push_back(findings[i]);
    }
    waudit::report::sort_findings(expected);
    std::size_t largest = 0;
    const std::vector<Finding> all = drained(list, largest);
    CHECK(tags(all) == tags(expected));
    CHECK(std::count_if(all.begin(), all.end(), on_line_3) > 0);
  }
}

TEST_CASE("report::RecordWriter and RecordReader give back every field of a finding") {
  Finding full = sample_finding();
  full.attachment = "IMG-0001.jpg";
  full.kind = "payment-card";
  full.evidence = "number **** 1111";
  full.negated = true;
  full.sender_is_owner = false;
  full.status = waudit::report::Status::existing;
  full.confidence = 0.35;
  Finding bare;  // every optional empty, every string empty
  bare.location.line.reset();
  for (const Finding& finding : {full, bare}) {
    std::string bytes;
    waudit::report::RecordWriter(bytes).finding(finding);
    waudit::report::RecordReader reader(bytes);
    const Finding back = reader.finding();
    CHECK(back.rule == finding.rule);
    CHECK(back.category == finding.category);
    CHECK(back.severity == finding.severity);
    CHECK(back.location.path == finding.location.path);
    CHECK(back.location.entry == finding.location.entry);
    CHECK(back.location.line == finding.location.line);
    CHECK(back.location.column == finding.location.column);
    CHECK(back.chat == finding.chat);
    CHECK(back.sender == finding.sender);
    CHECK(back.timestamp == finding.timestamp);
    CHECK(back.match == finding.match);
    CHECK(back.attachment == finding.attachment);
    CHECK(back.kind == finding.kind);
    CHECK(back.evidence == finding.evidence);
    CHECK(back.fingerprint == finding.fingerprint);
    CHECK(back.confidence == finding.confidence);
    CHECK(back.negated == finding.negated);
    CHECK(back.sender_is_owner == finding.sender_is_owner);
    CHECK(back.status == finding.status);
    CHECK_THROWS_AS(reader.number(), std::logic_error);  // nothing left
  }
}
