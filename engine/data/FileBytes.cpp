// Whole-file reads for the data readers: regular files only, size limits before and after
// inflating gzip.
#include "data/FileBytes.h"

#include <cstdio>
#include <filesystem>
#include <fstream>

#include <zlib.h>

namespace dl {

std::string megabytesText(std::uintmax_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", static_cast<double>(bytes) / (1024.0 * 1024.0));
  return buf;
}

bool isGzip(const std::string& bytes) {
  return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1F &&
         static_cast<unsigned char>(bytes[1]) == 0x8B;
}

std::string gunzipBytes(const std::string& name, const std::string& packed, std::uintmax_t maxBytes) {
  z_stream z{};
  if (inflateInit2(&z, 15 + 32) != Z_OK)  // 15 + 32: a gzip or zlib header, detected
    throw DataError({name}, DL_TRANSLATE_NOOP("dl", "cannot start decompressing the gzip file"));
  std::string out;
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(packed.data()));
  z.avail_in = static_cast<uInt>(packed.size());
  int rc = Z_OK;
  char buf[1 << 16];
  while (rc != Z_STREAM_END) {
    z.next_out = reinterpret_cast<Bytef*>(buf);
    z.avail_out = sizeof buf;
    rc = inflate(&z, Z_NO_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END) {
      const std::string why = z.msg ? z.msg : rc == Z_BUF_ERROR ? "the file is cut short" : "corrupt data";
      inflateEnd(&z);
      throw DataError({name}, {DL_TRANSLATE_NOOP("dl", "broken gzip data: %1"), {why}});
    }
    out.append(buf, sizeof buf - z.avail_out);
    if (out.size() > maxBytes) {
      inflateEnd(&z);
      throw DataError({name}, {DL_TRANSLATE_NOOP("dl", "decompressed, the file is larger than the %1 MB limit"),
                               {megabytesText(maxBytes)}});
    }
    // Concatenated gzip members (as `cat a.gz b.gz` makes) continue after a stream end.
    if (rc == Z_STREAM_END && z.avail_in > 0) {
      inflateReset(&z);
      rc = Z_OK;
    }
  }
  inflateEnd(&z);
  return out;
}

std::string readDataFile(const std::string& path, std::uintmax_t maxBytes) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::file_status st = fs::status(path, ec);
  if (ec || !fs::exists(st)) throw DataError({path}, DL_TRANSLATE_NOOP("dl", "file does not exist"));
  // A FIFO would block the reader and a device (/dev/zero) never ends: refused before opening.
  if (fs::is_directory(st)) throw DataError({path}, DL_TRANSLATE_NOOP("dl", "is a folder, not a file"));
  if (!fs::is_regular_file(st))
    throw DataError({path}, DL_TRANSLATE_NOOP("dl", "not a regular file (a device, FIFO or socket)"));
  const std::uintmax_t size = fs::file_size(path, ec);
  if (ec) throw DataError({path}, {DL_TRANSLATE_NOOP("dl", "cannot read the file size: %1"), {ec.message()}});
  // Checked before reading so a huge file costs nothing.
  if (size > maxBytes)
    throw DataError({path}, {DL_TRANSLATE_NOOP("dl", "file is %1 MB, larger than the %2 MB limit"),
                             {megabytesText(size), megabytesText(maxBytes)}});
  std::ifstream in(path, std::ios::binary);
  if (!in) throw DataError({path}, DL_TRANSLATE_NOOP("dl", "cannot open the file for reading"));
  std::string data(static_cast<std::size_t>(size), '\0');
  in.read(data.data(), static_cast<std::streamsize>(size));
  if (in.gcount() != static_cast<std::streamsize>(size))
    throw DataError({path}, DL_TRANSLATE_NOOP("dl", "cannot read the file"));
  if (isGzip(data)) data = gunzipBytes(path, data, maxBytes);
  return data;
}

}  // namespace dl
