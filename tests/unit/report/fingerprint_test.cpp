#include "report/fingerprint.hpp"

#include <doctest/doctest.h>

TEST_SUITE_BEGIN("report");

using waudit::report::fingerprint;
using waudit::report::FingerprintInput;

TEST_CASE("report::fingerprint is a keyed HMAC-SHA-256 prefix") {
  const FingerprintInput input{"iban", "DE89370400440532013000", "Max", "2023-04-15T14:03:00"};
  const std::string print = fingerprint("key", input);
  CHECK(print.size() == 32);
  CHECK(print.find_first_not_of("0123456789abcdef") == std::string::npos);
  CHECK(print == fingerprint("key", input));
  CHECK(print != fingerprint("other key", input));
}

TEST_CASE("report::fingerprint depends on every field and not on their concatenation") {
  const FingerprintInput base{"iban", "DE89", "Max", "2023-04-15T14:03:00"};
  CHECK(fingerprint("k", base) !=
        fingerprint("k", {"payment-card", "DE89", "Max", base.timestamp}));
  CHECK(fingerprint("k", base) != fingerprint("k", {"iban", "DE88", "Max", base.timestamp}));
  CHECK(fingerprint("k", base) != fingerprint("k", {"iban", "DE89", "Moritz", base.timestamp}));
  CHECK(fingerprint("k", base) != fingerprint("k", {"iban", "DE89", "Max", "2023-04-15T14:04:00"}));
  CHECK(fingerprint("k", {"ab", "c", "", ""}) != fingerprint("k", {"a", "bc", "", ""}));
}

TEST_CASE("report::fingerprint counts the timestamp to the minute only") {
  // An Android export writes 14:03, the database of the same phone 14:03:27.
  const FingerprintInput exported{"iban", "DE89", "Max", "2023-04-15T14:03:00"};
  CHECK(fingerprint("k", exported) ==
        fingerprint("k", {"iban", "DE89", "Max", "2023-04-15T14:03:27"}));
  CHECK(fingerprint("k", exported) ==
        fingerprint("k", {"iban", "DE89", "Max", "2023-04-15T14:03"}));
  CHECK(fingerprint("k", exported) !=
        fingerprint("k", {"iban", "DE89", "Max", "2023-04-15T14:02:59"}));
  CHECK(fingerprint("k", exported) != fingerprint("k", {"iban", "DE89", "Max", ""}));
}

TEST_CASE("report::fingerprint matches a value computed independently") {
  // python3: hmac.new(b"k", b"".join(len(f).to_bytes(8, "little") + f for f in
  //   [b"iban", b"DE89", b"Max", b""]), "sha256").hexdigest()[:32]
  CHECK(fingerprint("k", {"iban", "DE89", "Max", ""}) == "2dd4a04b5eb1a906e444e5953d810b3d");
  // The same with b"2023-04-15T14:03" as the last field: the seconds are not hashed.
  CHECK(fingerprint("k", {"iban", "DE89", "Max", "2023-04-15T14:03:27"}) ==
        "85c7c083603764a45cc69c44db38bc0e");
}

TEST_SUITE_END();
