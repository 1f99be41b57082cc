// A child's chronology as CSV (CHR-02), for spreadsheets and court bundles: one row per event,
// times on London's clock, every cell quoted, and cells that a spreadsheet would run as a
// formula made plain text.
#pragma once

#include <string>

#include "app/chronology.h"

namespace casework::http {

std::string ChronologyCsv(const app::ChronologyExport& chronology);

// One CSV cell, quoted; a leading =, +, -, @, tab or carriage return gets a ' before it.
std::string CsvCell(std::string_view text);

}  // namespace casework::http
