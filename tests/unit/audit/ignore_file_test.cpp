#include "audit/ignore_file.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

TEST_SUITE_BEGIN("audit");

namespace {

using waudit::audit::IgnoreFile;
using waudit::report::Finding;

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;

constexpr std::chrono::year_month_day kToday{year{2026}, month{3}, day{15}};

const std::string kA = "9f2c0a6e5b7d4c3a2f1e0d9c8b7a6f5e";
const std::string kB = "0c1d2e3f4a5b6c7d8e9fa0b1c2d3e4f5";
const std::string kC = "ffffffffffffffffffffffffffffffff";

IgnoreFile parse(std::string_view text) {
  auto file = IgnoreFile::parse(text, ".wauditignore", kToday);
  REQUIRE(file);
  return std::move(*file);
}

std::string error(std::string_view text) {
  auto file = IgnoreFile::parse(text, ".wauditignore", kToday);
  REQUIRE_FALSE(file);
  return file.error();
}

std::vector<Finding> findings(const std::vector<std::string>& fingerprints) {
  std::vector<Finding> all;
  for (const std::string& fingerprint : fingerprints) {
    Finding finding;
    finding.rule = "iban";
    finding.fingerprint = fingerprint;
    all.push_back(finding);
  }
  return all;
}

std::vector<std::string> fingerprints(const std::vector<Finding>& all) {
  std::vector<std::string> out;
  for (const Finding& finding : all) {
    out.push_back(finding.fingerprint);
  }
  return out;
}

}  // namespace

TEST_CASE("audit::IgnoreFile drops the findings it names and counts them") {
  IgnoreFile file = parse("# accepted findings\n" + kA +
                          " 2027-01-31 company's own IBAN on invoices\n"
                          "\n"
                          "   \t\n" +
                          kB + "\ttest data # from the training chat\n");
  CHECK(file.warnings().empty());
  std::vector<Finding> first = findings({kA, kC, kA});
  CHECK(file.drop(first) == 2);
  CHECK(fingerprints(first) == std::vector<std::string>{kC});
  std::vector<Finding> second = findings({kB});
  CHECK(file.drop(second) == 1);
  CHECK(second.empty());
  CHECK(file.dropped() == 3);
  CHECK(file.unmatched().empty());
}

TEST_CASE("audit::IgnoreFile reads fingerprints in any case and lines ending in CR LF") {
  std::string upper = kA;
  for (char& c : upper) {
    c = static_cast<char>(c >= 'a' && c <= 'f' ? c - 'a' + 'A' : c);
  }
  IgnoreFile file = parse("\xEF\xBB\xBF" + upper + " reason\r\n");
  std::vector<Finding> all = findings({kA});
  CHECK(file.drop(all) == 1);
}

TEST_CASE("audit::IgnoreFile warns about entries that match no finding") {
  IgnoreFile file = parse(kA + " one\n" + kB + " two\n" + kC + " three\n");
  std::vector<Finding> all = findings({kB});
  file.drop(all);
  CHECK(file.unmatched() ==
        std::vector<std::string>{".wauditignore:1: entry matches no finding of this scan",
                                 ".wauditignore:3: entry matches no finding of this scan"});
}

TEST_CASE("audit::IgnoreFile applies an entry through its expiry date and warns after it") {
  IgnoreFile file = parse(kA + " 2026-03-14 expired yesterday\n" + kB +
                          " 2026-03-15 expires today\n" + kC + " 2026-03-16 expires tomorrow\n");
  CHECK(file.warnings() ==
        std::vector<std::string>{
            ".wauditignore:1: entry expired on 2026-03-14 and no longer applies"});
  std::vector<Finding> all = findings({kA, kB, kC});
  CHECK(file.drop(all) == 2);
  CHECK(fingerprints(all) == std::vector<std::string>{kA});
  CHECK(file.unmatched().empty());  // an expired entry is warned about once
}

TEST_CASE("audit::IgnoreFile warns about a repeated fingerprint") {
  IgnoreFile file = parse(kA + " first\n" + kA + " again\n");
  CHECK(file.warnings() ==
        std::vector<std::string>{".wauditignore:2: repeats the entry of line 1"});
}

TEST_CASE("audit::IgnoreFile names the file and line of a malformed entry") {
  CHECK(error("# ok\n9f2c reason\n") ==
        ".wauditignore:2: expected a fingerprint (32 hexadecimal digits) at the start");
  CHECK(error(kA.substr(1) + "g reason\n") ==
        ".wauditignore:1: expected a fingerprint (32 hexadecimal digits) at the start");
  CHECK(error(kA + "\n") == ".wauditignore:1: a reason is required");
  CHECK(error(kA + " 2027-01-31\n") == ".wauditignore:1: a reason is required");
  CHECK(error(kA + " 2027-02-30 reason\n") ==
        ".wauditignore:1: the expiry date is not a valid YYYY-MM-DD date");
  CHECK(error(kA + " 2027-1-31 reason\n") ==
        ".wauditignore:1: the expiry date is not a valid YYYY-MM-DD date");
  CHECK(error("reason first " + kA + "\n") ==
        ".wauditignore:1: expected a fingerprint (32 hexadecimal digits) at the start");
}

TEST_CASE("audit::IgnoreFile takes a reason that starts with digits as a reason") {
  IgnoreFile file = parse(kA + " 2027 invoices carry our own IBAN\n");
  CHECK(file.warnings().empty());
  std::vector<Finding> all = findings({kA});
  CHECK(file.drop(all) == 1);
}

TEST_SUITE_END();
