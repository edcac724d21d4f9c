// Image data sets: the bundled UCI digits, IDX files (every corrupt header the reader must refuse
// by name), Fashion-MNIST when Debian's package is installed, the synthetic shapes and the image
// transforms (permutation, shifts, flips, augmentation, split and per-channel standardisation).
#include <QtTest>

#include "core/Error.h"
#include "data/ImageTransforms.h"
#include "data/Images.h"
#include "data/Shapes.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <string>

#include "GzipForTests.h"

using namespace dl;

namespace {

std::string bigEndian(std::uint32_t v) {
  return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8), static_cast<char>(v)};
}

// An IDX image file's bytes: header (magic, count, rows, columns) and `pixels` as given.
std::string idxImages(std::uint32_t count, std::uint32_t rows, std::uint32_t columns, const std::string& pixels,
                      std::uint32_t magic = 2051) {
  return bigEndian(magic) + bigEndian(count) + bigEndian(rows) + bigEndian(columns) + pixels;
}
std::string idxLabels(const std::string& labels, std::uint32_t magic = 2049) {
  return bigEndian(magic) + bigEndian(static_cast<std::uint32_t>(labels.size())) + labels;
}

// count images of rows × columns whose pixel p of image i is (i + p) mod 256.
std::string pixelRamp(int count, int rows, int columns) {
  std::string s;
  for (int i = 0; i < count; ++i)
    for (int p = 0; p < rows * columns; ++p) s += static_cast<char>((i + p) % 256);
  return s;
}

// The pixels of a grey image brighter than its darkest by more than 0.25: the shape (noise 0).
struct Foreground {
  int size = 0;
  std::vector<char> on;
  int count = 0, x0 = 1 << 20, y0 = 1 << 20, x1 = -1, y1 = -1;  // bounding box, inclusive
  int rows = 0, columns = 0;                                    // rows and columns touched
  bool at(int x, int y) const { return on[static_cast<std::size_t>(y * size + x)] != 0; }
};

Foreground foreground(const Matrix& X, Index column, int size) {
  Foreground f;
  f.size = size;
  const Scalar lo = X.col(column).minCoeff();
  f.on.resize(static_cast<std::size_t>(size * size));
  std::vector<char> row(static_cast<std::size_t>(size)), col(static_cast<std::size_t>(size));
  for (int y = 0; y < size; ++y)
    for (int x = 0; x < size; ++x)
      if (X(y * size + x, column) > lo + Scalar(0.25)) {
        f.on[static_cast<std::size_t>(y * size + x)] = 1;
        ++f.count;
        f.x0 = std::min(f.x0, x), f.x1 = std::max(f.x1, x), f.y0 = std::min(f.y0, y), f.y1 = std::max(f.y1, y);
        row[static_cast<std::size_t>(y)] = col[static_cast<std::size_t>(x)] = 1;
      }
  f.rows = static_cast<int>(std::count(row.begin(), row.end(), 1));
  f.columns = static_cast<int>(std::count(col.begin(), col.end(), 1));
  return f;
}

// A 1-channel h × w set of n images whose pixel p of image i is 1000·i + p.
Dataset numbered(Index n, Index h, Index w, Index channels = 1) {
  Dataset d;
  d.image = {channels, h, w};
  d.X.resize(d.image.size(), n);
  for (Index i = 0; i < n; ++i)
    for (Index p = 0; p < d.image.size(); ++p) d.X(p, i) = static_cast<Scalar>(1000 * i + p);
  d.labels.assign(static_cast<std::size_t>(n), 0);
  for (Index i = 0; i < n; ++i) d.labels[static_cast<std::size_t>(i)] = static_cast<int>(i % 2);
  d.numClasses = 2;
  return d;
}

bool has(const std::string& message, const std::string& part) { return message.find(part) != std::string::npos; }

}  // namespace

#define EXPECT_MESSAGE(message, part)                       \
  QVERIFY2(has((message), (part)),                          \
           qPrintable(QString("'%1' does not mention '%2'") \
                          .arg(QString::fromStdString(message), QString::fromStdString(std::string(part)))))

class TestImages : public QObject {
  Q_OBJECT

  QTemporaryDir m_dir;
  int m_count = 0;

