// CSV import: numeric feature columns plus one label column (class names or ids, or a real-valued
// target), with every problem reported as a DataError that names the file, line and column.
#pragma once

#include "core/Error.h"
#include "data/Dataset.h"

#include <cstdint>
#include <string>

namespace dl {

// Files above this size are refused before reading (a playground is not a data warehouse); a
// gzip-compressed file may hold at most this much once decompressed.
constexpr std::uintmax_t kMaxCsvBytes = 64ull * 1024 * 1024;
// A classification file with more distinct labels than this is refused (a class per row is a
// real-valued target or an id column, not classes).
constexpr int kMaxCsvClasses = 100;

// Loads `path`. labelColumn is 0-based, −1 = last column.
//
// Encodings: UTF-8 (a byte-order mark is skipped), UTF-16 LE/BE with a byte-order mark (decoded),
// and gzip-compressed files of either (detected by their magic bytes, not the name).
//
// Dialects, detected from the first lines: ',' ';' tab or runs of spaces as separator (the one
// that splits every sampled line into the same number of cells ≥ 2; tab, then ';', then ',', then
// spaces). With ';', tab or spaces as separator, a decimal comma ("3,25") is a decimal point. Cells
// may be double-quoted ("" escapes a quote). Blank lines and "ghost" rows holding only separators
// are skipped; a separator that ends every data line is ignored. Line numbers in messages count
// every physical line from 1.
//
// scikit-learn's descriptor line: a first line "N,F[,name…]" whose N is the number of data rows
// and F the number of feature columns (iris.csv, wine_data.csv, breast_cancer.csv,
// boston_house_prices.csv) is skipped; its names become the class names of labels 0..k−1.
//
// Header: the first row is a header when one of its feature cells is not a number (whatever
// `header` says). When only its label cell is text, it is a header only in a regression file (a
// regression label must be a number) and if `header` is true; in a classification file it is a
// data row whose class is that text (a header never has numbers for column names).
//
// Classification labels: all integers (≥ 0) → classes in sorted order, classNames the integers;
// otherwise strings → classes in order of first appearance. A numeric label column with many
// distinct values (over 20 and over a tenth of the rows), or more than kMaxCsvClasses classes of
// any kind, is refused as a real-valued target (isRealValuedLabelError). Regression: the label
// column becomes targets (1, N) and must be numeric.
//
// Throws DataError, where = "<path>: line L, column C" (1-based) when a cell is at fault, for:
// a missing, unreadable or non-regular file (a FIFO, a device), an empty file, a file over
// kMaxCsvBytes, broken gzip or UTF-16 data, ragged rows (at the line that differs from most), a
// non-numeric cell, a NaN or Inf cell, a label column out of range, fewer than 2 classes, a
// real-valued label column, fewer than 2 data rows, a file with no feature column.
Dataset loadCsv(const std::string& path, int labelColumn, bool header, bool regression);

// True when `e` is loadCsv's refusal of a label column that looks real-valued: the window offers
// to load the file again as regression.
bool isRealValuedLabelError(const DataError& e);

}  // namespace dl
