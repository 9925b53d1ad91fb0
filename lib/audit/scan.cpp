// `waudit scan`, top-down: each step is one call, in the order the data flows.
#include "audit/scan.hpp"

#include "audit/backup_scan.hpp"
#include "audit/comparison.hpp"
#include "audit/input_scan.hpp"
#include "audit/output_file.hpp"
#include "audit/parallel_scan.hpp"
#include "audit/progress.hpp"
#include "chat/time_zone.hpp"
#include "input/discover.hpp"
#include "report/fingerprint.hpp"
#include "report/json_sink.hpp"
#include "report/jsonl_sink.hpp"
#include "report/sarif_sink.hpp"
#include "report/tee_sink.hpp"
#include "report/text_sink.hpp"
#include "report/xlsx_sink.hpp"
#include "rules/rule_pack.hpp"
#include "text/value_normalize.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <memory>
#include <numeric>
#include <ostream>
#include <set>
#include <stdexcept>
#include <system_error>
#include <thread>

namespace waudit::audit {
namespace {

// Built-in rules, then the --rules packs, then the configuration's rule settings.
detect::Detector load_detector(const ScanRequest& request) {
  auto rules = rules::load_builtin_rules();
  if (!rules) {
    throw std::runtime_error(rules.error());
  }
  for (const std::filesystem::path& path : request.rule_files) {
    auto extra = rules::load_rule_file(path);
    if (!extra) {
      throw std::runtime_error(extra.error());
    }
    rules::merge_rules(*rules, std::move(*extra));
  }
  if (auto applied = config::apply_rule_settings(request.rule_settings, *rules); !applied) {
    throw std::runtime_error(applied.error());
  }
  auto detector =
      detect::Detector::create(std::move(*rules), request.allowed_values, request.min_confidence);
  if (!detector) {
    throw std::runtime_error(detector.error());
  }
  return std::move(*detector);
}

std::string fingerprint_key(const ScanRequest& request) {
  if (request.fingerprint_key_file) {
    std::ifstream file(*request.fingerprint_key_file, std::ios::binary);
    std::string key((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    while (!key.empty() && (key.back() == '\n' || key.back() == '\r')) {
      key.pop_back();
    }
    if (!file.good() && !file.eof()) {
      key.clear();
    }
    if (key.empty()) {
      throw std::runtime_error(fmt::format("{}: cannot read fingerprint key (empty or unreadable)",
                                           request.fingerprint_key_file->string()));
    }
    return key;
  }
  const char* from_environment = std::getenv("WAUDIT_FINGERPRINT_KEY");
  if (from_environment != nullptr && *from_environment != '\0') {
    return from_environment;
  }
  return std::string(report::kDefaultFingerprintKey);
}

std::unique_ptr<report::Sink> make_sink(OutputFormat format, std::ostream& out,
                                        report::CsvDialect dialect, report::Color color,
                                        report::StatusColumn status) {
  switch (format) {
    case OutputFormat::json:
      return std::make_unique<report::JsonSink>(out, WAUDIT_VERSION);
    case OutputFormat::jsonl:
      return std::make_unique<report::JsonlSink>(out);
    case OutputFormat::csv:
      return std::make_unique<report::CsvSink>(out, dialect, status);
    case OutputFormat::sarif:
      return std::make_unique<report::SarifSink>(out, WAUDIT_VERSION);
    case OutputFormat::xlsx:  // made by make_workbook_sink: it needs a file name
    case OutputFormat::text:
      break;
  }
  return std::make_unique<report::TextSink>(out, color);
}

// libxlsxwriter writes a workbook to a file name, never to a stream: to the temporary file of
// the report, which is renamed into place like any other.
std::unique_ptr<report::Sink> make_workbook_sink(const ScanRequest::Output& output,
                                                 const OutputFile* file,
                                                 report::StatusColumn status) {
  if (file == nullptr || !output.path) {
    throw std::runtime_error(
        "an XLSX report cannot go to standard output; name a file with --output FILE");
  }
  return std::make_unique<report::XlsxSink>(file->path(), output.path->string(), status);
}

// The report destinations, opened before any work so that an unwritable path fails first.
struct Destinations {
  std::vector<std::unique_ptr<OutputFile>> files;
  std::unique_ptr<report::Sink> sink;
};

Destinations open_destinations(const ScanRequest& request, std::ostream& out) {
  Destinations destinations;
  std::vector<std::unique_ptr<report::Sink>> sinks;
  for (const ScanRequest::Output& output : request.outputs) {
    std::ostream* stream = &out;
    const OutputFile* file = nullptr;
    if (output.path) {
      destinations.files.push_back(std::make_unique<OutputFile>(*output.path));
      stream = &destinations.files.back()->stream();
      file = destinations.files.back().get();
    }
    const auto status = request.baseline ? report::StatusColumn::yes : report::StatusColumn::no;
    if (output.format == OutputFormat::xlsx) {
      sinks.push_back(make_workbook_sink(output, file, status));
    } else {
      // Colour only on standard output: a report file is read later, elsewhere.
      const report::Color color = output.path ? report::Color::off : request.color;
      sinks.push_back(make_sink(output.format, *stream, request.csv_dialect, color, status));
    }
  }
  destinations.sink = std::make_unique<report::TeeSink>(std::move(sinks));
  return destinations;
}

// What an input adds to the summary besides its findings: its errors, once.
void count_input(report::Summary& summary, const InputResult& result) {
  summary.errors += result.report.errors.size();
  if (summary.allowlisted) {
    *summary.allowlisted += result.allowlisted;
  }
}

void count(report::Summary& summary, const std::vector<report::Finding>& batch) {
  for (const report::Finding& finding : batch) {
    ++summary.findings;
    ++summary.by_rule[finding.rule];
    ++summary.by_severity[std::string(rules::to_string(finding.severity))];
  }
}

// Paths that named nothing usable still appear in the report, with their error.
InputResult unusable_input(const Origin& origin, const Problem& problem, Diagnostics& diagnostics) {
  InputResult result;
  result.report.path = origin.path;
  result.report.kind = "none";
  result.report.errors.push_back(diagnostics.report(origin, problem));
  return result;
}

// The company's side of the chats (configuration `owners`), compared after normalisation, so
// that "Bäckerei Müller" and "bäckerei müller" or two spellings of a number are one sender.
class Owners {
 public:
  explicit Owners(const std::vector<std::string>& names) : configured_(!names.empty()) {
    for (const std::string& name : names) {
      names_.insert(text::normalize_value(name));
    }
  }

  void mark(std::vector<report::Finding>& findings) const {
    if (!configured_) {
      return;
    }
    for (report::Finding& finding : findings) {
      finding.sender_is_owner =
          finding.sender.has_value() && names_.contains(text::normalize_value(*finding.sender));
    }
  }

 private:
  bool configured_;
  std::set<std::string, std::less<>> names_;
};

// The summary before the first input: it counts allowlisted findings when there is a list.
report::Summary empty_summary(const ScanRequest& request) {
  report::Summary summary;
  if (!request.allowed_values.empty()) {
    summary.allowlisted = 0;
  }
  return summary;
}

// Input sizes for the progress line (0 for a file that vanished); none are needed without it.
std::vector<std::uint64_t> input_sizes(const std::vector<input::InputFile>& files,
                                       ShowProgress progress) {
  std::vector<std::uint64_t> sizes(files.size(), 0);
  for (std::size_t i = 0; progress == ShowProgress::yes && i < files.size(); ++i) {
    std::error_code error;
    const std::uintmax_t size = std::filesystem::file_size(files[i].path, error);
    sizes[i] = error ? 0 : static_cast<std::uint64_t>(size);
  }
  return sizes;
}

ProgressCounts totals(const std::vector<std::uint64_t>& sizes) {
  return {0, sizes.size(), 0, std::accumulate(sizes.begin(), sizes.end(), std::uint64_t{0})};
}

unsigned job_count(unsigned requested) {
  return requested > 0 ? requested : std::max(1U, std::thread::hardware_concurrency());
}

ExitCode exit_code(const report::Summary& summary, std::optional<rules::Severity> highest,
                   std::optional<rules::Severity> fail_on) {
  if (summary.errors > 0) {
    return ExitCode::error;  // an incomplete scan is not a clean one, findings or not
  }
  const bool failing = fail_on && highest && *highest >= *fail_on;
  return failing ? ExitCode::findings : ExitCode::clean;
}

}  // namespace

ExitCode scan(const ScanRequest& given, std::ostream& out, std::ostream& errors) {
  ScanRequest request = given;
  request.fingerprint_key = fingerprint_key(given);
  request.backup_keys = load_backup_keys(given);
  // Backups store UTC: for the whole run, local times are those of --timezone. Set before any
  // input thread starts, and only here (chat/time_zone.hpp).
  const chat::ZoneScope zone(request.timezone);
  // Rules first: a broken pack stops the run before any input is read.
  const detect::Detector detector = load_detector(request);
  // What the findings are compared with, an earlier report (--baseline) and the accepted
  // findings (.wauditignore): a bad file too stops the run before any input is read.
  Comparison comparison(request, errors);
  // The report's destinations next, so an unwritable path fails before the work is done.
  Destinations destinations = open_destinations(request, out);
  report::Sink& sink = *destinations.sink;
  // Reports that describe every rule (SARIF) get them before the first input.
  sink.rules(detector.rules());

  Diagnostics diagnostics(errors);
  const input::Discovery discovery = input::discover(request.paths);
  report::Summary summary = empty_summary(request);
  std::optional<rules::Severity> highest;
  const Owners owners(request.owners);
  // An input's findings go to the report in sorted batches, each marked, compared and counted
  // on its own, so that no step needs all of them at once.
  auto publish_batch = [&](std::vector<report::Finding>& batch) {
    owners.mark(batch);
    comparison.apply(batch, summary);
    count(summary, batch);
    for (const report::Finding& finding : batch) {
      if (finding.status != report::Status::existing) {  // with a baseline, new ones fail
        highest = std::max(highest.value_or(finding.severity), finding.severity);
      }
    }
    sink.findings(batch);
  };
  auto publish = [&](InputResult& result) {
    count_input(summary, result);
    sink.input(result.report);
    result.findings.drain(publish_batch);  // sorted batches (report/finding_list.hpp)
  };
  for (const auto& [origin, problem] : discovery.problems) {
    InputResult unusable = unusable_input(origin, problem, diagnostics);
    publish(unusable);
  }
  // Inputs on --jobs threads, each read as a stream, published in input order: memory stays
  // bounded by a few inputs' findings, and the output does not depend on the thread count.
  // While the progress line is shown, what is published is written with the line taken away.
  const std::vector<std::uint64_t> sizes = input_sizes(discovery.files, request.progress);
  ProgressLine progress(errors, totals(sizes), request.progress);
  std::size_t next = 0;
  scan_in_parallel(discovery.files, detector, request, job_count(request.jobs),
                   [&](ScannedInput&& scanned) {
                     progress.publish(sizes[next++], [&] {
                       errors << scanned.error_lines << std::flush;
                       publish(scanned.result);
                       out.flush();  // a text report's lines, before the line is redrawn
                     });
                   });
  progress.stop();
  comparison.finish(sink, summary);
  sink.finish(summary);
  for (const auto& file : destinations.files) {
    file->commit();
  }
  return exit_code(summary, highest, request.fail_on);
}

}  // namespace waudit::audit