  // Writes `bytes` (gzip-compressed when `gzip`) to a fresh file and returns its path.
  std::string write(const std::string& bytes, bool gzip = true) {
    const std::string path =
        m_dir.filePath(QStringLiteral("f%1.idx%2").arg(++m_count).arg(gzip ? ".gz" : "")).toStdString();
    std::ofstream(path, std::ios::binary) << (gzip ? gzipForTests(bytes) : bytes);
    return path;
  }

  // The message of loading the image and label bytes, or "" when they load.
  std::string idxError(const std::string& images, const std::string& labels, std::string* imagesPath = nullptr,
                       std::string* labelsPath = nullptr) {
    const std::string ip = write(images), lp = write(labels);
    if (imagesPath) *imagesPath = ip;
    if (labelsPath) *labelsPath = lp;
    try {
      loadIdx(ip, lp);
    } catch (const DataError& e) {
      return e.what();
    }
    return {};
  }

  static std::string digitsPath() { return std::string(DLPLAY_SOURCE_DIR) + "/resources/data/digits.csv.gz"; }

private slots:
  void initTestCase() { QVERIFY(m_dir.isValid()); }

  // ---- digits

  void digitsLoad() {
    const Dataset d = loadDigits(digitsPath());
    QCOMPARE(d.size(), Index{1797});
    QCOMPARE(d.features(), Index{64});
    QCOMPARE(d.image, (ImageShape{1, 8, 8}));
    QCOMPARE(d.numClasses, 10);
    QCOMPARE(d.classNames.size(), std::size_t{10});
    QCOMPARE(d.classNames[3], std::string("3"));
    QCOMPARE(d.featureNames.size(), std::size_t{64});
    QCOMPARE(d.featureNames[9], std::string("y1x1"));
    QVERIFY(d.X.minCoeff() >= 0 && d.X.maxCoeff() <= 1);
    QCOMPARE(d.X.maxCoeff(), Scalar(1));
    std::vector<int> counts(10, 0);
    for (const int l : d.labels) ++counts[static_cast<std::size_t>(l)];
    for (const int c : counts) QVERIFY2(c >= 170 && c <= 190, qPrintable(QString::number(c)));
    QCOMPARE(std::accumulate(counts.begin(), counts.end(), 0), 1797);
    // The first image is a 0: "0,0,5,13,9,1,0,0" is its top row.
    QCOMPARE(d.labels[0], 0);
    QCOMPARE(d.labels[1], 1);
    QCOMPARE(d.X(2, 0), Scalar(5) / 16);
    QCOMPARE(d.X(3, 0), Scalar(13) / 16);
    QCOMPARE(d.X(8 + 2, 0), Scalar(13) / 16);  // (y 1, x 2)
  }

  void digitsBadRows() {
    const auto error = [](const std::string& text) {
      try {
        parseDigitsCsv(text, "d.csv");
      } catch (const DataError& e) {
        return std::string(e.what());
      }
      return std::string();
    };
    std::string row;
    for (int i = 0; i < 64; ++i) row += "1,";
    QCOMPARE(error(row + "7\n" + row + "3\n"), std::string());
    EXPECT_MESSAGE(error(row + "7\n1,2,3\n"), "d.csv: line 2: a digits row holds 65 values");
    EXPECT_MESSAGE(error(row + "7\n1,2,3\n"), "this row has 3");
    EXPECT_MESSAGE(error(row + "10\n"), "d.csv: line 1, column 65: '10' is not a whole number from 0 to 9");
    EXPECT_MESSAGE(error("17," + row.substr(2) + "1\n"), "line 1, column 1: '17' is not a whole number from 0 to 16");
    EXPECT_MESSAGE(error("x," + row.substr(2) + "1\n"), "column 1: 'x'");
    EXPECT_MESSAGE(error("1.5," + row.substr(2) + "1\n"), "'1.5'");
    EXPECT_MESSAGE(error("\n\n"), "d.csv: the file holds no images");
    // Compressed bytes are inflated.
    QCOMPARE(parseDigitsCsv(gzipForTests(row + "4\n"), "d.csv.gz").labels, std::vector<int>{4});
  }

  // ---- IDX

