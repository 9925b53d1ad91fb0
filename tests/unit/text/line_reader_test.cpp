#include "text/line_reader.hpp"

#include "../string_source.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace {

struct ReadLine {
  std::string text;
  std::uint64_t number;
  bool crlf;
  bool truncated;
};

std::vector<ReadLine> read_all(const std::string& content, std::size_t max_line = 1 << 20,
                               std::size_t piece = 3) {
  StringSource source(content, piece);
  waudit::text::LineReader reader(source, max_line);
  std::vector<ReadLine> lines;
  while (auto line = reader.next()) {
    if (!*line) {
      break;
    }
    lines.push_back({std::string((*line)->text), (*line)->number, (*line)->ended_with_crlf,
                     (*line)->truncated});
  }
  return lines;
}

}  // namespace

TEST_SUITE_BEGIN("text");

TEST_CASE("text::LineReader splits LF and CR LF lines and numbers them") {
  const auto lines = read_all("one\r\ntwo\nthree");
  REQUIRE(lines.size() == 3);
  CHECK(lines[0].text == "one");
  CHECK(lines[0].crlf);
  CHECK(lines[1].text == "two");
  CHECK_FALSE(lines[1].crlf);
  CHECK(lines[2].text == "three");
  CHECK(lines[2].number == 3);
}

TEST_CASE("text::LineReader keeps empty lines and ignores a final newline") {
  const auto lines = read_all("a\n\nb\n");
  REQUIRE(lines.size() == 3);
  CHECK(lines[1].text.empty());
  CHECK(read_all("").empty());
}

TEST_CASE("text::LineReader cuts an overlong line and goes on with the next") {
  const std::string content = std::string(100, 'x') + "\nnext\n";
  const auto lines = read_all(content, 10, 7);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].text == std::string(10, 'x'));
  CHECK(lines[0].truncated);
  CHECK(lines[1].text == "next");
  CHECK(lines[1].number == 2);
  CHECK_FALSE(lines[1].truncated);
}

TEST_CASE("text::LineReader reads a stream much larger than its buffer") {
  std::string content;
  for (int i = 0; i < 20000; ++i) {
    content += "line " + std::to_string(i) + "\n";
  }
  const auto lines = read_all(content, 64, 4096);
  REQUIRE(lines.size() == 20000);
  CHECK(lines[19999].text == "line 19999");
}

TEST_SUITE_END();
