// Day/month order decided per file from evidence: a field > 12 fixes the order, a 4-digit
// first field means year first, and otherwise the order with fewer backward jumps between
// consecutive headers wins; with no evidence at all, day first is assumed and said so.
#pragma once

#include "chat/header.hpp"
#include "chat/local_date_time.hpp"

#include <cstdint>
#include <optional>
#include <string_view>

namespace waudit::chat {

enum class DateOrder { dmy, mdy, ymd };

std::string_view to_string(DateOrder order);  // "dmy", "mdy", "ymd"

// The order `to_string` spells; nullopt for anything else.
std::optional<DateOrder> parse_date_order(std::string_view text);

struct DateOrderDecision {
  DateOrder order = DateOrder::dmy;
  bool assumed = true;  // no evidence decided it
};

// Accumulates evidence header by header, in bounded memory.
class DateOrderEvidence {
 public:
  void add(const DateFields& date);
  DateOrderDecision decide() const;

 private:
  std::uint64_t day_first_proofs_ = 0;    // first field > 12
  std::uint64_t month_first_proofs_ = 0;  // second field > 12
  std::uint64_t year_first_proofs_ = 0;   // first field has 3-4 digits
  std::uint64_t dmy_backward_jumps_ = 0;
  std::uint64_t mdy_backward_jumps_ = 0;
  std::optional<long> last_dmy_;
  std::optional<long> last_mdy_;
};

// The date and time of a header under `order`; nullopt when it is no calendar day.
// Two-digit years are 2000 + yy (WhatsApp exists since 2009).
std::optional<LocalDateTime> resolve(const DateFields& date, const TimeOfDay& time,
                                     DateOrder order);

}  // namespace waudit::chat