  void idxReads() {
    for (const bool gzip : {true, false}) {
      const std::string ip = write(idxImages(3, 2, 4, pixelRamp(3, 2, 4)), gzip);
      const std::string lp = write(idxLabels(std::string("\x02\x00\x01", 3)), gzip);
      const Dataset d = loadIdx(ip, lp);
      QCOMPARE(d.size(), Index{3});
      QCOMPARE(d.image, (ImageShape{1, 2, 4}));
      QCOMPARE(d.labels, (std::vector<int>{2, 0, 1}));
      QCOMPARE(d.numClasses, 3);
      QCOMPARE(d.X(5, 2), Scalar(7) / 255);  // image 2, pixel 5 (y 1, x 1)
      const Dataset named = loadIdx(ip, lp, {"a", "b", "c", "d"});
      QCOMPARE(named.numClasses, 4);
      QCOMPARE(named.classNames[3], std::string("d"));
    }
  }

  void idxBadMagic() {
    std::string ip, lp;
    const std::string good = idxImages(2, 2, 2, pixelRamp(2, 2, 2));
    std::string m = idxError(idxImages(2, 2, 2, pixelRamp(2, 2, 2), 2049), idxLabels("\x01\x01"), &ip);
    EXPECT_MESSAGE(m, ip + ": IDX header field 'magic' is 2049, expected 2051 (images)");
    m = idxError(good, idxLabels("\x01\x01", 2051), nullptr, &lp);
    EXPECT_MESSAGE(m, lp + ": IDX header field 'magic' is 2051, expected 2049 (labels)");
    // Labels and images swapped.
    m = idxError(idxLabels("\x01\x01"), good, &ip);
    EXPECT_MESSAGE(m, ip + ": IDX header field 'magic' is 2049");
    // Not IDX at all (a text file).
    m = idxError("hello, world\n", idxLabels("\x01\x01"), &ip);
    EXPECT_MESSAGE(m, ip + ": IDX header field 'magic' is ");
  }

  void idxTruncated() {
    std::string ip, lp;
    // Header cut short.
    std::string m = idxError(std::string("\x00\x00\x08", 3), idxLabels("\x01"), &ip);
    EXPECT_MESSAGE(m, ip + ": the IDX header is cut short: the file holds 3 bytes, the header needs 4");
    m = idxError(bigEndian(2051) + bigEndian(2), idxLabels("\x01\x01"), &ip);
    EXPECT_MESSAGE(m, ip + ": the IDX header is cut short: the file holds 8 bytes, the header needs 16");
    m = idxError(idxImages(1, 1, 1, "\x05"), bigEndian(2049) + std::string(1, '\0'), nullptr, &lp);
    EXPECT_MESSAGE(m, lp + ": the IDX header is cut short: the file holds 5 bytes, the header needs 8");
    // Pixels missing, or too many.
    m = idxError(idxImages(3, 2, 2, pixelRamp(2, 2, 2)), idxLabels("\x01\x01\x01"), &ip);
    EXPECT_MESSAGE(m, ip + ": the IDX data is 8 bytes; the header's count × rows × columns = 3 × 2 × 2 needs 12");
    m = idxError(idxImages(1, 2, 2, pixelRamp(2, 2, 2)), idxLabels("\x01"), &ip);
    EXPECT_MESSAGE(m, ip + ": the IDX data is 8 bytes; the header's count × rows × columns = 1 × 2 × 2 needs 4");
    m = idxError(idxImages(2, 2, 2, pixelRamp(2, 2, 2)), bigEndian(2049) + bigEndian(2) + "\x01", nullptr, &lp);
    EXPECT_MESSAGE(m, lp + ": the IDX data is 1 bytes; the header's count = 2 needs 2");
    // A gzip stream cut in the middle.
    const std::string packed = gzipForTests(idxImages(50, 8, 8, pixelRamp(50, 8, 8)));
    ip = write(packed.substr(0, packed.size() / 2), false);
    try {
      readIdxImages(ip);
      QFAIL("a cut gzip stream loaded");
    } catch (const DataError& e) {
      EXPECT_MESSAGE(std::string(e.what()), ip + ": broken gzip data");
    }
  }

