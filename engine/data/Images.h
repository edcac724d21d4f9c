// Image data sets read from files: the UCI 8×8 digits bundled with dlplay (resources/data), and
// IDX files (the MNIST format) such as Debian's Fashion-MNIST package. Each becomes a Dataset whose
// columns are images (Dataset::image) with pixels scaled to [0, 1]. Every problem with a file is a
// DataError naming the file and the header field or line at fault with its value.
#pragma once

#include "core/Error.h"
#include "data/Dataset.h"

#include <cstdint>
#include <string>
#include <vector>

namespace dl {

// IDX files are refused above this size, compressed or inflated (Fashion-MNIST's training images
// are 47 MB inflated), and headers beyond these counts and sides before anything is allocated.
constexpr std::uintmax_t kMaxIdxBytes = 128ull * 1024 * 1024;
constexpr std::int64_t kMaxIdxItems = 1000000;
constexpr std::int64_t kMaxIdxSide = 1024;

// Feature names of an image column, row by row: "y0x0", "y0x1", ... ("c1y0x0" ... with channels).
std::vector<std::string> imageFeatureNames(const ImageShape& shape);

// ---- UCI "Optical Recognition of Handwritten Digits" (E. Alpaydin, C. Kaynak, 1998), the
// 1,797-image test part as scikit-learn ships it: one line per image, 64 pixel counts 0..16 (8×8,
// row by row) and the digit 0..9, comma-separated, no header. resources/data/DIGITS-LICENSE.md.

// Parses the file's bytes (gzip-compressed or not); `name` is the file named in errors.
// Image {1, 8, 8}, pixels / 16, classes "0".."9". Throws DataError at the line and column of a
// row without 65 cells, a cell that is not an integer in range, or when no row is present.
Dataset parseDigitsCsv(const std::string& bytes, const std::string& name);
// Reads `path` (at most kMaxCsvBytes) and parses it as above.
Dataset loadDigits(const std::string& path);

// ---- IDX (Y. LeCun's MNIST format): a big-endian header — magic 0x00000803 = 2051 for unsigned
// byte images (count, rows, columns follow), 0x00000801 = 2049 for unsigned byte labels (count
// follows) — then the bytes. Files may be gzip-compressed.

struct IdxImages {
  std::int64_t count = 0, rows = 0, columns = 0;
  std::vector<std::uint8_t> pixels;  // count · rows · columns, image by image, row by row
};

// Throws DataError naming `path` for: a file missing, not regular or over kMaxIdxBytes; broken
// gzip; a header cut short; a wrong magic number; a count above kMaxIdxItems or a side above
// kMaxIdxSide (or 0); data shorter or longer than the header promises.
IdxImages readIdxImages(const std::string& path);
std::vector<std::uint8_t> readIdxLabels(const std::string& path);

// An image file and its label file as one data set: pixels / 255, image {1, rows, columns}.
// classNames give the classes (labels must be below their count); empty: "0".."max label".
// Throws DataError as above, and when the counts differ or a label is out of range.
Dataset loadIdx(const std::string& imagesPath, const std::string& labelsPath,
                const std::vector<std::string>& classNames = {});

// ---- Fashion-MNIST (H. Xiao, K. Rasul, R. Vollgraf, "Fashion-MNIST: a Novel Image Dataset for
// Benchmarking Machine Learning Algorithms", 2017; Zalando SE, MIT licence), as Debian's
// dataset-fashion-mnist package installs it: 60,000 training and 10,000 test images of 28×28.

constexpr const char* kFashionMnistDir = "/usr/share/datasets/fashion-mnist";

// T-shirt/top, Trouser, Pullover, Dress, Coat, Sandal, Shirt, Sneaker, Bag, Ankle boot.
const std::vector<std::string>& fashionMnistClassNames();

struct FashionMnistFiles {
  std::string trainImages, trainLabels, testImages, testLabels;
};
// The four files in `dir`. Throws DataError naming the first missing file: "not installed:
// apt-get install dataset-fashion-mnist".
FashionMnistFiles locateFashionMnist(const std::string& dir = kFashionMnistDir);

// The training (60,000) or test (10,000) part, 28×28 images checked, ten named classes.
Dataset loadFashionMnist(bool train, const std::string& dir = kFashionMnistDir);

}  // namespace dl
