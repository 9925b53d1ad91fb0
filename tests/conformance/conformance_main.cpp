// Conformance harness: reads every export in a folder that has a reference output next to it
// (`<file><suffix>`, by default the whatsapp-chat-parser outputs `.expected-wcp.json`) the way
// `waudit scan` reads it, compares message by message, and fails on any difference that
// DIFFERENCES.md does not justify and on any justification that no longer applies. It also
// runs the built-in detectors and fails on findings in headers, notices or file names.
//
//   waudit_conformance [--root DIR] [--suffix SUFFIX] [--differences FILE] [--verbose]
//
// Without --root: $WAUDIT_CONFORMANCE_DIR, else the folder compiled in. Exit 0 on success,
// 1 on failure, kSkipped when the folder does not exist.
#include "comparison.hpp"
#include "differences.hpp"
#include "exported_chat.hpp"
#include "finding_check.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace fs = std::filesystem;
using namespace waudit::conformance;

namespace {

constexpr int kSkipped = 77;  // SKIP_RETURN_CODE in CMakeLists.txt

struct Options {
  fs::path root;
  std::string suffix = ".expected-wcp.json";
  std::optional<fs::path> differences;
  bool verbose = false;
};

struct Totals {
  std::size_t files = 0;
  std::size_t reference_messages = 0;
  std::size_t our_messages = 0;
  std::size_t identical = 0;
  std::size_t unexplained = 0;
  std::map<std::string, std::size_t> justified;  // by reason
};

std::optional<Options> parse_arguments(int argc, char** argv) {
  Options options;
  const char* from_environment = std::getenv("WAUDIT_CONFORMANCE_DIR");
  options.root = from_environment != nullptr && *from_environment != '\0'
                     ? fs::path(from_environment)
                     : fs::path(WAUDIT_CONFORMANCE_DEFAULT_DIR);
  for (int i = 1; i < argc; ++i) {
    const std::string_view argument = argv[i];
    const bool has_value = i + 1 < argc;
    if (argument == "--root" && has_value) {
      options.root = argv[++i];
    } else if (argument == "--suffix" && has_value) {
      options.suffix = argv[++i];
    } else if (argument == "--differences" && has_value) {
      options.differences = fs::path(argv[++i]);
    } else if (argument == "--verbose") {
      options.verbose = true;
    } else {
      fmt::print(stderr,
                 "usage: {} [--root DIR] [--suffix SUFFIX] [--differences FILE] "
                 "[--verbose]\n",
                 argv[0]);
      return std::nullopt;
    }
  }
  return options;
}

// Exports with a reference next to them, as paths relative to `root`, sorted.
std::vector<std::string> exports_under(const fs::path& root, std::string_view suffix) {
  std::vector<std::string> found;
  for (const auto& item : fs::recursive_directory_iterator(root)) {
    const std::string name = item.path().filename().string();
    if (!item.is_regular_file() || !name.ends_with(suffix)) {
      continue;
    }
    const fs::path data = item.path().parent_path() / name.substr(0, name.size() - suffix.size());
    if (fs::is_regular_file(data)) {
      found.push_back(fs::relative(data, root).generic_string());
    }
  }
  std::sort(found.begin(), found.end());
  return found;
}

// Records one difference: justified (counted by reason) or unexplained (printed as a row to
// add to DIFFERENCES.md, with both values).
void record(const std::string& file, const Difference& difference, DifferenceList& list,
            Totals& totals, bool verbose) {
  const auto reason = list.justify(file, difference.message, difference.field);
  if (reason) {
    ++totals.justified[*reason];
  } else {
    ++totals.unexplained;
  }
  if (!reason || verbose) {
    fmt::print("{} | `{}` | {} | {} | {}\n", reason ? "justified  " : "UNEXPLAINED", file,
               difference.message, difference.field, reason.value_or("?"));
    fmt::print("    expected: {}\n    actual:   {}\n", escape(difference.expected),
               escape(difference.actual));
  }
}

void check_file(const Options& options, const std::string& file, const FindingCheck& findings,
                DifferenceList& list, Totals& totals) {
  ++totals.files;
  const fs::path data = options.root / file;
  auto reference = load_reference(fs::path(data.string() + options.suffix));
  if (!reference) {
    record(file, Difference{0, "read", "a reference", reference.error()}, list, totals, true);
    return;
  }
  totals.reference_messages += reference->size();
  auto chat = read_export(data);
  if (!chat) {
    record(file, Difference{0, "read", "an export", chat.error()}, list, totals, true);
    return;
  }
  totals.our_messages += chat->messages.size();
  const Comparison comparison = compare(*reference, *chat);
  totals.identical += comparison.identical;
  for (const Difference& difference : comparison.differences) {
    record(file, difference, list, totals, options.verbose);
  }
  for (const Difference& difference : findings.check(*chat)) {
    record(file, difference, list, totals, options.verbose);
  }
}

}  // namespace

int main(int argc, char** argv) {
  const auto options = parse_arguments(argc, argv);
  if (!options) {
    return 1;
  }
  if (!fs::is_directory(options->root)) {
    fmt::print("skipped: conformance folder {} not found (set WAUDIT_CONFORMANCE_DIR)\n",
               options->root.string());
    return kSkipped;
  }
  DifferenceList list;
  if (options->differences) {
    auto loaded = DifferenceList::load(*options->differences);
    if (!loaded) {
      fmt::print("{}\n", loaded.error());
      return 1;
    }
    list = std::move(*loaded);
  }
  auto findings = FindingCheck::create();
  if (!findings) {
    fmt::print("cannot load the built-in rules: {}\n", findings.error());
    return 1;
  }
  Totals totals;
  for (const std::string& file : exports_under(options->root, options->suffix)) {
    check_file(*options, file, *findings, list, totals);
  }
  const std::vector<const Justification*> stale = list.stale();
  for (const Justification* row : stale) {
    fmt::print("STALE       {}:{}: `{}` | {} | {} | {} justifies no difference any more\n",
               options->differences->string(), row->line, row->file, row->message, row->field,
               row->reason);
  }
  std::size_t justified = 0;
  for (const auto& [reason, count] : totals.justified) {
    justified += count;
  }
  fmt::print("\nconformance: {}\n", options->root.string());
  fmt::print("  files {}, reference messages {}, waudit messages {}, identical {}\n", totals.files,
             totals.reference_messages, totals.our_messages, totals.identical);
  fmt::print("  justified differences {}\n", justified);
  for (const auto& [reason, count] : totals.justified) {
    fmt::print("    {:5}  {}\n", count, reason);
  }
  fmt::print("  unexplained differences {}, stale justifications {}\n", totals.unexplained,
             stale.size());
  if (totals.files == 0) {
    fmt::print("no exports with a reference ({}) found\n", options->suffix);
    return 1;
  }
  return totals.unexplained == 0 && stale.empty() ? 0 : 1;
}