  void idxHugeHeaderIsRefusedBeforeAllocating() {
    std::string ip;
    // 4 billion images of 1 pixel, and 2³²−1 rows: the header alone, nothing allocated from it.
    std::string m = idxError(idxImages(0xFFFFFFFFu, 1, 1, ""), idxLabels("\x01"), &ip);
    EXPECT_MESSAGE(m, ip + ": IDX header field 'count' is 4294967295; it must be from 1 to 1000000");
    m = idxError(idxImages(1, 0xFFFFFFFFu, 28, ""), idxLabels("\x01"), &ip);
    EXPECT_MESSAGE(m, ip + ": IDX header field 'rows' is 4294967295; it must be from 1 to 1024");
    m = idxError(idxImages(1, 28, 0, ""), idxLabels("\x01"), &ip);
    EXPECT_MESSAGE(m, ip + ": IDX header field 'columns' is 0; it must be from 1 to 1024");
    // Within the caps, the product is checked against the data actually present.
    m = idxError(idxImages(1000000, 1024, 1024, "abc"), idxLabels("\x01"), &ip);
    EXPECT_MESSAGE(m, ip + ": the IDX data is 3 bytes; the header's count × rows × columns = 1000000 × 1024 × 1024 "
                           "needs 1048576000000");
  }

  void idxCountAndLabelMismatch() {
    std::string ip, lp;
    std::string m = idxError(idxImages(3, 2, 2, pixelRamp(3, 2, 2)), idxLabels("\x01\x01"), &ip, &lp);
    EXPECT_MESSAGE(m, lp + ": the file holds 2 labels for the 3 images of " + ip);
    ip = write(idxImages(2, 2, 2, pixelRamp(2, 2, 2)));
    lp = write(idxLabels(std::string("\x00\x07", 2)));
    try {
      loadIdx(ip, lp, {"a", "b", "c"});
      QFAIL("label 7 of 3 classes loaded");
    } catch (const DataError& e) {
      EXPECT_MESSAGE(std::string(e.what()), lp + ": label 7 of item 1 is outside 0..2");
    }
  }

  void idxNotAFile() {
    for (const std::string& path :
         {m_dir.path().toStdString(), std::string("/dev/zero"), m_dir.path().toStdString() + "/none"}) {
      try {
        readIdxLabels(path);
        QFAIL("read a folder, a device or nothing");
      } catch (const DataError& e) {
        EXPECT_MESSAGE(std::string(e.what()), path + ": ");
      }
    }
  }

  // ---- Fashion-MNIST (Debian's dataset-fashion-mnist)

  void fashionMnistMissing() {
    const std::string dir = m_dir.path().toStdString() + "/no-such-dir";
    try {
      locateFashionMnist(dir);
      QFAIL("located files in a missing folder");
    } catch (const DataError& e) {
      EXPECT_MESSAGE(std::string(e.what()), dir +
                                                "/train-images-idx3-ubyte.gz: not installed: apt-get install "
                                                "dataset-fashion-mnist");
    }
  }

  void fashionMnistReal() {
    try {
      locateFashionMnist();
    } catch (const DataError& e) {
      QSKIP(qPrintable(
          QString("Fashion-MNIST is not installed (apt-get install dataset-fashion-mnist): %1").arg(e.what())));
    }
    const Dataset test = loadFashionMnist(false);
    QCOMPARE(test.size(), Index{10000});
    QCOMPARE(test.image, (ImageShape{1, 28, 28}));
    QCOMPARE(test.numClasses, 10);
    QCOMPARE(test.classNames[9], std::string("Ankle boot"));
    QVERIFY(test.X.minCoeff() >= 0 && test.X.maxCoeff() <= 1);
    std::vector<int> counts(10, 0);
    for (const int l : test.labels) {
      QVERIFY(l >= 0 && l < 10);
      ++counts[static_cast<std::size_t>(l)];
    }
    for (const int c : counts) QCOMPARE(c, 1000);  // the test part is balanced
    const Dataset train = loadFashionMnist(true);
    QCOMPARE(train.size(), Index{60000});
    QCOMPARE(train.features(), Index{784});
    QVERIFY(*std::max_element(train.labels.begin(), train.labels.end()) == 9);
  }

  // ---- synthetic shapes

