// Image data sets: the bundled UCI digits, IDX files (every corrupt header the reader must refuse
// by name), Fashion-MNIST when Debian's package is installed, the synthetic shapes and the image
// transforms (permutation, shifts, flips, augmentation, split and per-channel standardisation).
#include <QtTest>

#include "core/Error.h"
#include "data/Images.h"

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
};

QTEST_GUILESS_MAIN(TestImages)
#include "tst_images.moc"
