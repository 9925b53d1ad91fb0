#include "audit/comparison.hpp"

#include <ostream>

namespace waudit::audit {
namespace {

// The counts a compared scan reports, zero until something is counted.
report::BaselineCounts& baseline_counts(report::Summary& summary) {
  return summary.baseline ? *summary.baseline : summary.baseline.emplace();
}

}  // namespace

Comparison::Comparison(const ScanRequest& request, std::ostream& errors)
    : errors_(errors),
      verbosity_(request.verbosity),
      baseline_(load_baseline(request)),
      ignore_file_(load_ignore_file(request.ignore_file)) {
  if (ignore_file_) {
    warn(ignore_file_->warnings());
  }
}

void Comparison::apply(std::vector<report::Finding>& findings, report::Summary& summary) {
  if (baseline_) {
    baseline_->mark(findings);
  }
  if (ignore_file_) {
    ignore_file_->drop(findings);
  }
  if (baseline_) {
    report::BaselineCounts& counts = baseline_counts(summary);
    for (const report::Finding& finding : findings) {
      ++(finding.status == report::Status::new_ ? counts.new_ : counts.existing);
    }
  }
}

void Comparison::finish(report::Sink& sink, report::Summary& summary) {
  if (baseline_) {
    const std::vector<report::Finding> fixed = baseline_->fixed();
    baseline_counts(summary).fixed = fixed.size();
    sink.fixed(fixed);
  }
  if (ignore_file_) {
    summary.ignored = ignore_file_->dropped();
    warn(ignore_file_->unmatched());
  }
  if (baseline_) {
    if (const std::optional<std::string> warning = baseline_->key_warning()) {
      warn({*warning});
    }
  }
}

// Warnings never change the exit code; --quiet leaves them out.
void Comparison::warn(const std::vector<std::string>& warnings) {
  if (verbosity_ == Verbosity::quiet) {
    return;
  }
  for (const std::string& warning : warnings) {
    errors_ << "waudit: warning: " << warning << '\n';
  }
  errors_ << std::flush;
}

}  // namespace waudit::audit
