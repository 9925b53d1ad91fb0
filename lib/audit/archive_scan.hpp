// ZIP exports: every chat text in the archive, the media files its messages name, the contact
// cards among them, and archives inside the archive (a folder of exports zipped again, or a
// ZIP sent as a document). Nested archives are read into memory, never extracted to disk;
// their entries are reported as "inner.zip/entry" (the path of the inner archive in the
// outer one, '/', the entry's name in the inner one).
#pragma once

#include "audit/input_scan.hpp"

#include <cstdint>

namespace waudit::audit {

// TODO(#7): make the archive limits options.

// Scans a ZIP input and fills its report: chats, findings, media lists and errors.
void scan_zip_file(const input::InputFile& file, const ScanSettings& settings, InputResult& result);

}  // namespace waudit::audit
