// CSV import: header detection, separators, label mapping, and one test per kind of bad file, each
// checking that the message points at the place (line/column) or states the size.
#include <QtTest>

#include "core/Error.h"
#include "data/Csv.h"

#include <filesystem>
#include <fstream>
#include <string>

#include <sys/stat.h>
#include "GzipForTests.h"

using namespace dl;

class TestCsv : public QObject {
  Q_OBJECT

  QTemporaryDir m_dir;
  int m_count = 0;

  // Writes `text` to a fresh file in the temporary directory and returns its path.
  std::string write(const std::string& text) {
    const std::string path = m_dir.filePath(QStringLiteral("f%1.csv").arg(++m_count)).toStdString();
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

  // The DataError message of loading `text`, or "" when it loads.
  std::string errorOf(const std::string& text, int labelColumn = -1, bool regression = false) {
    try {
      loadCsv(write(text), labelColumn, true, regression);
    } catch (const DataError& e) {
      return e.what();
    }
    return {};
  }

  static bool has(const std::string& message, const char* part) { return message.find(part) != std::string::npos; }

#define EXPECT_MESSAGE(message, part) \
  QVERIFY2(has((message), (part)), qPrintable(QString("'%1' does not mention '%2'").arg((message).c_str(), (part))))

private slots:
  void initTestCase() { QVERIFY(m_dir.isValid()); }

  void headerAutoDetected() {
    // The hint says "no header", but "a" is no number: the first row is a header anyway.
    const Dataset d = loadCsv(write("a,b,label\n1,2,0\n3,4,1\n5.5,-6e-1,1\n"), -1, false, false);
    QCOMPARE(d.size(), Index{3});
    QCOMPARE(d.features(), Index{2});
    QCOMPARE(d.featureNames, (std::vector<std::string>{"a", "b"}));
    QCOMPARE(d.X(0, 2), Scalar(5.5));
    QCOMPARE(d.X(1, 2), Scalar(-0.6));
    QCOMPARE(d.labels, (std::vector<int>{0, 1, 1}));
    QCOMPARE(d.numClasses, 2);
    QVERIFY(d.task == Task::Classification);
  }

  void numericFirstRowIsData() {
    // The hint says "header", but every cell of the first row is a number: it is data.
    const Dataset d = loadCsv(write("1,2,0\n3,4,1\n"), -1, true, false);
    QCOMPARE(d.size(), Index{2});
    QCOMPARE(d.featureNames, (std::vector<std::string>{"x1", "x2"}));
  }

  void stringLabelsInOrderOfAppearance() {
    const Dataset d =
        loadCsv(write("x,y,species\n1,2,virginica\n3,4,setosa\n5,6,virginica\n7,8,versicolor\n"), -1, true, false);
    QCOMPARE(d.classNames, (std::vector<std::string>{"virginica", "setosa", "versicolor"}));
    QCOMPARE(d.labels, (std::vector<int>{0, 1, 0, 2}));
    QCOMPARE(d.numClasses, 3);
  }

  void stringLabelHeaderOnlyInLabelColumn() {
    // Numeric features, text label in the first row of a classification file: a data row whose
    // class appears nowhere else, never a header (that would lose a row and a class).
    Dataset d = loadCsv(write("1,2,bird\n3,4,cat\n5,6,dog\n"), -1, true, false);
    QCOMPARE(d.size(), Index{3});
    QCOMPARE(d.classNames, (std::vector<std::string>{"bird", "cat", "dog"}));
    QCOMPARE(d.X(0, 0), Scalar(1));
    d = loadCsv(write("1,2,cat\n3,4,dog\n5,6,cat\n"), -1, true, false);
    QCOMPARE(d.size(), Index{3});
    QCOMPARE(d.classNames, (std::vector<std::string>{"cat", "dog"}));
    d = loadCsv(write("1,2,kind\n3,4,cat\n5,6,dog\n"), -1, false, false);
    QCOMPARE(d.size(), Index{3});
    // A regression label must be a number: there the text is the target's name.
    d = loadCsv(write("1,target\n3,0.5\n5,0.25\n"), -1, true, true);
    QCOMPARE(d.size(), Index{2});
    QCOMPARE(d.targets(0, 1), Scalar(0.25));
  }

  void integerLabelsRemappedInSortedOrder() {
    const Dataset d = loadCsv(write("f,label\n0.5,7\n1.5,3\n2.5,10\n3.5,7\n"), -1, true, false);
    QCOMPARE(d.classNames, (std::vector<std::string>{"3", "7", "10"}));
    QCOMPARE(d.labels, (std::vector<int>{1, 0, 2, 1}));
  }

  void semicolonTabQuotesAndLabelColumn() {
    Dataset d = loadCsv(write("label;a;b\n1;2;3\n0;5;6\n"), 0, true, false);
    QCOMPARE(d.featureNames, (std::vector<std::string>{"a", "b"}));
    QCOMPARE(d.labels, (std::vector<int>{1, 0}));
    QCOMPARE(d.X(1, 1), Scalar(6));
    d = loadCsv(write("a\tb\tc\r\n1\t2\tx\r\n3\t4\ty\r\n"), -1, true, false);
    QCOMPARE(d.size(), Index{2});
    QCOMPARE(d.classNames, (std::vector<std::string>{"x", "y"}));
    d = loadCsv(write("\"first, name\",b,c\n\" 1\",+2,\"a \"\"b\"\"\"\n3,4,c\n"), -1, true, false);
    QCOMPARE(d.featureNames.front(), std::string("first, name"));
    QCOMPARE(d.X(1, 0), Scalar(2));
    QCOMPARE(d.classNames.front(), std::string("a \"b\""));
  }

  void regressionTargets() {
    const Dataset d = loadCsv(write("x,y\n1,0.25\n2,-1.5\n3,7\n"), -1, true, true);
    QVERIFY(d.task == Task::Regression);
    QCOMPARE(d.numClasses, 0);
    QCOMPARE(d.targets.rows(), Index{1});
    QCOMPARE(d.targets(0, 1), Scalar(-1.5));
    QCOMPARE(d.features(), Index{1});
  }

  void blankLinesSkippedButCounted() {
    // Line 4 (after a blank line 3) holds the bad cell; the message counts physical lines.
    const std::string m = errorOf("a,b,c\n1,2,0\n\n1,oops,1\n");
    EXPECT_MESSAGE(m, "line 4, column 2");
  }

  void missingFile() {
    const std::string path = m_dir.filePath("nope.csv").toStdString();
    try {
      loadCsv(path, -1, true, false);
      QFAIL("no error");
    } catch (const DataError& e) {
      EXPECT_MESSAGE(std::string(e.what()), "nope.csv");
      EXPECT_MESSAGE(std::string(e.what()), "does not exist");
    }
  }

  void emptyFile() {
    EXPECT_MESSAGE(errorOf(""), "empty");
    EXPECT_MESSAGE(errorOf("\n  \n\n"), "empty");
  }

  void raggedRows() {
    std::string m = errorOf("a,b,c\n1,2,0\n3,4\n5,6,1\n");
    EXPECT_MESSAGE(m, "line 3");
    EXPECT_MESSAGE(m, "has 2 cells, expected 3");
    // The first line is the odd one out (wine_data.csv's shape without its row count): named.
    m = errorOf("9,2,a,b,c\n1,2,0\n3,4,1\n5,6,1\n");
    EXPECT_MESSAGE(m, "line 1: the line has 5 cells, but most lines have 3");
  }

  // scikit-learn's "N,F,class names" first line (iris.csv, wine_data.csv, breast_cancer.csv) is
  // no data: skipped, and its names become the class names; boston_house_prices.csv's
  // "506,13,,,," precedes a header.
  void scikitLearnDescriptorLine() {
    Dataset d = loadCsv(write("4,2,setosa,versicolor,virginica\n5.1,3.5,0\n4.9,3.0,1\n6.3,2.9,2\n5.0,3.4,0\n"),
                        -1, true, false);
    QCOMPARE(d.size(), Index{4});
    QCOMPARE(d.features(), Index{2});
    QCOMPARE(d.classNames, (std::vector<std::string>{"setosa", "versicolor", "virginica"}));
    QCOMPARE(d.labels, (std::vector<int>{0, 1, 2, 0}));
    d = loadCsv(write("3,2,,\n\"A\",\"B\",\"Y\"\n1,2,24\n3,4,21.6\n5,6,34.7\n"), -1, true, true);
    QCOMPARE(d.size(), Index{3});
    QCOMPARE(d.featureNames, (std::vector<std::string>{"A", "B"}));
    QCOMPARE(d.targets(0, 2), Scalar(34.7f));
    // A row count that does not match is data, and the ragged line is named.
    EXPECT_MESSAGE(errorOf("7,2,a,b\n1,2,0\n3,4,1\n5,6,1\n"), "line 1");
  }

  // Spreadsheet exports: ';' with decimal commas, a separator closing every line, ghost rows of
  // separators only, runs of spaces (scikit-learn's linnerud and diabetes files).
  void europeanExportsAndGhostRows() {
    Dataset d = loadCsv(write("1,5;-2,25;0\n3;4,0;1\n;;\n0,125;6;1\n"), -1, true, false);
    QCOMPARE(d.size(), Index{3});
    QCOMPARE(d.X(0, 0), Scalar(1.5));
    QCOMPARE(d.X(1, 0), Scalar(-2.25));
    QCOMPARE(d.X(0, 2), Scalar(0.125));
    d = loadCsv(write("a,b,label,\n1,2,0,\n3,4,1,\n,,,\n5,6,1,\n"), -1, true, false);
    QCOMPARE(d.size(), Index{3});
    QCOMPARE(d.features(), Index{2});
    QCOMPARE(d.labels, (std::vector<int>{0, 1, 1}));
    d = loadCsv(write("Chins Situps  Jumps\n5 162 60\n  2   110 60\n12 101 101\n"), -1, true, true);
    QCOMPARE(d.featureNames, (std::vector<std::string>{"Chins", "Situps"}));
    QCOMPARE(d.size(), Index{3});
    QCOMPARE(d.X(1, 1), Scalar(110));
    // Commas stay separators in a comma file: "1,5" there is two cells.
    d = loadCsv(write("1,5,0\n2,6,1\n"), -1, true, false);
    QCOMPARE(d.features(), Index{2});
  }

  void utf16WithByteOrderMark() {
    const std::string text = "a,b,\xE7\xB1\xBB\n1,2,\xE7\x8C\xAB\n3,4,\xF0\x9F\x90\xB6\n";  // 类 猫 🐶
    const QString q = QString::fromUtf8(text.data(), qsizetype(text.size()));
    for (const bool big : {false, true}) {
      std::string bytes = big ? "\xFE\xFF" : "\xFF\xFE";
      for (const QChar ch : q) {
        const char hi = char(ch.unicode() >> 8), lo = char(ch.unicode() & 0xFF);
        bytes += big ? std::string{hi, lo} : std::string{lo, hi};
      }
      const Dataset d = loadCsv(write(bytes), -1, true, false);
      QCOMPARE(d.size(), Index{2});
      QCOMPARE(d.classNames, (std::vector<std::string>{"\xE7\x8C\xAB", "\xF0\x9F\x90\xB6"}));
    }
    EXPECT_MESSAGE(errorOf(std::string("\xFF\xFE" "a\0,\0b", 7)), "odd number of bytes");
  }

  void gzipCompressed() {
    const auto gzipped = gzipForTests;
    const std::string plain = "a,b,label\n1,2,0\n3,4,1\n5,6,1\n";
    const std::string packed = gzipped(plain);
    const Dataset d = loadCsv(write(packed), -1, true, false);
    QCOMPARE(d.size(), Index{3});
    QCOMPARE(d.X(1, 2), Scalar(6));
    // Cut short, or corrupt: one line naming the problem.
    EXPECT_MESSAGE(errorOf(packed.substr(0, packed.size() / 2)), "broken gzip data");
    std::string corrupt = packed;
    for (std::size_t i = 12; i < corrupt.size() - 8; ++i) corrupt[i] = char(corrupt[i] ^ 0x5A);
    EXPECT_MESSAGE(errorOf(corrupt), "broken gzip data");
    // A small file that inflates beyond the limit is stopped at the limit (a "zip bomb").
    const std::string bomb = gzipped(std::string(kMaxCsvBytes + 1024, '0'));
    QVERIFY(bomb.size() < 1024 * 1024);
    EXPECT_MESSAGE(errorOf(bomb), "decompressed, the file is larger than the 64.0 MB limit");
  }

  // Labels with a value every few rows are measurements, not classes (diabetes' target).
  void realValuedLabelsRefused() {
    std::string text = "x,y\n";
    for (int i = 0; i < 200; ++i) text += std::to_string(i) + "," + std::to_string(25 + (i * 37) % 300) + "\n";
    try {
      loadCsv(write(text), -1, true, false);
      QFAIL("no error");
    } catch (const DataError& e) {
      QVERIFY(isRealValuedLabelError(e));
      EXPECT_MESSAGE(std::string(e.what()), "distinct values in 200 rows");
      EXPECT_MESSAGE(std::string(e.what()), "regression");
    }
    QCOMPARE(loadCsv(write(text), -1, true, true).size(), Index{200});
    // Ten digit classes in 200 rows are classes; so are 30 classes in 1,000 rows.
    text = "x,y\n";
    for (int i = 0; i < 200; ++i) text += std::to_string(i) + "," + std::to_string(i % 10) + "\n";
    QCOMPARE(loadCsv(write(text), -1, true, false).numClasses, 10);
    text = "x,y\n";
    for (int i = 0; i < 1000; ++i) text += std::to_string(i) + "," + std::to_string(i % 30) + "\n";
    QCOMPARE(loadCsv(write(text), -1, true, false).numClasses, 30);
    // Any label kind: over kMaxCsvClasses names (an id column) is refused too.
    text = "x,y\n";
    for (int i = 0; i < 2000; ++i) text += std::to_string(i) + ",id" + std::to_string(i % 150) + "\n";
    EXPECT_MESSAGE(errorOf(text), "150 distinct values in 2000 rows");
  }

  // A FIFO would block and /dev/zero never ends: refused from the file's kind, before reading.
  void nonRegularFilesRefused() {
    const std::string fifo = m_dir.filePath("pipe.csv").toStdString();
    QCOMPARE(::mkfifo(fifo.c_str(), 0600), 0);
    for (const std::string& path : {fifo, std::string("/dev/zero"), std::string("/dev/urandom")}) {
      try {
        loadCsv(path, -1, true, false);
        QFAIL("no error");
      } catch (const DataError& e) {
        EXPECT_MESSAGE(std::string(e.what()), "not a regular file");
        EXPECT_MESSAGE(std::string(e.what()), path.c_str());
      }
    }
    try {
      loadCsv(m_dir.path().toStdString(), -1, true, false);
      QFAIL("no error");
    } catch (const DataError& e) {
      EXPECT_MESSAGE(std::string(e.what()), "is a folder");
    }
  }

  void nonNumericCell() {
    const std::string m = errorOf("a,b,c\n1,2,0\n3,this text is much too long to quote,1\n");
    EXPECT_MESSAGE(m, "line 3, column 2");
    // Quoted and truncated to 20 characters.
    EXPECT_MESSAGE(m, "'this text is much to...'");
    QVERIFY(!has(m, "too long"));
  }

  // A quoted cell is one line of text: a lone carriage return or a NUL is escaped, and a cut
  // never splits a UTF-8 character.
  void messageQuotesControlCharactersEscaped() {
    std::string m = errorOf(std::string("a,b,c\n1,2,0\n3,x\ry\0z,1\n", 22));
    EXPECT_MESSAGE(m, "line 3, column 2: 'x\\ry\\x00z' is not a number");
    QVERIFY(m.find_first_of(std::string("\r\n\0", 3)) == std::string::npos);
    m = errorOf(
        "a,b,c\n1,2,0\n3,\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9x\xC3\xA9\xC3\xA9,"
        "1\n");
    EXPECT_MESSAGE(m, "'\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9x...'");
  }

  // A first line of a million columns followed by short lines: a ragged-row error, not a
  // reservation of (lines × columns) floats (it was 1.2 TB here, and std::bad_alloc).
  void wideFirstLineThenShortRows() {
    std::string text;
    for (int j = 0; j < 1000000; ++j) text += "1,";
    text += "0\n";
    for (int i = 0; i < 300000; ++i) text += "1\n";
    const std::string m = errorOf(text);
    EXPECT_MESSAGE(m, "line 1: the line has 1000001 cells, but most lines have 1");
  }

  void nanCell() {
    const std::string m = errorOf("a,b,c\nnan,2,0\n3,4,1\n");
    EXPECT_MESSAGE(m, "line 2, column 1");
    EXPECT_MESSAGE(m, "NaN/Inf is not allowed");
  }

  void infCell() {
    std::string m = errorOf("a,b,c\n1,2,0\n3,-inf,1\n");
    EXPECT_MESSAGE(m, "line 3, column 2");
    EXPECT_MESSAGE(m, "NaN/Inf is not allowed");
    // Too large for a float (it would become Inf), or for a double: said so, with the limit.
    for (const char* big : {"1e300", "-1e400", "123456789012345678901234567890123456789012"}) {
      m = errorOf(std::string("a,b,c\n1,2,0\n3,") + big + ",1\n");
      EXPECT_MESSAGE(m, "line 3, column 2");
      EXPECT_MESSAGE(m, "is too large: values must lie within ±3.402823466e+38");
    }
  }

  // A value below the smallest double is a number (0), not "NaN/Inf".
  void underflowIsZero() {
    const Dataset d = loadCsv(write("a,b,c\n1e-400,2,0\n-1e-4000,4,1\n"), -1, true, false);
    QCOMPARE(d.X(0, 0), Scalar(0));
    QCOMPARE(d.X(0, 1), Scalar(0));
    QCOMPARE(d.X(1, 1), Scalar(4));
  }

  void oneClass() {
    const std::string m = errorOf("a,b,c\n1,2,yes\n3,4,yes\n");
    EXPECT_MESSAGE(m, "column 3");
    EXPECT_MESSAGE(m, "label column has only one class: 'yes'");
  }

  void labelColumnOutOfRange() {
    std::string m = errorOf("a,b,c\n1,2,0\n3,4,1\n", 5);
    EXPECT_MESSAGE(m, "label column index 5");
    EXPECT_MESSAGE(m, "has 3 columns");
    m = errorOf("a,b,c\n1,2,0\n3,4,1\n", -2);
    EXPECT_MESSAGE(m, "label column index -2");
  }

  void badIntegerLabel() {
    const std::string m = errorOf("a,b\n1,0\n2,-1\n3,1\n");
    EXPECT_MESSAGE(m, "line 3, column 2");
    EXPECT_MESSAGE(m, "not a non-negative integer");
  }

  void tooFewRows() {
    EXPECT_MESSAGE(errorOf("a,b,c\n1,2,0\n"), "found 1");
    EXPECT_MESSAGE(errorOf("a,b,c\n"), "found 0");
  }

  void tooLarge() {
    // A sparse 100 MiB file: no disk blocks written, and the loader must refuse it from its size
    // alone, before reading (reading 100 MB of zeros would also fail, but slowly and differently).
    const std::string path = m_dir.filePath("huge.csv").toStdString();
    std::ofstream(path).put('1');
    std::filesystem::resize_file(path, 100ull * 1024 * 1024);
    try {
      loadCsv(path, -1, true, false);
      QFAIL("no error");
    } catch (const DataError& e) {
      EXPECT_MESSAGE(std::string(e.what()), "100.0 MB");
      EXPECT_MESSAGE(std::string(e.what()), "64.0 MB limit");
    }
  }
};

QTEST_APPLESS_MAIN(TestCsv)
#include "tst_csv.moc"