  void shapesDeterministicAndBalanced() {
    ShapesConfig c;
    c.count = 600;
    const Dataset a = generateShapes(c), b = generateShapes(c);
    QCOMPARE(a.X, b.X);
    QCOMPARE(a.labels, b.labels);
    QCOMPARE(a.image, (ImageShape{1, 16, 16}));
    QCOMPARE(a.numClasses, 6);
    QCOMPARE(a.classNames, shapeClassNames());
    QCOMPARE(a.classNames[5], std::string("edge"));
    std::vector<int> counts(6, 0);
    for (const int l : a.labels) ++counts[static_cast<std::size_t>(l)];
    QCOMPARE(counts, std::vector<int>(6, 100));
    // Shuffled: the first dozen are not class 0, 1, 2, ... in turn.
    bool inTurn = true;
    for (int i = 0; i < 12; ++i) inTurn = inTurn && a.labels[static_cast<std::size_t>(i)] == i % 6;
    QVERIFY(!inTurn);
    c.seed = 2;
    QVERIFY(generateShapes(c).X != a.X);
    QVERIFY(a.X.minCoeff() >= 0 && a.X.maxCoeff() <= 1);
  }

  void shapesLookLikeTheirClass() {
    for (const int size : {8, 16, 29}) {
      ShapesConfig c;
      c.size = size;
      c.count = 300;
      c.seed = 7;
      const Dataset d = generateShapes(c);
      for (Index i = 0; i < d.size(); ++i) {
        const Foreground f = foreground(d.X, i, size);
        const QString where = QString("size %1, image %2").arg(size).arg(i);
        QVERIFY2(f.count > 0, qPrintable(where));
        const int cx = (f.x0 + f.x1) / 2, cy = (f.y0 + f.y1) / 2;
        switch (static_cast<ShapeKind>(d.labels[static_cast<std::size_t>(i)])) {
          case ShapeKind::HorizontalBar:  // a full block of 1-2 rows, at least half as wide as the image
            QVERIFY2(f.rows <= 2 && f.columns >= size / 2 && f.count == f.rows * f.columns, qPrintable(where));
            break;
          case ShapeKind::VerticalBar:
            QVERIFY2(f.columns <= 2 && f.rows >= size / 2 && f.count == f.rows * f.columns, qPrintable(where));
            break;
          case ShapeKind::Square:  // a square outline: corners on, middle off
            QVERIFY2(f.x1 - f.x0 == f.y1 - f.y0 && f.at(f.x0, f.y0) && f.at(f.x1, f.y1) && !f.at(cx, cy),
                     qPrintable(where));
            QCOMPARE(f.count, 4 * (f.x1 - f.x0));
            break;
          case ShapeKind::Cross:  // middle on, corners off, one row and one column
            QVERIFY2(f.at(cx, cy) && !f.at(f.x0, f.y0) && !f.at(f.x1, f.y1), qPrintable(where));
            QCOMPARE(f.count, (f.x1 - f.x0 + 1) + (f.y1 - f.y0 + 1) - 1);
            break;
          case ShapeKind::Circle:  // a ring: middle and bounding-box corners off
            QVERIFY2(!f.at(cx, cy) && !f.at(f.x0, f.y0) && !f.at(f.x1, f.y0) && !f.at(f.x0, f.y1) && !f.at(f.x1, f.y1),
                     qPrintable(where));
            break;
          case ShapeKind::Edge:  // a half-plane: in every row the bright pixels are one run touching a side
            for (int y = 0; y < size; ++y) {
              int first = -1, last = -1, n = 0;
              for (int x = 0; x < size; ++x)
                if (f.at(x, y)) first = first < 0 ? x : first, last = x, ++n;
              QVERIFY2(n == 0 || (n == last - first + 1 && (first == 0 || last == size - 1)), qPrintable(where));
            }
            break;
        }
      }
    }
  }

