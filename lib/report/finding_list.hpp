// The findings of one input, handed out sorted, in memory that does not grow with their
// number. Up to a limit they stay in memory; past it, each full batch is sorted and written to
// a SpillFile as a "run", and reading merges the runs (an external merge sort). A 1 GB export
// with 600,000 findings thus holds a few thousand at a time.
#pragma once

#include "report/finding.hpp"
#include "report/spill_file.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace waudit::report {

class FindingList {
 public:
  // Findings kept in memory before a run is written; also the size of the batches handed out.
  static constexpr std::size_t kDefaultBatch = 4096;

  explicit FindingList(std::size_t batch = kDefaultBatch);

  void add(Finding finding);

  // Leaves out the findings `drop` says, those added so far and (when read) those already
  // written to disk. `drop` is kept until then, so it must own what it looks at.
  void remove_if(std::function<bool(const Finding&)> drop);

  // Hands every finding to `take`, in the order of sort_findings (equal ones in the order
  // they were added), in batches of at most the batch size; the list is empty afterwards.
  void drain(const std::function<void(std::vector<Finding>&)>& take);

 private:
  struct Run {
    std::uint64_t offset = 0;  // in spill_
    std::uint64_t bytes = 0;
  };
  class RunReader;

  // A remove_if call, for the runs that were on disk when it was made.
  struct Drop {
    std::function<bool(const Finding&)> matches;
    std::size_t runs = 0;  // it applies to runs [0, runs)
  };

  void write_run();
  void merge_first_runs(std::size_t count);
  bool dropped(const Finding& finding, std::size_t run) const;

  std::size_t batch_;
  std::vector<Finding> memory_;
  std::optional<SpillFile> spill_;
  std::vector<Run> runs_;  // in the order their findings were added
  std::vector<Drop> drops_;
};

}  // namespace waudit::report
