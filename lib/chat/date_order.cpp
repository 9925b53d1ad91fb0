// Deciding day-first versus month-first per file (export-formats.md section 6). Proofs (a
// field that cannot be a month) outweigh the backward-jump heuristic. When proofs conflict,
// which happens only in hand-edited or concatenated files, the side with more proofs wins but
// the decision is reported as assumed: no single reading fits the whole file.
#include "chat/date_order.hpp"

#include <array>

namespace waudit::chat {
namespace {

constexpr int kMonths = 12;

// WhatsApp exists since 2009, so a two-digit year is 20yy.
int full_year(int year) {
  return year < 100 ? 2000 + year : year;
}

struct YearMonthDay {
  int year = 0;
  int month = 0;
  int day = 0;
};

YearMonthDay arrange(const DateFields& date, DateOrder order) {
  switch (order) {
    case DateOrder::mdy:
      return {full_year(date.third), date.first, date.second};
    case DateOrder::ymd:
      return {full_year(date.first), date.second, date.third};
    case DateOrder::dmy:
      break;
  }
  return {full_year(date.third), date.second, date.first};
}

// Counts a jump when this date lies more than a day before the previous one read the same way;
// dates that are no calendar day under `order` are skipped.
void track(const DateFields& date, DateOrder order, std::optional<long>& last,
           std::uint64_t& jumps) {
  const YearMonthDay day = arrange(date, order);
  if (!is_valid_date(day.year, day.month, day.day)) {
    return;
  }
  const long now = days_since_epoch(day.year, day.month, day.day);
  if (last && now < *last - 1) {
    ++jumps;
  }
  last = now;
}

}  // namespace

std::string_view to_string(DateOrder order) {
  switch (order) {
    case DateOrder::mdy:
      return "mdy";
    case DateOrder::ymd:
      return "ymd";
    case DateOrder::dmy:
      break;
  }
  return "dmy";
}

std::optional<DateOrder> parse_date_order(std::string_view text) {
  for (const DateOrder order : {DateOrder::dmy, DateOrder::mdy, DateOrder::ymd}) {
    if (text == to_string(order)) {
      return order;
    }
  }
  return std::nullopt;
}

void DateOrderEvidence::add(const DateFields& date) {
  if (date.first >= 100) {
    ++year_first_proofs_;
    return;
  }
  if (date.first > kMonths) {
    ++day_first_proofs_;
  }
  if (date.second > kMonths) {
    ++month_first_proofs_;
  }
  track(date, DateOrder::dmy, last_dmy_, dmy_backward_jumps_);
  track(date, DateOrder::mdy, last_mdy_, mdy_backward_jumps_);
}

DateOrderDecision DateOrderEvidence::decide() const {
  const std::array<std::pair<DateOrder, std::uint64_t>, 3> proofs{{
      {DateOrder::dmy, day_first_proofs_},
      {DateOrder::mdy, month_first_proofs_},
      {DateOrder::ymd, year_first_proofs_},
  }};
  const auto* best = &proofs[0];
  int sides_with_proofs = 0;
  bool tied = false;
  for (const auto& side : proofs) {
    sides_with_proofs += side.second > 0 ? 1 : 0;
    if (&side != best && side.second == best->second) {
      tied = true;
    } else if (side.second > best->second) {
      best = &side;
      tied = false;
    }
  }
  if (best->second > 0 && !tied) {
    return DateOrderDecision{best->first, sides_with_proofs > 1};
  }
  if (dmy_backward_jumps_ != mdy_backward_jumps_) {
    const DateOrder fewer =
        dmy_backward_jumps_ < mdy_backward_jumps_ ? DateOrder::dmy : DateOrder::mdy;
    return DateOrderDecision{fewer, best->second > 0};
  }
  return DateOrderDecision{DateOrder::dmy, true};
}

std::optional<LocalDateTime> resolve(const DateFields& date, const TimeOfDay& time,
                                     DateOrder order) {
  const YearMonthDay day = arrange(date, order);
  const bool valid_time = time.hour >= 0 && time.hour <= 23 && time.minute >= 0 &&
                          time.minute <= 59 && time.second >= 0 && time.second <= 59;
  if (!is_valid_date(day.year, day.month, day.day) || !valid_time) {
    return std::nullopt;
  }
  return LocalDateTime{day.year, day.month, day.day, time.hour, time.minute, time.second};
}

}  // namespace waudit::chat