  void shapesNoiseAndValidation() {
    ShapesConfig c;
    c.count = 60;
    const Dataset clean = generateShapes(c);
    c.noise = 0.1;
    const Dataset noisy = generateShapes(c);
    QVERIFY(noisy.X != clean.X);
    QVERIFY(noisy.X.minCoeff() >= 0 && noisy.X.maxCoeff() <= 1);
    for (const auto& [field, bad] :
         std::vector<std::pair<std::string, ShapesConfig>>{{"shapes.size", ShapesConfig{4, 60, 0.0, 1}},
                                                           {"shapes.count", ShapesConfig{16, 5, 0.0, 1}},
                                                           {"shapes.noise", ShapesConfig{16, 60, -0.1, 1}}}) {
      try {
        generateShapes(bad);
        QFAIL("an invalid configuration generated");
      } catch (const ConfigError& e) {
        QCOMPARE(e.field(), field);
      }
    }
  }

  // ---- transforms

  void permutationIsABijectionAppliedAlike() {
    const ImageShape shape{2, 3, 4};
    const std::vector<Index> perm = pixelPermutation(shape, 42);
    QCOMPARE(perm.size(), std::size_t{12});
    std::vector<Index> sorted = perm;
    std::sort(sorted.begin(), sorted.end());
    for (Index p = 0; p < 12; ++p) QCOMPARE(sorted[static_cast<std::size_t>(p)], p);
    QCOMPARE(pixelPermutation(shape, 42), perm);
    QVERIFY(pixelPermutation(shape, 43) != perm);
    Dataset d = numbered(5, 3, 4, 2);
    const Matrix before = d.X;
    permutePixels(d.X, shape, perm);
    for (Index i = 0; i < 5; ++i)
      for (Index c = 0; c < 2; ++c)
        for (Index p = 0; p < 12; ++p)
          QCOMPARE(d.X(c * 12 + p, i), before(c * 12 + perm[static_cast<std::size_t>(p)], i));
    // The same values, only moved.
    for (Index i = 0; i < 5; ++i) {
      std::vector<Scalar> a(before.col(i).begin(), before.col(i).end()), b(d.X.col(i).begin(), d.X.col(i).end());
      std::sort(a.begin(), a.end());
      std::sort(b.begin(), b.end());
      QCOMPARE(a, b);
    }
    std::vector<Index> notPerm = perm;
    notPerm[0] = notPerm[1];
    QVERIFY_THROWS_EXCEPTION(ConfigError, permutePixels(d.X, shape, notPerm));
  }

  void shiftMovesPixels() {
    const ImageShape shape{1, 3, 4};
    Dataset d = numbered(2, 3, 4);
    const Matrix before = d.X;
    shiftImages(d.X, shape, 1, 0);                      // right by one
    QCOMPARE(d.X(0 * 4 + 1, 1), before(0 * 4 + 0, 1));  // (y 0, x 0) → (y 0, x 1)
    QCOMPARE(d.X(2 * 4 + 3, 1), before(2 * 4 + 2, 1));
    QCOMPARE(d.X(1 * 4 + 0, 1), Scalar(0));  // column 0 filled with 0
    d.X = before;
    shiftImages(d.X, shape, -2, 1);  // left 2, down 1
    QCOMPARE(d.X(1 * 4 + 0, 0), before(0 * 4 + 2, 0));
    QCOMPARE(d.X(0 * 4 + 0, 0), Scalar(0));
    QCOMPARE(d.X(1 * 4 + 2, 0), Scalar(0));
    d.X = before;
    shiftImages(d.X, shape, 4, 0);  // out of the image entirely
    QCOMPARE(d.X.cwiseAbs().maxCoeff(), Scalar(0));
  }

  void flipTwiceIsIdentity() {
    const ImageShape shape{3, 2, 5};
    Dataset d = numbered(3, 2, 5, 3);
    const Matrix before = d.X;
    flipImages(d.X, shape);
    QCOMPARE(d.X(1 * 10 + 1 * 5 + 0, 2), before(1 * 10 + 1 * 5 + 4, 2));  // channel 1, (y 1, x 0) ← x 4
    QVERIFY(d.X != before);
    flipImages(d.X, shape);
    QCOMPARE(d.X, before);
  }

  void rotationTurnsCounterClockwise() {
    const ImageShape shape{1, 5, 5};
    Vector v = Vector::Zero(25);
    v(2 * 5 + 4) = 1;  // right of the centre
    rotateImage(v, shape, 90);
    QVERIFY(std::abs(v(0 * 5 + 2) - 1) < 1e-5);  // now above it
    QVERIFY(std::abs(v.sum() - 1) < 1e-5);
    Vector w = Vector::LinSpaced(25, 0, 24);
    const Vector orig = w;
    rotateImage(w, shape, 0);
    QVERIFY((w - orig).cwiseAbs().maxCoeff() < 1e-5);
  }

