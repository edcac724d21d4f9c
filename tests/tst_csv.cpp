// CSV import: header detection, separators, label mapping, and one test per kind of bad file, each
// checking that the message points at the place (line/column) or states the size.
#include <QtTest>

#include "core/Error.h"
#include "data/Csv.h"

#include <filesystem>
#include <fstream>
#include <string>

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
    // Numeric features, text label in the first row: with the hint it is a header, unless that
    // text comes back as a label further down (then it is a class of the data).
    Dataset d = loadCsv(write("1,2,kind\n3,4,cat\n5,6,dog\n"), -1, true, false);
    QCOMPARE(d.size(), Index{2});
    d = loadCsv(write("1,2,cat\n3,4,dog\n5,6,cat\n"), -1, true, false);
    QCOMPARE(d.size(), Index{3});
    QCOMPARE(d.classNames, (std::vector<std::string>{"cat", "dog"}));
    d = loadCsv(write("1,2,kind\n3,4,cat\n5,6,dog\n"), -1, false, false);
    QCOMPARE(d.size(), Index{3});
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
    const std::string m = errorOf("a,b,c\n1,2,0\n3,4\n");
    EXPECT_MESSAGE(m, "line 3");
    EXPECT_MESSAGE(m, "has 2 cells, expected 3");
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
    EXPECT_MESSAGE(m, "line 2");
    EXPECT_MESSAGE(m, "has 1 cells, expected 1000001");
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
