// CSV import: numeric feature columns plus one label column (class names or ids, or a real-valued
// target), with every problem reported as a DataError that names the file, line and column.
#pragma once

#include "data/Dataset.h"

#include <cstdint>
#include <string>

namespace dl {

// Files above this size are refused before reading (a playground is not a data warehouse).
constexpr std::uintmax_t kMaxCsvBytes = 64ull * 1024 * 1024;

// Loads `path`. labelColumn is 0-based, −1 = last column. Separator: ',' unless the first line
// holds more ';' or tabs than commas. Cells may be double-quoted ("" escapes a quote); blank lines
// are skipped; line numbers in messages count every physical line from 1.
//
// Header: the first row is a header when one of its feature cells is not a number. When only its
// label cell is text (a classification file whose labels are strings), it is a header if `header`
// is true and that text appears in no later row's label column.
//
// Classification labels: all integers (≥ 0) → classes in sorted order, classNames the integers;
// otherwise strings → classes in order of first appearance. Regression: the label column becomes
// targets (1, N) and must be numeric.
//
// Throws DataError, where = "<path>: line L, column C" (1-based) when a cell is at fault, for:
// a missing or unreadable file, an empty file, a file over kMaxCsvBytes, ragged rows, a
// non-numeric cell, a NaN or Inf cell, a label column out of range, fewer than 2 classes, fewer
// than 2 data rows, a file with no feature column.
Dataset loadCsv(const std::string& path, int labelColumn, bool header, bool regression);

}  // namespace dl
