// Reading a data file whole, safely: only regular files (a FIFO would block, /dev/zero never
// ends), a size limit checked before reading, and gzip inflated (detected by its magic bytes)
// within the same limit. Shared by the CSV and image readers; errors are DataErrors naming the file.
#pragma once

#include "core/Error.h"

#include <cstdint>
#include <string>

namespace dl {

// "12.3": a byte count in MB (1024²) for messages.
std::string megabytesText(std::uintmax_t bytes);

// gzip (or zlib) data inflated, concatenated members included, at most maxBytes of it. `name`
// is the file named in errors: broken data, or more than maxBytes once inflated.
std::string gunzipBytes(const std::string& name, const std::string& packed, std::uintmax_t maxBytes);

// True when `bytes` start with gzip's magic number 1f 8b.
bool isGzip(const std::string& bytes);

// The bytes of `path`, inflated when the file is gzip-compressed. Throws DataError for a missing
// file, a folder, anything that is not a regular file, a file over maxBytes (before reading) or
// inflating to more than maxBytes, a read failure.
std::string readDataFile(const std::string& path, std::uintmax_t maxBytes);

}  // namespace dl
