// Image files into data sets: the bundled 8×8 digits CSV and IDX files (Fashion-MNIST). Headers
// are checked against the file's length before anything is allocated from them.
#include "data/Images.h"

#include "data/Csv.h"
#include "data/FileBytes.h"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <string_view>

namespace dl {

std::vector<std::string> imageFeatureNames(const ImageShape& shape) {
  std::vector<std::string> names;
  names.reserve(static_cast<std::size_t>(shape.size()));
  for (Index c = 0; c < shape.channels; ++c)
    for (Index y = 0; y < shape.height; ++y)
      for (Index x = 0; x < shape.width; ++x)
        names.push_back((shape.channels > 1 ? "c" + std::to_string(c) : std::string()) + "y" + std::to_string(y) + "x" +
                        std::to_string(x));
  return names;
}

namespace {

std::vector<std::string> numberNames(int k) {
  std::vector<std::string> names;
  for (int i = 0; i < k; ++i) names.push_back(std::to_string(i));
  return names;
}

// ---- digits

constexpr int kDigitsSide = 8;
constexpr int kDigitsPixels = kDigitsSide * kDigitsSide;
constexpr int kDigitsMaxValue = 16;

std::string_view trimCell(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// ---- IDX

constexpr std::uint32_t kIdxImagesMagic = 2051;  // 0x00000803: unsigned bytes, 3 dimensions
constexpr std::uint32_t kIdxLabelsMagic = 2049;  // 0x00000801: unsigned bytes, 1 dimension

std::uint32_t bigEndian32(const std::string& b, std::size_t at) {
  const auto u = [&](std::size_t i) { return static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + i])); };
  return u(0) << 24 | u(1) << 16 | u(2) << 8 | u(3);
}

void checkHeaderLength(const std::string& path, const std::string& bytes, std::size_t needed) {
  if (bytes.size() < needed)
    throw DataError(
        {path}, {DL_TRANSLATE_NOOP("dl", "the IDX header is cut short: the file holds %1 bytes, the header needs %2"),
                 {std::to_string(bytes.size()), std::to_string(needed)}});
}

void checkMagic(const std::string& path, std::uint32_t magic, std::uint32_t expected) {
  if (magic != expected)
    throw DataError({path}, {DL_TRANSLATE_NOOP("dl", "IDX header field '%1' is %2, expected %3"),
                             {"magic", std::to_string(magic),
                              std::to_string(expected) + (expected == kIdxImagesMagic ? " (images)" : " (labels)")}});
}

std::int64_t checkedField(const std::string& path, const char* field, std::uint32_t value, std::int64_t max) {
  if (value < 1 || value > max)
    throw DataError({path}, {DL_TRANSLATE_NOOP("dl", "IDX header field '%1' is %2; it must be from %3 to %4"),
                             {field, std::to_string(value), "1", std::to_string(max)}});
  return value;
}

void checkDataLength(const std::string& path, std::size_t have, std::size_t header, std::int64_t needed,
                     const std::string& layout) {
  if (static_cast<std::int64_t>(have - header) != needed)
    throw DataError({path}, {DL_TRANSLATE_NOOP("dl", "the IDX data is %1 bytes; the header's %2 needs %3"),
                             {std::to_string(have - header), layout, std::to_string(needed)}});
}

}  // namespace

Dataset parseDigitsCsv(const std::string& bytes, const std::string& name) {
  const std::string text = isGzip(bytes) ? gunzipBytes(name, bytes, kMaxCsvBytes) : bytes;
  std::vector<Scalar> pixels;
  std::vector<int> labels;
  std::string_view rest = text;
  long lineNumber = 0;
  while (!rest.empty()) {
    const std::size_t end = rest.find('\n');
    const std::string_view line = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    ++lineNumber;
    if (trimCell(line).empty()) continue;
    const std::size_t cells = static_cast<std::size_t>(std::count(line.begin(), line.end(), ',')) + 1;
    if (cells != kDigitsPixels + 1)
      throw DataError(
          {name, lineNumber},
          {DL_TRANSLATE_NOOP("dl", "a digits row holds %1 values (%2 pixels, then the label); this row has %3"),
           {std::to_string(kDigitsPixels + 1), std::to_string(kDigitsPixels), std::to_string(cells)}});
    std::string_view cellsLeft = line;
    for (int column = 1; column <= kDigitsPixels + 1; ++column) {
      const std::size_t comma = cellsLeft.find(',');
      const std::string_view cell = trimCell(cellsLeft.substr(0, comma));
      cellsLeft = comma == std::string_view::npos ? std::string_view() : cellsLeft.substr(comma + 1);
      const bool isLabel = column == kDigitsPixels + 1;
      const int max = isLabel ? 9 : kDigitsMaxValue;
      int v = -1;
      const auto [ptr, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), v);
      if (cell.empty() || ec != std::errc() || ptr != cell.data() + cell.size() || v < 0 || v > max)
        throw DataError({name, lineNumber, column},
                        {DL_TRANSLATE_NOOP("dl", "'%1' is not a whole number from %2 to %3"),
                         {printable(cell, 20), "0", std::to_string(max)}});
      if (isLabel)
        labels.push_back(v);
      else
        pixels.push_back(static_cast<Scalar>(v) / Scalar(kDigitsMaxValue));
    }
  }
  if (labels.empty()) throw DataError({name}, DL_TRANSLATE_NOOP("dl", "the file holds no images"));
  Dataset d;
  d.image = {1, kDigitsSide, kDigitsSide};
  d.X = ConstMatrixMap(pixels.data(), kDigitsPixels, static_cast<Index>(labels.size()));
  d.labels = std::move(labels);
  d.numClasses = 10;
  d.classNames = numberNames(10);
  d.featureNames = imageFeatureNames(d.image);
  return d;
}