  void augmentationIsDeterministic() {
    const Dataset digits = loadDigits(digitsPath());
    Matrix a = digits.X.leftCols(50), b = a;
    AugmentConfig cfg;
    cfg.maxShift = 2;
    cfg.maxRotation = 15;
    cfg.flipProbability = 0.5;
    cfg.noise = 0.05;
    Rng r1(9), r2(9);
    augmentImages(a, digits.image, cfg, r1);
    augmentImages(b, digits.image, cfg, r2);
    QCOMPARE(a, b);
    QVERIFY(a != digits.X.leftCols(50));
    // Shift alone keeps the pixel values, moving some off the image: the sum never grows.
    AugmentConfig shiftOnly;
    shiftOnly.maxShift = 1;
    Matrix c = digits.X.leftCols(50);
    Rng r3(1);
    augmentImages(c, digits.image, shiftOnly, r3);
    for (Index i = 0; i < 50; ++i) QVERIFY(c.col(i).sum() <= digits.X.col(i).sum() + 1e-4);
    AugmentConfig bad;
    bad.maxRotation = 90;
    try {
      augmentImages(c, digits.image, bad, r3);
      QFAIL("a 90° rotation strength was accepted");
    } catch (const ConfigError& e) {
      QCOMPARE(e.field(), std::string("augment.maxRotation"));
    }
  }

  void splitAndStandardisePerChannel() {
    // Two channels of very different scales.
    Dataset d;
    d.image = {2, 4, 4};
    d.X.resize(32, 400);
    Rng rng(3);
    for (Index i = 0; i < 400; ++i)
      for (Index p = 0; p < 16; ++p) {
        d.X(p, i) = static_cast<Scalar>(rng.normal(5.0, 2.0));
        d.X(16 + p, i) = static_cast<Scalar>(rng.normal(-1.0, 0.1));
      }
    d.labels.resize(400);
    for (std::size_t i = 0; i < 400; ++i) d.labels[i] = static_cast<int>(i % 4);
    d.numClasses = 4;
    const PreparedImages p = prepareImages(d, 0.2, 0.1, 11);
    QCOMPARE(p.parts.train.size() + p.parts.validation.size() + p.parts.test.size(), Index{400});
    QCOMPARE(p.parts.validation.size(), Index{80});
    QCOMPARE(p.parts.test.size(), Index{40});
    QCOMPARE(p.parts.train.image, d.image);
    for (Index c = 0; c < 2; ++c) {
      const auto block = p.parts.train.X.middleRows(c * 16, 16).cast<double>();
      const double mean = block.mean();
      const double sd = std::sqrt((block.array() - mean).square().mean());
      QVERIFY2(std::abs(mean) < 1e-4, qPrintable(QString::number(mean)));
      QVERIFY2(std::abs(sd - 1) < 1e-4, qPrintable(QString::number(sd)));
      // Validation uses the training statistics: close to, not exactly, 0 and 1.
      const double vmean = p.parts.validation.X.middleRows(c * 16, 16).cast<double>().mean();
      QVERIFY(std::abs(vmean) < 0.2);
    }
    QVERIFY(std::abs(p.standardizer.mean[0] - 5) < 0.1 && std::abs(p.standardizer.std[1] - 0.1) < 0.01);
    // Stratified: every class in every part.
    for (const Dataset* part : {&p.parts.train, &p.parts.validation, &p.parts.test})
      for (int k = 0; k < 4; ++k) QVERIFY(std::count(part->labels.begin(), part->labels.end(), k) > 0);
    // Same seed, same split.
    QCOMPARE(prepareImages(d, 0.2, 0.1, 11).parts.test.X, p.parts.test.X);
    Dataset table = d;
    table.image = {};
    QVERIFY_THROWS_EXCEPTION(ConfigError, prepareImages(table, 0.2, 0.1, 11));
  }
};

QTEST_GUILESS_MAIN(TestImages)
#include "tst_images.moc"
