#include "report/text_sink.hpp"

#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

TEST_SUITE_BEGIN("report");

TEST_CASE("report::TextSink groups findings by input and chat") {
  std::ostringstream out;
  waudit::report::TextSink sink(out);
  waudit::report::Finding finding;
  finding.rule = "iban";
  finding.severity = waudit::rules::Severity::high;
  finding.location = {"chat.zip", "_chat.txt", 4, 12};
  finding.chat = "Team";
  finding.sender = "Ann";
  finding.timestamp = "2023-04-18T09:41:07";
  finding.match = "GB82 **** **** **** **54 32";
  finding.attachment = "00000004-PHOTO.jpg";
  waudit::report::InputReport input;
  input.path = "chat.zip";
  input.kind = "zip";
  input.chats = 1;
  input.messages = 20;
  input.errors = {"chat.zip: x: broken"};
  input.date_order = "mdy";
  input.date_order_assumed = true;
  sink.input(input);
  sink.findings(std::span(&finding, 1));
  sink.finish({1, {{"iban", 1}}, {{"high", 1}}, 1});
  CHECK(out.str() ==
        "chat.zip [zip]: 1 chat, 20 messages, dates mdy (assumed)\n"
        "  error: chat.zip: x: broken\n"
        "  chat \"Team\" in _chat.txt\n"
        "    4:12      high     iban          GB82 **** **** **** **54 32  (Ann, "
        "2023-04-18T09:41:07)  [attachment 00000004-PHOTO.jpg]\n"
        "\n"
        "1 finding (1 iban), 1 error\n");
}

TEST_CASE("report::TextSink colours severities only when asked, padding outside the codes") {
  waudit::report::Finding finding;
  finding.rule = "iban";
  finding.severity = waudit::rules::Severity::high;
  finding.location = {"chat.txt", std::nullopt, 4, 12};
  finding.chat = "Team";
  finding.match = "GB82 **** **** **** **54 32";
  waudit::report::InputReport input;
  input.path = "chat.txt";
  input.kind = "txt";
  for (const auto color : {waudit::report::Color::off, waudit::report::Color::on}) {
    std::ostringstream out;
    waudit::report::TextSink sink(out, color);
    sink.input(input);
    sink.findings(std::span(&finding, 1));
    sink.finish({1, {{"iban", 1}}, {{"high", 1}}, 0, 2});
    const std::string severity =
        color == waudit::report::Color::on ? "\x1b[31mhigh\x1b[0m    " : "high    ";
    const std::string line =
        "    4:12      " + severity + " iban          GB82 **** **** **** **54 32\n";
    CHECK(out.str() == "chat.txt [txt]: 0 chats, 0 messages\n  chat \"Team\"\n" + line +
                           "\n1 finding (1 iban), 2 allowlisted, 0 errors\n");
  }
}

TEST_CASE("report::TextSink marks new findings and lists the fixed ones per path") {
  std::ostringstream out;
  waudit::report::TextSink sink(out);
  waudit::report::Finding finding;
  finding.rule = "iban";
  finding.severity = waudit::rules::Severity::high;
  finding.location = {"b.txt", std::nullopt, 4, 12};
  finding.chat = "Team";
  finding.match = "GB82 **** **** **** **54 32";
  finding.status = waudit::report::Status::new_;
  auto existing = finding;
  existing.location.line = 9;
  existing.status = waudit::report::Status::existing;
  const std::vector<waudit::report::Finding> findings{finding, existing};
  auto gone_a = finding;
  gone_a.location.path = "a.txt";
  gone_a.status = waudit::report::Status::fixed;
  auto gone_b = finding;
  gone_b.location.line = 2;
  gone_b.status = waudit::report::Status::fixed;
  const std::vector<waudit::report::Finding> fixed{gone_a, gone_b};
  waudit::report::InputReport input;
  input.path = "b.txt";
  input.kind = "txt";
  input.chats = 1;
  input.messages = 20;
  sink.input(input);
  sink.findings(findings);
  sink.fixed(fixed);
  waudit::report::Summary summary;
  summary.findings = 2;
  summary.by_rule = {{"iban", 2}};
  summary.baseline = waudit::report::BaselineCounts{1, 1, 2};
  summary.ignored = 3;
  sink.finish(summary);
  CHECK(out.str() ==
        "b.txt [txt]: 1 chat, 20 messages\n"
        "  chat \"Team\"\n"
        "    4:12      high     iban          GB82 **** **** **** **54 32  [new]\n"
        "    9:12      high     iban          GB82 **** **** **** **54 32\n"
        "\n"
        "Fixed since the baseline: a.txt\n"
        "  chat \"Team\"\n"
        "    4:12      high     iban          GB82 **** **** **** **54 32\n"
        "\n"
        "Fixed since the baseline: b.txt\n"
        "  chat \"Team\"\n"
        "    2:12      high     iban          GB82 **** **** **** **54 32\n"
        "\n"
        "2 findings (2 iban), 1 new, 1 existing, 2 fixed, 3 ignored, 0 errors\n");
}

TEST_SUITE_END();
