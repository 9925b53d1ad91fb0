#include "text/nfc.hpp"

#include <doctest/doctest.h>

using waudit::text::to_nfc;

TEST_SUITE_BEGIN("text");

TEST_CASE("text::to_nfc leaves ASCII and composed text alone") {
  CHECK(to_nfc("").empty());
  CHECK(to_nfc("IMG-20230415-WA0007.jpg") == "IMG-20230415-WA0007.jpg");
  CHECK(to_nfc("Gr\u00fcn \u00e9t\u00e9 \u0439") == "Gr\u00fcn \u00e9t\u00e9 \u0439");
  CHECK(to_nfc("\U0001F600 \u20ac") == "\U0001F600 \u20ac");
}

TEST_CASE("text::to_nfc composes letters with marks of U+0300-U+036F") {
  CHECK(to_nfc("Gru\u0308n") == "Gr\u00fcn");
  CHECK(to_nfc("U\u0308BERWEISUNG") == "\u00dcBERWEISUNG");
  CHECK(to_nfc("e\u0301te\u0301") == "\u00e9t\u00e9");
  CHECK(to_nfc("\u0438\u0306") == "\u0439");  // Cyrillic short i
  CHECK(to_nfc("\u03b1\u0301") == "\u03ac");  // Greek alpha with tonos
  CHECK(to_nfc("n\u0303") == "\u00f1");
  CHECK(to_nfc("=\u0338") == "\u2260");  // not equal to
}

TEST_CASE("text::to_nfc orders marks by combining class before composing") {
  // Vietnamese: dot below (class 220) and circumflex (230), in either order.
  CHECK(to_nfc("a\u0323\u0302") == "\u1ead");
  CHECK(to_nfc("a\u0302\u0323") == "\u1ead");
  CHECK(to_nfc("\u1ea1\u0302") == "\u1ead");
  // A composed letter followed by a mark of a lower class is decomposed and recomposed.
  CHECK(to_nfc("\u00e2\u0323") == "\u1ead");
  // Marks that compose with nothing stay, in canonical order.
  CHECK(to_nfc("x\u0301\u0323") == "x\u0323\u0301");
}

TEST_CASE("text::to_nfc composes Hangul and kana voicing marks") {
  CHECK(to_nfc("\u1112\u1161\u11ab") == "\ud55c");  // HAN from its jamo
  CHECK(to_nfc("\u1100\u1161") == "\uac00");
  CHECK(to_nfc("\u304b\u3099") == "\u304c");  // ka + voicing mark = ga
  CHECK(to_nfc("\u30cf\u309a") == "\u30d1");  // ha + semi-voicing mark = pa
}

TEST_CASE("text::to_nfc keeps invalid bytes and leading marks") {
  CHECK(to_nfc("a\xFFu\u0308") == "a\xFF\u00fc");
  CHECK(to_nfc("\u0308u") == "\u0308u");
  CHECK(to_nfc("\xC3") == "\xC3");
}

TEST_SUITE_END();