Dataset loadDigits(const std::string& path) { return parseDigitsCsv(readDataFile(path, kMaxCsvBytes), path); }

IdxImages readIdxImages(const std::string& path) {
  const std::string bytes = readDataFile(path, kMaxIdxBytes);
  constexpr std::size_t kHeader = 16;
  checkHeaderLength(path, bytes, 4);
  checkMagic(path, bigEndian32(bytes, 0), kIdxImagesMagic);
  checkHeaderLength(path, bytes, kHeader);
  IdxImages im;
  im.count = checkedField(path, "count", bigEndian32(bytes, 4), kMaxIdxItems);
  im.rows = checkedField(path, "rows", bigEndian32(bytes, 8), kMaxIdxSide);
  im.columns = checkedField(path, "columns", bigEndian32(bytes, 12), kMaxIdxSide);
  // At most 10⁶ · 1024 · 1024: no overflow in 64 bits, and the length check comes first.
  const std::int64_t needed = im.count * im.rows * im.columns;
  checkDataLength(path, bytes.size(), kHeader, needed,
                  "count × rows × columns = " + std::to_string(im.count) + " × " + std::to_string(im.rows) + " × " +
                      std::to_string(im.columns));
  im.pixels.assign(bytes.begin() + kHeader, bytes.end());
  return im;
}

std::vector<std::uint8_t> readIdxLabels(const std::string& path) {
  const std::string bytes = readDataFile(path, kMaxIdxBytes);
  constexpr std::size_t kHeader = 8;
  checkHeaderLength(path, bytes, 4);
  checkMagic(path, bigEndian32(bytes, 0), kIdxLabelsMagic);
  checkHeaderLength(path, bytes, kHeader);
  const std::int64_t count = checkedField(path, "count", bigEndian32(bytes, 4), kMaxIdxItems);
  checkDataLength(path, bytes.size(), kHeader, count, "count = " + std::to_string(count));
  return {bytes.begin() + kHeader, bytes.end()};
}

Dataset loadIdx(const std::string& imagesPath, const std::string& labelsPath,
                const std::vector<std::string>& classNames) {
  const IdxImages im = readIdxImages(imagesPath);
  const std::vector<std::uint8_t> labels = readIdxLabels(labelsPath);
  if (static_cast<std::int64_t>(labels.size()) != im.count)
    throw DataError({labelsPath}, {DL_TRANSLATE_NOOP("dl", "the file holds %1 labels for the %2 images of %3"),
                                   {std::to_string(labels.size()), std::to_string(im.count), imagesPath}});
  const int maxLabel = *std::max_element(labels.begin(), labels.end());
  const int k = classNames.empty() ? maxLabel + 1 : static_cast<int>(classNames.size());
  for (std::size_t i = 0; i < labels.size(); ++i)
    if (labels[i] >= k)
      throw DataError({labelsPath}, {DL_TRANSLATE_NOOP("dl", "label %1 of item %2 is outside 0..%3"),
                                     {std::to_string(labels[i]), std::to_string(i), std::to_string(k - 1)}});
  Dataset d;
  d.image = {1, static_cast<Index>(im.rows), static_cast<Index>(im.columns)};
  const Index pixels = d.image.size();
  d.X.resize(pixels, static_cast<Index>(im.count));
  const Scalar inv = Scalar(1) / Scalar(255);
  for (Index i = 0; i < d.X.cols(); ++i)
    for (Index p = 0; p < pixels; ++p)
      d.X(p, i) = static_cast<Scalar>(im.pixels[static_cast<std::size_t>(i * pixels + p)]) * inv;
  d.labels.assign(labels.begin(), labels.end());
  d.numClasses = k;
  d.classNames = classNames.empty() ? numberNames(k) : classNames;
  d.featureNames = imageFeatureNames(d.image);
  return d;
}

const std::vector<std::string>& fashionMnistClassNames() {
  static const std::vector<std::string> names = {"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                                                 "Sandal",      "Shirt",   "Sneaker",  "Bag",   "Ankle boot"};
  return names;
}

FashionMnistFiles locateFashionMnist(const std::string& dir) {
  const auto file = [&dir](const char* name) {
    const std::string path = (std::filesystem::path(dir) / name).string();
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
      throw DataError({path},
                      {DL_TRANSLATE_NOOP("dl", "not installed: apt-get install %1"), {"dataset-fashion-mnist"}});
    return path;
  };
  FashionMnistFiles f;
  f.trainImages = file("train-images-idx3-ubyte.gz");
  f.trainLabels = file("train-labels-idx1-ubyte.gz");
  f.testImages = file("t10k-images-idx3-ubyte.gz");
  f.testLabels = file("t10k-labels-idx1-ubyte.gz");
  return f;
}

Dataset loadFashionMnist(bool train, const std::string& dir) {
  const FashionMnistFiles f = locateFashionMnist(dir);
  const std::string& images = train ? f.trainImages : f.testImages;
  Dataset d = loadIdx(images, train ? f.trainLabels : f.testLabels, fashionMnistClassNames());
  constexpr Index kSide = 28;
  if (d.image.height != kSide || d.image.width != kSide)
    throw DataError({images}, {DL_TRANSLATE_NOOP("dl", "IDX header field '%1' is %2, expected %3"),
                               {"rows × columns",
                                std::to_string(d.image.height) + " × " + std::to_string(d.image.width), "28 × 28"}});
  return d;
}

}  // namespace dl
