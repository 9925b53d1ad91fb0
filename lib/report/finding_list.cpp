#include "report/finding_list.hpp"

#include "report/finding_record.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace waudit::report {
namespace {

// Runs merged at once. With more, the first ones are merged into one run first, so that a
// merge never holds more than this many read buffers.
constexpr std::size_t kMaxMergedRuns = 64;

// A finding as one record of the file; `record` is reused between calls.
void append_finding(const Finding& finding, std::string& record, SpillFile& spill) {
  record.clear();
  RecordWriter(record).finding(finding);
  spill.append_record(record);
}

}  // namespace

// Reads one run back, finding by finding.
class FindingList::RunReader {
 public:
  RunReader(SpillFile& spill, const Run& run)
      : frames_(spill, run.offset, run.offset + run.bytes) {}

  // The run's next finding; nullopt after its last.
  std::optional<Finding> next() {
    const std::optional<std::string_view> record = frames_.next();
    return record ? std::optional<Finding>(RecordReader(*record).finding()) : std::nullopt;
  }

 private:
  FrameReader frames_;
};

namespace {

// The next finding of each run being merged; the heap's top is the one that goes first.
struct Head {
  Finding finding;
  std::size_t run = 0;
};

// Equal findings leave in the order of their runs, which is the order they were added.
struct GoesAfter {
  bool operator()(const Head& a, const Head& b) const {
    if (comes_before(b.finding, a.finding)) {
      return true;
    }
    return !comes_before(a.finding, b.finding) && a.run > b.run;
  }
};

// Calls emit(finding, run) for every finding of the runs, in order.
template <typename Reader, typename Emit>
void merge(std::vector<Reader>& readers, const Emit& emit) {
  std::vector<Head> heads;  // a heap: std::pop_heap moves the first to go to the back
  for (std::size_t run = 0; run < readers.size(); ++run) {
    if (auto first = readers[run].next()) {
      heads.push_back(Head{std::move(*first), run});
      std::push_heap(heads.begin(), heads.end(), GoesAfter{});
    }
  }
  while (!heads.empty()) {
    std::pop_heap(heads.begin(), heads.end(), GoesAfter{});
    Head head = std::move(heads.back());
    heads.pop_back();
    if (auto following = readers[head.run].next()) {
      heads.push_back(Head{std::move(*following), head.run});
      std::push_heap(heads.begin(), heads.end(), GoesAfter{});
    }
    emit(std::move(head.finding), head.run);
  }
}

}  // namespace

FindingList::FindingList(std::size_t batch) : batch_(std::max<std::size_t>(batch, 1)) {}

void FindingList::add(Finding finding) {
  memory_.push_back(std::move(finding));
  if (memory_.size() >= batch_) {
    write_run();
  }
}

void FindingList::remove_if(std::function<bool(const Finding&)> drop) {
  std::erase_if(memory_, drop);
  if (!runs_.empty()) {
    drops_.push_back(Drop{std::move(drop), runs_.size()});
  }
}

bool FindingList::dropped(const Finding& finding, std::size_t run) const {
  return std::any_of(drops_.begin(), drops_.end(),
                     [&](const Drop& drop) { return run < drop.runs && drop.matches(finding); });
}

void FindingList::write_run() {
  if (!spill_) {
    spill_.emplace();
  }
  sort_findings(memory_);
  Run run{spill_->size(), 0};
  std::string record;
  for (const Finding& finding : memory_) {
    append_finding(finding, record, *spill_);
  }
  run.bytes = spill_->size() - run.offset;
  runs_.push_back(run);
  memory_.clear();
}

// Merges runs [0, count) into one new run at the end of the file, which takes their place.
void FindingList::merge_first_runs(std::size_t count) {
  std::vector<RunReader> readers;
  for (std::size_t i = 0; i < count; ++i) {
    readers.emplace_back(*spill_, runs_[i]);
  }
  Run merged{spill_->size(), 0};
  std::string record;
  merge(readers, [&](Finding&& finding, std::size_t run) {
    if (!dropped(finding, run)) {
      append_finding(finding, record, *spill_);
    }
  });
  merged.bytes = spill_->size() - merged.offset;
  runs_.erase(runs_.begin(), runs_.begin() + static_cast<std::ptrdiff_t>(count));
  runs_.insert(runs_.begin(), merged);
  // The merged run is run 0; what the drops removed from it is gone already.
  for (Drop& drop : drops_) {
    drop.runs = drop.runs > count ? drop.runs - count + 1 : 0;
  }
}

void FindingList::drain(const std::function<void(std::vector<Finding>&)>& take) {
  std::vector<Finding> batch;
  auto emit = [&](Finding&& finding, std::size_t run) {
    if (!dropped(finding, run)) {
      batch.push_back(std::move(finding));
    }
    if (batch.size() >= batch_) {
      take(batch);
      batch.clear();
    }
  };
  if (!spill_) {
    sort_findings(memory_);
    for (Finding& finding : memory_) {
      emit(std::move(finding), runs_.size());  // drops were applied to them at once
    }
  } else {
    if (!memory_.empty()) {
      write_run();
    }
    while (runs_.size() > kMaxMergedRuns) {
      merge_first_runs(kMaxMergedRuns);
    }
    std::vector<RunReader> readers;
    for (const Run& run : runs_) {
      readers.emplace_back(*spill_, run);
    }
    merge(readers, emit);
  }
  if (!batch.empty()) {
    take(batch);
  }
  memory_.clear();
  runs_.clear();
  drops_.clear();
  spill_.reset();
}

}  // namespace waudit::report
