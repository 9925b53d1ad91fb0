#include "audit/pending_findings.hpp"

#include "report/finding_record.hpp"

namespace waudit::audit {
namespace {

using report::RecordReader;
using report::RecordWriter;

// Written time: present flag, then day/month/year fields as written and the time of day.
void write_pending(const PendingFinding& pending, std::string& record, report::SpillFile& spill) {
  record.clear();
  RecordWriter writer(record);
  writer.finding(pending.finding);
  writer.text(pending.normalized);
  writer.number(pending.written_time ? 1 : 0);
  if (pending.written_time) {
    const auto& [date, time] = *pending.written_time;
    for (const int field :
         {date.first, date.second, date.third, time.hour, time.minute, time.second}) {
      writer.number(static_cast<std::uint64_t>(static_cast<std::int64_t>(field)));
    }
  }
  spill.append_record(record);
}

int read_field(RecordReader& reader) {
  return static_cast<int>(static_cast<std::int64_t>(reader.number()));
}

PendingFinding read_pending(std::string_view record) {
  RecordReader reader(record);
  PendingFinding pending;
  pending.finding = reader.finding();
  pending.normalized = reader.text();
  if (reader.number() != 0) {
    chat::DateFields date;
    chat::TimeOfDay time;
    date.first = read_field(reader);
    date.second = read_field(reader);
    date.third = read_field(reader);
    time.hour = read_field(reader);
    time.minute = read_field(reader);
    time.second = read_field(reader);
    pending.written_time = std::pair{date, time};
  }
  return pending;
}

}  // namespace

void PendingFindings::add(PendingFinding pending) {
  memory_.push_back(std::move(pending));
  if (memory_.size() >= in_memory_) {
    spill();
  }
}

void PendingFindings::spill() {
  if (!spill_) {
    spill_.emplace();
  }
  std::string record;
  for (const PendingFinding& pending : memory_) {
    write_pending(pending, record, *spill_);
  }
  memory_.clear();
}

void PendingFindings::drain(const std::function<void(PendingFinding&)>& take) {
  if (spill_) {
    report::FrameReader frames(*spill_, 0, spill_->size());
    while (const std::optional<std::string_view> record = frames.next()) {
      PendingFinding pending = read_pending(*record);
      take(pending);
    }
    spill_.reset();
  }
  for (PendingFinding& pending : memory_) {
    take(pending);
  }
  memory_.clear();
}

}  // namespace waudit::audit
