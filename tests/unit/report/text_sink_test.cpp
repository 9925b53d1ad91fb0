#include "report/text_sink.hpp"

#include <doctest/doctest.h>

#include <sstream>

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
  sink.input(input, std::span(&finding, 1));
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

TEST_SUITE_END();
