// Numbers that prove what a photographed document is, found in the text OCR read from it:
// a payment card number (Luhn and issuer), an IBAN (ISO 13616) or a machine-readable zone
// (ICAO 9303 check digits). OCR text is noisy: digits are read back through media/ocr_confusion
// only where the format wants a digit, and a number must start and end at a gap between
// groups, so that the digits of a receipt or a long reference are not cut into card numbers.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace waudit::media {

enum class NumberKind { payment_card, iban, mrz_td1, mrz_td2, mrz_td3 };

struct DocumentNumber {
  NumberKind kind = NumberKind::payment_card;
  std::string value;  // normalized: digits (card), upper-case without spaces (IBAN), MRZ lines
};

// Every validated number in `ocr_text`, each value once, in the order found.
std::vector<DocumentNumber> find_document_numbers(std::string_view ocr_text);

// The part of a number a report shows (masked): a card number or IBAN in groups of four, the
// document number of an MRZ.
std::string shown_value(const DocumentNumber& number);

// "payment card number", "IBAN", "MRZ (TD1)", ...: how the evidence names the number.
std::string_view describe(NumberKind kind);

}  // namespace waudit::media
