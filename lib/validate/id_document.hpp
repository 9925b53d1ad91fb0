// The `id-document` rule's validator: an ICAO 9303 machine readable zone (validate/icao_mrz.hpp)
// or a German ID card or passport number as people type it; see
// shared/design/research/detectors.md section 3.6.
#pragma once

#include <string_view>

namespace waudit::validate {

// `normalized`: upper-case, no separators. The document number of a German ID card
// (Personalausweis, since November 2010) or passport: 9 characters from 0-9 and
// C F G H J K L M N P R T V W X Y Z, the first a letter (L M N P R T V W X Y on ID cards,
// C F G H J K on passports). The printed number has no check digit; a 10th character, as the
// MRZ shows it, must be the ICAO 7-3-1 check digit. Older formats (10 digits before 2010)
// are not accepted.
bool de_document_number(std::string_view normalized);

// An MRZ block (icao_mrz) or a German document number (de_document_number), told apart by
// length.
bool id_document(std::string_view normalized);

}  // namespace waudit::validate
